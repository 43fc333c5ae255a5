package main

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/eipsim/eipsim/control"
)

// logRequests wraps h to write one line per request to w:
//
//	2026-11-26T04:23:36.123Z 127.0.0.1:51234 POST AllocateEipAddress 200 152µs F00D...
//
// time (UTC), remote address, method, action (for a control call its path,
// /_eipsim/...), status, duration, RequestId.
// Lines are written whole, one at a time. A field that is not plain
// printable ASCII without spaces (an unsigned Action can hold anything) is
// written Go-quoted and clipped (see logField), so no request can forge a
// line or a field.
func logRequests(h http.Handler, w io.Writer) http.Handler {
	var mu sync.Mutex
	var buf []byte // the line, built under mu: the log costs no Sprintf per request
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: rw, status: http.StatusOK}
		h.ServeHTTP(sw, r)
		action := r.Header.Get("X-Acs-Action") // canonical: no canonicalizing
		if strings.HasPrefix(r.URL.Path, control.Prefix) {
			action = r.URL.Path // a control call: its endpoint
		}
		if action == "" {
			action = r.URL.Query().Get("Action")
		}
		if action == "" {
			action = "-"
		}
		took := time.Since(start).Round(time.Microsecond)
		rid := logField(rw.Header().Get("X-Acs-Request-Id"))
		mu.Lock()
		defer mu.Unlock()
		buf = start.UTC().AppendFormat(buf[:0], "2006-01-02T15:04:05.000Z")
		for _, f := range [...]string{logField(r.RemoteAddr), logField(r.Method), logField(action)} {
			buf = append(append(buf, ' '), f...)
		}
		buf = strconv.AppendInt(append(buf, ' '), int64(sw.status), 10)
		buf = append(append(buf, ' '), took.String()...)
		buf = append(append(append(buf, ' '), rid...), '\n')
		_, _ = w.Write(buf)
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

// maxLogField bounds a field of the request log.
const maxLogField = 128

// logField returns s as one field of a log line: as is when it is 1 to
// maxLogField bytes of printable ASCII other than space and '"'; else quoted
// with strconv.QuoteToASCII after clipping to maxLogField bytes.
func logField(s string) string {
	plain := s != "" && len(s) <= maxLogField
	for i := 0; plain && i < len(s); i++ {
		plain = s[i] > ' ' && s[i] < 0x7f && s[i] != '"'
	}
	if plain {
		return s
	}
	if len(s) > maxLogField {
		return strconv.QuoteToASCII(s[:maxLogField]) + "..."
	}
	return strconv.QuoteToASCII(s)
}
