package eipsimtest

import (
	"slices"

	"github.com/eipsim/eipsim/eipsim"
)

// answered compares the answers of the NAT and HaVip writes and listings
// with the model's: a created resource's ID (learnt, or, for a ClientToken
// replay, the first call's), a replayed RequestId, a listing's page and
// TotalCount. It reports whether resp was one of them.
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
	case *eipsim.DescribeNatGatewaysResponse:
		var got []string
		for _, g := range r.NatGateways {
			got = append(got, g.NatGatewayID)
		}
		mc.comparePage(d, op, w, got, r.TotalCount)
	case *eipsim.DescribeHaVipsResponse:
		var got []string
		for _, h := range r.HaVips {
			got = append(got, h.HaVipID)
		}
		mc.comparePage(d, op, w, got, r.TotalCount)
	case *eipsim.DescribeSnatTableEntriesResponse:
		var got []string
		for _, x := range r.SnatTableEntries {
			got = append(got, x.SnatEntryID)
		}
		mc.comparePage(d, op, w, got, r.TotalCount)
	case *eipsim.DescribeForwardTableEntriesResponse:
		var got []string
		for _, x := range r.ForwardTableEntries {
			got = append(got, x.ForwardEntryID)
		}
		mc.comparePage(d, op, w, got, r.TotalCount)
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

func (mc *Machine) comparePage(d Driver, op Op, w want, got []string, total int) {
	if !slices.Equal(got, w.page) || total != w.total {
		mc.fail(d, "%s: got page %v of %d, model expects %v of %d", op, got, total, w.page, w.total)
	}
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
