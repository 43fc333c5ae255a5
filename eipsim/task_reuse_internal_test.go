package eipsim

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestTaskQueueKeepsOnlyAnEIPTask checks what pop's and push's saved
// pointer writes rely on: past the queue's length only slot 0 may hold a
// task, and only an EIP completion (apply nil) no longer queued; the queue
// pops in (due, seq) order all the same, and the free list never holds a
// task twice nor one that is queued.
func TestTaskQueueKeepsOnlyAnEIPTask(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	apply := func(time.Time) {}
	var seq uint64
	for step := range 20000 {
		switch op := rng.IntN(5); {
		case op < 2 || len(s.tasks) == 0:
			seq++
			var x *task
			if rng.IntN(2) == 0 {
				x = s.newTask()
				x.apply = nil
			} else {
				x = &task{apply: apply}
			}
			x.due, x.seq = int64(rng.IntN(50)), seq
			s.tasks.push(x)
		case op < 4:
			min := s.tasks[0]
			for _, e := range s.tasks {
				if e.less(&min) {
					min = e
				}
			}
			x := s.tasks.pop()
			if x != min.t || x.index != -1 {
				t.Fatalf("step %d: pop returned seq %d (index %d), want seq %d", step, x.seq, x.index, min.seq)
			}
			if x.apply == nil {
				s.freeTask(x)
			}
		default:
			i := rng.IntN(len(s.tasks))
			x := s.tasks[i].t
			s.cancel(x)
			if x.index != -1 {
				t.Fatalf("step %d: cancelled task has index %d", step, x.index)
			}
		}
		full := s.tasks[:cap(s.tasks)]
		for i := len(s.tasks); i < len(full); i++ {
			if x := full[i].t; x != nil && (i != 0 || x.apply != nil || x.index >= 0) {
				t.Fatalf("step %d: slot %d past the length %d holds a task (apply %v, index %d)",
					step, i, len(s.tasks), x.apply != nil, x.index)
			}
		}
		for i, e := range s.tasks {
			if e.t.index != i || e.due != e.t.due || e.seq != e.t.seq {
				t.Fatalf("step %d: entry %d is out of step with its task", step, i)
			}
		}
		seen := map[*task]bool{}
		for _, x := range s.freeTasks {
			if seen[x] || x.index >= 0 {
				t.Fatalf("step %d: free list holds a task twice or a queued one", step)
			}
			seen[x] = true
		}
	}
}

// TestFreeTaskReusedInPlace checks that a task taken from the free list and
// freed again goes back to its slot, the list as it was.
func TestFreeTaskReusedInPlace(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	a, b := new(task), new(task)
	s.freeTask(a)
	s.freeTask(b)
	for range 3 {
		x := s.newTask()
		if x != b {
			t.Fatal("newTask did not return the task freed last")
		}
		s.freeTask(x)
		if len(s.freeTasks) != 2 || s.freeTasks[0] != a || s.freeTasks[1] != b {
			t.Fatalf("free list %v, want [a b]", s.freeTasks)
		}
	}
	x, y := s.newTask(), s.newTask()
	s.freeTask(x) // b, into a's slot
	if len(s.freeTasks) != 1 || s.freeTasks[0] != b || y != a {
		t.Fatal("a task freed into another's slot is not written there")
	}
}
