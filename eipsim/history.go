package eipsim

import "time"

// EventKind says what a history Event records.
type EventKind string

// The kinds of history events.
const (
	// EventKindCall is an API call, accepted or refused (Code set).
	EventKindCall EventKind = "call"
	// EventKindTransition is a resource changing status, with From and To.
	EventKindTransition EventKind = "transition"
	// EventKindWorld is a change made through a setup method.
	EventKindWorld EventKind = "world"
	// EventKindFault is an injected fault firing.
	EventKindFault EventKind = "fault"
)

// Event is one entry of the Sim's history.
type Event struct {
	// Seq numbers events from 1 in the order they happened.
	Seq       uint64
	Time      time.Time
	Kind      EventKind
	RequestID string
	AccountID string
	Action    Action
	// ResourceID is the resource the event concerns, if any.
	ResourceID string
	From, To   string
	// Code is the error code of a refused call or an injected fault.
	Code Code
	// Cause says why a transition happened: the RequestId or task that
	// caused it, or a setup method's name.
	Cause string
}

// history is a bounded log: with a limit, the oldest events are dropped
// and counted.
type history struct {
	events  []Event // a ring once full
	start   int
	seq     uint64
	limit   int
	dropped uint64
}

func (h *history) add(e Event) {
	h.seq++
	e.Seq = h.seq
	e.Time = e.Time.UTC()
	if h.limit == 0 || len(h.events) < h.limit {
		h.events = append(h.events, e)
		return
	}
	h.events[h.start] = e
	h.start = (h.start + 1) % len(h.events)
	h.dropped++
}

func (h *history) all() []Event {
	out := make([]Event, 0, len(h.events))
	out = append(out, h.events[h.start:]...)
	return append(out, h.events[:h.start]...)
}

// History returns the recorded events, oldest first: every call (with its
// RequestId, and its error code if refused), every status transition with
// its simulated time and cause, every setup change and every fault. When
// more than the history limit happened, the oldest are gone; see
// [Sim.HistoryDropped].
func (s *Sim) History() []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	return s.history.all()
}

// HistoryDropped returns how many events were dropped for the history limit.
func (s *Sim) HistoryDropped() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.history.dropped
}

// transition records a status change.
func (s *Sim) transition(at time.Time, action Action, resource, from, to, cause string) {
	s.history.add(Event{Time: at, Kind: EventKindTransition, Action: action, ResourceID: resource, From: from, To: to, Cause: cause})
}
