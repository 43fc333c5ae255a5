package eipsim

// OperationFailed.SystemBusy ("Operation failed because system is busy.")
// is listed for UnassociateEipAddress and AssociateEipAddress, but nothing
// the caller does triggers it: the cloud is busy. Its trigger in the Sim is
// a fault rule (see [Fault]); SetSystemBusy is the shorthand for the usual
// one.

// SetSystemBusy makes the next n calls of action answer
// OperationFailed.SystemBusy before any validation, as a busy cloud would.
// It is shorthand for
//
//	InjectFault(Fault{Action: action, Code: CodeOperationFailedSystemBusy, Times: n})
//
// and works for every Action. The rule it adds is an ordinary Error rule:
// it is listed by [Sim.Faults], tried after the rules injected before it,
// removed by [Sim.ClearFaults], and each firing is a history event of kind
// [EventKindFault] (Code OperationFailed.SystemBusy). Calling SetSystemBusy
// again for the same action replaces the rule it added before; n = 0 only
// removes it. Rules added with InjectFault are never touched.
func (s *Sim) SetSystemBusy(action Action, n int) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "SetSystemBusy", nil, action, n)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	s.settle(now)
	if _, ok := actionTable[action]; !ok {
		return setupError("SetSystemBusy", "unknown action %q", action)
	}
	if n < 0 {
		return setupError("SetSystemBusy", "negative count %d", n)
	}
	h := &s.hooks
	if id, ok := h.busy[action]; ok {
		h.remove(id) // false if RemoveFault or ClearFaults took it already
		delete(h.busy, action)
	}
	if n > 0 {
		f, err := Fault{Action: action, Code: CodeOperationFailedSystemBusy, Times: n}.normalize()
		if err != nil {
			return setupError("SetSystemBusy", "%v", err)
		}
		if h.busy == nil {
			h.busy = map[Action]uint64{}
		}
		h.busy[action] = h.add(f, now).id
	}
	s.worldEvent("SetSystemBusy", string(action))
	return nil
}
