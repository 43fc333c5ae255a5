package scenarios

import (
	"fmt"
	"strings"
)

// separator is the line between a command (and its input) and its expected
// output. Doubled, it opens and closes an output that contains blank lines.
const separator = "----"

// Parse parses a scenario file. name is used in every Pos and error
// ("name:line"). The grammar is cockroachdb/datadriven's (see the package
// doc); Parse is stricter in three places, each an error rather than a
// silent surprise: every command needs its "----" line, a "----"/"----"
// output must be closed, and a file cannot end in a "\" continuation.
//
// Parse never panics; every error is an [*Error] carrying "file:line".
func Parse(name string, src []byte) (*Scenario, error) {
	p := &parser{name: name, lines: splitLines(string(src))}
	s := &Scenario{Name: name}
	var pending []string // comment and blank lines before the next command
	for p.next() {
		start := p.n
		line := strings.TrimSpace(p.text)
		if strings.HasPrefix(line, "#") {
			pending = append(pending, line)
			continue
		}
		for strings.HasSuffix(line, `\`) {
			if !p.next() {
				return nil, p.errorf(p.n, `the last line ends with "\" (a line continuation) but the file ends`)
			}
			line = strings.TrimSuffix(line, `\`) + " " + strings.TrimSpace(p.text)
		}
		if strings.TrimSpace(line) == separator { // a continuation can join " ----"
			return nil, p.errorf(start, "%q line without a command before it", separator)
		}
		cmdName, args, err := parseLine(line)
		if err != nil {
			return nil, p.errorf(start, "%v", err)
		}
		if strings.HasPrefix(cmdName, "#") { // a continuation can join "\" and "#"
			return nil, p.errorf(start, "command name %s starts with \"#\", which would read back as a comment", clip(cmdName))
		}
		if cmdName == "" {
			pending = append(pending, "")
			continue
		}
		c := &Command{Pos: p.pos(start), Leading: pending, Name: cmdName, Args: args}
		if strings.HasSuffix(c.String(), `\`) { // "x \\" joins "x \" with the next line
			return nil, p.errorf(start, "command line %s ends with \"\\\" once its continuations are joined, which would read back as a continuation", clip(c.String()))
		}
		pending = nil
		if err := p.readInput(c); err != nil {
			return nil, err
		}
		if err := p.readExpected(c); err != nil {
			return nil, err
		}
		s.Commands = append(s.Commands, c)
	}
	s.Trailing = pending
	return s, nil
}

// parser walks the lines of one file.
type parser struct {
	name  string
	lines []string
	n     int    // 1-based number of the current line; 0 before the first
	text  string // the current line
}

// next advances to the next line and reports whether there is one.
func (p *parser) next() bool {
	if p.n >= len(p.lines) {
		return false
	}
	p.text = p.lines[p.n]
	p.n++
	return true
}

func (p *parser) pos(line int) string { return fmt.Sprintf("%s:%d", p.name, line) }

func (p *parser) errorf(line int, format string, args ...any) error {
	return &Error{Pos: p.pos(line), Err: fmt.Errorf(format, args...)}
}

// readInput reads the lines up to "----" into c.Input.
func (p *parser) readInput(c *Command) error {
	var in []string
	for p.next() {
		if p.text == separator {
			c.Input = strings.Join(trimBlankLines(in), "\n")
			return nil
		}
		in = append(in, p.text)
	}
	return &Error{Pos: c.Pos, Err: fmt.Errorf("command %s has no %q line after it: every command needs one, followed by its expected output (which may be empty)", c.Name, separator)}
}

// readExpected reads the output after "----": up to the first blank line,
// or, when it opens with a second "----", up to a closing "----"/"----" pair.
// The blank line that ends a block is consumed.
func (p *parser) readExpected(c *Command) error {
	var b strings.Builder
	if !p.next() {
		return nil
	}
	if p.text != separator {
		for strings.TrimSpace(p.text) != "" {
			b.WriteString(p.text)
			b.WriteByte('\n')
			if !p.next() {
				break
			}
		}
		c.Expected = b.String()
		return nil
	}
	open := p.n
	unclosed := func() error {
		return p.errorf(open, "output opened with %q/%q is not closed by %q/%q before the end of the file", separator, separator, separator, separator)
	}
	for {
		if !p.next() {
			return unclosed()
		}
		line := p.text
		if strings.TrimSpace(line) == separator { // a continuation can join " ----"
			if !p.next() {
				return unclosed()
			}
			if p.text == separator {
				break
			}
			b.WriteString(line + "\n")
			line = p.text
		}
		b.WriteString(line + "\n")
	}
	if p.next() && strings.TrimSpace(p.text) != "" {
		return p.errorf(p.n, "a blank line must follow the closing %q/%q", separator, separator)
	}
	c.Expected = b.String()
	return nil
}

// splitLines splits src into lines as bufio.ScanLines does: a final newline
// does not start another line; unlike ScanLines, every "\r" at the end of a
// line is dropped, not just one, so that no line of a parsed scenario ends
// in "\r" and Format's "\n" endings read back the same.
func splitLines(src string) []string {
	if src == "" {
		return nil
	}
	lines := strings.Split(strings.TrimSuffix(src, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, "\r")
	}
	return lines
}

// trimBlankLines drops leading and trailing whitespace-only lines.
func trimBlankLines(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
