package eipsim

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// entryWorld returns a Sim with one Available NAT gateway whose SNAT table
// holds n Available entries, made directly (CreateSnatEntry checks every
// entry of the table per call, O(N) each: a 100k-entry table would take
// minutes to build through it), through addSnat as CreateSnatEntry does.
func entryWorld(b *testing.B, n int) (*Sim, *natGateway) {
	clk := &stepClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	s, err := New(WithClock(clk), WithSnatEntryQuota(n))
	if err != nil {
		b.Fatal(err)
	}
	if err := s.AddNatGateway(NatGateway{NatGatewayID: "ngw-bench"}); err != nil {
		b.Fatal(err)
	}
	g := s.world.nats["ngw-bench"]
	for i := range n {
		s.addSnat(&snatEntry{natEntry: natEntry{id: fmt.Sprintf("snat-%07d", i), status: EntryAvailable}, gw: g,
			ips: []string{"100.64.0.1"}, cidr: fmt.Sprintf("10.%d.%d.0/24", i>>8&255, i&255)})
	}
	// The address is no EIP of the gateway (CheckInvariants would say so):
	// the listing reads entries, not EIPs.
	if len(g.snat) != n || len(s.world.snatEntries) != n {
		b.Fatalf("%d entries, %d by ID, want %d", len(g.snat), len(s.world.snatEntries), n)
	}
	return s, g
}

// BenchmarkDescribeSnatPage asks DescribeSnatTableEntries for one page of
// 10 at 1k/10k/100k entries in one table: the first, the last, and one
// SnatEntryId.
func BenchmarkDescribeSnatPage(b *testing.B) {
	ns := []int{1_000, 10_000, 100_000}
	if testing.Short() {
		ns = ns[:2]
	}
	for _, n := range ns {
		s, g := entryWorld(b, n)
		for _, c := range []struct {
			name string
			req  DescribeSnatTableEntriesRequest
			want int
		}{
			{"first", DescribeSnatTableEntriesRequest{}, 10},
			{"last", DescribeSnatTableEntriesRequest{PageNumber: n / 10}, 10},
			{"by-id", DescribeSnatTableEntriesRequest{SnatEntryID: fmt.Sprintf("snat-%07d", n/2)}, 1},
		} {
			b.Run(fmt.Sprintf("n=%d/%s", n, c.name), func(b *testing.B) {
				c.req.RegionID, c.req.SnatTableID, c.req.PageSize = g.region, g.snatTable, 10
				b.ReportAllocs()
				for b.Loop() {
					r, err := s.DescribeSnatTableEntries(context.Background(), c.req)
					if err != nil {
						b.Fatal(err)
					}
					if len(r.SnatTableEntries) != c.want {
						b.Fatalf("%d entries, want %d", len(r.SnatTableEntries), c.want)
					}
				}
			})
		}
	}
}
