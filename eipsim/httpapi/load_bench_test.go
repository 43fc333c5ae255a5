package httpapi

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// BenchmarkLoadHeap is a load test of memory, not of speed: b.N signed (v1)
// requests against NewHandler over the real engine, each with a new nonce,
// cycling AllocateEipAddress (a new ClientToken), DescribeEipAddresses and
// ReleaseEipAddress (a new ClientToken), the clock moving 1 ms per request
// (so nonces expire after 900,000 requests and ClientTokens stay within
// their 24 h TTL: the token store fills to its count limit). It reports the
// live heap after a GC at the end, in total and per request. Run it at two
// sizes to see it flat once the caches are full:
//
//	go test ./eipsim/httpapi -run '^$' -bench BenchmarkLoadHeap -benchtime 1000000x
//	go test ./eipsim/httpapi -run '^$' -bench BenchmarkLoadHeap -benchtime 2000000x
func BenchmarkLoadHeap(b *testing.B) {
	clk := eipsimtest.NewClock()
	sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithTaskDelay(eipsim.ActionReleaseEipAddress, 0))
	if err != nil {
		b.Fatal(err)
	}
	cred := DefaultCredential()
	h := NewHandler(sim, WithCredentials(cred), WithTimestampCheck(false))
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	id := ""
	b.ResetTimer()
	for i := range b.N {
		p := url.Values{
			"AccessKeyId": {cred.AccessKeyID}, "Format": {"json"}, "RegionId": {"cn-hangzhou"}, "Version": {APIVersion},
			"SignatureMethod": {v1SignatureMethod}, "SignatureVersion": {v1SignatureVersion},
			"SignatureNonce": {"n-" + strconv.Itoa(i)}, "Timestamp": {clk.Now().UTC().Format("2006-01-02T15:04:05Z")},
		}
		switch i % 3 {
		case 0:
			p.Set("Action", "AllocateEipAddress")
			p.Set("ClientToken", "a-"+strconv.Itoa(i))
		case 1:
			p.Set("Action", "DescribeEipAddresses")
			p.Set("AllocationId", id)
		case 2:
			p.Set("Action", "ReleaseEipAddress")
			p.Set("AllocationId", id)
			p.Set("ClientToken", "r-"+strconv.Itoa(i))
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/?"+signV1(p, cred.AccessKeySecret), nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("request %d (%s): %d %s", i, p.Get("Action"), rec.Code, rec.Body)
		}
		if i%3 == 0 {
			body := rec.Body.String()
			_, rest, _ := strings.Cut(body, `"AllocationId":"`)
			id, _, _ = strings.Cut(rest, `"`)
		}
		clk.Advance(time.Millisecond)
	}
	b.StopTimer()
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := float64(after.HeapAlloc) - float64(before.HeapAlloc)
	b.ReportMetric(heap/1e6, "heap-MB")
	b.ReportMetric(heap/float64(b.N), "heap-B/req")
	runtime.KeepAlive(h)
}
