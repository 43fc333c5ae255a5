package eipsim

// Version returns the Sim's change counter, after applying the tasks due
// by the clock's current time (as every public method does). It grows by
// at least one with every change of state that the Sim's snapshot methods
// ([Sim.EIPs], [Sim.Tasks], [Sim.Instances], [Sim.LoadBalancers],
// [Sim.NetworkInterfaces], [Sim.VPCs], [Sim.NatGateways], [Sim.HaVips],
// [Sim.Faults]) or its Describe actions could show: an accepted write
// (even one an injected fault then answers with an error), a task applied
// on the clock, a lock or other setup method that succeeded, a fault rule
// injected, removed or fired, a rate limit set or removed. Reads, refused calls and ClientToken replays
// leave it as it was.
//
// Two equal Versions of one Sim therefore mean that nothing observable
// changed in between, which makes it a cheap way to skip re-reading
// unchanged state, or to check that a call changed nothing. The converse
// does not hold: a change may bump the Version by more than one, and a
// setup method that leaves things as they were may still bump it.
//
// Version does not count what is not state of the resources: the history,
// RequestIds and the random generator, remembered ClientTokens, rate-limit
// budgets, and the passage of time itself (a cooldown or a token running
// out), except the tasks it applies.
func (s *Sim) Version() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	return s.version
}

// changed counts a change of state for [Sim.Version]. s.mu must be held.
func (s *Sim) changed() { s.version++ }
