package eipsim

import (
	"cmp"
	"container/heap"
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
	due      int64 // UnixNano
	seq      uint64
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
	return Task{ID: taskID(t.seq), Due: time.Unix(0, t.due).UTC(), Seq: t.seq, Action: t.action,
		ResourceID: t.resource, From: t.from, To: t.to}
}

func taskID(seq uint64) string { return "t-" + pad4(seq) }

// taskQueue is a min-heap on (due, seq): a total order, so equal due
// times apply in scheduling order.
type taskQueue []*task

func (q taskQueue) Len() int { return len(q) }
func (q taskQueue) Less(i, j int) bool {
	if q[i].due != q[j].due {
		return q[i].due < q[j].due
	}
	return q[i].seq < q[j].seq
}
func (q taskQueue) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index = i
	q[j].index = j
}
func (q *taskQueue) Push(x any) {
	t := x.(*task)
	t.index = len(*q)
	*q = append(*q, t)
}
func (q *taskQueue) Pop() any {
	old := *q
	n := len(old)
	t := old[n-1]
	old[n-1] = nil
	t.index = -1
	*q = old[:n-1]
	return t
}

// schedule queues apply to run after d from now and returns the task.
func (s *Sim) schedule(now time.Time, d time.Duration, action Action, resource, from, to string, apply func(at time.Time)) *task {
	s.taskSeq++
	t := &task{due: now.Add(d).UnixNano() - int64(b2i(bugs.earlyCompletion)), seq: s.taskSeq, action: action, resource: resource, from: from, to: to, apply: apply}
	heap.Push(&s.tasks, t)
	return t
}

// eipDone says which EIP completion a task applies.
type eipDone uint8

const (
	doneNone eipDone = iota
	doneAssociate
	doneUnassociate
	doneRelease
)

// scheduleEIP queues the completion done of e's write, accepted as call
// rid, after d from now; e.pending is set to the task.
func (s *Sim) scheduleEIP(now time.Time, d time.Duration, action Action, e *eip, from, to string, done eipDone, rid string) *task {
	s.taskSeq++
	t := &task{due: now.Add(d).UnixNano(), seq: s.taskSeq, action: action, resource: e.id, from: from, to: to, done: done, eip: e, rid: rid}
	heap.Push(&s.tasks, t)
	e.pending = t
	return t
}

// completeEIP applies an EIP completion task at its due time at.
func (s *Sim) completeEIP(t *task, at time.Time) {
	e := t.eip
	e.pending = nil
	switch t.done {
	case doneAssociate:
		s.fire(at, e, evAssociateDone, ActionAssociateEipAddress, t.rid)
	case doneUnassociate:
		if e.bind != nil {
			e.bind.target.detach(e)
			e.bind = nil
		}
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
	heap.Fix(&s.tasks, t.index)
}

// unstick lets a stuck task apply at max(its original due time, now).
func (s *Sim) unstick(t *task, now time.Time) {
	if t.index < 0 || t.due != math.MaxInt64 {
		return
	}
	t.due = max(t.stuck, now.UnixNano())
	t.stuck = 0
	heap.Fix(&s.tasks, t.index)
}

// cancel removes t from the queue if it is still there.
func (s *Sim) cancel(t *task) {
	if t != nil && t.index >= 0 && t.index < len(s.tasks) && s.tasks[t.index] == t {
		heap.Remove(&s.tasks, t.index)
	}
}

// settle applies, in (due, seq) order, every task due at or before now.
// Tasks scheduled by tasks are picked up in the same pass if already due.
// Each task runs with its own due time as "now", so results do not depend
// on how coarsely the clock was advanced.
func (s *Sim) settle(now time.Time) {
	n := now.UnixNano()
	for len(s.tasks) > 0 && s.tasks[0].due <= n {
		t := heap.Pop(&s.tasks).(*task)
		if t.apply != nil {
			t.apply(time.Unix(0, t.due))
		} else {
			s.completeEIP(t, time.Unix(0, t.due))
		}
	}
	s.compactEIPs()
}

// Settle applies every task that is due by the clock's current time. Every
// public method settles first, so Settle is only needed by callers that move
// the clock and then look at nothing but [Sim.Tasks] or [Sim.History].
func (s *Sim) Settle() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
}

// Tasks returns the pending tasks in the order they will apply.
func (s *Sim) Tasks() []Task {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	out := make([]Task, len(s.tasks))
	for i, t := range s.tasks {
		out[i] = t.snapshot()
	}
	slices.SortFunc(out, func(a, b Task) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return cmp.Compare(a.Seq, b.Seq)
	})
	return out
}
