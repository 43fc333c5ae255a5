package eipsimtest

import "github.com/eipsim/eipsim/eipsim"

// answered compares the answers of the NAT and HaVip writes
// with the model's: a created resource's ID (learnt, or, for a ClientToken
// replay, the first call's), a replayed RequestId. It reports whether resp
// was one of them. (checkAnswer compares the listings' whole answers.)
func (mc *Machine) answered(d Driver, op Op, w want, resp any) bool {
	switch r := resp.(type) {
	case *eipsim.CreateNatGatewayResponse:
		mc.created(d, op, w, r.NatGatewayID)
	case *eipsim.CreateSnatEntryResponse:
		mc.created(d, op, w, r.SnatEntryID)
	case *eipsim.CreateForwardEntryResponse:
		mc.created(d, op, w, r.ForwardEntryID)
	case *eipsim.CreateHaVipResponse:
		mc.created(d, op, w, r.HaVipID)
	case *eipsim.DeleteSnatEntryResponse:
		mc.checkReplay(d, op, w, r.RequestID)
	case *eipsim.DeleteForwardEntryResponse:
		mc.checkReplay(d, op, w, r.RequestID)
	default:
		return false
	}
	return true
}

// created learns the ID a Create made (remembering it for the call's
// ClientToken), or checks that a replay answers the first call's ID.
func (mc *Machine) created(d Driver, op Op, w want, id string) {
	if !w.replay {
		w.create(id)
	}
	mc.checkReplay(d, op, w, id)
}

// lostAnswer learns, from a call whose change was made but whose answer an
// ApplyThenFail rule replaced, what the model cannot predict: the new
// EIP's address (from the Sim's state), and the RequestId the call's
// ClientToken replays (the error's).
func (mc *Machine) lostAnswer(d Driver, op Op, w want, e *eipsim.Error) {
	switch op.Cmd {
	case string(eipsim.ActionAllocateEipAddress):
		got, ok := mc.sim.EIP(w.resp)
		if !ok {
			mc.fail(d, "%s: answered %s, but the model's %s does not exist", op, e.Code, w.resp)
		}
		if got.IPAddress != w.ip {
			mc.fail(d, "%s: %s got address %s, model expects %s", op, w.resp, got.IPAddress, w.ip)
		}
		if _, seen := mc.ips[w.resp]; !seen {
			mc.ips[w.resp] = got.IPAddress
		}
		if x := mc.m.eip(w.resp); x != nil {
			x.ip = got.IPAddress
		}
	case string(eipsim.ActionAssociateEipAddress), string(eipsim.ActionUnassociateEipAddress),
		string(eipsim.ActionDeleteSnatEntry), string(eipsim.ActionDeleteForwardEntry):
		mc.checkReplay(d, op, w, e.RequestID)
	}
}
