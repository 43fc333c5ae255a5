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

// allocIn is alloc, and also returns the first byte of the chunk the bytes
// are in and their offset in it: the chunk's address is that of its whole
// allocation, so a pointer to it keeps every string in it alive.
func (a *strArena) allocIn(n int) (b []byte, chunk *byte, off uintptr) {
	b = a.alloc(n)
	return b, unsafe.SliceData(a.buf), uintptr(len(a.buf) - n)
}

// str returns the string of b, bytes that alloc returned and that are
// written for good.
func str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// addr returns the dotted form of the IPv4 address v, as
// netip.Addr.String spells it: each byte in decimal, no leading zeros.
func (a *strArena) addr(v uint32) string {
	// The longest form, 15 bytes, and a word's overrun are written into
	// the chunk's unused room, where nothing has been handed out yet; the
	// string takes only the bytes written for good.
	if cap(a.buf)-len(a.buf) < 16 {
		a.buf = make([]byte, 0, arenaChunk)
	}
	l := len(a.buf)
	b := (*[16]byte)(a.buf[l : l+16])
	// Each half, "a.b" and "c.d", is at most 7 bytes: one word each.
	hi, nh := dotted(decByte[byte(v>>24)], decByte[byte(v>>16)])
	lo, nl := dotted(decByte[byte(v>>8)], decByte[byte(v)])
	binary.LittleEndian.PutUint64(b[:8], hi)
	b[nh&7] = '.'
	binary.LittleEndian.PutUint64(b[nh&7+1:][:8], lo)
	n := nh + 1 + nl
	a.buf = a.buf[:l+int(n)]
	return str(b[:n])
}

// dotted returns the bytes of "x.y", x and y two decByte entries, as a
// word (first byte lowest), and their count.
func dotted(x, y uint32) (uint64, uint) {
	nx, ny := uint(x>>24), uint(y>>24)
	// The shifts are at most 32; &63 tells the compiler they are under 64.
	w := uint64(x&0xffffff) | '.'<<(8*nx&63) | uint64(y&0xffffff)<<(8*(nx+1)&63)
	return w, nx + 1 + ny
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
