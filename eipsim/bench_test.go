package eipsim_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// Targets (ARCHITECTURE.md): >= 250,000 cycles/s on one core; New with a
// small world <= 10 µs; <= 300 bytes per idle EIP at 1,000,000 EIPs;
// settling 1,000,000 due tasks in < 1 s. Run with -cpu 1 for "one core".

// BenchmarkCycle runs allocate, associate, settle, unassociate, settle,
// release (and its settle) on one instance, through the typed API.
func BenchmarkCycle(b *testing.B) {
	sim, clk := cycleSim(b)
	b.ReportAllocs()
	for b.Loop() {
		cycle(b, sim, clk, "i-1")
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "cycles/s")
	if err := sim.CheckInvariants(); err != nil {
		b.Fatal(err)
	}
}

// cycleSim returns the Sim the cycle benchmarks run on: no cooldown, one
// instance "i-1".
func cycleSim(b *testing.B) (*eipsim.Sim, *eipsimtest.Clock) {
	clk := eipsimtest.NewClock()
	sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithCooldown(0))
	if err != nil {
		b.Fatal(err)
	}
	if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}); err != nil {
		b.Fatal(err)
	}
	return sim, clk
}

// BenchmarkNew builds a Sim with a small world: two instances, a load
// balancer and an ENI.
func BenchmarkNew(b *testing.B) {
	clk := eipsimtest.NewClock()
	b.ReportAllocs()
	for b.Loop() {
		sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithSeed(7))
		if err != nil {
			b.Fatal(err)
		}
		if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}); err != nil {
			b.Fatal(err)
		}
		if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-2"}); err != nil {
			b.Fatal(err)
		}
		if err := sim.AddLoadBalancer(eipsim.LoadBalancer{LoadBalancerID: "lb-1"}); err != nil {
			b.Fatal(err)
		}
		if err := sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-1"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIdleEIPMemory allocates 1,000,000 EIPs and reports the heap they
// hold, per EIP, after a GC. One iteration is enough: -benchtime 1x.
func BenchmarkIdleEIPMemory(b *testing.B) {
	const n = 1_000_000
	if testing.Short() {
		b.Skip("allocates a million EIPs")
	}
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		before := heapInUse()
		b.StartTimer()
		sim, err := eipsim.New(eipsim.WithClock(eipsimtest.NewClock()), eipsim.WithIPPool("100.64.0.0/10"), eipsim.WithEIPQuota(2*n))
		if err != nil {
			b.Fatal(err)
		}
		for range n {
			if _, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"}); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		after := heapInUse()
		b.ReportMetric(float64(after-before)/n, "bytes/EIP")
		runtime.KeepAlive(sim)
		b.StartTimer()
	}
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkSettleMillion queues 1,000,000 releases, due over a second, and
// times the one Settle that applies them all (setup and its garbage are
// outside the timing). In live=0 nothing else is allocated; in
// live=900k another 900,000 EIPs stay allocated, so the Settle ends by
// rebuilding the ID index from them: the worst case for compactEIPs (with
// a million or more live ones the released are not yet half, and the
// rebuild waits).
func BenchmarkSettleMillion(b *testing.B) {
	b.Run("live=0", func(b *testing.B) { benchSettle(b, 0) })
	b.Run("live=900k", func(b *testing.B) { benchSettle(b, 900_000) })
}

func benchSettle(b *testing.B, live int) {
	const n = 1_000_000
	if testing.Short() {
		b.Skip("a million tasks")
	}
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		clk := eipsimtest.NewClock()
		sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithIPPool("100.64.0.0/10"), eipsim.WithEIPQuota(2*n+live))
		if err != nil {
			b.Fatal(err)
		}
		for i := range n + live {
			a, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
			if err != nil {
				b.Fatal(err)
			}
			if i < live {
				continue // kept
			}
			// Releases spread over a second, so the heap is really ordered.
			clk.Advance(time.Microsecond)
			if _, err := sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: a.AllocationID}); err != nil {
				b.Fatal(err)
			}
		}
		if got := len(sim.Tasks()); got != n {
			b.Fatalf("%d tasks pending, want %d", got, n)
		}
		clk.Advance(eipsim.DefaultReleaseDelay)
		runtime.GC() // collect the setup's garbage (the Tasks snapshot) outside the timing
		b.StartTimer()
		sim.Settle()
		b.StopTimer()
		if got := len(sim.Tasks()); got != 0 {
			b.Fatalf("%d tasks pending after Settle", got)
		}
		if got := len(sim.EIPs()); got != live {
			b.Fatalf("%d EIPs left, want %d", got, live)
		}
		b.StartTimer()
	}
	perTask := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / n
	b.ReportMetric(perTask, "ns/task")
	b.ReportMetric(1e9/perTask, "tasks/s")
}
