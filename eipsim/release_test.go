package eipsim_test

import (
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

func TestRelease(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	wantErr(t, release(sim, ""), eipsim.CodeMissingParameter, 400, missingMsg("AllocationId"))
	wantErr(t, release(sim, "eip-nope"), eipsim.CodeInvalidAllocationIDNotFound, 404, "Specified allocation ID is not found.")
	_, err := sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: "eip-nope", RegionID: "mars-1"})
	wantErr(t, err, eipsim.CodeForbiddenRegionNotFound, 404, "Specified region is not found during access authentication.")

	pre, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, InstanceChargeType: "PrePaid", Period: 1})
	mustOK(t, err)
	wantErr(t, release(sim, pre.AllocationID), eipsim.CodeForbiddenChargeTypeIsPrepaid, 400, "It's forbidden to release a prepaid EIP")

	p := alloc(t, sim, hz)
	mustOK(t, sim.SetDeletionProtection(p, true))
	if !eipsimtest.MustEIP(t, sim, p).DeletionProtection {
		t.Fatal("DeletionProtection not shown")
	}
	wantErr(t, release(sim, p), eipsim.CodeInvalidOperationDeletionProtect, 400, "The instance cannnot delete because of deletion protecion.")
	mustOK(t, sim.SetDeletionProtection(p, false))
	mustOK(t, release(sim, p))

	o, err := sim.AllocateEipAddress(eipsim.WithAccount(ctx, "other"), eipsim.AllocateEipAddressRequest{RegionID: hz})
	mustOK(t, err)
	wantErr(t, release(sim, o.AllocationID), eipsim.CodeForbidden, 400, "The eip instance owner error")

	u := inUse(t, sim, clk, "i-1")
	wantErr(t, release(sim, u), eipsim.CodeIncorrectEipStatus, 400, msgEipStatus)
}

func TestReleaseLifecycle(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	a := alloc(t, sim, hz)
	mustOK(t, release(sim, a))
	eipsimtest.RequireStatus(t, sim, a, eipsim.StatusReleasing)
	wantErr(t, release(sim, a), eipsim.CodeTaskConflict, 400, "The eip operate too frequent, TaskConflict.")
	clk.Advance(eipsim.DefaultCooldown)
	wantErr(t, release(sim, a), eipsim.CodeIncorrectEipStatus, 400, msgEipStatus)
	eipsimtest.RequireCode(t, associate(sim, a, "i-x"), eipsim.CodeIncorrectEipStatus)
	clk.Advance(eipsim.DefaultReleaseDelay - eipsim.DefaultCooldown)
	if _, ok := sim.EIP(a); ok {
		t.Fatal("released EIP still exists")
	}
	eipsimtest.RequireCode(t, release(sim, a), eipsim.CodeInvalidAllocationIDNotFound)
	h := sim.History()
	last := h[len(h)-1]
	if last.Kind != eipsim.EventKindCall || h[len(h)-2].To != string(eipsim.StatusReleased) {
		t.Fatalf("history ends %+v, %+v", h[len(h)-2], last)
	}
}

func TestUnassociateRules(t *testing.T) {
	type req = eipsim.UnassociateEipAddressRequest
	tests := []struct {
		name   string
		req    req
		code   eipsim.Code
		status int
		msg    string
	}{
		{"no AllocationId", req{AllocationID: "-"}, eipsim.CodeMissingParameter, 400, missingMsg("AllocationId")},
		{"bad InstanceType", req{InstanceType: "Router"}, eipsim.CodeInvalidInstanceTypeValueNotSupport, 400, "The specified value of InstanceType is not supported."},
		{"bad PrivateIpAddress", req{PrivateIPAddress: "x"}, eipsim.CodeInvalidParameter, 400, "The specified parameter is not valid."},
		{"bad region", req{RegionID: "mars-1"}, eipsim.CodeForbiddenRegionNotFound, 404, "Specified region is not found during access authentication."},
		{"unknown EIP", req{AllocationID: "eip-nope"}, eipsim.CodeInvalidAllocationIDNotFound, 404, msgNotFound},
		{"unknown instance", req{InstanceID: "i-nope"}, eipsim.CodeInvalidInstanceIDNotFound, 400, "Specified instance does not exist."},
		{"unknown load balancer", req{InstanceID: "lb-nope", InstanceType: eipsim.InstanceTypeSlbInstance}, eipsim.CodeInvalidLoadBalancerIDNotFound, 400, "LoadBalancerId does not exist."},
		{"another instance", req{InstanceID: "i-2"}, eipsim.CodeInvalidBindingStatus, 400, "The eip binding status invalid."},
		{"another type", req{InstanceID: "i-1", InstanceType: eipsim.InstanceTypeSlbInstance}, eipsim.CodeInvalidBindingStatus, 400, "The eip binding status invalid."},
		{"another private IP", req{PrivateIPAddress: "10.9.9.9"}, eipsim.CodeInvalidBindingStatus, 400, "The eip binding status invalid."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sim, clk := eipsimtest.New(t)
			mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-2"}))
			id := inUse(t, sim, clk, "i-1")
			r := tt.req
			switch r.AllocationID {
			case "":
				r.AllocationID = id
			case "-":
				r.AllocationID = ""
			}
			_, err := sim.UnassociateEipAddress(ctx, r)
			wantErr(t, err, tt.code, tt.status, tt.msg)
			eipsimtest.RequireStatus(t, sim, id, eipsim.StatusInUse)
		})
	}
}

