package eipsim

import (
	"encoding/binary"
	"unsafe"
)

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
// netip.Addr.String spells it: each byte in decimal, no leading zeros.
func (a *strArena) addr(v uint32) string {
	// Each byte's digits are stored as one little-endian word, so that
	// writing them is one store; the ones past the digits are overwritten
	// by the dot or left beyond the end.
	var tmp [16]byte
	n := 0
	for shift := 24; shift >= 0; shift -= 8 {
		d := decByte[byte(v>>shift)]
		binary.LittleEndian.PutUint32(tmp[n&15:], d)
		n += int(d >> 24)
		tmp[n&15] = '.'
		n++
	}
	return a.bytes(tmp[:n-1])
}

// decByte holds, for each byte value, its decimal digits in the low three
// bytes (first digit lowest) and their count in the top byte.
var decByte = func() (t [256]uint32) {
	for i := range t {
		var d [4]byte
		switch {
		case i >= 100:
			d = [4]byte{byte('0' + i/100), byte('0' + i/10%10), byte('0' + i%10), 3}
		case i >= 10:
			d = [4]byte{byte('0' + i/10), byte('0' + i%10), 0, 2}
		default:
			d = [4]byte{byte('0' + i), 0, 0, 1}
		}
		t[i] = binary.LittleEndian.Uint32(d[:])
	}
	return t
}()
