package eipsim

import (
	"time"

	"github.com/eipsim/eipsim/eipsim/simclock"
)

// Clock is all the Sim needs of time: Now. *clock.Mock and clock.New() from
// github.com/benbjohnson/clock satisfy it, and so does the fast clock in
// package eipsimtest.
//
// The Sim never registers timers or sleeps on the clock: clock.Mock runs
// timer callbacks on goroutines and sleeps a millisecond per fired timer,
// which would make the Sim non-deterministic and slow. Instead every public
// method first applies the tasks whose due time has passed (see [Sim.Settle]).
//
// The calls and [Sim.Settle] read a *simclock.Clock's time as nanoseconds
// ([simclock.Clock.NowNanos]) when it has them, which is the same time.
type Clock interface {
	Now() time.Time
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

// fastClock returns c as the package simclock clock, whose time the Sim
// reads as nanoseconds without a time.Time, or nil for any other clock
// (also a type that embeds one: it may have its own Now).
func fastClock(c Clock) *simclock.Clock {
	f, _ := c.(*simclock.Clock)
	return f
}

// setTime sets c's time to the clock's: its nanoseconds (c.at), and, only
// when they are not exactly the reading, the reading itself (c.slow,
// c.clock; see call).
func (s *Sim) setTime(c *call) {
	if s.fast != nil {
		if n, ok := s.fast.NowNanos(); ok {
			c.at, c.slow = n, false
			return
		}
	}
	t := s.clock.Now()
	c.at, c.slow, c.clock = nanos(t), true, t
}

// nowNanos returns nanos(s.clock.Now()).
func (s *Sim) nowNanos() int64 {
	if s.fast != nil {
		if n, ok := s.fast.NowNanos(); ok {
			return n
		}
	}
	return nanos(s.clock.Now())
}
