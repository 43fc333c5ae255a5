package scenarios

import (
	"fmt"
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// The fault-injection harness commands: rules in the wire form of
// [eipsim.ParseFault], their removal, and the release of stuck tasks.
func (e *Engine) faultCommands() Commands {
	return Commands{
		// Example: inject-fault Action=AssociateEipAddress Code=InternalError Times=1
		"inject-fault": e.cmdInjectFault,
		// Example: remove-fault f-0001
		"remove-fault": e.cmdRemoveFault,
		// Example: clear-faults
		"clear-faults": e.cmdClearFaults,
		// Example: release-stuck ResourceId=eip-0001
		"release-stuck": e.cmdReleaseStuck,
		// Example: faults
		"faults": e.cmdFaults,
	}
}

// cmdInjectFault adds a rule; every argument is one Key=Value of
// [eipsim.ParseFault] (a list value "(a, b)" is sent as "a,b"). It prints
// the rule's ID, f-0001 for the first. A rule ParseFault refuses is a
// malformed line.
func (e *Engine) cmdInjectFault(c *Command) (string, error) {
	if err := c.checkArgs(nil, nil); err != nil { // input lines only
		return "", err
	}
	args := make(map[string]string, len(c.Args))
	for _, a := range c.Args {
		if a.Vals == nil {
			return "", c.Errorf("argument %s needs a value (%s=...)", a.Key, a.Key)
		}
		if _, dup := args[a.Key]; dup {
			return "", c.Errorf("argument %s given twice", a.Key)
		}
		args[a.Key] = strings.Join(a.Vals, ",")
	}
	f, err := eipsim.ParseFault(args)
	if err != nil {
		return "", c.Errorf("%v", err)
	}
	h, err := e.sim.InjectFault(f)
	if err != nil {
		return e.render.Error(err), nil
	}
	return h.ID(), nil
}

// cmdRemoveFault removes the rule with the given ID; it prints "ok", or
// "not found" when no such rule is there (any more).
func (e *Engine) cmdRemoveFault(c *Command) (string, error) {
	args, err := c.words()
	if err != nil {
		return "", err
	}
	h, err := eipsim.FaultHandleByID(args[0])
	if err != nil {
		return "", c.Errorf("%v", err)
	}
	return RemoveFaultOutput(e.sim.RemoveFault(h)), nil
}

// cmdClearFaults removes every rule.
func (e *Engine) cmdClearFaults(c *Command) (string, error) {
	if err := c.check(); err != nil {
		return "", err
	}
	e.sim.ClearFaults()
	return "", nil
}

// cmdReleaseStuck releases the tasks Stuck rules hold (on ResourceId only,
// if given); it prints "released N" and the transitions that applied.
func (e *Engine) cmdReleaseStuck(c *Command) (string, error) {
	v, err := c.values()
	if err != nil {
		return "", err
	}
	mark := e.sim.HistorySeq()
	n := e.sim.ReleaseStuck(v["ResourceId"])
	return ReleaseStuckOutput(e.render, n, e.sim.HistorySince(mark)), nil
}

// cmdFaults lists the injected rules in the order they are tried: ID, the
// rule in wire form, and how often it fired.
func (e *Engine) cmdFaults(c *Command) (string, error) {
	if err := c.check(); err != nil {
		return "", err
	}
	var lines []string
	for _, f := range e.sim.Faults() {
		lines = append(lines, fmt.Sprintf("%s %s fired=%d", f.ID, f.Fault, f.Fired))
	}
	if len(lines) == 0 {
		return "none", nil
	}
	return strings.Join(lines, "\n"), nil
}
