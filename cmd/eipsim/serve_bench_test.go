package main

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipsim/eipsim/control"
	"github.com/eipsim/eipsim/eipsim/httpapi"
)

// BenchmarkServe is the official SDK calling "eipsim serve" over loopback:
// one signed DescribeEipAddresses (ACS3) of one EIP per op, with the request
// log written (to a buffer that is discarded at the end).
func BenchmarkServe(b *testing.B) {
	s := startServe(b)
	c := s.client(b, httpapi.DefaultAccessKeyID, httpapi.DefaultAccessKeySecret)
	a, err := c.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")})
	if err != nil {
		b.Fatal(err)
	}
	req := &vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou"), AllocationId: a.Body.AllocationId}
	b.ReportAllocs()
	cpu := startCPU()
	for b.Loop() {
		if _, err := c.DescribeEipAddresses(req); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report(b)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
}

// BenchmarkServeFloor is BenchmarkServe with nothing of ours on the server:
// the same SDK client and call over loopback with keep-alive, the same
// http.Server (newHTTPServer), answered by a handler that writes a constant
// copy of serve's answer (status, headers and body of the same
// DescribeEipAddresses of one EIP). What BenchmarkServe costs beyond it is
// ours: the request log, decoding, the signature check, the engine, the
// recorder and encoding.
func BenchmarkServeFloor(b *testing.B) {
	id, status, header, body := describeAnswer(b)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		for k, vs := range header {
			w.Header()[k] = vs
		}
		w.WriteHeader(status)
		_, _ = w.Write(body)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := newHTTPServer(h)
	go func() { _ = srv.Serve(ln) }()
	b.Cleanup(func() { _ = srv.Close() })
	s := &server{addr: ln.Addr().String()}
	c := s.client(b, httpapi.DefaultAccessKeyID, httpapi.DefaultAccessKeySecret)
	req := &vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou"), AllocationId: tea.String(id)}
	b.ReportAllocs()
	cpu := startCPU()
	for b.Loop() {
		resp, err := c.DescribeEipAddresses(req)
		if err != nil {
			b.Fatal(err)
		}
		if tea.Int32Value(resp.Body.TotalCount) != 1 {
			b.Fatalf("TotalCount %d, want 1", tea.Int32Value(resp.Body.TotalCount))
		}
	}
	cpu.report(b)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
}

// describeAnswer allocates an EIP and returns its AllocationId and what the
// served handler answers to a DescribeEipAddresses of it: the status,
// headers and body (serve's control.Server with
// authentication off, so that a plain request gets the signed one's answer).
func describeAnswer(b *testing.B) (id string, status int, header http.Header, body []byte) {
	b.Helper()
	srv, err := control.New(control.Config{HTTPOptions: []httpapi.Option{httpapi.WithAuth(false)}})
	if err != nil {
		b.Fatal(err)
	}
	call := func(query string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/?Version=2016-04-28&RegionId=cn-hangzhou&"+query, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", query, rec.Code, rec.Body)
		}
		return rec
	}
	var alloc struct{ AllocationId string }
	if err := json.Unmarshal(call("Action=AllocateEipAddress").Body.Bytes(), &alloc); err != nil || alloc.AllocationId == "" {
		b.Fatalf("AllocateEipAddress: %v %+v", err, alloc)
	}
	rec := call("Action=DescribeEipAddresses&AllocationId=" + alloc.AllocationId)
	if !strings.Contains(rec.Body.String(), alloc.AllocationId) {
		b.Fatalf("answer without the EIP: %s", rec.Body)
	}
	return alloc.AllocationId, rec.Code, rec.Header(), rec.Body.Bytes()
}

// cpuClock measures the CPU time a benchmark's loop uses, client and server
// together (both run in the test process): on a shared machine it varies
// far less with the load than the wall time, which counts the waits for a
// core.
type cpuClock struct {
	start time.Duration
	ok    bool
}

func startCPU() cpuClock {
	t, ok := processCPU()
	return cpuClock{t, ok}
}

// report adds the CPU time per op as the metric cpu-ns/op (when known).
func (c cpuClock) report(b *testing.B) {
	t, ok := processCPU()
	if c.ok && ok && b.N > 0 {
		b.ReportMetric(float64(t-c.start)/float64(b.N), "cpu-ns/op")
	}
}
