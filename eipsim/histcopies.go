package eipsim

import (
	"slices"
	"unicode/utf8"
)

// The history's cache of copies (history.copies, a cache of histCopyWays)
// holds the strings last copied into the current chunk.
//
// Consecutive events mostly repeat the same strings (a call's RequestId is
// the Cause of the transitions it makes; the AllocationId is the resource
// of every event of an EIP's cycle), so the cache lets an event point to a
// copy made for an earlier one instead of copying again. It is cleared
// when a chunk begins, as its references are into the current chunk.
const histCopies = 64

// copy stores v as a copy in the current chunk, or as the copy the chunk
// already has.
func (h *history) copy(v string) histRef {
	if ref := h.copied(v); ref != histMiss {
		return ref
	}
	return h.copySlow(v)
}

// copied returns v's copy in the current chunk if the cache has it, else
// histMiss. It is copy's fast path, small enough to be inlined in the hot
// paths: "if r.x = h.copied(v); r.x == histMiss { r.x = h.copySlow(v) }".
func (h *history) copied(v string) histRef {
	return h.copies[histSetOf(v, histCopies)].first(v)
}

// copySlow is copy when v is not the cache's newer string of its set: it
// returns the older one's copy if it is v, else appends v to the chunk's
// bytes after its length (two bytes, little-endian) and puts it in the
// cache.
func (h *history) copySlow(v string) histRef {
	set := &h.copies[histSetOf(v, histCopies)]
	if ref := set.second(v); ref != histMiss && h.isCopy(ref, v) {
		return ref
	}
	c := h.cur
	off := len(c.data)
	n := off + 2 + len(v)
	// One comparison for "" and for a string to clip.
	if uint(len(v)-1) >= histMaxField || n > cap(c.data) {
		return h.copyRare(v)
	}
	d := c.data[off:n]
	d[0], d[1] = byte(len(v)), byte(len(v)>>8)
	copy(d[2:], v)
	c.data = c.data[:n]
	ref := histCopied + histRef(off)
	set.put(v, ref)
	return ref
}

// isCopy reports whether ref, a histRef the cache of copies has for v's
// address, is a copy of v in the current chunk: the cache's older strings
// are known by address only (histcache.go), so their bytes are compared.
func (h *history) isCopy(ref histRef, v string) bool {
	if ref < histCopied || ref >= histDrawn {
		return false
	}
	d := h.cur.data[ref-histCopied:]
	n := int(d[0]) | int(d[1])<<8
	return n == len(v) && string(d[2:2+n]) == v
}

// copyRare is copySlow for "", a string to clip, or a chunk's bytes to
// grow: it does not cache a clipped string (so that the cache keeps no huge
// string alive).
func (h *history) copyRare(v string) histRef {
	if v == "" {
		return 0
	}
	c := h.cur
	k := clip(v)
	c.data = slices.Grow(c.data, 2+len(k))
	if len(k) == len(v) {
		return h.copySlow(v)
	}
	ref := histCopied + histRef(len(c.data))
	c.data = append(c.data, byte(len(k)), byte(len(k)>>8))
	c.data = append(c.data, k...)
	return ref
}

// histMaxField is the longest string a history field keeps: IDs and codes
// are far shorter, and a caller's absurdly long input (an AllocationId of
// megabytes, say) must not make the history unbounded. With it a chunk holds
// at most histChunkLen*9*(histMaxField+2) bytes, well below histDrawn, and
// a length fits two bytes.
const histMaxField = 1024

// clip cuts v to histMaxField bytes, at a rune boundary, marking the cut.
func clip(v string) string {
	if len(v) <= histMaxField {
		return v
	}
	i := histMaxField - len("…")
	for i > 0 && !utf8.RuneStart(v[i]) {
		i--
	}
	return v[:i] + "…"
}