func TestUnassociateStatuses(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	a := alloc(t, sim, hz)
	wantErr(t, unassociate(sim, a), eipsim.CodeIncorrectEipStatus, 400, msgEipStatus)
	id := inUse(t, sim, clk, "i-1")
	mustOK(t, sim.SetInstanceStatus("i-1", eipsim.InstanceStarting))
	wantErr(t, unassociate(sim, id), eipsim.CodeIncorrectInstanceStatus, 400, "The current status of instance does not support this operation.")
	mustOK(t, sim.SetInstanceStatus("i-1", eipsim.InstancePending))
	wantErr(t, unassociate(sim, id), eipsim.CodeInvalidStatusEcsStatusNotSupport, 400, "The special instance status Pending is not support operate")
	mustOK(t, sim.SetInstanceStatus("i-1", eipsim.InstanceStopped))
	_, err := sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: id, InstanceID: "i-1", InstanceType: eipsim.InstanceTypeEcsInstance, RegionID: hz})
	mustOK(t, err)
	e := eipsimtest.MustEIP(t, sim, id)
	if e.Status != eipsim.StatusUnassociating || e.InstanceID != "i-1" {
		t.Fatalf("the target keeps the EIP until the task completes: %+v", e)
	}
	clk.Advance(eipsim.DefaultUnassociateDelay)
	e = eipsimtest.MustEIP(t, sim, id)
	if e.Status != eipsim.StatusAvailable || e.InstanceID != "" || e.InstanceType != "" {
		t.Fatalf("after unassociation %+v", e)
	}
	if in, _ := sim.Instance("i-1"); in.AllocationID != "" {
		t.Fatal("instance still holds the EIP")
	}
}

// TestTargetDeletedDetaches: deleting a target frees its EIP at once, in
// every status, and cancels the pending task.
func TestTargetDeletedDetaches(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	a := alloc(t, sim, hz)
	eipsimtest.MustAssociate(t, sim, a, "i-1")
	mustOK(t, sim.DeleteInstance("i-1"))
	eipsimtest.RequireStatus(t, sim, a, eipsim.StatusAvailable)
	if n := len(sim.Tasks()); n != 0 {
		t.Fatalf("%d tasks left", n)
	}
	clk.Advance(eipsim.DefaultAssociateDelay)
	eipsimtest.RequireStatus(t, sim, a, eipsim.StatusAvailable)
	mustOK(t, sim.AddLoadBalancer(eipsim.LoadBalancer{LoadBalancerID: "lb-1"}))
	_, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a, InstanceID: "lb-1", InstanceType: eipsim.InstanceTypeSlbInstance})
	mustOK(t, err)
	clk.Advance(eipsim.DefaultAssociateDelay)
	mustOK(t, sim.DeleteLoadBalancer("lb-1"))
	eipsimtest.RequireStatus(t, sim, a, eipsim.StatusAvailable)
	mustOK(t, sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-1"}))
	_, err = sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a, InstanceID: "eni-1", InstanceType: eipsim.InstanceTypeNetworkInterface})
	mustOK(t, err)
	clk.Advance(eipsim.DefaultAssociateDelay)
	mustOK(t, unassociate(sim, a))
	mustOK(t, sim.DeleteNetworkInterface("eni-1"))
	eipsimtest.RequireStatus(t, sim, a, eipsim.StatusAvailable)
}

// TestReleasedStayGone releases EIPs before and after the Sim compacts its
// index of released EIPs (more than 64, and more than half of all): a
// released EIP is not found by any lookup, the others still are.
func TestReleasedStayGone(t *testing.T) {
	sim, clk := eipsimtest.New(t, eipsim.WithCooldown(0), eipsim.WithEIPQuota(1000))
	var kept, released []string
	for i := range 300 {
		a, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz})
		mustOK(t, err)
		if i%3 == 0 {
			kept = append(kept, a.AllocationID)
			continue
		}
		mustOK(t, release(sim, a.AllocationID))
		released = append(released, a.AllocationID)
		if i == 30 || i == 299 { // before the first compaction, then after
			clk.Advance(eipsim.DefaultReleaseDelay)
			for _, id := range released {
				if _, ok := sim.EIP(id); ok {
					t.Fatalf("released %s still found", id)
				}
				wantErr(t, release(sim, id), eipsim.CodeInvalidAllocationIDNotFound, 404, "Specified allocation ID is not found.")
				if err := sim.SetDeletionProtection(id, true); err == nil {
					t.Fatalf("SetDeletionProtection on released %s", id)
				}
				d, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: hz, AllocationID: id})
				mustOK(t, err)
				if d.TotalCount != 0 {
					t.Fatalf("Describe found released %s", id)
				}
			}
			if err := sim.CheckInvariants(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got := len(sim.EIPs()); got != len(kept) {
		t.Fatalf("%d EIPs, want %d", got, len(kept))
	}
	for _, id := range kept {
		if _, ok := sim.EIP(id); !ok {
			t.Fatalf("kept %s not found", id)
		}
	}
}
