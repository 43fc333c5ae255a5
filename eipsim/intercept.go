package eipsim

import "time"

// hooks are the extension points through which fault injection and rate
// limiting act on calls. Everything they do runs under the Sim's lock and
// on the Sim's clock.
type hooks struct{}

// intercept runs at the start of every action, after the call began and
// before any validation. A non-nil error refuses the call as if the cloud
// had answered it.
func (s *Sim) intercept(c *call, resource string, req any) *Error { return nil }

// delay returns how long the asynchronous completion of c's action on
// resource takes, and whether it is stuck (never applied until released).
func (s *Sim) delay(c *call, resource string) (time.Duration, bool) {
	return s.cfg.delays[c.action], false
}

// outcome runs after an action succeeded; a non-nil error is returned to the
// caller although the change was applied (a lost response).
func (s *Sim) outcome(c *call, resource string) *Error { return nil }
