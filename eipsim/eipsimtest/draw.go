package eipsimtest

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// Operation generators. Every choice lists its simplest value first, so
// that shrinking moves towards short, plain scenarios. Choices are drawn
// from the model's state (which EIPs exist, what is pending), never from
// the Sim's.

var (
	tokens     = []string{"", "tok-1", "tok-2"}
	badRegion  = "cn-nowhere"
	otherIP    = "10.9.9.9"
	lockReason = []string{"financial", "security"}
	statusList = []string{"", "Available", "Associating", "InUse", "Unassociating", "Releasing"}
)

// tokenArg draws a ClientToken: mostly one of tokens (so that calls replay
// each other), sometimes one at or one past the 64-character limit.
func (mc *Machine) tokenArg(d Driver) string {
	if d.Int(0, 15, "token-edge") == 15 {
		return pick(d, edgeTokens, "token")
	}
	return usually(d, tokens, "token")
}

// edgeTokens are ClientTokens at the edges of the rule (ASCII 0x20-0x7e,
// at most 64 characters): 64 characters, 65, the last character allowed,
// the first (a space, alone and inside), and one that a scenario line
// spells only in the quoted form (scenarios.FormatScalar).
var edgeTokens = []string{strings.Repeat("t", 64), strings.Repeat("t", 65), "tok~", " ", "tok 1", "tok, (1"}

func (mc *Machine) regionArg(d Driver, label string) string {
	return usually(d, []string{"", mc.m.regions[1], mc.m.regions[0], badRegion}, label)
}

// eipID draws an AllocationId: any allocated so far (live or released)
// or the next, not yet allocated, one.
func (mc *Machine) eipID(d Driver) string {
	return allocationID(d.Int(1, mc.m.allocations+1, "eip"))
}

// accountFor draws the account of a call on id: its owner first.
func (mc *Machine) accountFor(d Driver, id string) string {
	owner := eipsim.DefaultAccountID
	if e := mc.m.eip(id); e != nil {
		owner = e.account
	}
	acct := owner
	if d.Int(0, 3, "other-account") == 3 {
		acct = Accounts[0]
		if owner == Accounts[0] {
			acct = Accounts[1]
		}
	}
	if acct == eipsim.DefaultAccountID {
		return ""
	}
	return acct
}

type targetRef struct {
	id, typ string
	privIPs []string
}

// targets lists every target of the world, deleted ones included.
func (mc *Machine) targets() []targetRef {
	var out []targetRef
	for _, in := range mc.m.instances {
		out = append(out, targetRef{in.id, "EcsInstance", in.privIPs})
	}
	for _, lb := range mc.m.lbs {
		out = append(out, targetRef{lb.id, "SlbInstance", nil})
	}
	for _, n := range mc.m.enis {
		out = append(out, targetRef{n.id, "NetworkInterface", n.privIPs})
	}
	for _, g := range mc.m.gateways {
		out = append(out, targetRef{g.id, "Nat", nil})
	}
	for _, h := range mc.m.havips {
		out = append(out, targetRef{h.id, "HaVip", nil})
	}
	return out
}

// advance draws a duration biased to the edges of what is pending: exactly
// a due time, one nanosecond before or after it, or a cooldown's end.
func (mc *Machine) advance(d Driver) time.Duration {
	m := mc.m
	m.settle()
	var edges []time.Duration
	add := func(t time.Time) {
		// Never past MaxTime, which a scenario cannot advance beyond (a
		// ClientToken TTL of 10 years is drawn).
		if !t.IsZero() && t.After(m.now) && !t.After(eipsim.MaxTime) {
			edges = append(edges, t.Sub(m.now))
		}
	}
	for _, e := range m.eips {
		add(e.due)
		add(e.cooldown)
	}
	for _, in := range m.instances {
		if in.then != "" {
			add(in.thenAt)
		}
	}
	for _, g := range m.gateways {
		add(g.due)
		for _, x := range g.entries {
			add(x.due)
		}
	}
	for _, h := range m.havips {
		add(h.due)
	}
	for _, t := range m.tokens {
		add(t.expires)
	}
	slices.Sort(edges)
	kind := d.Int(0, 5, "advance-kind")
	if len(edges) == 0 && kind < 3 {
		kind = 4
	}
	switch kind {
	case 0, 1, 2:
		e := edges[d.Int(0, len(edges)-1, "edge")]
		return e + []time.Duration{0, -1, 1}[kind] // at, just before, just after the edge
	case 3:
		return 0
	case 4:
		return time.Duration(d.Int(0, 5000, "advance-ms")) * time.Millisecond
	}
	return time.Duration(d.Int(1, 3, "advance-edge-plus")) * time.Nanosecond
}

