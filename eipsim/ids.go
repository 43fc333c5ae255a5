package eipsim

import (
	"encoding/binary"
	"strconv"
	"unsafe"
)

// ids hands out deterministic identifiers from the Sim's one seeded
// generator. Every ID the Sim returns comes from here.
type ids struct {
	rng      pcg      // math/rand/v2's PCG, drawn as its *rand.Rand would (pcg.go)
	pinned   []string // AllocationIds handed out first, in order
	requests uint64
	orders   int64
	// calls holds the RequestIds (and other per-call strings), eips the
	// AllocationIds, which live as long as their EIPs (strarena.go).
	calls, eips strArena
	last        drawnRID // the RequestId drawn last
}

func newIDs(seed uint64, pinned []string) ids {
	return ids{rng: pcg{seed, 0x9e3779b97f4a7c15}, pinned: pinned, orders: 200000000000}
}

const base36 = "0123456789abcdefghijklmnopqrstuvwxyz"

// allocationID returns the next pinned ID, or "eip-" and 20 random base-36
// characters, the shape the cloud uses. taken reports whether an ID is in use.
func (g *ids) allocationID(taken func(string) bool) string {
	for len(g.pinned) > 0 {
		id := g.pinned[0]
		g.pinned = g.pinned[1:]
		if !taken(id) {
			return id
		}
	}
	// A taken ID is drawn again into the same bytes: taken only looks it
	// up, so the string is handed out only once final.
	b := g.eips.alloc(24)
	copy(b, "eip-")
	for {
		g.rng.base36(b[4:])
		if id := str(b); !taken(id) {
			return id
		}
	}
}

// resourceID returns prefix and 20 random base-36 characters (the cloud's
// shape, as in ngw-bp1uewa15k4iy5770abc), unused by taken.
func (g *ids) resourceID(prefix string, taken func(string) bool) string {
	for {
		b := make([]byte, len(prefix)+20)
		copy(b, prefix)
		g.rng.base36(b[len(prefix):])
		if id := string(b); !taken(id) {
			return id
		}
	}
}

// requestID returns a RequestId shaped like the cloud's
// (0ED8D006-F706-4D23-88ED-E11ED28DCAC0), drawn from the generator, and
// remembers it with its draws in g.last (histrids.go). g.last takes the
// chunk's address only when the RequestId is in another chunk than the one
// before (about one call in 50), so that the call does not write a pointer
// into the heap (a write barrier while the GC marks).
func (g *ids) requestID() string {
	g.requests++
	hi, lo := g.rng.Uint64(), g.rng.Uint64()
	b, chunk, off := g.calls.allocIn(ridLen)
	if g.last.chunk != chunk {
		g.last.chunk = chunk
	}
	g.last.off, g.last.hi, g.last.lo = off, hi, lo
	r := (*[ridLen]byte)(b)
	formatRID(r, hi, lo)
	return unsafe.String(&r[0], ridLen)
}

// ridLen is the length of a RequestId.
const ridLen = 36

// formatRID writes the RequestId of the two draws hi, lo: big-endian, in
// upper-case hex, cut 8-4-4-4-12. Each byte's two digits are one load from
// hexPairs and one store; the bytes are taken from the low end, each draw
// shifted down by a byte after each, so that no copy of it is kept.
func formatRID(b *[ridLen]byte, hi, lo uint64) {
	p := &hexPairs
	b[8], b[13], b[18], b[23] = '-', '-', '-', '-'
	binary.LittleEndian.PutUint16(b[34:], p[byte(lo)])
	lo >>= 8
	binary.LittleEndian.PutUint16(b[32:], p[byte(lo)])
	lo >>= 8
	binary.LittleEndian.PutUint16(b[30:], p[byte(lo)])
	lo >>= 8
	binary.LittleEndian.PutUint16(b[28:], p[byte(lo)])
	lo >>= 8
	binary.LittleEndian.PutUint16(b[26:], p[byte(lo)])
	lo >>= 8
	binary.LittleEndian.PutUint16(b[24:], p[byte(lo)])
	lo >>= 8
	binary.LittleEndian.PutUint16(b[21:], p[byte(lo)])
	lo >>= 8
	binary.LittleEndian.PutUint16(b[19:], p[byte(lo)])
	binary.LittleEndian.PutUint16(b[16:], p[byte(hi)])
	hi >>= 8
	binary.LittleEndian.PutUint16(b[14:], p[byte(hi)])
	hi >>= 8
	binary.LittleEndian.PutUint16(b[11:], p[byte(hi)])
	hi >>= 8
	binary.LittleEndian.PutUint16(b[9:], p[byte(hi)])
	hi >>= 8
	binary.LittleEndian.PutUint16(b[6:], p[byte(hi)])
	hi >>= 8
	binary.LittleEndian.PutUint16(b[4:], p[byte(hi)])
	hi >>= 8
	binary.LittleEndian.PutUint16(b[2:], p[byte(hi)])
	hi >>= 8
	binary.LittleEndian.PutUint16(b[0:], p[byte(hi)])
}

// hexPairs holds each byte's two upper-case hex digits, the first in the
// low byte (so a little-endian store writes them in order).
var hexPairs = func() (t [256]uint16) {
	const digits = "0123456789ABCDEF"
	for i := range t {
		t[i] = uint16(digits[i>>4]) | uint16(digits[i&15])<<8
	}
	return t
}()

func (g *ids) orderID() int64 {
	g.orders++
	return g.orders
}

// pad4 formats n with at least four digits, as in t-0001.
func pad4(n uint64) string {
	s := strconv.FormatUint(n, 10)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}
