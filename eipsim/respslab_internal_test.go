package eipsim

import (
	"context"
	"testing"
)

// TestRespSlab: every response a slab hands out, across chunks, is a zero
// value of its own: writing one changes no other.
func TestRespSlab(t *testing.T) {
	var p respSlab[AssociateEipAddressResponse]
	const n = 3*respSlabSize + 5
	got := make([]*AssociateEipAddressResponse, n)
	seen := map[*AssociateEipAddressResponse]bool{}
	for i := range got {
		r := p.next()
		if *r != (AssociateEipAddressResponse{}) {
			t.Fatalf("response %d not zero: %+v", i, *r)
		}
		if seen[r] {
			t.Fatalf("response %d handed out twice", i)
		}
		seen[r] = true
		r.RequestID = string(rune('a' + i%26))
		got[i] = r
	}
	for i, r := range got {
		if want := string(rune('a' + i%26)); r.RequestID != want {
			t.Errorf("response %d: RequestID %q, want %q", i, r.RequestID, want)
		}
	}
}

// TestResponsesOwned: the responses of successive EIP writes are the
// caller's own: changing one leaves the others as they were answered.
func TestResponsesOwned(t *testing.T) {
	s, err := New(WithEIPQuota(2 * respSlabSize))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddInstance(Instance{InstanceID: "i-1"}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var rids, ids []string
	var resps []*ReleaseEipAddressResponse
	var allocs []*AllocateEipAddressResponse
	for range respSlabSize + 2 {
		a, err := s.AllocateEipAddress(ctx, AllocateEipAddressRequest{RegionID: DefaultRegions[0]})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.AllocationID)
		allocs = append(allocs, a)
		r, err := s.ReleaseEipAddress(ctx, ReleaseEipAddressRequest{AllocationID: a.AllocationID})
		if err != nil {
			t.Fatal(err)
		}
		rids = append(rids, r.RequestID)
		resps = append(resps, r)
	}
	resps[0].RequestID = "changed"
	*allocs[0] = AllocateEipAddressResponse{RequestID: "changed", AllocationID: "changed"}
	for i, r := range resps[1:] {
		if r.RequestID != rids[i+1] || r.RequestID == rids[i] {
			t.Errorf("response %d: RequestID %q, answered %q", i+1, r.RequestID, rids[i+1])
		}
	}
	for i, a := range allocs[1:] {
		if a.AllocationID != ids[i+1] || a.AllocationID == ids[i] || a.RequestID == "changed" {
			t.Errorf("allocation %d: AllocationID %q, answered %q", i+1, a.AllocationID, ids[i+1])
		}
	}
}
