package eipsim

import (
	"math/big"
	"math/bits"
	"math/rand/v2"
	"testing"
)

// TestPCGMatchesMathRand draws from pcg and from math/rand/v2's *Rand over
// a PCG, seeded alike, in random interleavings of every kind of draw the
// Sim makes (Uint64, Float64, runs of IntN(36) as base36 digits) over many
// seeds and millions of draws: every value must be the same.
func TestPCGMatchesMathRand(t *testing.T) {
	seeds, steps := 300, 3000
	mix := rand.New(rand.NewPCG(1, 2)) // chooses the kinds of draw
	draws := 0
	for s := range seeds {
		seed := uint64(s)
		if s%3 == 2 {
			seed = mix.Uint64()
		}
		g := newIDs(seed, nil).rng
		ref := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
		for i := range steps {
			switch k := mix.IntN(4); k {
			case 0:
				if got, want := g.Uint64(), ref.Uint64(); got != want {
					t.Fatalf("seed %d step %d: Uint64 = %#x, want %#x", seed, i, got, want)
				}
				draws++
			case 1:
				if got, want := g.Float64(), ref.Float64(); got != want {
					t.Fatalf("seed %d step %d: Float64 = %v, want %v", seed, i, got, want)
				}
				draws++
			default:
				b := make([]byte, 1+mix.IntN(24))
				g.base36(b)
				for j, c := range b {
					if want := base36[ref.IntN(len(base36))]; c != want {
						t.Fatalf("seed %d step %d: base36 digit %d = %c, want %c", seed, i, j, c, want)
					}
				}
				draws += len(b)
			}
		}
		if got, want := g.Uint64(), ref.Uint64(); got != want {
			t.Fatalf("seed %d: generators apart after the run: %#x, want %#x", seed, got, want)
		}
	}
	t.Logf("%d draws compared", draws)
}

// TestPCGBase36Rejection puts the generator where its next value's Lemire
// product for 36 has a low half below 36: once below 2⁶⁴ mod 36 (16, the
// draw math/rand rejects and draws again) and once at or above it (kept),
// the paths random seeds never reach. base36 must draw what math/rand/v2's
// IntN(36) draws there, the digits after included.
func TestPCGBase36Rejection(t *testing.T) {
	n := uint64(len(base36))
	if thresh := -n % n; thresh != 16 {
		t.Fatalf("2^64 mod 36 = %d, want 16", thresh)
	}
	var rejected, kept int
	for k := uint64(1); rejected < 4 || kept < 4; k++ {
		// x = ceil(k·2⁶⁴/36) is the smallest draw of digit k; its product's
		// low half is 36x - k·2⁶⁴, in [0, 36).
		x := new(big.Int).Lsh(big.NewInt(int64(k)), 64)
		x.Add(x, big.NewInt(int64(n-1))).Div(x, big.NewInt(int64(n)))
		if !x.IsUint64() {
			break
		}
		_, low := bits.Mul64(x.Uint64(), n)
		if low >= n {
			t.Fatalf("k=%d: low half %d, want < 36", k, low)
		}
		if low < 16 {
			rejected++
		} else {
			kept++
		}
		for _, nextLo := range []uint64{0x9e3779b97f4a7c15, 12345} {
			hi, lo := pcgBefore(x.Uint64(), nextLo)
			p := pcg{hi, lo}
			if got := p.Uint64(); got != x.Uint64() {
				t.Fatalf("k=%d: the constructed state draws %#x, want %#x", k, got, x.Uint64())
			}
			for _, digits := range []int{1, 5} {
				g := pcg{hi, lo}
				ref := rand.New(rand.NewPCG(hi, lo))
				b := make([]byte, digits)
				g.base36(b)
				for j, c := range b {
					r := ref.IntN(int(n))
					if c != base36[r] {
						t.Fatalf("k=%d low=%d: base36 digit %d = %c, want %c", k, low, j, c, base36[r])
					}
				}
				if got, want := g.Uint64(), ref.Uint64(); got != want {
					t.Fatalf("k=%d low=%d: base36 left the generator apart", k, low)
				}
			}
		}
	}
	if rejected == 0 || kept == 0 {
		t.Fatalf("rejected %d, kept %d: both paths must be exercised", rejected, kept)
	}
}

// pcgBefore returns the state from which the PCG's next draw is x, with
// lo as the low half of the state after it: DXSM and the LCG step undone.
func pcgBefore(x, lo uint64) (hi0, lo0 uint64) {
	two64 := new(big.Int).Lsh(big.NewInt(1), 64)
	inv64 := func(a uint64) uint64 {
		return new(big.Int).ModInverse(new(big.Int).SetUint64(a), two64).Uint64()
	}
	// x = f(hi)·(lo|1) with f(h) = g(h·cheapMul) where the xorshifts are
	// undone by xoring the shifted value again (twice for >>32 of a
	// 64-bit word is exact; >>48 likewise).
	y := x * inv64(lo|1)
	y ^= y >> 48
	y *= inv64(pcgCheapMul)
	y ^= y >> 32
	hi := y
	// state = prev·mul + inc (mod 2¹²⁸), so prev = (state - inc)·mul⁻¹.
	two128 := new(big.Int).Lsh(big.NewInt(1), 128)
	u128 := func(h, l uint64) *big.Int {
		v := new(big.Int).SetUint64(h)
		return v.Lsh(v, 64).Or(v, new(big.Int).SetUint64(l))
	}
	st := u128(hi, lo)
	st.Sub(st, u128(pcgIncHi, pcgIncLo)).Mod(st, two128)
	st.Mul(st, new(big.Int).ModInverse(u128(pcgMulHi, pcgMulLo), two128)).Mod(st, two128)
	mask := new(big.Int).Sub(two64, big.NewInt(1))
	return new(big.Int).Rsh(st, 64).Uint64(), new(big.Int).And(st, mask).Uint64()
}
