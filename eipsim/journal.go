package eipsim

// The journal: a Sim made with [WithJournal] reports what is done to it, as
// typed [Entry] values, in the order the Sim saw it:
//
//   - [EntryNew] first, with the Sim's [Settings];
//   - every setup method call ([EntrySetup]) with its arguments as given,
//     its result and its error;
//   - every Action call, through [Sim.Call] or a typed method
//     ([EntryAction]), with its typed request and its response or error;
//     [EntryAccount] before a call made as another account than the one
//     before;
//   - clock moves ([EntryAdvance]), seen from the clock's Now() between two
//     journaled calls, with the transitions they applied;
//   - RequestIds drawn outside journaled calls ([EntrySkip]: an HTTP
//     authentication failure, a Call refused before its action ran).
//
// Journaled calls are serialized by the journal's own lock (taken before
// the Sim's), so the entries come in the order the Sim saw the calls; the
// observer runs with that lock held and must not call the Sim. Reads
// (snapshots such as Sim.EIP, Tasks, History, Settle) are not journaled:
// they change nothing. The clock is assumed to move only between calls, as
// the fast test clocks do.
//
// Without an observer the journal costs one nil check per call. Package
// scenarios writes a journal as a scenario file (its Recorder).

import (
	"context"
	"sync"
	"time"
)

// EntryKind says what a journal [Entry] reports.
type EntryKind uint8

// The kinds of journal entries.
const (
	// EntryNew: the Sim was made with Settings, its clock at Time.
	EntryNew EntryKind = iota + 1
	// EntryAdvance: the clock moved from From to Time between two
	// journaled calls; Events are the history events the move applied.
	EntryAdvance
	// EntrySkip: N RequestIds were drawn outside journaled calls.
	EntrySkip
	// EntryAccount: the following Actions are calls of Account.
	EntryAccount
	// EntryAction: an Action call, with Request (the typed request struct
	// by value) and Response (a pointer to the typed response) or Err.
	EntryAction
	// EntrySetup: a call of the setup method named Method, with Args as
	// given, its Result (if it returns one besides an error) and Err;
	// Events are the history events during the call.
	EntrySetup
)

// Entry is one thing a Sim's journal reports; which fields are set depends
// on Kind.
type Entry struct {
	Kind EntryKind
	// Time is the clock's time of the entry.
	Time time.Time

	Settings *Settings // EntryNew
	From     time.Time // EntryAdvance
	Events   []Event   // EntryAdvance, EntrySetup
	N        uint64    // EntrySkip
	Account  string    // EntryAccount

	Action   Action // EntryAction
	Request  any    // EntryAction
	Response any    // EntryAction: nil when Err is set

	Method string // EntrySetup: the Sim method's name, such as "AddInstance"
	Args   []any  // EntrySetup
	Result any    // EntrySetup: string, bool, int or FaultHandle; nil if none

	Err error // EntryAction (an *Error), EntrySetup
}

// WithJournal makes the Sim report what is done to it to observe, one
// [Entry] at a time (see the journal's rules in journal.go: order, lock).
// Default: no journal.
func WithJournal(observe func(Entry)) Option {
	return func(cfg *config) error { cfg.journal = observe; return nil }
}

// journal is a Sim's journal, nil without an observer.
type journal struct {
	mu   sync.Mutex
	emit func(Entry)
	// State at the end of the last journaled call.
	last     time.Time
	mark     uint64 // history sequence number
	opMark   uint64 // history sequence number when the current call began
	requests uint64 // RequestIds drawn
	account  string
}

// initJournal starts the journal of a new Sim, if its options ask for it.
func (s *Sim) initJournal() {
	if s.cfg.journal == nil {
		return
	}
	now := s.clock.Now()
	j := &journal{emit: s.cfg.journal, last: now, account: DefaultAccountID}
	set := s.cfg.settings(now)
	j.emit(Entry{Kind: EntryNew, Time: now, Settings: &set})
	s.jr = j
}

// journalKey marks the context of a call the journal is running, so that
// the action's own frame does not journal it a second time.
type journalKey struct{}

// journaled returns the journal when the call should be journaled: the
// Sim has one, and the call is not already being journaled.
// Without a journal it is one nil check, inlined into the frame.
func (s *Sim) journaled(ctx context.Context) *journal {
	if s.jr == nil {
		return nil
	}
	return s.jr.outside(ctx)
}

// outside returns j unless ctx is that of a call j is running. It is kept
// out of line so that journaled stays small enough to inline.
//
//go:noinline
func (j *journal) outside(ctx context.Context) *journal {
	if ctx != nil && ctx.Value(journalKey{}) != nil {
		return nil
	}
	return j
}

// journalAction runs the action method f as a journaled call: the frame's
// first step (serve.go).
func journalAction[Req, Resp any](s *Sim, j *journal, ctx context.Context, action Action, req Req,
	f func(*Sim, context.Context, Req) (*Resp, error)) (*Resp, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	now := j.begin(s)
	if acct := AccountFrom(ctx); acct != j.account {
		j.emit(Entry{Kind: EntryAccount, Time: now, Account: acct})
		j.account = acct
	}
	resp, err := f(s, context.WithValue(ctx, journalKey{}, true), req)
	e := Entry{Kind: EntryAction, Time: now, Action: action, Request: req, Err: err}
	if err == nil {
		e.Response = resp
	}
	j.emit(e)
	j.end(s)
	return resp, err
}

// setup journals a setup method call. It is deferred at the top of the
// method, when the Sim has a journal: setup runs before the method's body,
// the returned function after it, with the method's error (nil: none) and
// result (nil: none; else a pointer to a string, bool, int or FaultHandle).
func (j *journal) setup(s *Sim, method string, result any, args ...any) func(*error) {
	j.mu.Lock()
	now := j.begin(s)
	return func(errp *error) {
		defer j.mu.Unlock()
		e := Entry{Kind: EntrySetup, Time: now, Method: method, Args: args}
		if errp != nil {
			e.Err = *errp
		}
		if e.Err == nil {
			e.Result = deref(result)
		}
		s.mu.Lock()
		e.Events = s.history.since(j.opMark)
		s.mu.Unlock()
		j.emit(e)
		j.end(s)
	}
}

// deref returns the value a setup method's result pointer points to.
func deref(p any) any {
	switch p := p.(type) {
	case *string:
		return *p
	case *bool:
		return *p
	case *int:
		return *p
	case *FaultHandle:
		return *p
	}
	return nil
}

// begin starts a journaled call with j.mu held: it reports the RequestIds
// drawn and the clock move since the last one, and returns the time.
func (j *journal) begin(s *Sim) time.Time {
	s.mu.Lock()
	now := s.clock.Now()
	requests := s.ids.requests
	var moved []Event
	if !now.Equal(j.last) {
		s.settle(now)
		moved = s.history.since(j.mark)
	}
	j.opMark = s.history.seq
	s.mu.Unlock()
	if n := requests - j.requests; n > 0 {
		j.emit(Entry{Kind: EntrySkip, Time: now, N: n})
	}
	if !now.Equal(j.last) {
		j.emit(Entry{Kind: EntryAdvance, Time: now, From: j.last, Events: moved})
		j.last = now
	}
	return now
}

// end notes where the Sim is after a journaled call.
func (j *journal) end(s *Sim) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j.mark = s.history.seq
	j.requests = s.ids.requests
	j.last = s.clock.Now()
}
