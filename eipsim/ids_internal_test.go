package eipsim

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// TestRequestIDFormat checks requestID against the plain formatting of its
// two draws, for many draws.
func TestRequestIDFormat(t *testing.T) {
	g := newIDs(42, nil)
	ref := rand.New(rand.NewPCG(42, 0x9e3779b97f4a7c15))
	for range 10000 {
		hi, lo := ref.Uint64(), ref.Uint64()
		got := g.requestID()
		if want := ridSprintf(hi, lo); got != want {
			t.Fatalf("requestID() = %s, want %s", got, want)
		}
		if !g.last.is(got) || g.last.hi != hi || g.last.lo != lo {
			t.Fatalf("requestID() = %s, but ids.last = %+v", got, g.last)
		}
		if g.last.is(strings.Clone(got)) {
			t.Fatalf("ids.last is a copy of %s", got)
		}
	}
}

// ridSprintf is the RequestId of hi, lo formatted by package fmt.
func ridSprintf(hi, lo uint64) string {
	return fmt.Sprintf("%08X-%04X-%04X-%04X-%012X", hi>>32, hi>>16&0xffff, hi&0xffff, lo>>48, lo&0xffffffffffff)
}

// checkFormatRID fails t unless formatRID formats hi, lo as fmt does.
func checkFormatRID(t *testing.T, hi, lo uint64) {
	t.Helper()
	var got [ridLen]byte
	formatRID(&got, hi, lo)
	if want := ridSprintf(hi, lo); string(got[:]) != want {
		t.Fatalf("formatRID(%#x, %#x) = %s, want %s", hi, lo, got[:], want)
	}
}

// TestFormatRID compares formatRID with fmt on the edge values (zero, all
// ones, every digit in every position, alone and among ones) and many
// random draws.
func TestFormatRID(t *testing.T) {
	for _, v := range [][2]uint64{{0, 0}, {^uint64(0), ^uint64(0)}, {0, ^uint64(0)}, {^uint64(0), 0}} {
		checkFormatRID(t, v[0], v[1])
	}
	for pos := range 16 {
		for d := range uint64(16) {
			v := d << (4 * pos)
			ones := ^(uint64(15) << (4 * pos)) | v
			checkFormatRID(t, v, v)
			checkFormatRID(t, ones, ones)
			checkFormatRID(t, v, ones)
		}
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 200000 {
		checkFormatRID(t, r.Uint64(), r.Uint64())
	}
}

// FuzzFormatRID compares formatRID with fmt.
func FuzzFormatRID(f *testing.F) {
	f.Add(uint64(0), uint64(0))
	f.Add(^uint64(0), ^uint64(0))
	f.Add(uint64(0x0123456789abcdef), uint64(0xfedcba9876543210))
	f.Fuzz(checkFormatRID)
}

// TestDrawnRIDKeepsItsChunk checks that ids.last keeps the chunk of the
// RequestId it knows alive once nothing else refers to it: no chunk made
// after the GC can be at its address, where a string of the same length
// would be taken for the RequestId (histrids.go).
func TestDrawnRIDKeepsItsChunk(t *testing.T) {
	g := newIDs(1, nil)
	g.requestID()
	off := len(g.calls.buf) - ridLen // the RequestId's offset in its chunk
	// Move the arena to other chunks, so that only g.last refers to the
	// RequestId's one.
	g.calls.alloc(arenaChunk)
	g.calls.alloc(arenaChunk)
	for range 10 {
		runtime.GC()
		// Chunks as the arena makes them: one would be at the freed chunk's
		// address.
		for range 100 {
			c := g.calls.alloc(arenaChunk)
			if g.last.is(unsafe.String(&c[off], ridLen)) {
				t.Fatalf("a chunk made after the GC holds ids.last's RequestId")
			}
		}
	}
}
