package eipsimtest

import (
	"fmt"
	"math/rand/v2"

	"pgregory.net/rapid"
)

// Driver supplies the choices of generated worlds and operations and
// receives failures. [RapidDriver] adapts a *rapid.T, so rapid records,
// replays and shrinks the choices; [Explore] uses a seeded random source.
type Driver interface {
	// Int returns a number in [lo, hi]; smaller is simpler (rapid shrinks
	// towards lo), so callers list the simplest choice first.
	Int(lo, hi int, label string) int
	Fatalf(format string, args ...any)
}

// RapidDriver returns a Driver that draws from t.
func RapidDriver(t *rapid.T) Driver { return rapidDriver{t} }

type rapidDriver struct{ t *rapid.T }

func (d rapidDriver) Int(lo, hi int, label string) int {
	if lo == hi {
		return lo
	}
	return rapid.IntRange(lo, hi).Draw(d.t, label)
}

func (d rapidDriver) Fatalf(format string, args ...any) {
	d.t.Helper()
	d.t.Fatalf(format, args...)
}

// pick returns one of xs, the first being the simplest.
func pick[E any](d Driver, xs []E, label string) E { return xs[d.Int(0, len(xs)-1, label)] }

// randDriver draws from a seeded generator and records every draw, so a
// run can be replayed; Fatalf panics with a failure that Explore recovers.
type randDriver struct {
	rng   *rand.Rand
	draws []int
	// replay, when set, supplies the draws instead of rng (clamped into
	// range; past its end, every draw is lo).
	replay []int
}

type failure struct{ msg string }

func (d *randDriver) Int(lo, hi int, label string) int {
	var v int
	switch {
	case d.replay != nil:
		v = lo
		if i := len(d.draws); i < len(d.replay) {
			v = min(max(d.replay[i], lo), hi)
		}
	default:
		v = lo + d.rng.IntN(hi-lo+1)
	}
	d.draws = append(d.draws, v)
	return v
}

func (d *randDriver) Fatalf(format string, args ...any) { panic(failure{fmt.Sprintf(format, args...)}) }

// usually returns one of xs, the first (the simplest, most often valid
// value) about half of the time, so that long sequences are not mostly
// refused calls.
func usually[E any](d Driver, xs []E, label string) E {
	k := d.Int(0, 2*len(xs)-1, label)
	if k >= len(xs) {
		k = 0
	}
	return xs[k]
}
