package control

import (
	"fmt"
	"sync"
	"time"
)

// Clock is the served Sim's clock: the engine reads Now, the control API and
// a scenario's advance move it.
type Clock interface {
	Now() time.Time
	// Advance moves the clock d (>= 0) ahead.
	Advance(d time.Duration)
	// Manual reports whether the clock moves only when told.
	Manual() bool
}

// manualClock moves only when told: -clock=manual.
type manualClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *manualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func (c *manualClock) Manual() bool { return true }

// wallClock is the wall clock moved ahead by every advance: -clock=wall.
type wallClock struct {
	mu    sync.Mutex
	ahead time.Duration
}

func (c *wallClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.ahead)
}

func (c *wallClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ahead += d
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
