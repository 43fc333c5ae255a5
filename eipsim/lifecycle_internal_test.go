package eipsim

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/looplab/fsm"
)

// TestCompiledTablesMatchFSM checks each compiled table against a real
// fsm.FSM for every (state, event) pair: the table allows exactly what
// looplab/fsm allows, with the same destination.
func TestCompiledTablesMatchFSM(t *testing.T) {
	for _, tt := range []struct {
		name   string
		events fsm.Events
		table  *table
		states int
	}{
		{"LifecycleEvents", LifecycleEvents, lifecycle, 6},
		{"BusinessStatusEvents", BusinessStatusEvents, businessTable, 2},
		{"SecurityLockEvents", SecurityLockEvents, securityTable, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.table.states) != tt.states {
				t.Fatalf("%d states compiled (%v), want %d", len(tt.table.states), tt.table.states, tt.states)
			}
			if len(tt.table.events) != len(tt.events) {
				t.Fatalf("%d events compiled, want %d", len(tt.table.events), len(tt.events))
			}
			allowed := 0
			for si, st := range tt.table.states {
				for ei, ev := range tt.table.events {
					f := fsm.NewFSM(string(st), tt.events, nil)
					err := f.Event(context.Background(), ev)
					dst, ok := tt.table.fire(state(si), event(ei))
					if ok != (err == nil) {
						t.Errorf("%s --%s-->: table allows=%v, fsm error=%v", st, ev, ok, err)
						continue
					}
					if !ok {
						if !errors.As(err, &fsm.InvalidEventError{}) {
							t.Errorf("%s --%s-->: fsm error %T, want InvalidEventError", st, ev, err)
						}
						continue
					}
					allowed++
					if got := string(tt.table.states[dst]); got != f.Current() {
						t.Errorf("%s --%s--> %s in the table, %s in fsm", st, ev, got, f.Current())
					}
				}
			}
			if allowed == 0 {
				t.Fatal("no transition allowed at all")
			}
		})
	}
}

// TestCompiledConstants checks the hot-path constants point at the states
// and events they are named after.
func TestCompiledConstants(t *testing.T) {
	for _, c := range []struct {
		got  state
		want Status
	}{{stAvailable, StatusAvailable}, {stAssociating, StatusAssociating}, {stInUse, StatusInUse},
		{stUnassociating, StatusUnassociating}, {stReleasing, StatusReleasing}, {stReleased, StatusReleased}} {
		if lifecycle.states[c.got] != c.want {
			t.Errorf("state %d is %s, want %s", c.got, lifecycle.states[c.got], c.want)
		}
	}
	for _, c := range []struct {
		got  event
		want string
	}{{evAssociate, EventAssociate}, {evAssociateDone, EventAssociateDone}, {evUnassociate, EventUnassociate},
		{evUnassociateDone, EventUnassociateDone}, {evDetach, EventDetach}, {evRelease, EventRelease}, {evReleaseDone, EventReleaseDone}} {
		if lifecycle.events[c.got] != c.want {
			t.Errorf("event %d is %s, want %s", c.got, lifecycle.events[c.got], c.want)
		}
	}
	if businessTable.states[bsLocked] != BusinessStatusFinancialLocked || securityTable.states[secLocked] != SecurityLocked {
		t.Error("lock state constants are mis-compiled")
	}
}

// TestEventOfPanicsOnTypo: an unknown event name is a bug in this package.
func TestEventOfPanicsOnTypo(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("eventOf(typo) did not panic")
		}
	}()
	lifecycle.eventOf("asociate")
}

// TestCompileRefusesLargeTable: a declaration with more states than a
// table's array holds would make fire read another state's row.
func TestCompileRefusesLargeTable(t *testing.T) {
	var events fsm.Events
	for i := range maxTable {
		events = append(events, fsm.EventDesc{Name: fmt.Sprint("e", i), Src: []string{fmt.Sprint("s", i)}, Dst: fmt.Sprint("s", i+1)})
	}
	defer func() {
		if recover() == nil {
			t.Fatal("compile of a table with maxTable+1 states did not panic")
		}
	}()
	compile(events)
}
