package scenarios

import (
	"context"
	"fmt"

	"github.com/eipsim/eipsim/eipsim"
)

// LoadWorldFileContext is [LoadWorldFile] that stops, before the next
// command, once ctx is done: it returns ctx's error wrapped with the
// position of the first command not run. Each command is itself bounded
// (skip-request-ids, advance), so a stop is prompt.
func LoadWorldFileContext(ctx context.Context, sim *eipsim.Sim, clk Advancer, s *Scenario, account string) error {
	e := NewHandlerFor(sim, clk)
	if account != "" {
		e.WorldAccount(account)
	}
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
