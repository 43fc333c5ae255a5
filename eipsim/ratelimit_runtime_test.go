package eipsim_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// Rate limits can be set and removed on a running Sim.
func ExampleSim_SetRateLimit() {
	clk := eipsimtest.NewClock()
	sim, _ := eipsim.New(eipsim.WithClock(clk))
	ctx := context.Background()
	req := eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"}
	_ = sim.SetRateLimit(eipsim.ActionDescribeEipAddresses, eipsim.RateLimit{Requests: 1, Per: time.Second})
	_, err1 := sim.DescribeEipAddresses(ctx, req)
	_, err2 := sim.DescribeEipAddresses(ctx, req)
	fmt.Println(err1, errors.Is(err2, eipsim.CodeThrottlingUser))
	actions, global := sim.RateLimits()
	fmt.Println(actions, global)
	fmt.Println(sim.RemoveRateLimit(eipsim.ActionDescribeEipAddresses))
	_, err3 := sim.DescribeEipAddresses(ctx, req)
	fmt.Println(err3)
	// Output:
	// <nil> true
	// [DescribeEipAddresses:1/1s] <nil>
	// true
	// <nil>
}

func TestRuntimeRateLimitChecks(t *testing.T) {
	sim, _ := eipsim.New(eipsim.WithClock(eipsimtest.NewClock()))
	v := sim.Version()
	for _, tc := range []struct {
		err  error
		want string
	}{
		{sim.SetRateLimit("NoSuchAction", eipsim.RateLimit{Requests: 1, Per: time.Second}), `unknown Action "NoSuchAction"`},
		{sim.SetRateLimit("", eipsim.RateLimit{Requests: 0, Per: time.Second}), "want Requests >= 1"},
		{sim.SetGlobalRateLimit(eipsim.RateLimit{Requests: 1}), "Per > 0"},
		{sim.SetGlobalRateLimit(eipsim.RateLimit{Requests: 1, Per: time.Hour, Burst: 1 << 40}), "too large"},
	} {
		if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
			t.Errorf("got %v, want an error with %q", tc.err, tc.want)
		}
	}
	if sim.Version() != v {
		t.Errorf("a refused setup method changed the Version")
	}
	if sim.RemoveRateLimit("") || sim.RemoveGlobalRateLimit() {
		t.Errorf("removed a limit that was never set")
	}
	if err := sim.SetGlobalRateLimit(eipsim.RateLimit{Requests: 1, Per: time.Second}); err != nil || sim.Version() == v {
		t.Errorf("SetGlobalRateLimit: %v, Version %d -> %d", err, v, sim.Version())
	}
	v = sim.Version()
	if !sim.RemoveGlobalRateLimit() || sim.Version() == v {
		t.Errorf("RemoveGlobalRateLimit did not remove or bump the Version")
	}
}

// A limit set at runtime on top of WithRateLimit leaves the options alone:
// a Sim built later from them has the original limits.
func TestRuntimeRateLimitKeepsOptions(t *testing.T) {
	opts := []eipsim.Option{eipsim.WithClock(eipsimtest.NewClock()), eipsim.WithRateLimit(eipsim.ActionDescribeEipAddresses, eipsim.RateLimit{Requests: 5, Per: time.Second})}
	a, _ := eipsim.New(opts...)
	_ = a.SetRateLimit(eipsim.ActionAllocateEipAddress, eipsim.RateLimit{Requests: 1, Per: time.Second})
	b, _ := eipsim.New(opts...)
	if got, _ := b.RateLimits(); fmt.Sprint(got) != "[DescribeEipAddresses:5/1s]" {
		t.Errorf("a new Sim from the same options has %v", got)
	}
}
