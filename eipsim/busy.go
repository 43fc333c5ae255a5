package eipsim

// OperationFailed.SystemBusy ("Operation failed because system is busy.")
// is listed for UnassociateEipAddress and AssociateEipAddress, but nothing
// the caller does triggers it: the cloud is busy. Until general fault
// injection exists, SetSystemBusy makes the next calls of an action answer
// it. The mechanism is a counter per action, consumed by gate; it is meant
// to become one kind of fault later.

// SetSystemBusy makes the next n calls of action answer
// OperationFailed.SystemBusy before any validation, as a busy cloud would;
// n = 0 clears it. It applies to UnassociateEipAddress, AssociateEipAddress
// and the NAT gateway, SNAT, DNAT and HaVip actions.
func (s *Sim) SetSystemBusy(action Action, n int) (err error) {
	defer s.recordSetup(systemBusyOp(action, n))(&err) // recorder.go
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	if _, ok := actionTable[action]; !ok {
		return setupError("SetSystemBusy", "unknown action %q", action)
	}
	if n < 0 {
		return setupError("SetSystemBusy", "negative count %d", n)
	}
	if s.busy == nil {
		s.busy = map[Action]int{}
	}
	if n == 0 {
		delete(s.busy, action)
	} else {
		s.busy[action] = n
	}
	s.worldEvent("SetSystemBusy", string(action))
	return nil
}

// gate runs what every action runs first: the interception hooks, then the
// SystemBusy counter.
func (s *Sim) gate(c *call, resource string, req any) *Error {
	if err := s.intercept(c, resource, req); err != nil {
		return err
	}
	if n := s.busy[c.action]; n > 0 {
		if n == 1 {
			delete(s.busy, c.action)
		} else {
			s.busy[c.action] = n - 1
		}
		return c.err(CodeOperationFailedSystemBusy)
	}
	return nil
}
