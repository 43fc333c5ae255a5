package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// Each request writes one line: time, remote address, method, action,
// status, duration, RequestId; a field that could forge a line is quoted.
func TestLogRequestsLine(t *testing.T) {
	var out bytes.Buffer
	h := logRequests(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-acs-request-id", "0ED8D006-F706-4D23-88ED-E11ED28DCAC0")
		w.WriteHeader(http.StatusNotFound)
	}), &out)
	for _, action := range []string{"AllocateEipAddress", "Bad Action\n"} {
		r := httptest.NewRequest(http.MethodPost, "/", nil)
		r.Header.Set("x-acs-action", action)
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	lines := strings.SplitAfter(out.String(), "\n")
	want := []*regexp.Regexp{
		regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 192\.0\.2\.1:1234 POST AllocateEipAddress 404 ([0-9.]+(µs|ms|s)|0s) 0ED8D006-F706-4D23-88ED-E11ED28DCAC0\n$`),
		regexp.MustCompile(`^\S+Z 192\.0\.2\.1:1234 POST "Bad Action\\n" 404 \S+ 0ED8D006-F706-4D23-88ED-E11ED28DCAC0\n$`),
	}
	if len(lines) != 3 || lines[2] != "" {
		t.Fatalf("want two lines, got %q", out.String())
	}
	for i, re := range want {
		if !re.MatchString(lines[i]) {
			t.Errorf("line %d = %q, want %s", i, lines[i], re)
		}
	}
}
