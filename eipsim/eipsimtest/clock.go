package eipsimtest

import "github.com/eipsim/eipsim/eipsim/simclock"

// Epoch is where the clocks of this package start: [simclock.Epoch].
var Epoch = simclock.Epoch

// Clock is a fast, non-sleeping clock for tests: a [simclock.Clock].
type Clock = simclock.Clock

// NewClock returns a Clock at [Epoch].
func NewClock() *Clock { return simclock.New() }
