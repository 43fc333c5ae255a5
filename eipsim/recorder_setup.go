package eipsim

// The recorder's lines for the NAT gateway, HaVip, fault and rate-limit
// setup (the scenario language's harness commands of the same names, in
// package scenarios): add-nat-gateway, set-nat-gateway-financial-lock,
// add-havip, convert-nat-public-ip, set-system-busy, inject-fault,
// remove-fault, clear-faults, release-stuck; and the new-sim arguments of
// the NAT, HaVip and rate-limit options. Rules given with WithFaults are
// written as inject-fault lines right after new-sim: injected at the
// clock's start, they get the same IDs (f-0001, ...) and windows on replay.

import (
	"slices"
	"strconv"
	"strings"
)

// resultOp is a setup call whose success prints more than "ok"; moved are
// the history events since the call began.
type resultOp interface {
	setupOp
	output(r Renderer, moved []Event) string
}

// writeFaults writes the rules of WithFaults as the inject-fault lines that
// inject them again on replay, with the IDs they get.
func (r *recorder) writeFaults(faults []Fault) {
	for i, f := range faults {
		r.write(faultLine(f), faultID(uint64(i+1)))
	}
}

// sinceBegin returns the history events since the current operation began.
func (r *recorder) sinceBegin(s *Sim) []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.history.since(r.opMark)
}

func (ng NatGateway) scenarioLine() string {
	return op("add-nat-gateway", "NatGatewayId", ng.NatGatewayID).opt("Name", ng.Name).opt("VpcId", ng.VpcID).
		opt("RegionId", ng.RegionID).opt("AccountId", ng.AccountID).scenarioLine()
}

func (hv HaVip) scenarioLine() string {
	return op("add-havip", "HaVipId", hv.HaVipID).opt("IpAddress", hv.IPAddress).opt("VSwitchId", hv.VSwitchID).
		opt("Name", hv.Name).opt("Description", hv.Description).opt("VpcId", hv.VpcID).
		opt("RegionId", hv.RegionID).opt("AccountId", hv.AccountID).scenarioLine()
}

func natLockOp(id string, locked bool) setupOp {
	return op("set-nat-gateway-financial-lock", "NatGatewayId", id, "Locked", strconv.FormatBool(locked))
}

func systemBusyOp(a Action, n int) setupOp {
	return op("set-system-busy", "Action", string(a), "Times", strconv.Itoa(n))
}

// convertOp is ConvertNatPublicIpToEip; it prints the new AllocationId.
type convertOp struct {
	instanceID string
	id         *string
}

func (o convertOp) scenarioLine() string {
	return op("convert-nat-public-ip", "InstanceId", o.instanceID).scenarioLine()
}

func (o convertOp) output(Renderer, []Event) string { return "AllocationId=" + *o.id }

// injectOp is InjectFault of a valid rule; it prints the rule's ID.
type injectOp struct {
	f Fault
	h *FaultHandle
}

func (o injectOp) scenarioLine() string { return faultLine(o.f) }

func (o injectOp) output(Renderer, []Event) string { return o.h.ID() }

func faultLine(f Fault) string {
	if args := f.Args(); len(args) > 0 {
		return faultCommand + " " + strings.Join(args, " ")
	}
	return faultCommand
}

// removeOp is RemoveFault; it prints "ok" or "not found".
type removeOp struct {
	h       FaultHandle
	removed *bool
}

func (o removeOp) scenarioLine() string { return "remove-fault " + faultID(o.h.id) }

func (o removeOp) output(Renderer, []Event) string { return RemoveFaultOutput(*o.removed) }

// RemoveFaultOutput is the output of the remove-fault harness command:
// "" (printed "ok") when the rule was removed, "not found" when it was not
// there.
func RemoveFaultOutput(removed bool) string {
	if removed {
		return ""
	}
	return "not found"
}

// releaseOp is ReleaseStuck; it prints how many tasks it released and the
// transitions they applied.
type releaseOp struct {
	resourceID string
	n          *int
}

func (o releaseOp) scenarioLine() string {
	return op("release-stuck").opt("ResourceId", o.resourceID).scenarioLine()
}

func (o releaseOp) output(r Renderer, moved []Event) string {
	return ReleaseStuckOutput(r, *o.n, moved)
}

// ReleaseStuckOutput is the output of the release-stuck harness command:
// "released N", then the transitions the released tasks applied.
func ReleaseStuckOutput(r Renderer, n int, moved []Event) string {
	out := "released " + strconv.Itoa(n)
	if t := r.Transitions(moved); t != "" {
		out += "\n" + t
	}
	return out
}

// natSimArgs appends the new-sim arguments of the NAT, HaVip and
// rate-limit options that are not at their defaults.
func natSimArgs(o opLine, cfg, def *config) opLine {
	// A group's shorthand when all its Actions share a delay other than the
	// default; task-delay for any Action that differs from what that gives.
	var each []string
	for _, g := range []struct {
		key     string
		actions []Action
	}{{"nat-entry-delay", natEntryActions}, {"nat-gateway-delay", natGatewayActions}, {"havip-delay", haVipActions}} {
		first := cfg.delays[g.actions[0]]
		uniform := true
		for _, a := range g.actions {
			uniform = uniform && cfg.delays[a] == first
		}
		base := def.delays[g.actions[0]]
		if uniform && first != base {
			o = o.opt(g.key, first.String())
			base = first
		}
		for _, a := range g.actions {
			if cfg.delays[a] != base {
				each = append(each, string(a)+":"+cfg.delays[a].String())
			}
		}
	}
	o = o.list("task-delay", each)
	if cfg.natEIPs != def.natEIPs || cfg.natTraffic != def.natTraffic {
		o = o.list("nat-eip-limits", []string{strconv.Itoa(cfg.natEIPs), strconv.Itoa(cfg.natTraffic)})
	}
	if cfg.snatQuota != def.snatQuota {
		o = o.opt("snat-entry-quota", strconv.Itoa(cfg.snatQuota))
	}
	if cfg.dnatQuota != def.dnatQuota {
		o = o.opt("forward-entry-quota", strconv.Itoa(cfg.dnatQuota))
	}
	if cfg.natQuota != def.natQuota {
		o = o.opt("nat-gateway-quota", strconv.Itoa(cfg.natQuota))
	}
	if cfg.havipQuota != def.havipQuota {
		o = o.opt("havip-quota", strconv.Itoa(cfg.havipQuota))
	}
	if cfg.natForce != def.natForce {
		o = o.opt("nat-force-mode", cfg.natForce.String())
	}
	var limits []string
	for a, l := range cfg.limits {
		limits = append(limits, actionRateLimitString(a, l))
	}
	slices.Sort(limits)
	o = o.list("rate-limit", limits)
	if cfg.globalLimit != nil {
		o = o.opt("global-rate-limit", cfg.globalLimit.String())
	}
	return o
}
