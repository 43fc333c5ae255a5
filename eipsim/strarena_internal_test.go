package eipsim

import (
	"math/rand/v2"
	"net/netip"
	"testing"
)

// TestArenaAddr compares strArena.addr with netip.Addr.String: every byte
// value in every position (the others 0, 9, 10, 99, 100 or 255, the digit
// counts' edges) and 200,000 random addresses.
func TestArenaAddr(t *testing.T) {
	var a strArena
	check := func(v uint32) {
		t.Helper()
		if got, want := a.addr(v), addr4(v).String(); got != want {
			t.Fatalf("addr(%#08x) = %q, want %q", v, got, want)
		}
	}
	for _, o := range []uint32{0, 9, 10, 99, 100, 255} {
		rest := o<<24 | o<<16 | o<<8 | o
		for b := range uint32(256) {
			for shift := 0; shift < 32; shift += 8 {
				check(rest&^(0xff<<shift) | b<<shift)
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 200_000 {
		check(r.Uint32())
	}
	// The strings stay as written while the arena hands out more.
	first := a.addr(0x0a000001)
	for range 1000 {
		a.addr(0xffffffff)
	}
	if first != "10.0.0.1" || first != netip.MustParseAddr("10.0.0.1").String() {
		t.Fatalf("an earlier address became %q", first)
	}
}
