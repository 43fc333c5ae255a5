package scenarios

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	src := `# bug_1234.txt
# Release while Associating.
new-sim seed=7 ids=(eip-0001, eip-0002)
----
ok


AssociateEipAddress AllocationId=eip-0001 \
  InstanceId=i-0001
----
eip-0001 Associating

check
  line one

  line two
----
----
a

b
----
----

advance 3s
----

# trailing comment
`
	got, err := Parse("bug.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := &Scenario{
		Name: "bug.txt",
		Commands: []*Command{
			{
				Pos: "bug.txt:3", Leading: []string{"# bug_1234.txt", "# Release while Associating."},
				Name: "new-sim", Args: []Arg{{"seed", []string{"7"}}, {"ids", []string{"eip-0001", "eip-0002"}}},
				Expected: "ok\n",
			},
			{
				Pos: "bug.txt:8", Leading: []string{""},
				Name: "AssociateEipAddress", Args: []Arg{{"AllocationId", []string{"eip-0001"}}, {"InstanceId", []string{"i-0001"}}},
				Expected: "eip-0001 Associating\n",
			},
			{
				Pos: "bug.txt:13", Name: "check",
				Input:    "  line one\n\n  line two",
				Expected: "a\n\nb\n",
			},
			{Pos: "bug.txt:25", Name: "advance", Args: []Arg{{Key: "3s"}}},
		},
		Trailing: []string{"# trailing comment"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse:\n got %s\nwant %s", dump(got), dump(want))
	}
}

func TestParseEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // command lines and outputs: "cmd | expected"
		tail []string
	}{
		{name: "empty file", src: ""},
		{name: "only comments", src: "# a\n\n  # b  \n", tail: []string{"# a", "", "# b"}},
		{name: "no final newline", src: "x\n----\nok", want: []string{"x | ok\n"}},
		{name: "output ends at EOF", src: "x\n----\n", want: []string{"x | "}},
		{name: "comment after output is output", src: "x\n----\nok\n# not a comment\n", want: []string{"x | ok\n# not a comment\n"}},
		{name: "comment with backslash does not continue", src: "# a \\\nx\n----\n", want: []string{"x | "}},
		{name: "indented separator is input", src: "x\n  ----\n----\n", want: []string{"x |   ---- | "}},
		{name: "whitespace line ends output", src: "x\n----\na\n  \ny\n----\nb\n", want: []string{"x | a\n", "y | b\n"}},
		{name: "double form keeps a lone dash pair", src: "x\n----\n----\n----\nz\n----\n----\n", want: []string{"x | ----\nz\n"}},
		{name: "crlf", src: "x a=1\r\n----\r\nok\r\n", want: []string{"x a=1 | ok\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse("t.txt", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range s.Commands {
				line := c.String()
				if c.Input != "" {
					line += " | " + c.Input
				}
				got = append(got, line+" | "+c.Expected)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("commands = %q, want %q", got, tt.want)
			}
			if !reflect.DeepEqual(s.Trailing, tt.tail) {
				t.Errorf("Trailing = %q, want %q", s.Trailing, tt.tail)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unclosed paren", "# c\nnew-sim ids=(a, b\n----\n", `f.txt:2: cannot parse command line at column 13: argument "ids": no closing parenthesis`},
		{"missing key", "x =1\n----\n", `f.txt:1: cannot parse command line at column 3: argument name missing before "="`},
		{"no separator", "new-sim seed=1\n\nadvance 1s\n", `f.txt:1: command new-sim has no "----" line after it`},
		{"stray separator", "x\n----\nok\n\n----\n", `f.txt:5: "----" line without a command before it`},
		{"separator by continuation", "\\\n----\n----\n", `f.txt:1: "----" line without a command before it`},
		{"continuation at EOF", "x \\\n  a=1 \\", `f.txt:2: the last line ends with "\" (a line continuation) but the file ends`},
		{"unclosed double", "x\n----\n----\na\n\nb\n", `f.txt:3: output opened with "----"/"----" is not closed`},
		{"unclosed double ends in dashes", "x\n----\n----\na\n----\n", `f.txt:3: output opened with "----"/"----" is not closed`},
		{"text after double", "x\n----\n----\na\n----\n----\ny\n", `f.txt:7: a blank line must follow the closing "----"/"----"`},
		{"error on a later line", "a\n----\nok\n\nb\n----\nok\n\nc x=(\n----\n", `f.txt:9: cannot parse`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.txt", []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse(%q) succeeded, want error %q", tt.src, tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q, want prefix %q", err, tt.want)
			}
			if e := (*Error)(nil); !errors.As(err, &e) {
				t.Errorf("error type = %T, want *Error", err)
			}
		})
	}
}

// dump renders a scenario for failure messages.
func dump(s *Scenario) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q {\n", s.Name)
	for _, c := range s.Commands {
		fmt.Fprintf(&b, "\t%#v\n", *c)
	}
	fmt.Fprintf(&b, "\ttrailing %q\n}", s.Trailing)
	return b.String()
}
