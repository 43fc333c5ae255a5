package scenarios

import "github.com/eipsim/eipsim/eipsim"

// The harness commands that lock EIPs and protect them from release, as the
// cloud does outside the API (an overdue payment, a security incident, the
// DeletionProtection action).
func (e *Engine) lockCommands() Commands {
	return Commands{
		// Example: lock AllocationId=eip-0001 LockReason=financial
		"lock": e.cmdLock(true),
		// Example: unlock AllocationId=eip-0001 LockReason=security
		"unlock": e.cmdLock(false),
		// Example: set-deletion-protection AllocationId=eip-0001 Enabled=true
		"set-deletion-protection": e.cmdSetDeletionProtection,
	}
}

func (e *Engine) cmdLock(lock bool) func(*Command) (string, error) {
	return func(c *Command) (string, error) {
		v, err := c.values()
		if err != nil {
			return "", err
		}
		f := e.sim.Unlock
		if lock {
			f = e.sim.Lock
		}
		return e.setup(f(v["AllocationId"], eipsim.LockReason(v["LockReason"])))
	}
}

func (e *Engine) cmdSetDeletionProtection(c *Command) (string, error) {
	v, err := c.values()
	if err != nil {
		return "", err
	}
	on, err := boolArg(c, v, "Enabled")
	if err != nil {
		return "", err
	}
	return e.setup(e.sim.SetDeletionProtection(v["AllocationId"], on))
}
