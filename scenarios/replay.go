package scenarios

import (
	"errors"
	"fmt"
	"strings"
)

// Options configure [Replay].
type Options struct {
	// Rewrite makes Replay also produce the scenario's text with every
	// expected output replaced by the actual one ([Result.Rewritten]).
	// Mismatches are still reported.
	Rewrite bool
	// Trace, if set, is called after each command with its actual output
	// (every line ending in "\n"), before it is compared.
	Trace func(cmd *Command, out string)
}

// Result is what a replay of one scenario found.
type Result struct {
	// Name is the scenario's name.
	Name string
	// Outputs holds each command's actual output, in order, in the form of
	// [Command.Expected] (every line ends in "\n").
	Outputs []string
	// Mismatches lists the commands whose output differed from Expected.
	Mismatches []Mismatch
	// Rewritten is the canonical text of the scenario with the actual
	// outputs, comments kept; set only with [Options.Rewrite].
	Rewritten []byte
	// Wrote is set by [ReplayFile] when it rewrote the file.
	Wrote bool
}

// OK reports whether every command's output matched.
func (r *Result) OK() bool { return len(r.Mismatches) == 0 }

// Mismatch is a command whose actual output differed from the expected one.
type Mismatch struct {
	// Pos is "file:line" of the command.
	Pos string
	// Command is the command line, in canonical form.
	Command string
	// Want and Got are the expected and actual outputs, every line ending
	// in "\n".
	Want, Got string
}

// Diff returns the unified diff from Want to Got.
func (m Mismatch) Diff() string { return unifiedDiff(m.Want, m.Got) }

// String returns "file:line: command" and the unified diff.
func (m Mismatch) String() string {
	return fmt.Sprintf("%s: %s\n%s", m.Pos, m.Command, m.Diff())
}

// Replay runs every command of s, in order, on a new Handler from newHandler,
// and compares each output with the command's Expected.
//
// Mismatches do not stop the replay; they are collected in the Result. An
// error stops it: a Handler's error (a malformed command) is returned as an
// [*Error] at the command's position, and so is, in Rewrite mode, an output
// that a scenario file cannot hold. A panicking Handler panics again with the
// command's position prefixed.
func Replay(s *Scenario, newHandler func() Handler, opts Options) (*Result, error) {
	h := newHandler()
	res := &Result{Name: s.Name, Outputs: make([]string, 0, len(s.Commands))}
	rewritten := *s
	rewritten.Commands = make([]*Command, 0, len(s.Commands))
	for _, c := range s.Commands {
		got, err := run(h, c)
		if err != nil {
			return nil, err
		}
		if opts.Trace != nil {
			opts.Trace(c, got)
		}
		res.Outputs = append(res.Outputs, got)
		if got != c.Expected {
			res.Mismatches = append(res.Mismatches, Mismatch{Pos: c.Pos, Command: c.String(), Want: c.Expected, Got: got})
		}
		if opts.Rewrite {
			if err := checkWritable(got); err != nil {
				return nil, &Error{Pos: c.Pos, Err: fmt.Errorf("%s: %w", c.Name, err)}
			}
			nc := *c
			nc.Expected = got
			rewritten.Commands = append(rewritten.Commands, &nc)
		}
	}
	if opts.Rewrite {
		res.Rewritten = Format(&rewritten)
	}
	return res, nil
}

// run runs one command and returns its output with a final newline (or "").
func run(h Handler, c *Command) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprintf("%s: %s: panic: %v", c.Pos, c, r))
		}
	}()
	out, err = h.Handle(c)
	if err != nil {
		if e := (*Error)(nil); !errors.As(err, &e) {
			err = &Error{Pos: c.Pos, Err: fmt.Errorf("%s: %w", c.Name, err)}
		}
		return "", err
	}
	if out != "" && !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	return dropLineEndCR(out), nil
}

// dropLineEndCR removes every "\r" at the end of a line of out, as [Parse]
// does for the lines of a file: a scenario file cannot hold a line-final
// "\r", so a handler's "\r\n" compares, and is rewritten, as "\n".
func dropLineEndCR(out string) string {
	if !strings.Contains(out, "\r\n") {
		return out
	}
	lines := strings.SplitAfter(out, "\n")
	for i, l := range lines {
		if body, ok := strings.CutSuffix(l, "\n"); ok {
			lines[i] = strings.TrimRight(body, "\r") + "\n"
		}
	}
	return strings.Join(lines, "")
}
