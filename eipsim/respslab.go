package eipsim

// respSlab hands out the responses of one action from chunks of
// respSlabSize zero values, so that answering a call costs a slice step,
// not an allocation: the hot EIP writes (AllocateEipAddress,
// AssociateEipAddress, UnassociateEipAddress, ReleaseEipAddress) answer
// with a small response, and one small allocation per call was most of
// what their bodies cost. Each response is its own element: the caller
// owns it as if it were allocated alone (a response the caller keeps keeps
// its chunk, at most respSlabSize small responses, alive). It is used
// under the Sim's lock.
type respSlab[T any] struct {
	free []T
}

// respSlabSize is how many responses a chunk holds.
const respSlabSize = 64

// next returns a pointer to a zero T that nothing else refers to.
func (p *respSlab[T]) next() *T {
	if len(p.free) == 0 {
		p.free = make([]T, respSlabSize)
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
