package scenarios

import (
	"context"
	"fmt"
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// A world file is a scenario file run once against a Sim someone else made
// (eipsim serve -world FILE): the same commands and argument names as any
// scenario, through [NewHandlerFor]. Its new-sim line gives the options
// ([SimOptions]); its expected outputs are ignored. A command that a
// scenario would print as a failure (a refused Action, "error …"; a refused
// setup command, "error: …") stops the load: a world is built only of what
// succeeds. So a library file is a world file if none of its commands fails.

// LoadWorld runs every command of s against e's Sim in order, ignoring the
// expected outputs. It stops at the first malformed command or failing one,
// with an error naming s's file and line.
func LoadWorld(e *Engine, s *Scenario) error {
	return runWorld(context.Background(), e, s)
}

// runWorld is LoadWorld that stops, before the next command, once ctx is
// done, with ctx's error wrapped with the position of the first command not
// run.
func runWorld(ctx context.Context, e *Engine, s *Scenario) error {
	for _, c := range s.Commands {
		if err := ctx.Err(); err != nil {
			return &Error{Pos: c.Pos, Err: fmt.Errorf("%s: not run: %w", c.Name, err)}
		}
		out, err := e.Handle(c)
		if err != nil {
			return err
		}
		if line, failed := failure(out); failed {
			return c.Errorf("fails, and a world is built only of what succeeds: %s", line)
		}
	}
	return nil
}

// failure returns the first line of out that reports a refused Action or
// setup command.
func failure(out string) (string, bool) {
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "error ") || strings.HasPrefix(line, "error:") {
			return line, true
		}
	}
	return "", false
}

// LoadWorldFile is the whole of eipsim serve -world: it runs s against sim
// with account as the world's account ([Engine.WorldAccount]; "" leaves
// [eipsim.DefaultAccountID]), with advance moving clk (nil refuses it).
func LoadWorldFile(sim *eipsim.Sim, clk Advancer, s *Scenario, account string) error {
	e := NewHandlerFor(sim, clk)
	if account != "" {
		e.WorldAccount(account)
	}
	return LoadWorld(e, s)
}
