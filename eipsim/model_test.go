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
