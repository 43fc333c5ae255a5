package eipsimtest

import (
	"context"
	"reflect"
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
	if len(gws) != len(mgs) {
		var got, want []string
		for _, g := range gws {
			got = append(got, g.NatGatewayID+":"+g.Status)
		}
		for _, g := range mgs {
			want = append(want, g.id+":"+g.status)
		}
		mc.fail(d, "NAT gateways differ:\nsim:   %v\nmodel: %v", got, want)
	}
	for i, w := range mgs {
		if v := m.gatewayView(w); !sameValue(reflect.ValueOf(gws[i]), reflect.ValueOf(v)) {
			mc.fail(d, "NAT gateway %s differs:\nsim:   %+v\nmodel: %+v", w.id, gws[i], v)
		}
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
	if len(hvs) != len(mhs) {
		var got, want []string
		for _, h := range hvs {
			got = append(got, h.HaVipID+":"+h.Status)
		}
		for _, h := range mhs {
			want = append(want, h.id+":"+h.status)
		}
		mc.fail(d, "HaVips differ:\nsim:   %v\nmodel: %v", got, want)
	}
	for i, w := range mhs {
		if v := m.haVipView(w); !sameValue(reflect.ValueOf(hvs[i]), reflect.ValueOf(v)) {
			mc.fail(d, "HaVip %s differs:\nsim:   %+v\nmodel: %+v", w.id, hvs[i], v)
		}
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

// entriesPageSize is the PageSize of Check's Describe of a table: one page
// holds every entry the worlds allow.
const entriesPageSize = 50

// checkEntries describes g's SNAT and DNAT tables (as its owner) and
// compares the whole answers with the model's: every field of every entry,
// in creation order, TotalCount, PageNumber and PageSize. The calls are
// part of the run: the determinism shadow makes them too.
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
	uses := func(id, status, ips string) {
		if status != eipsim.EntryDeleting && !mc.m.natKeep {
			for ip := range strings.SplitSeq(ips, ",") {
				if !bound(ip) {
					mc.fail(d, "entry %s (%s) uses %s, not bound to %s", id, status, ip, g.id)
				}
			}
		}
	}
	for _, snat := range []bool{true, false} {
		op := Op{Cmd: string(eipsim.ActionDescribeSnatTableEntries), Account: acct, RegionID: mc.m.regions[g.region], Table: "stb-" + suffix}
		if !snat {
			op.Cmd, op.Table = string(eipsim.ActionDescribeForwardTableEntries), "ftb-"+suffix
		}
		// The table is named by its ID, by its gateway's (NatGatewayId),
		// or by both, in turn.
		switch len(mc.checkOps) % 3 {
		case 1:
			op.Table, op.InstanceID = "", g.id
		case 2:
			op.InstanceID = g.id
		}
		mc.checkOps = append(mc.checkOps, checkOp{len(mc.ops), op})
		throttled := mc.m.throttled(g.account, op.Cmd)
		resp, err := describeEntries(mc.sim, op)
		if throttled != "" {
			// A rate limit counts Check's calls too: this one is refused,
			// and the tables are compared at the next Check.
			mc.checkThrottled(d, op, throttled, err)
			continue
		}
		if err != nil {
			mc.fail(d, "%s: %v", op, err)
		}
		switch r := resp.(type) {
		case *eipsim.DescribeSnatTableEntriesResponse:
			for _, x := range r.SnatTableEntries {
				uses(x.SnatEntryID, x.Status, x.SnatIP)
			}
		case *eipsim.DescribeForwardTableEntriesResponse:
			for _, x := range r.ForwardTableEntries {
				uses(x.ForwardEntryID, x.Status, x.ExternalIP)
			}
		}
		if bad := answerDiff(resp, mc.m.entriesAnswer(g, snat, entriesPageSize)); bad != "" {
			mc.fail(d, "%s: answer differs: %s", op, bad)
		}
	}
}

// describeEntries runs a Describe{Snat,Forward}TableEntries op of
// checkEntries (its InstanceID is the NatGatewayId) and returns its answer.
func describeEntries(sim *eipsim.Sim, op Op) (any, error) {
	ctx := context.Background()
	if op.Account != "" {
		ctx = eipsim.WithAccount(ctx, op.Account)
	}
	if op.Cmd == string(eipsim.ActionDescribeSnatTableEntries) {
		return sim.DescribeSnatTableEntries(ctx, eipsim.DescribeSnatTableEntriesRequest{RegionID: op.RegionID, SnatTableID: op.Table,
			NatGatewayID: op.InstanceID, PageSize: entriesPageSize})
	}
	return sim.DescribeForwardTableEntries(ctx, eipsim.DescribeForwardTableEntriesRequest{RegionID: op.RegionID, ForwardTableID: op.Table,
		NatGatewayID: op.InstanceID, PageSize: entriesPageSize})
}
