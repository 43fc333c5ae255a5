package eipsim

import "time"

// The hot paths' records: a call, a status change, an EIP's status change.
// Each looks its strings up in the caches first, with no call in between
// (the lookups are inlined and change nothing), and then writes its record
// whole; any miss, a full chunk or a rarer case (a refused call, a
// RequestId not the one drawn last) takes the slow path, which records the
// event field by field through the caches' slow paths (next, nameSlow,
// copySlow, copyRID). So the common case costs no spills around the slow
// paths' calls and writes each field of the record once.

// call records the call c on resource, refused with code unless it is "";
// d is the RequestId the Sim drew last (ids.last).
func (h *history) call(c *call, resource string, code Code, d *drawnRID) {
	account, action, res := h.named(c.account), h.named(string(c.action)), h.copied(resource)
	recs, i, ch := h.recs, h.n, h.cur
	// The RequestId is nearly always the one drawn last, and new: it is
	// stored as its draws (histrids.go) without looking for it. The chunk's
	// bytes must have room for them and for a copy of resource (copySlow
	// then appends without growing them, or appends less: a clipped copy).
	if code != "" || account == histMiss || action == histMiss || !d.is(c.rid) ||
		uint(i) >= uint(len(recs)) || cap(ch.data)-len(ch.data) < 16+2+len(resource) {
		h.callSlow(c, resource, code, d)
		return
	}
	if res == histMiss {
		// A new resource (an AllocationId allocated) is copied here: the
		// rest of such a call is as common as ever.
		res = h.copySlow(resource)
	}
	t := c.stamp()
	// Field by field: a composite literal is built aside and copied.
	r := &recs[i]
	r.sec, r.nsec, r.kind, r.rid = t.sec, t.nsec, histKindCall, h.writeDrawn(ch, d)
	r.account, r.action, r.resource, r.from, r.to, r.code, r.cause = account, action, res, 0, 0, 0, 0
	h.seq++
	h.n = i + 1
}

// callSlow is call's slow path, where the caches' fast paths are still
// worth their inlining: mostly one string misses (a new AllocationId).
func (h *history) callSlow(c *call, resource string, code Code, d *drawnRID) {
	r := h.next(c.stamp(), histKindCall)
	if r.account = h.named(c.account); r.account == histMiss {
		r.account = h.nameSlow(c.account)
	}
	if r.action = h.named(string(c.action)); r.action == histMiss {
		r.action = h.nameSlow(string(c.action))
	}
	if code != "" {
		r.code = h.name(string(code))
	}
	if r.resource = h.copied(resource); r.resource == histMiss {
		r.resource = h.copySlow(resource)
	}
	if d.is(c.rid) {
		r.rid = h.storeDrawn(d)
	} else {
		r.rid = h.copy(c.rid)
	}
}

// transition records a status change.
func (s *Sim) transition(at time.Time, action Action, resource, from, to, cause string) {
	s.changed()
	h := &s.history
	a, f, t := h.named(string(action)), h.named(from), h.named(to)
	res, c := h.copied(resource), h.drawnRef(cause, &s.ids.last)
	recs, i := h.recs, h.n
	if a == histMiss || f == histMiss || t == histMiss || res == histMiss || c == histMiss || uint(i) >= uint(len(recs)) {
		h.transitionSlow(stampOf(at), action, resource, from, to, cause, &s.ids.last)
		return
	}
	st := stampOf(at)
	r := &recs[i]
	r.sec, r.nsec, r.kind, r.rid, r.account = st.sec, st.nsec, histKindTransition, 0, 0
	r.action, r.resource, r.from, r.to, r.code, r.cause = a, res, f, t, 0, c
	h.seq++
	h.n = i + 1
}

// transitionSlow is transition's slow path; d is the RequestId the Sim drew
// last.
func (h *history) transitionSlow(at stamp, action Action, resource, from, to, cause string, d *drawnRID) {
	r := h.next(at, histKindTransition)
	r.action = h.name(string(action))
	r.from = h.name(from)
	r.to = h.name(to)
	r.resource = h.copy(resource)
	r.cause = h.cause(cause, d)
}

// transitionEIP is transition for an EIP's lifecycle, from one status to
// another, at the instant at.
func (s *Sim) transitionEIP(at stamp, action Action, resource string, from, to state, cause string) {
	s.changed()
	h := &s.history
	a, res, c := h.named(string(action)), h.copied(resource), h.drawnRef(cause, &s.ids.last)
	recs, i := h.recs, h.n
	if a == histMiss || res == histMiss || c == histMiss || uint(i) >= uint(len(recs)) {
		h.transitionEIPSlow(at, action, resource, from, to, cause, &s.ids.last)
		return
	}
	r := &recs[i]
	r.sec, r.nsec, r.kind, r.rid, r.account = at.sec, at.nsec, histKindTransition, 0, 0
	r.action, r.resource, r.from, r.to, r.code, r.cause = a, res, histState(from), histState(to), 0, c
	h.seq++
	h.n = i + 1
}

// transitionEIPSlow is transitionEIP's slow path; d is the RequestId the
// Sim drew last.
func (h *history) transitionEIPSlow(at stamp, action Action, resource string, from, to state, cause string, d *drawnRID) {
	r := h.next(at, histKindTransition)
	r.action = h.name(string(action))
	r.resource = h.copy(resource)
	r.from = histState(from)
	r.to = histState(to)
	r.cause = h.cause(cause, d)
}
