// Package simclock is the simulator's fast, manual clock: it starts at a
// fixed [Epoch] and moves only when told, never sleeping. Tests
// (eipsimtest, which re-exports it) and the scenario runner (package
// scenarios, whose "advance" moves it) share it.
package simclock

import (
	"math"
	"sync"
	"sync/atomic"
	"time"
)

// Epoch is where the clocks of this package start (and a scenario's clock,
// unless its new-sim line says start=...): a fixed instant, so
// tests and their outputs are the same on every run.
var Epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Clock is a fast, non-sleeping clock for tests: it moves only when told.
// Unlike clock.Mock it never sleeps, so a property test can advance it
// millions of times. It is safe for concurrent use.
//
// A time that Unix nanoseconds represent exactly (a UTC time without a
// monotonic reading, between 1677 and 2262: see [Clock.NowNanos]) is kept
// as those nanoseconds in one atomic word, so that reading it takes no lock
// and advancing it is an addition. Any other time (another location, a
// monotonic reading, beyond the int64 range) is kept as the time.Time
// itself, under the mutex. The zero Clock reads the zero time.
type Clock struct {
	// mu serializes the writers other than a lock-free Advance, and
	// guards now.
	mu sync.Mutex
	// fast is the time's Unix nanoseconds XOR math.MinInt64 when they
	// represent it exactly, and 0 when now holds it (so the zero Clock is
	// the zero time; the one instant whose encoding would be 0, the
	// nanosecond math.MinInt64, is kept in now). Only writers holding mu
	// change it from or to 0; Advance moves a fast time by
	// compare-and-swap.
	fast atomic.Int64
	// now is the time while fast is 0.
	now time.Time
}

// New returns a Clock at [Epoch].
func New() *Clock {
	c := new(Clock)
	c.store(Epoch)
	return c
}

// NowNanos returns the clock's time as Unix nanoseconds and true when
// time.Unix(0, n).UTC() is exactly what [Clock.Now] returns (the same
// time.Time value, location and all), and false otherwise.
func (c *Clock) NowNanos() (n int64, ok bool) {
	f := c.fast.Load()
	return f ^ math.MinInt64, f != 0
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	if n, ok := c.NowNanos(); ok {
		return time.Unix(0, n).UTC()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.load() // a writer may have made it fast since
}

// Advance moves the clock forward by d (backward if d is negative).
func (c *Clock) Advance(d time.Duration) {
	// A fast time that stays fast moves without the lock: a
	// compare-and-swap, retried if another writer moved it first.
	for {
		f := c.fast.Load()
		m, ok := plus(f, d)
		if !ok {
			break
		}
		if c.fast.CompareAndSwap(f, m) {
			return
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		f := c.fast.Load()
		if f == 0 {
			// Only writers holding mu change a slow time.
			c.store(c.now.Add(d))
			return
		}
		if m, ok := plus(f, d); ok {
			if c.fast.CompareAndSwap(f, m) {
				return
			}
			continue
		}
		t := time.Unix(0, f^math.MinInt64).UTC().Add(d)
		e := encode(t)
		if e == 0 {
			c.now = t // read only once fast is 0, under mu
		}
		if c.fast.CompareAndSwap(f, e) {
			return
		}
	}
}

// plus returns the fast encoding of the fast time f plus d, and true, when
// that is the exact sum: f is not 0 (the time is fast), the nanoseconds do
// not overflow, and the sum is not the instant kept in now.
func plus(f int64, d time.Duration) (int64, bool) {
	n := f ^ math.MinInt64
	m := n + int64(d)
	return m ^ math.MinInt64, f != 0 && (m >= n) == (d >= 0) && m != math.MinInt64
}

// Add is Advance, under the name clock.Mock uses.
func (c *Clock) Add(d time.Duration) { c.Advance(d) }

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.store(t)
}

// load returns the time. c.mu must be held.
func (c *Clock) load() time.Time {
	if n, ok := c.NowNanos(); ok {
		return time.Unix(0, n).UTC()
	}
	return c.now
}

// store sets the time to t: as nanoseconds when they represent it
// exactly, else in now. c.mu must be held.
func (c *Clock) store(t time.Time) {
	e := encode(t)
	c.now = time.Time{}
	if e == 0 {
		c.now = t
	}
	c.fast.Store(e)
}

// encode returns t's fast encoding, or 0 when it has none.
func encode(t time.Time) int64 {
	// UnixNano of a time out of its range is some other instant, which
	// the comparison then tells apart.
	if n := t.UnixNano(); n != math.MinInt64 && time.Unix(0, n).UTC() == t {
		return n ^ math.MinInt64
	}
	return 0
}
