package eipsim

import (
	"encoding/binary"
	"strconv"
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
// remembers it with its draws in g.last (histrids.go).
func (g *ids) requestID() string {
	g.requests++
	hi, lo := g.rng.Uint64(), g.rng.Uint64()
	b := (*[ridLen]byte)(g.calls.alloc(ridLen))
	formatRID(b, hi, lo)
	g.last = drawnRID{p: &b[0], hi: hi, lo: lo}
	return str(b[:])
}

// ridLen is the length of a RequestId.
const ridLen = 36

// formatRID writes the RequestId of the two draws hi, lo: big-endian, in
// upper-case hex, cut 8-4-4-4-12.
func formatRID(b *[ridLen]byte, hi, lo uint64) {
	binary.BigEndian.PutUint64(b[0:8], hex8(uint32(hi>>32)))
	b[8] = '-'
	h := hex8(uint32(hi))
	binary.BigEndian.PutUint32(b[9:13], uint32(h>>32))
	b[13] = '-'
	binary.BigEndian.PutUint32(b[14:18], uint32(h))
	b[18] = '-'
	h = hex8(uint32(lo >> 32))
	binary.BigEndian.PutUint32(b[19:23], uint32(h>>32))
	b[23] = '-'
	binary.BigEndian.PutUint32(b[24:28], uint32(h))
	binary.BigEndian.PutUint64(b[28:36], hex8(uint32(lo)))
}

// hex8 returns the 8 upper-case hex digits of x, the first in the top
// byte: each nibble is spread to a byte, then turned into its digit
// ('0'+v, and 7 more from 10 on: v+6 carries into bit 4 exactly then).
func hex8(x uint32) uint64 {
	y := uint64(x)
	y = (y | y<<16) & 0x0000ffff0000ffff
	y = (y | y<<8) & 0x00ff00ff00ff00ff
	y = (y | y<<4) & 0x0f0f0f0f0f0f0f0f
	letters := (y + 0x0606060606060606) >> 4 & 0x0101010101010101
	return y + 0x3030303030303030 + letters*7
}

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
