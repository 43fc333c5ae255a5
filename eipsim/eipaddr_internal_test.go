package eipsim

import (
	"math/rand/v2"
	"testing"
)

// TestEIPsByAddrLikeMap: eipsByAddr answers every get as a map of the same
// sets and removes does (a remove of an EIP the address does not hold does
// nothing), over addresses crowding a few pages and spread over many; and
// it keeps no empty page but the one that emptied last.
func TestEIPsByAddrLikeMap(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	addr := func() uint32 {
		if rnd.IntN(2) == 0 {
			return 0x0a000000 + uint32(rnd.IntN(3*addrPageLen))
		}
		return rnd.Uint32()
	}
	var a eipsByAddr
	ref := map[uint32]*eip{}
	var held []uint32
	for step := range 200_000 {
		switch op := rnd.IntN(10); {
		case op < 3:
			v := addr()
			e := &eip{ip: v}
			a.set(v, e)
			ref[v] = e
			held = append(held, v)
		case op < 6 && len(held) > 0:
			i := rnd.IntN(len(held))
			v := held[i]
			held[i] = held[len(held)-1]
			held = held[:len(held)-1]
			e := ref[v]
			if rnd.IntN(4) == 0 {
				e = &eip{ip: v} // not the one held: nothing happens
			} else if e != nil {
				delete(ref, v)
			}
			a.remove(v, e)
		default:
			v := addr()
			if len(held) > 0 && rnd.IntN(2) == 0 {
				v = held[rnd.IntN(len(held))]
			}
			if got, want := a.get(v), ref[v]; got != want {
				t.Fatalf("step %d: get(%#x) = %p, want %p", step, v, got, want)
			}
		}
		if a.n != len(ref) {
			t.Fatalf("step %d: %d EIPs held, want %d", step, a.n, len(ref))
		}
	}
	used := map[uint32]bool{}
	for v := range ref {
		used[v/addrPageLen] = true
	}
	for k, p := range a.pages {
		if p.n == 0 && p != a.empty {
			t.Errorf("page %#x empty, and not the one that emptied last", k)
		}
		if p.n > 0 && !used[k] {
			t.Errorf("page %#x counts %d EIPs, none held", k, p.n)
		}
	}
}

// TestEIPsByAddrMovingOn: an EIP coming and going at addresses that move
// on through many pages, as the pool hands them out, allocates no page
// after the first: the page that emptied last is the next one.
func TestEIPsByAddrMovingOn(t *testing.T) {
	var a eipsByAddr
	e := &eip{}
	v := uint32(0x0a000000)
	page := func() { // a page's worth of addresses, in order
		for range addrPageLen {
			a.set(v, e)
			if a.get(v) != e || a.n != 1 {
				t.Fatalf("%#x: not held", v)
			}
			a.remove(v, e)
			v++
		}
	}
	page()
	if got := testing.AllocsPerRun(20, page); got != 0 {
		t.Errorf("%.2f allocations per %d EIPs", got, addrPageLen)
	}
	if len(a.pages) != 1 || a.empty == nil || a.get(v-1) != nil {
		t.Errorf("%d pages, the empty one %p, want only it", len(a.pages), a.empty)
	}
}
