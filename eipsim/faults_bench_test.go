package eipsim_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// BenchmarkCycleWithRules runs the lifecycle cycle (allocate, associate,
// settle, unassociate, settle, release, settle) with no fault rules and with
// 100 rules that never fire:
//
//   - spread: rules on the cycle's own Actions, in every phase (Error,
//     Latency, Stuck, ApplyThenFail), for other resources;
//   - wildcard: Error rules on every Action for another account, so every
//     call walks all 100;
//   - other: rules on an Action the cycle does not call (the index skips
//     them).
//
// The rules must not slow the cycle by more than 20%.
func BenchmarkCycleWithRules(b *testing.B) {
	for _, set := range ruleSets {
		b.Run(set.name, func(b *testing.B) {
			run := newCycle(b, set.rules)
			b.ReportAllocs()
			for b.Loop() {
				run()
			}
		})
	}
}

// BenchmarkCycleRulesOverhead measures the same overhead robustly on a
// shared, noisy machine: it alternates batches of cycles between a Sim
// without rules and one with 100 rules, and reports the median ratio of
// the batch times (ratio-<set>; 1.0 is no overhead) and the median cycle
// time without rules.
func BenchmarkCycleRulesOverhead(b *testing.B) {
	for _, set := range ruleSets[1:] {
		b.Run(set.name, func(b *testing.B) {
			base, with := newCycle(b, nil), newCycle(b, set.rules)
			const batch = 200
			var ratios, bases []float64
			for b.Loop() {
				// Alternate which goes first, so neither always runs on
				// the other's garbage.
				first, second := base, with
				if len(ratios)%2 == 1 {
					first, second = with, base
				}
				t0 := time.Now()
				for range batch {
					first()
				}
				t1 := time.Now()
				for range batch {
					second()
				}
				t2 := time.Now()
				dBase, dWith := t1.Sub(t0), t2.Sub(t1)
				if len(ratios)%2 == 1 {
					dBase, dWith = dWith, dBase
				}
				ratios = append(ratios, float64(dWith)/float64(dBase))
				bases = append(bases, float64(dBase)/batch)
			}
			b.ReportMetric(median(ratios), "ratio")
			b.ReportMetric(median(bases), "ns/cycle-0-rules")
		})
	}
}

func median(xs []float64) float64 {
	slices.Sort(xs)
	return xs[len(xs)/2]
}

var cycleActions = []eipsim.Action{eipsim.ActionAllocateEipAddress, eipsim.ActionAssociateEipAddress,
	eipsim.ActionUnassociateEipAddress, eipsim.ActionReleaseEipAddress}

var cycleAsync = cycleActions[1:]

var ruleSets = []struct {
	name  string
	rules func(i int) eipsim.Fault
}{
	{"rules=0", nil},
	{"rules=100/spread", func(i int) eipsim.Fault {
		res := fmt.Sprintf("eip-none-%03d", i)
		switch i % 4 {
		case 0:
			return eipsim.Fault{Action: cycleActions[i/4%4], ResourceID: res, Code: eipsim.CodeInternalError}
		case 1:
			return eipsim.Fault{Action: cycleAsync[i/4%3], ResourceID: res, Effect: eipsim.FaultLatency, Latency: 1}
		case 2:
			return eipsim.Fault{Action: cycleAsync[i/4%3], ResourceID: res, Effect: eipsim.FaultStuck}
		default:
			return eipsim.Fault{Action: cycleActions[i/4%4], ResourceID: res, Effect: eipsim.FaultApplyThenFail}
		}
	}},
	{"rules=100/wildcard", func(i int) eipsim.Fault {
		return eipsim.Fault{AccountID: fmt.Sprintf("acct-%03d", i), Code: eipsim.CodeServiceUnavailable}
	}},
	{"rules=100/other", func(i int) eipsim.Fault {
		return eipsim.Fault{Action: eipsim.ActionModifyEipAddressAttribute, Code: eipsim.CodeServiceUnavailable}
	}},
}

// newCycle returns a function running one lifecycle cycle on a fresh Sim
// with the rules made by rules (none when nil).
func newCycle(b *testing.B, rules func(i int) eipsim.Fault) func() {
	sim, clk := eipsimtest.New(b)
	if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-0001"}); err != nil {
		b.Fatal(err)
	}
	if rules != nil {
		for i := range 100 {
			if _, err := sim.InjectFault(rules(i)); err != nil {
				b.Fatal(err)
			}
		}
	}
	return func() { cycle(b, sim, clk, "i-0001") }
}

// cycle runs allocate, associate, settle, unassociate, settle, release
// and its settle, binding to instance: the cycle the benchmarks measure.
func cycle(b testing.TB, sim *eipsim.Sim, clk *eipsimtest.Clock, instance string) {
	a, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a.AllocationID, InstanceID: instance}); err != nil {
		b.Fatal(err)
	}
	clk.Advance(eipsim.DefaultAssociateDelay)
	sim.Settle()
	if _, err := sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: a.AllocationID}); err != nil {
		b.Fatal(err)
	}
	clk.Advance(eipsim.DefaultUnassociateDelay)
	sim.Settle()
	if _, err := sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: a.AllocationID}); err != nil {
		b.Fatal(err)
	}
	clk.Advance(eipsim.DefaultReleaseDelay)
	sim.Settle()
}
