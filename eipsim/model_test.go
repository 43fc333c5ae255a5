package eipsim_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// TestModel runs random operation sequences on a Sim and on the reference
// model of package eipsimtest and fails at the first disagreement; the
// shrunk sequence is written as a scenario file (see eipsimtest.CheckModel).
func TestModel(t *testing.T) {
	eipsimtest.CheckModel(t)
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