func (mc *Machine) draw(d Driver, kind string) Op {
	m := mc.m
	if m.lostLast && mc.last >= 0 && d.Int(0, 1, "retry-lost") == 1 {
		// A client retries a call whose answer was an error (here a lost
		// one, ApplyThenFail): with its ClientToken, the success replays.
		return mc.ops[mc.last]
	}
	switch kind {
	case "allocate":
		if m.allocations >= pinnedIDs-1 {
			return Op{Cmd: string(eipsim.ActionDescribeEipAddresses), RegionID: m.regions[0]}
		}
		op := Op{Cmd: string(eipsim.ActionAllocateEipAddress), Account: usually(d, []string{"", Accounts[1]}, "account"),
			RegionID:           usually(d, []string{m.regions[0], m.regions[1], "", badRegion}, "region"),
			Bandwidth:          usually(d, []string{"", "200", "201", "1", "0", "500", "501", "x"}, "bandwidth"),
			InternetChargeType: usually(d, []string{"", eipsim.InternetChargePayByTraffic}, "internet-charge-type"),
			ClientToken:        mc.tokenArg(d)}
		mc.allocateParams(d, &op)
		return op
	case "associate":
		id := mc.eipID(d)
		t := pick(d, mc.targets(), "target")
		op := Op{Cmd: string(eipsim.ActionAssociateEipAddress), AllocationID: id, Account: mc.accountFor(d, id), InstanceID: t.id,
			RegionID: mc.regionArg(d, "region"), ClientToken: mc.tokenArg(d)}
		natural := t.typ
		if natural == "EcsInstance" {
			natural = ""
		}
		op.InstanceType = usually(d, []string{natural, t.typ, "EcsInstance", "SlbInstance", "Vm"}, "instance-type")
		if op.InstanceType == "Nat" || op.InstanceType == "HaVip" {
			op.Mode = usually(d, []string{"", "BINDED"}, "mode")
			return op
		}
		if t.typ == "NetworkInterface" {
			op.Mode = usually(d, []string{"", "NAT", "BINDED", "MULTI_BINDED"}, "mode")
		} else {
			op.Mode = usually(d, []string{"", "NAT", "BINDED"}, "mode")
		}
		op.PrivateIPAddress = usually(d, append([]string{""}, append(slices.Clone(t.privIPs), otherIP)...), "private-ip")
		return op
	case "unassociate":
		id := mc.eipID(d)
		op := Op{Cmd: string(eipsim.ActionUnassociateEipAddress), AllocationID: id, Account: mc.accountFor(d, id),
			RegionID: mc.regionArg(d, "region"), ClientToken: mc.tokenArg(d), Force: d.Int(0, 1, "force") == 1}
		var target, typ, ip string
		if e := m.eip(id); e != nil {
			target, typ, ip = e.target, e.ttype, e.privIP
		}
		other := pick(d, mc.targets(), "other-target")
		op.InstanceID = usually(d, []string{"", target, other.id, "i-9999"}, "instance")
		op.InstanceType = usually(d, []string{"", typ, other.typ, "Vm"}, "instance-type")
		op.PrivateIPAddress = usually(d, []string{"", ip, otherIP}, "private-ip")
		return op
	case "release":
		id := mc.eipID(d)
		return Op{Cmd: string(eipsim.ActionReleaseEipAddress), AllocationID: id, Account: mc.accountFor(d, id), RegionID: mc.regionArg(d, "region")}
	case "modify":
		id := mc.eipID(d)
		return Op{Cmd: string(eipsim.ActionModifyEipAddressAttribute), AllocationID: id, Account: mc.accountFor(d, id),
			RegionID:  mc.regionArg(d, "region"),
			Bandwidth: usually(d, []string{"", "1", "200", "201", "500", "501", "0", "x"}, "bandwidth"),
			Name:      usually(d, modifyNames, "name"), Description: usually(d, modifyDescriptions, "description")}
	case "describe":
		op := Op{Cmd: string(eipsim.ActionDescribeEipAddresses), Account: usually(d, []string{"", Accounts[1]}, "account"),
			RegionID: usually(d, []string{m.regions[0], m.regions[1], badRegion, ""}, "region"),
			Status:   usually(d, statusList, "status"), LockReason: usually(d, []string{"", "financial", "security"}, "lock-reason"),
			PageNumber: d.Int(0, 3, "page-number"), PageSize: usually(d, []int{0, 1, 2, 3, 100, 101, -1}, "page-size")}
		if d.Int(0, 7, "page-number-edge") == 7 { // the limits of PageNumber, and past them
			op.PageNumber = pick(d, []int{math.MaxInt32, math.MaxInt32 + 1, -1}, "page-number")
		}
		if d.Int(0, 2, "by-id") == 2 {
			op.AllocationID = mc.eipID(d)
		}
		mc.drawDescribeLists(d, &op)
		switch d.Int(0, 7, "describe-filter") {
		case 1:
			op.InstanceType = usually(d, []string{"EcsInstance", "NetworkInterface", "Nat", "Vm"}, "associated-instance-type")
		case 2:
			op.InstanceID = pick(d, mc.targets(), "associated-instance").id
		case 3:
			op.ChargeType = usually(d, []string{"PostPaid", "PrePaid", "Monthly"}, "charge-type")
		case 4:
			op.LockReason = "expired"
		case 5:
			op.DryRun = true
		}
		return op
	case "advance":
		return Op{Cmd: CmdAdvance, D: mc.advance(d)}
	case "lock":
		return Op{Cmd: usually(d, []string{CmdLock, CmdUnlock}, "lock"), AllocationID: mc.eipID(d), LockReason: usually(d, lockReason, "reason")}
	case "world":
		return mc.drawWorldChange(d)
	case "nat":
		return mc.drawNAT(d)
	case "entry":
		return mc.drawEntry(d)
	case "nat-bind":
		return mc.drawNATBind(d)
	case "tag":
		return mc.drawTag(d)
	case "havip":
		return mc.drawHaVip(d)
	case "eni":
		return mc.drawENI(d)
	case "bind":
		return mc.drawBind(d)
	case "listing":
		return mc.drawListing(d)
	}
	panic("eipsimtest: unknown operation kind " + kind)
}

