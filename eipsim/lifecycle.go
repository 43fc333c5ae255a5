package eipsim

import (
	"fmt"

	"github.com/looplab/fsm"
)

// Status is an EIP's lifecycle status, spelled as DescribeEipAddresses
// spells it.
type Status string

// The EIP statuses (VPC API, DescribeEipAddresses).
const (
	StatusAvailable     Status = "Available"
	StatusAssociating   Status = "Associating"
	StatusInUse         Status = "InUse"
	StatusUnassociating Status = "Unassociating"
	StatusReleasing     Status = "Releasing"
	// StatusReleased is not a cloud status: a released EIP is gone. It is
	// the destination of the release_done event, so that the declaration
	// covers the whole life of an EIP.
	StatusReleased Status = "Released"
)

// The lifecycle events.
const (
	EventAssociate       = "associate"
	EventAssociateDone   = "associate_done"
	EventUnassociate     = "unassociate"
	EventUnassociateDone = "unassociate_done"
	EventDetach          = "detach"
	EventRelease         = "release"
	EventReleaseDone     = "release_done"
)

// LifecycleEvents declares the EIP lifecycle. It is the single source of
// truth: the engine's transitions go through a table compiled from it, the
// README diagram is generated from it, and a test checks the table against a
// real fsm.FSM for every (status, event) pair.
var LifecycleEvents = fsm.Events{
	// AssociateEipAddress accepted: query-only until the task completes.
	{Name: EventAssociate, Src: []string{string(StatusAvailable)}, Dst: string(StatusAssociating)},
	// The association task completed.
	{Name: EventAssociateDone, Src: []string{string(StatusAssociating)}, Dst: string(StatusInUse)},
	// UnassociateEipAddress accepted.
	{Name: EventUnassociate, Src: []string{string(StatusInUse)}, Dst: string(StatusUnassociating)},
	// The unassociation task completed.
	{Name: EventUnassociateDone, Src: []string{string(StatusUnassociating)}, Dst: string(StatusAvailable)},
	// The target disappeared (for example its ECS instance was deleted): the
	// binding is dropped and the EIP is free again.
	{Name: EventDetach, Src: []string{string(StatusAssociating), string(StatusInUse), string(StatusUnassociating)}, Dst: string(StatusAvailable)},
	// ReleaseEipAddress accepted: only Available EIPs can be released.
	{Name: EventRelease, Src: []string{string(StatusAvailable)}, Dst: string(StatusReleasing)},
	// The release task completed: the EIP disappears from Describe.
	{Name: EventReleaseDone, Src: []string{string(StatusReleasing)}, Dst: string(StatusReleased)},
}

// state is the compact, one-byte form of a Status used in the EIP records.
type state uint8

// event is the compact form of a lifecycle event.
type event uint8

// table is LifecycleEvents compiled into a dense [state][event] table;
// noState marks a transition the declaration does not allow. dst is an
// array, so that fire is one load without bounds checks (the indexes are
// masked: every state and event is below maxTable).
type table struct {
	states []Status
	events []string
	dst    [maxTable][maxTable]state
}

// maxTable is the most states and events a table has room for.
const maxTable = 16

const noState = state(255)

func (t *table) stateOf(s Status) state {
	for i, x := range t.states {
		if x == s {
			return state(i)
		}
	}
	return noState
}

func (t *table) eventOf(name string) event {
	for i, x := range t.events {
		if x == name {
			return event(i)
		}
	}
	panic("eipsim: unknown lifecycle event " + name) // a typo in this package; tests cover every event
}

// compile builds the dense table from an fsm declaration. States are
// numbered in the order they first appear, so the numbering is stable.
func compile(events fsm.Events) *table {
	t := &table{}
	add := func(s string) {
		if t.stateOf(Status(s)) == noState {
			t.states = append(t.states, Status(s))
		}
	}
	for _, e := range events {
		for _, src := range e.Src {
			add(src)
		}
		add(e.Dst)
		t.events = append(t.events, e.Name)
	}
	if len(t.states) > maxTable || len(t.events) > maxTable {
		panic(fmt.Sprintf("eipsim: a table of %d states and %d events (at most %d of each)", len(t.states), len(t.events), maxTable))
	}
	for i := range t.dst {
		for j := range t.dst[i] {
			t.dst[i][j] = noState
		}
	}
	for j, e := range events {
		for _, src := range e.Src {
			t.dst[t.stateOf(Status(src))][j] = t.stateOf(Status(e.Dst))
		}
	}
	return t
}

// fire returns the state after ev from s, and whether the declaration
// allows it.
func (t *table) fire(s state, ev event) (state, bool) {
	d := t.dst[s%maxTable][ev%maxTable]
	return d, d != noState
}

var lifecycle = compile(LifecycleEvents)

// Compiled states and events of the lifecycle, for the hot path.
var (
	stAvailable     = lifecycle.stateOf(StatusAvailable)
	stAssociating   = lifecycle.stateOf(StatusAssociating)
	stInUse         = lifecycle.stateOf(StatusInUse)
	stUnassociating = lifecycle.stateOf(StatusUnassociating)
	stReleasing     = lifecycle.stateOf(StatusReleasing)
	stReleased      = lifecycle.stateOf(StatusReleased)

	evAssociate       = lifecycle.eventOf(EventAssociate)
	evAssociateDone   = lifecycle.eventOf(EventAssociateDone)
	evUnassociate     = lifecycle.eventOf(EventUnassociate)
	evUnassociateDone = lifecycle.eventOf(EventUnassociateDone)
	evDetach          = lifecycle.eventOf(EventDetach)
	evRelease         = lifecycle.eventOf(EventRelease)
	evReleaseDone     = lifecycle.eventOf(EventReleaseDone)
)

// LifecycleDiagram renders a diagram of LifecycleEvents, generated by
// looplab/fsm: format is "mermaid" or "dot".
func LifecycleDiagram(format string) (string, error) {
	return diagram(LifecycleEvents, string(StatusAvailable), format)
}

func diagram(events fsm.Events, initial, format string) (string, error) {
	f := fsm.NewFSM(initial, events, nil)
	switch format {
	case "mermaid":
		return fsm.VisualizeWithType(f, fsm.MERMAID)
	case "dot":
		return fsm.VisualizeWithType(f, fsm.GRAPHVIZ)
	}
	return "", fmt.Errorf("eipsim: unknown diagram format %q (want mermaid or dot)", format)
}
