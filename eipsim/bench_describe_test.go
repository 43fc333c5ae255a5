package eipsim_test

import (
	"fmt"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// Targets (ARCHITECTURE.md): one DescribeEipAddresses page costs
// O(log N + page), the first page at 100k EIPs within 3x of at 1k; paging
// through 1,000,000 EIPs with PageSize 100 takes < 1 s.

// describeWorlds caches one Sim per population: building a million EIPs
// takes seconds, and the benchmarks only read.
var describeWorlds = map[int]*eipsim.Sim{}

// describeWorld returns a Sim holding n EIPs in cn-hangzhou, and the
// AllocationId of the middle one, which is Associating with the ECS
// instance benchInstance; the others are Available.
func describeWorld(b *testing.B, n int) (*eipsim.Sim, string) {
	sim := describeWorlds[n]
	if sim == nil {
		var err error
		sim, err = eipsim.New(eipsim.WithClock(eipsimtest.NewClock()), eipsim.WithIPPool("100.64.0.0/10"), eipsim.WithEIPQuota(2*n))
		if err != nil {
			b.Fatal(err)
		}
		for range n {
			if _, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz}); err != nil {
				b.Fatal(err)
			}
		}
		mid := midEIP(b, sim, n)
		if err := sim.AddInstance(eipsim.Instance{InstanceID: benchInstance, RegionID: hz}); err != nil {
			b.Fatal(err)
		}
		if _, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: mid, InstanceID: benchInstance}); err != nil {
			b.Fatal(err)
		}
		describeWorlds[n] = sim
	}
	return sim, midEIP(b, sim, n)
}

const benchInstance = "i-bench"

func midEIP(b *testing.B, sim *eipsim.Sim, n int) string { return midEIPRecord(b, sim, n).AllocationID }

// midEIPRecord is the middle EIP of describeWorld(n).
func midEIPRecord(b *testing.B, sim *eipsim.Sim, n int) eipsim.EIP {
	r, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: hz, PageNumber: n / 2, PageSize: 1})
	if err != nil || len(r.EipAddresses) != 1 {
		b.Fatal(err, r)
	}
	return r.EipAddresses[0]
}

func describePopulations(b *testing.B) []int {
	if testing.Short() {
		return []int{1_000, 10_000}
	}
	return []int{1_000, 10_000, 100_000, 1_000_000}
}

// BenchmarkDescribePage asks for one page of 10 at each population: the
// first, the last, a Status filter that matches nothing, one that matches
// all but one (its last page), one AllocationId, one EipAddress, one
// AssociatedInstanceId, and a filter no index serves (ChargeType, which scans: O(N), shown for
// contrast).
func BenchmarkDescribePage(b *testing.B) {
	for _, n := range describePopulations(b) {
		sim, mid := describeWorld(b, n)
		midIP := midEIPRecord(b, sim, n).IPAddress
		cases := []struct {
			name string
			req  eipsim.DescribeEipAddressesRequest
			want int
		}{
			{"first", eipsim.DescribeEipAddressesRequest{}, 10},
			{"last", eipsim.DescribeEipAddressesRequest{PageNumber: n / 10}, 10},
			{"status-none", eipsim.DescribeEipAddressesRequest{Status: eipsim.StatusInUse}, 0},
			{"status-all-last", eipsim.DescribeEipAddressesRequest{Status: eipsim.StatusAvailable, PageNumber: (n - 1) / 10}, 10},
			{"by-id", eipsim.DescribeEipAddressesRequest{AllocationID: mid}, 1},
			{"by-ip", eipsim.DescribeEipAddressesRequest{EipAddress: midIP}, 1},
			{"by-instance", eipsim.DescribeEipAddressesRequest{AssociatedInstanceID: benchInstance}, 1},
			{"unindexed", eipsim.DescribeEipAddressesRequest{ChargeType: eipsim.ChargeTypePrePaid}, 0},
		}
		for _, c := range cases {
			if c.name == "unindexed" && n > 100_000 {
				continue // O(N): a million would dominate the run
			}
			b.Run(fmt.Sprintf("n=%d/%s", n, c.name), func(b *testing.B) {
				c.req.RegionID = hz
				b.ReportAllocs()
				for b.Loop() {
					r, err := sim.DescribeEipAddresses(ctx, c.req)
					if err != nil {
						b.Fatal(err)
					}
					if len(r.EipAddresses) != c.want {
						b.Fatalf("%d EIPs, want %d", len(r.EipAddresses), c.want)
					}
				}
			})
		}
	}
}

// BenchmarkListAll pages through 1,000,000 EIPs with PageSize 100, as a
// controller listing a whole account does: 10,000 calls per iteration.
func BenchmarkListAll(b *testing.B) {
	const n = 1_000_000
	if testing.Short() {
		b.Skip("a million EIPs")
	}
	sim, _ := describeWorld(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		seen := 0
		for page := 1; ; page++ {
			r, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: hz, PageNumber: page, PageSize: 100})
			if err != nil {
				b.Fatal(err)
			}
			seen += len(r.EipAddresses)
			if len(r.EipAddresses) < 100 {
				break
			}
		}
		if seen != n {
			b.Fatalf("listed %d EIPs, want %d", seen, n)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/list")
}
