package eipsim_test

import (
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// world adds the targets the association tests use.
func world(t *testing.T, sim *eipsim.Sim) {
	t.Helper()
	mustOK(t, sim.AddVPC(eipsim.VPC{VpcID: "vpc-def", IsDefault: true}))
	for _, in := range []eipsim.Instance{
		{InstanceID: "i-run", PrivateIPAddresses: []string{"10.1.0.1", "10.1.0.2"}},
		{InstanceID: "i-run2"},
		{InstanceID: "i-pend", Status: eipsim.InstancePending},
		{InstanceID: "i-start", Status: eipsim.InstanceStarting},
		{InstanceID: "i-stopping", Status: eipsim.InstanceStopping},
		{InstanceID: "i-stopped", Status: eipsim.InstanceStopped},
		{InstanceID: "i-pub", PublicIP: true},
		{InstanceID: "i-classic", Classic: true},
		{InstanceID: "i-def", VpcID: "vpc-def"},
		{InstanceID: "i-sh", RegionID: sh},
		{InstanceID: "i-other", AccountID: "other"},
	} {
		mustOK(t, sim.AddInstance(in))
	}
	for _, lb := range []eipsim.LoadBalancer{
		{LoadBalancerID: "lb-in"},
		{LoadBalancerID: "lb-net", AddressType: eipsim.AddressTypeInternet},
		{LoadBalancerID: "lb-off", Status: eipsim.SLBInactive},
		{LoadBalancerID: "lb-sh", RegionID: sh},
		{LoadBalancerID: "lb-def", VpcID: "vpc-def"},
	} {
		mustOK(t, sim.AddLoadBalancer(lb))
	}
	for _, n := range []eipsim.NetworkInterface{
		{NetworkInterfaceID: "eni-free"},
		{NetworkInterfaceID: "eni-two", PrivateIPAddresses: []string{"10.2.0.1", "10.2.0.2"}},
		{NetworkInterfaceID: "eni-att", InstanceID: "i-run2"},
		{NetworkInterfaceID: "eni-sh", RegionID: sh},
		{NetworkInterfaceID: "eni-def", VpcID: "vpc-def"},
		{NetworkInterfaceID: "eni-busy"},
	} {
		mustOK(t, sim.AddNetworkInterface(n))
	}
	mustOK(t, sim.SetNetworkInterfaceStatus("eni-busy", eipsim.ENIAttaching))
}

const (
	msgEipStatusAssoc = "Current elastic IP status does not support this operation"
	msgEipStatus      = "Current elastic IP status does not support this operation."
	msgNotFound       = "Specified allocation ID is not found"
)

func TestAssociateRules(t *testing.T) {
	type req = eipsim.AssociateEipAddressRequest
	ecs, slb, eni := eipsim.InstanceTypeEcsInstance, eipsim.InstanceTypeSlbInstance, eipsim.InstanceTypeNetworkInterface
	tests := []struct {
		name   string
		req    req // AllocationID filled in with a fresh EIP unless set
		code   eipsim.Code
		status int
		msg    string
	}{
		{"no AllocationId", req{AllocationID: "-", InstanceID: "i-run"}, eipsim.CodeMissingParameter, 400, missingMsg("AllocationId")},
		{"no InstanceId", req{}, eipsim.CodeMissingParameter, 400, missingMsg("InstanceId")},
		{"bad InstanceType", req{InstanceID: "i-run", InstanceType: "Router"}, eipsim.CodeInvalidInstanceTypeValueNotSupport, 400, "The specified value of InstanceType is not supported."},
		{"unmodelled InstanceType", req{InstanceID: "ngw-1", InstanceType: "IpAddress"}, eipsim.CodeInvalidInstanceTypeValueNotSupport, 400, "The specified value of InstanceType is not supported."},
		{"bad Mode", req{InstanceID: "i-run", Mode: "BRIDGE"}, eipsim.CodeInvalidParameter, 400, invalidMsg("Mode")},
		{"bad PrivateIpAddress", req{InstanceID: "i-run", PrivateIPAddress: "10.1"}, eipsim.CodeInvalidParameter, 400, invalidMsg("PrivateIpAddress")},
		{"bad ClientToken", req{InstanceID: "i-run", ClientToken: "\x01"}, eipsim.CodeInvalidParameter, 400, invalidMsg("ClientToken")},
		{"unknown region", req{InstanceID: "i-run", RegionID: "mars-1"}, eipsim.CodeForbiddenRegionNotFound, 404, "Specified instance is not found during access authentication."},
		{"unknown EIP", req{AllocationID: "eip-nope", InstanceID: "i-run"}, eipsim.CodeInvalidAllocationIDNotFound, 404, msgNotFound},
		{"EIP in another region than RegionId", req{InstanceID: "i-run", RegionID: sh}, eipsim.CodeInvalidAllocationIDNotFound, 404, msgNotFound},

		{"ECS unknown", req{InstanceID: "i-nope"}, eipsim.CodeInvalidInstanIDNotFound, 404, "Specified instance does not exist."},
		{"ECS of another account", req{InstanceID: "i-other"}, eipsim.CodeInvalidInstanIDNotFound, 404, "Specified instance does not exist."},
		{"ECS Pending", req{InstanceID: "i-pend"}, eipsim.CodeInvalidStatusEcsStatusNotSupport, 400, "The special instance status is not support operate"},
		{"ECS Starting", req{InstanceID: "i-start", InstanceType: ecs}, eipsim.CodeIncorrectInstanceStatus, 400, "Current instance status does not support this operation."},
		{"ECS Stopping", req{InstanceID: "i-stopping"}, eipsim.CodeIncorrectInstanceStatus, 400, "Current instance status does not support this operation."},
		{"ECS with a public IP", req{InstanceID: "i-pub"}, eipsim.CodeEipCanNotAssociateWithPublicIP, 400, "instance already bind natpublicip,cannot bind eip."},
		{"ECS classic network", req{InstanceID: "i-classic"}, eipsim.CodeOperationDenied, 400, "Specified instance is not in VPC."},
		{"ECS in the default VPC", req{InstanceID: "i-def"}, eipsim.CodeOperationDenied, 400, "Eip of default vpc not allow this operation"},
		{"ECS in another region", req{InstanceID: "i-sh"}, eipsim.CodeInvalidParameterMismatch, 400, "Specified elastic IP address and ECS instance are not in the same region."},
		{"ECS in BINDED mode", req{InstanceID: "i-run", Mode: "BINDED"}, eipsim.CodeInvalidDirectEipBindType, 400, "The direct eip can be only associated with eni."},
		{"ECS private IP not its own", req{InstanceID: "i-run", PrivateIPAddress: "10.9.9.9"}, eipsim.CodeInvalidParameter, 400, invalidMsg("PrivateIpAddress")},

		{"SLB unknown", req{InstanceID: "lb-nope", InstanceType: slb}, eipsim.CodeInvalidLoadBalancerIDNotFound, 400, "LoadBalancerId does not exist."},
		{"SLB internet-facing", req{InstanceID: "lb-net", InstanceType: slb}, eipsim.CodeInvalidParameter, 400, invalidMsg("InstanceId")},
		{"SLB inactive", req{InstanceID: "lb-off", InstanceType: slb}, eipsim.CodeInvalidStatusNotAllow, 400, "Bind instance status invalid"},
		{"SLB in another region", req{InstanceID: "lb-sh", InstanceType: slb}, eipsim.CodeInvalidParameterMismatch, 400, "Specified elastic IP address and ECS instance are not in the same region."},
		{"SLB in the default VPC", req{InstanceID: "lb-def", InstanceType: slb}, eipsim.CodeOperationDenied, 400, "Eip of default vpc not allow this operation"},
		{"SLB in MULTI_BINDED mode", req{InstanceID: "lb-in", InstanceType: slb, Mode: "MULTI_BINDED"}, eipsim.CodeInvalidDirectEipBindType, 400, "The direct eip can be only associated with eni."},

		{"ENI unknown", req{InstanceID: "eni-nope", InstanceType: eni}, eipsim.CodeInvalidInstanIDNotFound, 404, "Specified instance does not exist."},
		{"ENI attaching", req{InstanceID: "eni-busy", InstanceType: eni}, eipsim.CodeInvalidStatusEniStatusNotSupport, 400, "The status Attaching of eni eni-busy does not support this operation."},
		{"ENI in another region", req{InstanceID: "eni-sh", InstanceType: eni}, eipsim.CodeInvalidParameterMismatch, 400, "Specified elastic IP address and ECS instance are not in the same region."},
		{"ENI in the default VPC", req{InstanceID: "eni-def", InstanceType: eni}, eipsim.CodeOperationDenied, 400, "Eip of default vpc not allow this operation"},
		{"ENI BINDED while attached", req{InstanceID: "eni-att", InstanceType: eni, Mode: "BINDED"}, eipsim.CodeEniAttached, 400, "The eni should be detached from ecs when associating with direct eip."},
		{"ENI MULTI_BINDED while attached", req{InstanceID: "eni-att", InstanceType: eni, Mode: "MULTI_BINDED"}, eipsim.CodeEniAttached, 400, "The eni should be detached from ecs when associating with direct eip."},
		{"ENI BINDED with a secondary IP", req{InstanceID: "eni-two", InstanceType: eni, Mode: "BINDED"}, eipsim.CodeEniHasSubIP, 400, "Eni has sub ip can not bind direct eip."},
		{"ENI private IP not its own", req{InstanceID: "eni-two", InstanceType: eni, PrivateIPAddress: "10.9.9.9"}, eipsim.CodeInvalidParameter, 400, invalidMsg("PrivateIpAddress")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sim, _ := eipsimtest.New(t)
			world(t, sim)
			r := tt.req
			switch r.AllocationID {
			case "":
				r.AllocationID = alloc(t, sim, hz)
			case "-":
				r.AllocationID = ""
			}
			_, err := sim.AssociateEipAddress(ctx, r)
			wantErr(t, err, tt.code, tt.status, tt.msg)
			if r.AllocationID != "" && r.AllocationID != "eip-nope" {
				if got := status(t, sim, r.AllocationID); got != eipsim.StatusAvailable {
					t.Fatalf("refused association left the EIP %s", got)
				}
			}
		})
	}
}

