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

// newSimArgs are new-sim's arguments, one per engine option.
var newSimArgs = []string{"seed", "region", "associate-delay", "unassociate-delay", "release-delay", "cooldown",
	"quota", "ip-pool", "ids", "token-ttl", "history-limit", "multi-binded-limit", "start"}

// cmdNewSim makes the Sim with the given options; it must be the first
// command. start=RFC3339 sets where the clock starts (default
// eipsimtest.Epoch).
func (e *Engine) cmdNewSim(c *Command) (string, error) {
	if e.sim != nil {
		return "", c.Errorf("new-sim must be the scenario's first command (the Sim was made by an earlier command)")
	}
	if err := c.CheckArgs(newSimArgs...); err != nil {
		return "", err
	}
	var opts []eipsim.Option
	if c.Has("seed") {
		v, _ := c.Value("seed", "")
		seed, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return "", c.Errorf("argument seed=%s: want an unsigned integer", v)
		}
		opts = append(opts, eipsim.WithSeed(seed))
	}
	if rs, err := c.Strings("region"); err != nil {
		return "", err
	} else if rs != nil {
		opts = append(opts, eipsim.WithRegions(rs...))
	}
	for _, d := range []struct {
		key string
		a   eipsim.Action
	}{{"associate-delay", eipsim.ActionAssociateEipAddress}, {"unassociate-delay", eipsim.ActionUnassociateEipAddress}, {"release-delay", eipsim.ActionReleaseEipAddress}} {
		if c.Has(d.key) {
			v, err := c.Duration(d.key, 0)
			if err != nil {
				return "", err
			}
			opts = append(opts, eipsim.WithTaskDelay(d.a, v))
		}
	}
	durations := []struct {
		key string
		opt func(time.Duration) eipsim.Option
	}{{"cooldown", eipsim.WithCooldown}, {"token-ttl", eipsim.WithClientTokenTTL}}
	for _, d := range durations {
		if c.Has(d.key) {
			v, err := c.Duration(d.key, 0)
			if err != nil {
				return "", err
			}
			opts = append(opts, d.opt(v))
		}
	}
	ints := []struct {
		key string
		opt func(int) eipsim.Option
	}{{"quota", eipsim.WithEIPQuota}, {"history-limit", eipsim.WithHistoryLimit}, {"multi-binded-limit", eipsim.WithMultiBindedLimit}}
	for _, d := range ints {
		if c.Has(d.key) {
			v, err := c.Int(d.key, 0)
			if err != nil {
				return "", err
			}
			opts = append(opts, d.opt(v))
		}
	}
	lists := []struct {
		key string
		opt func(...string) eipsim.Option
	}{{"ip-pool", eipsim.WithIPPool}, {"ids", eipsim.WithAllocationIDs}}
	for _, d := range lists {
		if vs, err := c.Strings(d.key); err != nil {
			return "", err
		} else if vs != nil {
			opts = append(opts, d.opt(vs...))
		}
	}
	var start []time.Time
	if c.Has("start") {
		v, _ := c.Value("start", "")
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return "", c.Errorf("argument start=%s: want an RFC 3339 time such as 2026-01-01T00:00:00Z", v)
		}
		start = append(start, t.UTC())
	}
	return "", e.newSim(c, opts, start...)
}

// cmdAdvance moves the clock by a Go duration and prints the transitions
// that came due, one per line ("+3s eip-0001 Associating -> InUse").
func (e *Engine) cmdAdvance(c *Command) (string, error) {
	args, err := c.Positional(1)
	if err != nil {
		return "", err
	}
	d, err := time.ParseDuration(args[0])
	if err != nil {
		return "", c.Errorf("%q: want a duration such as 3s or 1m30s", args[0])
	}
	mark := e.sim.HistorySeq()
	e.clk.Advance(d)
	return e.render.Transitions(e.sim.HistorySince(mark)), nil
}

// cmdAsAccount makes the following Actions calls of another account
// ("as-account default" returns to the default one). Setup commands take
// their own AccountId argument.
func (e *Engine) cmdAsAccount(c *Command) (string, error) {
	args, err := c.Positional(1)
	if err != nil {
		return "", err
	}
	e.account = args[0]
	return "", nil
}

// cmdRequestIDs turns RequestIds in Action outputs on or off (default off).
func (e *Engine) cmdRequestIDs(c *Command) (string, error) {
	args, err := c.Positional(1)
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

// cmdSkipRequestIDs draws N RequestIds, as calls outside the recording did
// (written by the recorder so that the generator stays in step).
func (e *Engine) cmdSkipRequestIDs(c *Command) (string, error) {
	args, err := c.Positional(1)
	if err != nil {
		return "", err
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 0 {
		return "", c.Errorf("%q: want a count", args[0])
	}
	for range n {
		e.sim.NewRequestID()
	}
	return "", nil
}
