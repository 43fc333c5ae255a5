package eipsim

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestRequestIDFormat checks requestID against the plain formatting of its
// two draws, for many draws and the hex digits' edge values.
func TestRequestIDFormat(t *testing.T) {
	for x := range 256 {
		if got, want := string([]byte{byte(hexPairs[x]), byte(hexPairs[x] >> 8)}), fmt.Sprintf("%02X", x); got != want {
			t.Fatalf("hexPairs[%#x] = %s, want %s", x, got, want)
		}
	}
	g := newIDs(42, nil)
	ref := rand.New(rand.NewPCG(42, 0x9e3779b97f4a7c15))
	for range 10000 {
		hi, lo := ref.Uint64(), ref.Uint64()
		want := fmt.Sprintf("%08X-%04X-%04X-%04X-%012X", hi>>32, hi>>16&0xffff, hi&0xffff, lo>>48, lo&0xffffffffffff)
		got := g.requestID()
		if got != want {
			t.Fatalf("requestID() = %s, want %s", got, want)
		}
		if !g.last.is(got) || g.last.hi != hi || g.last.lo != lo {
			t.Fatalf("requestID() = %s, but ids.last = %+v", got, g.last)
		}
	}
}
