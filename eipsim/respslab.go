package eipsim

import "unsafe"

// respSlab hands out the responses of one action from chunks of zero
// values, so that answering a call costs a slice step, not an allocation:
// the hot EIP writes (AllocateEipAddress, AssociateEipAddress,
// UnassociateEipAddress, ReleaseEipAddress) answer with a small response,
// and one small allocation per call was most of what their bodies cost.
// Each response is its own element: the caller owns it as if it were
// allocated alone (a response the caller keeps keeps its chunk, about
// respChunkBytes, alive). It is used under the Sim's lock.
type respSlab[T any] struct {
	free []T
}

// respChunkBytes is what a chunk takes from the allocator: one of its size
// classes (internal/runtime/gc/sizeclasses.go), which a chunk fills up to
// less than a response, with the header the allocator puts before an
// object with pointers of more than 512 bytes (mallocHeaderBytes). A
// chunk of a round number of responses does not fill a class: 64
// AllocateEipAddress responses (4,616 bytes with the header) took 4,864,
// 64 of one RequestId (1,032) took 1,152, 4 and 2 bytes a response lost.
const respChunkBytes = 4864

// mallocHeaderBytes is the allocator's header before a large object with
// pointers (the runtime's mallocHeaderSize).
const mallocHeaderBytes = 8

// respSlabLen is how many responses of type T a chunk holds: at least one,
// so that a response larger than a chunk (or of size zero) still gets a
// chunk of its own rather than an empty one.
func respSlabLen[T any]() int {
	var zero T
	return max(1, (respChunkBytes-mallocHeaderBytes)/max(1, int(unsafe.Sizeof(zero))))
}

// next returns a pointer to a zero T that nothing else refers to.
func (p *respSlab[T]) next() *T {
	if len(p.free) == 0 {
		p.free = make([]T, respSlabLen[T]())
	}
	x := &p.free[0]
	p.free = p.free[1:]
	return x
}

// respSlabs are a Sim's response slabs.
type respSlabs struct {
	allocate    respSlab[AllocateEipAddressResponse]
	associate   respSlab[AssociateEipAddressResponse]
	unassociate respSlab[UnassociateEipAddressResponse]
	release     respSlab[ReleaseEipAddressResponse]
}
