package eipsim

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestEIPTableLikeMap: an eipTable answers every get as a map of the same
// puts and resets does, over IDs of every length from 0 to 40 (drawn IDs
// are 24 bytes, the unrolled case of idHash), IDs put again, and resets
// that clear in place or make the table again.
func TestEIPTableLikeMap(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	id := func() string {
		n := rnd.IntN(41)
		if rnd.IntN(2) == 0 {
			n = 24
		}
		var b strings.Builder
		for range n {
			b.WriteByte(base36[rnd.IntN(4)]) // few letters: IDs repeat
		}
		return b.String()
	}
	var tab eipTable
	ref := map[string]*eip{}
	var ids []string
	for step := range 200_000 {
		switch op := rnd.IntN(100); {
		case op < 45:
			e := &eip{id: id()}
			if len(ids) > 0 && rnd.IntN(4) == 0 {
				e.id = ids[rnd.IntN(len(ids))] // an ID put before
			}
			tab.put(e)
			ref[e.id] = e
			ids = append(ids, e.id)
		case op < 99:
			k := id()
			if len(ids) > 0 && rnd.IntN(2) == 0 {
				k = ids[rnd.IntN(len(ids))]
			}
			if got, want := tab.get(k), ref[k]; got != want {
				t.Fatalf("step %d: get(%q) = %p, want %p", step, k, got, want)
			}
		default:
			// Keep some, as compactEIPs keeps the live EIPs.
			keep := map[string]*eip{}
			for k, e := range ref {
				if rnd.IntN(3) == 0 {
					keep[k] = e
				}
			}
			tab.reset(len(keep))
			for _, e := range keep {
				tab.put(e)
			}
			ref, ids = keep, nil
			for k := range keep {
				ids = append(ids, k)
			}
		}
		if tab.n != len(ref) {
			t.Fatalf("step %d: %d EIPs held, want %d", step, tab.n, len(ref))
		}
	}
}

// TestEIPTableReset: a reset table of more than maxClearedEIPMap EIPs is
// made again, smaller, for what it will hold; a smaller one keeps its
// slots.
func TestEIPTableReset(t *testing.T) {
	var tab eipTable
	for i := range maxClearedEIPMap + 1 {
		tab.put(&eip{id: "eip-" + strconv.Itoa(i)})
	}
	big := len(tab.slots)
	tab.reset(10)
	if len(tab.slots) != slotsFor(10) || len(tab.slots) >= big {
		t.Fatalf("reset of %d EIPs: %d slots, want %d", maxClearedEIPMap+1, len(tab.slots), slotsFor(10))
	}
	for i := range 10 {
		tab.put(&eip{id: "eip-" + strconv.Itoa(i)})
	}
	small := len(tab.slots)
	tab.reset(0)
	if len(tab.slots) != small || tab.get("eip-1") != nil {
		t.Fatalf("reset of 10 EIPs: %d slots (want %d), eip-1 found: %v", len(tab.slots), small, tab.get("eip-1") != nil)
	}
}
