package eipsim

import (
	"reflect"
	"slices"
	"strconv"
	"time"
)

// hooks are the extension points through which fault injection and rate
// limiting act on calls. Everything they do runs under the Sim's lock and
// on the Sim's clock. The order they act in is documented in faults.go.
type hooks struct {
	// rules are the injected fault rules in insertion order.
	rules  []*faultRule
	nextID uint64
	// index holds, per phase, the live rules that can fire on each Action
	// some rule names, in insertion order; wild is the list for the other
	// Actions. Both are rebuilt when a rule is added, removed or spent, so
	// a call only walks the rules of its own Action and phase. index is a
	// slice: a handful of Actions is scanned faster than a map is hashed.
	index [numPhases][]actionRules
	wild  [numPhases]ruleList
	// live counts the rules in the index; zero keeps every hook at a
	// single comparison.
	live int
	// paramRules counts live Latency, Stuck and ApplyThenFail rules with
	// Params. Their predicates are evaluated by intercept, on the request
	// as the caller sent it, and the rules that matched are kept in matched
	// for the rest of the call (later hooks do not see the request).
	paramRules int
	matched    []*faultRule

	// stuck are the tasks Stuck rules hold, in the order they were stuck.
	stuck     []stuckTask
	stuckKept int // len(stuck) after the last prune

	limits *rateLimiter // nil when no rate limit is configured

	// busy is, per Action, the ID of the rule SetSystemBusy added last.
	busy map[Action]uint64
}

// phase is the hook a rule acts in.
type phase uint8

const (
	phaseIntercept phase = iota // Error
	phaseDelay                  // Latency, Stuck
	phaseOutcome                // ApplyThenFail
	numPhases
)

func phaseOf(e FaultEffect) phase {
	switch e {
	case FaultLatency, FaultStuck:
		return phaseDelay
	case FaultApplyThenFail:
		return phaseOutcome
	}
	return phaseIntercept
}

type actionRules struct {
	action Action
	rules  ruleList
}

// ruleList is the rules one call may meet in one phase, in insertion
// order. A long list is split by the field that tells most rules apart, so
// a call only meets the rules for its resource and its account: byResource
// holds the rules naming a resource, byAccount those naming an account but
// no resource, rest the others. The three are merged by rule ID, so the
// order stays insertion order.
type ruleList struct {
	all        []*faultRule
	byResource map[string][]*faultRule
	byAccount  map[string][]*faultRule
	rest       []*faultRule
}

// splitAt is the list length from which a ruleList is split.
const splitAt = 16

func (l *ruleList) add(r *faultRule) { l.all = append(l.all, r) }

func (l *ruleList) split() {
	if len(l.all) < splitAt {
		return
	}
	l.byResource, l.byAccount = map[string][]*faultRule{}, map[string][]*faultRule{}
	for _, r := range l.all {
		switch {
		case r.f.ResourceID != "":
			l.byResource[r.f.ResourceID] = append(l.byResource[r.f.ResourceID], r)
		case r.f.AccountID != "":
			l.byAccount[r.f.AccountID] = append(l.byAccount[r.f.AccountID], r)
		default:
			l.rest = append(l.rest, r)
		}
	}
}

type faultRule struct {
	id       uint64
	f        Fault
	phase    phase
	injected int64 // UnixNano
	from     int64 // window, UnixNano; until 0 = open
	until    int64
	fired    int
}

func (r *faultRule) spent() bool { return r.f.Times > 0 && r.fired >= r.f.Times }

// stuckTask is a task a Stuck rule holds; resource is what the rule matched
// on. t is nil until delayed finds the task: delay runs just before the
// action schedules it, so only its sequence number is known then.
type stuckTask struct {
	seq      uint64
	t        *task
	resource string
	due      int64 // the due time it would have had
	deadline int64 // noDeadline, or when it is released by itself
}