func TestAssociateECS(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	world(t, sim)
	a, b := alloc(t, sim, hz), alloc(t, sim, hz)
	// Stopped instances take an EIP; so do Running ones, on a named private IP.
	mustOK(t, associate(sim, a, "i-stopped"))
	_, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: b, InstanceID: "i-run", PrivateIPAddress: "10.1.0.2", RegionID: hz})
	mustOK(t, err)
	e := eipsimtest.MustEIP(t, sim, b)
	if e.Status != eipsim.StatusAssociating || e.InstanceID != "i-run" || e.InstanceType != eipsim.InstanceTypeEcsInstance || e.PrivateIPAddress != "10.1.0.2" {
		t.Fatalf("EIP after associate: %+v", e)
	}
	if in, _ := sim.Instance("i-run"); in.AllocationID != b {
		t.Fatalf("instance holds %q, want %s", in.AllocationID, b)
	}
	// The instance is taken from the moment the association is accepted.
	c := alloc(t, sim, hz)
	wantErr(t, associate(sim, c, "i-run"), eipsim.CodeInvalidAssociationDuplicated, 400, "Specified instance already is associated.")
	clk.Advance(eipsim.DefaultAssociateDelay)
	eipsimtest.RequireStatus(t, sim, b, eipsim.StatusInUse)
	eipsimtest.RequireCode(t, associate(sim, c, "i-run"), eipsim.CodeInvalidAssociationDuplicated)
	// An InUse EIP cannot be associated again.
	wantErr(t, associate(sim, b, "i-run2"), eipsim.CodeIncorrectEipStatus, 400, msgEipStatusAssoc)
}

