package scenarios

import (
	"context"
	"slices"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/simclock"
)

// Engine is the [Handler] of the scenario language over one simulator: a
// fresh [eipsim.Sim] per scenario, on a fast, non-sleeping clock that starts
// at [simclock.Epoch] and moves only with "advance".
//
// CamelCase commands are the engine's Actions ([eipsim.Actions]), run with
// [eipsim.Sim.Call]; their arguments are the wire parameters of
// [eipsim.ActionParams], and any other name is refused with that list. A
// "key=(a, b)" value is sent as "a,b". Their output is rendered by
// [Renderer]: the response's Key=Value pairs (RequestId left out),
// or the line "error <HTTPStatus> <Code>: <Message>".
//
// kebab-case commands are the harness's; each handler file lists its
// commands with an example. A "new-sim" line, if any, must come first;
// without one the Sim has the engine's defaults. An empty output prints
// "ok".
type Engine struct {
	sim     *eipsim.Sim
	clk     Advancer // nil: advance is refused
	render  Renderer
	account string
	cmds    Commands
	// world marks an Engine over an existing Sim (NewHandlerFor): a
	// new-sim line is allowed only as the first command, and skipped.
	world   bool
	handled int
	// worldOwner owns the resources of setup commands that name no
	// AccountId ("": the engine's default account); see WorldAccount.
	worldOwner string
}

// Advancer is a clock that "advance" can move; [simclock.Clock] is one.
type Advancer interface{ Advance(time.Duration) }

// NewEngineHandler returns the handler of the scenario language's commands
// over a new simulator (an [*Engine]).
func NewEngineHandler() Handler { return NewEngine() }

// NewEngine returns an Engine whose Sim is made by the first command.
func NewEngine() *Engine {
	e := &Engine{account: eipsim.DefaultAccountID, cmds: Commands{}}
	e.addCommands()
	return e
}

// NewHandlerFor returns an Engine that runs the scenario language's
// commands against sim, an existing simulator (the world of eipsim serve,
// or a test's own Sim): the same commands and arguments as any scenario
// file. A new-sim line is skipped when it is the first command (its
// options are for whoever makes the Sim: [SimOptions]) and refused
// elsewhere. advance moves clk, the clock sim runs on; with a nil clk it
// is refused. Times print relative to sim's time now.
func NewHandlerFor(sim *eipsim.Sim, clk Advancer) *Engine {
	e := &Engine{sim: sim, clk: clk, account: eipsim.DefaultAccountID, cmds: Commands{}, world: true}
	e.render.Start = sim.Now()
	e.addCommands()
	return e
}

// WorldAccount makes id the world's account, as eipsim serve -world does
// for its default account: the following Actions are its calls (as after
// "as-account id"), and the resources of setup commands that name no
// AccountId are its own.
func (e *Engine) WorldAccount(id string) { e.account, e.worldOwner = id, id }

// owner is the account of a setup command's resource: its AccountId, else
// the world's account, else "" (the engine's default).
func (e *Engine) owner(v map[string]string) string {
	if a := v["AccountId"]; a != "" {
		return a
	}
	return e.worldOwner
}

// addCommands fills e.cmds: every Action and every harness command.
func (e *Engine) addCommands() {
	for _, a := range eipsim.Actions() {
		e.cmds[string(a)] = e.action(a)
	}
	for _, group := range []Commands{e.simCommands(), e.worldCommands(), e.natCommands(), e.lockCommands(),
		e.inspectCommands(), e.faultCommands(), e.rateLimitCommands()} {
		for name, f := range group {
			e.cmds[name] = f
		}
	}
}

// Handle runs one command; an empty output is "ok".
func (e *Engine) Handle(c *Command) (string, error) {
	if c.Name != "new-sim" {
		if _, ok := e.cmds[c.Name]; ok && e.sim == nil {
			if err := e.newSim(c, nil); err != nil {
				return "", err
			}
		}
	}
	e.handled++
	out, err := e.cmds.Handle(c)
	if err == nil && out == "" {
		out = "ok"
	}
	return out, err
}

// Sim returns the scenario's simulator, or nil before the first command.
func (e *Engine) Sim() *eipsim.Sim { return e.sim }

// Start returns the instant the scenario's clock started at.
func (e *Engine) Start() time.Time { return e.render.Start }

// newSim makes the scenario's Sim with opts, on a clock at start.
func (e *Engine) newSim(c *Command, opts []eipsim.Option, start ...time.Time) error {
	clk := simclock.New()
	if len(start) > 0 {
		clk.Set(start[0])
	}
	sim, err := eipsim.New(append([]eipsim.Option{eipsim.WithClock(clk)}, opts...)...)
	if err != nil {
		return c.Errorf("%v", err)
	}
	e.sim, e.clk = sim, clk
	e.render.Start = clk.Now()
	return nil
}

// ctx is the context of an Action call: the current account.
func (e *Engine) ctx() context.Context {
	return eipsim.WithAccount(context.Background(), e.account)
}

// action returns the handler of one Action.
// Example: AssociateEipAddress AllocationId=eip-0001 InstanceId=i-0001
func (e *Engine) action(a eipsim.Action) func(*Command) (string, error) {
	names, _ := eipsim.ActionParams(a)
	return func(c *Command) (string, error) {
		if err := c.checkActionArgs(names); err != nil {
			return "", err
		}
		params := eipsim.Params{}
		for _, arg := range c.Args {
			if arg.Vals == nil {
				return "", c.Errorf("argument %s needs a value (%s=...)", arg.Key, arg.Key)
			}
			v, ok := actionValue(arg)
			if !ok {
				return "", c.Errorf("argument %s=%s: a value that starts with a double quote is a Go string literal (\"a\\x20b\")", arg.Key, quoteClip(arg.Vals[0]))
			}
			params[arg.Key] = v
		}
		resp, err := e.sim.Call(e.ctx(), a, params)
		if err != nil {
			return e.render.Error(err), nil
		}
		return e.render.Response(resp), nil
	}
}

// setup renders the result of a setup method: "" or "error: …".
func (e *Engine) setup(err error) (string, error) {
	if err != nil {
		return e.render.Error(err), nil
	}
	return "", nil
}

// checkActionArgs is [Command.CheckArgs] for an Action's parameters, where
// a repeated parameter's items (ResourceId.1, Tag.2.Key) are allowed by its
// pattern (ResourceId.N, Tag.N.Key).
func (c *Command) checkActionArgs(names []string) error {
	var plain []Arg
	seen := map[string]bool{}
	for _, a := range c.Args {
		if p := eipsim.ParamPattern(a.Key); p != a.Key && slices.Contains(names, p) {
			if seen[a.Key] {
				return c.Errorf("argument %s given twice", a.Key)
			}
			seen[a.Key] = true
			continue
		}
		plain = append(plain, a)
	}
	return c.checkArgs(plain, names)
}