// initHooks sets up rate limits and the rules of WithFaults; New calls it.
func (s *Sim) initHooks() {
	s.hooks.limits = newRateLimiter(s.cfg.limits, s.cfg.globalLimit)
	now := s.clock.Now()
	for _, f := range s.cfg.faults {
		s.hooks.add(f, now)
	}
}

func (h *hooks) add(f Fault, now time.Time) FaultHandle {
	h.nextID++
	n := nanos(now)
	r := &faultRule{id: h.nextID, f: f, phase: phaseOf(f.Effect), injected: n, from: n + int64(f.From)}
	if f.Until != 0 {
		r.until = n + int64(f.Until)
	}
	h.rules = append(h.rules, r)
	h.reindex()
	return FaultHandle{id: r.id}
}

func (h *hooks) remove(id uint64) bool {
	for i, r := range h.rules {
		if r.id == id {
			h.rules = append(h.rules[:i:i], h.rules[i+1:]...)
			h.reindex()
			return true
		}
	}
	return false
}

// reindex rebuilds the per-phase, per-Action lists from the live rules.
func (h *hooks) reindex() {
	h.live, h.paramRules = 0, 0
	for p := range numPhases {
		h.index[p], h.wild[p] = nil, ruleList{}
	}
	for _, r := range h.rules {
		if r.spent() {
			continue
		}
		h.live++
		if r.phase != phaseIntercept && r.f.Params != nil {
			h.paramRules++
		}
		if a := r.f.Action; a != "" && h.entry(r.phase, a) == nil {
			h.index[r.phase] = append(h.index[r.phase], actionRules{action: a})
		}
	}
	for _, r := range h.rules {
		if r.spent() {
			continue
		}
		if r.f.Action != "" {
			h.entry(r.phase, r.f.Action).add(r)
			continue
		}
		h.wild[r.phase].add(r)
		for i := range h.index[r.phase] {
			h.index[r.phase][i].rules.add(r)
		}
	}
	for p := range numPhases {
		h.wild[p].split()
		for i := range h.index[p] {
			h.index[p][i].rules.split()
		}
	}
}

func (h *hooks) entry(p phase, action Action) *ruleList {
	for i := range h.index[p] {
		if h.index[p][i].action == action {
			return &h.index[p][i].rules
		}
	}
	return nil
}

// candidates returns the live rules of phase p that can fire on action.
func (h *hooks) candidates(p phase, action Action) *ruleList {
	if l := h.entry(p, action); l != nil {
		return l
	}
	return &h.wild[p]
}

// fire returns the first rule of phase p that fires on the call, counts
// the firing and records it in the history; nil if none fires.
func (s *Sim) fireRule(p phase, c *call, resource string, req any) *faultRule {
	l := s.hooks.candidates(p, c.action)
	if l.byResource == nil {
		for _, r := range l.all {
			// The usual reasons not to fire, checked without a call.
			if r.f.ResourceID != "" && r.f.ResourceID != resource || r.f.AccountID != "" && r.f.AccountID != c.account {
				continue
			}
			if s.tryRule(p, r, c, resource, req) {
				return r
			}
		}
		return nil
	}
	// Merge the three parts of a split list by rule ID.
	a, b, rest := l.byResource[resource], l.byAccount[c.account], l.rest
	for len(a)+len(b)+len(rest) > 0 {
		var r *faultRule
		switch {
		case len(a) > 0 && (len(b) == 0 || a[0].id < b[0].id) && (len(rest) == 0 || a[0].id < rest[0].id):
			r, a = a[0], a[1:]
		case len(b) > 0 && (len(rest) == 0 || b[0].id < rest[0].id):
			r, b = b[0], b[1:]
		default:
			r, rest = rest[0], rest[1:]
		}
		if s.tryRule(p, r, c, resource, req) {
			return r
		}
	}
	return nil
}