func TestAssociateOtherAccountsEIP(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	world(t, sim)
	r, err := sim.AllocateEipAddress(eipsim.WithAccount(ctx, "other"), eipsim.AllocateEipAddressRequest{RegionID: hz})
	mustOK(t, err)
	wantErr(t, associate(sim, r.AllocationID, "i-run"), eipsim.CodeForbidden, 400, "The eip instance owner error")
	// The owner can associate it with its own instance.
	_, err = sim.AssociateEipAddress(eipsim.WithAccount(ctx, "other"), eipsim.AssociateEipAddressRequest{AllocationID: r.AllocationID, InstanceID: "i-other"})
	mustOK(t, err)
}

func TestAssociateSLB(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	world(t, sim)
	a, b := alloc(t, sim, hz), alloc(t, sim, hz)
	slb := eipsim.InstanceTypeSlbInstance
	_, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a, InstanceID: "lb-in", InstanceType: slb})
	mustOK(t, err)
	_, err = sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: b, InstanceID: "lb-in", InstanceType: slb})
	wantErr(t, err, eipsim.CodeInvalidAssociationDuplicated, 400, "Specified instance already is associated.")
	clk.Advance(eipsim.DefaultAssociateDelay)
	e := eipsimtest.MustEIP(t, sim, a)
	if e.Status != eipsim.StatusInUse || e.InstanceType != slb || e.InstanceID != "lb-in" {
		t.Fatalf("%+v", e)
	}
	// An SLB that went inactive refuses the unassociation.
	mustOK(t, sim.SetLoadBalancerStatus("lb-in", eipsim.SLBInactive))
	wantErr(t, unassociate(sim, a), eipsim.CodeInvalidStatusNotAllow, 400, "Bind instance status invalid")
	mustOK(t, sim.SetLoadBalancerStatus("lb-in", eipsim.SLBActive))
	mustOK(t, unassociate(sim, a))
}

