package eipsim

import "math/bits"

// pcg is math/rand/v2's PCG (128-bit LCG state, DXSM output) and the
// draws of its *rand.Rand that the Sim makes (Uint64, Float64, IntN(36)),
// as a concrete type so that the ID loops inline them. Seeded alike, it
// yields exactly the values rand.New(rand.NewPCG(hi, lo)) does, draw for
// draw (pcg_internal_test.go compares them).
type pcg struct {
	hi, lo uint64
}

// The LCG's 128-bit multiplier and increment, and the DXSM multiplier
// (math/rand/v2/pcg.go).
const (
	pcgMulHi    = 2549297995355413924
	pcgMulLo    = 4865540595714422341
	pcgIncHi    = 6364136223846793005
	pcgIncLo    = 1442695040888963407
	pcgCheapMul = 0xda942042e4dd58b5
)

// pcgStep advances the state hi:lo by one step of the LCG and returns
// the new state and its DXSM output (rand.PCG's next and Uint64).
func pcgStep(hi, lo uint64) (nhi, nlo, out uint64) {
	nhi, nlo = bits.Mul64(lo, pcgMulLo)
	nhi += hi*pcgMulLo + lo*pcgMulHi
	nlo, c := bits.Add64(nlo, pcgIncLo, 0)
	nhi, _ = bits.Add64(nhi, pcgIncHi, c)
	out = nhi ^ nhi>>32
	out *= pcgCheapMul
	out ^= out >> 48
	return nhi, nlo, out * (nlo | 1)
}

// Uint64 returns the next value, as rand.Rand.Uint64.
func (p *pcg) Uint64() uint64 {
	var x uint64
	p.hi, p.lo, x = pcgStep(p.hi, p.lo)
	return x
}

// Float64 returns a value in [0,1), as rand.Rand.Float64.
func (p *pcg) Float64() float64 {
	return float64(p.Uint64()<<11>>11) / (1 << 53)
}

// base36 fills b with digits of base36, each drawn as
// base36[rand.Rand.IntN(len(base36))] would be, in order.
//
// IntN(36) is, on every platform, Lemire's multiply of one Uint64 by 36,
// the high half of the product being the value, but a draw whose low
// half is below 2⁶⁴ mod 36 is rejected and drawn again (rand.Rand.uint64n);
// the loop does the same, with the generator's state and constants held in
// registers.
func (p *pcg) base36(b []byte) {
	const n = uint64(len(base36))
	// pcgStep's constants, read from a variable: the compiler would load
	// each constant again at each use, in every round.
	mulLo, mulHi, incLo, incHi, cheap := pcgConsts[0], pcgConsts[1], pcgConsts[2], pcgConsts[3], pcgConsts[4]
	shi, slo := p.hi, p.lo
	for i := range b {
		// pcgStep, spelled out.
		hi, lo := bits.Mul64(slo, mulLo)
		hi += shi*mulLo + slo*mulHi
		lo, c := bits.Add64(lo, incLo, 0)
		hi, _ = bits.Add64(hi, incHi, c)
		shi, slo = hi, lo
		x := hi ^ hi>>32
		x *= cheap
		x ^= x >> 48
		x *= lo | 1
		d, low := bits.Mul64(x, n)
		if low < n {
			d, shi, slo = redraw(n, d, low, shi, slo)
		}
		b[i] = base36Digits[d&63]
	}
	p.hi, p.lo = shi, slo
}

// pcgConsts holds pcgStep's constants for base36; it is never written.
var pcgConsts = [5]uint64{pcgMulLo, pcgMulHi, pcgIncLo, pcgIncHi, pcgCheapMul}

// base36Digits is base36 padded to a power of two, so that indexing it by
// a digit masked to 6 bits needs no bounds check.
var base36Digits = [64]byte([]byte(base36 + "????????????????????????????"))

// redraw finishes IntN(n) for a first product d:low whose low half is
// below n, from the state shi:slo after that draw: it draws again while
// low is below 2⁶⁴ mod n (for 36, about one draw in 10¹⁸), and returns
// the value and the state after.
func redraw(n, d, low, shi, slo uint64) (uint64, uint64, uint64) {
	thresh := -n % n
	for low < thresh {
		var x uint64
		shi, slo, x = pcgStep(shi, slo)
		d, low = bits.Mul64(x, n)
	}
	return d, shi, slo
}
