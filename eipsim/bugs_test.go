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
// bugs.go on in turn and requires the model property to fail at the default
// check count, with a short shrunk scenario, which it writes (with the
// others of this test) to testdata/eipsim or $EIPSIM_SCENARIO_DIR.
func TestPropertiesCatchDeliberateBugs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short divides rapid's checks by 5 and steps by 2: too few to promise a catch")
	}
	if f := flag.Lookup("rapid.nofailfile"); f != nil {
		old := f.Value.String()
		flag.Set("rapid.nofailfile", "true")
		defer flag.Set("rapid.nofailfile", old)
	}
	for _, bug := range eipsim.Bugs {
		t.Run(string(bug), func(t *testing.T) {
			restore := eipsim.SetBug(bug)
			defer restore()
			if strings.HasPrefix(string(bug), "nat-") {
				// A NAT bug needs a bound EIP, an entry and an unassociation
				// in one case: longer cases, more of them.
				for name, v := range map[string]string{"rapid.steps": "100", "rapid.checks": "300"} {
					if f := flag.Lookup(name); f != nil {
						old := f.Value.String()
						flag.Set(name, v)
						defer flag.Set(name, old)
					}
				}
			}
			tb := &quietTB{name: t.Name()}
			f := eipsimtest.CheckModel(tb)
			if f == nil || !tb.failed {
				t.Fatalf("the model property did not catch bug %s", bug)
			}
			t.Logf("caught %s; shrunk to %d operations after the set-up:\n%s\n%s", bug, f.Steps, f.Message, strings.Join(tb.logs, "\n"))
			if !tb.failed || f == nil {
				t.Logf("%s", tb.logs)
			}
		})
	}
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