func (mc *Machine) drawWorldChange(d Driver) Op {
	m := mc.m
	var inst, lbs, enis []string
	for _, in := range m.instances {
		inst = append(inst, in.id)
	}
	for _, lb := range m.lbs {
		lbs = append(lbs, lb.id)
	}
	for _, n := range m.enis {
		enis = append(enis, n.id)
	}
	if len(lbs) == 0 {
		lbs = []string{"lb-9999"}
	}
	if len(enis) == 0 {
		enis = []string{"eni-9999"}
	}
	switch d.Int(0, 9, "world-change") {
	case 0:
		op := Op{Cmd: CmdSetInstanceStatus, InstanceID: usually(d, inst, "instance"), Status: string(usually(d, instanceStatuses, "status"))}
		if d.Int(0, 1, "then") == 1 {
			op.Then = string(usually(d, instanceStatuses, "then"))
			op.D = usually(d, []time.Duration{time.Second, 0, time.Nanosecond, 5 * time.Second}, "after")
		}
		return op
	case 1:
		return Op{Cmd: CmdSetSLBStatus, InstanceID: usually(d, lbs, "slb"), Status: usually(d, slbStatuses, "status")}
	case 2:
		return Op{Cmd: CmdSetENIStatus, NetworkInterfaceID: usually(d, enis, "eni"), Status: usually(d, eniStatuses, "status")}
	case 3:
		return Op{Cmd: CmdAttachENI, NetworkInterfaceID: usually(d, enis, "eni"), InstanceID: usually(d, inst, "instance")}
	case 4:
		return Op{Cmd: CmdDetachENI, NetworkInterfaceID: usually(d, enis, "eni")}
	case 5:
		return Op{Cmd: CmdSetDeletionProtection, AllocationID: mc.eipID(d), On: d.Int(0, 1, "on") == 1}
	case 6:
		return Op{Cmd: CmdDeleteInstance, InstanceID: usually(d, inst, "instance")}
	case 7:
		return Op{Cmd: CmdDeleteSLB, InstanceID: usually(d, lbs, "slb")}
	case 8:
		return Op{Cmd: CmdDeleteENI, NetworkInterfaceID: usually(d, enis, "eni")}
	}
	return Op{Cmd: CmdSetInstanceStatus, InstanceID: usually(d, inst, "instance"), Status: string(eipsim.InstanceRunning)}
}

