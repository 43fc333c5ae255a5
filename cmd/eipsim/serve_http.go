package main

import (
	"net/http"
	"time"
)

// The HTTP server's limits. A request must arrive whole within
// serveReadTimeout (a body trickled in holds a connection no longer) and its
// answer be written within serveWriteTimeout; an idle keep-alive connection
// is closed after serveIdleTimeout. Request lines and headers up to
// serveMaxHeaderBytes reach the handler, which answers anything beyond
// httpapi.MaxQueryBytes or httpapi.MaxHeaderBytes with the cloud's JSON
// error; only larger ones get net/http's plain-text 431.
const (
	serveReadHeaderTimeout = 10 * time.Second
	serveReadTimeout       = 30 * time.Second
	serveWriteTimeout      = 30 * time.Second
	serveIdleTimeout       = 120 * time.Second
	serveMaxHeaderBytes    = 2 << 20
)

// newHTTPServer is serve's http.Server for h, with the limits above.
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: serveReadHeaderTimeout,
		ReadTimeout:       serveReadTimeout,
		WriteTimeout:      serveWriteTimeout,
		IdleTimeout:       serveIdleTimeout,
		MaxHeaderBytes:    serveMaxHeaderBytes,
	}
}
