package control_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/control"
)

// TestCrossOriginRefused: a page on another origin, open in the same
// browser, cannot advance or reset the Sim through the tokenless loopback
// control API; same-origin browser calls (the console) and calls without
// browser headers (curl, the SDKs) still work.
func TestCrossOriginRefused(t *testing.T) {
	srv, err := control.New(control.Config{ManualClock: true})
	if err != nil {
		t.Fatal(err)
	}
	post := func(hdr map[string]string) int {
		r := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:8080"+control.Prefix+"clock/advance", strings.NewReader(`{"by":"3s"}`))
		r.Header.Set("Content-Type", "text/plain")
		for k, v := range hdr {
			r.Header.Set(k, v)
		}
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, r)
		return w.Code
	}
	for _, tc := range []struct {
		name string
		hdr  map[string]string
		want int
	}{
		{"curl", nil, http.StatusOK},
		{"console (same origin)", map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": "http://127.0.0.1:8080"}, http.StatusOK},
		{"other site, Sec-Fetch-Site", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, http.StatusForbidden},
		{"other site, Origin only", map[string]string{"Origin": "https://evil.example"}, http.StatusForbidden},
	} {
		if got := post(tc.hdr); got != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, got, tc.want)
		}
	}
	r := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:8080"+control.Prefix+"version", nil)
	r.Header.Set("Sec-Fetch-Site", "cross-site")
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		t.Errorf("cross-site GET version: %d, want 200 (safe methods stay open)", w.Code)
	}
}
