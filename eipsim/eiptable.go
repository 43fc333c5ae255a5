package eipsim

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// eipTable holds the EIPs by AllocationId (Sim.eips). It is a hash table
// with open addressing and linear probing, hashing an ID with idHash: a
// few multiplications for the 24 bytes of a drawn ID, where the runtime's
// map cost an AES hash, and lookups and inserts of its own (about 300
// instructions per allocate-release cycle in all). Nothing ever iterates
// it, so its order cannot reach any output.
//
// Entries are never deleted one by one: a released EIP stays, marked
// gone, until compactEIPs empties the table (reset) and puts the live EIPs
// back, as it did with the map.
type eipTable struct {
	slots []eipSlot // a power of two of them (or none), at most half full
	n     int       // the EIPs held
	shift uint8     // 64 - log2(len(slots)): a hash's top bits pick the first slot
}

// eipSlot is a slot of an eipTable: empty while e is nil, else e and the
// hash of its ID.
type eipSlot struct {
	h uint64
	e *eip
}

// minEIPTable is the number of slots of a table's first allocation.
const minEIPTable = 16

// get returns the EIP of the ID id, gone or not, or nil.
func (t *eipTable) get(id string) *eip {
	if t.n == 0 {
		return nil
	}
	h := idHash(id)
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		x := &t.slots[i]
		if x.e == nil {
			return nil
		}
		if x.h == h && x.e.id == id {
			return x.e
		}
	}
}

// put holds e under its ID, in place of an EIP of the same ID if there is
// one (a released EIP's ID is free again).
func (t *eipTable) put(e *eip) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	h := idHash(e.id)
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		x := &t.slots[i]
		if x.e == nil {
			*x = eipSlot{h, e}
			t.n++
			return
		}
		if x.h == h && x.e.id == e.id {
			x.e = e
			return
		}
	}
}

// grow doubles the slots (or makes the first ones) and puts the EIPs back.
func (t *eipTable) grow() {
	old := t.slots
	t.alloc(max(minEIPTable, 2*len(old)))
	t.n = 0
	for _, x := range old {
		if x.e != nil {
			t.insert(x)
		}
	}
}

// alloc makes n empty slots, n a power of two.
func (t *eipTable) alloc(n int) {
	t.slots = make([]eipSlot, n)
	t.shift = uint8(64 - bits.TrailingZeros(uint(n)))
}

// insert puts a slot's EIP, whose ID t does not hold, into t, which has
// room for it.
func (t *eipTable) insert(x eipSlot) {
	mask := uint64(len(t.slots) - 1)
	i := x.h >> t.shift
	for t.slots[i].e != nil {
		i = (i + 1) & mask
	}
	t.slots[i] = x
	t.n++
}

// reset empties t, to hold n EIPs next. A table of up to
// maxClearedEIPMap EIPs is cleared in place, so that EIPs coming and
// going a few at a time cost no allocations; a larger one is made again
// for n, so that its memory shrinks after a bulk release.
func (t *eipTable) reset(n int) {
	if t.n <= maxClearedEIPMap {
		clear(t.slots)
	} else {
		t.alloc(slotsFor(n))
	}
	t.n = 0
}

// slotsFor returns how many slots a table holding n EIPs starts with: a
// power of two, more than twice n.
func slotsFor(n int) int {
	s := minEIPTable
	for s < 2*(n+1) {
		s *= 2
	}
	return s
}

// idHash is eipTable's hash of an ID: its bytes, eight at a time, each
// word mixed in by a multiplication. A product's top bits depend on every
// bit of its factors, and the table picks a slot by the top bits.
func idHash(id string) uint64 {
	const m = 0x9e3779b97f4a7c15 // odd: each multiplication is a bijection
	b := unsafe.Slice(unsafe.StringData(id), len(id))
	h := uint64(len(b)) * m
	if len(b) == 24 { // a drawn ID: the loop below, unrolled
		h = (h ^ binary.LittleEndian.Uint64(b[0:8])) * m
		h = (h ^ binary.LittleEndian.Uint64(b[8:16])) * m
		return (h ^ binary.LittleEndian.Uint64(b[16:24])) * m
	}
	for len(b) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(b)) * m
		b = b[8:]
	}
	if len(b) > 0 {
		var w uint64
		for i, c := range b {
			w |= uint64(c) << (8 * i)
		}
		h = (h ^ w) * m
	}
	return h
}
