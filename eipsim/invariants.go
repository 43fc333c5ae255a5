package eipsim

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// CheckInvariants checks the Sim's internal consistency and returns every
// violation found, joined, or nil. It checks at least: an EIP is InUse only
// when bound to exactly one existing target that knows it; bound EIPs and
// their targets agree both ways; no target is over its EIP limit; addresses
// are unique and in the pool's index; every pending task belongs to a live
// resource; lock states are valid; the quota counts match.
func (s *Sim) CheckInvariants() (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "CheckInvariants", nil)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	held := map[accountRegion]int{}
	byIP := map[uint32]string{}
	gone := 0
	for _, e := range s.order {
		if e.gone {
			gone++
			continue // it may stay in s.eips until compactEIPs
		}
		if s.eips.get(e.id) != e {
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
		t := e.pendingTask()
		if transitional != (t != nil) {
			bad("EIP %s is %s with pending task %v", e.id, st, t != nil)
		}
		if t != nil && (t.index >= len(s.tasks) || s.tasks[t.index].t != t || eipDoneStates[t.done][0] != string(st)) {
			bad("EIP %s has a pending task that is not queued or not its status's", e.id)
		}
		if !s.pool.used.has(e.ip) {
			bad("address %s of EIP %s is not marked in use", addr4(e.ip), e.id)
		}
		if other, dup := byIP[e.ip]; dup {
			bad("EIPs %s and %s have the same address %s", other, e.id, addr4(e.ip))
		}
		byIP[e.ip] = e.id
		if e.business != bsNormal && e.business != bsLocked || e.security != secOpen && e.security != secLocked {
			bad("EIP %s has an invalid lock state", e.id)
		}
	}
	if gone != s.dead {
		bad("%d released EIPs in the allocation order, counted %d", gone, s.dead)
	}
	if live := len(s.order) - s.dead; s.pool.used.n != live {
		bad("%d addresses in use for %d EIPs", s.pool.used.n, live)
	}
	for k, n := range held {
		if got := s.idx.held(k.account, k.region); got != n {
			bad("account %s region %s holds %d EIPs, counted %d", k.account, s.cfg.regions[k.region], n, got)
		}
	}
	s.checkFreeEIPs(bad) // before checkEIPIndex, which syncs the index
	s.checkEIPIndex(bad)
	s.checkListIndexes(bad)
	s.checkTagIndex(bad)
	holding := 0
	for _, g := range s.idx.groups { // a count: the order does not matter
		if g.held != 0 {
			holding++
		}
	}
	if len(held) != holding {
		bad("quota counts for %d account-regions, expected %d", holding, len(held))
	}
	s.checkEIPLike(bad)
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
	s.checkNAT(bad)
	s.checkHaVips(bad)
	for _, e := range s.order {
		if e.gone || e.bind == nil {
			continue
		}
		if !s.targetHolds(e) {
			bad("EIP %s is bound to %s, which does not hold it", e.id, e.bind.target.targetID())
		}
	}
	for i, x := range s.tasks {
		if t := x.t; t.index != i || x.due != t.due || x.seq != t.seq {
			bad("task %s is queued at %d with index %d", taskID(t.seq), i, t.index)
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
	case *natGateway:
		return slices.Contains(t.eips, e)
	case *haVip:
		return t.eip == e
	}
	return true // other target types check themselves
}

// checkNAT checks the NAT gateways: their EIPs are bound to them and within
// the limits; every SNAT/DNAT entry has a valid status, a pending task
// exactly while Pending or Deleting, and names only EIPs bound to its
// gateway, unless it is Deleting or was left in place by a forced
// unassociation (NATForceKeepEntries).
func (s *Sim) checkNAT(bad func(string, ...any)) {
	for _, id := range sortedKeys(s.world.nats) {
		g := s.world.nats[id]
		if g.deleted {
			bad("NAT gateway %s is deleted but indexed", id)
		}
		if s.world.snatTables[g.snatTable] != g || s.world.fwdTables[g.fwdTable] != g {
			bad("NAT gateway %s: its tables are not indexed to it", id)
		}
		switch g.status {
		case NatGatewayAvailable:
			if g.pending != nil {
				bad("NAT gateway %s is Available with a pending task", id)
			}
		case NatGatewayCreating, NatGatewayDeleting:
			if g.pending == nil || g.pending.index < 0 {
				bad("NAT gateway %s is %s without a pending task", id, g.status)
			}
		default:
			bad("NAT gateway %s has status %q", id, g.status)
		}
		if len(g.eips) > s.cfg.natEIPs {
			bad("NAT gateway %s has %d EIPs, over its limit %d", id, len(g.eips), s.cfg.natEIPs)
		}
		traffic := 0
		bound := map[string]bool{}
		for _, e := range g.eips {
			if e.traffic {
				traffic++
			}
			if e.gone || e.bind == nil || e.bind.target != target(g) {
				bad("NAT gateway %s holds EIP %s, which is not bound to it", id, e.id)
				continue
			}
			bound[addr4(e.ip).String()] = true
		}
		if traffic > s.cfg.natTraffic {
			bad("NAT gateway %s has %d PayByTraffic EIPs, over its limit %d", id, traffic, s.cfg.natTraffic)
		}
		check := func(kind string, en *natEntry, ips []string) {
			switch en.status {
			case EntryAvailable:
				if en.pending != nil {
					bad("%s entry %s is Available with a pending task", kind, en.id)
				}
			case EntryPending, EntryDeleting:
				if en.pending == nil || en.pending.index < 0 {
					bad("%s entry %s is %s without a pending task", kind, en.id, en.status)
				}
			default:
				bad("%s entry %s has status %q", kind, en.id, en.status)
			}
			if en.status == EntryDeleting || en.orphaned {
				return
			}
			for _, ip := range ips {
				if !bound[ip] {
					bad("%s entry %s of %s uses %s, which is not an EIP bound to the gateway", kind, en.id, id, ip)
				}
			}
		}
		for _, x := range g.snat {
			if x.gw != g {
				bad("SNAT entry %s is listed by %s but belongs to another gateway", x.id, id)
			}
			check("SNAT", &x.natEntry, x.ips)
		}
		for _, x := range g.dnat {
			if x.gw != g {
				bad("DNAT entry %s is listed by %s but belongs to another gateway", x.id, id)
			}
			check("DNAT", &x.natEntry, []string{x.externalIP})
		}
	}
}

// checkHaVips checks that each HaVip's status agrees with its bindings: a
// transitional status exactly while a task is pending; the derived status
// InUse exactly while instances are associated; associated instances
// exist; at most one EIP, bound to it both ways, and none while Creating
// or Deleting.
func (s *Sim) checkHaVips(bad func(string, ...any)) {
	for _, id := range sortedKeys(s.world.havips) {
		h := s.world.havips[id]
		switch h.override {
		case "":
			if h.pending != nil {
				bad("HaVip %s is %s with a pending task", id, h.status())
			}
		case HaVipCreating, HaVipDeleting, HaVipAssociating, HaVipUnassociating:
			if h.pending == nil || h.pending.index < 0 {
				bad("HaVip %s is %s without a pending task", id, h.override)
			}
		default:
			bad("HaVip %s has status %q", id, h.override)
		}
		if h.stable() && (h.status() == HaVipInUse) != (len(h.instances) > 0) {
			bad("HaVip %s is %s with %d instances", id, h.status(), len(h.instances))
		}
		if !slices.IsSorted(h.instances) || len(slices.Compact(slices.Clone(h.instances))) != len(h.instances) {
			bad("HaVip %s lists instances out of order or twice: %v", id, h.instances)
		}
		for _, in := range h.instances {
			if _, ok := s.world.instances[in]; !ok {
				bad("HaVip %s is associated with instance %s, which does not exist", id, in)
			}
		}
		if e := h.eip; e != nil {
			if e.gone || e.bind == nil || e.bind.target != target(h) {
				bad("HaVip %s holds EIP %s, which is not bound to it", id, e.id)
			}
			if h.override == HaVipCreating || h.override == HaVipDeleting {
				bad("HaVip %s is %s with EIP %s", id, h.override, e.id)
			}
		}
	}
}

// checkEIPLike checks world.eipLike: set if any resource of the world has
// an ID of the drawn AllocationIds' prefix (so that allocationIDTaken looks
// them up).
func (s *Sim) checkEIPLike(bad func(string, ...any)) {
	w := &s.world
	if w.eipLike {
		return
	}
	for _, ids := range [][]string{sortedKeys(w.instances), sortedKeys(w.slbs), sortedKeys(w.enis), sortedKeys(w.nats), sortedKeys(w.havips)} {
		for _, id := range ids {
			if strings.HasPrefix(id, allocationIDPrefix) {
				bad("resource %s has an AllocationId's prefix, but the world does not note it", id)
			}
		}
	}
}

// checkFreeEIPs checks the records kept for reuse (Sim.freeEIPs,
// records.go): each is a released EIP's, once, and nothing that holds EIPs
// refers to one, so that handing it out again cannot make an old
// reference see another EIP. The holders are those freeEIP's doc lists.
func (s *Sim) checkFreeEIPs(bad func(string, ...any)) {
	if len(s.freeEIPs) == 0 {
		return
	}
	free := make(map[*eip]bool, len(s.freeEIPs))
	for _, e := range s.freeEIPs {
		if free[e] {
			bad("EIP record of %s is free twice", e.id)
		}
		free[e] = true
		if !e.gone || e.queued || e.inAll || e.indexed != noState || e.bind != nil || e.pendingTask() != nil {
			bad("free EIP record of %s is not a released, unindexed, unbound one", e.id)
		}
	}
	held := func(holder string, e *eip) {
		if free[e] {
			bad("free EIP record of %s is still held by %s", e.id, holder)
		}
	}
	for _, e := range s.order {
		held("the allocation order", e)
	}
	for _, x := range s.eips.slots {
		if x.e != nil {
			held("the ID table", x.e)
		}
	}
	if s.lastEIP != nil {
		held("lastEIP", s.lastEIP)
	}
	for _, e := range s.idx.queued {
		held("the index queue", e)
	}
	for _, g := range s.idx.groups { // the order of the checks does not reach the output
		for _, t := range append([]*eipTree{g.all}, g.byStatus...) {
			if t != nil {
				scan(t, func(e *eip) bool { held("the index trees", e); return true })
			}
		}
	}
	for _, p := range s.idx.byIP.pages { // likewise
		for _, e := range p.eips {
			if e != nil {
				held("the address pages", e)
			}
		}
	}
	for _, x := range s.tasks {
		if x.t.done != doneNone {
			held("task "+taskID(x.t.seq), x.t.eip)
		}
	}
	w := &s.world
	for _, id := range sortedKeys(w.instances) {
		if e := w.instances[id].eip; e != nil {
			held("instance "+id, e)
		}
	}
	for _, id := range sortedKeys(w.slbs) {
		if e := w.slbs[id].eip; e != nil {
			held("load balancer "+id, e)
		}
	}
	for _, id := range sortedKeys(w.havips) {
		if e := w.havips[id].eip; e != nil {
			held("HaVip "+id, e)
		}
	}
	for _, id := range sortedKeys(w.enis) {
		for _, e := range w.enis[id].bound {
			held("ENI "+id, e)
		}
	}
	for _, id := range sortedKeys(w.nats) {
		for _, e := range w.nats[id].eips {
			held("NAT gateway "+id, e)
		}
	}
}
