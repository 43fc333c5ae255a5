package eipsim

// Rate limiting: token buckets on the Sim's clock, refilled lazily from the
// call's time (no timers). Off unless configured with [WithRateLimit] or
// [WithGlobalRateLimit].
//
// The arithmetic is exact: a bucket of a limit of Requests per Per holds
// credit in units where one request costs Per and each nanosecond adds
// Requests, so 1 request per second is refused at 999ms and allowed at
// exactly 1s, whatever the rate.
//
// Order (before the fault rules): the global bucket, then the caller's
// bucket for the Action. A call is admitted only if every bucket it meets
// has a whole token, and then takes one from each; a refused call takes
// none. The global bucket refuses with Throttling ("Request was denied due
// to request throttling."), the caller's with Throttling.User ("Request was
// denied due to user flow control.").

import (
	"fmt"
	"math"
	"time"
)

// RateLimit is a token bucket: Requests per Per on average, and up to Burst
// in a row after a quiet spell. A bucket starts full.
type RateLimit struct {
	Requests int
	Per      time.Duration
	// Burst is the bucket size; zero means Requests.
	Burst int
}

func (l RateLimit) check() (RateLimit, error) {
	if l.Burst == 0 {
		l.Burst = l.Requests
	}
	if l.Requests < 1 || l.Per <= 0 || l.Burst < 1 {
		return l, fmt.Errorf("want Requests >= 1, Per > 0 and Burst >= 0, got %+v", l)
	}
	if int64(l.Burst) > math.MaxInt64/4/int64(l.Per) {
		return l, fmt.Errorf("Burst %d times Per %v is too large", l.Burst, l.Per)
	}
	return l, nil
}

// WithRateLimit limits how often each account may call action: one bucket
// per (account, action). An empty action sets the limit of every Action
// that has none of its own. Refusals are Throttling.User. Default: no
// limit.
func WithRateLimit(action Action, l RateLimit) Option {
	return func(cfg *config) error {
		if action != "" {
			if _, ok := actionTable[action]; !ok {
				return fmt.Errorf("eipsim: WithRateLimit: unknown Action %q", action)
			}
		}
		l, err := l.check()
		if err != nil {
			return fmt.Errorf("eipsim: WithRateLimit(%q): %v", action, err)
		}
		if cfg.limits == nil {
			cfg.limits = map[Action]RateLimit{}
		}
		cfg.limits[action] = l
		return nil
	}
}

// WithGlobalRateLimit limits all calls of all accounts together, with one
// bucket; refusals are Throttling. Default: no limit.
func WithGlobalRateLimit(l RateLimit) Option {
	return func(cfg *config) error {
		l, err := l.check()
		if err != nil {
			return fmt.Errorf("eipsim: WithGlobalRateLimit: %v", err)
		}
		cfg.globalLimit = &l
		return nil
	}
}

type bucket struct {
	credit int64 // in units of 1/Requests ns·request; a request costs Per
	last   int64 // UnixNano of the last refill
}

// refill brings b up to now under l.
func (b *bucket) refill(l *RateLimit, now int64) {
	capacity := int64(l.Burst) * int64(l.Per)
	if now <= b.last {
		return
	}
	need := capacity - b.credit
	if el := now - b.last; el >= need/int64(l.Requests)+1 {
		b.credit = capacity
	} else {
		b.credit = min(capacity, b.credit+el*int64(l.Requests))
	}
	b.last = now
}

func (b *bucket) has(l *RateLimit) bool { return b.credit >= int64(l.Per) }

type bucketKey struct {
	account string
	action  Action
}

type rateLimiter struct {
	limits  map[Action]RateLimit
	global  *RateLimit
	gbucket *bucket
	buckets map[bucketKey]*bucket
}

func newRateLimiter(limits map[Action]RateLimit, global *RateLimit) *rateLimiter {
	if len(limits) == 0 && global == nil {
		return nil
	}
	own := make(map[Action]RateLimit, len(limits)) // SetRateLimit changes it, not the options
	for a, l := range limits {
		own[a] = l
	}
	return &rateLimiter{limits: own, global: global, buckets: map[bucketKey]*bucket{}}
}

func (r *rateLimiter) newBucket(l *RateLimit, now int64) *bucket {
	return &bucket{credit: int64(l.Burst) * int64(l.Per), last: now}
}

// take admits a call or returns the throttling code refusing it.
func (r *rateLimiter) take(account string, action Action, at time.Time) Code {
	now := nanos(at)
	var g *bucket
	if r.global != nil {
		if r.gbucket == nil {
			r.gbucket = r.newBucket(r.global, now)
		}
		g = r.gbucket
		g.refill(r.global, now)
		if !g.has(r.global) {
			return CodeThrottling
		}
	}
	l, ok := r.limits[action]
	if !ok {
		l, ok = r.limits[""]
	}
	if ok {
		k := bucketKey{account, action}
		b := r.buckets[k]
		if b == nil {
			b = r.newBucket(&l, now)
			r.buckets[k] = b
		}
		b.refill(&l, now)
		if !b.has(&l) {
			return CodeThrottlingUser
		}
		b.credit -= int64(l.Per)
	}
	if g != nil {
		g.credit -= int64(r.global.Per)
	}
	return ""
}
