package eipsim_test

import (
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

const associateHaVipMessage = "HaVip can be operated by this action only when it's status is Available or InUse."
const unassociateHaVipMessage = "This operation is denied because satus of the specified HaVip is neither Available nor InUse."

func haVipStatus(t *testing.T, sim *eipsim.Sim, id string) string {
	t.Helper()
	r, err := sim.DescribeHaVips(ctx, eipsim.DescribeHaVipsRequest{RegionID: region, Filter1Key: "HaVipId", Filter1Value: id})
	mustOK(t, err)
	if len(r.HaVips) == 0 {
		return "gone"
	}
	return r.HaVips[0].Status
}

func assocHaVipEIP(sim *eipsim.Sim, eipID, havip string) error {
	_, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: eipID, InstanceID: havip, InstanceType: eipsim.InstanceTypeHaVip})
	return err
}

// TestHaVipEIPThroughEveryState binds and unbinds an EIP in each HaVip
// state, driven only through the API: Creating, Available, Associating,
// InUse, Unassociating, Deleting.
func TestHaVipEIPThroughEveryState(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-a"}))
	e := allocNAT(t, sim, false)
	c, err := sim.CreateHaVip(ctx, eipsim.CreateHaVipRequest{RegionID: region, VSwitchID: "vsw-a"})
	mustOK(t, err)
	h := c.HaVipID

	// Creating: no EIP.
	if st := haVipStatus(t, sim, h); st != eipsim.HaVipCreating {
		t.Fatalf("status %s, want Creating", st)
	}
	wantErr(t, assocHaVipEIP(sim, e.AllocationID, h), eipsim.CodeIncorrectHaVipStatus, 400, associateHaVipMessage)
	clk.Advance(eipsim.DefaultHaVipDelay)

	// Available: bind, and a second EIP is refused.
	if st := haVipStatus(t, sim, h); st != eipsim.HaVipAvailable {
		t.Fatalf("status %s, want Available", st)
	}
	bind(t, sim, clk, e.AllocationID, h, eipsim.InstanceTypeHaVip)
	eipsimtest.RequireCode(t, assocHaVipEIP(sim, allocNAT(t, sim, false).AllocationID, h), eipsim.CodeInvalidAssociationDuplicated)

	// A HaVip with an EIP cannot be deleted.
	_, err = sim.DeleteHaVip(ctx, eipsim.DeleteHaVipRequest{RegionID: region, HaVipID: h})
	wantErr(t, err, eipsim.CodeDependencyViolation, 400, "The specified resource of Eip depends on HaVip, so the operation cannot be completed.")

	// Associating: the EIP cannot be unbound.
	_, err = sim.AssociateHaVip(ctx, eipsim.AssociateHaVipRequest{RegionID: region, HaVipID: h, InstanceID: "i-a"})
	mustOK(t, err)
	if st := haVipStatus(t, sim, h); st != eipsim.HaVipAssociating {
		t.Fatalf("status %s, want Associating", st)
	}
	wantErr(t, unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: e.AllocationID}), eipsim.CodeIncorrectHaVipStatus, 400, unassociateHaVipMessage)
	clk.Advance(eipsim.DefaultHaVipDelay)

	// InUse: unbind and bind again.
	if st := haVipStatus(t, sim, h); st != eipsim.HaVipInUse {
		t.Fatalf("status %s, want InUse", st)
	}
	mustOK(t, unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: e.AllocationID, InstanceID: h, InstanceType: eipsim.InstanceTypeHaVip}))
	clk.Advance(settleAll)
	eipsimtest.RequireStatus(t, sim, e.AllocationID, eipsim.StatusAvailable)
	bind(t, sim, clk, e.AllocationID, h, eipsim.InstanceTypeHaVip)

	// Unassociating: neither bind nor unbind.
	_, err = sim.UnassociateHaVip(ctx, eipsim.UnassociateHaVipRequest{RegionID: region, HaVipID: h, InstanceID: "i-a"})
	mustOK(t, err)
	if st := haVipStatus(t, sim, h); st != eipsim.HaVipUnassociating {
		t.Fatalf("status %s, want Unassociating", st)
	}
	wantErr(t, unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: e.AllocationID}), eipsim.CodeIncorrectHaVipStatus, 400, unassociateHaVipMessage)
	wantErr(t, assocHaVipEIP(sim, allocNAT(t, sim, false).AllocationID, h), eipsim.CodeIncorrectHaVipStatus, 400, associateHaVipMessage)
	clk.Advance(eipsim.DefaultHaVipDelay)
	if st := haVipStatus(t, sim, h); st != eipsim.HaVipAvailable {
		t.Fatalf("status %s, want Available", st)
	}

	// Available again: unbind, then delete; Deleting takes no EIP.
	mustOK(t, unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: e.AllocationID}))
	clk.Advance(settleAll)
	_, err = sim.DeleteHaVip(ctx, eipsim.DeleteHaVipRequest{RegionID: region, HaVipID: h})
	mustOK(t, err)
	if st := haVipStatus(t, sim, h); st != eipsim.HaVipDeleting {
		t.Fatalf("status %s, want Deleting", st)
	}
	wantErr(t, assocHaVipEIP(sim, e.AllocationID, h), eipsim.CodeIncorrectHaVipStatus, 400, associateHaVipMessage)
	clk.Advance(eipsim.DefaultHaVipDelay)
	if st := haVipStatus(t, sim, h); st != "gone" {
		t.Fatalf("status %s, want gone", st)
	}
	eipsimtest.RequireCode(t, assocHaVipEIP(sim, e.AllocationID, h), eipsim.CodeInvalidInstanIDNotFound)
}

func TestHaVipInstanceRules(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-a"}))
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-s", Status: eipsim.InstanceStopping}))
	mustOK(t, sim.AddHaVip(eipsim.HaVip{HaVipID: "havip-a"}))
	assoc := func(in string) error {
		_, err := sim.AssociateHaVip(ctx, eipsim.AssociateHaVipRequest{RegionID: region, HaVipID: "havip-a", InstanceID: in})
		return err
	}
	eipsimtest.RequireCode(t, assoc("i-nope"), eipsim.CodeInvalidInstanceIDNotFound)
	eipsimtest.RequireCode(t, assoc("i-s"), eipsim.CodeIncorrectInstanceStatus)
	mustOK(t, assoc("i-a"))
	wantErr(t, assoc("i-a"), eipsim.CodeIncorrectHaVipStatus, 400, associateHaVipMessage)
	clk.Advance(settleAll)
	eipsimtest.RequireCode(t, assoc("i-a"), eipsim.CodeInvalidAssociationDuplicated)
	_, err := sim.DeleteHaVip(ctx, eipsim.DeleteHaVipRequest{RegionID: region, HaVipID: "havip-a"})
	eipsimtest.RequireCode(t, err, eipsim.CodeIncorrectHaVipStatus) // InUse
	// Deleting the instance lets the HaVip go back to Available.
	mustOK(t, sim.DeleteInstance("i-a"))
	if st := haVipStatus(t, sim, "havip-a"); st != eipsim.HaVipAvailable {
		t.Fatalf("status %s, want Available", st)
	}
	_, err = sim.DeleteHaVip(ctx, eipsim.DeleteHaVipRequest{RegionID: region, HaVipID: "havip-nope"})
	eipsimtest.RequireCode(t, err, eipsim.CodeInvalidHaVipIDNotFound)
}
