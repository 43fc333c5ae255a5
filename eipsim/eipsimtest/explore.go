package eipsimtest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
)

// Explore runs the model-based exploration outside `go test`, for
// `eipsim explore -seed N -steps M`: it draws a world and steps operations
// from a generator seeded with seed, comparing the Sim with the reference
// model after each, exactly as TestModel does. On the first disagreement
// it shrinks the operation sequence (greedily dropping operations while the
// run still fails) and writes it as a scenario file in dir (default
// testdata/eipsim, or $EIPSIM_SCENARIO_DIR), named explore-seed<N>-<n>.txt.
// It returns whether a failure was found, the scenario's path and the
// failure. err is for problems writing the file or building the world.
func Explore(seed uint64, steps int, dir string) (f *Failure, path string, err error) {
	return exploreWith(seed, steps, dir, nil)
}

// exploreWith is Explore with tweak applied to every model (tests plant
// disagreements with it).
func exploreWith(seed uint64, steps int, dir string, tweak func(*model)) (f *Failure, path string, err error) {
	d := &randDriver{rng: rand.New(rand.NewPCG(seed, 0x5eed))}
	w := DrawWorld(d)
	mc, err := NewMachine(w)
	if err != nil {
		return nil, "", err
	}
	if tweak != nil {
		tweak(mc.m)
	}
	mc.ops = make([]Op, 0, steps)
	f = run(func() {
		mc.Check(d)
		for range steps {
			mc.Step(d)
		}
	})
	if f == nil {
		return nil, "", nil
	}
	ops := shrinkOps(w, mc.ops, tweak)
	if g := replayOps(w, ops, tweak); g != nil {
		f = g
	} else {
		f.World, f.Ops, f.Steps = w, mc.ops, len(mc.ops)
	}
	if dir != "" {
		old, had := os.LookupEnv(ScenarioDirEnv)
		os.Setenv(ScenarioDirEnv, dir)
		defer func() {
			if had {
				os.Setenv(ScenarioDirEnv, old)
			} else {
				os.Unsetenv(ScenarioDirEnv)
			}
		}()
	}
	path, err = WriteFailure(fmt.Sprintf("explore-seed%d", seed), f)
	return f, path, err
}

// run runs fn and returns the failure it reported, if any.
func run(fn func()) (f *Failure) {
	defer func() {
		if r := recover(); r != nil {
			fl, ok := r.(failure)
			if !ok {
				panic(r)
			}
			f = &Failure{Message: fl.msg}
		}
	}()
	fn()
	return nil
}

// replayOps runs ops on a new Machine for w and returns its failure.
func replayOps(w World, ops []Op, tweak func(*model)) *Failure {
	mc, err := NewMachine(w)
	if err != nil {
		return &Failure{Message: err.Error()}
	}
	if tweak != nil {
		tweak(mc.m)
	}
	var got *Failure
	mc.OnFail = func(f *Failure) { got = f }
	d := &randDriver{replay: []int{}}
	if run(func() {
		mc.Check(d)
		for _, op := range ops {
			mc.Run(d, op)
			mc.Check(d)
		}
	}) == nil {
		return nil
	}
	return got
}

// maxShrinkReplays bounds the replays one shrink may make: a failure found
// deep in a long run (TestCoverage's runs are 1,000 operations) is shrunk in
// seconds, not in the hours a one-at-a-time pass over every prefix could take.
// The bound is a count, not a time, so a shrink is deterministic.
const maxShrinkReplays = 1000

// shrinkOps drops operations while the run still fails: first chunks (half
// the sequence, then quarters, ... as delta debugging does), last chunk
// first, then single operations, within maxShrinkReplays replays.
func shrinkOps(w World, ops []Op, tweak func(*model)) []Op {
	budget := maxShrinkReplays
	for size := max(len(ops)/2, 1); budget > 0; size /= 2 {
		// Removing ops[start:end] or not, the next chunk to try ends at start.
		for end := len(ops); end > 0 && budget > 0; end -= min(size, end) {
			start := max(end-size, 0)
			try := append(append([]Op(nil), ops[:start]...), ops[end:]...)
			budget--
			if replayOps(w, try, tweak) != nil {
				ops = try
			}
		}
		if size == 1 {
			break
		}
	}
	return ops
}

