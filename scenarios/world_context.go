package scenarios

import (
	"context"

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
	return runWorld(ctx, e, s)
}
