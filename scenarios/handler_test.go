package scenarios

import (
	"errors"
	"fmt"
	"strings"
)

// newTestHandler is a Handler factory standing in for the engine:
//
//	echo [args...]     prints its arguments, one per line
//	count              prints how many times count ran in this replay
//	Fail Code=X        prints a cloud error line (output, not a Go error)
//	blank              prints two lines with a blank one between
//	bad                returns a Go error without a position
//	panic              panics
func newTestHandler() Handler {
	n := 0
	return Commands{
		"echo": func(c *Command) (string, error) {
			var lines []string
			for _, a := range c.Args {
				lines = append(lines, a.String())
			}
			return strings.Join(lines, "\n"), nil
		},
		"count": func(c *Command) (string, error) {
			if err := c.CheckArgs(); err != nil {
				return "", err
			}
			n++
			return fmt.Sprintf("count=%d", n), nil
		},
		"Fail": func(c *Command) (string, error) {
			if err := c.CheckArgs("Code"); err != nil {
				return "", err
			}
			code, err := c.Value("Code", "InternalError")
			if err != nil {
				return "", err
			}
			return ErrorLine(400, code, "It failed."), nil
		},
		"blank": func(c *Command) (string, error) { return "a\n\nb", nil },
		"bad":   func(c *Command) (string, error) { return "", errors.New("bad value") },
		"panic": func(c *Command) (string, error) { panic("boom") },
	}
}
