package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	engine "github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/httpapi"
	"github.com/eipsim/eipsim/scenarios"
)

// Defaults of "eipsim serve".
const (
	defaultServeAddr = "127.0.0.1:8080"
	// shutdownGrace is how long in-flight requests may take after SIGINT or
	// SIGTERM before their connections are closed.
	shutdownGrace = 5 * time.Second
)

// Environment variables that set the default credential.
const (
	envAccessKeyID     = "EIPSIM_ACCESS_KEY_ID"
	envAccessKeySecret = "EIPSIM_ACCESS_KEY_SECRET"
)

// runServe is "eipsim serve": it serves until SIGINT or SIGTERM.
func runServe(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, args, stdout, stderr)
}

// serveConfig is what the flags of "eipsim serve" say.
type serveConfig struct {
	addr     string
	creds    []httpapi.Credential // the first is the default account's
	world    *scenarios.Scenario
	simOpts  []engine.Option
	httpOpts []httpapi.Option // serve_limits.go
	announce string           // the listening line's credential part
	control  controlConfig    // serve_control.go
}

// serve runs "eipsim serve" until ctx is done, then shuts down cleanly. It
// prints "eipsim serve: listening on http://ADDR ..." to stdout once it
// accepts connections, and one log line per request to stderr.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, status, ok := parseServeFlags(args, stdout, stderr)
	if !ok {
		return status
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		fmt.Fprintf(stderr, "eipsim serve: %v\n", err)
		return exitFail
	}
	addr := ln.Addr().String()
	loopback := ln.Addr().(*net.TCPAddr).IP.IsLoopback()
	if !loopback {
		fmt.Fprintf(stderr, "eipsim serve: warning: %s is not a loopback address; anyone who can reach it and knows a key can use this simulator\n", addr)
	}
	h, err := newServed(ctx, cfg, loopback) // serve_control.go
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "eipsim serve: %v\n", err)
		if ctx.Err() != nil {
			return exitOK // stopped by a signal while loading the world
		}
		return exitUsage
	}
	if ctx.Err() != nil {
		ln.Close()
		return exitOK
	}
	srv := newHTTPServer(logRequests(h, stderr))
	fmt.Fprintf(stdout, "eipsim serve: listening on http://%s (SDK Endpoint %q, Protocol \"http\"; %s)\n", addr, addr, cfg.announce)
	announceControl(stdout, cfg, addr, loopback)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		fmt.Fprintf(stderr, "eipsim serve: %v\n", err)
		return exitFail
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err = srv.Shutdown(shutdownCtx)
	if serveErr := <-served; !errors.Is(serveErr, http.ErrServerClosed) && err == nil {
		err = serveErr
	}
	if err != nil {
		fmt.Fprintf(stderr, "eipsim serve: shutdown: %v\n", err)
		return exitFail
	}
	if err := writeRecording(cfg, h); err != nil {
		fmt.Fprintf(stderr, "eipsim serve: -record: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "eipsim serve: shut down\n")
	return exitOK
}

// parseServeFlags reads the flags, the accounts file and the world file.
func parseServeFlags(args []string, stdout, stderr io.Writer) (cfg serveConfig, status int, ok bool) {
	fs := newFlags("serve", "[flags]",
		"Serve the Alibaba Cloud VPC API (every EIP action of the simulator) over HTTP, for the\n"+
			"official SDKs of any language: POST / with ACS3-HMAC-SHA256 or HMAC-SHA1 (v2) signatures.\n"+
			"Point the SDK at Endpoint ADDR with Protocol \"http\". The clock is the real one, or\n"+
			"with -clock=manual one that moves only when the control API says so.\n\n"+
			controlUsage+
			"Credentials: one AccessKey, from -access-key-id/-access-key-secret, else\n"+
			envAccessKeyID+"/"+envAccessKeySecret+", else the documented test key\n"+
			"  "+httpapi.DefaultAccessKeyID+" / "+httpapi.DefaultAccessKeySecret+"\n"+
			"acting for the engine's default account \""+engine.DefaultAccountID+"\"; or several, from -accounts FILE, a JSON array of\n"+
			"  {\"accessKeyId\": ..., \"accessKeySecret\": ..., \"accountId\": ...}\n"+
			"whose first entry is the default account (an empty accountId is \""+engine.DefaultAccountID+"\").\n\n"+
			"-world FILE runs a scenario file at start as the default account (see scenarios.LoadWorld):\n"+
			"the commands and arguments of any scenario file; its new-sim line sets the simulator's\n"+
			"options, which the flags below override when given; its expected outputs are ignored; a\n"+
			"command that fails (an Action refused, a setup error) stops the start, naming file:line;\n"+
			"advance D moves the served clock D ahead (see -clock).\n\n"+
			"-faults FILE injects fault rules at start: one rule per line in the Key=Value form of\n"+
			"inject-fault (eipsim.ParseFaultFile; # comments and blank lines are skipped).\n\nFlags:")
	addr := fs.String("addr", defaultServeAddr, "listen address (loopback by default)")
	keyID := fs.String("access-key-id", envOr(envAccessKeyID, httpapi.DefaultAccessKeyID), "the AccessKeyId accepted (default from $"+envAccessKeyID+")")
	secret := fs.String("access-key-secret", envOr(envAccessKeySecret, httpapi.DefaultAccessKeySecret), "its AccessKeySecret (default from $"+envAccessKeySecret+")")
	accounts := fs.String("accounts", "", "JSON `FILE` of several AccessKeys and their accounts (instead of -access-key-id)")
	world := fs.String("world", "", "scenario `FILE` to run at start, as the default account")
	faults := fs.String("faults", "", "fault rules `FILE` to inject at start, one inject-fault rule per line")
	seed := fs.Uint64("seed", engine.DefaultSeed, "seed of the simulator's IDs and RequestIds")
	assoc := fs.Duration("associate-delay", engine.DefaultAssociateDelay, "how long an EIP stays Associating")
	unassoc := fs.Duration("unassociate-delay", engine.DefaultUnassociateDelay, "how long an EIP stays Unassociating")
	release := fs.Duration("release-delay", engine.DefaultReleaseDelay, "how long an EIP stays Releasing")
	cooldown := fs.Duration("cooldown", engine.DefaultCooldown, "period after a write on an EIP in which another write gives TaskConflict")
	limits := addLimitFlags(fs)
	ctl := controlFlags(fs) // serve_control.go
	if status, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return cfg, status, false
	}
	fail := func(format string, a ...any) (serveConfig, int, bool) {
		fmt.Fprintf(stderr, "eipsim serve: "+format+"\n", a...)
		return cfg, exitUsage, false
	}
	if fs.NArg() > 0 {
		return fail("unexpected arguments %q", fs.Args())
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	cfg.addr = *addr
	ctlCfg, err := ctl()
	if err != nil {
		return fail("%v", err)
	}
	cfg.control = ctlCfg
	if *accounts != "" {
		if set["access-key-id"] || set["access-key-secret"] {
			return fail("-accounts and -access-key-id/-access-key-secret exclude each other")
		}
		creds, err := readAccounts(*accounts)
		if err != nil {
			return fail("-accounts: %v", err)
		}
		cfg.creds = creds
		cfg.announce = fmt.Sprintf("%d AccessKeys from %s, default account %q", len(creds), *accounts, creds[0].AccountID)
	} else {
		if *keyID == "" || *secret == "" {
			return fail("-access-key-id and -access-key-secret must not be empty")
		}
		cfg.creds = []httpapi.Credential{{AccessKeyID: *keyID, AccessKeySecret: *secret, AccountID: engine.DefaultAccountID}}
		cfg.announce = fmt.Sprintf("AccessKeyId %q, account %q", *keyID, engine.DefaultAccountID)
	}

	if *world != "" {
		src, err := os.ReadFile(*world)
		if err != nil {
			return fail("-world: %v", err)
		}
		if cfg.world, err = scenarios.Parse(*world, src); err != nil {
			return fail("-world: %v", err)
		}
		if cfg.simOpts, err = scenarios.SimOptions(cfg.world); err != nil {
			return fail("-world: %v", err)
		}
	}
	if *faults != "" {
		rules, err := readFaults(*faults)
		if err != nil {
			return fail("-faults: %v", err)
		}
		cfg.simOpts = append(cfg.simOpts, engine.WithFaults(rules...))
	}
	// Flags given on the command line override the world's new-sim; the
	// later option wins.
	flagOpts := map[string]engine.Option{
		"seed":              engine.WithSeed(*seed),
		"associate-delay":   engine.WithTaskDelay(engine.ActionAssociateEipAddress, *assoc),
		"unassociate-delay": engine.WithTaskDelay(engine.ActionUnassociateEipAddress, *unassoc),
		"release-delay":     engine.WithTaskDelay(engine.ActionReleaseEipAddress, *release),
		"cooldown":          engine.WithCooldown(*cooldown),
	}
	for _, name := range []string{"seed", "associate-delay", "unassociate-delay", "release-delay", "cooldown"} {
		if set[name] {
			cfg.simOpts = append(cfg.simOpts, flagOpts[name])
		}
	}
	limitSim, limitHTTP, err := limits.options(set)
	if err != nil {
		return fail("%v", err)
	}
	cfg.simOpts, cfg.httpOpts = append(cfg.simOpts, limitSim...), limitHTTP
	return cfg, exitOK, true
}

// readFaults reads a fault file (eipsim.ParseFaultFile); errors name the
// file and line.
func readFaults(name string) ([]engine.Fault, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rules, err := engine.ParseFaultFile(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rules, nil
}

// envOr returns the environment variable name, or def when it is unset or empty.
func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
