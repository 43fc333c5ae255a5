package eipsim_test

import (
	"fmt"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// Targets (issue 14): DescribeNatGateways and DescribeHaVips cost
// O(log N + page) unfiltered and by ID or Status, at 1k/10k/100k
// resources of one account and region (the SNAT listing's benchmark is
// internal: BenchmarkDescribeSnatPage).

func listPopulations() []int {
	if testing.Short() {
		return []int{1_000, 10_000}
	}
	return []int{1_000, 10_000, 100_000}
}

// listWorld returns a Sim with n Available NAT gateways and n HaVips in
// cn-hangzhou, IDs ngw-0000000... and havip-0000000..., built with the
// setup methods (O(1) each; CreateNatGateway counts a VPC's gateways).
func listWorld(b *testing.B, n int) *eipsim.Sim {
	sim, err := eipsim.New(eipsim.WithClock(eipsimtest.NewClock()))
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		if err := sim.AddNatGateway(eipsim.NatGateway{NatGatewayID: fmt.Sprintf("ngw-%07d", i), RegionID: hz}); err != nil {
			b.Fatal(err)
		}
		if err := sim.AddHaVip(eipsim.HaVip{HaVipID: fmt.Sprintf("havip-%07d", i), RegionID: hz}); err != nil {
			b.Fatal(err)
		}
	}
	return sim
}

// BenchmarkDescribeNatGatewaysPage asks for one page of 10: the first, the
// last, one NatGatewayId, and the last page of a Status filter that
// matches every gateway.
func BenchmarkDescribeNatGatewaysPage(b *testing.B) {
	for _, n := range listPopulations() {
		sim := listWorld(b, n)
		for _, c := range []struct {
			name string
			req  eipsim.DescribeNatGatewaysRequest
			want int
		}{
			{"first", eipsim.DescribeNatGatewaysRequest{}, 10},
			{"last", eipsim.DescribeNatGatewaysRequest{PageNumber: n / 10}, 10},
			{"by-id", eipsim.DescribeNatGatewaysRequest{NatGatewayID: fmt.Sprintf("ngw-%07d", n/2)}, 1},
			{"status-last", eipsim.DescribeNatGatewaysRequest{Status: eipsim.NatGatewayAvailable, PageNumber: n / 10}, 10},
		} {
			b.Run(fmt.Sprintf("n=%d/%s", n, c.name), func(b *testing.B) {
				c.req.RegionID, c.req.PageSize = hz, 10
				b.ReportAllocs()
				for b.Loop() {
					r, err := sim.DescribeNatGateways(ctx, c.req)
					if err != nil {
						b.Fatal(err)
					}
					if len(r.NatGateways) != c.want || r.TotalCount < c.want {
						b.Fatalf("%d gateways of %d, want %d", len(r.NatGateways), r.TotalCount, c.want)
					}
				}
			})
		}
	}
}

// BenchmarkDescribeHaVipsPage is BenchmarkDescribeNatGatewaysPage for
// HaVips (Filter.1 HaVipId, Filter.1 Status).
func BenchmarkDescribeHaVipsPage(b *testing.B) {
	for _, n := range listPopulations() {
		sim := listWorld(b, n)
		for _, c := range []struct {
			name string
			req  eipsim.DescribeHaVipsRequest
			want int
		}{
			{"first", eipsim.DescribeHaVipsRequest{}, 10},
			{"last", eipsim.DescribeHaVipsRequest{PageNumber: n / 10}, 10},
			{"by-id", eipsim.DescribeHaVipsRequest{Filter1Key: "HaVipId", Filter1Value: fmt.Sprintf("havip-%07d", n/2)}, 1},
			{"status-last", eipsim.DescribeHaVipsRequest{Filter1Key: "Status", Filter1Value: eipsim.HaVipAvailable, PageNumber: n / 10}, 10},
		} {
			b.Run(fmt.Sprintf("n=%d/%s", n, c.name), func(b *testing.B) {
				c.req.RegionID, c.req.PageSize = hz, 10
				b.ReportAllocs()
				for b.Loop() {
					r, err := sim.DescribeHaVips(ctx, c.req)
					if err != nil {
						b.Fatal(err)
					}
					if len(r.HaVips) != c.want || r.TotalCount < c.want {
						b.Fatalf("%d HaVips of %d, want %d", len(r.HaVips), r.TotalCount, c.want)
					}
				}
			})
		}
	}
}
