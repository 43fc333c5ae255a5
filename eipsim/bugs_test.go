package eipsim_test

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// TestPropertiesCatchDeliberateBugs switches each deliberate bug of
// bugs.go on in turn and requires the model property to catch it, with a
// short shrunk scenario, which it writes (with the others of this test) to
// testdata/eipsim or $EIPSIM_SCENARIO_DIR.
//
// The test is deterministic: rapid runs from the fixed seeds 1, 2, ...
// (-rapid.seed), one rapid.Check each, until one catches the bug, and the
// test fails if none of the first bugSeeds does. The engine and the model
// are deterministic, so the same seeds catch the same bugs on every run.
func TestPropertiesCatchDeliberateBugs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short divides rapid's checks by 5 and steps by 2: too few to promise a catch")
	}
	if raceDetector {
		// The engine runs on one goroutine here: -race finds nothing in
		// this test and makes its shrinking take minutes. The plain run
		// proves every catch.
		t.Skip("under -race: single-goroutine, checked by the plain run")
	}
	defer setFlag("rapid.nofailfile", "true")()
	// Shrinking is most of this test's time (each bug is caught at the
	// first seeds in well under 0.1 s); a bound on it keeps the package's
	// tests short: 0.5 s a bug, about 8 s in all, where 2 s gave 28 s.
	// Whether a bug is caught does not depend on it (the catch comes before
	// shrinking); only how short its logged scenario is (a few operations
	// longer than with 2 s, and it depends on the machine's load).
	defer setFlag("rapid.shrinktime", "500ms")()
	const bugSeeds = 8
	for _, bug := range eipsim.Bugs {
		t.Run(string(bug), func(t *testing.T) {
			restore := eipsim.SetBug(bug)
			defer restore()
			if strings.HasPrefix(string(bug), "nat-") || bug == eipsim.BugUntagAllIgnored {
				// A NAT bug needs a bound EIP, an entry and an unassociation
				// in one case, the untag bug a tagged EIP and an UnTag All:
				// longer cases, more of them.
				defer setFlag("rapid.steps", "100")()
				defer setFlag("rapid.checks", "300")()
			}
			for seed := 1; seed <= bugSeeds; seed++ {
				undo := setFlag("rapid.seed", fmt.Sprint(seed))
				tb := &quietTB{name: t.Name()}
				f := eipsimtest.CheckModel(tb)
				undo()
				if f != nil && tb.failed {
					t.Logf("caught %s with -rapid.seed=%d; shrunk to %d operations after the set-up:\n%s\n%s", bug, seed, f.Steps, f.Message, strings.Join(tb.logs, "\n"))
					return
				}
			}
			t.Fatalf("the model property did not catch bug %s with -rapid.seed 1 to %d", bug, bugSeeds)
		})
	}
}

// setFlag sets a registered flag (rapid's, when its package is linked) and
// returns the function that restores it.
func setFlag(name, v string) (restore func()) {
	f := flag.Lookup(name)
	if f == nil {
		return func() {}
	}
	old := f.Value.String()
	flag.Set(name, v)
	return func() { flag.Set(name, old) }
}

// quietTB is a rapid.TB that records a failure instead of failing the test.
type quietTB struct {
	name   string
	failed bool
	logs   []string
}

func (q *quietTB) Helper()      {}
func (q *quietTB) Name() string { return q.name }
func (q *quietTB) Logf(f string, args ...any) {
	if s := fmt.Sprintf(f, args...); strings.Contains(s, "shrunk failure") {
		q.logs = append(q.logs, s)
	}
}
func (q *quietTB) Log(args ...any)       {}
func (q *quietTB) Skipf(string, ...any)  {}
func (q *quietTB) Skip(...any)           {}
func (q *quietTB) SkipNow()              {}
func (q *quietTB) Errorf(string, ...any) { q.failed = true }
func (q *quietTB) Error(...any)          { q.failed = true }
func (q *quietTB) Fatalf(string, ...any) { q.failed = true }
func (q *quietTB) Fatal(...any)          { q.failed = true }
func (q *quietTB) FailNow()              { q.failed = true }
func (q *quietTB) Fail()                 { q.failed = true }
func (q *quietTB) Failed() bool          { return q.failed }
