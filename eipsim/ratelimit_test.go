package eipsim_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

func describeAs(sim *eipsim.Sim, account string) error {
	_, err := sim.DescribeEipAddresses(eipsim.WithAccount(ctx, account), eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
	return err
}

func TestRateLimitRefillsExactlyOnTheClock(t *testing.T) {
	sim, clk := eipsimtest.New(t, eipsim.WithRateLimit(eipsim.ActionDescribeEipAddresses, eipsim.RateLimit{Requests: 1, Per: time.Second}))
	if err := describeAs(sim, "a"); err != nil {
		t.Fatal(err)
	}
	err := describeAs(sim, "a")
	var e *eipsim.Error
	if !errors.As(err, &e) || e.Code != eipsim.CodeThrottlingUser || e.HTTPStatus != 400 ||
		e.Message != "Request was denied due to user flow control." {
		t.Fatalf("second call: %v", err)
	}
	clk.Advance(time.Second - time.Nanosecond)
	eipsimtest.RequireCode(t, describeAs(sim, "a"), eipsim.CodeThrottlingUser)
	clk.Advance(time.Nanosecond)
	if err := describeAs(sim, "a"); err != nil {
		t.Fatalf("at exactly 1s: %v", err)
	}
}

func TestRateLimitUnevenRateIsExact(t *testing.T) {
	// 3 per second: a token every 333.33...ms. After 333ms there is not
	// one; after 1s there are exactly three (burst 3).
	sim, clk := eipsimtest.New(t, eipsim.WithRateLimit("", eipsim.RateLimit{Requests: 3, Per: time.Second}))
	for i := range 3 {
		if err := describeAs(sim, "a"); err != nil {
			t.Fatalf("burst call %d: %v", i, err)
		}
	}
	eipsimtest.RequireCode(t, describeAs(sim, "a"), eipsim.CodeThrottlingUser)
	clk.Advance(333 * time.Millisecond)
	eipsimtest.RequireCode(t, describeAs(sim, "a"), eipsim.CodeThrottlingUser)
	clk.Advance(time.Second - 333*time.Millisecond)
	for i := range 3 {
		if err := describeAs(sim, "a"); err != nil {
			t.Fatalf("refilled call %d: %v", i, err)
		}
	}
	eipsimtest.RequireCode(t, describeAs(sim, "a"), eipsim.CodeThrottlingUser)
}

func TestRateLimitBurstAndLongIdle(t *testing.T) {
	sim, clk := eipsimtest.New(t, eipsim.WithRateLimit("", eipsim.RateLimit{Requests: 500, Per: 24 * time.Hour, Burst: 2}))
	for range 2 {
		if err := describeAs(sim, "a"); err != nil {
			t.Fatal(err)
		}
	}
	eipsimtest.RequireCode(t, describeAs(sim, "a"), eipsim.CodeThrottlingUser)
	clk.Advance(365 * 24 * time.Hour) // a year idle refills to Burst, no more
	for range 2 {
		if err := describeAs(sim, "a"); err != nil {
			t.Fatal(err)
		}
	}
	eipsimtest.RequireCode(t, describeAs(sim, "a"), eipsim.CodeThrottlingUser)
	interval := 24 * time.Hour / 500
	clk.Advance(interval - 1)
	eipsimtest.RequireCode(t, describeAs(sim, "a"), eipsim.CodeThrottlingUser)
	clk.Advance(1)
	if err := describeAs(sim, "a"); err != nil {
		t.Fatal(err)
	}
}

func TestRateLimitPerAccountAndAction(t *testing.T) {
	sim, _ := eipsimtest.New(t,
		eipsim.WithRateLimit(eipsim.ActionDescribeEipAddresses, eipsim.RateLimit{Requests: 1, Per: time.Minute}),
		eipsim.WithRateLimit("", eipsim.RateLimit{Requests: 2, Per: time.Minute}))
	if err := describeAs(sim, "a"); err != nil {
		t.Fatal(err)
	}
	eipsimtest.RequireCode(t, describeAs(sim, "a"), eipsim.CodeThrottlingUser)
	if err := describeAs(sim, "b"); err != nil {
		t.Fatalf("account b has its own bucket: %v", err)
	}
	// Allocate falls under the default limit, with its own bucket.
	allocate := func() error {
		_, err := sim.AllocateEipAddress(eipsim.WithAccount(ctx, "a"), eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
		return err
	}
	for range 2 {
		if err := allocate(); err != nil {
			t.Fatal(err)
		}
	}
	eipsimtest.RequireCode(t, allocate(), eipsim.CodeThrottlingUser)
}

func TestGlobalRateLimit(t *testing.T) {
	sim, clk := eipsimtest.New(t,
		eipsim.WithGlobalRateLimit(eipsim.RateLimit{Requests: 2, Per: time.Second}),
		eipsim.WithRateLimit("", eipsim.RateLimit{Requests: 1, Per: time.Second}))
	if err := describeAs(sim, "a"); err != nil {
		t.Fatal(err)
	}
	// a's own bucket is empty: Throttling.User, and no global token taken.
	eipsimtest.RequireCode(t, describeAs(sim, "a"), eipsim.CodeThrottlingUser)
	if err := describeAs(sim, "b"); err != nil {
		t.Fatal(err)
	}
	err := describeAs(sim, "c")
	var e *eipsim.Error
	if !errors.As(err, &e) || e.Code != eipsim.CodeThrottling || e.Message != "Request was denied due to request throttling." {
		t.Fatalf("global: %v", err)
	}
	clk.Advance(500 * time.Millisecond)
	if err := describeAs(sim, "c"); err != nil {
		t.Fatalf("one global token after 500ms: %v", err)
	}
}

func TestRateLimitBeforeFaultRules(t *testing.T) {
	sim, _ := eipsimtest.New(t, eipsim.WithRateLimit("", eipsim.RateLimit{Requests: 1, Per: time.Hour}))
	inject(t, sim, "Action=DescribeEipAddresses Code=InternalError Times=1")
	eipsimtest.RequireCode(t, describeAs(sim, "a"), eipsim.CodeInternalError)
	eipsimtest.RequireCode(t, describeAs(sim, "a"), eipsim.CodeThrottlingUser)
	if fs := sim.Faults(); fs[0].Fired != 1 {
		t.Fatalf("%+v", fs)
	}
	// Throttled calls are in the history as refused calls.
	hist := sim.History()
	if last := hist[len(hist)-1]; last.Kind != eipsim.EventKindCall || last.Code != eipsim.CodeThrottlingUser {
		t.Fatalf("%+v", last)
	}
}

func TestRateLimitOptionErrors(t *testing.T) {
	for _, o := range []eipsim.Option{
		eipsim.WithRateLimit("NoSuchAction", eipsim.RateLimit{Requests: 1, Per: time.Second}),
		eipsim.WithRateLimit("", eipsim.RateLimit{Requests: 0, Per: time.Second}),
		eipsim.WithRateLimit("", eipsim.RateLimit{Requests: 1, Per: 0}),
		eipsim.WithRateLimit("", eipsim.RateLimit{Requests: 1, Per: time.Second, Burst: -1}),
		eipsim.WithGlobalRateLimit(eipsim.RateLimit{Requests: 1, Per: 1000 * 24 * time.Hour, Burst: 1 << 30}),
	} {
		if _, err := eipsim.New(o); err == nil || !strings.Contains(err.Error(), "RateLimit") {
			t.Errorf("accepted, or unclear error: %v", err)
		}
	}
}
