package eipsim

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Task is a value snapshot of a pending asynchronous completion: a
// transition the Sim applies when the clock reaches Due.
type Task struct {
	// ID is "t-" and the task's sequence number, for scenario output.
	ID string
	// Due is when the task applies; tasks with equal Due apply in Seq order.
	Due time.Time
	Seq uint64
	// Action is what scheduled the task (an Action name, or a harness
	// operation such as "SetInstanceStatus").
	Action Action
	// ResourceID is the resource the task changes.
	ResourceID string
	// From and To are the resource's status before and after the task.
	From, To string
}

// task is the internal, scheduled form of a Task.
type task struct {
	due int64 // UnixNano
	seq uint64
	// action is what scheduled the task, unless it is an EIP completion,
	// whose Action is its eipDone's (task.actionOf; scheduleEIP leaves it
	// unset).
	action   Action
	resource string
	from, to string
	// apply makes the change; at is the task's due time. The EIP
	// completions leave it nil and set done, eip and rid instead, which
	// saves a closure allocation per task on the hot path.
	apply func(at time.Time)
	done  eipDone
	eip   *eip
	rid   string
	// stuck is the due time of a task held back by fault injection: while
	// stuck, due is "never" (MaxInt64) until the task is released.
	stuck int64
	// index is the heap position, -1 once popped or removed.
	index int
}

func (t *task) snapshot() Task {
	from, to := t.states()
	return Task{ID: taskID(t.seq), Due: time.Unix(0, t.due).UTC(), Seq: t.seq, Action: t.actionOf(),
		ResourceID: t.resourceID(), From: from, To: to}
}

// actionOf is what scheduled t: an EIP completion's is its eipDone's
// Action (eipDoneActions).
func (t *task) actionOf() Action {
	if t.done != doneNone {
		return eipDoneActions[t.done]
	}
	return t.action
}

// resourceID is the ID of the resource t changes: an EIP completion's is
// its EIP's (scheduleEIP leaves resource unset).
func (t *task) resourceID() string {
	if t.done != doneNone {
		return t.eip.id
	}
	return t.resource
}

// states are the states t moves its resource from and to: an EIP
// completion's are its eipDone's (eipDoneStates; scheduleEIP leaves from
// and to unset).
func (t *task) states() (from, to string) {
	if t.done != doneNone {
		return eipDoneStates[t.done][0], eipDoneStates[t.done][1]
	}
	return t.from, t.to
}

func taskID(seq uint64) string { return "t-" + pad4(seq) }

// taskQueue is a min-heap on (due, seq): a total order, so equal due
// times apply in scheduling order. Each entry carries its task's key, so
// sifting compares entries without following the task pointers; a task
// knows its position (index) so that it can be moved or removed.
type taskQueue []taskEntry

type taskEntry struct {
	due int64
	seq uint64
	t   *task
}

func (a *taskEntry) less(b *taskEntry) bool {
	return a.due < b.due || a.due == b.due && a.seq < b.seq
}

// push adds t at its due time. Within the queue's capacity it reslices
// in place (writing only the length) and writes the entry's task pointer
// only when the vacated slot does not already hold t: pop leaves an EIP
// task in slot 0 (see pop), and the task scheduled next is nearly always
// that one again (newTask's free list is last in, first out), so the
// common push writes no pointer (a write barrier fewer while the GC
// marks).
func (q *taskQueue) push(t *task) {
	n := len(*q)
	if n < cap(*q) {
		*q = (*q)[:n+1]
		x := &(*q)[n]
		x.due, x.seq = t.due, t.seq
		if x.t != t {
			x.t = t
		}
	} else {
		*q = append(*q, taskEntry{due: t.due, seq: t.seq, t: t})
	}
	if n == 0 {
		t.index = 0
		return
	}
	q.up(n)
}

// pop removes and returns the first task. The queue is resliced in
// place (*q = (*q)[:n], which writes only its length: a copy h := *q
// written back would write its array pointer too, a write barrier while
// the GC marks), and only the vacated entry's task pointer is cleared;
// but not when the queue empties and the task is an EIP completion
// (apply nil), the hot path: the slot then keeps that task, which
// settleDue keeps for reuse anyway (freeTask), for push to find it there.
// So slot 0 is the only one past the length that may hold a task, and
// that is an applied EIP task: at most one task (and what it refers to)
// kept beyond its use (TestTaskQueueKeepsOnlyAnEIPTask).
func (q *taskQueue) pop() *task {
	n := len(*q) - 1
	t := (*q)[0].t
	if n > 0 {
		(*q)[0] = (*q)[n]
	}
	if n > 0 || t.apply != nil {
		(*q)[n].t = nil
	}
	*q = (*q)[:n]
	if n > 0 {
		q.down(0)
	}
	t.index = -1
	return t
}

