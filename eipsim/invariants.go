package eipsim

import (
	"errors"
	"fmt"
)

// CheckInvariants checks the Sim's internal consistency and returns every
// violation found, joined, or nil. It checks at least: an EIP is InUse only
// when bound to exactly one existing target that knows it; bound EIPs and
// their targets agree both ways; no target is over its EIP limit; addresses
// are unique and in the pool's index; every pending task belongs to a live
// resource; lock states are valid; the quota counts match.
func (s *Sim) CheckInvariants() (err error) {
	defer s.recordSetup(checkOp{})(&err) // recorder.go
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	held := map[accountRegion]int{}
	for _, e := range s.order {
		if e.gone {
			if _, ok := s.eips[e.id]; ok && s.eips[e.id] == e {
				bad("released EIP %s is still indexed", e.id)
			}
			continue
		}
		if s.eips[e.id] != e {
			bad("EIP %s is in the allocation order but not indexed", e.id)
		}
		held[accountRegion{e.account, e.region}]++
		st := lifecycle.states[e.status]
		switch e.status {
		case stInUse, stAssociating, stUnassociating:
			if e.bind == nil {
				bad("EIP %s is %s but not bound", e.id, st)
			} else if !e.bind.target.exists(s) {
				bad("EIP %s is bound to %s, which no longer exists", e.id, e.bind.target.targetID())
			}
		case stAvailable, stReleasing:
			if e.bind != nil {
				bad("EIP %s is %s but bound to %s", e.id, st, e.bind.target.targetID())
			}
		default:
			bad("EIP %s has status %s outside the lifecycle", e.id, st)
		}
		transitional := e.status == stAssociating || e.status == stUnassociating || e.status == stReleasing
		if transitional != (e.pending != nil) {
			bad("EIP %s is %s with pending task %v", e.id, st, e.pending != nil)
		}
		if e.pending != nil && e.pending.index < 0 {
			bad("EIP %s has a pending task that is not queued", e.id)
		}
		if u := s.pool.used[e.ip]; u != e {
			bad("address %s of EIP %s is not indexed to it", addr4(e.ip), e.id)
		}
		if e.business != bsNormal && e.business != bsLocked || e.security != secOpen && e.security != secLocked {
			bad("EIP %s has an invalid lock state", e.id)
		}
	}
	if len(s.pool.used) != len(s.eips) {
		bad("%d addresses in use for %d EIPs", len(s.pool.used), len(s.eips))
	}
	for k, n := range held {
		if s.held[k] != n {
			bad("account %s region %s holds %d EIPs, counted %d", k.account, s.cfg.regions[k.region], n, s.held[k])
		}
	}
	if len(held) != len(s.held) {
		bad("quota counts for %d account-regions, expected %d", len(s.held), len(held))
	}
	for _, id := range sortedKeys(s.world.instances) {
		r := s.world.instances[id]
		if r.eip != nil && (r.eip.bind == nil || r.eip.bind.target != target(r) || r.eip.gone) {
			bad("instance %s holds EIP %s, which is not bound to it", id, r.eip.id)
		}
	}
	for _, id := range sortedKeys(s.world.slbs) {
		r := s.world.slbs[id]
		if r.eip != nil && (r.eip.bind == nil || r.eip.bind.target != target(r) || r.eip.gone) {
			bad("load balancer %s holds EIP %s, which is not bound to it", id, r.eip.id)
		}
	}
	for _, id := range sortedKeys(s.world.enis) {
		n := s.world.enis[id]
		limit := len(n.privIPs)
		if n.mode() == ModeMultiBinded {
			limit = s.cfg.multiBinded
		}
		if len(n.bound) > limit {
			bad("ENI %s has %d EIPs, over its limit %d", id, len(n.bound), limit)
		}
		for _, e := range n.bound {
			if e.bind == nil || e.bind.target != target(n) || e.gone {
				bad("ENI %s holds EIP %s, which is not bound to it", id, e.id)
			} else if e.bind.mode != n.mode() {
				bad("ENI %s mixes modes %s and %s", id, n.mode(), e.bind.mode)
			}
		}
	}
	for _, e := range s.order {
		if e.gone || e.bind == nil {
			continue
		}
		if !s.targetHolds(e) {
			bad("EIP %s is bound to %s, which does not hold it", e.id, e.bind.target.targetID())
		}
	}
	for _, t := range s.tasks {
		if t.index < 0 {
			bad("task %s is queued with index %d", taskID(t.seq), t.index)
		}
	}
	return errors.Join(errs...)
}

// targetHolds reports whether e's target lists e.
func (s *Sim) targetHolds(e *eip) bool {
	switch t := e.bind.target.(type) {
	case *instance:
		return t.eip == e
	case *loadBalancer:
		return t.eip == e
	case *networkInterface:
		for _, x := range t.bound {
			if x == e {
				return true
			}
		}
		return false
	}
	return true // other target types check themselves
}
