package eipsim

import "time"

// Clock is all the Sim needs of time: Now. *clock.Mock and clock.New() from
// github.com/benbjohnson/clock satisfy it, and so does the fast clock in
// package eipsimtest.
//
// The Sim never registers timers or sleeps on the clock: clock.Mock runs
// timer callbacks on goroutines and sleeps a millisecond per fired timer,
// which would make the Sim non-deterministic and slow. Instead every public
// method first applies the tasks whose due time has passed (see [Sim.Settle]).
type Clock interface {
	Now() time.Time
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }
