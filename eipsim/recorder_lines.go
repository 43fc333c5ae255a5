package eipsim

// The command lines the recorder writes. Their names and arguments are the
// scenario language's (package scenarios reads them); a round-trip test
// (eipsimtest) replays a recording and compares.

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// defaultStart is where a scenario's clock starts unless new-sim says
// start=...: eipsimtest.Epoch (a test checks that they agree).
var defaultStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// setupOp is a setup method call, written as its harness command.
type setupOp interface{ scenarioLine() string }

// opLine is a harness command with key=value arguments, in order.
type opLine struct {
	cmd string
	kv  []string // key, value, key, value, ...
}

func op(cmd string, kv ...string) opLine { return opLine{cmd: cmd, kv: kv} }

func (o opLine) scenarioLine() string {
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

// list appends key=(a, b); a single value is written as package scenarios'
// canonical form writes it, without parentheses when it can be.
func (o opLine) list(key string, vals []string) opLine {
	if len(vals) == 1 && !strings.HasPrefix(vals[0], "(") {
		return o.opt(key, vals[0])
	}
	if len(vals) > 0 {
		o.kv = append(o.kv, key, "("+strings.Join(vals, ", ")+")")
	}
	return o
}

// checkOp is CheckInvariants, written "check".
type checkOp struct{}

func (checkOp) scenarioLine() string { return "check" }

func (v VPC) scenarioLine() string {
	return op("add-vpc", "VpcId", v.VpcID).flag("IsDefault", v.IsDefault).
		opt("RegionId", v.RegionID).opt("AccountId", v.AccountID).scenarioLine()
}

func (in Instance) scenarioLine() string {
	return op("add-instance", "InstanceId", in.InstanceID).opt("Status", string(in.Status)).
		opt("VpcId", in.VpcID).flag("Classic", in.Classic).flag("PublicIp", in.PublicIP).
		list("PrivateIpAddresses", in.PrivateIPAddresses).
		opt("RegionId", in.RegionID).opt("AccountId", in.AccountID).scenarioLine()
}

func (lb LoadBalancer) scenarioLine() string {
	return op("add-slb", "LoadBalancerId", lb.LoadBalancerID).opt("AddressType", lb.AddressType).
		opt("Status", lb.Status).opt("VpcId", lb.VpcID).
		opt("RegionId", lb.RegionID).opt("AccountId", lb.AccountID).scenarioLine()
}

func (ni NetworkInterface) scenarioLine() string {
	return op("add-eni", "NetworkInterfaceId", ni.NetworkInterfaceID).opt("InstanceId", ni.InstanceID).
		opt("Type", ni.Type).list("PrivateIpAddresses", ni.PrivateIPAddresses).opt("Status", ni.Status).
		opt("VpcId", ni.VpcID).opt("RegionId", ni.RegionID).opt("AccountId", ni.AccountID).scenarioLine()
}

// setInstanceStatusOp is ScheduleInstanceStatus (and SetInstanceStatus).
func setInstanceStatusOp(id string, status InstanceStatus, d time.Duration, then InstanceStatus) setupOp {
	o := op("set-instance-status", "InstanceId", id, "Status", string(status))
	if then != "" || d != 0 {
		o = o.opt("Then", string(then)).opt("After", d.String())
	}
	return o
}

func lockOp(lock bool, id string, reason LockReason) setupOp {
	cmd := "unlock"
	if lock {
		cmd = "lock"
	}
	return op(cmd, "AllocationId", id, "LockReason", string(reason))
}

// actionLine writes an Action call: its name and the request's non-zero
// fields by wire name, in the request struct's order.
func actionLine(action Action, req any) string {
	var b strings.Builder
	b.WriteString(string(action))
	v := reflect.ValueOf(req)
	t := v.Type()
	for i := range t.NumField() {
		name := t.Field(i).Tag.Get("wire")
		if name == "" {
			continue
		}
		if list := listName(name); list != "" {
			writeList(&b, list, v.Field(i))
			continue
		}
		if s, ok := scalar(v.Field(i)); ok && s != "" {
			b.WriteString(" " + name + "=" + FormatValue(s))
		}
	}
	return b.String()
}

// newSimLine writes the Sim's options that a scenario can set, those not at
// their defaults, as a new-sim line.
func newSimLine(cfg *config, start time.Time) string {
	def := defaultConfig()
	o := op("new-sim")
	if cfg.seed != def.seed {
		o = o.opt("seed", strconv.FormatUint(cfg.seed, 10))
	}
	if !slices.Equal(cfg.regions, def.regions) {
		o = o.list("region", cfg.regions)
	}
	for _, d := range []struct {
		key string
		a   Action
	}{{"associate-delay", ActionAssociateEipAddress}, {"unassociate-delay", ActionUnassociateEipAddress}, {"release-delay", ActionReleaseEipAddress}} {
		if cfg.delays[d.a] != def.delays[d.a] {
			o = o.opt(d.key, cfg.delays[d.a].String())
		}
	}
	if cfg.cooldown != def.cooldown {
		o = o.opt("cooldown", cfg.cooldown.String())
	}
	if cfg.quota != def.quota {
		o = o.opt("quota", strconv.Itoa(cfg.quota))
	}
	if !slices.Equal(cfg.pool, def.pool) {
		var ps []string
		for _, p := range cfg.pool {
			ps = append(ps, p.String())
		}
		o = o.list("ip-pool", ps)
	}
	o = o.list("ids", cfg.pinned)
	if cfg.tokenTTL != def.tokenTTL {
		o = o.opt("token-ttl", cfg.tokenTTL.String())
	}
	if cfg.historyLimit != def.historyLimit {
		o = o.opt("history-limit", strconv.Itoa(cfg.historyLimit))
	}
	if cfg.multiBinded != def.multiBinded {
		o = o.opt("multi-binded-limit", strconv.Itoa(cfg.multiBinded))
	}
	o = natSimArgs(o, cfg, &def)
	if !start.Equal(defaultStart) {
		o = o.opt("start", start.UTC().Format(time.RFC3339Nano))
	}
	return o.scenarioLine()
}

// writeList writes a repeated parameter as Name.1=... (a []string) or
// Name.1.Key=... Name.1.Value=... (a []Tag), leaving out empty values.
func writeList(b *strings.Builder, name string, f reflect.Value) {
	for i := range f.Len() {
		n := name + "." + strconv.Itoa(i+1)
		switch x := f.Index(i).Interface().(type) {
		case string:
			b.WriteString(" " + n + "=" + FormatValue(x))
		case Tag:
			b.WriteString(" " + n + ".Key=" + FormatValue(x.Key))
			if x.Value != "" {
				b.WriteString(" " + n + ".Value=" + FormatValue(x.Value))
			}
		}
	}
}
