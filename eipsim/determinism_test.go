package eipsim_test

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// script runs a fixed mix of calls, successes and failures, and returns
// every response and error as text.
func script(t *testing.T, seed uint64) ([]string, []eipsim.Event) {
	sim, clk := eipsimtest.New(t, eipsim.WithSeed(seed))
	var out []string
	rec := func(resp any, err error) {
		out = append(out, fmt.Sprintf("%+v %v", resp, err))
	}
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}))
	var ids []string
	for range 5 {
		r, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz})
		rec(r, err)
		ids = append(ids, r.AllocationID)
	}
	rec(sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: ids[0], InstanceID: "i-1"}))
	rec(sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: ids[1], InstanceID: "i-1"}))
	clk.Advance(4 * time.Second)
	rec(sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: ids[0]}))
	rec(sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: ids[2]}))
	rec(sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: "eip-nope"}))
	clk.Advance(10 * time.Second)
	rec(sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: hz}))
	rec(sim.Call(ctx, eipsim.ActionModifyEipAddressAttribute, eipsim.Params{"AllocationId": ids[3], "Bandwidth": "9"}))
	return out, sim.History()
}

func TestDeterminism(t *testing.T) {
	a, ha := script(t, 42)
	b, hb := script(t, 42)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("same seed, different responses:\n%v\n%v", a, b)
	}
	if !reflect.DeepEqual(ha, hb) {
		t.Fatal("same seed, different history")
	}
	if len(ha) < 20 {
		t.Fatalf("history has only %d events", len(ha))
	}
	c, hc := script(t, 43)
	if reflect.DeepEqual(a[0], c[0]) {
		t.Fatal("different seeds gave the same first AllocationId and RequestId")
	}
	if ha[0].RequestID == hc[0].RequestID && ha[0].RequestID != "" {
		t.Fatal("different seeds gave the same RequestIds")
	}
	for _, e := range hc {
		if e.Kind == eipsim.EventKindCall && e.RequestID == "" {
			t.Fatalf("call event without a RequestId: %+v", e)
		}
	}
}

func TestPinnedAllocationIDs(t *testing.T) {
	sim, _ := eipsimtest.New(t, eipsim.WithAllocationIDs("eip-a", "eip-b"))
	if a, b := alloc(t, sim, hz), alloc(t, sim, hz); a != "eip-a" || b != "eip-b" {
		t.Fatalf("got %s %s", a, b)
	}
	if c := alloc(t, sim, hz); len(c) != 24 {
		t.Fatalf("after the pinned IDs: %s", c)
	}
}

func TestHistoryLimit(t *testing.T) {
	sim, _ := eipsimtest.New(t, eipsim.WithHistoryLimit(5))
	for range 4 {
		alloc(t, sim, hz) // two events each
	}
	h := sim.History()
	if len(h) != 5 || sim.HistoryDropped() != 3 || h[0].Seq != 4 || h[4].Seq != 8 {
		t.Fatalf("%d events, dropped %d, seqs %d..%d", len(h), sim.HistoryDropped(), h[0].Seq, h[len(h)-1].Seq)
	}
}
