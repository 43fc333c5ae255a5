package eipsimtest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
)

// TestVersionCoversState checks, on random runs of the model machine, the
// promise the Machine's Check relies on to skip comparisons: an unchanged
// Sim.Version means an unchanged observable state (every snapshot, and the
// SNAT and DNAT tables of every gateway). The tables are read with
// Describe calls, which the determinism check would not expect: it is not
// drawn.
func TestVersionCoversState(t *testing.T) {
	ks := slices.DeleteFunc(slices.Clone(kinds), func(k string) bool { return k == "determinism" })
	seeds, steps := uint64(30), 200
	if testing.Short() {
		seeds = 10
	}
	for seed := uint64(1); seed <= seeds; seed++ {
		d := &randDriver{rng: rand.New(rand.NewPCG(seed, 0x5eed))}
		w := DrawWorld(d)
		// fullState's Describes are calls the model does not see: no rate
		// limit may count them.
		w.GlobalRateLimit = eipsim.RateLimit{}
		w.RateLimits = slices.DeleteFunc(w.RateLimits, func(l ActionLimit) bool { return l.Action == "" })
		mc, err := NewMachine(w)
		if err != nil {
			t.Fatal(err)
		}
		sim := mc.Sim()
		v, s := sim.Version(), fullState(sim)
		f := run(func() {
			mc.Check(d)
			for i := range steps {
				mc.Do(d, pick(d, ks, "op"))
				mc.Check(d)
				v2, s2 := sim.Version(), fullState(sim)
				if v2 == v && s2 != s {
					t.Fatalf("seed %d, step %d (%s): Version stayed %d but the state changed:\nbefore: %s\nafter:  %s", seed, i, mc.ops[len(mc.ops)-1], v, s, s2)
				}
				v, s = v2, s2
			}
		})
		if f != nil {
			t.Fatalf("seed %d: %s", seed, f.Message)
		}
	}
}

// fullState is every snapshot of sim as text.
func fullState(sim *eipsim.Sim) string {
	s := fmt.Sprintf("%+v\n%+v\n%+v\n%+v\n%+v\n%+v\n%+v\n%+v\n%+v\n", sim.EIPs(), sim.Tasks(), sim.Instances(), sim.LoadBalancers(),
		sim.NetworkInterfaces(), sim.VPCs(), sim.NatGateways(), sim.HaVips(), sim.Faults())
	for _, g := range sim.NatGateways() {
		ctx := eipsim.WithAccount(context.Background(), g.AccountID)
		sn, err := sim.DescribeSnatTableEntries(ctx, eipsim.DescribeSnatTableEntriesRequest{RegionID: g.RegionID, SnatTableID: g.SnatTableID, PageSize: 100})
		if err == nil {
			sn.RequestID = ""
		}
		fw, err2 := sim.DescribeForwardTableEntries(ctx, eipsim.DescribeForwardTableEntriesRequest{RegionID: g.RegionID, ForwardTableID: g.ForwardTableID, PageSize: 100})
		if err2 == nil {
			fw.RequestID = ""
		}
		s += fmt.Sprintf("%+v %v %+v %v\n", sn, err != nil, fw, err2 != nil)
	}
	return s
}
