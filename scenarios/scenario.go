package scenarios

import (
	"strings"
	"unicode"
)

// Scenario is a parsed scenario file: its commands in order, each with the
// comment and blank lines that precede it, so that [Format] can write the file
// back with its comments.
type Scenario struct {
	// Name is the file name used in every Pos ("file:line") and error.
	Name string
	// Commands are the file's commands in file order.
	Commands []*Command
	// Trailing holds the comment lines ("#…", trimmed) and blank lines ("")
	// after the last command's block.
	Trailing []string
}

// Command is one command of a scenario: a command line, optional input lines,
// and the expected output after "----".
type Command struct {
	// Pos is "file:line" of the command line, for messages.
	Pos string
	// Leading holds the comment lines ("#…", trimmed) and blank lines ("")
	// between the previous command's block and this command.
	Leading []string
	// Name is the command: a CamelCase cloud Action or a kebab-case harness
	// command.
	Name string
	// Args are the arguments in the order written.
	Args []Arg
	// Input is the text between the command line and "----", without leading
	// and trailing blank lines and without a final newline; usually empty.
	Input string
	// Expected is the expected output below "----", every line ending in
	// "\n" (datadriven's convention); "" means no output.
	Expected string
}

// Arg is one argument of a command line. The forms are
//
//	key            Vals == nil
//	key=value      Vals == []string{"value"} ("key=" gives []string{""})
//	key=(a, b)     Vals == []string{"a", "b"}; values may contain balanced parentheses
type Arg struct {
	Key  string
	Vals []string
}

// String returns the argument in canonical form: "key", "key=value", or
// "key=(a, b)"; a single value is parenthesized only when it has to be.
func (a Arg) String() string { return a.format(false) }

// format writes a; last says a ends the command line, where trailing
// whitespace would be trimmed and a trailing backslash would continue the line.
func (a Arg) format(last bool) string {
	switch {
	case a.Vals == nil:
		return a.Key
	case len(a.Vals) == 1 && plainValue(a.Vals[0], last):
		return a.Key + "=" + a.Vals[0]
	default:
		return a.Key + "=(" + strings.Join(a.Vals, ", ") + ")"
	}
}

// plainValue reports whether v reads back unchanged when written without
// parentheses.
func plainValue(v string, last bool) bool {
	if strings.Contains(v, " ") || strings.HasPrefix(v, "(") {
		return false
	}
	if last && v != "" && (strings.TrimRightFunc(v, unicode.IsSpace) != v || strings.HasSuffix(v, `\`)) {
		return false
	}
	return true
}

// String returns the command line in canonical form: the name and the
// arguments separated by single spaces.
func (c *Command) String() string {
	var b strings.Builder
	b.WriteString(c.Name)
	for i, a := range c.Args {
		b.WriteByte(' ')
		b.WriteString(a.format(i == len(c.Args)-1))
	}
	return b.String()
}
