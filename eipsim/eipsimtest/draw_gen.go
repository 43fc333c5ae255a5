package eipsimtest

import (
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// Targeted generators: calls that uniform draws of EIP and target seldom
// make, weighted towards the rules they reach (ENI modes with several EIPs
// on one ENI, the NAT and HaVip listings with filters and pages).

// drawENI draws, for a live ENI, an association of an Available EIP of
// its owner and region (MULTI_BINDED mostly, so that several EIPs share
// the ENI up to the limit), an unassociation of one of its EIPs, or, once
// it holds EIPs, detaching, attaching or deleting it.
func (mc *Machine) drawENI(d Driver) Op {
	m := mc.m
	var live []*mENI
	for _, n := range m.enis {
		if !n.gone {
			live = append(live, n)
		}
	}
	if len(live) == 0 {
		return mc.draw(d, "associate")
	}
	n := pick(d, live, "eni")
	if len(n.bound) > 0 {
		switch d.Int(0, 9, "eni-op") {
		case 0:
			return Op{Cmd: CmdDeleteENI, NetworkInterfaceID: n.id}
		case 1, 2:
			if n.instance != "" {
				return Op{Cmd: CmdDetachENI, NetworkInterfaceID: n.id}
			}
			var inst []string
			for _, in := range m.instances {
				if !in.gone && in.account == n.account && in.region == n.region {
					inst = append(inst, in.id)
				}
			}
			if len(inst) > 0 {
				return Op{Cmd: CmdAttachENI, NetworkInterfaceID: n.id, InstanceID: pick(d, inst, "instance")}
			}
		case 3, 4:
			e := m.eip(pick(d, n.bound, "eni-eip"))
			return Op{Cmd: string(eipsim.ActionUnassociateEipAddress), Account: ownAccount(e.account), AllocationID: e.id,
				InstanceID: usually(d, []string{"", n.id}, "instance"), ClientToken: pick(d, tokens, "token")}
		}
	}
	var free []*mEIP
	for _, e := range m.eips {
		if e.status == "Available" && e.account == n.account && e.region == n.region {
			free = append(free, e)
		}
	}
	if len(free) == 0 {
		return Op{Cmd: string(eipsim.ActionAllocateEipAddress), Account: ownAccount(n.account), RegionID: m.regions[n.region]}
	}
	e := pick(d, free, "eni-free-eip")
	op := Op{Cmd: string(eipsim.ActionAssociateEipAddress), Account: ownAccount(e.account), AllocationID: e.id, InstanceID: n.id,
		InstanceType: "NetworkInterface", Mode: usually(d, []string{"MULTI_BINDED", "BINDED", "NAT", ""}, "mode"),
		ClientToken: pick(d, tokens, "token")}
	if len(n.bound) > 0 && d.Int(0, 3, "same-mode") > 0 { // fill the ENI up to its limit in its mode
		op.Mode = m.eip(n.bound[0]).mode
	}
	if d.Int(0, 3, "eni-private-ip") == 3 {
		op.PrivateIPAddress = pick(d, n.privIPs, "private-ip")
	}
	return op
}

// ownAccount is how an Op names acct: "" for the default account.
func ownAccount(acct string) string {
	if acct == eipsim.DefaultAccountID {
		return ""
	}
	return acct
}

var (
	natPageSizes    = []int{0, 1, 2, natPageSize, natPageSize + 1}
	natStatuses     = []string{"", "Available", "Creating", "Deleting"}
	haVipFilterKeys = []string{"", "Status", "HaVipId", "VSwitchId", "VpcId", "Name"}
)

// drawListing draws one of the NAT and HaVip listings, as the owner of
// what it lists mostly, with a filter and a page: page 2 and later, and
// the largest PageSize and one more, included.
func (mc *Machine) drawListing(d Driver) Op {
	m := mc.m
	op := Op{PageNumber: d.Int(0, 3, "page-number"), PageSize: usually(d, natPageSizes, "page-size")}
	acct, region := Accounts[0], 0
	switch d.Int(0, 3, "listing") {
	case 0:
		op.Cmd = string(eipsim.ActionDescribeNatGateways)
		g := mc.crowdedGateway(d)
		if g == nil {
			g = mc.natGateway(d)
		}
		if g != nil {
			acct, region = g.account, g.region
			if d.Int(0, 2, "by-id") == 2 {
				op.InstanceID = g.id
			}
		}
		op.Status = usually(d, natStatuses, "status")
		if d.Int(0, 3, "by-vpc") == 3 {
			op.VpcID = usually(d, []string{implicitVPC(m.regions[region], acct), "vpc-other"}, "vpc")
		}
	case 1:
		op.Cmd = string(eipsim.ActionDescribeHaVips)
		var h *mHaVip
		if live := mc.liveHaVips(); len(live) > 0 {
			h = pick(d, live, "havip")
			acct, region = h.account, h.region
		}
		op.FilterKey = usually(d, haVipFilterKeys, "filter-key")
		switch op.FilterKey {
		case "Status":
			op.FilterValue = usually(d, []string{"Available", "InUse", "Creating", ""}, "filter-value")
		case "HaVipId":
			if h != nil {
				op.FilterValue = h.id
			}
		case "VSwitchId":
			op.FilterValue = usually(d, []string{"vsw-1", "vsw-2"}, "filter-value")
		case "VpcId":
			op.FilterValue = implicitVPC(m.regions[region], acct)
		}
	default:
		g := mc.natGateway(d)
		if g == nil {
			return mc.drawNAT(d)
		}
		acct, region = g.account, g.region
		snat := d.Int(0, 1, "snat") == 0
		suffix := strings.TrimPrefix(g.id, "ngw-")
		op.Cmd, op.Table = string(eipsim.ActionDescribeSnatTableEntries), "stb-"+suffix
		if !snat {
			op.Cmd, op.Table = string(eipsim.ActionDescribeForwardTableEntries), "ftb-"+suffix
		}
		switch d.Int(0, 5, "table-by") {
		case 4:
			op.Table, op.InstanceID = "", g.id
		case 5:
			op.InstanceID = usually(d, []string{g.id, "ngw-9999"}, "gateway")
		}
		var entries []*mEntry
		for _, x := range g.entries {
			if x.snat == snat {
				entries = append(entries, x)
			}
		}
		if len(entries) > 0 {
			x := pick(d, entries, "entry")
			switch d.Int(0, 5, "entry-filter") {
			case 3:
				op.Entry = x.id
			case 4:
				op.IP = x.ips[0]
			case 5:
				if snat {
					op.VSwitch = x.vsw
				} else {
					op.Proto = usually(d, []string{x.proto, "tcp", "UDP"}, "protocol")
				}
			}
			if ip := shared(entries, func(x *mEntry) string { return x.ips[0] }); ip != "" && d.Int(0, 3, "shared-ip") > 0 {
				op.Entry, op.VSwitch, op.Proto, op.IP = "", "", "", ip
			} else if p := shared(entries, func(x *mEntry) string { return x.proto }); !snat && p != "" && d.Int(0, 1, "shared-proto") > 0 {
				op.Entry, op.VSwitch, op.IP, op.Proto = "", "", "", p
			}
			if op.IP != "" || op.VSwitch != "" || op.Proto != "" {
				// A filter that several entries match, on pages smaller than
				// what it matches: the filtered page must stop at PageSize.
				op.PageSize = usually(d, []int{1, 2, op.PageSize}, "filtered-page-size")
			}
		}
	}
	op.Account, op.RegionID = mc.ownerArgs(d, acct, region)
	return op
}

// drawBind draws an AssociateEipAddress of a live Available EIP to a live
// target of its owner (an ECS instance, an SLB instance or an ENI), in its
// region mostly, with the parameters that make it valid: the calls whose
// answer depends on the target (its status, VPC, public IP, the EIP it
// has) rather than on a wrong ID.
func (mc *Machine) drawBind(d Driver) Op {
	m := mc.m
	var free []*mEIP
	for _, e := range m.eips {
		if e.status == "Available" {
			free = append(free, e)
		}
	}
	if len(free) == 0 {
		return mc.draw(d, "allocate")
	}
	e := pick(d, free, "bind-eip")
	var near []targetRef
	for _, t := range mc.targets() {
		acct, region, live := "", -1, false
		if in := m.instance(t.id); in != nil && t.typ == "EcsInstance" {
			acct, region, live = in.account, in.region, true
		} else if lb := m.lb(t.id); lb != nil && t.typ == "SlbInstance" {
			acct, region, live = lb.account, lb.region, true
		}
		if live && acct == e.account && (region == e.region || d.Int(0, 5, "other-region") == 5) {
			near = append(near, t)
		}
	}
	if len(near) == 0 {
		return mc.draw(d, "associate")
	}
	t := pick(d, near, "bind-target")
	op := Op{Cmd: string(eipsim.ActionAssociateEipAddress), Account: ownAccount(e.account), AllocationID: e.id, InstanceID: t.id,
		ClientToken: pick(d, tokens, "token")}
	if t.typ != "EcsInstance" || d.Int(0, 1, "explicit-type") == 1 {
		op.InstanceType = t.typ
	}
	if len(t.privIPs) > 0 && d.Int(0, 3, "bind-private-ip") == 3 {
		op.PrivateIPAddress = pick(d, t.privIPs, "private-ip")
	}
	return op
}

// shared returns the first value of key that two or more of entries have,
// in entry order, or "" (an entry without addresses has none).
func shared(entries []*mEntry, key func(*mEntry) string) string {
	seen := map[string]bool{}
	for _, x := range entries {
		if len(x.ips) == 0 {
			continue
		}
		k := key(x)
		if k != "" && seen[k] {
			return k
		}
		seen[k] = true
	}
	return ""
}