// RandomRun draws a world and steps operations from a generator seeded with
// seed, checking each against the model as Explore does, and returns the
// world, the operations and the failure, if any. With nat false the world
// has no NAT gateways or HaVips and no NAT operation is drawn: a run the
// recorder and package scenarios replay in full (see [Record]).
func RandomRun(seed uint64, steps int, nat bool) (World, []Op, *Failure) {
	d := &randDriver{rng: rand.New(rand.NewPCG(seed, 0x5eed))}
	w := DrawWorld(d)
	if !nat {
		w.NatGateways, w.HaVips = nil, nil
	}
	mc, err := NewMachine(w)
	if err != nil {
		return w, nil, &Failure{Message: err.Error(), World: w}
	}
	ks := kinds
	if !nat {
		ks = slices.DeleteFunc(slices.Clone(kinds), func(k string) bool {
			return k == "nat" || k == "nat-bind" || k == "entry" || k == "havip" || k == "listing"
		})
	}
	var got *Failure
	mc.OnFail = func(f *Failure) { got = f }
	run(func() {
		mc.Check(d)
		for range steps {
			mc.Do(d, pick(d, ks, "op"))
			mc.Check(d)
		}
	})
	return w, mc.ops, got
}

// swarm draws the operation families of one run as [Machine.Actions]
// does for a rapid case: each but advance left out one time in three, the
// doubled ones twice as likely.
func swarm(d Driver) []string {
	var ks []string
	for _, k := range kinds {
		if k == "advance" || d.Int(0, 2, "disable-"+k) < 2 {
			ks = append(ks, k)
			if doubled(k) {
				ks = append(ks, k)
			}
		}
	}
	return ks
}

// doubled reports whether an operation family runs twice as often as the
// others: the clock, the calls that reach deep state (bindings, entries,
// HaVips, ENI modes, tags) and the listings.
func doubled(kind string) bool {
	switch kind {
	case "advance", "associate", "describe", "entry", "nat-bind", "tag", "eni", "havip", "bind", "retry-token":
		return true
	}
	return false
}

// Coverage budget: what a default run of [ExploreCoverage] does (about
// 190,000 model steps, a few seconds): enough that every reachable code
// and rule is met several times.
const (
	CoverageRuns  = 200
	CoverageSteps = 1000
)

// ExploreCoverage runs the exploration of [Explore] from seeds seed,
// seed+1, ... (runs of them, steps operations each, no shrinking, nothing
// written) and returns which catalogue codes the Sim answered and which
// rules the model applied, how often; and the first failure, if a run
// disagreed with the model, shrunk as Explore shrinks. Each run draws its
// operation families as TestModel's cases do (swarm).
func ExploreCoverage(seed uint64, runs, steps int) (*Coverage, *Failure) {
	cov := NewCoverage()
	for i := range runs {
		d := &randDriver{rng: rand.New(rand.NewPCG(seed+uint64(i), 0x5eed))}
		mc, err := NewMachine(DrawWorld(d))
		if err != nil {
			return cov, &Failure{Message: err.Error()}
		}
		mc.cov, mc.m.cov = cov, cov
		var got *Failure
		mc.OnFail = func(f *Failure) { got = f }
		ks := swarm(d)
		run(func() {
			mc.Check(d)
			for range steps {
				mc.Do(d, pick(d, ks, "op"))
				mc.Check(d)
			}
		})
		cov.Steps += len(mc.ops)
		if got != nil {
			ops := shrinkOps(got.World, got.Ops, nil)
			if g := replayOps(got.World, ops, nil); g != nil {
				got = g
			}
			return cov, got
		}
	}
	return cov, nil
}