// change alters one parameter of a retried call, keeping its ClientToken,
// so that a token reused with other parameters is exercised: one the
// Action sends (a NAT or HaVip write's own), or, for the EIP writes, a
// bandwidth, address or Force.
func (mc *Machine) change(d Driver, op *Op) {
	if op.ClientToken == "" {
		op.ClientToken = usually(d, tokens[1:], "token")
	}
	switch op.Cmd {
	case string(eipsim.ActionCreateNatGateway), string(eipsim.ActionCreateHaVip):
		op.VSwitch = usually(d, []string{"vsw-2", "vsw-3"}, "vswitch")
		return
	case string(eipsim.ActionCreateSnatEntry):
		if d.Int(0, 1, "change") == 0 {
			op.VSwitch += "x"
		} else {
			op.IP = strings.Split(op.IP, ",")[0]
		}
		return
	case string(eipsim.ActionCreateForwardEntry):
		op.ExtPort = map[string]string{"80": "443"}[op.ExtPort]
		if op.ExtPort == "" {
			op.ExtPort = "80"
		}
		return
	case string(eipsim.ActionDeleteSnatEntry), string(eipsim.ActionDeleteForwardEntry):
		op.Entry += "x"
		return
	}
	switch d.Int(0, 2, "change") {
	case 0:
		if op.Bandwidth == "" {
			op.Bandwidth = "6"
		} else {
			op.Bandwidth = ""
		}
	case 1:
		op.PrivateIPAddress = usually(d, []string{"", otherIP}, "private-ip")
	default:
		op.Force = !op.Force
	}
}

// allocateParams draws, for three allocations in eight, one of the rarer
// AllocateEipAddress parameters: a PrePaid EIP (which ReleaseEipAddress
// and a bandwidth change refuse) with its Period and PricingCycle around
// their limits, an ISP (valid or not), or an IpAddress in the pool, in use,
// outside it or malformed.
func (mc *Machine) allocateParams(d Driver, op *Op) {
	switch d.Int(0, 7, "allocate-params") {
	case 1:
		op.InstanceChargeType = eipsim.ChargeTypePrePaid
		op.Period = usually(d, []int{1, 9, 5, 10, 0}, "period")
		op.PricingCycle = usually(d, []string{"", "Year", "Week"}, "pricing-cycle")
		op.Bandwidth = usually(d, []string{op.Bandwidth, "1000", "1001"}, "prepaid-bandwidth")
	case 2:
		op.ISP = pick(d, []string{"BGP", "ChinaTelecom_L2", "BGP_PRO", "CMCC"}, "isp")
	case 3:
		ips := mc.m.pool.addresses()
		if n := len(mc.m.eips); n > 0 {
			ips = append(ips, mc.m.eips[n-1].ip)
		}
		op.IPAddress = pick(d, ips, "ip-address")
	}
}
