package scenarios

// The command lines the recorder writes for Action calls and for the Sim's
// settings (new-sim). A round-trip test replays a recording and compares.

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/simclock"
)

// opLine is a harness command with key=value arguments, in order.
type opLine struct {
	cmd string
	kv  []string // key, value, key, value, ...
}

func op(cmd string, kv ...string) opLine { return opLine{cmd: cmd, kv: kv} }

func (o opLine) String() string {
	var b strings.Builder
	b.WriteString(o.cmd)
	for i := 0; i+1 < len(o.kv); i += 2 {
		b.WriteString(" " + o.kv[i] + "=" + FormatValue(o.kv[i+1]))
	}
	return b.String()
}

// opt appends key=value to o when value is not empty.
func (o opLine) opt(key, value string) opLine {
	if value != "" {
		o.kv = append(o.kv, key, value)
	}
	return o
}

func (o opLine) flag(key string, on bool) opLine {
	if on {
		o.kv = append(o.kv, key, "true")
	}
	return o
}

// list appends key=(a, b); a single value is written as the canonical
// form ([Format]) writes it, without parentheses when it can be.
func (o opLine) list(key string, vals []string) opLine {
	if len(vals) == 1 && !strings.HasPrefix(vals[0], "(") {
		return o.opt(key, vals[0])
	}
	if len(vals) > 0 {
		o.kv = append(o.kv, key, "("+strings.Join(vals, ", ")+")")
	}
	return o
}

// actionLine writes an Action call: its name and the request's non-zero
// fields by wire name, in the request struct's order.
func actionLine(action eipsim.Action, req any) string {
	var b strings.Builder
	b.WriteString(string(action))
	v := reflect.ValueOf(req)
	t := v.Type()
	for i := range t.NumField() {
		name := t.Field(i).Tag.Get("wire")
		if name == "" {
			continue
		}
		if list, ok := strings.CutSuffix(name, ".N"); ok {
			writeList(&b, list, v.Field(i))
			continue
		}
		if s, ok := scalar(v.Field(i)); ok && s != "" {
			b.WriteString(" " + name + "=" + FormatScalar(s))
		}
	}
	return b.String()
}

// writeList writes a repeated parameter as Name.1=... (a []string) or
// Name.1.Key=... Name.1.Value=... (a []Tag), leaving out empty values.
func writeList(b *strings.Builder, name string, f reflect.Value) {
	for i := range f.Len() {
		n := name + "." + strconv.Itoa(i+1)
		switch x := f.Index(i).Interface().(type) {
		case string:
			b.WriteString(" " + n + "=" + FormatScalar(x))
		case eipsim.Tag:
			b.WriteString(" " + n + ".Key=" + FormatScalar(x.Key))
			if x.Value != "" {
				b.WriteString(" " + n + ".Value=" + FormatScalar(x.Value))
			}
		}
	}
}

// newSimLine writes the settings a scenario can set, those not at their
// defaults, as a new-sim line.
func newSimLine(cfg *eipsim.Settings) string {
	def := eipsim.DefaultSettings()
	o := op("new-sim")
	if cfg.Seed != def.Seed {
		o = o.opt("seed", strconv.FormatUint(cfg.Seed, 10))
	}
	if !slices.Equal(cfg.Regions, def.Regions) {
		o = o.list("region", cfg.Regions)
	}
	for _, d := range []struct {
		key string
		a   eipsim.Action
	}{{"associate-delay", eipsim.ActionAssociateEipAddress}, {"unassociate-delay", eipsim.ActionUnassociateEipAddress}, {"release-delay", eipsim.ActionReleaseEipAddress}} {
		if cfg.Delays[d.a] != def.Delays[d.a] {
			o = o.opt(d.key, cfg.Delays[d.a].String())
		}
	}
	if cfg.Cooldown != def.Cooldown {
		o = o.opt("cooldown", cfg.Cooldown.String())
	}
	if cfg.EIPQuota != def.EIPQuota {
		o = o.opt("quota", strconv.Itoa(cfg.EIPQuota))
	}
	if !slices.Equal(cfg.IPPool, def.IPPool) {
		var ps []string
		for _, p := range cfg.IPPool {
			ps = append(ps, p.String())
		}
		o = o.list("ip-pool", ps)
	}
	o = o.list("ids", cfg.AllocationIDs)
	if cfg.ClientTokenTTL != def.ClientTokenTTL {
		o = o.opt("token-ttl", cfg.ClientTokenTTL.String())
	}
	if cfg.ClientTokenLimit != def.ClientTokenLimit {
		o = o.opt("token-limit", strconv.Itoa(cfg.ClientTokenLimit))
	}
	if cfg.HistoryLimit != def.HistoryLimit {
		o = o.opt("history-limit", strconv.Itoa(cfg.HistoryLimit))
	}
	if cfg.MultiBindedLimit != def.MultiBindedLimit {
		o = o.opt("multi-binded-limit", strconv.Itoa(cfg.MultiBindedLimit))
	}
	o = natSimArgs(o, cfg, &def)
	if !cfg.Start.Equal(simclock.Epoch) {
		o = o.opt("start", cfg.Start.UTC().Format(time.RFC3339Nano))
	}
	return o.String()
}

