package eipsim

import "unsafe"

// strArena makes short strings (RequestIds, AllocationIds, addresses)
// without an allocation each: their bytes are written into a shared chunk
// and the strings point into it. A chunk is never written again where a
// string was handed out, so the strings are as immutable as any other; a
// chunk is freed when none of its strings is referenced any more.
//
// The price is that one string kept keeps its whole chunk (arenaChunk
// bytes) alive, so each arena holds strings of one lifetime: the per-call
// strings (RequestIds, response addresses) in one, the EIPs' AllocationIds
// in another.
type strArena struct {
	buf []byte // the current chunk: len is the part handed out
}

// arenaChunk is the size of an arena's chunks: about 50 RequestIds.
const arenaChunk = 2048

// alloc returns n fresh bytes to write the string into; str turns them
// into the string once written, and then they are never written again.
func (a *strArena) alloc(n int) []byte {
	if cap(a.buf)-len(a.buf) < n {
		a.buf = make([]byte, 0, max(arenaChunk, n))
	}
	l := len(a.buf)
	a.buf = a.buf[:l+n]
	return a.buf[l : l+n : l+n]
}

// str returns the string of b, bytes that alloc returned and that are
// written for good.
func str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// bytes returns b's bytes as a string of the arena.
func (a *strArena) bytes(b []byte) string {
	d := a.alloc(len(b))
	copy(d, b)
	return str(d)
}

// addr returns the dotted form of the IPv4 address v, as
// netip.Addr.String spells it.
func (a *strArena) addr(v uint32) string {
	var tmp [len("255.255.255.255")]byte
	return a.bytes(addr4(v).AppendTo(tmp[:0]))
}
