package scenarios

import (
	"strconv"
	"strings"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// SimOptions returns the Sim options of s's new-sim command, or none when it
// has none; a new-sim command must be s's first. Its arguments are those of
// any scenario file, all optional:
//
//	new-sim seed=7 region=(cn-hangzhou, cn-shanghai) associate-delay=3s \
//	    unassociate-delay=3s release-delay=3s cooldown=1s quota=20 \
//	    ip-pool=(203.0.113.0/24) ids=(eip-0001, eip-0002) token-ttl=24h \
//	    token-limit=100000 history-limit=100000 multi-binded-limit=10 start=2026-01-01T00:00:00Z \
//	    nat-entry-delay=2s nat-gateway-delay=3s havip-delay=2s \
//	    nat-eip-limits=(20, 10) nat-force-mode=delete-entries|keep-entries \
//	    snat-entry-quota=40 forward-entry-quota=100 nat-gateway-quota=5 havip-quota=50 \
//	    rate-limit=(AssociateEipAddress:2/1s, *:100/1s:200) global-rate-limit=1000/1s \
//	    task-delay=(CreateSnatEntry:5s, AssociateHaVip:1s)
//
// task-delay sets the delay of single asynchronous Actions
// ([eipsim.WithTaskDelay]); it applies after the group shorthands.
// start= is not an option: the caller of SimOptions chooses the clock.
// Rate limits are written Requests/Per[:Burst] (see [eipsim.ParseRateLimit]);
// "*" is every Action without a limit of its own.
func SimOptions(s *Scenario) ([]eipsim.Option, error) {
	for i, c := range s.Commands {
		if c.Name != "new-sim" {
			continue
		}
		if i != 0 {
			return nil, c.Errorf("must be the first command")
		}
		opts, _, err := newSimOptions(c)
		return opts, err
	}
	return nil, nil
}

// newSimOptions reads the arguments of a new-sim command: the options and
// the clock's start, if given.
func newSimOptions(c *Command) ([]eipsim.Option, []time.Time, error) {
	if err := c.check(); err != nil {
		return nil, nil, err
	}
	var opts []eipsim.Option
	add := func(o ...eipsim.Option) { opts = append(opts, o...) }
	if c.Has("seed") {
		v, _ := c.Value("seed", "")
		seed, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return nil, nil, c.Errorf("argument seed=%s: want an unsigned integer", v)
		}
		add(eipsim.WithSeed(seed))
	}
	if rs, err := c.Strings("region"); err != nil {
		return nil, nil, err
	} else if rs != nil {
		add(eipsim.WithRegions(rs...))
	}
	for _, d := range []struct {
		key string
		a   eipsim.Action
	}{{"associate-delay", eipsim.ActionAssociateEipAddress}, {"unassociate-delay", eipsim.ActionUnassociateEipAddress}, {"release-delay", eipsim.ActionReleaseEipAddress}} {
		if c.Has(d.key) {
			v, err := c.Duration(d.key, 0)
			if err != nil {
				return nil, nil, err
			}
			add(eipsim.WithTaskDelay(d.a, v))
		}
	}
	durations := []struct {
		key string
		opt func(time.Duration) eipsim.Option
	}{{"cooldown", eipsim.WithCooldown}, {"token-ttl", eipsim.WithClientTokenTTL},
		{"nat-entry-delay", eipsim.WithNATEntryDelay}, {"nat-gateway-delay", eipsim.WithNATGatewayDelay}, {"havip-delay", eipsim.WithHaVipDelay}}
	for _, d := range durations {
		if c.Has(d.key) {
			v, err := c.Duration(d.key, 0)
			if err != nil {
				return nil, nil, err
			}
			add(d.opt(v))
		}
	}
	ints := []struct {
		key string
		opt func(int) eipsim.Option
	}{{"quota", eipsim.WithEIPQuota}, {"token-limit", eipsim.WithClientTokenLimit}, {"history-limit", eipsim.WithHistoryLimit}, {"multi-binded-limit", eipsim.WithMultiBindedLimit},
		{"snat-entry-quota", eipsim.WithSnatEntryQuota}, {"forward-entry-quota", eipsim.WithForwardEntryQuota},
		{"nat-gateway-quota", eipsim.WithNatGatewayQuota}, {"havip-quota", eipsim.WithHaVipQuota}}
	for _, d := range ints {
		if c.Has(d.key) {
			v, err := c.Int(d.key, 0)
			if err != nil {
				return nil, nil, err
			}
			add(d.opt(v))
		}
	}
	lists := []struct {
		key string
		opt func(...string) eipsim.Option
	}{{"ip-pool", eipsim.WithIPPool}, {"ids", eipsim.WithAllocationIDs}}
	for _, d := range lists {
		if vs, err := c.Strings(d.key); err != nil {
			return nil, nil, err
		} else if vs != nil {
			add(d.opt(vs...))
		}
	}
	natOpts, err := natSimOptions(c)
	if err != nil {
		return nil, nil, err
	}
	add(natOpts...)
	delays, err := c.Strings("task-delay")
	if err != nil {
		return nil, nil, err
	}
	for _, d := range delays {
		a, v, ok := strings.Cut(d, ":")
		dur, err := time.ParseDuration(v)
		if !ok || err != nil {
			return nil, nil, c.Errorf("argument task-delay=%s: want Action:duration, such as CreateSnatEntry:5s", d)
		}
		add(eipsim.WithTaskDelay(eipsim.Action(a), dur))
	}
	var start []time.Time
	if c.Has("start") {
		v, _ := c.Value("start", "")
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return nil, nil, c.Errorf("argument start=%s: want an RFC 3339 time such as 2026-01-01T00:00:00Z", quoteClip(v))
		}
		if t.Before(time.Unix(0, 0)) || t.After(eipsim.MaxTime) {
			return nil, nil, c.Errorf("argument start=%s: want a time from 1970-01-01T00:00:00Z to %s", v, eipsim.MaxTime.Format(time.RFC3339))
		}
		start = append(start, t.UTC())
	}
	return opts, start, nil
}

