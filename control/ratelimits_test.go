package control_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/control"
)

func TestRateLimitsAtRuntime(t *testing.T) {
	_, c := newServer(t)
	ctx := context.Background()
	if rl, err := c.RateLimits(ctx); err != nil || len(rl.Limits) != 0 || rl.Global != "" {
		t.Fatalf("no limits at start: %+v %v", rl, err)
	}
	rl, err := c.SetRateLimits(ctx, control.RateLimits{Limits: []string{"DescribeEipAddresses:1/1s", "*:100/1s:200"}, Global: "50/1m"})
	if err != nil || strings.Join(rl.Limits, " ") != "*:100/1s:200 DescribeEipAddresses:1/1s" || rl.Global != "50/1m0s" {
		t.Fatalf("set: %+v %v", rl, err)
	}
	out, err := c.RunScenario(ctx, []byte("DescribeEipAddresses RegionId=cn-hangzhou\n----\n\nDescribeEipAddresses RegionId=cn-hangzhou\n----\n"))
	if err != nil || strings.Count(out, "Throttling.User") != 1 {
		t.Fatalf("the limit set at runtime does not fire once: %q %v", out, err)
	}
	if err := c.RemoveRateLimit(ctx, "DescribeEipAddresses"); err != nil {
		t.Fatal(err)
	}
	if err := c.RemoveRateLimit(ctx, "DescribeEipAddresses"); err == nil || !strings.Contains(err.Error(), "no rate limit DescribeEipAddresses") {
		t.Errorf("removing it twice: %v", err)
	}
	if err := c.RemoveRateLimit(ctx, "global"); err != nil {
		t.Fatal(err)
	}
	if rl, _ := c.RateLimits(ctx); strings.Join(rl.Limits, " ") != "*:100/1s:200" || rl.Global != "" {
		t.Errorf("after the removals: %+v", rl)
	}
	if out, _ := c.RunScenario(ctx, []byte("DescribeEipAddresses RegionId=cn-hangzhou\n----\n")); strings.Contains(out, "Throttling") {
		t.Errorf("a removed limit still fires: %q", out)
	}
	if err := c.ClearRateLimits(ctx); err != nil {
		t.Fatal(err)
	}
	if rl, _ := c.RateLimits(ctx); len(rl.Limits) != 0 {
		t.Errorf("after clear: %+v", rl)
	}
	rec, _ := c.Recording(ctx)
	for _, line := range []string{"set-rate-limit DescribeEipAddresses:1/1s", "set-global-rate-limit 50/1m0s", "remove-rate-limit DescribeEipAddresses", "remove-global-rate-limit", "remove-rate-limit *", "Throttling.User"} {
		if !bytes.Contains(rec, []byte(line)) {
			t.Errorf("the recording has no %q:\n%s", line, rec)
		}
	}
	requireReplays(t, rec)
}

func TestRateLimitsBadInput(t *testing.T) {
	_, c := newServer(t)
	for _, tc := range []struct{ method, path, body, want string }{
		{"POST", "ratelimits", `{"limits":["NoSuchAction:1/1s"]}`, `limits[0]: eipsim: rate limit \"NoSuchAction:1/1s\": unknown Action \"NoSuchAction\"`},
		{"POST", "ratelimits", `{"limits":["DescribeEipAddresses:0/1s"]}`, `rate limit \"0/1s\": want Requests`},
		{"POST", "ratelimits", `{"limits":["DescribeEipAddresses:1/1s"],"global":"fast"}`, `global: eipsim: rate limit \"fast\": want Requests/Per`},
		{"POST", "ratelimits", `{}`, `want \"limits\"`},
		{"POST", "ratelimits", `{"limit":"x"}`, `unknown field \"limit\"`},
		{"DELETE", "ratelimits/NoSuchAction", ``, `\"NoSuchAction\": want an Action`},
		{"DELETE", "ratelimits/global", ``, `no rate limit global`},
	} {
		req, _ := http.NewRequest(tc.method, c.BaseURL+"/_eipsim/"+tc.path, strings.NewReader(tc.body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode < 400 || !strings.HasPrefix(string(body), `{"error":`) || !strings.Contains(string(body), tc.want) {
			t.Errorf("%s %s %s: %d %s, want an error with %s", tc.method, tc.path, tc.body, resp.StatusCode, body, tc.want)
		}
	}
	// A refused POST sets none of its limits, not even the good ones.
	if rl, _ := c.RateLimits(context.Background()); len(rl.Limits) != 0 || rl.Global != "" {
		t.Errorf("a refused POST set limits: %+v", rl)
	}
}
