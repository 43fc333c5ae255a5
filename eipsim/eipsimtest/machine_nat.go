package eipsimtest

import (
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
	eips := make(map[string]eipsim.EIP, len(all))
	for _, e := range all {
		eips[e.AllocationID] = e
	}
	var got, want []string
	for _, g := range sim.NatGateways() {
		for _, id := range g.AllocationIDs {
			holds("NAT gateway", g.NatGatewayID, id)
		}
		got = append(got, g.NatGatewayID+":"+g.Status+":"+g.BusinessStatus+":"+strings.Join(g.AllocationIDs, ","))
		for _, id := range g.AllocationIDs {
			if e := eips[id]; e.InstanceID != g.NatGatewayID || e.InstanceType != eipsim.InstanceTypeNat {
				mc.fail(d, "NAT gateway %s lists %s, which is bound to %s %s", g.NatGatewayID, id, e.InstanceType, e.InstanceID)
			}
		}
	}
	for _, g := range m.gateways {
		if !g.gone {
			bs := "Normal"
			if g.locked {
				bs = "FinancialLocked"
			}
			want = append(want, g.id+":"+g.status+":"+bs+":"+strings.Join(g.eips, ","))
		}
	}
	slices.Sort(want) // the Sim lists by ID
	if !slices.Equal(got, want) {
		mc.fail(d, "NAT gateways differ:\nsim:   %v\nmodel: %v", got, want)
	}
	got, want = got[:0], want[:0]
	for _, h := range sim.HaVips() {
		holds("HaVip", h.HaVipID, h.AllocationID)
		got = append(got, h.HaVipID+":"+h.Status+":"+strings.Join(h.AssociatedInstances, ",")+":"+h.AllocationID)
		switch {
		case h.Status == eipsim.HaVipInUse && len(h.AssociatedInstances) == 0,
			h.Status == eipsim.HaVipAvailable && len(h.AssociatedInstances) > 0:
			mc.fail(d, "HaVip %s is %s with instances %v", h.HaVipID, h.Status, h.AssociatedInstances)
		case h.AllocationID != "" && (eips[h.AllocationID].InstanceID != h.HaVipID || len(h.AssociatedEipAddresses) != 1):
			mc.fail(d, "HaVip %s holds %s, which is bound to %q", h.HaVipID, h.AllocationID, eips[h.AllocationID].InstanceID)
		}
	}
	for _, h := range m.havips {
		if !h.gone {
			want = append(want, h.id+":"+h.status+":"+strings.Join(h.instances, ",")+":"+h.eip)
		}
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		mc.fail(d, "HaVips differ:\nsim:   %v\nmodel: %v", got, want)
	}
	for _, g := range m.gateways {
		if g.described && !g.gone {
			mc.checkEntries(d, g, eips)
		}
	}
}

// checkEntries describes g's SNAT and DNAT tables (as its owner) and
// compares them with the model's entries. The calls are part of the run:
// the determinism shadow makes them too.
func (mc *Machine) checkEntries(d Driver, g *mGateway, eips map[string]eipsim.EIP) {
	suffix := strings.TrimPrefix(g.id, "ngw-")
	acct := g.account
	if acct == eipsim.DefaultAccountID {
		acct = ""
	}
	bound := map[string]bool{}
	for _, e := range eips {
		if e.InstanceID == g.id {
			bound[e.IPAddress] = true
		}
	}
	var got, want []string
	for _, snat := range []bool{true, false} {
		op := Op{Cmd: string(eipsim.ActionDescribeSnatTableEntries), Account: acct, RegionID: mc.m.regions[g.region], Table: "stb-" + suffix}
		if !snat {
			op.Cmd, op.Table = string(eipsim.ActionDescribeForwardTableEntries), "ftb-"+suffix
		}
		mc.checkOps = append(mc.checkOps, checkOp{len(mc.ops), op})
		resp, err := describeEntries(mc.sim, op)
		if err != nil {
			mc.fail(d, "%s: %v", op, err)
		}
		for _, x := range resp {
			got = append(got, x)
			f := strings.Split(x, ":")
			if f[2] != eipsim.EntryDeleting && !mc.m.natKeep {
				for _, ip := range strings.Split(f[3], ",") {
					if !bound[ip] {
						mc.fail(d, "entry %s (%s) uses %s, not bound to %s", f[1], f[2], ip, g.id)
					}
				}
			}
		}
	}
	for _, x := range g.entries {
		want = append(want, map[bool]string{true: "snat", false: "dnat"}[x.snat]+":"+x.id+":"+x.status+":"+strings.Join(x.ips, ","))
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		mc.fail(d, "entries of %s differ:\nsim:   %v\nmodel: %v", g.id, got, want)
	}
}

// describeEntries runs a Describe{Snat,Forward}TableEntries op and returns
// each entry as kind:id:status:ips.
func describeEntries(sim *eipsim.Sim, op Op) ([]string, error) {
	ctx := context.Background()
	if op.Account != "" {
		ctx = eipsim.WithAccount(ctx, op.Account)
	}
	var out []string
	if op.Cmd == string(eipsim.ActionDescribeSnatTableEntries) {
		r, err := sim.DescribeSnatTableEntries(ctx, eipsim.DescribeSnatTableEntriesRequest{RegionID: op.RegionID, SnatTableID: op.Table, PageSize: 50})
		if err != nil {
			return nil, err
		}
		for _, x := range r.SnatTableEntries {
			out = append(out, "snat:"+x.SnatEntryID+":"+x.Status+":"+x.SnatIP)
		}
		return out, nil
	}
	r, err := sim.DescribeForwardTableEntries(ctx, eipsim.DescribeForwardTableEntriesRequest{RegionID: op.RegionID, ForwardTableID: op.Table, PageSize: 50})
	if err != nil {
		return nil, err
	}
	for _, x := range r.ForwardTableEntries {
		out = append(out, "dnat:"+x.ForwardEntryID+":"+x.Status+":"+x.ExternalIP)
	}
	return out, nil
}
