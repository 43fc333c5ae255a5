package eipsimtest

import "slices"

// Generators of the states where a listing's order shows: a NAT gateway
// holding several EIPs bound out of AllocationId order, listed by its
// owner, so that an answer in binding order differs from the sorted one;
// a HaVip with several instances associated out of order.

// outOfOrderBind draws, for one call in two, an AssociateEipAddress of an
// Available EIP to a live gateway of its owner and region that already
// holds an EIP with a larger AllocationId; ok is false when there is none
// (or the draw says no).
func (mc *Machine) outOfOrderBind(d Driver) (Op, bool) {
	m := mc.m
	type pair struct{ e, g string }
	var pairs []pair
	for _, g := range m.gateways {
		if g.gone || len(g.eips) == 0 || len(g.eips) >= mc.world.NATEIPs {
			continue
		}
		top := ""
		for _, id := range g.eips {
			top = max(top, id)
		}
		for _, e := range m.eips {
			if e.status == "Available" && e.account == g.account && e.region == g.region && e.id < top {
				pairs = append(pairs, pair{e.id, g.id})
			}
		}
	}
	if len(pairs) == 0 || d.Int(0, 1, "out-of-order-bind") == 0 {
		return Op{}, false
	}
	p := pick(d, pairs, "out-of-order-pair")
	return Op{Cmd: "AssociateEipAddress", Account: ownAccount(m.eip(p.e).account), AllocationID: p.e, InstanceID: p.g, InstanceType: "Nat"}, true
}

// listCrowded draws, for one call in three, a DescribeNatGateways of a
// gateway holding two EIPs or more, by its owner and in its region, on the
// page that shows it; ok is false when there is none (or the draw says
// no).
func (mc *Machine) listCrowded(d Driver) (Op, bool) {
	if d.Int(0, 2, "list-crowded") > 0 {
		return Op{}, false
	}
	g := mc.crowdedGateway(d)
	if g == nil {
		return Op{}, false
	}
	op := Op{Cmd: "DescribeNatGateways", Account: ownAccount(g.account), RegionID: mc.m.regions[g.region]}
	if d.Int(0, 1, "crowded-by-id") == 1 {
		op.InstanceID = g.id
	}
	return op, true
}

// crowdedGateway draws, for two listings in three, a live gateway that
// holds two EIPs or more; nil when there is none (or the draw says no).
func (mc *Machine) crowdedGateway(d Driver) *mGateway {
	var crowded []*mGateway
	for _, g := range mc.m.gateways {
		if !g.gone && len(g.eips) >= 2 {
			crowded = append(crowded, g)
		}
	}
	if len(crowded) == 0 || d.Int(0, 2, "crowded-gateway") == 0 {
		return nil
	}
	return pick(d, crowded, "crowded")
}

// allocateForGateway draws an AllocateEipAddress in the account and
// region of a live gateway with room for one more EIP and no Available EIP
// of its owner there to take: always when none is bound elsewhere
// (none), for one call in two otherwise. ok is false when there is no
// such gateway.
func (mc *Machine) allocateForGateway(d Driver, none bool) (Op, bool) {
	m := mc.m
	if m.allocations >= pinnedIDs-1 {
		return Op{}, false
	}
	var room []*mGateway
	for _, g := range m.gateways {
		if g.gone || len(g.eips) >= mc.world.NATEIPs {
			continue
		}
		free := false
		for _, e := range m.eips {
			free = free || e.status == "Available" && e.account == g.account && e.region == g.region
		}
		if !free {
			room = append(room, g)
		}
	}
	if len(room) == 0 || !none && d.Int(0, 1, "allocate-for-gateway") == 0 {
		return Op{}, false
	}
	g := pick(d, room, "gateway-with-room")
	return Op{Cmd: "AllocateEipAddress", Account: ownAccount(g.account), RegionID: m.regions[g.region]}, true
}

// haVipOrder draws, for one HaVip call in two, one where the order of a
// HaVip's AssociatedInstances shows: an AssociateHaVip of an instance of
// its owner and region that sorts before one it already has, or a
// DescribeHaVips, by its owner, of a HaVip with two instances or more. ok
// is false when there is neither (or the draw says no).
func (mc *Machine) haVipOrder(d Driver) (Op, bool) {
	m := mc.m
	type pair struct {
		h  *mHaVip
		in string
	}
	var pairs []pair
	var crowded []*mHaVip
	for _, h := range m.havips {
		if h.gone || len(h.instances) == 0 {
			continue
		}
		if len(h.instances) >= 2 {
			crowded = append(crowded, h)
		}
		for _, in := range m.instances {
			if !in.gone && in.account == h.account && in.region == h.region && in.id < h.instances[len(h.instances)-1] &&
				!slices.Contains(h.instances, in.id) {
				pairs = append(pairs, pair{h, in.id})
			}
		}
	}
	if len(pairs)+len(crowded) == 0 || d.Int(0, 1, "havip-order") == 0 {
		return Op{}, false
	}
	if len(crowded) > 0 && (len(pairs) == 0 || d.Int(0, 1, "havip-list-crowded") == 1) {
		h := pick(d, crowded, "crowded-havip")
		op := Op{Cmd: "DescribeHaVips", Account: ownAccount(h.account), RegionID: m.regions[h.region]}
		if d.Int(0, 1, "crowded-by-id") == 1 {
			op.FilterKey, op.FilterValue = "HaVipId", h.id
		}
		return op, true
	}
	p := pick(d, pairs, "havip-out-of-order")
	return Op{Cmd: "AssociateHaVip", Account: ownAccount(p.h.account), RegionID: m.regions[p.h.region], InstanceID: p.h.id, Target: p.in}, true
}
