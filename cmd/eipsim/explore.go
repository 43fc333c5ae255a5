package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// explore is eipsimtest.Explore and exploreCoverage
// eipsimtest.ExploreCoverage; tests replace them.
var (
	explore         = eipsimtest.Explore
	exploreCoverage = eipsimtest.ExploreCoverage
)

// runExplore is "eipsim explore": the model-based exploration of package
// eipsimtest from the command line.
func runExplore(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("explore", "[-seed N] [-steps M] [-dir D] [-coverage [-runs R]]",
		"Draw a world and M random operations from seed N, run them on the simulator and on the\n"+
			"reference model of package eipsimtest, and compare every response code and observable\n"+
			"state, with the simulator's invariants, after each one. On the first disagreement the\n"+
			"operations are shrunk and written, as the simulator's recording, to a scenario file in D.\n"+
			"With -coverage, R runs from seeds N, N+1, ... of M operations each (by default the\n"+
			"budget of the coverage test: 200 runs of 1000) print how often the simulator answered\n"+
			"each catalogue code and the model applied each documented rule; codes the generators\n"+
			"cannot reach are marked with the reason, reachable ones never reached NEVER REACHED.\n"+
			"Exit status: 0 if no failure was found, 1 if one was (the file and the command that\n"+
			"replays it are printed), 2 on bad flags or an error.")
	seed := fs.Uint64("seed", 1, "seed of the world and the operations")
	steps := fs.Int("steps", 1000, "number of operations")
	dir := fs.String("dir", filepath.Join("testdata", "eipsim"), "directory for the failure's scenario file")
	coverage := fs.Bool("coverage", false, "print the catalogue codes and rules the runs reached")
	runs := fs.Int("runs", eipsimtest.CoverageRuns, "with -coverage: number of runs")
	if status, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "eipsim explore: unexpected arguments %q\n", fs.Args())
		return exitUsage
	}
	if *steps < 0 || *dir == "" || *runs < 1 {
		fmt.Fprintf(stderr, "eipsim explore: -steps must be >= 0, -runs >= 1 and -dir not empty\n")
		return exitUsage
	}
	if *coverage {
		return runCoverage(*seed, *runs, *steps, *dir, stdout, stderr)
	}
	f, path, err := explore(*seed, *steps, *dir)
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "eipsim explore: %v\n", err)
		return exitUsage
	case f == nil:
		fmt.Fprintf(stdout, "ok: seed %d, %d operations, no disagreement with the model\n", *seed, *steps)
		return exitOK
	}
	fmt.Fprintf(stdout, "FAIL: seed %d: %s\nshrunk to %d operations, written to %s\nreplay it with: eipsim run %s\n",
		*seed, f.Message, f.Steps, path, path)
	return exitFail
}

// runCoverage is "eipsim explore -coverage".
func runCoverage(seed uint64, runs, steps int, dir string, stdout, stderr io.Writer) int {
	cov, f := exploreCoverage(seed, runs, steps)
	cov.Write(stdout)
	if f == nil {
		return exitOK
	}
	old, had := os.LookupEnv(eipsimtest.ScenarioDirEnv)
	os.Setenv(eipsimtest.ScenarioDirEnv, dir)
	path, err := eipsimtest.WriteFailure(fmt.Sprintf("explore-coverage-seed%d", seed), f)
	if had {
		os.Setenv(eipsimtest.ScenarioDirEnv, old)
	} else {
		os.Unsetenv(eipsimtest.ScenarioDirEnv)
	}
	if err != nil {
		fmt.Fprintf(stderr, "eipsim explore: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "FAIL: %s\nshrunk to %d operations, written to %s\nreplay it with: eipsim run %s\n", f.Message, f.Steps, path, path)
	return exitFail
}
