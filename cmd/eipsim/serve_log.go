package main

import (
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// logRequests wraps h to write one line per request to w:
//
//	2026-11-26T04:23:36.123Z 127.0.0.1:51234 POST AllocateEipAddress 200 152µs F00D...
//
// time (UTC), remote address, method, action, status, duration, RequestId.
// Lines are written whole, one at a time.
func logRequests(h http.Handler, w io.Writer) http.Handler {
	var mu sync.Mutex
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: rw, status: http.StatusOK}
		h.ServeHTTP(sw, r)
		action := r.Header.Get("x-acs-action")
		if action == "" {
			action = r.URL.Query().Get("Action")
		}
		if action == "" {
			action = "-"
		}
		line := fmt.Sprintf("%s %s %s %s %d %s %s\n",
			start.UTC().Format("2006-01-02T15:04:05.000Z"), r.RemoteAddr, r.Method, action,
			sw.status, time.Since(start).Round(time.Microsecond), rw.Header().Get("x-acs-request-id"))
		mu.Lock()
		defer mu.Unlock()
		_, _ = io.WriteString(w, line)
	})
}

// statusWriter records the status a handler writes.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(status int) {
	s.status = status
	s.ResponseWriter.WriteHeader(status)
}
