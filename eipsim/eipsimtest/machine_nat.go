package eipsimtest

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// checkNAT compares NAT gateways, their entries and HaVips with the model,
// and checks the NAT invariants on what the Sim shows:
//
//   - an entry that is not Deleting references only addresses of EIPs bound
//     to its gateway (unless forced unassociations keep entries);
//   - a HaVip's status agrees with its bindings: InUse iff it has
//     instances (when not in transition), and its EIP is bound to it;
//   - an EIP bound to a gateway is listed by the gateway and no other.
func (mc *Machine) checkNAT(d Driver, all []eipsim.EIP, holds func(kind, id, eip string)) {
	m, sim := mc.m, mc.sim
	if len(m.gateways) == 0 && len(m.havips) == 0 {
		return
	}
	if mc.eipIndex == nil {
		mc.eipIndex = map[string]*eipsim.EIP{}
	}
	clear(mc.eipIndex)
	for i := range all {
		mc.eipIndex[all[i].AllocationID] = &all[i]
	}
	eip := func(id string) *eipsim.EIP {
		if e := mc.eipIndex[id]; e != nil {
			return e
		}
		return &eipsim.EIP{}
	}
	gws := sim.NatGateways()
	for _, g := range gws {
		for _, id := range g.AllocationIDs {
			holds("NAT gateway", g.NatGatewayID, id)
			if e := eip(id); e.InstanceID != g.NatGatewayID || e.InstanceType != eipsim.InstanceTypeNat {
				mc.fail(d, "NAT gateway %s lists %s, which is bound to %s %s", g.NatGatewayID, id, e.InstanceType, e.InstanceID)
			}
		}
	}
	mgs := mc.sortedGateways()
	agree := len(gws) == len(mgs)
	for i := 0; agree && i < len(gws); i++ {
		g, w := &gws[i], mgs[i]
		agree = g.NatGatewayID == w.id && g.Status == w.status && g.BusinessStatus == w.businessStatus() && slices.Equal(g.AllocationIDs, w.eips)
	}
	if !agree {
		var got, want []string
		for _, g := range gws {
			got = append(got, g.NatGatewayID+":"+g.Status+":"+g.BusinessStatus+":"+strings.Join(g.AllocationIDs, ","))
		}
		for _, g := range mgs {
			want = append(want, g.id+":"+g.status+":"+g.businessStatus()+":"+strings.Join(g.eips, ","))
		}
		mc.fail(d, "NAT gateways differ:\nsim:   %v\nmodel: %v", got, want)
	}
	hvs := sim.HaVips()
	for _, h := range hvs {
		holds("HaVip", h.HaVipID, h.AllocationID)
		switch {
		case h.Status == eipsim.HaVipInUse && len(h.AssociatedInstances) == 0,
			h.Status == eipsim.HaVipAvailable && len(h.AssociatedInstances) > 0:
			mc.fail(d, "HaVip %s is %s with instances %v", h.HaVipID, h.Status, h.AssociatedInstances)
		case h.AllocationID != "" && (eip(h.AllocationID).InstanceID != h.HaVipID || len(h.AssociatedEipAddresses) != 1):
			mc.fail(d, "HaVip %s holds %s, which is bound to %q", h.HaVipID, h.AllocationID, eip(h.AllocationID).InstanceID)
		}
	}
	mhs := mc.sortedHaVips()
	agree = len(hvs) == len(mhs)
	for i := 0; agree && i < len(hvs); i++ {
		h, w := &hvs[i], mhs[i]
		agree = h.HaVipID == w.id && h.Status == w.status && slices.Equal(h.AssociatedInstances, w.instances) && h.AllocationID == w.eip
	}
	if !agree {
		var got, want []string
		for _, h := range hvs {
			got = append(got, h.HaVipID+":"+h.Status+":"+strings.Join(h.AssociatedInstances, ",")+":"+h.AllocationID)
		}
		for _, h := range mhs {
			want = append(want, h.id+":"+h.status+":"+strings.Join(h.instances, ",")+":"+h.eip)
		}
		mc.fail(d, "HaVips differ:\nsim:   %v\nmodel: %v", got, want)
	}
	for _, g := range m.gateways {
		if g.described && !g.gone {
			mc.checkEntries(d, g, all)
		}
	}
}

// sortedGateways are the model's gateways that are not gone, sorted by ID
// as the Sim lists them.
func (mc *Machine) sortedGateways() []*mGateway {
	out := mc.gwBuf[:0]
	for _, g := range mc.m.gateways {
		if !g.gone {
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b *mGateway) int { return strings.Compare(a.id, b.id) })
	mc.gwBuf = out
	return out
}

