package scenarios

import (
	"context"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/simclock"
)

// BenchmarkRecordedCycle is eipsim's BenchmarkCycle on a recorded Sim:
// allocate, associate, unassociate and release, with the clock moves
// between them, written as a scenario. A fresh Sim every 1,000 cycles
// keeps the recording under its limit (and its setup out of the timing).
func BenchmarkRecordedCycle(b *testing.B) {
	b.Run("recorded=false", func(b *testing.B) { benchRecordedCycle(b, false) })
	b.Run("recorded=true", func(b *testing.B) { benchRecordedCycle(b, true) })
}

func benchRecordedCycle(b *testing.B, record bool) {
	ctx := context.Background()
	var sim *eipsim.Sim
	var clk *simclock.Clock
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%1000 == 0 {
			b.StopTimer()
			clk = simclock.New()
			opts := []eipsim.Option{eipsim.WithClock(clk), eipsim.WithCooldown(0)}
			if record {
				opts = append(opts, NewRecorder().Option())
			}
			var err error
			if sim, err = eipsim.New(opts...); err != nil {
				b.Fatal(err)
			}
			if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		i++
		a, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a.AllocationID, InstanceID: "i-1"}); err != nil {
			b.Fatal(err)
		}
		clk.Advance(eipsim.DefaultAssociateDelay)
		if _, err := sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: a.AllocationID}); err != nil {
			b.Fatal(err)
		}
		clk.Advance(eipsim.DefaultUnassociateDelay)
		if _, err := sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: a.AllocationID}); err != nil {
			b.Fatal(err)
		}
		clk.Advance(eipsim.DefaultReleaseDelay)
	}
}