// tryRule fires r if it matches the call, counting the firing and
// recording it in the history.
func (s *Sim) tryRule(p phase, r *faultRule, c *call, resource string, req any) bool {
	f := &r.f
	now := c.at
	if f.ResourceID != "" && f.ResourceID != resource ||
		f.AccountID != "" && f.AccountID != c.account ||
		now < r.from || r.until != 0 && now >= r.until ||
		r.spent() ||
		f.Params != nil && !s.hooks.paramsOK(p, r, req) {
		return false
	}
	if f.Probability != 0 && s.ids.rng.Float64() >= f.Probability {
		return false
	}
	r.fired++
	s.changed()
	if r.spent() {
		s.hooks.reindex()
	}
	s.history.add(Event{Time: c.now(), Kind: EventKindFault, RequestID: c.rid, AccountID: c.account,
		Action: c.action, ResourceID: resource, Code: f.Code, Cause: r.cause()})
	return true
}

// cause is the history Cause of a firing: the rule's ID and effect.
func (r *faultRule) cause() string {
	s := faultID(r.id) + " " + string(r.f.Effect)
	switch {
	case r.f.Effect == FaultLatency:
		s += " Latency=" + r.f.Latency.String()
	case r.f.Deadline != 0:
		s += " Deadline=" + r.f.Deadline.String()
	}
	return s
}

// paramsOK reports whether r's parameter predicates hold for the call.
func (h *hooks) paramsOK(p phase, r *faultRule, req any) bool {
	if p == phaseIntercept {
		return paramsMatch(r.f.Params, req)
	}
	return slices.Contains(h.matched, r)
}

// matchParams evaluates, for the call starting, the predicates of the
// later phases' rules.
func (h *hooks) matchParams(action Action, req any) {
	h.matched = h.matched[:0]
	for _, p := range []phase{phaseDelay, phaseOutcome} {
		for _, r := range h.candidates(p, action).all {
			if r.f.Params != nil && paramsMatch(r.f.Params, req) {
				h.matched = append(h.matched, r)
			}
		}
	}
}

// paramsMatch reports whether every predicate equals the request's wire
// value. req is a pointer to a request struct with wire tags.
func paramsMatch(want map[string]string, req any) bool {
	v := reflect.ValueOf(req)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return false
	}
	t := v.Type()
	matched := 0
	for i := range t.NumField() {
		name := t.Field(i).Tag.Get("wire")
		w, ok := want[name]
		if name == "" || !ok {
			continue
		}
		if wireString(v.Field(i)) != w {
			return false
		}
		matched++
	}
	// A predicate on a parameter this Action does not have never matches.
	return matched == len(want)
}

