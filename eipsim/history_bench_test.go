package eipsim_test

import (
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// BenchmarkHistoryRead reads the whole default history (100,000 events,
// full of BenchmarkCycle's cycles) with History: the cost of turning the
// stored records back into Events.
func BenchmarkHistoryRead(b *testing.B) {
	clk := eipsimtest.NewClock()
	sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithCooldown(0))
	if err != nil {
		b.Fatal(err)
	}
	if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}); err != nil {
		b.Fatal(err)
	}
	for range 10000 {
		cycle(b, sim, clk, "i-1")
	}
	b.ReportAllocs()
	for b.Loop() {
		if n := len(sim.History()); n != 100000 {
			b.Fatalf("%d events", n)
		}
	}
}
