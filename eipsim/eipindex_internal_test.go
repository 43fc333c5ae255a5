package eipsim

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// TestEIPIndexQueueOverflow makes more changes between two reads than the
// index queues (maxQueued), so that the queue syncs itself while EIPs are
// being allocated, moved and released, and then compares every Status
// listing with the brute-force one, before and after the releases apply.
func TestEIPIndexQueueOverflow(t *testing.T) {
	clk := &stepClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	s, err := New(WithClock(clk), WithEIPQuota(10000), WithCooldown(0), WithIPPool("100.64.0.0/16"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var ids []string
	for i := range 5*maxQueued + 7 {
		a, err := s.AllocateEipAddress(ctx, AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.AllocationID)
		if i%5 == 0 { // released (Releasing) at once, while still queued
			if _, err := s.ReleaseEipAddress(ctx, ReleaseEipAddressRequest{AllocationID: a.AllocationID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Most of these were synced when the queue overflowed: releasing them
	// queues them again, and the queue overflows in the middle of a move.
	for i, id := range ids {
		if i%5 != 0 && i%3 == 0 {
			if _, err := s.ReleaseEipAddress(ctx, ReleaseEipAddressRequest{AllocationID: id}); err != nil {
				t.Fatal(err)
			}
		}
	}
	check := func(when string) {
		t.Helper()
		for _, st := range []Status{"", StatusAvailable, StatusReleasing} {
			for _, num := range []int{1, 2, 40, 1000} {
				req := DescribeEipAddressesRequest{RegionID: "cn-hangzhou", Status: st, PageNumber: num, PageSize: 50}
				resp, err := s.DescribeEipAddresses(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				if total, want := refEIPs(s, DefaultAccountID, req); resp.TotalCount != total || !reflect.DeepEqual(resp.EipAddresses, want) {
					t.Fatalf("%s: Status %q page %d: got total %d and %d EIPs, want %d and %d (or they differ)",
						when, st, num, resp.TotalCount, len(resp.EipAddresses), total, len(want))
				}
			}
		}
		if err := s.CheckInvariants(); err != nil {
			t.Fatalf("%s: %v", when, err)
		}
	}
	check("releasing")
	clk.now = clk.now.Add(DefaultReleaseDelay)
	check("released")
	released := 0
	for i := range ids {
		if i%5 == 0 || i%3 == 0 {
			released++
		}
	}
	if n := len(s.EIPs()); n != len(ids)-released {
		t.Fatalf("%d EIPs left of %d", n, len(ids))
	}
}
