package eipsim_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// TestConcurrentUse hammers one Sim from several goroutines (run it with
// -race): each goroutine works its own instance while the clock moves and
// readers list everything. Refusals such as TaskConflict are expected; the
// invariants must hold throughout.
func TestConcurrentUse(t *testing.T) {
	sim, clk := eipsimtest.New(t, eipsim.WithEIPQuota(1000))
	const workers, rounds = 4, 50
	var wg sync.WaitGroup
	for w := range workers {
		inst := fmt.Sprintf("i-%d", w)
		mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: inst}))
		wg.Go(func() {
			for range rounds {
				r, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz})
				if err != nil {
					t.Error(err)
					return
				}
				_ = associate(sim, r.AllocationID, inst)
				clk.Advance(time.Second)
				_ = unassociate(sim, r.AllocationID)
				_ = release(sim, r.AllocationID)
			}
		})
	}
	wg.Go(func() {
		for range rounds {
			_, _ = sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: hz, PageSize: 100})
			_ = sim.EIPs()
			_ = sim.Tasks()
			_ = sim.History()
			if err := sim.CheckInvariants(); err != nil {
				t.Error(err)
				return
			}
		}
	})
	wg.Wait()
	clk.Advance(time.Hour)
	for _, e := range sim.EIPs() {
		if e.Status != eipsim.StatusAvailable && e.Status != eipsim.StatusInUse {
			t.Fatalf("EIP %s still %s after an hour", e.AllocationID, e.Status)
		}
	}
	if n := len(sim.History()); n < workers*rounds*3 {
		t.Fatalf("only %d history events", n)
	}
}