// wireString formats a request field as it is written on the wire.
func wireString(f reflect.Value) string {
	switch f.Kind() {
	case reflect.String:
		return f.String()
	case reflect.Bool:
		return strconv.FormatBool(f.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(f.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(f.Uint(), 10)
	}
	return ""
}

// intercepts reports whether intercept has anything to do: a rate limit or
// a live rule. Without, the frame skips the call.
func (h *hooks) intercepts() bool { return h.limits != nil || h.live != 0 }

// intercept runs at the start of every action, after the call began and
// before any validation. A non-nil error refuses the call as if the cloud
// had answered it: rate limits first, then the Error rules.
func (s *Sim) intercept(c *call, resource string, req any) *Error {
	if s.hooks.limits != nil {
		if code := s.hooks.limits.take(c.account, c.action, c.now()); code != "" {
			return c.err(code)
		}
	}
	if s.hooks.live == 0 {
		return nil
	}
	if s.hooks.paramRules > 0 {
		s.hooks.matchParams(c.action, req)
	}
	if r := s.fireRule(phaseIntercept, c, resource, req); r != nil {
		return c.err(r.f.Code)
	}
	return nil
}

// delay returns how long the asynchronous completion of c's action takes,
// and whether it is stuck (never applied until released): the action's
// delay (cfg.delays) and the Latency and Stuck rules that fire on the call.
// resource is what rules match on, the resource the call names (as for
// intercept). Every asynchronous action calls it just before it schedules
// its task, and passes the task to delayed just after.
func (s *Sim) delay(c *call, resource string) (time.Duration, bool) {
	d := s.cfg.delays[c.action]
	if s.hooks.live == 0 {
		return d, false
	}
	return s.delayRules(c, resource, d)
}

// delayRules is delay when rules are live, d the action's delay; scheduleEIP
// calls it with d from Sim.eipDelays.
func (s *Sim) delayRules(c *call, resource string, d time.Duration) (time.Duration, bool) {
	r := s.fireRule(phaseDelay, c, resource, nil)
	switch {
	case r == nil:
		return d, false
	case r.f.Effect == FaultLatency:
		return d + r.f.Latency, false
	}
	s.pruneStuck()
	st := stuckTask{seq: s.taskSeq + 1, resource: resource, due: c.after(d), deadline: noDeadline}
	s.hooks.stuck = append(s.hooks.stuck, st)
	if r.f.Deadline == 0 {
		return d, true
	}
	// Held until the deadline: scheduled for then, and ReleaseStuck can
	// bring it back to its normal due time.
	st.deadline = c.after(r.f.Deadline)
	s.hooks.stuck[len(s.hooks.stuck)-1] = st
	return max(d, r.f.Deadline), false
}

// delayed finishes what delay started once the action has scheduled its
// task t: a stuck task is held back, and a stuck entry learns its task.
func (s *Sim) delayed(t *task, stuck bool) {
	if stuck {
		s.stick(t)
	}
	if n := len(s.hooks.stuck); n > 0 && s.hooks.stuck[n-1].t == nil && s.hooks.stuck[n-1].seq == t.seq {
		s.hooks.stuck[n-1].t = t
	}
}

// outcome runs after an action succeeded; a non-nil error is returned to the
// caller although the change was applied (a lost response).
func (s *Sim) outcome(c *call, resource string) *Error {
	if s.hooks.live == 0 {
		return nil
	}
	if r := s.fireRule(phaseOutcome, c, resource, nil); r != nil {
		return c.err(r.f.Code)
	}
	return nil
}

// releaseStuck releases the stuck tasks on resource ("" for all): those
// whose rule matched on it and those that change it. It drops entries whose
// task is gone and returns how many it released.
func (s *Sim) releaseStuck(resource string, now time.Time) int {
	n := 0
	keep := s.hooks.stuck[:0]
	for _, st := range s.hooks.stuck {
		if st.t == nil {
			st.t = s.taskBySeq(st.seq)
		}
		if st.t == nil || st.t.index < 0 || st.t.seq != st.seq {
			continue // applied or cancelled
		}
		if resource != "" && st.resource != resource && st.t.resourceID() != resource {
			keep = append(keep, st)
			continue
		}
		if st.deadline == noDeadline {
			s.unstick(st.t, now)
		} else if due := max(st.due, nanos(now)); due < st.t.due {
			st.t.due = due
			s.tasks.fix(st.t.index)
		}
		n++
	}
	clear(s.hooks.stuck[len(keep):])
	s.hooks.stuck = keep
	return n
}

// pruneStuck drops entries whose task has applied or was cancelled, when
// the list has doubled since the last prune, so it stays bounded.
func (s *Sim) pruneStuck() {
	h := &s.hooks
	if len(h.stuck) < 64 || len(h.stuck) < 2*h.stuckKept {
		return
	}
	keep := h.stuck[:0]
	for _, st := range h.stuck {
		if st.t == nil {
			st.t = s.taskBySeq(st.seq)
		}
		if st.t != nil && st.t.index >= 0 && st.t.seq == st.seq {
			keep = append(keep, st)
		}
	}
	clear(h.stuck[len(keep):])
	h.stuck = keep
	h.stuckKept = len(keep)
}

// taskBySeq finds a pending task by its sequence number.
func (s *Sim) taskBySeq(seq uint64) *task {
	for _, x := range s.tasks {
		if x.seq == seq {
			return x.t
		}
	}
	return nil
}
