package eipsim_test

import (
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

func natUnassoc(sim *eipsim.Sim, id string, force bool) error {
	return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: id, InstanceID: "ngw-t", InstanceType: eipsim.InstanceTypeNat, Force: force})
}

// TestNATForce covers Force=false and Force=true, in both force modes, with
// SNAT only, DNAT only and both.
func TestNATForce(t *testing.T) {
	for _, deps := range []string{"snat", "dnat", "both"} {
		for _, mode := range []eipsim.NATForceMode{eipsim.NATForceDeleteEntries, eipsim.NATForceKeepEntries} {
			t.Run(deps+"/"+mode.String(), func(t *testing.T) {
				sim, clk, eips := natWorld(t, 1, eipsim.WithNATForceMode(mode))
				e := eips[0]
				if deps != "dnat" {
					snat(t, sim, e.IPAddress, "10.0.0.0/24")
				}
				if deps != "snat" {
					dnat(t, sim, e.IPAddress, "80", true)
				}
				clk.Advance(settleAll)

				// Force=false is refused; SNAT is reported before DNAT.
				err := natUnassoc(sim, e.AllocationID, false)
				if deps == "dnat" {
					eipsimtest.RequireCode(t, err, eipsim.CodeInvalidIPStatusUsedByForwardEntry)
				} else {
					eipsimtest.RequireCode(t, err, eipsim.CodeInvalidIPStatusUsedBySnatTable)
				}
				eipsimtest.RequireStatus(t, sim, e.AllocationID, eipsim.StatusInUse)

				// Force=true detaches.
				mustOK(t, natUnassoc(sim, e.AllocationID, true))
				eipsimtest.RequireStatus(t, sim, e.AllocationID, eipsim.StatusUnassociating)
				entries := func() []string {
					var st []string
					for _, x := range snatEntries(t, sim) {
						st = append(st, "snat:"+x.Status)
					}
					for _, x := range dnatEntries(t, sim) {
						st = append(st, "dnat:"+x.Status)
					}
					return st
				}
				want := 1
				if deps == "both" {
					want = 2
				}
				got := entries()
				if len(got) != want {
					t.Fatalf("entries right after the forced unassociation: %v, want %d", got, want)
				}
				for _, st := range got {
					wantStatus := eipsim.EntryDeleting
					if mode == eipsim.NATForceKeepEntries {
						wantStatus = eipsim.EntryAvailable
					}
					if st[5:] != wantStatus {
						t.Errorf("entry %s, want status %s", st, wantStatus)
					}
				}
				clk.Advance(settleAll)
				eipsimtest.RequireStatus(t, sim, e.AllocationID, eipsim.StatusAvailable)
				got = entries()
				if mode == eipsim.NATForceDeleteEntries && len(got) != 0 {
					t.Errorf("entries after the deletion completed: %v, want none", got)
				}
				if mode == eipsim.NATForceKeepEntries && len(got) != want {
					t.Errorf("entries after the unassociation completed: %v, want %d left in place", got, want)
				}
				eipsimtest.RequireInvariants(t, sim)

				// Re-binding the EIP makes kept entries live again; the
				// invariants hold either way.
				bind(t, sim, clk, e.AllocationID, "ngw-t", eipsim.InstanceTypeNat)
				eipsimtest.RequireInvariants(t, sim)
			})
		}
	}
}

