// Package simclock is the simulator's fast, manual clock: it starts at a
// fixed [Epoch] and moves only when told, never sleeping. Tests
// (eipsimtest, which re-exports it) and the scenario runner (package
// scenarios, whose "advance" moves it) share it.
package simclock

import (
	"sync"
	"time"
)

// Epoch is where the clocks of this package start (and a scenario's clock,
// unless its new-sim line says start=...): a fixed instant, so
// tests and their outputs are the same on every run.
var Epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Clock is a fast, non-sleeping clock for tests: it moves only when told.
// Unlike clock.Mock it never sleeps, so a property test can advance it
// millions of times. It is safe for concurrent use.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// New returns a Clock at [Epoch].
func New() *Clock { return &Clock{now: Epoch} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d (backward if d is negative).
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Add is Advance, under the name clock.Mock uses.
func (c *Clock) Add(d time.Duration) { c.Advance(d) }

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}