func TestAssociateENIModes(t *testing.T) {
	eni := eipsim.InstanceTypeNetworkInterface
	assocENI := func(sim *eipsim.Sim, id, eniID, mode, ip string) error {
		_, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: id, InstanceID: eniID, InstanceType: eni, Mode: mode, PrivateIPAddress: ip})
		return err
	}
	t.Run("NAT one per private IP, picked in order", func(t *testing.T) {
		sim, _ := eipsimtest.New(t)
		world(t, sim)
		a, b, c := alloc(t, sim, hz), alloc(t, sim, hz), alloc(t, sim, hz)
		mustOK(t, assocENI(sim, a, "eni-two", "", ""))
		mustOK(t, assocENI(sim, b, "eni-two", "NAT", ""))
		if ea, eb := eipsimtest.MustEIP(t, sim, a), eipsimtest.MustEIP(t, sim, b); ea.PrivateIPAddress != "10.2.0.1" || eb.PrivateIPAddress != "10.2.0.2" || ea.Mode != "NAT" {
			t.Fatalf("private IPs %q and %q (mode %q), want 10.2.0.1 and 10.2.0.2 (NAT)", ea.PrivateIPAddress, eb.PrivateIPAddress, ea.Mode)
		}
		wantErr(t, assocENI(sim, c, "eni-two", "NAT", ""), eipsim.CodeInvalidEipEipQuotaExceeded, 400, "The specified eni assigned eip is more than privateIp.")
	})
	t.Run("NAT named private IP taken", func(t *testing.T) {
		sim, _ := eipsimtest.New(t)
		world(t, sim)
		a, b := alloc(t, sim, hz), alloc(t, sim, hz)
		mustOK(t, assocENI(sim, a, "eni-two", "", "10.2.0.2"))
		wantErr(t, assocENI(sim, b, "eni-two", "", "10.2.0.2"), eipsim.CodeInvalidAssociationDuplicated, 400, "Specified instance already is associated.")
		mustOK(t, assocENI(sim, b, "eni-two", "", ""))
		if got := eipsimtest.MustEIP(t, sim, b).PrivateIPAddress; got != "10.2.0.1" {
			t.Fatalf("picked %s, want the free 10.2.0.1", got)
		}
	})
	t.Run("NAT on an attached ENI", func(t *testing.T) {
		sim, _ := eipsimtest.New(t)
		world(t, sim)
		mustOK(t, assocENI(sim, alloc(t, sim, hz), "eni-att", "NAT", ""))
	})
	t.Run("BINDED takes one", func(t *testing.T) {
		sim, _ := eipsimtest.New(t)
		world(t, sim)
		a, b := alloc(t, sim, hz), alloc(t, sim, hz)
		mustOK(t, assocENI(sim, a, "eni-free", "BINDED", ""))
		if e := eipsimtest.MustEIP(t, sim, a); e.Mode != "BINDED" || e.PrivateIPAddress == "" {
			t.Fatalf("%+v", e)
		}
		wantErr(t, assocENI(sim, b, "eni-free", "BINDED", ""), eipsim.CodeInvalidAssociationDuplicated, 400, "Specified instance already is associated.")
		wantErr(t, assocENI(sim, b, "eni-free", "NAT", ""), eipsim.CodeModeConflict, 400, "The eni can bind only one mode of eip.")
		wantErr(t, assocENI(sim, b, "eni-free", "MULTI_BINDED", ""), eipsim.CodeModeConflict, 400, "The eni can bind only one mode of eip.")
	})
	t.Run("NAT then BINDED or MULTI_BINDED", func(t *testing.T) {
		sim, _ := eipsimtest.New(t)
		world(t, sim)
		a, b := alloc(t, sim, hz), alloc(t, sim, hz)
		mustOK(t, assocENI(sim, a, "eni-free", "NAT", ""))
		wantErr(t, assocENI(sim, b, "eni-free", "BINDED", ""), eipsim.CodeModeConflict, 400, "The eni can bind only one mode of eip.")
		wantErr(t, assocENI(sim, b, "eni-free", "MULTI_BINDED", ""), eipsim.CodeOperationFailedEipBindModeConflict, 400,
			"Eips can not bind Eni with NAT mode and MULTI_BINDED mode at the same time.")
	})
	t.Run("MULTI_BINDED limit", func(t *testing.T) {
		sim, clk := eipsimtest.New(t, eipsim.WithEIPQuota(20))
		world(t, sim)
		var ids []string
		for range eipsim.DefaultMultiBindedLimit {
			id := alloc(t, sim, hz)
			ids = append(ids, id)
			mustOK(t, assocENI(sim, id, "eni-two", "MULTI_BINDED", ""))
		}
		extra := alloc(t, sim, hz)
		wantErr(t, assocENI(sim, extra, "eni-two", "MULTI_BINDED", ""), eipsim.CodeQuotaExceedMultiBindedEip, 400, "The number of multi binded eip is over limit.")
		wantErr(t, assocENI(sim, extra, "eni-two", "NAT", ""), eipsim.CodeOperationFailedEipBindModeConflict, 400,
			"Eips can not bind Eni with NAT mode and MULTI_BINDED mode at the same time.")
		// Freeing one makes room.
		clk.Advance(eipsim.DefaultAssociateDelay)
		mustOK(t, unassociate(sim, ids[0]))
		eipsimtest.RequireCode(t, assocENI(sim, extra, "eni-two", "MULTI_BINDED", ""), eipsim.CodeQuotaExceedMultiBindedEip)
		clk.Advance(eipsim.DefaultUnassociateDelay)
		mustOK(t, assocENI(sim, extra, "eni-two", "MULTI_BINDED", ""))
	})
	t.Run("MULTI_BINDED limit option", func(t *testing.T) {
		sim, _ := eipsimtest.New(t, eipsim.WithMultiBindedLimit(2))
		world(t, sim)
		mustOK(t, assocENI(sim, alloc(t, sim, hz), "eni-free", "MULTI_BINDED", ""))
		mustOK(t, assocENI(sim, alloc(t, sim, hz), "eni-free", "MULTI_BINDED", ""))
		eipsimtest.RequireCode(t, assocENI(sim, alloc(t, sim, hz), "eni-free", "MULTI_BINDED", ""), eipsim.CodeQuotaExceedMultiBindedEip)
	})
	t.Run("BINDED ENI attached later refuses unassociation", func(t *testing.T) {
		sim, clk := eipsimtest.New(t)
		world(t, sim)
		a := alloc(t, sim, hz)
		mustOK(t, assocENI(sim, a, "eni-free", "BINDED", ""))
		clk.Advance(eipsim.DefaultAssociateDelay)
		mustOK(t, sim.AttachNetworkInterface("eni-free", "i-run"))
		wantErr(t, unassociate(sim, a), eipsim.CodeEniAttached, 400, "The eni should be detached from ecs when associating with direct eip.")
		mustOK(t, sim.SetNetworkInterfaceStatus("eni-free", eipsim.ENIDetaching))
		wantErr(t, unassociate(sim, a), eipsim.CodeInvalidStatusEniStatusNotSupport, 400, "The status Detaching of eni eni-free does not support this operation.")
		mustOK(t, sim.SetNetworkInterfaceStatus("eni-free", ""))
		mustOK(t, sim.DetachNetworkInterface("eni-free"))
		mustOK(t, unassociate(sim, a))
	})
}

func TestAssociateStatusAndCooldown(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	world(t, sim)
	a := alloc(t, sim, hz)
	mustOK(t, associate(sim, a, "i-run"))
	wantErr(t, associate(sim, a, "i-run2"), eipsim.CodeTaskConflict, 400, "The eip operate too frequent, TaskConflict.")
	clk.Advance(eipsim.DefaultCooldown)
	wantErr(t, associate(sim, a, "i-run2"), eipsim.CodeIncorrectEipStatus, 400, msgEipStatusAssoc)
}
