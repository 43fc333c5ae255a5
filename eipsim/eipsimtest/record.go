package eipsimtest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/scenarios"
	"github.com/eipsim/eipsim/timeline"
)

// ScenarioDirEnv names the environment variable that sets where [New]
// writes the scenario of a failing test (default: testdata/eipsim in the
// test's package directory).
const ScenarioDirEnv = "EIPSIM_SCENARIO_DIR"

// reporter is what New needs of a test to write its scenario when it
// fails: *testing.T has it; *rapid.T has no Name, so rapid tests write their
// own (with a scenarios.Recorder).
type reporter interface {
	Name() string
	Failed() bool
	Logf(format string, args ...any)
}

// benchmark marks a *testing.B, whose calls are not recorded (recording
// costs time per call).
type benchmark interface{ ResetTimer() }

// recordable reports whether New records the Sim of tb.
func recordable(tb TB) (reporter, bool) {
	if _, ok := tb.(benchmark); ok {
		return nil, false
	}
	r, ok := tb.(reporter)
	return r, ok
}

// writeOnFailure writes rec, sim's recording, when the test has failed, and logs
// the path and the command that replays it; next to it, <name>.svg is the
// run's timeline picture (package timeline).
func writeOnFailure(r reporter, sim *eipsim.Sim, rec *scenarios.Recorder) {
	if !r.Failed() {
		return
	}
	path, err := WriteScenario(r.Name(), rec)
	if err != nil {
		r.Logf("eipsim: could not write the scenario of this test: %v", err)
		return
	}
	msg := fmt.Sprintf("eipsim: the calls of this test are in the scenario %s\nreplay it with: %s", path, replayCommand(path))
	pic := strings.TrimSuffix(path, ".txt") + ".svg"
	if err := os.WriteFile(pic, timeline.SVG(sim.History(), timeline.Options{Title: r.Name()}), 0o644); err != nil {
		msg += fmt.Sprintf("\n(could not write its timeline picture: %v)", err)
	} else {
		msg += "\nits timeline picture: " + pic
	}
	r.Logf("%s", msg)
}

// recorders are the Recorders of the Sims that New and NewMock record, until
// their test ends.
var recorders sync.Map // *eipsim.Sim → *scenarios.Recorder

// Recording returns the scenario text recorded so far of a Sim made by
// [New] or [NewMock] in a test that is still running, or nil when the Sim
// is not recorded (a benchmark's, a rapid test's, or one not made here).
func Recording(sim *eipsim.Sim) []byte {
	rec, ok := recorders.Load(sim)
	if !ok {
		return nil
	}
	return rec.(*scenarios.Recorder).Bytes()
}

// WriteScenario writes the recording of rec (the [scenarios.Recorder] of a
// Sim) to <dir>/<name>.txt, dir being $EIPSIM_SCENARIO_DIR or
// testdata/eipsim, and returns the path.
func WriteScenario(name string, rec *scenarios.Recorder) (string, error) {
	if rec == nil {
		return "", fmt.Errorf("no recording: the Sim was made without a scenarios.Recorder")
	}
	dir := os.Getenv(ScenarioDirEnv)
	if dir == "" {
		dir = filepath.Join("testdata", "eipsim")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, fileName(name)+".txt")
	head := fmt.Sprintf("# Recorded by eipsimtest from the failing test %s.\n# Replay: eipsim run %s\n", name, filepath.Base(path))
	return path, os.WriteFile(path, append([]byte(head), rec.Bytes()...), 0o644)
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

// fileName turns a test name (with subtests, "TestX/case_1") into a file
// name: TestX__case_1.
func fileName(test string) string {
	return unsafeChars.ReplaceAllString(strings.ReplaceAll(test, "/", "__"), "_")
}

// replayCommand is the shell command that replays path: "go run
// ./cmd/eipsim run <path from the module root>" inside this module, else go
// run of the module path.
func replayCommand(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			if rel, err := filepath.Rel(dir, abs); err == nil && strings.Contains(string(mod), "module github.com/eipsim/eipsim\n") {
				return "go run ./cmd/eipsim run " + rel + "   (from the module root, " + dir + ")"
			}
			break
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return "go run github.com/eipsim/eipsim/cmd/eipsim run " + abs
}
