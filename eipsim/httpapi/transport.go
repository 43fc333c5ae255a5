package httpapi

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"net/url"
	"strconv"
)

// InProcessTransport returns an http.RoundTripper that serves every request
// by calling h directly, in the caller's goroutine, with no network, no
// sockets and no proxy. The request h sees looks like one net/http's server
// parsed: canonical header names, Host, RequestURI, RemoteAddr, a non-nil
// Body. A panic in h becomes an error from RoundTrip, as a real server would
// drop the connection.
func InProcessTransport(h http.Handler) http.RoundTripper {
	return inProcess{h}
}

type inProcess struct{ h http.Handler }

// inProcessRemoteAddr is the RemoteAddr of in-process requests.
const inProcessRemoteAddr = "127.0.0.1:0"

func (t inProcess) RoundTrip(req *http.Request) (resp *http.Response, err error) {
	body := req.Body
	if body == nil {
		body = http.NoBody
	}
	defer body.Close()
	sreq, err := serverRequest(req, body)
	if err != nil {
		return nil, err
	}
	rec := &recorder{header: make(http.Header)}
	defer func() {
		if v := recover(); v != nil {
			resp, err = nil, fmt.Errorf("httpapi: in-process handler panicked: %v", v)
		}
	}()
	t.h.ServeHTTP(rec, sreq)
	return rec.response(req), nil
}

// serverRequest turns a client request into what a server handler receives.
func serverRequest(req *http.Request, body io.ReadCloser) (*http.Request, error) {
	if req.URL == nil {
		return nil, fmt.Errorf("httpapi: in-process request has no URL")
	}
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	// The SDK sets lower-case header names directly in the map; a server
	// would see them canonicalized. Host travels in req.Host, not the map.
	header := make(http.Header, len(req.Header))
	for k, vs := range req.Header {
		ck := textproto.CanonicalMIMEHeaderKey(k)
		if ck == "Host" {
			continue
		}
		header[ck] = append(header[ck], vs...)
	}
	u := &url.URL{Path: req.URL.Path, RawPath: req.URL.RawPath, RawQuery: req.URL.RawQuery}
	if u.Path == "" {
		u.Path = "/"
	}
	sreq := &http.Request{
		Method:        req.Method,
		URL:           u,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        header,
		Body:          body,
		ContentLength: req.ContentLength,
		Host:          host,
		RemoteAddr:    inProcessRemoteAddr,
		RequestURI:    u.RequestURI(),
	}
	if sreq.Method == "" {
		sreq.Method = http.MethodGet
	}
	return sreq.WithContext(req.Context()), nil
}

// recorder is a minimal http.ResponseWriter that buffers the response.
type recorder struct {
	header      http.Header
	status      int
	wroteHeader bool
	body        bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.wroteHeader {
		return
	}
	r.wroteHeader = true
	r.status = status
}

func (r *recorder) Write(p []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(p)
}

func (r *recorder) response(req *http.Request) *http.Response {
	r.WriteHeader(http.StatusOK)
	return &http.Response{
		Status:        strconv.Itoa(r.status) + " " + http.StatusText(r.status),
		StatusCode:    r.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        r.header,
		Body:          io.NopCloser(bytes.NewReader(r.body.Bytes())),
		ContentLength: int64(r.body.Len()),
		Request:       req,
	}
}

// SDKHTTPClient adapts an http.RoundTripper to the HttpClient interface of
// the official SDK's runtime (github.com/alibabacloud-go/tea/dara), so that
//
//	openapi.Config{HttpClient: httpapi.SDKHTTPClient{Transport: httpapi.InProcessTransport(h)}, ...}
//
// sends every call straight to h. The SDK still builds its own
// *http.Transport for each call (reading proxy settings); Call ignores it, so
// proxy environment variables have no effect in-process.
type SDKHTTPClient struct {
	Transport http.RoundTripper
}

// Call sends req through c.Transport; transport, the SDK's own, is ignored.
func (c SDKHTTPClient) Call(req *http.Request, transport *http.Transport) (*http.Response, error) {
	return c.Transport.RoundTrip(req)
}