// remove removes the task at position i.
func (q *taskQueue) remove(i int) {
	h := *q
	n := len(h) - 1
	t := h[i].t
	if i != n {
		h[i] = h[n]
	}
	h[n] = taskEntry{}
	*q = h[:n]
	if i != n {
		q.fix(i)
	}
	t.index = -1
}

// fix restores the order after the task at position i changed its due
// time.
func (q *taskQueue) fix(i int) {
	(*q)[i].due = (*q)[i].t.due
	if !q.down(i) {
		q.up(i)
	}
}

// up moves the entry at i towards the root; it moves a hole rather than
// swapping, and sets the index of every task it moves. An entry that stays
// is not written again (each write of an entry is a write barrier while
// the GC marks).
func (q taskQueue) up(i0 int) {
	i := i0
	x := q[i]
	for i > 0 {
		p := (i - 1) / 2
		if !x.less(&q[p]) {
			break
		}
		q[i] = q[p]
		q[i].t.index = i
		i = p
	}
	if i != i0 {
		q[i] = x
	}
	x.t.index = i
}

// down moves the entry at i towards the leaves and reports whether it
// moved.
func (q taskQueue) down(i0 int) bool {
	n := len(q)
	i := i0
	x := q[i]
	for {
		c := 2*i + 1
		if c >= n || c < 0 {
			break
		}
		if r := c + 1; r < n && q[r].less(&q[c]) {
			c = r
		}
		if !q[c].less(&x) {
			break
		}
		q[i] = q[c]
		q[i].t.index = i
		i = c
	}
	if i != i0 {
		q[i] = x
	}
	x.t.index = i
	return i > i0
}

// schedule queues apply to run after d from now and returns the task.
func (s *Sim) schedule(now time.Time, d time.Duration, action Action, resource, from, to string, apply func(at time.Time)) *task {
	s.taskSeq++
	t := &task{due: nanosAfter(now, d) - int64(b2i(bugs.earlyCompletion)), seq: s.taskSeq, action: action, resource: resource, from: from, to: to, apply: apply}
	s.tasks.push(t)
	return t
}

// eipDone says which EIP completion a task applies.
type eipDone uint8

const (
	doneNone eipDone = iota
	doneAssociate
	doneUnassociate
	doneRelease
	numDone
)

// eipDoneActions are the Actions whose completion each eipDone applies.
var eipDoneActions = [numDone]Action{doneAssociate: ActionAssociateEipAddress,
	doneUnassociate: ActionUnassociateEipAddress, doneRelease: ActionReleaseEipAddress}

// eipDoneStates are the states, from and to, of each eipDone's EIP while
// its completion is pending.
var eipDoneStates = [numDone][2]string{doneAssociate: {string(StatusAssociating), string(StatusInUse)},
	doneUnassociate: {string(StatusUnassociating), string(StatusAvailable)}, doneRelease: {string(StatusReleasing), ""}}

// initEIPDelays looks the delays of the EIP completions up once (New), so
// that scheduling one costs no map access.
func (s *Sim) initEIPDelays() {
	for d, a := range eipDoneActions {
		if a != "" {
			s.eipDelays[d] = s.cfg.delays[a]
		}
	}
}

// scheduleEIP queues the completion done of e's write, accepted as call c:
// after the action's delay and what the Latency and Stuck rules make of it
// (as delay and delayed do, intercept.go). e.pending is set to the task
// (unless it already is: a reused task was most likely e's last). c's
// Action is done's (eipDoneActions). The task's Action, resource and states
// are done's and e's ID (task.actionOf, task.resourceID, task.states), not
// written here. A reused task (newTask) was most likely e's last one (the
// free list is last in, first out): its eip is written only when it is
// another, which saves a write barrier while the GC marks.
func (s *Sim) scheduleEIP(c *call, e *eip, done eipDone) {
	d, stuck := s.eipDelays[done], false
	if s.hooks.live != 0 {
		d, stuck = s.delayRules(c, e.id, d)
	}
	s.taskSeq++
	t := s.newTask()
	// Field by field, not *t = task{...}: a struct copy into the heap is a
	// bulk write barrier while the GC marks. apply is nil (newTask).
	t.due, t.seq, t.stuck, t.done = c.after(d), s.taskSeq, 0, done
	t.rid = c.rid
	if t.eip != e {
		t.eip = e
	}
	s.tasks.push(t)
	if e.pending != t {
		e.pending = t
	}
	if stuck || len(s.hooks.stuck) > 0 {
		s.delayed(t, stuck)
	}
}

// pendingTask returns e's pending completion task, or nil. e.pending is
// the last task scheduled for e and stays when the task applies (a write
// barrier fewer per completion while the GC marks), so it is e's pending
// task only while it is queued (index >= 0) and for e: an applied task is
// popped (index -1), a cancelled one removed (index -1), and a reused one
// queued again is another EIP's (eip) unless it is e's next, which
// scheduleEIP then made e.pending. Nothing but EIP completions is ever an
// EIP's pending.
func (e *eip) pendingTask() *task {
	if t := e.pending; t != nil && t.index >= 0 && t.eip == e {
		return t
	}
	return nil
}

