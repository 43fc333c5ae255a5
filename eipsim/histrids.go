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
// another address included, is copied as usual (and the cache of copies,
// histcopies.go, finds the copy for the events that repeat it).
//
// The events that repeat the RequestId drawn last (the transitions a call
// makes, and those of its tasks when they come due before the next call)
// find its histRef in history.drawn, by its draws: not in the cache of
// copies, which would cost a put (a write barrier) per call.
const histDrawn histRef = 1 << 31

// histDrawnLast is the RequestId the history stored last as its draws:
// them, and its histRef in the current chunk, or histMiss when the chunk
// has none (history.grow resets it). It holds no address: the draws are
// the RequestId's text, so a RequestId with the same draws is the same
// string wherever it lives.
type histDrawnLast struct {
	hi, lo uint64
	ref    histRef
}

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

// drawnRef returns the histRef of v if it is the RequestId d and the
// current chunk has it as its draws (history.drawn), else histMiss: the
// fast path for a Cause, small enough to be inlined, with copyRID on a
// miss.
func (h *history) drawnRef(v string, d *drawnRID) histRef {
	if d.is(v) && d.hi == h.drawn.hi && d.lo == h.drawn.lo {
		return h.drawn.ref
	}
	return histMiss
}

// cause stores v, a Cause: as the RequestId drawn last's histRef if it is
// that (drawnRef), else as copyRID does.
func (h *history) cause(v string, d *drawnRID) histRef {
	if ref := h.drawnRef(v, d); ref != histMiss {
		return ref
	}
	return h.copyRID(v, d)
}

// copyRID is copy for a Cause that drawnRef missed: the cached copy of v if
// there is one, else v stored as its draws if it is the RequestId d, else
// as a copy.
func (h *history) copyRID(v string, d *drawnRID) histRef {
	if ref := h.copied(v); ref != histMiss {
		return ref
	}
	if !d.is(v) {
		return h.copySlow(v)
	}
	return h.storeDrawn(d)
}

// storeDrawn stores the RequestId d as its draws, and remembers it in
// history.drawn. It does not look for it first: a RequestId stored twice
// costs only its 16 bytes again.
func (h *history) storeDrawn(d *drawnRID) histRef {
	c := h.cur
	if cap(c.data)-len(c.data) < 16 {
		c.growData()
	}
	return h.writeDrawn(c, d)
}

// writeDrawn appends the draws of d to c's bytes, which have room for
// them, and remembers them in history.drawn: storeDrawn's part that
// history.call inlines.
func (h *history) writeDrawn(c *histChunk, d *drawnRID) histRef {
	off := len(c.data)
	c.data = c.data[:off+16]
	w := (*[16]byte)(c.data[off:])
	binary.LittleEndian.PutUint64(w[:8], d.hi)
	binary.LittleEndian.PutUint64(w[8:], d.lo)
	ref := histDrawn + histRef(off)
	h.drawn = histDrawnLast{hi: d.hi, lo: d.lo, ref: ref}
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
