package control

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/scenarios"
)

// Bounds of control request bodies.
const (
	maxJSONBody     = 64 << 10
	maxScenarioBody = 1 << 20
)

// endpoint answers one control call on the current run; it returns the
// answer to encode as JSON, or an error for 400 (*httpError for others).
type endpoint func(s *Server, r *http.Request, body []byte) (any, error)

// endpoints maps "METHOD path" (after Prefix) to its handler.
var endpoints = map[string]endpoint{
	"POST reset":                (*Server).reset,
	"GET clock":                 (*Server).clock,
	"POST clock/advance":        (*Server).advance,
	"POST clock/set":            (*Server).setClock,
	"GET faults":                (*Server).faults,
	"POST faults":               (*Server).inject,
	"DELETE faults":             (*Server).clearFaults,
	"POST faults/release-stuck": (*Server).releaseStuck,
	"GET ratelimits":            (*Server).rateLimits,
	"POST ratelimits":           (*Server).setRateLimits,
	"DELETE ratelimits":         (*Server).clearRateLimits,
	"GET state":                 (*Server).state,
	"GET tasks":                 (*Server).tasks,
	"GET history":               (*Server).history,
	"GET version":               (*Server).version,
	"GET check":                 (*Server).check,
	"POST scenario":             (*Server).scenario,
}

type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

