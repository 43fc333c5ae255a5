package eipsimtest

// The model of the Sim's hooks a World configures: per-account rate limits
// of single Actions and deterministic fault rules (faults.go's order:
// rate limits, Error rules, the action, Latency rules when it schedules its
// task, ApplyThenFail rules after the change). Written from the eipsim
// documentation of WithRateLimit and Fault, sharing no code with the
// engine.

import (
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// mBucket is a token bucket: tokens in units of 1/Requests of a request,
// times Per, so that whole nanoseconds refill it exactly.
type mBucket struct {
	units int64     // a request costs Per units; Requests units per ns
	at    time.Time // of the last refill
}

type mRule struct {
	f           eipsim.Fault
	fired       int
	from, until time.Time // until zero: open
}

// newHooks sets the model's limits and rules from w (injected at now).
func (m *model) newHooks(w World, now time.Time) {
	m.limits = map[string]eipsim.RateLimit{}
	for _, l := range w.RateLimits {
		lim := l.Limit
		if lim.Burst == 0 {
			lim.Burst = lim.Requests
		}
		m.limits[string(l.Action)] = lim
	}
	m.buckets = map[[2]string]*mBucket{}
	m.global = w.GlobalRateLimit
	if m.global.Burst == 0 {
		m.global.Burst = m.global.Requests
	}
	for _, f := range w.Faults {
		r := &mRule{f: f, from: now.Add(f.From)}
		if f.Until != 0 {
			r.until = now.Add(f.Until)
		}
		m.rules = append(m.rules, r)
	}
}

// throttled admits a call of action by acct, taking a token of every
// bucket it meets, or returns the code refusing it: the global bucket
// first (Throttling), then the caller's bucket for the Action, or for
// every Action without a limit of its own (Throttling.User). A refused
// call takes no token.
func (m *model) throttled(acct, action string) string {
	if m.global.Requests > 0 {
		if m.gbucket == nil {
			m.gbucket = &mBucket{units: int64(m.global.Burst) * int64(m.global.Per), at: m.now}
		}
		if !m.refill(m.gbucket, m.global) {
			m.mark(RuleGlobalRateLimitRefused)
			return string(eipsim.CodeThrottling)
		}
	}
	l, ok := m.limits[action]
	if !ok {
		l, ok = m.limits[""]
	}
	if ok {
		k := [2]string{acct, action}
		b := m.buckets[k]
		if b == nil {
			b = &mBucket{units: int64(l.Burst) * int64(l.Per), at: m.now}
			m.buckets[k] = b
		}
		if !m.refill(b, l) {
			m.mark(RuleRateLimitRefused)
			return string(eipsim.CodeThrottlingUser)
		}
		b.units -= int64(l.Per)
	}
	if m.global.Requests > 0 {
		m.gbucket.units -= int64(m.global.Per)
	}
	return ""
}

// refill brings b up to now under l and reports whether it holds a whole
// token (marking a bucket that was empty and holds one again).
func (m *model) refill(b *mBucket, l eipsim.RateLimit) bool {
	full := int64(l.Burst) * int64(l.Per)
	wasEmpty := b.units < int64(l.Per)
	if el := m.now.Sub(b.at); el > 0 {
		if el >= l.Per*time.Duration(l.Burst) { // refills even from empty
			b.units = full
		} else {
			b.units = min(full, b.units+int64(el)*int64(l.Requests))
		}
		b.at = m.now
	}
	if b.units < int64(l.Per) {
		return false
	}
	if wasEmpty {
		m.mark(RuleRateLimitRefilled)
	}
	return true
}

// fire returns the first rule of the effect (Latency: or Stuck, which
// share their hook) that fires on a call of
// action by acct now, counting the firing; nil if none does.
func (m *model) fire(effect eipsim.FaultEffect, acct, action string) *mRule {
	for _, r := range m.rules {
		f := &r.f
		if f.Effect != effect && !(effect == eipsim.FaultLatency && f.Effect == eipsim.FaultStuck) || f.Action != "" && string(f.Action) != action || f.AccountID != "" && f.AccountID != acct {
			continue
		}
		if m.now.Before(r.from) || !r.until.IsZero() && !m.now.Before(r.until) {
			m.mark(RuleFaultOutsideWindow)
			continue
		}
		if f.Times > 0 && r.fired >= f.Times {
			m.mark(RuleFaultSpent)
			continue
		}
		r.fired++
		return r
	}
	return nil
}

// call predicts and applies one cloud Action, through the hooks.
func (m *model) call(op Op) want {
	m.settle()
	acct := m.account(op)
	m.caller, m.lostLast = acct, false
	if code := m.throttled(acct, op.Cmd); code != "" {
		return want{code: code, refused: true}
	}
	if r := m.fire(eipsim.FaultError, acct, op.Cmd); r != nil {
		// A firing is counted in the Sim's state (Faults), so the call
		// changes its Version although it changes nothing else.
		m.mark(RuleFaultError)
		return want{code: string(r.f.Code)}
	}
	w := m.body(op)
	if w.replay {
		m.mark(RuleTokenReplay)
		if m.tokens[[3]string{acct, op.Cmd, op.ClientToken}].lost {
			m.mark(RuleLostAnswerReplayed)
		}
		if _, nat := natFingerprint(op); nat {
			m.mark(RuleTokenReplayNAT)
		}
	}
	if w.code != "" || w.refused || w.replay {
		return w
	}
	if r := m.fire(eipsim.FaultApplyThenFail, acct, op.Cmd); r != nil {
		m.mark(RuleFaultApplyThenFail)
		w.code, w.lost, m.lostLast = string(r.f.Code), true, true
		if t := m.tokens[[3]string{acct, op.Cmd, op.ClientToken}]; op.ClientToken != "" && t != nil {
			t.lost = true
		}
	}
	return w
}

// taskDue is when the task of the called action completes: its delay, and
// the Latency of the first Latency rule that fires on it.
func (m *model) taskDue(action string) time.Time {
	at := m.now.Add(m.delay[action])
	if r := m.fire(eipsim.FaultLatency, m.caller, action); r != nil { // the Latency and Stuck rules, in order
		if r.f.Effect == eipsim.FaultStuck {
			// Held until its Deadline (the worlds' Stuck rules have one),
			// or its own delay if that is longer.
			m.mark(RuleFaultStuckDeadline)
			return m.now.Add(max(m.delay[action], r.f.Deadline))
		}
		m.mark(RuleFaultLatency)
		at = at.Add(r.f.Latency)
	}
	return at
}
