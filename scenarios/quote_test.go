package scenarios

import (
	"strings"
	"testing"
)

// scalarSeeds are values whose plain and parenthesized forms do not read
// back (commas, unbalanced parentheses and a leading parenthesis with
// spaces, a leading quote), and some that do.
var scalarSeeds = []string{"", "tok-1", "tok 1", " ", "a, b", "a (", ") a", "(a", "(", `"x"`, `"`, `a\`, "a\tb", "a ,",
	", a", "tok~", `\x20`, "a\nb", "\x00\xff", "é ü", strings.Repeat("t", 64),
	"\u200a", "a\u00a0", "a\u0085", "\u3000 a"}

// checkScalar: an Action line with ClientToken=FormatScalar(v), last on the
// line or not, parses, and the engine reads v back.
func checkScalar(t *testing.T, v string) {
	t.Helper()
	w := FormatScalar(v)
	for _, last := range []bool{true, false} {
		src := "AllocateEipAddress ClientToken=" + w
		if !last {
			src += " RegionId=cn-hangzhou"
		}
		s, err := Parse("q.txt", []byte(src+"\n----\n"))
		if err != nil {
			t.Fatalf("%q written %q: %v", v, w, err)
		}
		a, _ := s.Commands[0].Arg("ClientToken")
		if got, ok := actionValue(a); !ok || got != v {
			t.Fatalf("%q written %q reads back as %q (ok %v)", v, w, got, ok)
		}
	}
}

// TestFormatScalar checks every ClientToken shape the engine accepts
// (printable ASCII): each character alone, at the start, middle and end of
// a token, next to a space and a comma.
func TestFormatScalar(t *testing.T) {
	for _, v := range scalarSeeds {
		checkScalar(t, v)
	}
	for c := byte(0x20); c <= 0x7e; c++ {
		s := string(c)
		for _, v := range []string{s, "a" + s, s + "a", "a" + s + "b", "a " + s, s + " a", "a, " + s, s + ", a"} {
			checkScalar(t, v)
		}
	}
	for v, want := range map[string]string{"tok-1": "tok-1", "tok 1": "(tok 1)", "a,b": "a,b", "a, b": `"a\x2c\x20b"`, "(a": `"\x28a"`} {
		if got := FormatScalar(v); got != want {
			t.Errorf("FormatScalar(%q) = %s, want %s", v, got, want)
		}
	}
}

// TestQuotedValueRefused: a quoted form that does not unquote is a
// malformed scenario, not a value.
func TestQuotedValueRefused(t *testing.T) {
	s, err := Parse("q.txt", []byte("AllocateEipAddress ClientToken=\"abc\n----\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewEngine().Handle(s.Commands[0]); err == nil || !strings.Contains(err.Error(), "Go string literal") {
		t.Errorf("a bad quoted value gave %v, want an error", err)
	}
}

// FuzzFormatScalar: every string written by FormatScalar reads back.
// go test ./scenarios -run '^$' -fuzz FuzzFormatScalar -fuzztime 2m
func FuzzFormatScalar(f *testing.F) {
	for _, v := range scalarSeeds {
		f.Add(v)
	}
	f.Fuzz(checkScalar)
}
