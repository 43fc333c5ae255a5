package eipsimtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"pgregory.net/rapid"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/scenarios"
)

// ModelProperty is the model-based property as a rapid property: it draws a
// world with [DrawWorld], then runs the [Machine]'s actions with
// [rapid.T.Repeat]. onFail, if not nil, receives every failure (the last
// one rapid reports is the shrunk one).
func ModelProperty(onFail func(*Failure)) func(*rapid.T) {
	return modelProperty(onFail, nil)
}

// modelProperty is ModelProperty adding the operations each case ran to
// *steps when steps is not nil.
func modelProperty(onFail func(*Failure), steps *int) func(*rapid.T) {
	return func(t *rapid.T) {
		mc, err := NewMachine(DrawWorld(RapidDriver(t)))
		if err != nil {
			t.Fatalf("building the world: %v", err)
		}
		mc.OnFail = onFail
		t.Repeat(mc.Actions(t))
		if steps != nil {
			*steps += len(mc.ops)
		}
	}
}

// CheckModel checks [ModelProperty] with rapid.Check. When it fails, the
// shrunk operation sequence is written as a scenario file (see
// [WriteFailure]) and the test's log names the file and the command that
// replays it.
func CheckModel(tb rapid.TB) *Failure {
	tb.Helper()
	f, _ := CheckModelSteps(tb)
	return f
}

// CheckModelSteps is [CheckModel] that also returns how many operations
// (model steps: Actions and harness commands such as clock moves; the
// replays of shrinking included) the run made, for tests that promise a
// budget.
func CheckModelSteps(tb rapid.TB) (f *Failure, steps int) {
	tb.Helper()
	var last *Failure
	defer func() {
		if last == nil {
			return
		}
		path, err := WriteFailure(tb.Name(), last)
		if err != nil {
			tb.Logf("writing the failing scenario: %v", err)
			return
		}
		tb.Logf("shrunk failure (%d operations) written to %s\nreplay it with: %s", last.Steps, path, replayCommand(path))
	}()
	rapid.Check(tb, modelProperty(func(f *Failure) { last = f }, &steps))
	return last, steps
}

// WriteFailure writes a failure as a scenario file
// <dir>/<name>-<n>.txt (n the first free number; dir is $EIPSIM_SCENARIO_DIR
// or testdata/eipsim) and returns its path. The file is the Sim's own
// recording ([scenarios.Recorder]) of the failure's operations replayed
// on a new Sim of its world, outputs included, after the failure message as
// "#" lines: "eipsim run FILE" replays it to the same outputs.
func WriteFailure(name string, f *Failure) (string, error) {
	text, err := Record(f.World, f.Ops, "Shrunk counterexample of "+name+", written by eipsimtest:\n"+f.Message)
	if err != nil {
		return "", err
	}
	dir := os.Getenv(ScenarioDirEnv)
	if dir == "" {
		dir = filepath.Join("testdata", "eipsim")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	base := fileName(name)
	for n := 1; ; n++ {
		path := filepath.Join(dir, fmt.Sprintf("%s-%d.txt", base, n))
		fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if os.IsExist(err) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = fh.Write(text)
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
		return path, err
	}
}

// Record replays ops on a new Sim of w with a [scenarios.Recorder], checks
// its invariants at the end, and returns the recording: a scenario file,
// outputs included, that "eipsim run" replays. header, if not empty, is
// written first as "#" lines. NAT gateways, their entries and HaVips are
// recorded like everything else.
func Record(w World, ops []Op, header string) ([]byte, error) {
	allocs := 0
	for _, op := range ops {
		if op.Cmd == string(eipsim.ActionAllocateEipAddress) {
			allocs++
		}
	}
	clk := NewClock()
	// Pin only the AllocationIds the run can use, so that new-sim stays short.
	rec := scenarios.NewRecorder()
	sim, err := eipsim.New(append(w.options(clk, pinned[:min(allocs, len(pinned))]), rec.Option())...)
	if err != nil {
		return nil, err
	}
	if err := w.populate(sim); err != nil {
		return nil, err
	}
	for _, op := range ops {
		Apply(context.Background(), sim, clk, op) //nolint:errcheck // the recording has the outcome
	}
	sim.CheckInvariants() //nolint:errcheck // recorded as "check"
	var b strings.Builder
	for _, l := range strings.Split(header, "\n") {
		if header != "" {
			b.WriteString("# " + l + "\n")
		}
	}
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	return append([]byte(b.String()), rec.Bytes()...), nil
}