// delayGroups are the Actions of new-sim's delay shorthands, each group
// in the order the recorder writes their task-delay items
// (TestDelayGroups checks them against the engine's options).
var delayGroups = []struct {
	key     string
	opt     func(time.Duration) eipsim.Option
	actions []eipsim.Action
}{
	{"nat-entry-delay", eipsim.WithNATEntryDelay, []eipsim.Action{eipsim.ActionCreateSnatEntry, eipsim.ActionDeleteSnatEntry,
		eipsim.ActionCreateForwardEntry, eipsim.ActionDeleteForwardEntry}},
	{"nat-gateway-delay", eipsim.WithNATGatewayDelay, []eipsim.Action{eipsim.ActionCreateNatGateway, eipsim.ActionDeleteNatGateway}},
	{"havip-delay", eipsim.WithHaVipDelay, []eipsim.Action{eipsim.ActionCreateHaVip, eipsim.ActionDeleteHaVip,
		eipsim.ActionAssociateHaVip, eipsim.ActionUnassociateHaVip}},
}

// natSimArgs appends the new-sim arguments of the NAT, HaVip and
// rate-limit options that are not at their defaults.
func natSimArgs(o opLine, cfg, def *eipsim.Settings) opLine {
	// A group's shorthand when all its Actions share a delay other than the
	// default; task-delay for any Action that differs from what that gives.
	var each []string
	for _, g := range delayGroups {
		first := cfg.Delays[g.actions[0]]
		uniform := true
		for _, a := range g.actions {
			uniform = uniform && cfg.Delays[a] == first
		}
		base := def.Delays[g.actions[0]]
		if uniform && first != base {
			o = o.opt(g.key, first.String())
			base = first
		}
		for _, a := range g.actions {
			if cfg.Delays[a] != base {
				each = append(each, string(a)+":"+cfg.Delays[a].String())
			}
		}
	}
	o = o.list("task-delay", each)
	if cfg.NATEIPLimit != def.NATEIPLimit || cfg.NATTrafficLimit != def.NATTrafficLimit {
		o = o.list("nat-eip-limits", []string{strconv.Itoa(cfg.NATEIPLimit), strconv.Itoa(cfg.NATTrafficLimit)})
	}
	if cfg.SnatEntryQuota != def.SnatEntryQuota {
		o = o.opt("snat-entry-quota", strconv.Itoa(cfg.SnatEntryQuota))
	}
	if cfg.ForwardEntryQuota != def.ForwardEntryQuota {
		o = o.opt("forward-entry-quota", strconv.Itoa(cfg.ForwardEntryQuota))
	}
	if cfg.NatGatewayQuota != def.NatGatewayQuota {
		o = o.opt("nat-gateway-quota", strconv.Itoa(cfg.NatGatewayQuota))
	}
	if cfg.HaVipQuota != def.HaVipQuota {
		o = o.opt("havip-quota", strconv.Itoa(cfg.HaVipQuota))
	}
	if cfg.NATForceMode != def.NATForceMode {
		o = o.opt("nat-force-mode", cfg.NATForceMode.String())
	}
	var limits []string
	for a, l := range cfg.RateLimits {
		limits = append(limits, eipsim.ActionRateLimit{Action: a, Limit: l}.String())
	}
	slices.Sort(limits)
	o = o.list("rate-limit", limits)
	if cfg.GlobalRateLimit != nil {
		o = o.opt("global-rate-limit", cfg.GlobalRateLimit.String())
	}
	return o
}
