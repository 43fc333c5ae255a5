package eipsimtest

import (
	"reflect"
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// checkAnswer compares a successful call's whole answer with the model's:
// its RequestId (the cloud's shape; new, or a replay's first), the values
// the Sim draws (their shape, and that they are new), and every other
// field with w.answer, or with an answer that says nothing but the
// RequestId when the model gives none. What the Sim drew goes into the
// model (an EIP's address, a new resource's ID).
func (mc *Machine) checkAnswer(d Driver, op Op, w want, resp any) {
	rv := reflect.ValueOf(resp)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		mc.fail(d, "%s: answer %#v is not a response", op, resp)
	}
	rid := rv.Elem().FieldByName("RequestID").String()
	mc.checkRequestID(d, op, w, rid)
	if op.Cmd == string(eipsim.ActionAssociateEipAddress) || op.Cmd == string(eipsim.ActionUnassociateEipAddress) {
		mc.checkReplay(d, op, w, rid)
	}
	exp := w.answer
	if exp == nil {
		exp = reflect.New(rv.Elem().Type()).Interface()
	}
	switch r := resp.(type) {
	case *eipsim.AllocateEipAddressResponse:
		if !validIPv4(r.EipAddress) {
			mc.fail(d, "%s: EipAddress %q is not an IPv4 address", op, r.EipAddress)
		}
		ip, seen := mc.ips[r.AllocationID]
		if !seen {
			mc.ips[r.AllocationID], ip = r.EipAddress, r.EipAddress
		}
		if e := mc.m.eip(r.AllocationID); e != nil {
			e.ip = ip
		}
		if w.ip != "" { // the model's pool predicts the address
			ip = w.ip
		}
		a := &eipsim.AllocateEipAddressResponse{AllocationID: w.resp, EipAddress: ip}
		if op.InstanceChargeType == "PrePaid" { // an order the model does not number
			if r.OrderID <= 0 {
				mc.fail(d, "%s: a PrePaid EIP's OrderId is %d", op, r.OrderID)
			}
			a.OrderID = r.OrderID
		}
		exp = a
	case *eipsim.CreateNatGatewayResponse:
		id := mc.newID(d, op, w, r.NatGatewayID, "ngw-")
		suffix := strings.TrimPrefix(id, "ngw-")
		exp = &eipsim.CreateNatGatewayResponse{NatGatewayID: id, SnatTableIDs: []string{"stb-" + suffix}, ForwardTableIDs: []string{"ftb-" + suffix}}
	case *eipsim.CreateSnatEntryResponse:
		exp = &eipsim.CreateSnatEntryResponse{SnatEntryID: mc.newID(d, op, w, r.SnatEntryID, "snat-")}
	case *eipsim.CreateForwardEntryResponse:
		exp = &eipsim.CreateForwardEntryResponse{ForwardEntryID: mc.newID(d, op, w, r.ForwardEntryID, "fwd-")}
	case *eipsim.CreateHaVipResponse:
		if !validIPv4(r.IPAddress) {
			mc.fail(d, "%s: IpAddress %q is not an IPv4 address", op, r.IPAddress)
		}
		exp = &eipsim.CreateHaVipResponse{HaVipID: mc.newID(d, op, w, r.HaVipID, "havip-"), IPAddress: r.IPAddress}
		if h := mc.m.havip(r.HaVipID); h != nil {
			h.ip = r.IPAddress
		}
	case *eipsim.DeleteSnatEntryResponse, *eipsim.DeleteForwardEntryResponse:
		mc.answered(d, op, w, resp) // a replayed RequestId
		return
	}
	if bad := answerDiff(resp, exp); bad != "" {
		mc.fail(d, "%s: answer differs: %s", op, bad)
	}
}

// checkRequestID: a call's RequestId has the cloud's shape and is new; a
// ClientToken replay's is an earlier one (checkReplay knows which for
// AssociateEipAddress and UnassociateEipAddress).
func (mc *Machine) checkRequestID(d Driver, op Op, w want, rid string) {
	if !requestIDRE.MatchString(rid) {
		mc.fail(d, "%s: RequestId %q is not in the cloud's shape", op, rid)
	}
	_, seen := mc.rids[rid]
	switch {
	case w.replay && !seen:
		mc.fail(d, "%s: a replay answered a new RequestId %s", op, rid)
	case !w.replay && seen:
		mc.fail(d, "%s: RequestId %s was answered before", op, rid)
	}
	if mc.rids == nil {
		mc.rids = map[string]struct{}{}
	}
	mc.rids[rid] = struct{}{}
}

// newID checks the ID of a resource a Create made: the cloud's shape, and
// (unless the call replays one) no resource of the model has it; then the
// model learns it (Machine.created). It returns id.
func (mc *Machine) newID(d Driver, op Op, w want, id, prefix string) string {
	defer mc.created(d, op, w, id)
	if !drawnID(id, prefix) {
		mc.fail(d, "%s: new ID %q is not %s and 20 base-36 characters", op, id, prefix)
	}
	taken := false
	for _, g := range mc.m.gateways {
		taken = taken || g.id == id
		for _, x := range g.entries {
			taken = taken || x.id == id
		}
	}
	for _, h := range mc.m.havips {
		taken = taken || h.id == id
	}
	if taken && !w.replay {
		mc.fail(d, "%s: new ID %s is already taken", op, id)
	}
	return id
}
