package eipsim_test

import (
	"flag"
	"strconv"
	"testing"

	"pgregory.net/rapid"

	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// modelChecks is TestModel's budget when -rapid.checks is not given:
// enough cases of rapid's default -rapid.steps (30) that a default run
// makes at least minModelSteps model steps (about 114,000: 28.5 steps a
// case; measured 3.5 s, 17 s under -race, on a shared 2-core machine).
const (
	modelChecks   = 4000
	minModelSteps = 100_000
)

// TestModel runs random operation sequences on a Sim and on the reference
// model of package eipsimtest and fails at the first disagreement; the
// shrunk sequence is written as a scenario file (see eipsimtest.CheckModel).
// Without -rapid.checks it runs modelChecks cases and fails if they made
// fewer than minModelSteps steps (-short: rapid divides the checks by 5
// and the steps by 2, and the floor is not checked).
func TestModel(t *testing.T) {
	budget := !flagGiven("rapid.checks") && !flagGiven("rapid.steps") && !testing.Short()
	if !flagGiven("rapid.checks") {
		defer setFlag("rapid.checks", strconv.Itoa(modelChecks))()
	}
	f, steps := eipsimtest.CheckModelSteps(t)
	t.Logf("%d model steps", steps)
	if budget && f == nil && steps < minModelSteps {
		t.Errorf("the default run made %d model steps, want at least %d: raise modelChecks", steps, minModelSteps)
	}
}

// flagGiven reports whether the flag name has a value other than its
// default: given on the command line (or set by a test that has not
// restored it). flag.Visit would not do: it also reports flags that other
// tests set and restored with setFlag.
func flagGiven(name string) bool {
	f := flag.Lookup(name)
	return f != nil && f.Value.String() != f.DefValue
}

// FuzzModel is TestModel driven by the fuzzer's bytes:
// go test ./eipsim -run '^$' -fuzz FuzzModel -fuzztime 60s
func FuzzModel(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(eipsimtest.ModelProperty(nil)))
}

// BenchmarkModelSteps measures model-checked steps per second: each step
// draws an operation, runs it on the Sim and the model, and compares every
// observable state (with CheckInvariants).
func BenchmarkModelSteps(b *testing.B) {
	steps := 0
	for i := 0; b.Loop(); i++ {
		f, _, err := eipsimtest.Explore(uint64(i+1), 100, "")
		if err != nil || f != nil {
			b.Fatalf("seed %d: %v %v", i+1, f, err)
		}
		steps += 100
	}
	b.ReportMetric(float64(steps)/b.Elapsed().Seconds(), "steps/s")
}
