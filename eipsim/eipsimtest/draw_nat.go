package eipsimtest

import (
	"slices"
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// Generators of NAT gateway, SNAT/DNAT entry and HaVip operations, drawn
// from the model's state: mostly the owner, region and bound addresses that
// make a call valid, sometimes not.

// natGateway draws a gateway: mostly a live one, sometimes any (deleted
// ones included); nil when there is none.
func (mc *Machine) natGateway(d Driver) *mGateway {
	var live []*mGateway
	for _, g := range mc.m.gateways {
		if !g.gone {
			live = append(live, g)
		}
	}
	if len(live) > 0 && d.Int(0, 4, "live-gateway") > 0 {
		return pick(d, live, "gateway")
	}
	if len(mc.m.gateways) == 0 {
		return nil
	}
	return pick(d, mc.m.gateways, "gateway")
}

func (mc *Machine) liveHaVips() []*mHaVip {
	var live []*mHaVip
	for _, h := range mc.m.havips {
		if !h.gone {
			live = append(live, h)
		}
	}
	return live
}

// drawNATBind draws an AssociateEipAddress of an Available EIP to a live
// gateway or HaVip of the same owner and region, or an
// UnassociateEipAddress of an EIP bound to one, with Force or not: the
// calls that build and tear down NAT state, which uniform draws of EIP and
// target seldom make valid.
func (mc *Machine) drawNATBind(d Driver) Op {
	m := mc.m
	var bound []*mEIP
	for _, e := range m.eips {
		if e.ttype == "Nat" || e.ttype == "HaVip" {
			bound = append(bound, e)
		}
	}
	// mostly one that entries use
	var used []*mEIP
	for _, b := range bound {
		if g := m.gateway(b.target); g != nil && b.ttype == "Nat" {
			if snat, dnat := g.users(b.ip); len(snat)+len(dnat) > 0 {
				used = append(used, b)
			}
		}
	}
	if len(used) > 0 && d.Int(0, 1, "nat-unbind-used") == 1 || len(bound) > 0 && d.Int(0, 2, "nat-unbind") == 2 {
		e := pick(d, bound, "bound-eip")
		if len(used) > 0 && d.Int(0, 2, "used-eip") > 0 {
			e = pick(d, used, "used-eip")
		}
		if pooled := mc.pooled(used); len(pooled) > 0 && d.Int(0, 1, "pooled-eip") == 1 {
			e = pick(d, pooled, "pooled-eip")
		}
		acct := e.account
		if acct == Accounts[0] {
			acct = ""
		}
		return Op{Cmd: "UnassociateEipAddress", Account: acct, AllocationID: e.id, InstanceID: usually(d, []string{"", e.target}, "instance"),
			InstanceType: usually(d, []string{"", e.ttype}, "instance-type"), Force: d.Int(0, 1, "force") == 1}
	}
	if op, ok := mc.listCrowded(d); ok {
		return op
	}
	if op, ok := mc.outOfOrderBind(d); ok {
		return op
	}
	type pair struct{ e, target, typ string }
	var pairs []pair
	for _, e := range m.eips {
		if e.status != "Available" {
			continue
		}
		for _, g := range m.gateways {
			if !g.gone && g.account == e.account && g.region == e.region {
				pairs = append(pairs, pair{e.id, g.id, "Nat"})
			}
		}
		for _, h := range m.havips {
			if !h.gone && h.account == e.account && h.region == e.region {
				pairs = append(pairs, pair{e.id, h.id, "HaVip"})
			}
		}
	}
	if op, ok := mc.allocateForGateway(d, len(pairs) == 0); ok {
		return op
	}
	if len(pairs) == 0 {
		return mc.draw(d, "allocate")
	}
	p := pick(d, pairs, "nat-pair")
	acct := m.eip(p.e).account
	if acct == Accounts[0] {
		acct = ""
	}
	return Op{Cmd: "AssociateEipAddress", Account: acct, AllocationID: p.e, InstanceID: p.target, InstanceType: p.typ}
}

// ownerArgs returns the account and region a call on a resource of
// (account, region) is made with: usually its own.
func (mc *Machine) ownerArgs(d Driver, account string, region int) (string, string) {
	acct := account
	if d.Int(0, 5, "other-account") == 5 {
		acct = Accounts[0]
		if account == Accounts[0] {
			acct = Accounts[1]
		}
	}
	if acct == eipsim.DefaultAccountID {
		acct = ""
	}
	r := mc.m.regions[region]
	switch d.Int(0, 7, "nat-region") {
	case 6:
		r = mc.m.regions[1-region]
	case 7:
		r = usually(d, []string{"", badRegion}, "bad-region")
	}
	return acct, r
}

func (mc *Machine) drawNAT(d Driver) Op {
	g := mc.natGateway(d)
	live := 0
	for _, g := range mc.m.gateways {
		if !g.gone {
			live++
		}
	}
	switch k := d.Int(0, 3, "nat-op"); {
	case g == nil || k == 0 && live < 3:
		region := d.Int(0, 1, "region")
		acct := usually(d, []string{"", Accounts[1]}, "account")
		return Op{Cmd: string(eipsim.ActionCreateNatGateway), Account: acct, RegionID: mc.m.regions[region],
			VSwitch: "vsw-1", ClientToken: usually(d, tokens, "token")}
	case k <= 1:
		acct, region := mc.ownerArgs(d, g.account, g.region)
		return Op{Cmd: string(eipsim.ActionDeleteNatGateway), Account: acct, RegionID: region, InstanceID: g.id, Force: d.Int(0, 1, "force") == 1}
	default:
		return Op{Cmd: CmdNatLock, InstanceID: g.id, On: d.Int(0, 1, "locked") == 0}
	}
}

// natIPs draws the addresses of an entry: of EIPs bound to g, mostly.
func (mc *Machine) natIP(d Driver, g *mGateway) string {
	var ips []string
	for _, id := range g.eips {
		if e := mc.m.eip(id); e != nil && e.ip != "" {
			ips = append(ips, e.ip)
		}
	}
	for _, e := range mc.m.eips {
		if e.ip != "" {
			ips = append(ips, e.ip)
		}
	}
	ips = append(ips, "203.0.113.250")
	if n := len(g.eips); n > 0 && d.Int(0, 3, "nat-ip-bound") > 0 {
		return ips[d.Int(0, n-1, "nat-ip")]
	}
	return pick(d, ips, "nat-ip")
}

func (mc *Machine) drawEntry(d Driver) Op {
	g := mc.entryGateway(d)
	if g == nil {
		return mc.drawNAT(d)
	}
	return mc.entryOp(d, g)
}

// entryGateway draws the gateway of an entry call: mostly one with EIPs.
func (mc *Machine) entryGateway(d Driver) *mGateway {
	g := mc.natGateway(d)
	var withEIPs []*mGateway
	for _, x := range mc.m.gateways {
		if !x.gone && len(x.eips) > 0 {
			withEIPs = append(withEIPs, x)
		}
	}
	if len(withEIPs) > 0 && d.Int(0, 3, "gateway-with-eips") > 0 {
		g = pick(d, withEIPs, "gateway")
	}
	if crowded := mc.crowdedGateway(d); crowded != nil { // where an SNAT IP pool can be made
		g = crowded
	}
	return g
}

// entryOp draws an entry call on g's tables: a create or a delete, of an
// SNAT or a DNAT entry (mostly SNAT on a gateway with two EIPs or more,
// where an IP pool can be made).
func (mc *Machine) entryOp(d Driver, g *mGateway) Op {
	acct, region := mc.ownerArgs(d, g.account, g.region)
	suffix := strings.TrimPrefix(g.id, "ngw-")
	op := Op{Account: acct, RegionID: region, ClientToken: usually(d, tokens, "token")}
	k := d.Int(0, 3, "entry-op")
	if len(g.eips) >= 2 && d.Int(0, 1, "crowded-snat") == 1 {
		k = 0
	}
	snat := k%2 == 0
	if snat {
		op.Table = usually(d, []string{"stb-" + suffix, "stb-" + suffix + "x"}, "table")
	} else {
		op.Table = usually(d, []string{"ftb-" + suffix, "stb-" + suffix}, "table")
	}
	if k >= 2 {
		var ids []string
		for _, x := range g.entries {
			if x.snat == snat {
				ids = append(ids, x.id)
			}
		}
		ids = append(ids, map[bool]string{true: "snat-none", false: "fwd-none"}[snat])
		op.Entry = pick(d, ids, "entry")
		op.Cmd = map[bool]string{true: string(eipsim.ActionDeleteSnatEntry), false: string(eipsim.ActionDeleteForwardEntry)}[snat]
		return op
	}
	op.IP = mc.natIP(d, g)
	if snat {
		op.Cmd = string(eipsim.ActionCreateSnatEntry)
		var bound []string
		for _, id := range g.eips {
			if e := mc.m.eip(id); e != nil && e.ip != "" {
				bound = append(bound, e.ip)
			}
		}
		switch {
		case len(bound) >= 2 && d.Int(0, 3, "ip-pool-bound") > 0: // a pool of two of g's addresses, in either order
			i, j := d.Int(0, len(bound)-1, "pool-ip"), d.Int(0, len(bound)-2, "pool-ip-2")
			if j >= i {
				j++
			}
			op.IP = bound[i] + "," + bound[j]
		case d.Int(0, 2, "ip-pool") == 2:
			if ip := mc.natIP(d, g); ip != op.IP {
				op.IP += "," + ip
			}
		}
		op.VSwitch = usually(d, []string{"vsw-1", "vsw-2", "vsw-3", "vsw-4"}, "source-vswitch")
		drawSnatParams(d, &op)
		return op
	}
	op.Cmd = string(eipsim.ActionCreateForwardEntry)
	op.Proto = usually(d, []string{"TCP", "UDP", "Any"}, "protocol")
	op.ExtPort = usually(d, []string{"80", "443"}, "external-port")
	op.IntIP = usually(d, []string{"10.1.0.1", "10.1.0.2"}, "internal-ip")
	op.IntPort = usually(d, []string{"80", "8080"}, "internal-port")
	op.PortBreak = d.Int(0, 2, "port-break") == 2
	if op.Proto == "Any" && d.Int(0, 1, "any-ports") == 1 {
		op.ExtPort, op.IntPort = "Any", "Any"
	}
	switch d.Int(0, 11, "malformed") { // one parameter out of its form, or in another spelling
	case 1:
		op.IP = "203.0.113"
	case 2:
		op.IntIP = "10.1.0.x"
	case 3:
		op.Proto = usually(d, []string{"icmp", "tcp", "ANY"}, "protocol-spelling")
	case 4:
		op.ExtPort = usually(d, []string{"0", "65536", "Any", "080"}, "bad-port")
	case 5:
		op.IntPort = usually(d, []string{"0", "65536", "Any", "65535"}, "bad-port")
	}
	return op
}

func (mc *Machine) drawHaVip(d Driver) Op {
	m := mc.m
	if op, ok := mc.haVipOrder(d); ok {
		return op
	}
	k := d.Int(0, 4, "havip-op")
	live := mc.liveHaVips()
	if k == 0 && len(live) < 3 || len(m.havips) == 0 {
		return Op{Cmd: string(eipsim.ActionCreateHaVip), Account: usually(d, []string{"", Accounts[1]}, "account"),
			RegionID: m.regions[d.Int(0, 1, "region")], VSwitch: "vsw-1", ClientToken: usually(d, tokens, "token")}
	}
	h := pick(d, m.havips, "havip")
	if len(live) > 0 && d.Int(0, 4, "live-havip") > 0 {
		h = pick(d, live, "havip")
	}
	acct, region := mc.ownerArgs(d, h.account, h.region)
	op := Op{Account: acct, RegionID: region, InstanceID: h.id, ClientToken: usually(d, tokens, "token")}
	switch k {
	case 1:
		op.Cmd = string(eipsim.ActionDeleteHaVip)
		return op
	case 2, 3:
		op.Cmd = string(eipsim.ActionAssociateHaVip)
	default:
		op.Cmd = string(eipsim.ActionUnassociateHaVip)
	}
	var inst []string
	for _, in := range m.instances {
		inst = append(inst, in.id)
	}
	op.Target = pick(d, inst, "havip-instance")
	var near []string // the instances the HaVip can take: its owner's, in its region
	for _, in := range m.instances {
		if !in.gone && in.account == h.account && in.region == h.region && !slices.Contains(h.instances, in.id) {
			near = append(near, in.id)
		}
	}
	if len(near) > 0 && op.Cmd == string(eipsim.ActionAssociateHaVip) && d.Int(0, 1, "havip-near-instance") == 1 {
		op.Target = pick(d, near, "havip-instance")
	}
	if len(h.instances) > 0 && d.Int(0, 1, "havip-own-instance") == 1 {
		op.Target = pick(d, h.instances, "havip-instance")
	}
	return op
}

// pooled are the EIPs of used that an SNAT IP-pool entry (several SnatIp
// addresses) uses.
func (mc *Machine) pooled(used []*mEIP) []*mEIP {
	var out []*mEIP
	for _, e := range used {
		if g := mc.m.gateway(e.target); g != nil {
			if snat, _ := g.users(e.ip); slices.ContainsFunc(snat, func(x *mEntry) bool { return len(x.ips) > 1 }) {
				out = append(out, e)
			}
		}
	}
	return out
}