// TestNATEntriesMidTransition: an entry Pending or Deleting blocks the
// unassociation whatever Force says.
func TestNATEntriesMidTransition(t *testing.T) {
	for _, kind := range []string{"snat", "dnat"} {
		for _, force := range []bool{false, true} {
			name := kind + "/force=false"
			if force {
				name = kind + "/force=true"
			}
			t.Run(name, func(t *testing.T) {
				sim, clk, eips := natWorld(t, 1)
				e := eips[0]
				var del func() error
				if kind == "snat" {
					id := snat(t, sim, e.IPAddress, "10.0.0.0/24")
					del = func() error {
						_, err := sim.DeleteSnatEntry(ctx, eipsim.DeleteSnatEntryRequest{RegionID: region, SnatTableID: "stb-t", SnatEntryID: id})
						return err
					}
				} else {
					id := dnat(t, sim, e.IPAddress, "443", false)
					del = func() error {
						_, err := sim.DeleteForwardEntry(ctx, eipsim.DeleteForwardEntryRequest{RegionID: region, ForwardTableID: "ftb-t", ForwardEntryID: id})
						return err
					}
				}
				// Pending.
				eipsimtest.RequireCode(t, natUnassoc(sim, e.AllocationID, force), eipsim.CodeInvalidStatusSnatOrDnat)
				// A Pending entry cannot be deleted.
				if kind == "snat" {
					eipsimtest.RequireCode(t, del(), eipsim.CodeIncorretSnatEntryStatus)
				} else {
					eipsimtest.RequireCode(t, del(), eipsim.CodeIncorretForwardEntryStatus)
				}
				clk.Advance(eipsim.DefaultNATEntryDelay)
				// Deleting.
				mustOK(t, del())
				eipsimtest.RequireCode(t, natUnassoc(sim, e.AllocationID, force), eipsim.CodeInvalidStatusSnatOrDnat)
				clk.Advance(eipsim.DefaultNATEntryDelay)
				// Gone: the EIP goes freely.
				mustOK(t, natUnassoc(sim, e.AllocationID, force))
				clk.Advance(settleAll)
				eipsimtest.RequireStatus(t, sim, e.AllocationID, eipsim.StatusAvailable)
			})
		}
	}
}

func TestSnatRules(t *testing.T) {
	sim, clk, eips := natWorld(t, 2)
	a, b := eips[0].IPAddress, eips[1].IPAddress
	other := allocNAT(t, sim, false)
	create := func(ips, cidr string) error {
		_, err := sim.CreateSnatEntry(ctx, eipsim.CreateSnatEntryRequest{RegionID: region, SnatTableID: "stb-t", SnatIP: ips, SourceCIDR: cidr})
		return err
	}
	wantErr(t, create(other.IPAddress, "10.0.1.0/24"), eipsim.CodeInvalidSnatIPNotFound, 404, "Specified SnatIp does not found on the NAT Gateway")
	wantErr(t, create("198.51.100.1", "10.0.1.0/24"), eipsim.CodeInvalidSnatIPNotFound, 404, "Specified SnatIp does not found on the NAT Gateway")
	_, err := sim.CreateSnatEntry(ctx, eipsim.CreateSnatEntryRequest{RegionID: region, SnatTableID: "stb-nope", SnatIP: a, SourceCIDR: "10.0.1.0/24"})
	eipsimtest.RequireCode(t, err, eipsim.CodeInvalidSnatTableIDNotFound)
	dnat(t, sim, b, "22", false)
	clk.Advance(settleAll)
	wantErr(t, create(b, "10.0.1.0/24"), eipsim.CodeForbiddenIPUsedInForwardTable, 400, "The specified SnatIp already used in forward table")
	mustOK(t, create(a, "10.0.1.0/24"))
	wantErr(t, create(a, "10.0.2.0/24"), eipsim.CodeIncorretSnatEntryStatus, 400, "Some Snat entry status blocked this operation..")
	clk.Advance(settleAll)
	eipsimtest.RequireCode(t, create(a, "10.0.1.0/24"), eipsim.CodeInvalidParameter) // the source is taken
	mustOK(t, create(a, "10.0.2.0/24"))
	_, err = sim.CreateSnatEntry(ctx, eipsim.CreateSnatEntryRequest{RegionID: region, SnatTableID: "stb-t", SnatIP: a})
	eipsimtest.RequireCode(t, err, eipsim.CodeMissingParameter)
}

