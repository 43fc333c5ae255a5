// Package eipsimtest helps tests use an [eipsim.Sim]: a Sim on a fast clock
// with its invariants checked at cleanup, a non-sleeping clock, and
// Must/Require helpers that fail the test with a clear message.
//
// A Sim made by [New] or [NewMock] for a *testing.T records what the test
// does to it (a [scenarios.Recorder]); if the test fails, the recording
// is written as a scenario file to testdata/eipsim/<TestName>.txt (or the
// directory in $EIPSIM_SCENARIO_DIR), and the test's log says how to replay
// it with "eipsim run". Benchmarks are not recorded, and neither are rapid
// tests' (their *rapid.T has no Name; record with a scenarios.Recorder).
//
// The helpers take a [TB], which *testing.T, *testing.B and *rapid.T all
// satisfy.
package eipsimtest

import (
	"context"
	"errors"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/scenarios"
)

// TB is the part of testing.TB the helpers use; *testing.T, *testing.B and
// *rapid.T satisfy it.
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
	Cleanup(func())
}

// New returns a Sim on a fresh fast [Clock] at [Epoch], with opts applied
// after it (an option of yours replaces the clock, and then the returned
// Clock does not drive the Sim). The Sim's invariants are checked when the
// test ends; if the test failed, its recording is written as a scenario
// (see the package doc).
func New(tb TB, opts ...eipsim.Option) (*eipsim.Sim, *Clock) {
	tb.Helper()
	clk := NewClock()
	sim := newSim(tb, append([]eipsim.Option{eipsim.WithClock(clk)}, opts...))
	return sim, clk
}

// NewMock is New with a *clock.Mock from github.com/benbjohnson/clock set to
// [Epoch]. Mind that every Mock.Add sleeps about a millisecond.
func NewMock(tb TB, opts ...eipsim.Option) (*eipsim.Sim, *clock.Mock) {
	tb.Helper()
	clk := clock.NewMock()
	clk.Set(Epoch)
	sim := newSim(tb, append([]eipsim.Option{eipsim.WithClock(clk)}, opts...))
	return sim, clk
}

func newSim(tb TB, opts []eipsim.Option) *eipsim.Sim {
	tb.Helper()
	rep, record := recordable(tb)
	var rec *scenarios.Recorder
	if record {
		rec = scenarios.NewRecorder()
		opts = append([]eipsim.Option{rec.Option()}, opts...)
	}
	sim, err := eipsim.New(opts...)
	if err != nil {
		tb.Fatalf("eipsim.New: %v", err)
	}
	if record {
		recorders.Store(sim, rec)
		// Registered first, so it runs last: after the invariant check below.
		tb.Cleanup(func() {
			writeOnFailure(rep, sim, rec)
			recorders.Delete(sim)
		})
	}
	tb.Cleanup(func() {
		if err := sim.CheckInvariants(); err != nil {
			tb.Fatalf("eipsim invariants broken at the end of the test:\n%v", err)
		}
	})
	return sim
}

// Region is the region the helpers allocate in: the Sim's first region.
func region(sim *eipsim.Sim) string { return sim.Regions()[0] }

// MustAllocate allocates a pay-as-you-go EIP in the Sim's first region.
func MustAllocate(tb TB, sim *eipsim.Sim) eipsim.EIP {
	tb.Helper()
	resp, err := sim.AllocateEipAddress(context.Background(), eipsim.AllocateEipAddressRequest{RegionID: region(sim)})
	if err != nil {
		tb.Fatalf("AllocateEipAddress: %v", err)
	}
	return MustEIP(tb, sim, resp.AllocationID)
}

// MustEIP returns the EIP's snapshot, failing the test if it does not exist.
func MustEIP(tb TB, sim *eipsim.Sim, allocationID string) eipsim.EIP {
	tb.Helper()
	e, ok := sim.EIP(allocationID)
	if !ok {
		tb.Fatalf("EIP %s does not exist", allocationID)
	}
	return e
}

// MustAssociate associates an EIP with an ECS instance (adding the instance,
// Running, if it does not exist) and returns at once: the EIP is
// Associating until the clock passes the associate delay.
func MustAssociate(tb TB, sim *eipsim.Sim, allocationID, instanceID string) {
	tb.Helper()
	if _, ok := sim.Instance(instanceID); !ok {
		if err := sim.AddInstance(eipsim.Instance{InstanceID: instanceID}); err != nil {
			tb.Fatalf("AddInstance: %v", err)
		}
	}
	_, err := sim.AssociateEipAddress(context.Background(), eipsim.AssociateEipAddressRequest{AllocationID: allocationID, InstanceID: instanceID})
	if err != nil {
		tb.Fatalf("AssociateEipAddress(%s, %s): %v", allocationID, instanceID, err)
	}
}

// RequireStatus fails the test unless the EIP has the status.
func RequireStatus(tb TB, sim *eipsim.Sim, allocationID string, want eipsim.Status) {
	tb.Helper()
	if got := MustEIP(tb, sim, allocationID).Status; got != want {
		tb.Fatalf("EIP %s status = %s, want %s", allocationID, got, want)
	}
}

// RequireCode fails the test unless err is an *eipsim.Error with the code.
func RequireCode(tb TB, err error, want eipsim.Code) {
	tb.Helper()
	if err == nil {
		tb.Fatalf("got no error, want %s", want)
		return
	}
	if !errors.Is(err, want) {
		tb.Fatalf("got error %v, want code %s", err, want)
	}
}

// RequireInvariants fails the test if the Sim's invariants do not hold.
func RequireInvariants(tb TB, sim *eipsim.Sim) {
	tb.Helper()
	if err := sim.CheckInvariants(); err != nil {
		tb.Fatalf("eipsim invariants broken:\n%v", err)
	}
}

// Advance moves a clock and settles the Sim, so its History and Tasks show
// what became due.
func Advance(sim *eipsim.Sim, clk interface{ Add(time.Duration) }, d time.Duration) {
	clk.Add(d)
	sim.Settle()
}
