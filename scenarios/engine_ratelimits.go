package scenarios

import (
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// The rate-limit harness commands: the limits of new-sim's rate-limit= and
// global-rate-limit= set, removed and listed on the running Sim, in the
// same wire form ([eipsim.ParseActionRateLimit], [eipsim.ParseRateLimit]).
func (e *Engine) rateLimitCommands() Commands {
	return Commands{
		// Example: set-rate-limit AssociateEipAddress:2/1s
		"set-rate-limit": e.cmdSetRateLimit,
		// Example: remove-rate-limit AssociateEipAddress
		"remove-rate-limit": e.cmdRemoveRateLimit,
		// Example: set-global-rate-limit 100/1s
		"set-global-rate-limit": e.cmdSetGlobalRateLimit,
		// Example: remove-global-rate-limit
		"remove-global-rate-limit": e.cmdRemoveGlobalRateLimit,
		// Example: rate-limits
		"rate-limits": e.cmdRateLimits,
	}
}

// cmdSetRateLimit sets the per-account limit of one Action ("*" for every
// Action without its own): Action:Requests/Per[:Burst].
func (e *Engine) cmdSetRateLimit(c *Command) (string, error) {
	args, err := c.words()
	if err != nil {
		return "", err
	}
	a, l, err := eipsim.ParseActionRateLimit(args[0])
	if err != nil {
		return "", c.Errorf("%v", err)
	}
	if err := e.sim.SetRateLimit(a, l); err != nil {
		return e.render.Error(err), nil
	}
	return "", nil
}

// cmdRemoveRateLimit removes one Action's limit ("*": the limit of every
// Action without its own); it prints "ok", or "not found".
func (e *Engine) cmdRemoveRateLimit(c *Command) (string, error) {
	args, err := c.words()
	if err != nil {
		return "", err
	}
	a := eipsim.Action(args[0])
	if args[0] == "*" {
		a = ""
	}
	return RemoveFaultOutput(e.sim.RemoveRateLimit(a)), nil
}

// cmdSetGlobalRateLimit sets the limit of all calls together:
// Requests/Per[:Burst].
func (e *Engine) cmdSetGlobalRateLimit(c *Command) (string, error) {
	args, err := c.words()
	if err != nil {
		return "", err
	}
	l, err := eipsim.ParseRateLimit(args[0])
	if err != nil {
		return "", c.Errorf("%v", err)
	}
	if err := e.sim.SetGlobalRateLimit(l); err != nil {
		return e.render.Error(err), nil
	}
	return "", nil
}

// cmdRemoveGlobalRateLimit removes the global limit ("ok" or "not found").
func (e *Engine) cmdRemoveGlobalRateLimit(c *Command) (string, error) {
	if err := c.check(); err != nil {
		return "", err
	}
	return RemoveFaultOutput(e.sim.RemoveGlobalRateLimit()), nil
}

// cmdRateLimits lists the limits: "global R/P" first, then one
// Action:R/P[:Burst] a line, sorted; "none" when there are none.
func (e *Engine) cmdRateLimits(c *Command) (string, error) {
	if err := c.check(); err != nil {
		return "", err
	}
	actions, global := e.sim.RateLimits()
	var lines []string
	if global != nil {
		lines = append(lines, "global "+global.String())
	}
	for _, a := range actions {
		lines = append(lines, a.String())
	}
	if len(lines) == 0 {
		return "none", nil
	}
	return strings.Join(lines, "\n"), nil
}