func TestForwardRules(t *testing.T) {
	sim, clk, eips := natWorld(t, 2)
	a, b := eips[0].IPAddress, eips[1].IPAddress
	create := func(ip, ext, in, proto string, portBreak bool) error {
		_, err := sim.CreateForwardEntry(ctx, eipsim.CreateForwardEntryRequest{RegionID: region, ForwardTableID: "ftb-t", ExternalIP: ip,
			ExternalPort: ext, InternalIP: "10.0.0.9", InternalPort: in, IPProtocol: proto, PortBreak: portBreak})
		return err
	}
	snat(t, sim, a, "10.0.0.0/24")
	clk.Advance(settleAll)
	wantErr(t, create(a, "80", "80", "TCP", false), eipsim.CodeForbiddenExternalIPUsedInSnatTable, 400, "The specified ExternalIp already used in snat table")
	mustOK(t, create(a, "80", "80", "TCP", true)) // PortBreak lets SNAT and DNAT share the IP
	wantErr(t, create(b, "81", "81", "TCP", false), eipsim.CodeIncorretForwardEntryStatus, 400, "Some Forward entry status blocked this operation..")
	clk.Advance(settleAll)
	wantErr(t, create(a, "80", "8080", "TCP", true), eipsim.CodeOperationUnsupportedForwardEntry, 400, "Duplicated destination ip port is unsupported.")
	eipsimtest.RequireCode(t, create(b, "8080", "80", "TCP", false), eipsim.CodeOperationUnsupportedForwardEntry) // internal side taken
	mustOK(t, create(a, "80", "80", "UDP", true))
	clk.Advance(settleAll)
	wantErr(t, create("198.51.100.7", "90", "90", "TCP", false), eipsim.CodeInvalidExternalIPNotFound, 404, "Specified ExternalIp does not found on the NAT Gateway")
	eipsimtest.RequireCode(t, create(b, "0", "90", "TCP", false), eipsim.CodeInvalidExternalPortMalformed)
	eipsimtest.RequireCode(t, create(b, "90", "x", "TCP", false), eipsim.CodeInvalidInternalPortMalformed)
	eipsimtest.RequireCode(t, create(b, "90", "90", "ICMP", false), eipsim.CodeInvalidProtocalValueNotSupported)
	eipsimtest.RequireCode(t, create("b", "90", "90", "TCP", false), eipsim.CodeInvalidExternalIPMalformed)
	if n := len(dnatEntries(t, sim)); n != 2 {
		t.Errorf("%d DNAT entries, want 2", n)
	}
}

func TestNATGatewayLimitsAndLocks(t *testing.T) {
	sim, clk, _ := natWorld(t, 2, eipsim.WithNATEIPLimits(3, 1))
	tr := allocNAT(t, sim, true)
	bind(t, sim, clk, tr.AllocationID, "ngw-t", eipsim.InstanceTypeNat)
	assoc := func(id string) error {
		_, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: id, InstanceID: "ngw-t", InstanceType: eipsim.InstanceTypeNat})
		return err
	}
	wantErr(t, assoc(allocNAT(t, sim, false).AllocationID), eipsim.CodeQuotaExceededNumberOfEip, 400, "Binded eip Quota exceed on this NatGw.")

	sim2, clk2, _ := natWorld(t, 1, eipsim.WithNATEIPLimits(3, 1))
	tr2 := allocNAT(t, sim2, true)
	bind(t, sim2, clk2, tr2.AllocationID, "ngw-t", eipsim.InstanceTypeNat)
	_, err := sim2.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: allocNAT(t, sim2, true).AllocationID, InstanceID: "ngw-t", InstanceType: eipsim.InstanceTypeNat})
	wantErr(t, err, eipsim.CodeQuotaExceededNumberOfTrafficEip, 400, "The number of traffic eip on natgw exceed limitation.")

	// A financially locked gateway takes no EIP and lets none go.
	mustOK(t, sim2.SetNatGatewayFinancialLock("ngw-t", true))
	_, err = sim2.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: allocNAT(t, sim2, false).AllocationID, InstanceID: "ngw-t", InstanceType: eipsim.InstanceTypeNat})
	wantErr(t, err, eipsim.CodeNatGatewayFinancialLocked, 400, "The NatGateway has expire, cannot do bind operation.")
	eipsimtest.RequireCode(t, natUnassoc(sim2, tr2.AllocationID, false), eipsim.CodeInvalidStatusNotAllow)
	mustOK(t, sim2.SetNatGatewayFinancialLock("ngw-t", false))
	mustOK(t, natUnassoc(sim2, tr2.AllocationID, false))
}

