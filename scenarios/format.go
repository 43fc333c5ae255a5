package scenarios

import (
	"bytes"
	"fmt"
	"strings"
)

// Format returns the canonical text of s. Comments and blank lines are kept
// where they were; command lines are written as [Command.String] writes them;
// exactly one blank line ends each command's block; an output that contains a
// blank line, or starts with "----", is written between "----"/"----" pairs.
//
// For every scenario that [Parse] returns, Parse(Format(s)) equals s except
// for Pos. Format does not check hand-built scenarios; [Replay] checks each
// output it writes (see [Options.Rewrite]).
func Format(s *Scenario) []byte {
	var b bytes.Buffer
	for i, c := range s.Commands {
		if i > 0 {
			b.WriteByte('\n')
		}
		writeCommand(&b, c)
	}
	if len(s.Trailing) > 0 && len(s.Commands) > 0 {
		b.WriteByte('\n')
	}
	writeLines(&b, s.Trailing)
	return b.Bytes()
}

// writeCommand writes c's leading comments, command line, input, separator
// and expected output; not the blank line that ends the block.
func writeCommand(b *bytes.Buffer, c *Command) {
	writeLines(b, c.Leading)
	b.WriteString(c.String())
	b.WriteByte('\n')
	if c.Input != "" {
		b.WriteString(c.Input)
		b.WriteByte('\n')
	}
	b.WriteString(separator + "\n")
	out := c.Expected
	if out != "" && !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	if !needsDoubleSeparator(out) {
		b.WriteString(out)
		return
	}
	b.WriteString(separator + "\n")
	b.WriteString(out)
	b.WriteString(separator + "\n" + separator + "\n")
}

func writeLines(b *bytes.Buffer, lines []string) {
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
}

// needsDoubleSeparator reports whether out (newline-terminated or not) has
// a whitespace-only line or starts with a "----" line, which the single
// separator form cannot hold. It does not allocate: the recorder calls it
// for every output.
func needsDoubleSeparator(out string) bool {
	if out == "" {
		return false
	}
	out = strings.TrimSuffix(out, "\n")
	if out == separator || strings.HasPrefix(out, separator+"\n") {
		return true
	}
	for {
		l, rest, more := strings.Cut(out, "\n")
		if strings.TrimSpace(l) == "" {
			return true
		}
		if !more {
			return false
		}
		out = rest
	}
}

// checkWritable reports an error when out, as the expected output of a
// command, would not read back unchanged: for example a "----" line right
// before the end of an output that needs the "----"/"----" form.
func checkWritable(out string) error {
	c := &Command{Name: "x", Expected: out}
	var b bytes.Buffer
	writeCommand(&b, c)
	s, err := Parse("output", b.Bytes())
	if err == nil && len(s.Commands) == 1 && s.Commands[0].Expected == out {
		return nil
	}
	return fmt.Errorf("the output cannot be written in a scenario file (it would read back differently): %q", out)
}
