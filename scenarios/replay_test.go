package scenarios

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

const passing = `# a comment
count
----
count=1

echo a=1 b=(x, y)
----
a=1
b=(x, y)

count
----
count=2

Fail Code=TaskConflict
----
error 400 TaskConflict: It failed.

blank
----
----
a

b
----
----
`

func mustParse(t *testing.T, src string) *Scenario {
	t.Helper()
	s, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReplayPasses(t *testing.T) {
	res, err := Replay(mustParse(t, passing), newTestHandler, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("mismatches: %v", res.Mismatches)
	}
	if got, want := len(res.Outputs), 5; got != want {
		t.Errorf("len(Outputs) = %d, want %d", got, want)
	}
	if res.Rewritten != nil {
		t.Errorf("Rewritten set without Rewrite")
	}
}

func TestReplayNewHandlerPerScenario(t *testing.T) {
	s := mustParse(t, "count\n----\ncount=1\n")
	for i := range 2 {
		res, err := Replay(s, newTestHandler, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !res.OK() {
			t.Fatalf("replay %d: %v", i, res.Mismatches)
		}
	}
}

func TestReplayMismatch(t *testing.T) {
	src := strings.Replace(passing, "count=2", "count=7", 1)
	src = strings.Replace(src, "b=(x, y)\n\ncount", "b=(x, z)\n\ncount", 1)
	res, err := Replay(mustParse(t, src), newTestHandler, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(res.Mismatches), 2; got != want {
		t.Fatalf("%d mismatches, want %d: %v", got, want, res.Mismatches)
	}
	m := res.Mismatches[1]
	if m.Pos != "t.txt:11" || m.Command != "count" || m.Want != "count=7\n" || m.Got != "count=2\n" {
		t.Errorf("mismatch = %#v", m)
	}
	wantDiff := "--- want\n+++ got\n@@ -1 +1 @@\n-count=7\n+count=2\n"
	if got := m.Diff(); got != wantDiff {
		t.Errorf("Diff() =\n%s\nwant\n%s", got, wantDiff)
	}
	if got, want := m.String(), "t.txt:11: count\n"+wantDiff; got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
	if got := res.Mismatches[0].Diff(); !strings.Contains(got, " a=1\n-b=(x, z)\n+b=(x, y)\n") {
		t.Errorf("diff of a two-line output lacks context or lines:\n%s", got)
	}
}

func TestReplayRewrite(t *testing.T) {
	src := "# keep me\ncount\n----\nwrong\n\n  echo   x=(1,2)\n----\n\nblank\n----\n\n# tail\n"
	res, err := Replay(mustParse(t, src), newTestHandler, Options{Rewrite: true})
	if err != nil {
		t.Fatal(err)
	}
	want := "# keep me\ncount\n----\ncount=1\n\necho x=(1, 2)\n----\nx=(1, 2)\n\nblank\n----\n----\na\n\nb\n----\n----\n\n# tail\n"
	if got := string(res.Rewritten); got != want {
		t.Errorf("Rewritten:\n%s\nwant:\n%s", got, want)
	}
	if got := len(res.Mismatches); got != 3 {
		t.Errorf("%d mismatches, want 3 (rewrite still reports them)", got)
	}
	again, err := Replay(mustParse(t, want), newTestHandler, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !again.OK() {
		t.Errorf("rewritten scenario does not pass: %v", again.Mismatches)
	}
}

func TestReplayRewriteRejectsUnwritableOutput(t *testing.T) {
	h := func() Handler {
		return Commands{"x": func(*Command) (string, error) { return "a\n\n----\n----", nil }}
	}
	_, err := Replay(mustParse(t, "x\n----\n"), h, Options{Rewrite: true})
	if err == nil || !strings.HasPrefix(err.Error(), "t.txt:1: x: the output cannot be written") {
		t.Errorf("err = %v, want an unwritable-output error at t.txt:1", err)
	}
}

func TestReplayMalformedCommand(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown command", "count\n----\ncount=1\n\nfrobnicate x=1\n----\n",
			`t.txt:5: frobnicate: unknown command "frobnicate"; valid commands: Fail, bad, blank, count, echo, panic`},
		{"unknown command, other case", "fail\n----\n",
			`t.txt:1: fail: unknown command "fail" (did you mean "Fail"?); valid commands:`},
		{"unknown argument", "Fail Cod=X\n----\n", `t.txt:1: Fail: unknown argument Cod; valid arguments: Code`},
		{"error without a position", "bad\n----\n", `t.txt:1: bad: bad value`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Replay(mustParse(t, tt.src), newTestHandler, Options{})
			if err == nil {
				t.Fatalf("no error; result %+v", res)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %q, want prefix %q", err, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("err is %T, want *Error", err)
			}
		})
	}
}

func TestReplayPanicNamesCommand(t *testing.T) {
	defer func() {
		r := recover()
		if s, _ := r.(string); !strings.HasPrefix(s, "t.txt:1: panic: panic: boom") {
			t.Errorf("recovered %v, want the position and the panic", r)
		}
	}()
	_, _ = Replay(mustParse(t, "panic\n----\n"), newTestHandler, Options{})
}

func TestErrorLine(t *testing.T) {
	got := ErrorLine(400, "IncorrectEipStatus", "Current elastic IP status does not support this operation.")
	want := "error 400 IncorrectEipStatus: Current elastic IP status does not support this operation."
	if got != want {
		t.Errorf("ErrorLine = %q, want %q", got, want)
	}
}

func TestReplayTrace(t *testing.T) {
	var trace []string
	opts := Options{Trace: func(c *Command, out string) { trace = append(trace, c.Pos+" "+c.String()+" -> "+out) }}
	_, err := Replay(mustParse(t, "count\n----\n\necho a\n----\n\ncount x\n----\n"), newTestHandler, opts)
	if err == nil {
		t.Fatal("want the malformed third command to fail")
	}
	want := []string{"t.txt:1 count -> count=1\n", "t.txt:4 echo a -> a\n"}
	if !reflect.DeepEqual(trace, want) {
		t.Errorf("trace = %q, want %q", trace, want)
	}
}
