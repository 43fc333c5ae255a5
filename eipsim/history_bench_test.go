package eipsim_test

import "testing"

// BenchmarkHistoryRead reads the whole default history (100,000 events,
// full of BenchmarkCycle's cycles) with History: the cost of turning the
// stored records back into Events.
func BenchmarkHistoryRead(b *testing.B) {
	sim, clk := cycleSim(b)
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