func TestNATGatewayLifecycle(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	mustOK(t, sim.AddVPC(eipsim.VPC{VpcID: "vpc-a"}))
	r, err := sim.CreateNatGateway(ctx, eipsim.CreateNatGatewayRequest{RegionID: region, VpcID: "vpc-a"})
	mustOK(t, err)
	e := allocNAT(t, sim, false)
	_, err = sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: e.AllocationID, InstanceID: r.NatGatewayID, InstanceType: eipsim.InstanceTypeNat})
	eipsimtest.RequireCode(t, err, eipsim.CodeIncorrectStatusNatGateway) // Creating
	clk.Advance(eipsim.DefaultNATGatewayDelay)
	bind(t, sim, clk, e.AllocationID, r.NatGatewayID, eipsim.InstanceTypeNat)
	s, err := sim.CreateSnatEntry(ctx, eipsim.CreateSnatEntryRequest{RegionID: region, SnatTableID: r.SnatTableIDs[0], SnatIP: e.IPAddress, SourceVSwitchID: "vsw-a"})
	mustOK(t, err)
	clk.Advance(settleAll)
	_, err = sim.DeleteNatGateway(ctx, eipsim.DeleteNatGatewayRequest{RegionID: region, NatGatewayID: r.NatGatewayID})
	wantErr(t, err, eipsim.CodeDependencyViolation, 400, "The specified resource of SnatEntry depends on NatGateway, so the operation cannot be completed.")
	_, err = sim.DeleteNatGateway(ctx, eipsim.DeleteNatGatewayRequest{RegionID: region, NatGatewayID: r.NatGatewayID, Force: true})
	mustOK(t, err)
	d, err := sim.DescribeNatGateways(ctx, eipsim.DescribeNatGatewaysRequest{RegionID: region})
	mustOK(t, err)
	if d.TotalCount != 1 || d.NatGateways[0].Status != eipsim.NatGatewayDeleting || d.NatGateways[0].AllocationIDs[0] != e.AllocationID {
		t.Fatalf("while deleting: %+v", d.NatGateways)
	}
	eipsimtest.RequireStatus(t, sim, e.AllocationID, eipsim.StatusInUse)
	eipsimtest.RequireInvariants(t, sim)
	clk.Advance(settleAll)
	eipsimtest.RequireStatus(t, sim, e.AllocationID, eipsim.StatusAvailable)
	if len(sim.NatGateways()) != 0 {
		t.Fatalf("gateway not gone: %+v", sim.NatGateways())
	}
	_, err = sim.DeleteSnatEntry(ctx, eipsim.DeleteSnatEntryRequest{RegionID: region, SnatTableID: r.SnatTableIDs[0], SnatEntryID: s.SnatEntryID})
	eipsimtest.RequireCode(t, err, eipsim.CodeInvalidSnatTableIDNotFound)
}

// TestActionsServedByWireName checks that the new actions are reachable
// through Call with their wire parameter names.
func TestActionsServedByWireName(t *testing.T) {
	sim, clk, eips := natWorld(t, 1)
	out, err := sim.Call(ctx, eipsim.ActionCreateForwardEntry, eipsim.Params{"RegionId": region, "ForwardTableId": "ftb-t",
		"ExternalIp": eips[0].IPAddress, "ExternalPort": "80", "InternalIp": "10.0.0.5", "InternalPort": "8080", "IpProtocol": "tcp", "PortBreak": "true"})
	mustOK(t, err)
	if out.(*eipsim.CreateForwardEntryResponse).ForwardEntryID == "" {
		t.Fatal("no ForwardEntryId")
	}
	clk.Advance(settleAll)
	_, err = sim.Call(ctx, eipsim.ActionUnassociateEipAddress, eipsim.Params{"AllocationId": eips[0].AllocationID, "InstanceType": "Nat", "Force": "false"})
	eipsimtest.RequireCode(t, err, eipsim.CodeInvalidIPStatusUsedByForwardEntry)
	for _, a := range []eipsim.Action{eipsim.ActionCreateNatGateway, eipsim.ActionDeleteNatGateway, eipsim.ActionDescribeNatGateways,
		eipsim.ActionCreateSnatEntry, eipsim.ActionDeleteSnatEntry, eipsim.ActionDescribeSnatTableEntries, eipsim.ActionCreateForwardEntry,
		eipsim.ActionDeleteForwardEntry, eipsim.ActionDescribeForwardTableEntries, eipsim.ActionCreateHaVip, eipsim.ActionDeleteHaVip,
		eipsim.ActionAssociateHaVip, eipsim.ActionUnassociateHaVip, eipsim.ActionDescribeHaVips} {
		if _, ok := eipsim.ActionParams(a); !ok {
			t.Errorf("%s is not served", a)
		}
	}
}
