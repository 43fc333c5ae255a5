package eipsim

import (
	"encoding/binary"
	"math/rand/v2"
	"strconv"
)

// ids hands out deterministic identifiers from the Sim's one seeded
// generator. Every ID the Sim returns comes from here.
type ids struct {
	rng      *rand.Rand
	pinned   []string // AllocationIds handed out first, in order
	requests uint64
	orders   int64
	// calls holds the RequestIds (and other per-call strings), eips the
	// AllocationIds, which live as long as their EIPs (strarena.go).
	calls, eips strArena
}

func newIDs(seed uint64, pinned []string) ids {
	return ids{rng: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)), pinned: pinned, orders: 200000000000}
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
		for i := 4; i < len(b); i++ {
			b[i] = base36[g.rng.IntN(len(base36))]
		}
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
		for i := len(prefix); i < len(b); i++ {
			b[i] = base36[g.rng.IntN(len(base36))]
		}
		if id := string(b); !taken(id) {
			return id
		}
	}
}

// requestID returns a RequestId shaped like the cloud's
// (0ED8D006-F706-4D23-88ED-E11ED28DCAC0), drawn from the generator.
func (g *ids) requestID() string {
	g.requests++
	var raw [16]byte
	binary.BigEndian.PutUint64(raw[:8], g.rng.Uint64())
	binary.BigEndian.PutUint64(raw[8:], g.rng.Uint64())
	const hex = "0123456789ABCDEF"
	b := g.calls.alloc(36)
	j := 0
	for i, c := range raw {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b[j] = '-'
			j++
		}
		b[j], b[j+1] = hex[c>>4], hex[c&15]
		j += 2
	}
	return str(b)
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
