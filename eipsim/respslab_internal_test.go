package eipsim

import (
	"context"
	"runtime"
	"testing"
	"unsafe"
)

// TestRespSlab: every response a slab hands out, across chunks, is a zero
// value of its own: writing one changes no other.
func TestRespSlab(t *testing.T) {
	var p respSlab[AssociateEipAddressResponse]
	n := 3*respSlabLen[AssociateEipAddressResponse]() + 5
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
	n := max(respSlabLen[AllocateEipAddressResponse](), respSlabLen[ReleaseEipAddressResponse]())
	s, err := New(WithEIPQuota(2 * n))
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
	for range n + 2 {
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

// TestRespChunkFillsClass: a chunk of each response type takes
// respChunkBytes from the allocator, and wastes less than a response of
// it, so that no response costs more than its own size and a share of the
// header. Measured by the heap's allocation count, not computed: it fails
// if the allocator's classes or header change.
func TestRespChunkFillsClass(t *testing.T) {
	check := func(name string, size, n int, chunk func()) {
		t.Helper()
		if waste := respChunkBytes - mallocHeaderBytes - n*size; waste < 0 || waste >= size {
			t.Errorf("%s: %d of %d bytes in a chunk of %d", name, n, size, respChunkBytes)
		}
		const chunks = 100
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for range chunks {
			chunk()
		}
		runtime.ReadMemStats(&after)
		if got := (after.TotalAlloc - before.TotalAlloc) / chunks; got != respChunkBytes {
			t.Errorf("%s: a chunk of %d took %d bytes, want %d", name, n, got, respChunkBytes)
		}
	}
	var a respSlab[AllocateEipAddressResponse]
	check("AllocateEipAddress", int(unsafe.Sizeof(AllocateEipAddressResponse{})), respSlabLen[AllocateEipAddressResponse](), func() {
		a.free = nil
		sink = a.next()
	})
	var r respSlab[ReleaseEipAddressResponse]
	check("ReleaseEipAddress", int(unsafe.Sizeof(ReleaseEipAddressResponse{})), respSlabLen[ReleaseEipAddressResponse](), func() {
		r.free = nil
		sink = r.next()
	})
}

// sink keeps what TestRespChunkFillsClass allocates on the heap.
var sink any

// TestRespSlabLargeResponse hands out responses larger than a chunk: each
// gets a chunk of its own, distinct and zero.
func TestRespSlabLargeResponse(t *testing.T) {
	type big struct {
		RequestID string
		pad       [respChunkBytes]byte
	}
	if n := respSlabLen[big](); n != 1 {
		t.Fatalf("respSlabLen of a %d-byte response = %d, want 1", unsafe.Sizeof(big{}), n)
	}
	var p respSlab[big]
	a := p.next()
	a.RequestID = "a"
	b := p.next()
	if a == b || b.RequestID != "" {
		t.Fatalf("second response %p (%q) is not a fresh one beside %p", b, b.RequestID, a)
	}
}
