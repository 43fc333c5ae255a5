package scenarios

// The fault-injection harness command. The name is reserved: fault
// injection lands with its own change, which wires inject-fault to the
// engine's fault-spec parser (arguments in the form Fault.Args writes).
func (e *Engine) faultCommands() Commands {
	return Commands{
		// Example: inject-fault Action=AssociateEipAddress Code=InternalError Times=1
		"inject-fault": func(c *Command) (string, error) {
			return "", c.Errorf("fault injection is not in this build yet (the command name is reserved)")
		},
	}
}
