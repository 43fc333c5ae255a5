package eipsim

// Rate limits changed at runtime: the setup methods that set, remove and
// list the limits of [WithRateLimit] and [WithGlobalRateLimit] on a running
// Sim. A changed limit starts its buckets full again; the budgets of the
// other limits are kept.

import (
	"fmt"
	"sort"
)

// ActionRateLimit is one per-Action limit; an empty Action is the limit of
// every Action that has none of its own ("*" in the wire form).
type ActionRateLimit struct {
	Action Action
	Limit  RateLimit
}

// String writes the limit as Action:Requests/Per[:Burst], as
// [ParseActionRateLimit] reads it.
func (l ActionRateLimit) String() string { return actionRateLimitString(l.Action, l.Limit) }

// limiter returns the Sim's rate limiter, creating an empty one. s.mu must
// be held.
func (s *Sim) limiter() *rateLimiter {
	if s.hooks.limits == nil {
		s.hooks.limits = &rateLimiter{limits: map[Action]RateLimit{}, buckets: map[bucketKey]*bucket{}}
	} else if s.hooks.limits.limits == nil {
		s.hooks.limits.limits = map[Action]RateLimit{}
	}
	return s.hooks.limits
}

// dropBuckets forgets the per-account buckets governed by action's limit
// (for "", those of the Actions without a limit of their own).
func (r *rateLimiter) dropBuckets(action Action) {
	for k := range r.buckets {
		_, own := r.limits[k.action]
		if k.action == action || (action == "" && !own) {
			delete(r.buckets, k)
		}
	}
}

// SetRateLimit sets (or replaces) the per-account limit of action at
// runtime, checked as [WithRateLimit] checks it; an empty action is the
// limit of every Action without one of its own.
func (s *Sim) SetRateLimit(action Action, l RateLimit) (err error) {
	if action != "" {
		if _, ok := actionTable[action]; !ok {
			return fmt.Errorf("eipsim: SetRateLimit: unknown Action %q", action)
		}
	}
	if l, err = l.check(); err != nil {
		return fmt.Errorf("eipsim: SetRateLimit(%q): %v", action, err)
	}
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "SetRateLimit", nil, action, l)(nil)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	r := s.limiter()
	r.limits[action] = l
	r.dropBuckets(action)
	s.changed()
	return nil
}

// RemoveRateLimit removes the limit of action ("" for the limit of every
// Action without one of its own); it reports whether there was one.
func (s *Sim) RemoveRateLimit(action Action) (removed bool) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "RemoveRateLimit", &removed, action)(nil)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	r := s.hooks.limits
	if r == nil {
		return false
	}
	if _, removed = r.limits[action]; !removed {
		return false
	}
	r.dropBuckets(action)
	delete(r.limits, action)
	s.changed()
	return true
}

// SetGlobalRateLimit sets (or replaces) the global limit at runtime,
// checked as [WithGlobalRateLimit] checks it.
func (s *Sim) SetGlobalRateLimit(l RateLimit) (err error) {
	if l, err = l.check(); err != nil {
		return fmt.Errorf("eipsim: SetGlobalRateLimit: %v", err)
	}
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "SetGlobalRateLimit", nil, l)(nil)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	r := s.limiter()
	r.global, r.gbucket = &l, nil
	s.changed()
	return nil
}

// RemoveGlobalRateLimit removes the global limit; it reports whether there
// was one.
func (s *Sim) RemoveGlobalRateLimit() (removed bool) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "RemoveGlobalRateLimit", &removed)(nil)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	r := s.hooks.limits
	if r == nil || r.global == nil {
		return false
	}
	r.global, r.gbucket = nil, nil
	s.changed()
	return true
}

// RateLimits returns the per-Action limits, sorted by Action (the one of
// every Action, "", first), and the global limit (nil when there is none).
func (s *Sim) RateLimits() (actions []ActionRateLimit, global *RateLimit) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.hooks.limits
	if r == nil {
		return nil, nil
	}
	for a, l := range r.limits {
		actions = append(actions, ActionRateLimit{a, l})
	}
	sort.Slice(actions, func(i, j int) bool { return actions[i].Action < actions[j].Action })
	if r.global != nil {
		g := *r.global
		global = &g
	}
	return actions, global
}
