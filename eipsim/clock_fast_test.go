package eipsim_test

import (
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/simclock"
)

// nowOnly hides a *simclock.Clock's nanoseconds: a Sim over it reads
// time.Time values through Now, the way it reads any other clock.
type nowOnly struct{ c *simclock.Clock }

func (n nowOnly) Now() time.Time { return n.c.Now() }

// clockScript runs calls and clock moves on a Sim over clk: at the epoch,
// just before 2262 (tasks due past the int64 nanosecond range), beyond it
// (saturated instants) and back. It returns every response, error, task
// list and the history as text.
func clockScript(t *testing.T, clk *simclock.Clock, sim *eipsim.Sim) string {
	var out []string
	rec := func(resp any, err error) { out = append(out, fmt.Sprintf("%+v %v", resp, err)) }
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}))
	phases := []time.Time{simclock.Epoch, time.Unix(0, math.MaxInt64).UTC().Add(-3 * time.Second),
		time.Unix(0, math.MaxInt64).UTC().Add(time.Hour), eipsim.MaxTime, simclock.Epoch.Add(time.Hour)}
	for _, at := range phases {
		clk.Set(at)
		r, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz})
		rec(r, err)
		if err != nil {
			continue
		}
		rec(sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: r.AllocationID, InstanceID: "i-1"}))
		out = append(out, fmt.Sprintf("%+v", sim.Tasks()))
		clk.Advance(eipsim.DefaultAssociateDelay)
		sim.Settle() // the task is due now, to the nanosecond
		// A nanosecond back, only Settle can have applied it.
		clk.Advance(-time.Nanosecond)
		out = append(out, fmt.Sprintf("%+v", sim.Tasks()))
		clk.Advance(time.Nanosecond)
		rec(sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: r.AllocationID}))
		clk.Advance(eipsim.DefaultUnassociateDelay)
		sim.Settle()
		rec(sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: r.AllocationID}))
		out = append(out, fmt.Sprintf("%+v", sim.Tasks()))
		clk.Advance(eipsim.DefaultReleaseDelay)
		sim.Settle()
		rec(sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: hz}))
	}
	out = append(out, fmt.Sprintf("%+v", sim.History()))
	return fmt.Sprint(out)
}

// TestFastClockPathIdentical checks that a Sim reading a *simclock.Clock's
// nanoseconds directly behaves exactly as one reading its time.Time values.
func TestFastClockPathIdentical(t *testing.T) {
	fastClk, plainClk := simclock.New(), simclock.New()
	fast, err := eipsim.New(eipsim.WithClock(fastClk))
	mustOK(t, err)
	plain, err := eipsim.New(eipsim.WithClock(nowOnly{plainClk}))
	mustOK(t, err)
	a, b := clockScript(t, fastClk, fast), clockScript(t, plainClk, plain)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("fast clock path:\n%s\nNow path:\n%s", a, b)
	}
}

// TestUnixSplit checks the identity the Sim's conversions of nanoseconds
// rely on: time.Unix(n/1e9, n%1e9) is time.Unix(0, n), also before 1970.
func TestUnixSplit(t *testing.T) {
	for _, n := range []int64{0, 1, -1, 999999999, 1e9, -1e9, -1e9 - 1, -999999999, 1767225600123456789,
		math.MaxInt64, math.MinInt64, math.MinInt64 + 1, math.MaxInt64 - 1} {
		if a, b := time.Unix(n/1e9, n%1e9), time.Unix(0, n); a != b {
			t.Errorf("n=%d: time.Unix(n/1e9, n%%1e9) = %#v, time.Unix(0, n) = %#v", n, a, b)
		}
	}
}

// zoned is a clock whose time is in a location of its own.
type zoned struct{ t time.Time }

func (z zoned) Now() time.Time { return z.t }

// TestCallTimeKeepsLocation checks that a call over a clock other than
// package simclock's has the clock's reading, location and all, not only its
// instant: a month's subscription ends a calendar month later in the
// clock's location (New York: across the start of daylight saving time,
// an hour earlier in UTC than a UTC month).
func TestCallTimeKeepsLocation(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	start := time.Date(2026, 3, 1, 0, 30, 0, 0, ny)
	sim, err := eipsim.New(eipsim.WithClock(zoned{start}))
	mustOK(t, err)
	r, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, InstanceChargeType: "PrePaid", Period: 1})
	mustOK(t, err)
	d, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: hz, AllocationID: r.AllocationID})
	mustOK(t, err)
	want := start.AddDate(0, 1, 0).UTC()
	if want == start.UTC().AddDate(0, 1, 0) {
		t.Fatal("the test's dates do not cross a change of offset")
	}
	if got := d.EipAddresses[0].ExpiredTime; !got.Equal(want) {
		t.Fatalf("ExpiredTime %v, want %v (a month in New York)", got, want)
	}
}