// maxFreeTasks is how many applied EIP tasks a Sim keeps for reuse.
const maxFreeTasks = 16

// newTask returns an EIP task to fill in: a reused one (which keeps its
// last fields until then), or a new one. Its apply is nil.
func (s *Sim) newTask() *task {
	if n := len(s.freeTasks); n > 0 {
		t := s.freeTasks[n-1]
		s.freeTasks = s.freeTasks[:n-1]
		return t
	}
	return new(task)
}

// freeTask keeps an applied EIP task for reuse. Nothing refers to it any
// more but stuck-task entries, which see that it left the queue (index
// -1, set by pop) and, once it is reused, that its sequence number is
// another. It is not cleared: at most maxFreeTasks tasks keep what they
// last referred to. newTask leaves the slot it took from as it was, so
// the task freed next, nearly always that one, is put back by reslicing
// alone: no pointer written (a write barrier while the GC marks).
func (s *Sim) freeTask(t *task) {
	n := len(s.freeTasks)
	switch {
	case n < cap(s.freeTasks) && s.freeTasks[:n+1][n] == t:
		s.freeTasks = s.freeTasks[:n+1]
	case n < maxFreeTasks:
		s.freeTasks = append(s.freeTasks, t)
	}
}

// completeEIP applies an EIP completion task at its due time.
func (s *Sim) completeEIP(t *task) {
	at := stampAt(t.due)
	e := t.eip // e.pending stays t, no longer pending (pendingTask)
	switch t.done {
	case doneAssociate:
		s.fire(at, e, evAssociateDone, ActionAssociateEipAddress, t.rid)
	case doneUnassociate:
		s.unbind(e)
		s.fire(at, e, evUnassociateDone, ActionUnassociateEipAddress, t.rid)
	case doneRelease:
		s.fire(at, e, evReleaseDone, ActionReleaseEipAddress, t.rid)
		s.removeEIP(e)
	default:
		panic("eipsim: task without apply")
	}
}

// stick holds t back: it stays pending, and never comes due until unstick.
func (s *Sim) stick(t *task) {
	if t.index < 0 || t.due == math.MaxInt64 {
		return
	}
	t.stuck, t.due = t.due, math.MaxInt64
	s.tasks.fix(t.index)
}

// unstick lets a stuck task apply at max(its original due time, now).
func (s *Sim) unstick(t *task, now time.Time) {
	if t.index < 0 || t.due != math.MaxInt64 {
		return
	}
	t.due = max(t.stuck, nanos(now))
	t.stuck = 0
	s.tasks.fix(t.index)
}

// cancel removes t from the queue if it is still there.
func (s *Sim) cancel(t *task) {
	if t != nil && t.index >= 0 && t.index < len(s.tasks) && s.tasks[t.index].t == t {
		s.tasks.remove(t.index)
	}
}

// settle applies, in (due, seq) order, every task due at or before now.
// Tasks scheduled by tasks are picked up in the same pass if already due.
// Each task runs with its own due time as "now", so results do not depend
// on how coarsely the clock was advanced.
func (s *Sim) settle(now time.Time) { s.settleAt(nanos(now)) }

// settleAt is settle for the instant n (Unix nanoseconds). When nothing is
// due and no released EIPs wait for compaction, it is two comparisons.
func (s *Sim) settleAt(n int64) {
	if len(s.tasks) > 0 && s.tasks[0].due <= n || s.dead > minCompact {
		s.settleDue(n)
	}
}

// minCompact is how many released EIPs compactEIPs waits for at least:
// with fewer it does nothing, so settle need not call it.
const minCompact = 64

// settleDue is settleAt's work: the due tasks applied, then the released
// EIPs compacted if enough wait.
func (s *Sim) settleDue(n int64) {
	for len(s.tasks) > 0 && s.tasks[0].due <= n {
		t := s.tasks.pop()
		s.changed()
		if t.apply != nil {
			// time.Unix(0, t.due), split here by one constant division,
			// which Unix's normalization then skips (TestUnixSplit).
			t.apply(time.Unix(t.due/1e9, t.due%1e9))
		} else {
			s.completeEIP(t)
			s.freeTask(t)
		}
	}
	if s.dead > minCompact {
		s.compactEIPs()
	}
}

// Settle applies every task that is due by the clock's current time. Every
// public method settles first, so Settle is only needed by callers that move
// the clock and then look at nothing but [Sim.Tasks] or [Sim.History].
func (s *Sim) Settle() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settleAt(s.nowNanos())
}

// Tasks returns the pending tasks in the order they will apply.
func (s *Sim) Tasks() []Task {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	out := make([]Task, len(s.tasks))
	for i, x := range s.tasks {
		out[i] = x.t.snapshot()
	}
	slices.SortFunc(out, func(a, b Task) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return cmp.Compare(a.Seq, b.Seq)
	})
	return out
}
