package scenarios

import (
	"strings"
	"testing"
)

// The two inputs FuzzParse found (also kept in testdata/fuzz/FuzzParse).

// TestRoundTripLineEndCR: "0\r\r" used to parse as the output "0\r", which
// Format wrote back as a line that read as "0".
func TestRoundTripLineEndCR(t *testing.T) {
	src := []byte("0\n----\n0\r\r")
	checkRoundTrip(t, src)
	s, err := Parse("f.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Commands[0].Expected; got != "0\n" {
		t.Fatalf("Expected = %q, want %q", got, "0\n")
	}
}

// TestRoundTripHashCommand: a "\" continuation joined onto "#" used to make
// a command named "#", which Format wrote as a comment followed by a "----"
// line that no longer parsed. Parse refuses it.
func TestRoundTripHashCommand(t *testing.T) {
	src := []byte("\\\n#\n----")
	checkRoundTrip(t, src)
	_, err := Parse("f.txt", src)
	if err == nil || !strings.Contains(err.Error(), `f.txt:1: command name # starts with "#"`) {
		t.Fatalf("Parse error = %v", err)
	}
}

// TestHandlerCRLFReplays: a handler that ends its lines in "\r\n" compares
// equal to, and is rewritten as, the "\n" lines a file holds.
func TestHandlerCRLFReplays(t *testing.T) {
	s, err := Parse("f.txt", []byte("x\n----\na\nb\n"))
	if err != nil {
		t.Fatal(err)
	}
	h := crlfHandler{}
	res, err := Replay(s, func() Handler { return h }, Options{Rewrite: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() || string(res.Rewritten) != "x\n----\na\nb\n" {
		t.Fatalf("mismatches %v, rewritten %q", res.Mismatches, res.Rewritten)
	}
}

// TestDiffShowsControlCharacters: outputs that differ only by a "\r" give a
// diff whose lines look different.
func TestDiffShowsControlCharacters(t *testing.T) {
	d := Mismatch{Want: "ab\n", Got: "a\rb\n"}.Diff()
	if !strings.Contains(d, "-ab\n") || !strings.Contains(d, `+a\rb`) {
		t.Fatalf("diff:\n%s", d)
	}
}

type crlfHandler struct{}

func (crlfHandler) Handle(*Command) (string, error) { return "a\r\nb\r\r\n", nil }
