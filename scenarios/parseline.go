package scenarios

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// parseLine splits one command line into the command name and its arguments,
// exactly as datadriven.ParseLine does (parse_test.go checks the parity), but
// without panics. A blank line gives name "".
func parseLine(line string) (name string, args []Arg, err error) {
	line = strings.TrimSpace(line)
	if line == "" {
		return "", nil, nil
	}
	orig := line
	fail := func(what string) error {
		return fmt.Errorf("cannot parse command line at column %d: %s: %s", len(orig)-len(line)+1, what, clip(orig))
	}
	// until removes from line the prefix before the first of chars, and returns it.
	until := func(chars string) string {
		i := strings.IndexAny(line, chars)
		if i < 0 {
			i = len(line)
		}
		s := line[:i]
		line = line[i:]
		return s
	}

	name = until(" ")
	line = strings.TrimSpace(line)
	for line != "" {
		arg := Arg{Key: until(" =")}
		if arg.Key == "" {
			return "", nil, fail(`argument name missing before "="`)
		}
		if line != "" && line[0] == '=' {
			line = line[1:]
			switch {
			case line == "" || line[0] == ' ':
				arg.Vals = []string{""}
			case line[0] != '(':
				arg.Vals = []string{until(" ")}
			default:
				vals, rest, ok := parseList(line)
				if !ok {
					return "", nil, fail(fmt.Sprintf("argument %q: no closing parenthesis", arg.Key))
				}
				arg.Vals = vals
				line = strings.TrimSpace(rest)
			}
		}
		args = append(args, arg)
		line = strings.TrimSpace(line)
	}
	return name, args, nil
}

// parseList parses "(a, b (c, d), e)rest" into its top-level values and the
// text after the closing parenthesis. Spaces after a top-level comma are
// skipped; everything else is kept. ok is false when the list is not closed.
func parseList(s string) (vals []string, rest string, ok bool) {
	pos, depth, start := 1, 1, 1
	for depth > 0 {
		if pos == len(s) {
			return nil, "", false
		}
		r, size := utf8.DecodeRuneInString(s[pos:])
		pos += size
		switch r {
		case ',':
			if depth == 1 {
				vals = append(vals, s[start:pos-1])
				for pos < len(s) && s[pos] == ' ' {
					pos++
				}
				start = pos
			}
		case '(':
			depth++
		case ')':
			depth--
		}
	}
	return append(vals, s[start:pos-1]), s[pos:], true
}
