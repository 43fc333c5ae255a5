package main

import (
	"sync/atomic"
	"time"
)

// shiftClock is the served Sim's clock: the wall clock, moved ahead by
// every "advance" of the -world file, so that a world file can let tasks
// come due as any scenario does. Without advance lines it is the wall
// clock; with them, the handler accepts request timestamps that much
// further behind its Now (the SDKs stamp the wall clock).
type shiftClock struct{ ahead atomic.Int64 }

// Now returns the wall clock's time plus the advances.
func (c *shiftClock) Now() time.Time { return time.Now().Add(time.Duration(c.ahead.Load())) }

// Advance moves the clock d further ahead of the wall clock.
func (c *shiftClock) Advance(d time.Duration) { c.ahead.Add(int64(d)) }

// Ahead returns how far the clock is ahead of the wall clock.
func (c *shiftClock) Ahead() time.Duration { return time.Duration(c.ahead.Load()) }
