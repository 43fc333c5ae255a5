package eipsim

// The targets' parts of UnassociateEipAddress. They switch on the target's
// type rather than call methods of the target interface: a call through an
// interface moves what it is passed by pointer to the heap, and passing
// the call and the request by value cost copies on every unassociation.

// checkUnassociate returns the error UnassociateEipAddress on e, bound to
// t, gets because of t's state, or nil.
func checkUnassociate(c *call, t target, e *eip, req *UnassociateEipAddressRequest) *Error {
	switch t := t.(type) {
	case *instance:
		return t.checkUnassociate(c)
	case *loadBalancer:
		return t.checkUnassociate(c)
	case *networkInterface:
		return t.checkUnassociate(c, e)
	case *natGateway:
		return t.checkUnassociate(c, e, req.Force)
	case *haVip:
		return t.checkUnassociate(c)
	}
	panic("eipsim: unknown target type " + string(t.targetType()))
}

// unassociating runs when an UnassociateEipAddress on e, bound to t, is
// accepted: with Force, a NAT gateway's entries that use e go (the other
// targets have nothing to do).
func unassociating(s *Sim, c *call, t target, e *eip, req *UnassociateEipAddressRequest) {
	if g, ok := t.(*natGateway); ok && req.Force {
		g.unassociatingForced(s, c, e)
	}
}
