package control

import (
	"fmt"
	"sync"
	"time"

	"github.com/eipsim/eipsim/eipsim/simclock"
)

// simClock is the served Sim's clock: the engine reads Now, the control API and
// a scenario's advance move it.
type simClock interface {
	Now() time.Time
	// Advance moves the clock d (>= 0) ahead.
	Advance(d time.Duration)
	// Manual reports whether the clock moves only when told.
	Manual() bool
	// tick is called as each request arrives.
	tick()
}

// manualClock moves only when told: -clock=manual. It is the simulator's
// own fast clock (package simclock), marked manual.
type manualClock struct{ *simclock.Clock }

func (manualClock) Manual() bool { return true }

func (manualClock) tick() {}

// wallClock is the wall clock moved ahead by every advance: -clock=wall.
// It reads the wall clock as each request arrives (tick) and stands still
// while the request runs, so that a recorded request sees one time from its
// first check to its last, and its recording replays to the same outputs
// (the recorder assumes the clock moves only between calls). Its times
// carry no monotonic reading, so that differences agree with what a
// replay computes from the printed times.
type wallClock struct {
	mu    sync.Mutex
	ahead time.Duration
	now   time.Time
}

func (c *wallClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.now.IsZero() {
		c.now = time.Now().Round(0).Add(c.ahead)
	}
	return c.now
}

func (c *wallClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ahead += d
	if !c.now.IsZero() {
		c.now = c.now.Add(d)
	}
}

// tick moves the clock to the wall clock plus the advances; never back.
func (c *wallClock) tick() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t := time.Now().Round(0).Add(c.ahead); t.After(c.now) {
		c.now = t
	}
}

func (c *wallClock) Manual() bool { return false }

// maxAdvance bounds one clock move, so that the arithmetic cannot overflow.
const maxAdvance = 100 * 365 * 24 * time.Hour

// checkAdvance refuses a move the clock cannot make.
func checkAdvance(d time.Duration) error {
	if d < 0 {
		return fmt.Errorf("the clock only moves forward (got %v)", d)
	}
	if d > maxAdvance {
		return fmt.Errorf("%v is more than the %v one move may take", d, maxAdvance)
	}
	return nil
}
