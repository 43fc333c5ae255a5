package control

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// The ratelimits endpoints: the Sim's rate limits set, removed and listed
// at runtime (eipsim.Sim.SetRateLimit and friends), recorded as the
// set-rate-limit harness commands.

func rateLimitsOf(sim *eipsim.Sim) RateLimits {
	actions, global := sim.RateLimits()
	out := RateLimits{Limits: []string{}}
	for _, a := range actions {
		out.Limits = append(out.Limits, a.String())
	}
	if global != nil {
		out.Global = global.String()
	}
	return out
}

func (s *Server) rateLimits(r *http.Request, body []byte) (any, error) {
	return rateLimitsOf(s.cur.Load().sim), nil
}

func (s *Server) setRateLimits(r *http.Request, body []byte) (any, error) {
	var req RateLimits
	if err := decode(body, &req, false); err != nil {
		return nil, err
	}
	if len(req.Limits) == 0 && req.Global == "" {
		return nil, errors.New(`want "limits" (["AssociateEipAddress:2/1s", ...]) or "global" ("100/1s")`)
	}
	type one struct {
		a eipsim.Action
		l eipsim.RateLimit
	}
	limits := make([]one, 0, len(req.Limits))
	for i, v := range req.Limits {
		a, l, err := eipsim.ParseActionRateLimit(v)
		if err != nil {
			return nil, fmt.Errorf("limits[%d]: %v", i, err)
		}
		limits = append(limits, one{a, l})
	}
	var global eipsim.RateLimit
	if req.Global != "" {
		var err error
		if global, err = eipsim.ParseRateLimit(req.Global); err != nil {
			return nil, fmt.Errorf("global: %v", err)
		}
	}
	sim := s.cur.Load().sim
	for _, o := range limits {
		if err := sim.SetRateLimit(o.a, o.l); err != nil {
			return nil, err
		}
	}
	if req.Global != "" {
		if err := sim.SetGlobalRateLimit(global); err != nil {
			return nil, err
		}
	}
	return rateLimitsOf(sim), nil
}

func (s *Server) removeRateLimit(r *http.Request, body []byte) (any, error) {
	name := strings.TrimPrefix(strings.TrimSuffix(r.URL.Path, "/"), Prefix+"ratelimits/")
	sim := s.cur.Load().sim
	var removed bool
	switch name {
	case "global":
		removed = sim.RemoveGlobalRateLimit()
	case "*":
		removed = sim.RemoveRateLimit("")
	default:
		if !slices.Contains(eipsim.Actions(), eipsim.Action(name)) {
			return nil, fmt.Errorf("%q: want an Action, \"*\" or \"global\"", name)
		}
		removed = sim.RemoveRateLimit(eipsim.Action(name))
	}
	if !removed {
		return nil, &httpError{http.StatusNotFound, fmt.Sprintf("no rate limit %s", name)}
	}
	return RemoveResponse{Removed: true}, nil
}

func (s *Server) clearRateLimits(r *http.Request, body []byte) (any, error) {
	sim := s.cur.Load().sim
	actions, global := sim.RateLimits()
	removed := global != nil && sim.RemoveGlobalRateLimit()
	for _, a := range actions {
		removed = sim.RemoveRateLimit(a.Action) || removed
	}
	return RemoveResponse{Removed: removed}, nil
}
