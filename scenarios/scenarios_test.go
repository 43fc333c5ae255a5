package scenarios

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

var rewrite = flag.Bool("rewrite", false,
	"rewrite the expected outputs of the scenario files with the actual outputs of this run; read the diff before committing it")

// TestLibrary replays every scenario in library/ against the engine.
//
// NB: if this test fails, run `go test ./scenarios -rewrite` and inspect the
// diff (git diff scenarios/library). Only commit the changes if you understand
// what caused them and why they are right: these files are the contract of
// the simulator's behaviour.
func TestLibrary(t *testing.T) {
	replayDir(t, "library", NewEngineHandler, *rewrite)
}

// replayDir replays every *.txt file in dir, one subtest per file. No files is
// no failure, but it is logged.
func replayDir(t *testing.T, dir string, newHandler func() Handler, rewrite bool) {
	t.Helper()
	files, err := ListFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Logf("no scenario files in %s", dir)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			if err := checkFile(f, newHandler, rewrite); err != nil {
				t.Error(err)
			}
		})
	}
}

// checkFile replays one file and returns an error that reports every
// mismatch with its diff, or the malformed command. With rewrite it updates
// the file and reports nothing but errors.
func checkFile(path string, newHandler func() Handler, rewrite bool) error {
	res, err := ReplayFile(path, newHandler, Options{Rewrite: rewrite})
	if err != nil {
		return err
	}
	if rewrite || res.OK() {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d commands mismatched (run with -rewrite to accept the new outputs):\n", len(res.Mismatches), len(res.Outputs))
	for _, m := range res.Mismatches {
		b.WriteString(m.String())
	}
	return fmt.Errorf("%s", b.String())
}

// TestCheckFile shows that the library test fails on a mismatch and on a
// malformed file, passes on a good one, and that -rewrite fixes a mismatch.
func TestCheckFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	wrong := filepath.Join(dir, "wrong.txt")
	bad := filepath.Join(dir, "bad.txt")
	writeFile(t, good, "count\n----\ncount=1\n")
	writeFile(t, wrong, "count\n----\ncount=1\n\ncount\n----\ncount=1\n")
	writeFile(t, bad, "count\n----\ncount=1\n\ncount x=1\n----\n")

	if err := checkFile(good, newTestHandler, false); err != nil {
		t.Errorf("good file: %v", err)
	}
	err := checkFile(wrong, newTestHandler, false)
	if err == nil || !strings.Contains(err.Error(), wrong+":5: count\n--- want\n+++ got\n@@ -1 +1 @@\n-count=1\n+count=2\n") {
		t.Errorf("wrong file: err = %v, want the mismatch with its diff", err)
	}
	if err := checkFile(bad, newTestHandler, false); err == nil || !strings.Contains(err.Error(), bad+":5: count: unknown argument x") {
		t.Errorf("bad file: err = %v, want the malformed command", err)
	}
	if err := checkFile(wrong, newTestHandler, true); err != nil {
		t.Errorf("rewriting: %v", err)
	}
	if err := checkFile(wrong, newTestHandler, false); err != nil {
		t.Errorf("after rewrite: %v", err)
	}
}

// TestReplayDirEmpty checks that an empty library passes.
func TestReplayDirEmpty(t *testing.T) {
	replayDir(t, t.TempDir(), newTestHandler, false)
}
