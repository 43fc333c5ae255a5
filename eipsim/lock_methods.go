package eipsim

import "fmt"

// Lock locks an EIP for reason, as the cloud does for an overdue payment
// (financial) or a security incident (security). The EIP keeps its Status;
// writes on it are refused until [Sim.Unlock]. Locking twice for the same
// reason is an error.
func (s *Sim) Lock(allocationID string, reason LockReason) error {
	return s.setLock(allocationID, reason, true)
}

// Unlock lifts a lock set by [Sim.Lock].
func (s *Sim) Unlock(allocationID string, reason LockReason) error {
	return s.setLock(allocationID, reason, false)
}

// lockMethod is the name of the method setLock serves, for the journal.
func lockMethod(lock bool) string {
	if lock {
		return "Lock"
	}
	return "Unlock"
}

func (s *Sim) setLock(id string, reason LockReason, lock bool) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, lockMethod(lock), nil, id, reason)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	s.settle(now)
	method := "Unlock"
	if lock {
		method = "Lock"
	}
	e, ok := s.eipByID(id)
	if !ok {
		return setupError(method, "no EIP %s", id)
	}
	var (
		t   *table
		cur *state
		ev  event
	)
	switch reason {
	case LockFinancial:
		t, cur, ev = businessTable, &e.business, evFinOpen
		if lock {
			ev = evFinLock
		}
	case LockSecurity:
		t, cur, ev = securityTable, &e.security, evSecOpen
		if lock {
			ev = evSecLock
		}
	default:
		return setupError(method, "unknown lock reason %q (want financial or security)", reason)
	}
	to, ok := t.fire(*cur, ev)
	if !ok {
		return setupError(method, "%s: event %s not allowed while %s", id, t.events[ev], t.states[*cur])
	}
	s.transition(now, Action(method), id, string(t.states[*cur]), string(t.states[to]), fmt.Sprintf("%s %s", method, reason))
	*cur = to
	return nil
}

// SetDeletionProtection turns an EIP's deletion protection on or off (the
// cloud's DeletionProtection action). A protected EIP cannot be released
// (InvalidOperation.DeletionProtection).
func (s *Sim) SetDeletionProtection(allocationID string, on bool) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "SetDeletionProtection", nil, allocationID, on)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	e, ok := s.eipByID(allocationID)
	if !ok {
		return setupError("SetDeletionProtection", "no EIP %s", allocationID)
	}
	e.protected = on
	s.worldEvent("SetDeletionProtection", allocationID)
	return nil
}