// natSimOptions reads new-sim's NAT and rate-limit arguments:
// nat-eip-limits=(total, traffic), nat-force-mode=delete-entries|keep-entries,
// rate-limit=(Action:Requests/Per[:Burst], ...) and
// global-rate-limit=Requests/Per[:Burst].
func natSimOptions(c *Command) ([]eipsim.Option, error) {
	var opts []eipsim.Option
	if vs, err := c.Strings("nat-eip-limits"); err != nil {
		return nil, err
	} else if vs != nil {
		total, err1 := strconv.Atoi(vs[0])
		traffic, err2 := 0, error(nil)
		if len(vs) == 2 {
			traffic, err2 = strconv.Atoi(vs[1])
		}
		if len(vs) != 2 || err1 != nil || err2 != nil {
			return nil, c.Errorf("argument nat-eip-limits: want (total, traffic), two integers such as (20, 10)")
		}
		opts = append(opts, eipsim.WithNATEIPLimits(total, traffic))
	}
	if c.Has("nat-force-mode") {
		v, err := c.Value("nat-force-mode", "")
		if err != nil {
			return nil, err
		}
		switch v {
		case eipsim.NATForceDeleteEntries.String():
			opts = append(opts, eipsim.WithNATForceMode(eipsim.NATForceDeleteEntries))
		case eipsim.NATForceKeepEntries.String():
			opts = append(opts, eipsim.WithNATForceMode(eipsim.NATForceKeepEntries))
		default:
			return nil, c.Errorf("argument nat-force-mode=%s: want delete-entries or keep-entries", v)
		}
	}
	limits, err := c.Strings("rate-limit")
	if err != nil {
		return nil, err
	}
	for _, v := range limits {
		a, l, err := eipsim.ParseActionRateLimit(v)
		if err != nil {
			return nil, c.Errorf("argument rate-limit: %v", err)
		}
		opts = append(opts, eipsim.WithRateLimit(a, l))
	}
	if c.Has("global-rate-limit") {
		v, err := c.Value("global-rate-limit", "")
		if err != nil {
			return nil, err
		}
		l, err := eipsim.ParseRateLimit(v)
		if err != nil {
			return nil, c.Errorf("argument global-rate-limit: %v", err)
		}
		opts = append(opts, eipsim.WithGlobalRateLimit(l))
	}
	return opts, nil
}
