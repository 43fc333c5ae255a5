package scenarios

// The recorder: a [Recorder] writes the journal of a Sim (see
// [eipsim.WithJournal]) as a scenario file that replays to the same
// outputs:
//
//   - a "new-sim" line from the Sim's settings (only those not at their
//     defaults), and the rules of WithFaults as inject-fault lines;
//   - every setup method call as its harness command (add-instance, lock,
//     set-instance-status, ...), with output "ok" or "error: …";
//   - every Action call as a CamelCase line with wire parameter names and
//     the rendered response ([Renderer]); "as-account ID" before a call
//     made as another account;
//   - clock moves as "advance <delta>", with the transitions they applied;
//   - RequestIds drawn outside recorded calls (an HTTP authentication
//     failure, a Call refused before its action ran) as
//     "skip-request-ids N", so the generator stays in step;
//   - [eipsim.Sim.CheckInvariants] as "check".
//
// A recording stops after [RecordingLimit] calls and says so in a final
// comment; the file still replays (its prefix).

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"

	"github.com/eipsim/eipsim/eipsim"
)

// RecordingLimit is how many calls a recording holds at most, so that long
// property tests use bounded memory.
const RecordingLimit = 20_000

// Recorder writes one Sim's journal as a scenario file. Make the Sim with
// its [Recorder.Option]; [Recorder.Bytes] returns the file so far. It is
// safe for concurrent use.
type Recorder struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	render Renderer
	// pending are the lines (clock moves, skipped RequestIds, account
	// switches) that wait for the call they come before.
	pending []recordedLine
	calls   int
	stopped bool
}

// recordedLine is one command and its output ("" prints "ok").
type recordedLine struct{ cmd, out string }

// NewRecorder returns a Recorder that has recorded nothing yet.
func NewRecorder() *Recorder { return &Recorder{} }

// Option is the Sim option that makes the Sim report to r: pass it to
// [eipsim.New] of one Sim.
func (r *Recorder) Option() eipsim.Option { return eipsim.WithJournal(r.Observe) }

// Record is [eipsim.New] with opts and a new Recorder's option.
func Record(opts ...eipsim.Option) (*eipsim.Sim, *Recorder, error) {
	r := NewRecorder()
	sim, err := eipsim.New(append(opts, r.Option())...)
	return sim, r, err
}

// Bytes returns the scenario text of everything recorded so far.
func (r *Recorder) Bytes() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := bytes.Clone(r.buf.Bytes())
	if r.stopped {
		out = append(out, fmt.Sprintf("\n# The recording stopped after %d operations.\n", RecordingLimit)...)
	}
	return out
}

// Observe writes one journal entry: the observer of [Recorder.Option].
func (r *Recorder) Observe(e eipsim.Entry) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped {
		return
	}
	switch e.Kind {
	case eipsim.EntryNew:
		r.render = Renderer{Start: e.Time}
		r.write(newSimLine(e.Settings), "")
		for i, f := range e.Settings.Faults {
			r.write(faultLine(f), fmt.Sprintf("f-%04d", i+1))
		}
	case eipsim.EntrySkip:
		r.pending = append(r.pending, recordedLine{line("skip-request-ids").word(strconv.FormatUint(e.N, 10)).String(), ""})
	case eipsim.EntryAdvance:
		r.pending = append(r.pending, recordedLine{line("advance").word(e.Time.Sub(e.From).String()).String(), r.render.Transitions(e.Events)})
	case eipsim.EntryAccount:
		r.pending = append(r.pending, recordedLine{line("as-account").word(FormatValue(e.Account)).String(), ""})
	case eipsim.EntryAction:
		if r.call() {
			out := ""
			if e.Err != nil {
				out = r.render.Error(e.Err)
			} else {
				out = r.render.Response(e.Response)
			}
			r.write(actionLine(e.Action, e.Request), out)
		}
	case eipsim.EntrySetup:
		if r.call() {
			if line, out, ok := r.setupLine(e); ok {
				r.write(line, out)
			} else {
				r.buf.WriteString("\n# The recorder cannot write the setup call " + e.Method + "; the replay will differ.\n")
			}
		}
	}
}

// call counts a recorded call and writes the lines that wait for it; it
// reports false once the recording has stopped.
func (r *Recorder) call() bool {
	pending := r.pending
	r.pending = r.pending[:0]
	if r.calls >= RecordingLimit {
		r.stopped = true
		return false
	}
	r.calls++
	for _, l := range pending {
		r.write(l.cmd, l.out)
	}
	return true
}

// write appends one command and its output ("" prints "ok"), in the
// canonical form of [Format].
func (r *Recorder) write(line, out string) {
	if r.buf.Len() > 0 {
		r.buf.WriteByte('\n')
	}
	if out == "" {
		out = "ok"
	}
	r.buf.WriteString(line)
	r.buf.WriteString("\n----\n")
	if needsDoubleSeparator(out) {
		r.buf.WriteString("----\n")
		r.buf.WriteString(out)
		r.buf.WriteString("\n----\n----\n")
		return
	}
	r.buf.WriteString(out)
	r.buf.WriteByte('\n')
}
