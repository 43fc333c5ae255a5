package eipsim

// The recorder: a Sim made with [WithRecording] writes down what is done to
// it, as a scenario file (the language of package scenarios) that replays
// to the same outputs:
//
//   - a "new-sim" line from the Sim's options (only those not at their
//     defaults);
//   - every setup method call as its harness command (add-instance, lock,
//     set-instance-status, ...), with output "ok" or "error: …";
//   - every Action call, through [Sim.Call] or a typed method, as a
//     CamelCase line with wire parameter names and the rendered response
//     ([Renderer]); "as-account ID" before a call made as another account;
//   - clock moves as "advance <delta>", inferred from the clock's Now()
//     between two recorded operations, with the transitions they applied;
//   - RequestIds drawn outside recorded calls (an HTTP authentication
//     failure, a Call refused before its action ran) as
//     "skip-request-ids N", so the generator stays in step;
//   - [Sim.CheckInvariants] as "check".
//
// Recorded operations are serialized by the recorder's own lock (taken
// before the Sim's), so the file's order is the order the Sim saw. Reads
// (Describe-free snapshots such as Sim.EIP, Tasks, History, Settle) are not
// recorded: they change nothing that a replay could miss. The clock is
// assumed to move only between calls, as the engine's fast test clocks do.
//
// A recording stops after [RecordingLimit] operations and says so in a
// final comment; the file still replays (its prefix).

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// RecordingLimit is how many operations a recording holds at most, so that
// long property tests use bounded memory.
const RecordingLimit = 20_000

// WithRecording makes the Sim record what is done to it; [Sim.Recording]
// returns the scenario file. Default: off.
func WithRecording() Option {
	return func(cfg *config) error { cfg.record = true; return nil }
}

// recorderRef is the Sim's recorder, nil when not recording. It is read
// without the Sim's lock at the top of every recorded method.
type recorderRef struct{ p atomic.Pointer[recorder] }

type recorder struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	render Renderer
	// State at the end of the last recorded operation.
	last     time.Time
	mark     uint64 // history sequence number
	opMark   uint64 // history sequence number when the current operation began
	requests uint64 // RequestIds drawn
	account  string
	ops      int
	stopped  bool
}

// initRecorder starts the recording of a new Sim, if its options ask for it.
func (s *Sim) initRecorder() {
	if !s.cfg.record {
		return
	}
	now := s.clock.Now()
	r := &recorder{render: Renderer{Start: now}, last: now, account: DefaultAccountID}
	r.write(newSimLine(&s.cfg, now), "")
	r.writeFaults(s.cfg.faults)
	s.rec.p.Store(r)
}

// Recording returns the scenario text of everything recorded so far, or
// nil when the Sim was not made with [WithRecording].
func (s *Sim) Recording() []byte {
	r := s.rec.p.Load()
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	out := bytes.Clone(r.buf.Bytes())
	if r.stopped {
		out = append(out, fmt.Sprintf("\n# The recording stopped after %d operations.\n", RecordingLimit)...)
	}
	return out
}

// recordingKey marks the context of a call the recorder is running, so that
// the action's own hook does not record it a second time.
type recordingKey struct{}

// recordedCall reports whether the call should be recorded: the Sim
// records, and the call is not already being recorded.
func (s *Sim) recordedCall(ctx context.Context) *recorder {
	r := s.rec.p.Load()
	if r == nil || ctx != nil && ctx.Value(recordingKey{}) != nil {
		return nil
	}
	return r
}

// recordAction runs the action f as a recorded call: the hook at the top of
// every typed action method.
func recordAction[Req, Resp any](s *Sim, r *recorder, ctx context.Context, action Action, req Req,
	f func(*Sim, context.Context, Req) (*Resp, error)) (*Resp, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.begin(s) {
		return f(s, context.WithValue(ctx, recordingKey{}, true), req)
	}
	if acct := AccountFrom(ctx); acct != r.account {
		r.write("as-account "+FormatValue(acct), "")
		r.account = acct
	}
	resp, err := f(s, context.WithValue(ctx, recordingKey{}, true), req)
	out := ""
	if err != nil {
		out = r.render.Error(err)
	} else {
		out = r.render.Response(resp)
	}
	r.write(actionLine(action, req), out)
	r.end(s)
	return resp, err
}

// recordSetup records a setup method call. It is deferred at the top of the
// method: recordSetup(op) runs before the method's body, the returned
// function after it, with the method's error.
func (s *Sim) recordSetup(op setupOp) func(*error) {
	r := s.rec.p.Load()
	if r == nil {
		return noRecord
	}
	r.mu.Lock()
	if !r.begin(s) {
		r.mu.Unlock()
		return noRecord
	}
	return func(errp *error) {
		defer r.mu.Unlock()
		out := ""
		if _, ok := op.(checkOp); ok {
			out = RenderInvariants(*errp)
		} else if errp != nil && *errp != nil {
			out = r.render.Error(*errp)
		} else if res, ok := op.(resultOp); ok {
			out = res.output(r.render, r.sinceBegin(s))
		}
		r.write(op.scenarioLine(), out)
		r.end(s)
	}
}

func noRecord(*error) {}

// begin starts a recorded operation with r.mu held: it writes the clock
// move and the RequestIds drawn since the last one. It reports false once
// the recording has stopped.
func (r *recorder) begin(s *Sim) bool {
	if r.stopped {
		return false
	}
	if r.ops >= RecordingLimit {
		r.stopped = true
		return false
	}
	r.ops++
	s.mu.Lock()
	now := s.clock.Now()
	requests := s.ids.requests
	var moved []Event
	if !now.Equal(r.last) {
		s.settle(now)
		moved = s.history.since(r.mark)
	}
	r.opMark = s.history.seq
	s.mu.Unlock()
	if n := requests - r.requests; n > 0 {
		r.write(fmt.Sprintf("skip-request-ids %d", n), "")
	}
	if !now.Equal(r.last) {
		r.write("advance "+now.Sub(r.last).String(), r.render.Transitions(moved))
		r.last = now
	}
	return true
}

// end notes where the Sim is after a recorded operation.
func (r *recorder) end(s *Sim) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r.mark = s.history.seq
	r.requests = s.ids.requests
	r.last = s.clock.Now()
}

// write appends one command and its output ("" prints "ok"), in the
// canonical form of package scenarios.
func (r *recorder) write(line, out string) {
	if r.buf.Len() > 0 {
		r.buf.WriteByte('\n')
	}
	if out == "" {
		out = "ok"
	}
	r.buf.WriteString(line + "\n----\n")
	if needsDoubleSeparator(out) {
		r.buf.WriteString("----\n" + out + "\n----\n----\n")
		return
	}
	r.buf.WriteString(out + "\n")
}

// needsDoubleSeparator reports whether out has a blank line or starts with
// "----", which the single separator form cannot hold.
func needsDoubleSeparator(out string) bool {
	if out == "----" || bytes.HasPrefix([]byte(out), []byte("----\n")) {
		return true
	}
	for _, l := range bytes.Split([]byte(out), []byte("\n")) {
		if len(bytes.TrimSpace(l)) == 0 {
			return true
		}
	}
	return false
}

// HistorySince returns the history events numbered after seq (see
// [Event.Seq]), oldest first: what happened since an earlier look.
func (s *Sim) HistorySince(seq uint64) []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	return s.history.since(seq)
}

// HistorySeq returns the sequence number of the newest history event (0
// before any). Unlike the other methods it does not settle first, so that
// "what happened since" covers the tasks that come due at the current time.
func (s *Sim) HistorySeq() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.history.seq
}