// control dispatches a control call on path (without Prefix).
func (s *Server) control(w http.ResponseWriter, r *http.Request, path string) {
	path = strings.TrimSuffix(path, "/")
	if path == "ui" {
		s.ui(w, r) // ui.go
		return
	}
	if r.Method == http.MethodGet && path == "recording" {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(s.Recording())
		return
	}
	ep, ok := endpoints[r.Method+" "+path]
	if !ok && r.Method == http.MethodDelete && strings.HasPrefix(path, "faults/") {
		ep, ok = (*Server).removeFault, true
	}
	if !ok && r.Method == http.MethodDelete && strings.HasPrefix(path, "ratelimits/") {
		ep, ok = (*Server).removeRateLimit, true
	}
	if !ok {
		for key := range endpoints {
			if strings.HasSuffix(key, " "+path) || path == "recording" {
				writeError(w, http.StatusMethodNotAllowed, "%s %s%s: method not allowed", r.Method, Prefix, path)
				return
			}
		}
		writeError(w, http.StatusNotFound, "%s%s: no such control endpoint (see %sversion, state, clock, faults, ratelimits, tasks, history, check, recording, reset, scenario, ui)", Prefix, path, Prefix)
		return
	}
	limit := int64(maxJSONBody)
	if path == "scenario" {
		limit = maxScenarioBody
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		writeError(w, http.StatusBadRequest, "reading the body: %v", err)
		return
	}
	if int64(len(body)) > limit {
		writeError(w, http.StatusRequestEntityTooLarge, "the body is larger than %d bytes", limit)
		return
	}
	resp, err := ep(s, r, body)
	if err != nil {
		status := http.StatusBadRequest
		var he *httpError
		if errors.As(err, &he) {
			status = he.status
		}
		writeError(w, status, "%s %s%s: %v", r.Method, Prefix, path, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":"encoding the answer failed"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

func writeError(w http.ResponseWriter, status int, format string, a ...any) {
	writeJSON(w, status, ErrorResponse{Error: fmt.Sprintf(format, a...)})
}

// decode reads a JSON body into v, refusing unknown fields and trailing
// data; an empty body leaves v as it is when optional.
func decode(body []byte, v any, optional bool) error {
	if len(bytes.TrimSpace(body)) == 0 {
		if optional {
			return nil
		}
		return errors.New("want a JSON body")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("the JSON body: %v", err)
	}
	if dec.More() {
		return errors.New("the JSON body: data after the object")
	}
	return nil
}

func (s *Server) reset(r *http.Request, body []byte) (any, error) {
	var req ResetRequest
	if err := decode(body, &req, true); err != nil {
		return nil, err
	}
	var extra []eipsim.Option
	if req.Seed != nil {
		extra = append(extra, eipsim.WithSeed(*req.Seed))
	}
	for i, l := range req.RateLimits {
		a, rl, err := eipsim.ParseActionRateLimit(l)
		if err != nil {
			return nil, fmt.Errorf("\"rateLimits\"[%d]: %v", i, err)
		}
		extra = append(extra, eipsim.WithRateLimit(a, rl))
	}
	if req.GlobalRateLimit != "" {
		rl, err := eipsim.ParseRateLimit(req.GlobalRateLimit)
		if err != nil {
			return nil, fmt.Errorf("\"globalRateLimit\": %v", err)
		}
		extra = append(extra, eipsim.WithGlobalRateLimit(rl))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	run, err := s.newRun(r.Context(), extra)
	if err != nil {
		return nil, err
	}
	if s.cfg.OnReset != nil {
		if err := s.cfg.OnReset(s.runs+1, s.Recording()); err != nil {
			return nil, &httpError{http.StatusInternalServerError, fmt.Sprintf("saving the recording of run %d: %v", s.runs+1, err)}
		}
	}
	s.runs++
	run.n = s.runs + 1
	s.cur.Store(run)
	return s.clockState(run), nil
}

func (s *Server) clockState(run *run) ClockState {
	return ClockState{Now: run.sim.Now(), Manual: run.clk.Manual()}
}

func (s *Server) clock(r *http.Request, body []byte) (any, error) {
	return s.clockState(s.cur.Load()), nil
}

func (s *Server) advance(r *http.Request, body []byte) (any, error) {
	var req AdvanceRequest
	if err := decode(body, &req, false); err != nil {
		return nil, err
	}
	d, err := time.ParseDuration(req.By)
	if err != nil {
		return nil, fmt.Errorf("\"by\": %q: want a Go duration such as \"3s\" or \"1m30s\"", req.By)
	}
	if err := checkAdvance(d); err != nil {
		return nil, fmt.Errorf("\"by\": %v", err)
	}
	run := s.cur.Load()
	run.clk.Advance(d)
	return s.clockState(run), nil
}

func (s *Server) setClock(r *http.Request, body []byte) (any, error) {
	var req SetClockRequest
	if err := decode(body, &req, false); err != nil {
		return nil, err
	}
	run := s.cur.Load()
	if err := checkAdvance(req.To.Sub(run.sim.Now())); err != nil {
		return nil, fmt.Errorf("\"to\": %s is before the Sim's time %s: the clock only moves forward", req.To.Format(time.RFC3339Nano), run.sim.Now().Format(time.RFC3339Nano))
	}
	run.clk.Advance(req.To.Sub(run.sim.Now()))
	return s.clockState(run), nil
}

func (s *Server) faults(r *http.Request, body []byte) (any, error) {
	out := []FaultRule{}
	for _, f := range s.cur.Load().sim.Faults() {
		out = append(out, FaultRule{ID: f.ID, Rule: strings.Join(f.Fault.Args(), " "), Injected: f.Injected, Fired: f.Fired})
	}
	return out, nil
}

func (s *Server) inject(r *http.Request, body []byte) (any, error) {
	var req InjectRequest
	if err := decode(body, &req, false); err != nil {
		return nil, err
	}
	given := 0
	for _, set := range []bool{req.Rule != "", len(req.Rules) > 0, req.Args != nil} {
		if set {
			given++
		}
	}
	if given != 1 {
		return nil, errors.New(`want exactly one of "rule", "rules" or "args"`)
	}
	lines := req.Rules
	if req.Rule != "" {
		lines = []string{req.Rule}
	}
	var rules []eipsim.Fault
	for i, line := range lines {
		f, err := eipsim.ParseFaultLine(line)
		if err != nil {
			return nil, fmt.Errorf("rule %d: %v", i+1, err)
		}
		rules = append(rules, f)
	}
	if req.Args != nil {
		f, err := eipsim.ParseFault(req.Args)
		if err != nil {
			return nil, fmt.Errorf("\"args\": %v", err)
		}
		rules = append(rules, f)
	}
	sim := s.cur.Load().sim
	resp := InjectResponse{IDs: []string{}}
	for i, f := range rules {
		h, err := sim.InjectFault(f)
		if err != nil {
			return nil, fmt.Errorf("rule %d: %v (rules before it were injected: %v)", i+1, err, resp.IDs)
		}
		resp.IDs = append(resp.IDs, h.ID())
	}
	return resp, nil
}

func (s *Server) removeFault(r *http.Request, body []byte) (any, error) {
	id := strings.TrimPrefix(strings.TrimSuffix(r.URL.Path, "/"), Prefix+"faults/")
	h, err := eipsim.FaultHandleByID(id)
	if err != nil {
		return nil, err
	}
	if !s.cur.Load().sim.RemoveFault(h) {
		return nil, &httpError{http.StatusNotFound, fmt.Sprintf("no fault rule %s", id)}
	}
	return RemoveResponse{Removed: true}, nil
}

func (s *Server) clearFaults(r *http.Request, body []byte) (any, error) {
	s.cur.Load().sim.ClearFaults()
	return RemoveResponse{Removed: true}, nil
}

func (s *Server) releaseStuck(r *http.Request, body []byte) (any, error) {
	var req ReleaseStuckRequest
	if err := decode(body, &req, true); err != nil {
		return nil, err
	}
	return ReleaseStuckResponse{Released: s.cur.Load().sim.ReleaseStuck(req.ResourceID)}, nil
}

func (s *Server) state(r *http.Request, body []byte) (any, error) {
	sim := s.cur.Load().sim
	sim.Settle()
	return State{
		Now: sim.Now(), Version: sim.Version(),
		EIPs: sim.EIPs(), VPCs: sim.VPCs(), Instances: sim.Instances(), LoadBalancers: sim.LoadBalancers(),
		NetworkInterfaces: sim.NetworkInterfaces(), NatGateways: sim.NatGateways(), HaVips: sim.HaVips(),
	}, nil
}

func (s *Server) tasks(r *http.Request, body []byte) (any, error) {
	sim := s.cur.Load().sim
	return TasksResponse{Now: sim.Now(), Tasks: sim.Tasks()}, nil
}

func (s *Server) history(r *http.Request, body []byte) (any, error) {
	var since uint64
	if v := r.URL.Query().Get("since"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("since=%q: want a history sequence number (0 or more)", v)
		}
		since = n
	}
	events := s.cur.Load().sim.HistorySince(since)
	resp := HistoryResponse{Seq: since, Events: events}
	if len(events) > 0 {
		resp.Seq = events[len(events)-1].Seq
	}
	if resp.Events == nil {
		resp.Events = []eipsim.Event{}
	}
	return resp, nil
}

func (s *Server) version(r *http.Request, body []byte) (any, error) {
	run := s.cur.Load()
	return VersionResponse{Version: run.sim.Version(), Run: run.n}, nil
}

func (s *Server) check(r *http.Request, body []byte) (any, error) {
	if err := s.cur.Load().sim.CheckInvariants(); err != nil {
		return CheckResponse{OK: false, Violations: scenarios.RenderInvariants(err)}, nil
	}
	return CheckResponse{OK: true}, nil
}

// scenario runs the posted scenario's commands against the served Sim, as
// -world does (as the world's account; a first new-sim is checked and
// skipped), and answers with their outputs. A malformed command stops it.
func (s *Server) scenario(r *http.Request, body []byte) (any, error) {
	sc, err := scenarios.Parse("scenario", body)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	run := s.cur.Load()
	e := scenarios.NewHandlerFor(run.sim, run.clk)
	if s.cfg.WorldAccount != "" {
		e.WorldAccount(s.cfg.WorldAccount)
	}
	done := *sc
	done.Commands = nil
	for _, c := range sc.Commands {
		out, err := e.Handle(c)
		if err != nil {
			return nil, err
		}
		if out != "" && !strings.HasSuffix(out, "\n") {
			out += "\n"
		}
		nc := *c
		nc.Expected = out
		done.Commands = append(done.Commands, &nc)
	}
	return ScenarioResponse{Output: string(scenarios.Format(&done))}, nil
}
