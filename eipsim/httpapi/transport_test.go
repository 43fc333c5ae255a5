package httpapi

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestInProcessTransportLooksLikeAServer: the handler sees what net/http's
// server would give it, and the client gets a complete response.
func TestInProcessTransportLooksLikeAServer(t *testing.T) {
	var got *http.Request
	var gotBody string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r
		b, _ := io.ReadAll(r.Body)
		gotBody = string(b)
		w.Header().Set("X-Test", "1")
		w.WriteHeader(http.StatusTeapot)
		_, _ = w.Write([]byte("hi"))
	})
	req, _ := http.NewRequest(http.MethodPost, "http://vpc.eipsim.test/?A=b+c", strings.NewReader("x=1"))
	req.Header["x-acs-action"] = []string{"ReleaseEipAddress"} // lower case, as the SDK sets it
	req.Header["Host"] = []string{"ignored"}
	req.Host = "127.0.0.1:9"
	resp, err := InProcessTransport(h).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusTeapot || resp.Status != "418 I'm a teapot" || string(body) != "hi" ||
		resp.Header.Get("X-Test") != "1" || resp.ContentLength != 2 || resp.Request != req {
		t.Errorf("response %+v body %q", resp, body)
	}
	if got.Header.Get("X-Acs-Action") != "ReleaseEipAddress" || got.Header["Host"] != nil || got.Host != "127.0.0.1:9" ||
		got.RequestURI != "/?A=b+c" || got.URL.Query().Get("A") != "b c" || got.RemoteAddr == "" || gotBody != "x=1" ||
		got.ContentLength != 3 || got.Context() != req.Context() {
		t.Errorf("server request %+v", got)
	}
}

func TestInProcessTransportDefaults(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.URL.Path != "/" || r.Host != "example.test" {
			t.Errorf("request %+v", r)
		}
	})
	req, _ := http.NewRequest(http.MethodGet, "http://example.test", nil)
	resp, err := InProcessTransport(h).RoundTrip(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("%v %v", resp, err)
	}
}

func TestInProcessTransportPanic(t *testing.T) {
	h := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })
	req, _ := http.NewRequest(http.MethodGet, "http://example.test/", nil)
	if resp, err := InProcessTransport(h).RoundTrip(req); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("got %v, %v; want an error naming the panic", resp, err)
	}
}

// TestInProcessHTTPClient: the transport also works under a plain http.Client.
func TestInProcessHTTPClient(t *testing.T) {
	b := &stubBackend{}
	c := &http.Client{Transport: InProcessTransport(open(b))}
	resp, err := c.Post("http://vpc.eipsim.test"+okQuery, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := checkAnswer(resp)
	if err != nil || a.Status != 200 || b.numCalls() != 1 {
		t.Fatalf("%+v %v", a, err)
	}
}
