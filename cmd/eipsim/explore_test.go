package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

func TestExploreCommand(t *testing.T) {
	dir := t.TempDir()
	status, stdout, stderr := eipsim(t, "explore", "-seed", "3", "-steps", "300", "-dir", dir)
	if status != exitOK || !strings.Contains(stdout, "ok: seed 3, 300 operations") {
		t.Fatalf("status %d\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}
	for _, args := range [][]string{{"explore", "-seed", "x"}, {"explore", "extra"}, {"explore", "-dir", ""}} {
		if status, _, _ := eipsim(t, args...); status != exitUsage {
			t.Errorf("%q: status %d, want %d", args, status, exitUsage)
		}
	}
}

// TestExploreCommandFailure: a failure exits 1 and names the scenario file
// and the command that replays it.
func TestExploreCommandFailure(t *testing.T) {
	saved := explore
	t.Cleanup(func() { explore = saved })
	explore = func(seed uint64, steps int, dir string) (*eipsimtest.Failure, string, error) {
		return &eipsimtest.Failure{Message: "planted", Steps: 2}, filepath.Join(dir, "explore-seed7-1.txt"), nil
	}
	dir := t.TempDir()
	status, stdout, _ := eipsim(t, "explore", "-seed", "7", "-dir", dir)
	want := "replay it with: eipsim run " + filepath.Join(dir, "explore-seed7-1.txt")
	if status != exitFail || !strings.Contains(stdout, "FAIL: seed 7: planted") || !strings.Contains(stdout, want) {
		t.Fatalf("status %d, stdout:\n%s", status, stdout)
	}
}

// TestRecordedRunReplays: the scenario eipsimtest.Record writes for a run
// (what a failing property test or explore writes) replays with "eipsim
// run" to identical outputs.
func TestRecordedRunReplays(t *testing.T) {
	dir := t.TempDir()
	for seed := uint64(1); seed <= 10; seed++ {
		nat := seed > 5 // runs with NAT gateways, SNAT/DNAT entries and HaVips
		w, ops, f := eipsimtest.RandomRun(seed, 200, nat)
		if f != nil {
			t.Fatalf("seed %d: %s", seed, f.Message)
		}
		text, err := eipsimtest.Record(w, ops, "a model run")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "run.txt")
		if err := os.WriteFile(path, text, 0o644); err != nil {
			t.Fatal(err)
		}
		if status, stdout, stderr := eipsim(t, "run", path); status != exitOK {
			t.Fatalf("seed %d: eipsim run: status %d\n%s\n%s\nfile:\n%s", seed, status, stdout, stderr, text)
		}
	}
}

// TestExploreCoverage: -coverage prints every catalogue code and rule with
// its count, and the reason of the codes the generators cannot reach.
func TestExploreCoverage(t *testing.T) {
	status, stdout, stderr := eipsim(t, "explore", "-coverage", "-runs", "2", "-steps", "200", "-dir", t.TempDir())
	if status != exitOK {
		t.Fatalf("status %d\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}
	for _, want := range []string{" steps\ncodes:\n", "  InvalidAllocationId.NotFound ", "  SignatureDoesNotMatch ", "(not generated: answered by the HTTP endpoint",
		"rules:", "  token-replay ", "  fault-spent "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no %q in:\n%s", want, stdout)
		}
	}
	if status, _, _ := eipsim(t, "explore", "-coverage", "-runs", "0"); status != exitUsage {
		t.Errorf("-runs 0: status %d, want %d", status, exitUsage)
	}
}

// TestExploreCoverageFailure: a disagreement found by a coverage run is
// written as a scenario and exits 1.
func TestExploreCoverageFailure(t *testing.T) {
	saved := exploreCoverage
	t.Cleanup(func() { exploreCoverage = saved })
	exploreCoverage = func(seed uint64, runs, steps int) (*eipsimtest.Coverage, *eipsimtest.Failure) {
		w, ops, _ := eipsimtest.RandomRun(seed, 5, false)
		return eipsimtest.NewCoverage(), &eipsimtest.Failure{Message: "planted", Steps: len(ops), World: w, Ops: ops}
	}
	dir := t.TempDir()
	status, stdout, _ := eipsim(t, "explore", "-coverage", "-seed", "4", "-dir", dir)
	want := "replay it with: eipsim run " + filepath.Join(dir, "explore-coverage-seed4")
	if status != exitFail || !strings.Contains(stdout, "FAIL: planted") || !strings.Contains(stdout, want) {
		t.Fatalf("status %d, stdout:\n%s", status, stdout)
	}
}
