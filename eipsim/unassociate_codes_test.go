package eipsim_test

import (
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// unassociateCase drives the public API into one error of
// UnassociateEipAddress's error table.
type unassociateCase struct {
	status  int
	message string
	run     func(t *testing.T) error
}

// ecsWorld is an EIP bound to a running ECS instance i-a.
func ecsWorld(t *testing.T, opts ...eipsim.Option) (*eipsim.Sim, *eipsimtest.Clock, string) {
	t.Helper()
	sim, clk := eipsimtest.New(t, opts...)
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-a"}))
	e := allocNAT(t, sim, false)
	bind(t, sim, clk, e.AllocationID, "i-a", eipsim.InstanceTypeEcsInstance)
	return sim, clk, e.AllocationID
}

// unassociateCases holds one case per code: every code of the error table
// of the UnassociateEipAddress page (testdata/UnassociateEipAddress.txt)
// and the newer codes of eip-api-facts.md §3.3.
var unassociateCases = map[eipsim.Code]unassociateCase{
	eipsim.CodeIncorrectEipStatus: {400, "Current elastic IP status does not support this operation.", func(t *testing.T) error {
		sim, _ := eipsimtest.New(t)
		e := allocNAT(t, sim, false) // Available: nothing to detach
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: e.AllocationID})
	}},
	eipsim.CodeInvalidInstanceIDNotFound: {400, "Specified instance does not exist.", func(t *testing.T) error {
		sim, _, id := ecsWorld(t)
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: id, InstanceID: "i-nope"})
	}},
	eipsim.CodeIncorrectInstanceStatus: {400, "The current status of instance does not support this operation.", func(t *testing.T) error {
		sim, _, id := ecsWorld(t)
		mustOK(t, sim.SetInstanceStatus("i-a", eipsim.InstanceStopping))
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: id, InstanceID: "i-a"})
	}},
	eipsim.CodeInvalidInstanceTypeValueNotSupport: {400, "The specified value of InstanceType is not supported.", func(t *testing.T) error {
		sim, _, id := ecsWorld(t)
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: id, InstanceType: "IpAddress"})
	}},
	eipsim.CodeIncorrectHaVipStatus: {400, "This operation is denied because satus of the specified HaVip is neither Available nor InUse.", func(t *testing.T) error {
		sim, clk := eipsimtest.New(t)
		mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-a"}))
		mustOK(t, sim.AddHaVip(eipsim.HaVip{HaVipID: "havip-a"}))
		e := allocNAT(t, sim, false)
		bind(t, sim, clk, e.AllocationID, "havip-a", eipsim.InstanceTypeHaVip)
		_, err := sim.AssociateHaVip(ctx, eipsim.AssociateHaVipRequest{RegionID: region, HaVipID: "havip-a", InstanceID: "i-a"})
		mustOK(t, err) // the HaVip is Associating
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: e.AllocationID, InstanceID: "havip-a", InstanceType: eipsim.InstanceTypeHaVip})
	}},
	eipsim.CodeOperationDenied: {400, "Eip of default vpc not allow this operation", func(t *testing.T) error {
		sim, clk := eipsimtest.New(t)
		mustOK(t, sim.AddVPC(eipsim.VPC{VpcID: "vpc-default", IsDefault: true}))
		mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-d", VpcID: "vpc-default", PublicIP: true}))
		id, err := sim.ConvertNatPublicIpToEip("i-d")
		mustOK(t, err)
		clk.Advance(settleAll)
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: id, InstanceID: "i-d"})
	}},
	eipsim.CodeInvalidParameter: {400, "The specified parameter is not valid.", func(t *testing.T) error {
		sim, _, id := ecsWorld(t)
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: id, PrivateIPAddress: "10.0.0.256"})
	}},
	eipsim.CodeTaskConflict: {400, "The eip operate too frequent, TaskConflict.", func(t *testing.T) error {
		sim, clk := eipsimtest.New(t, eipsim.WithCooldown(time.Minute))
		mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-a"}))
		e := allocNAT(t, sim, false)
		_, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: e.AllocationID, InstanceID: "i-a"})
		mustOK(t, err)
		clk.Advance(eipsim.DefaultAssociateDelay) // InUse, within the cooldown
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: e.AllocationID})
	}},
	eipsim.CodeInvalidBindingStatus: {400, "The eip binding status invalid.", func(t *testing.T) error {
		sim, _, id := ecsWorld(t)
		mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-b"}))
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: id, InstanceID: "i-b"})
	}},
	eipsim.CodeForbiddenFinancialLocked: {400, "The ip business status is invalid.", func(t *testing.T) error {
		sim, _, id := ecsWorld(t)
		mustOK(t, sim.Lock(id, eipsim.LockFinancial))
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: id})
	}},
	eipsim.CodeInvalidIPStatusUsedBySnatTable: {400, "The removed ip address has been used by snat table.", func(t *testing.T) error {
		sim, clk, eips := natWorld(t, 1)
		snat(t, sim, eips[0].IPAddress, "10.0.0.0/24")
		clk.Advance(settleAll)
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: eips[0].AllocationID, InstanceID: "ngw-t", InstanceType: eipsim.InstanceTypeNat})
	}},
	eipsim.CodeInvalidIPStatusUsedByForwardEntry: {400, "The specified address has been used by forwardTable.", func(t *testing.T) error {
		sim, clk, eips := natWorld(t, 1)
		dnat(t, sim, eips[0].IPAddress, "80", false)
		clk.Advance(settleAll)
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: eips[0].AllocationID, InstanceID: "ngw-t", InstanceType: eipsim.InstanceTypeNat})
	}},
	eipsim.CodeEniAttached: {400, "The eni should be detached from ecs when associating with direct eip.", func(t *testing.T) error {
		sim, clk := eipsimtest.New(t)
		mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-a"}))
		mustOK(t, sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-a"}))
		e := allocNAT(t, sim, false)
		_, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: e.AllocationID, InstanceID: "eni-a",
			InstanceType: eipsim.InstanceTypeNetworkInterface, Mode: eipsim.ModeBinded})
		mustOK(t, err)
		clk.Advance(settleAll)
		mustOK(t, sim.AttachNetworkInterface("eni-a", "i-a")) // cut-through ENI attached after the fact
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: e.AllocationID, InstanceID: "eni-a", InstanceType: eipsim.InstanceTypeNetworkInterface})
	}},
	eipsim.CodeInvalidEIPStatusBizDisabled: {400, "The EIP has been locked.", func(t *testing.T) error {
		sim, _, id := ecsWorld(t)
		mustOK(t, sim.Lock(id, eipsim.LockSecurity))
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: id})
	}},
	eipsim.CodeInvalidStatusEcsStatusNotSupport: {400, "The special instance status Pending is not support operate", func(t *testing.T) error {
		sim, _, id := ecsWorld(t)
		mustOK(t, sim.SetInstanceStatus("i-a", eipsim.InstancePending))
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: id})
	}},
	eipsim.CodeInvalidStatusEniStatusNotSupport: {400, "The status Detaching of eni eni-a does not support this operation.", func(t *testing.T) error {
		sim, clk := eipsimtest.New(t)
		mustOK(t, sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-a"}))
		e := allocNAT(t, sim, false)
		bind(t, sim, clk, e.AllocationID, "eni-a", eipsim.InstanceTypeNetworkInterface)
		mustOK(t, sim.SetNetworkInterfaceStatus("eni-a", eipsim.ENIDetaching))
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: e.AllocationID, InstanceID: "eni-a", InstanceType: eipsim.InstanceTypeNetworkInterface})
	}},
	eipsim.CodeInvalidStatusSnatOrDnat: {400, "Operation failed because snat or dnat in unstable status.", func(t *testing.T) error {
		sim, _, eips := natWorld(t, 1)
		snat(t, sim, eips[0].IPAddress, "10.0.0.0/24") // Pending
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: eips[0].AllocationID, InstanceID: "ngw-t", InstanceType: eipsim.InstanceTypeNat, Force: true})
	}},
	eipsim.CodeDependencyViolationSnatEntry: {400, "The specified eip is in ip pool.", func(t *testing.T) error {
		sim, clk, eips := natWorld(t, 2)
		snat(t, sim, eips[0].IPAddress+","+eips[1].IPAddress, "10.0.0.0/24") // an IP pool
		clk.Advance(settleAll)
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: eips[1].AllocationID, InstanceID: "ngw-t", InstanceType: eipsim.InstanceTypeNat})
	}},
	eipsim.CodeInvalidStatusNotAllow: {400, "Bind instance status invalid", func(t *testing.T) error {
		sim, clk := eipsimtest.New(t)
		mustOK(t, sim.AddLoadBalancer(eipsim.LoadBalancer{LoadBalancerID: "lb-a"}))
		e := allocNAT(t, sim, false)
		bind(t, sim, clk, e.AllocationID, "lb-a", eipsim.InstanceTypeSlbInstance)
		mustOK(t, sim.SetLoadBalancerStatus("lb-a", eipsim.SLBInactive))
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: e.AllocationID, InstanceID: "lb-a", InstanceType: eipsim.InstanceTypeSlbInstance})
	}},
	eipsim.CodeForbidden: {400, "The eip instance owener error", func(t *testing.T) error {
		sim, _, id := ecsWorld(t)
		_, err := sim.UnassociateEipAddress(eipsim.WithAccount(ctx, "mallory"), eipsim.UnassociateEipAddressRequest{AllocationID: id})
		return err
	}},
	eipsim.CodeInvalidLoadBalancerIDNotFound: {400, "LoadBalancerId does not exist.", func(t *testing.T) error {
		sim, clk := eipsimtest.New(t)
		mustOK(t, sim.AddLoadBalancer(eipsim.LoadBalancer{LoadBalancerID: "lb-a"}))
		e := allocNAT(t, sim, false)
		bind(t, sim, clk, e.AllocationID, "lb-a", eipsim.InstanceTypeSlbInstance)
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: e.AllocationID, InstanceID: "lb-gone", InstanceType: eipsim.InstanceTypeSlbInstance})
	}},
	eipsim.CodeOperationFailedSystemBusy: {400, "Operation failed because system is busy.", func(t *testing.T) error {
		sim, _, id := ecsWorld(t)
		mustOK(t, sim.SetSystemBusy(eipsim.ActionUnassociateEipAddress, 1))
		err := unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: id})
		if err2 := unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: id}); err2 != nil {
			t.Errorf("the second call after SetSystemBusy(1) failed: %v", err2)
		}
		return err
	}},
	eipsim.CodeInvalidAllocationIDNotFound: {404, "Specified allocation ID is not found", func(t *testing.T) error {
		sim, _ := eipsimtest.New(t)
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: "eip-nope"})
	}},
	eipsim.CodeInvalidBindInstanceNotFound: {404, "The specified bind instance does not exist.", func(t *testing.T) error {
		sim, _, eips := natWorld(t, 1)
		_, err := sim.DeleteNatGateway(ctx, eipsim.DeleteNatGatewayRequest{RegionID: region, NatGatewayID: "ngw-t", Force: true})
		mustOK(t, err) // Deleting: the EIP is still bound to a gateway that is going away
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: eips[0].AllocationID})
	}},
	eipsim.CodeForbiddenRegionNotFound: {404, "Specified region is not found during access authentication.", func(t *testing.T) error {
		sim, _, id := ecsWorld(t)
		return unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: id, RegionID: "mars-north-1"})
	}},
}