// sortedHaVips are the model's HaVips that are not gone, sorted by ID.
func (mc *Machine) sortedHaVips() []*mHaVip {
	out := mc.hvBuf[:0]
	for _, h := range mc.m.havips {
		if !h.gone {
			out = append(out, h)
		}
	}
	slices.SortFunc(out, func(a, b *mHaVip) int { return strings.Compare(a.id, b.id) })
	mc.hvBuf = out
	return out
}

func (g *mGateway) businessStatus() string {
	if g.locked {
		return "FinancialLocked"
	}
	return "Normal"
}

// entry is a SNAT or DNAT entry as Check compares them; ips is the SnatIp
// or ExternalIp, addresses joined with commas.
type entry struct {
	snat            bool
	id, status, ips string
}

func (a entry) compare(b entry) int {
	if a.snat != b.snat {
		if a.snat {
			return -1
		}
		return 1
	}
	return cmp.Or(strings.Compare(a.id, b.id), strings.Compare(a.status, b.status), strings.Compare(a.ips, b.ips))
}

func (a entry) String() string {
	kind := "dnat"
	if a.snat {
		kind = "snat"
	}
	return kind + ":" + a.id + ":" + a.status + ":" + a.ips
}

// checkEntries describes g's SNAT and DNAT tables (as its owner) and
// compares them with the model's entries. The calls are part of the run:
// the determinism shadow makes them too.
func (mc *Machine) checkEntries(d Driver, g *mGateway, all []eipsim.EIP) {
	suffix := strings.TrimPrefix(g.id, "ngw-")
	acct := g.account
	if acct == eipsim.DefaultAccountID {
		acct = ""
	}
	bound := func(ip string) bool {
		for i := range all {
			if all[i].InstanceID == g.id && all[i].IPAddress == ip {
				return true
			}
		}
		return false
	}
	got := mc.gotEntries[:0]
	for _, snat := range []bool{true, false} {
		op := Op{Cmd: string(eipsim.ActionDescribeSnatTableEntries), Account: acct, RegionID: mc.m.regions[g.region], Table: "stb-" + suffix}
		if !snat {
			op.Cmd, op.Table = string(eipsim.ActionDescribeForwardTableEntries), "ftb-"+suffix
		}
		mc.checkOps = append(mc.checkOps, checkOp{len(mc.ops), op})
		var err error
		if got, err = appendEntries(got, mc.sim, op); err != nil {
			mc.fail(d, "%s: %v", op, err)
		}
	}
	for _, x := range got {
		if x.status != eipsim.EntryDeleting && !mc.m.natKeep {
			for ip := range strings.SplitSeq(x.ips, ",") {
				if !bound(ip) {
					mc.fail(d, "entry %s (%s) uses %s, not bound to %s", x.id, x.status, ip, g.id)
				}
			}
		}
	}
	want := mc.wantEntries[:0]
	for _, x := range g.entries {
		want = append(want, entry{x.snat, x.id, x.status, strings.Join(x.ips, ",")})
	}
	slices.SortFunc(got, entry.compare)
	slices.SortFunc(want, entry.compare)
	mc.gotEntries, mc.wantEntries = got, want
	if !slices.Equal(got, want) {
		mc.fail(d, "entries of %s differ:\nsim:   %v\nmodel: %v", g.id, got, want)
	}
}

// appendEntries runs a Describe{Snat,Forward}TableEntries op and appends
// its entries to dst.
func appendEntries(dst []entry, sim *eipsim.Sim, op Op) ([]entry, error) {
	ctx := context.Background()
	if op.Account != "" {
		ctx = eipsim.WithAccount(ctx, op.Account)
	}
	if op.Cmd == string(eipsim.ActionDescribeSnatTableEntries) {
		r, err := sim.DescribeSnatTableEntries(ctx, eipsim.DescribeSnatTableEntriesRequest{RegionID: op.RegionID, SnatTableID: op.Table, PageSize: 50})
		if err != nil {
			return dst, err
		}
		for _, x := range r.SnatTableEntries {
			dst = append(dst, entry{true, x.SnatEntryID, x.Status, x.SnatIP})
		}
		return dst, nil
	}
	r, err := sim.DescribeForwardTableEntries(ctx, eipsim.DescribeForwardTableEntriesRequest{RegionID: op.RegionID, ForwardTableID: op.Table, PageSize: 50})
	if err != nil {
		return dst, err
	}
	for _, x := range r.ForwardTableEntries {
		dst = append(dst, entry{false, x.ForwardEntryID, x.Status, x.ExternalIP})
	}
	return dst, nil
}
