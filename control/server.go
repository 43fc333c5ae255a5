package control

import (
	"context"
	"crypto/subtle"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/httpapi"
	"github.com/eipsim/eipsim/eipsim/simclock"
	"github.com/eipsim/eipsim/scenarios"
)

// Config is what a [Server] serves.
type Config struct {
	// SimOptions are the served Sim's options. The Server adds its clock
	// and a [scenarios.Recorder]; a reset with a seed adds that seed.
	SimOptions []eipsim.Option
	// World, when set, runs at start and after every reset (scenarios.LoadWorld)
	// as WorldAccount ("" is eipsim.DefaultAccountID).
	World        *scenarios.Scenario
	WorldAccount string
	// ManualClock makes the Sim's clock move only when told (clock/advance,
	// clock/set, a scenario's advance). It starts at Start, or at
	// simclock.Epoch when Start is zero, and goes back there on reset.
	// Otherwise the clock is the wall clock, moved ahead by every advance.
	ManualClock bool
	Start       time.Time
	// HTTPOptions configure the VPC protocol handler (credentials, limits).
	// Request timestamps are always checked against the wall clock
	// ([httpapi.WithRequestClock](time.Now)), whatever the Sim's clock says.
	HTTPOptions []httpapi.Option
	// Token, when set, is required of every control request, as
	// "Authorization: Bearer TOKEN" or the X-Eipsim-Control-Token header.
	Token string
	// Disabled, when set, refuses every control request with 403 and this
	// reason (eipsim serve: a non-loopback address without a token).
	Disabled string
	// OnReset, when set, is given the recording of the run a reset ends,
	// and its number (1 for the run from start, then 2, ...), before the new
	// run starts; an error fails the reset and keeps the old run.
	OnReset func(run int, recording []byte) error
}

// Server serves the VPC protocol at "/" and the control API under [Prefix].
// It is safe for concurrent use.
type Server struct {
	cfg Config
	// mu serializes the control calls that act on the Sim as a whole
	// (reset, scenario) with each other.
	mu   sync.Mutex
	cur  atomic.Pointer[run]
	runs int // runs ended by a reset, under mu
	// crossOrigin refuses non-safe cross-origin browser requests (CSRF).
	crossOrigin http.CrossOriginProtection
}

// run is one Sim, from start or a reset to the next reset.
type run struct {
	sim *eipsim.Sim
	rec *scenarios.Recorder
	clk simClock
	vpc http.Handler
	// n numbers the runs: 1 from start, then one more per reset.
	n int
	// start is the clock's time when the run began (before its world).
	start time.Time
}

// New makes the Sim, loads the world and returns the Server.
func New(cfg Config) (*Server, error) { return NewContext(context.Background(), cfg) }

// NewContext is New that stops loading the world once ctx is done.
func NewContext(ctx context.Context, cfg Config) (*Server, error) {
	s := &Server{cfg: cfg}
	r, err := s.newRun(ctx, nil)
	if err != nil {
		return nil, err
	}
	r.n = 1
	s.cur.Store(r)
	return s, nil
}

// newRun makes a fresh Sim on a fresh clock, with extra options after the
// configured ones, and loads the world into it.
func (s *Server) newRun(ctx context.Context, extra []eipsim.Option) (*run, error) {
	var clk simClock
	if s.cfg.ManualClock {
		start := s.cfg.Start
		if start.IsZero() {
			start = simclock.Epoch
		}
		c := simclock.New()
		c.Set(start)
		clk = manualClock{c}
	} else {
		clk = &wallClock{}
	}
	start := clk.Now()
	opts := append([]eipsim.Option{eipsim.WithClock(clk)}, s.cfg.SimOptions...)
	rec := scenarios.NewRecorder()
	opts = append(append(opts, extra...), rec.Option())
	sim, err := eipsim.New(opts...)
	if err != nil {
		return nil, err
	}
	if s.cfg.World != nil {
		if err := scenarios.LoadWorldFileContext(ctx, sim, clk, s.cfg.World, s.cfg.WorldAccount); err != nil {
			return nil, &WorldError{Err: err}
		}
	}
	hopts := append(append([]httpapi.Option(nil), s.cfg.HTTPOptions...), httpapi.WithRequestClock(time.Now))
	return &run{sim: sim, rec: rec, clk: clk, vpc: httpapi.NewHandler(sim, hopts...), start: start}, nil
}

// WorldError is a failure of Config.World to load.
type WorldError struct{ Err error }

func (e *WorldError) Error() string { return "world: " + e.Err.Error() }

func (e *WorldError) Unwrap() error { return e.Err }

// Sim returns the Sim served now (a reset replaces it).
func (s *Server) Sim() *eipsim.Sim { return s.cur.Load().sim }

// Recording returns the current run (since start or the last reset) as a
// scenario file that replays to the same outputs.
func (s *Server) Recording() []byte { return s.cur.Load().rec.Bytes() }

// ServeHTTP answers a control call under [Prefix] and anything else with the
// VPC protocol.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	run := s.cur.Load()
	run.clk.tick()
	if !strings.HasPrefix(r.URL.Path, Prefix) {
		run.vpc.ServeHTTP(w, r)
		return
	}
	if s.cfg.Disabled != "" {
		writeError(w, http.StatusForbidden, "the control API is off: %s", s.cfg.Disabled)
		return
	}
	if err := s.crossOrigin.Check(r); err != nil {
		// A web page open in the same browser must not reset or advance the
		// Sim: non-GET control calls from another origin are refused, with
		// or without a token (curl and the SDKs send no Origin).
		writeError(w, http.StatusForbidden, "the control API refuses a cross-origin %s from a browser: %v", r.Method, err)
		return
	}
	if s.cfg.Token != "" && !s.authorized(r) {
		writeError(w, http.StatusUnauthorized, "the control API needs its token: send \"Authorization: Bearer TOKEN\" (eipsim serve -control-token); in a browser, open %sui?token=TOKEN once", Prefix)
		return
	}
	s.control(w, r, strings.TrimPrefix(r.URL.Path, Prefix))
}

// authorized reports whether r carries the token.
func (s *Server) authorized(r *http.Request) bool {
	got := r.Header.Get(TokenHeader)
	if a := r.Header.Get("Authorization"); got == "" && strings.HasPrefix(a, "Bearer ") {
		got = strings.TrimPrefix(a, "Bearer ")
	}
	if got == "" {
		got = uiToken(r) // ui.go: the console's cookie or ?token=
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) == 1
}

// TokenHeader is the header that may carry the control token instead of
// "Authorization: Bearer".
const TokenHeader = "X-Eipsim-Control-Token"