// TestUnassociateEipAddressErrors drives the API into each error of the
// table; each subtest is named after its code.
func TestUnassociateEipAddressErrors(t *testing.T) {
	for _, code := range sortedCodes(unassociateCases) {
		tc := unassociateCases[code]
		t.Run(string(code), func(t *testing.T) {
			wantErr(t, tc.run(t), code, tc.status, tc.message)
		})
	}
}

// newerUnassociateCodes are the codes eip-api-facts.md §3.3 lists for
// UnassociateEipAddress beyond the page in testdata.
var newerUnassociateCodes = []eipsim.Code{
	eipsim.CodeInvalidIPStatusUsedBySnatTable, eipsim.CodeInvalidIPStatusUsedByForwardEntry,
	eipsim.CodeInvalidStatusEniStatusNotSupport, eipsim.CodeDependencyViolationSnatEntry,
	eipsim.CodeOperationFailedSystemBusy, eipsim.CodeInvalidBindInstanceNotFound,
}

// unassociatePageCodes reads the codes of the error table of the
// UnassociateEipAddress page, with their HTTP statuses and messages.
func unassociatePageCodes(t *testing.T) map[eipsim.Code][2]string {
	t.Helper()
	b, err := os.ReadFile("testdata/UnassociateEipAddress.txt")
	mustOK(t, err)
	out := map[eipsim.Code][2]string{}
	for _, m := range regexp.MustCompile(`(?m)^(\d{3}) (\S+) (.*?) The error message returned`).FindAllStringSubmatch(string(b), -1) {
		out[eipsim.Code(m[2])] = [2]string{m[1], m[3]}
	}
	if len(out) < 19 {
		t.Fatalf("read %d codes from the page's error table, want 19", len(out))
	}
	return out
}

// TestUnassociateEipAddressErrorsCoverTheTable: every code of the page and
// of the newer list has a case, and each case's status and message are the
// page's, verbatim.
func TestUnassociateEipAddressErrorsCoverTheTable(t *testing.T) {
	page := unassociatePageCodes(t)
	for code, sm := range page {
		tc, ok := unassociateCases[code]
		if !ok {
			t.Errorf("no test drives UnassociateEipAddress into %s", code)
			continue
		}
		if want := sm[0]; want != itoa(tc.status) {
			t.Errorf("%s: case expects HTTP %d, the page says %s", code, tc.status, want)
		}
		if msg := tc.message; msg != sm[1] {
			t.Errorf("%s: case expects %q, the page says %q", code, msg, sm[1])
		}
	}
	for _, code := range newerUnassociateCodes {
		if _, ok := unassociateCases[code]; !ok {
			t.Errorf("no test drives UnassociateEipAddress into %s", code)
		}
	}
	if want := len(page) + len(newerUnassociateCodes); len(unassociateCases) != want {
		t.Errorf("%d cases, want %d (the page's and the newer codes)", len(unassociateCases), want)
	}
}
