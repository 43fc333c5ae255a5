package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestServeStopsWhileLoadingWorld: a SIGTERM (ctx done) while -world loads
// stops serve before the next command; it used to load the whole world
// first (and a huge skip-request-ids never finished).
func TestServeStopsWhileLoadingWorld(t *testing.T) {
	world := writeFile(t, t.TempDir(), "w.txt", strings.Repeat("skip-request-ids 100000\n----\n\n", 20000))
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int, 1)
	start := time.Now()
	go func() { done <- serve(ctx, []string{"-addr", "127.0.0.1:0", "-world", world}, &out, &errOut) }()
	time.Sleep(200 * time.Millisecond)
	cancel()
	select {
	case status := <-done:
		if status != exitOK || !strings.Contains(errOut.String(), "not run: context canceled") || strings.Contains(out.String(), "listening") {
			t.Fatalf("status %d\nstdout %q\nstderr %q", status, out.String(), errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("serve still loading the world %v after the stop", time.Since(start))
	}
}

// TestServeHostileRequests: oversized queries and headers get the cloud's
// JSON error, and an Action with a newline cannot forge a log line.
func TestServeHostileRequests(t *testing.T) {
	s := startServe(t)
	get := func(query string, header http.Header) (int, string) {
		req, err := http.NewRequest(http.MethodGet, "http://"+s.addr+"/?"+query, nil)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range header {
			req.Header[k] = v
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Type") + " " + string(body)
	}
	for name, tc := range map[string]struct {
		query  string
		header http.Header
	}{
		"1 MB query":      {"Action=DescribeEipAddresses&X=" + strings.Repeat("a", 1<<20), nil},
		"130 kB headers":  {"Action=DescribeEipAddresses", http.Header{"X-Big": {strings.Repeat("b", 130<<10)}}},
		"many header kBs": {"Action=DescribeEipAddresses", http.Header{"X-A": {strings.Repeat("c", 40<<10)}, "X-B": {strings.Repeat("d", 40<<10)}}},
	} {
		status, body := get(tc.query, tc.header)
		if status != 400 || !strings.HasPrefix(body, "application/json") || !strings.Contains(body, `"Code":"InvalidParameter"`) {
			t.Errorf("%s: %d %.200s", name, status, body)
		}
	}
	before := strings.Count(s.stderr.String(), "\n")
	get("Action=Frob%0A2026-01-01T00:00:00.000Z%20127.0.0.1:1%20POST%20AllocateEipAddress%20200%201µs%20forged", nil)
	deadline := time.Now().Add(5 * time.Second)
	for strings.Count(s.stderr.String(), "\n") == before && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	log := s.stderr.String()
	if n := strings.Count(log, "\n"); n != before+1 || !strings.Contains(log, `"Frob\n2026`) {
		t.Errorf("log lines %d, want %d:\n%s", n, before+1, log)
	}
}

// TestServeTimeouts: every timeout of the server is set.
func TestServeTimeouts(t *testing.T) {
	srv := newHTTPServer(http.NotFoundHandler())
	if srv.ReadTimeout <= 0 || srv.ReadHeaderTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 || srv.MaxHeaderBytes < 1<<20 {
		t.Fatalf("%+v", srv)
	}
}

func TestLogField(t *testing.T) {
	for in, want := range map[string]string{
		"AllocateEipAddress":     "AllocateEipAddress",
		"":                       `""`,
		"a b":                    `"a b"`,
		"x\ny":                   `"x\ny"`,
		strings.Repeat("z", 200): `"` + strings.Repeat("z", 128) + `"...`,
	} {
		if got := logField(in); got != want {
			t.Errorf("logField(%.20q) = %s, want %s", in, got, want)
		}
	}
}

// TestServeLimitFlags: the ClientToken TTL and limit and the nonce limit are
// flags, checked at start.
func TestServeLimitFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-client-token-ttl", "0s"}, "WithClientTokenTTL: want a positive duration"},
		{[]string{"-client-token-ttl", "2562047h"}, "longer than the limit"},
		{[]string{"-client-token-limit", "0"}, "WithClientTokenLimit: want at least 1"},
		{[]string{"-nonce-limit", "0"}, "-nonce-limit: want at least 1"},
		{[]string{"-cooldown", "-1s"}, "negative duration"},
	} {
		var out, errOut syncBuffer
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		status := serve(ctx, append([]string{"-addr", "127.0.0.1:0"}, tc.args...), &out, &errOut)
		cancel()
		if status == exitOK || !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("%v: status %d, stderr %q, want %q", tc.args, status, errOut.String(), tc.want)
		}
	}
	s := startServe(t, "-client-token-ttl", "1h", "-client-token-limit", "10", "-nonce-limit", "5")
	if s.addr == "" {
		t.Fatal("not listening")
	}
}
