package scenarios

import (
	"fmt"
	"slices"
	"strings"
)

// Handler executes one command and returns its output text (without trailing
// newline; "" for no output).
//
// A returned error means the command itself is malformed (unknown command or
// argument, bad value): replay stops, and the CLI exits with status 2. Cloud
// errors are NOT Go errors; they are output lines such as
//
//	error 400 IncorrectEipStatus: Current elastic IP status does not support this operation.
//
// (see [ErrorLine]). A Handler holds the state of one replay (one simulator);
// [Replay] makes a new one for every scenario.
type Handler interface {
	Handle(cmd *Command) (string, error)
}

// Commands is a [Handler] made of one function per command name. An unknown
// command is an error that lists the valid names.
//
// A handler factory builds a fresh table whose functions share the state of
// one replay:
//
//	func newHandler() scenarios.Handler {
//		n := 0
//		return scenarios.Commands{
//			// Example: count
//			"count": func(c *scenarios.Command) (string, error) {
//				if err := c.CheckArgs(); err != nil {
//					return "", err
//				}
//				n++
//				return fmt.Sprint(n), nil
//			},
//		}
//	}
type Commands map[string]func(cmd *Command) (string, error)

// Handle runs the function named cmd.Name.
func (cs Commands) Handle(cmd *Command) (string, error) {
	if f, ok := cs[cmd.Name]; ok {
		return f(cmd)
	}
	return "", cmd.Errorf("unknown command %q%s; valid commands: %s", cmd.Name, cs.suggest(cmd.Name), cs.names())
}

// names returns the sorted command names, or "none".
func (cs Commands) names() string {
	if len(cs) == 0 {
		return "none"
	}
	names := make([]string, 0, len(cs))
	for n := range cs {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// suggest returns ` (did you mean "X"?)` when a command differs from name only
// in case, else "".
func (cs Commands) suggest(name string) string {
	for n := range cs {
		if strings.EqualFold(n, name) {
			return fmt.Sprintf(" (did you mean %q?)", n)
		}
	}
	return ""
}
