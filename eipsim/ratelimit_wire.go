package eipsim

// The wire form of rate limits, used by scenario files (new-sim
// rate-limit=(...) global-rate-limit=...) and the recorder:
//
//	Requests/Per[:Burst]          5/1s, 5/1s:10 (Burst omitted: Requests)
//	Action:Requests/Per[:Burst]   AssociateEipAddress:2/1s, *:100/1m:200
//
// "*" is the limit of every Action that has none of its own (the empty
// Action of WithRateLimit).

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// String writes l as Requests/Per, with ":Burst" when Burst is set and is
// not Requests.
func (l RateLimit) String() string {
	s := strconv.Itoa(l.Requests) + "/" + l.Per.String()
	if l.Burst != 0 && l.Burst != l.Requests {
		s += ":" + strconv.Itoa(l.Burst)
	}
	return s
}

// ParseRateLimit reads a limit written Requests/Per[:Burst] ("5/1s",
// "5/1s:10"); it is checked as [WithRateLimit] checks it.
func ParseRateLimit(s string) (RateLimit, error) {
	reqs, rest, ok := strings.Cut(s, "/")
	if !ok {
		return RateLimit{}, fmt.Errorf("eipsim: rate limit %q: want Requests/Per[:Burst], e.g. 5/1s or 5/1s:10", s)
	}
	per, burst, hasBurst := strings.Cut(rest, ":")
	var l RateLimit
	var err error
	if l.Requests, err = strconv.Atoi(reqs); err != nil {
		return RateLimit{}, fmt.Errorf("eipsim: rate limit %q: Requests %q is not an integer", s, reqs)
	}
	if l.Per, err = time.ParseDuration(per); err != nil {
		return RateLimit{}, fmt.Errorf("eipsim: rate limit %q: Per %q is not a duration", s, per)
	}
	if hasBurst {
		if l.Burst, err = strconv.Atoi(burst); err != nil || l.Burst < 1 {
			return RateLimit{}, fmt.Errorf("eipsim: rate limit %q: Burst %q is not a positive integer", s, burst)
		}
	}
	if l, err = l.check(); err != nil {
		return RateLimit{}, fmt.Errorf("eipsim: rate limit %q: %v", s, err)
	}
	return l, nil
}

// ParseActionRateLimit reads a per-Action limit written
// Action:Requests/Per[:Burst]; Action "*" is returned as "" (every Action
// without a limit of its own), as [WithRateLimit] takes it.
func ParseActionRateLimit(s string) (Action, RateLimit, error) {
	name, rest, ok := strings.Cut(s, ":")
	if !ok || name == "" {
		return "", RateLimit{}, fmt.Errorf("eipsim: rate limit %q: want Action:Requests/Per[:Burst], e.g. AssociateEipAddress:2/1s", s)
	}
	a := Action(name)
	if name == "*" {
		a = ""
	} else if _, known := actionTable[a]; !known {
		return "", RateLimit{}, fmt.Errorf("eipsim: rate limit %q: unknown Action %q", s, name)
	}
	l, err := ParseRateLimit(rest)
	return a, l, err
}

// actionRateLimitString writes a per-Action limit in the form
// [ParseActionRateLimit] reads.
func actionRateLimitString(a Action, l RateLimit) string {
	if a == "" {
		a = "*"
	}
	return string(a) + ":" + l.String()
}
