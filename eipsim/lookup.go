package eipsim

import "time"

// lookupEIP finds the EIP a write names: it must exist (released EIPs do
// not), be in the named region if one is named, and belong to the caller.
func (s *Sim) lookupEIP(c *call, region, id string) (*eip, *Error) {
	e, ok := s.eipByID(id)
	if !ok {
		return nil, c.err(CodeInvalidAllocationIDNotFound)
	}
	if region != "" && s.cfg.regions[e.region] != region {
		return nil, c.err(CodeInvalidAllocationIDNotFound)
	}
	if e.account != c.account {
		return nil, c.err(CodeForbidden)
	}
	return e, nil
}

// lookupUnlockedEIP is how ReleaseEipAddress and ModifyEipAddressAttribute
// find their EIP: the RegionId, the EIP (lookupEIP), then its locks.
func (s *Sim) lookupUnlockedEIP(c *call, region, id string) (*eip, *Error) {
	if err := s.checkRegion(c, region); err != nil {
		return nil, err
	}
	e, err := s.lookupEIP(c, region, id)
	if err != nil {
		return nil, err
	}
	if locked(e) {
		if err := s.lockError(e, c.action, c.rid); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// locked reports whether e is locked, that is whether lockError has an
// error for a write on it; the check inlines, lockError does not.
func locked(e *eip) bool { return e.security == secLocked || e.business == bsLocked }

// checkWrite applies the checks every write on an existing EIP shares, in
// the cloud's order: locks, then the cooldown (a repeated write within the
// period gives TaskConflict), then the lifecycle: ev must be allowed from
// the EIP's status, else IncorrectEipStatus.
func (s *Sim) checkWrite(c *call, e *eip, ev event) *Error {
	if locked(e) {
		if err := s.lockError(e, c.action, c.rid); err != nil && !(bugs.unassociateLockUnchecked && c.action == ActionUnassociateEipAddress) {
			return err
		}
	}
	if c.at < e.cooldown {
		return c.err(CodeTaskConflict)
	}
	if _, ok := lifecycle.fire(e.status, ev); !ok {
		return c.err(CodeIncorrectEipStatus)
	}
	return nil
}

// fire moves e through the lifecycle and records the transition. The
// caller has checked that the declaration allows ev.
func (s *Sim) fire(at stamp, e *eip, ev event, action Action, cause string) {
	to, ok := lifecycle.fire(e.status, ev)
	if !ok {
		panic("eipsim: unchecked lifecycle event " + lifecycle.events[ev] + " from " + string(lifecycle.states[e.status]))
	}
	s.transitionEIP(at, action, e.id, e.status, to, cause)
	s.idx.move(e, e.status, to)
	e.status = to
}

// forceDetach drops e's binding at once because its target went away.
func (s *Sim) forceDetach(at time.Time, e *eip, cause string) {
	s.cancel(e.pendingTask())
	e.pending = nil
	s.unbind(e)
	if e.status != stAvailable {
		s.fire(stampOf(at), e, evDetach, Action(cause), cause)
	}
}

// startWrite marks an accepted write on e: the cooldown starts.
func (s *Sim) startWrite(c *call, e *eip) {
	if s.cfg.cooldown > 0 && !bugs.cooldownIgnored {
		e.cooldown = c.after(s.cfg.cooldown)
	}
}
