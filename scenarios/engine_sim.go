package scenarios

import (
	"strconv"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// The harness commands of the simulator itself: its options, its clock, the
// calling account and the rendering.
func (e *Engine) simCommands() Commands {
	return Commands{
		// Example: new-sim seed=7 region=(cn-hangzhou, cn-beijing) associate-delay=5s cooldown=0s ids=(eip-0001, eip-0002)
		"new-sim": e.cmdNewSim,
		// Example: advance 3s
		"advance": e.cmdAdvance,
		// Example: as-account acct-2
		"as-account": e.cmdAsAccount,
		// Example: request-ids on
		"request-ids": e.cmdRequestIDs,
		// Example: skip-request-ids 2
		"skip-request-ids": e.cmdSkipRequestIDs,
	}
}

// cmdNewSim makes the Sim with the options of [SimOptions]; it must be
// the first command. start=RFC3339 sets where the clock starts (default
// simclock.Epoch). Over an existing Sim ([NewHandlerFor]) a first new-sim
// is checked and skipped.
func (e *Engine) cmdNewSim(c *Command) (string, error) {
	if e.world {
		if e.handled != 1 {
			return "", c.Errorf("new-sim must be the first command")
		}
		_, _, err := newSimOptions(c)
		return "", err
	}
	if e.sim != nil {
		return "", c.Errorf("new-sim must be the scenario's first command (the Sim was made by an earlier command)")
	}
	opts, start, err := newSimOptions(c)
	if err != nil {
		return "", err
	}
	return "", e.newSim(c, opts, start...)
}

// cmdAdvance moves the clock by a Go duration and prints the transitions
// that came due, one per line ("+3s eip-0001 Associating -> InUse").
func (e *Engine) cmdAdvance(c *Command) (string, error) {
	args, err := c.words()
	if err != nil {
		return "", err
	}
	d, err := time.ParseDuration(args[0])
	if err != nil {
		return "", c.Errorf("%s: want a duration such as 3s or 1m30s", quoteClip(args[0]))
	}
	if d < 0 {
		return "", c.Errorf("%q: the clock only moves forward (want a duration of 0 or more)", args[0])
	}
	if e.clk == nil {
		return "", c.Errorf("this Sim's clock is not the scenario's to move (it runs on its owner's clock)")
	}
	if now := e.sim.Now(); now.Add(d).After(eipsim.MaxTime) {
		return "", c.Errorf("%q: the clock would pass %s, the latest the simulator represents (at most %v from now)",
			args[0], eipsim.MaxTime.Format(time.RFC3339), eipsim.MaxTime.Sub(now))
	}
	mark := e.sim.HistorySeq()
	e.clk.Advance(d)
	return e.render.Transitions(e.sim.HistorySince(mark)), nil
}

// cmdAsAccount makes the following Actions calls of another account
// ("as-account default" returns to the default one). Setup commands take
// their own AccountId argument.
func (e *Engine) cmdAsAccount(c *Command) (string, error) {
	args, err := c.words()
	if err != nil {
		return "", err
	}
	e.account = args[0]
	return "", nil
}

// cmdRequestIDs turns RequestIds in Action outputs on or off (default off).
func (e *Engine) cmdRequestIDs(c *Command) (string, error) {
	args, err := c.words()
	if err != nil {
		return "", err
	}
	switch args[0] {
	case "on":
		e.render.RequestIDs = true
	case "off":
		e.render.RequestIDs = false
	default:
		return "", c.Errorf("%q: want on or off", args[0])
	}
	return "", nil
}

// maxSkipRequestIDs bounds skip-request-ids: drawing that many takes well
// under a second, and no recording comes near it.
const maxSkipRequestIDs = 1_000_000

// cmdSkipRequestIDs draws N RequestIds, as calls outside the recording did
// (written by the recorder so that the generator stays in step).
func (e *Engine) cmdSkipRequestIDs(c *Command) (string, error) {
	args, err := c.words()
	if err != nil {
		return "", err
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 0 || n > maxSkipRequestIDs {
		return "", c.Errorf("%s: want a count from 0 to %d", quoteClip(args[0]), maxSkipRequestIDs)
	}
	for range n {
		e.sim.NewRequestID()
	}
	return "", nil
}
