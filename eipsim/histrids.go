package eipsim

import (
	"encoding/binary"
	"slices"
	"unsafe"
)

// The history stores a RequestId the Sim drew (ids.requestID) as its two
// draws, 16 bytes in the chunk's bytes instead of a copy of its 36, and
// formats it again when read: histDrawn+off is the one at data[off:], the
// two draws little-endian.
//
// It knows such a RequestId by its address: ids remembers the one it drew
// last (drawnRID), and a string with its bytes' address and length is that
// RequestId, as the arena's strings are never written again (strarena.go)
// and the memory keeps them alive. Any other string, the same text at
// another address included, is copied as usual; the cache of copies
// (histcopies.go) then finds the RequestId's histRef for the events that
// repeat it, as for any copy.
const histDrawn histRef = 1 << 31

// drawnRID is the RequestId ids.requestID returned last: its bytes (ridLen
// of them) at off in the arena chunk whose first byte is chunk, and its two
// draws.
//
// The address is the chunk's and an offset, not the bytes' own, because
// requestID writes chunk only when the chunk changes: a pointer written into
// the heap on every call would cost a write barrier while the GC marks.
// chunk points to the start of the chunk's allocation, so it keeps the
// whole chunk, the RequestId's bytes among them, alive as long as d holds
// it: no other string can then have those bytes' address, and a string that
// has it and ridLen bytes is the RequestId (TestDrawnRIDKeepsItsChunk).
type drawnRID struct {
	chunk  *byte
	off    uintptr
	hi, lo uint64
}

// is reports whether v is the RequestId d.
func (d *drawnRID) is(v string) bool {
	return len(v) == ridLen && unsafe.StringData(v) == (*byte)(unsafe.Add(unsafe.Pointer(d.chunk), d.off))
}

// copyRID is copySlow for a Cause: v is stored as its draws if it is the
// RequestId d, else as a copy.
func (h *history) copyRID(v string, d *drawnRID) histRef {
	if !d.is(v) {
		return h.copySlow(v)
	}
	return h.storeDrawn(v, d)
}

// storeDrawn stores the RequestId v, which d is, as its draws, and puts it
// in the cache of copies. It does not look in the cache first: a RequestId
// stored twice costs only its 16 bytes again.
func (h *history) storeDrawn(v string, d *drawnRID) histRef {
	c := h.cur
	off := len(c.data)
	if cap(c.data)-off < 16 {
		// Rare: out of line, so that the common path needs no spills.
		c.growData()
		return h.storeDrawn(v, d)
	}
	c.data = c.data[:off+16]
	w := (*[16]byte)(c.data[off:])
	binary.LittleEndian.PutUint64(w[:8], d.hi)
	binary.LittleEndian.PutUint64(w[8:], d.lo)
	ref := histDrawn + histRef(off)
	h.copies[histSetOf(v, histCopies)].put(v, ref)
	return ref
}

// growData makes room for a RequestId's draws in c's bytes.
func (c *histChunk) growData() { c.data = slices.Grow(c.data, 16) }

// drawn returns the RequestId of v (at least histDrawn): formatted into
// r.free, or the one formatted last if it is v again, as the events of a
// call and of the transitions it causes follow each other.
func (r *histRead) drawn(v histRef) string {
	if v == r.ref {
		return r.rid
	}
	d := r.data[v-histDrawn:]
	b := (*[ridLen]byte)(r.free)
	r.free = r.free[ridLen:]
	formatRID(b, binary.LittleEndian.Uint64(d), binary.LittleEndian.Uint64(d[8:16]))
	r.ref, r.rid = v, str(b[:])
	return r.rid
}
