package eipsim

// The EIP cycle allocates nothing but the responses it returns: the
// records it needs come from here. EIP records are reused once released
// and unreferenced, else carved from slabs, and bindings, which live only
// while an EIP is associated, are reused.

// eipSlabLen is how many EIP records one allocation makes. A slab is freed
// when none of its records is referenced, so a long-lived EIP keeps at
// most eipSlabLen-1 released ones' records (about 1.5 KB) alive with it.
const eipSlabLen = 16

// maxFreeEIPs is how many released EIP records a Sim keeps for reuse
// (about 100 KB at most). compactEIPs frees more than minCompact at a time,
// and a Sim whose EIPs come and go a few at a time takes them all back
// before the next compaction; after a bulk release the rest is garbage.
const maxFreeEIPs = 1024

// newEIP returns an EIP record for the caller to fill in whole, with a
// composite literal (*e = eip{...}): a released one's, which still holds
// what it last held, or a zero one from the slab. Either way nothing else
// refers to it (freeEIP).
func (s *Sim) newEIP() *eip {
	if n := len(s.freeEIPs); n > 0 {
		// The slot is left as it is: it refers to a live record now, and
		// clearing it would cost a write barrier while the GC marks.
		e := s.freeEIPs[n-1]
		s.freeEIPs = s.freeEIPs[:n-1]
		return e
	}
	if len(s.eipSlab) == 0 {
		s.eipSlab = make([]eip, eipSlabLen)
	}
	e := &s.eipSlab[0]
	s.eipSlab = s.eipSlab[1:]
	return e
}

// freeEIP keeps the record of a released EIP for reuse, if there is room.
// compactEIPsNow calls it for the released EIPs it drops, once nothing
// refers to them but what is about to let go of them:
//
//   - s.order and s.eips, which compactEIPsNow rebuilds from the live EIPs;
//   - s.lastEIP, which compactEIPsNow clears if it is released;
//   - the EIP index: removeEIP took the EIP out of its address pages and
//     its tag index, and the index's queue and trees have let go of every
//     released EIP once dropReleased has run (eipindex.go), as
//     compactEIPsNow has it run first;
//   - targets: a released EIP was Available, so unbound (unbind took it
//     out of its target), and nothing binds a released EIP;
//   - tasks: a released EIP's completion was its last task (one is
//     pending at a time, and a Releasing EIP takes no other write); it
//     stays e.pending, no longer pending (pendingTask), until newEIP's
//     caller overwrites the record. Applied tasks kept for reuse
//     (freeTask) may still name it in t.eip, but no one reads a popped
//     task's eip: Tasks and the stuck-task entries read only queued
//     tasks' (index >= 0 and their own seq), and scheduleEIP makes a
//     reused task's eip its new EIP's before it queues it (a task that
//     names the record already is then rightly the new EIP's).
//
// Nothing else holds an *eip across calls (responses, the history, the
// journal and the ClientToken store hold IDs and strings). The record is
// not cleared: it stays gone (so that a stale check of gone still says
// so), and newEIP's caller overwrites it whole. checkFreeEIPs
// (invariants.go) checks that no holder refers to a free record.
func (s *Sim) freeEIP(e *eip) {
	if len(s.freeEIPs) < maxFreeEIPs {
		s.freeEIPs = append(s.freeEIPs, e)
	}
}

// maxFreeBindings is how many dropped bindings a Sim keeps for reuse.
const maxFreeBindings = 16

// newBinding returns a binding holding b: a reused one, or a new one.
func (s *Sim) newBinding(b binding) *binding {
	var p *binding // not &b: that would move b to the heap on every call
	if n := len(s.freeBindings); n > 0 {
		p = s.freeBindings[n-1]
		s.freeBindings = s.freeBindings[:n-1]
	} else {
		p = new(binding)
	}
	*p = b
	return p
}

// unbind drops e's binding: its target lets go of e, and the binding is
// kept for reuse (nothing else refers to it).
func (s *Sim) unbind(e *eip) {
	b := e.bind
	if b == nil {
		return
	}
	b.target.detach(e)
	e.bind = nil
	if len(s.freeBindings) < maxFreeBindings {
		*b = binding{}
		s.freeBindings = append(s.freeBindings, b)
	}
}
