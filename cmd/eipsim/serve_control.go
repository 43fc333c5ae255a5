package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/eipsim/eipsim/control"
	"github.com/eipsim/eipsim/eipsim/httpapi"
)

// The control API of "eipsim serve" (package control): its flags, the
// served Sim, and -record.

// envControlToken is the environment variable that sets -control-token.
const envControlToken = "EIPSIM_CONTROL_TOKEN"

// controlConfig is what the control flags say.
type controlConfig struct {
	manual bool   // -clock=manual
	record string // -record FILE
	token  string // -control-token
}

const controlUsage = "The control API (JSON, under " + control.Prefix + " on the same address): reset, clock,\n" +
	"faults, state, tasks, history, version, check, recording, scenario (see the README), and a\n" +
	"web console at " + control.Prefix + "ui (with a token: open " + control.Prefix + "ui?token=TOKEN once). It is\n" +
	"open on loopback; with -control-token (or $" + envControlToken + ") it requires\n" +
	"\"Authorization: Bearer TOKEN\"; off loopback it is refused unless a token is set.\n" +
	"Every served run is recorded as a scenario file: GET " + control.Prefix + "recording, or\n" +
	"-record FILE (written on shutdown; a run ended by reset N goes to FILE with .N before the\n" +
	"extension), replays with \"eipsim run\".\n\n"

// controlFlags defines the control flags on fs; the returned function reads
// them after parsing.
func controlFlags(fs *flag.FlagSet) func() (controlConfig, error) {
	clk := fs.String("clock", "wall", "the Sim's clock: wall (the real one, moved ahead by advances) or manual (starts at 2026-01-01T00:00:00Z, moves only when told)")
	rec := fs.String("record", "", "write the run since the last reset as a scenario `FILE` on shutdown, and each run a reset ends as FILE with .N before its extension")
	tok := fs.String("control-token", os.Getenv(envControlToken), "token the control API requires (default from $"+envControlToken+"); needed off loopback")
	return func() (controlConfig, error) {
		c := controlConfig{record: *rec, token: *tok}
		switch *clk {
		case "wall":
		case "manual":
			c.manual = true
		default:
			return c, fmt.Errorf("-clock=%q: want wall or manual", *clk)
		}
		if c.record != "" {
			// Fail now rather than at shutdown, with the run lost.
			if err := os.WriteFile(c.record, nil, 0o644); err != nil {
				return c, fmt.Errorf("-record: %v", err)
			}
		}
		return c, nil
	}
}

// newServed makes the served Sim and its handler, of both APIs; loading the
// world stops once ctx is done.
func newServed(ctx context.Context, cfg serveConfig, loopback bool) (*control.Server, error) {
	c := control.Config{
		SimOptions:   cfg.simOpts,
		World:        cfg.world,
		WorldAccount: cfg.creds[0].AccountID,
		ManualClock:  cfg.control.manual,
		HTTPOptions:  append([]httpapi.Option{httpapi.WithCredentials(cfg.creds...)}, cfg.httpOpts...),
		Token:        cfg.control.token,
	}
	if cfg.control.record != "" {
		c.OnReset = func(run int, rec []byte) error {
			return os.WriteFile(recordFile(cfg.control.record, run), rec, 0o644)
		}
	}
	if !loopback && c.Token == "" {
		c.Disabled = "eipsim serve listens on a non-loopback address; start it with -control-token or $" + envControlToken
	}
	srv, err := control.NewContext(ctx, c)
	if werr, ok := errors.AsType[*control.WorldError](err); ok {
		return nil, fmt.Errorf("-world: %w", werr.Err)
	}
	return srv, err
}

// announceControl prints where the control API is, after the listening line.
func announceControl(w io.Writer, cfg serveConfig, addr string, loopback bool) {
	clk := "wall"
	if cfg.control.manual {
		clk = "manual"
	}
	access := "open on loopback"
	switch {
	case cfg.control.token != "":
		access = "token required"
	case !loopback:
		access = "off: not loopback and no -control-token"
	}
	fmt.Fprintf(w, "eipsim serve: control API at http://%s%s (clock %s; %s)\n", addr, control.Prefix, clk, access)
}

// recordFile is where -record FILE puts the run that reset number n ended:
// FILE with ".n" before its extension (bug.txt: bug.1.txt, bug.2.txt, ...).
func recordFile(name string, n int) string {
	ext := filepath.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + strconv.Itoa(n) + ext
}

// writeRecording writes the run to the -record file, if one was given.
func writeRecording(cfg serveConfig, srv *control.Server) error {
	if cfg.control.record == "" {
		return nil
	}
	return os.WriteFile(cfg.control.record, srv.Recording(), 0o644)
}
