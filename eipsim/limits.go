package eipsim

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// The engine keeps instants as Unix nanoseconds and adds durations to the
// clock, and both end in April 2262. So that nothing overflows, every
// duration it takes is at most MaxDelay (task delays, the cooldown, the
// ClientToken TTL, a fault's Latency, Deadline, From and Until), and a clock
// that its owner moves beyond MaxTime is read as saturated: each instant
// past the year 2262 is the same last instant (nothing misfires, but time
// no longer distinguishes events). The scenario language refuses to advance
// its clock past MaxTime.
const MaxDelay = 10 * 365 * 24 * time.Hour

// MaxTime is the latest clock reading whose instants plus MaxDelay the engine
// still represents exactly.
var MaxTime = time.Date(2250, time.January, 1, 0, 0, 0, 0, time.UTC)

// checkDelay is the bound every duration option and fault duration obeys.
func checkDelay(what string, d time.Duration) error {
	if d < 0 {
		return fmt.Errorf("%s: negative duration %v", what, d)
	}
	if d > MaxDelay {
		return fmt.Errorf("%s: %v is longer than the limit %v (10 years)", what, d, MaxDelay)
	}
	return nil
}

var (
	lastNano  = time.Unix(0, math.MaxInt64)
	firstNano = time.Unix(0, math.MinInt64)
)

// nanos returns t as Unix nanoseconds, saturated to the int64 range instead
// of wrapping.
func nanos(t time.Time) int64 {
	// Within about 285 years of 1970 the product cannot overflow, and it is
	// UnixNano without its range arithmetic.
	if s := t.Unix(); s > -9e9 && s < 9e9 {
		return s*1e9 + int64(t.Nanosecond())
	}
	switch {
	case t.After(lastNano):
		return math.MaxInt64
	case t.Before(firstNano):
		return math.MinInt64
	}
	return t.UnixNano()
}

// nanosAfter returns nanos(now + d).
func nanosAfter(now time.Time, d time.Duration) int64 { return nanos(now.Add(d)) }

// after returns nanosAfter(c.now(), d) without the time arithmetic when it
// can: when c.at and d are both in [0, 2^62) (the call between 1970 and
// 2116, d under 146 years), c.at is now's exact instant and c.at + d cannot
// overflow, so it is the answer. Otherwise (a saturated c.at is not now's
// exact instant) it takes the long way.
func (c *call) after(d time.Duration) int64 {
	if uint64(c.at)|uint64(d) < 1<<62 {
		return c.at + int64(d)
	}
	return c.afterSlow(d)
}

// afterSlow is after's long way, out of line so that after inlines.
//
//go:noinline
func (c *call) afterSlow(d time.Duration) int64 { return nanosAfter(c.now(), d) }

// otherKindPrefixes are the ID prefixes of the resources other than EIPs.
var otherKindPrefixes = []string{"i-", "eni-", "lb-", "ngw-", "stb-", "ftb-", "snat-", "fwd-", "havip-", "vpc-", "vsw-"}

// otherKindPrefix returns the prefix of another resource kind that id
// starts with, if any.
func otherKindPrefix(id string) (string, bool) {
	for _, p := range otherKindPrefixes {
		if strings.HasPrefix(id, p) {
			return p, true
		}
	}
	return "", false
}
