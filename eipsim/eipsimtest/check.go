package eipsimtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"pgregory.net/rapid"
)

// ModelProperty is the model-based property as a rapid property: it draws a
// world with [DrawWorld], then runs the [Machine]'s actions with
// [rapid.T.Repeat]. onFail, if not nil, receives every failure (the last
// one rapid reports is the shrunk one).
func ModelProperty(onFail func(*Failure)) func(*rapid.T) {
	return func(t *rapid.T) {
		mc, err := NewMachine(DrawWorld(RapidDriver(t)))
		if err != nil {
			t.Fatalf("building the world: %v", err)
		}
		mc.OnFail = onFail
		t.Repeat(mc.Actions(t))
	}
}

// CheckModel checks [ModelProperty] with rapid.Check. When it fails, the
// shrunk operation sequence is written as a scenario file (see
// [WriteFailure]) and the test's log names the file and the command that
// replays it.
func CheckModel(tb rapid.TB) *Failure {
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
		tb.Logf("shrunk failure (%d operations) written to %s\nreplay it with: eipsim run %s", last.Steps, path, path)
	}()
	rapid.Check(tb, ModelProperty(func(f *Failure) { last = f }))
	return last
}

// WriteFailure writes a failure as a scenario file
// <dir>/<name>-<n>.txt, n being the first free number, and returns its
// path. Each operation gets an empty expected output, to be filled in with
// `eipsim run -rewrite`.
//
// This is the one place a failure becomes a file: when package scenarios
// has its recorder, it replaces the body.
func WriteFailure(name string, f *Failure) (string, error) {
	dir := os.Getenv(ScenarioDirEnv)
	if dir == "" {
		dir = filepath.Join("testdata", "eipsim")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("# Shrunk counterexample of " + name + ", written by eipsimtest.\n")
	for _, l := range strings.Split(f.Message, "\n") {
		b.WriteString("# " + l + "\n")
	}
	b.WriteString("# Expected outputs are empty: fill them in with eipsim run -rewrite, then read the diff.\n\n")
	for _, l := range f.Lines {
		b.WriteString(l + "\n----\n\n")
	}
	base := strings.NewReplacer("/", "_", " ", "_").Replace(name)
	for n := 1; ; n++ {
		path := filepath.Join(dir, fmt.Sprintf("%s-%d.txt", base, n))
		fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if os.IsExist(err) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = fh.WriteString(b.String())
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
		return path, err
	}
}
