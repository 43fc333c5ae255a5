package eipsim_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

func TestCall(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	resp, err := sim.Call(ctx, eipsim.ActionAllocateEipAddress, eipsim.Params{"RegionId": hz, "Bandwidth": "7", "AutoPay": "true", "Period": "3", "Unknown": "x"})
	mustOK(t, err)
	a, ok := resp.(*eipsim.AllocateEipAddressResponse)
	if !ok || eipsimtest.MustEIP(t, sim, a.AllocationID).Bandwidth != 7 {
		t.Fatalf("Call returned %T %+v", resp, resp)
	}
	_, err = sim.Call(ctx, "DescribeEverything", eipsim.Params{})
	wantErr(t, err, eipsim.CodeInvalidActionNotFound, 404, "Specified api is not found, please check your url and method.")
	_, err = sim.Call(ctx, eipsim.ActionUnassociateEipAddress, eipsim.Params{"AllocationId": a.AllocationID, "Force": "yes"})
	wantErr(t, err, eipsim.CodeInvalidParameter, 400, invalidMsg("Force"))
	_, err = sim.Call(ctx, eipsim.ActionDescribeEipAddresses, eipsim.Params{"RegionId": hz, "PageSize": "ten"})
	wantErr(t, err, eipsim.CodeInvalidParameter, 400, invalidMsg("PageSize"))
	d, err := sim.Call(ctx, eipsim.ActionDescribeEipAddresses, eipsim.Params{"RegionId": hz, "Status": "Available", "PageSize": "100"})
	mustOK(t, err)
	if d.(*eipsim.DescribeEipAddressesResponse).TotalCount != 1 {
		t.Fatalf("%+v", d)
	}
	// Failures before the action runs are in the history too.
	h := sim.History()
	var refused []eipsim.Code
	for _, e := range h {
		if e.Code != "" {
			refused = append(refused, e.Code)
		}
	}
	if len(refused) != 3 {
		t.Fatalf("refused calls in history: %v", refused)
	}
}

func TestActionsAndParams(t *testing.T) {
	acts := eipsim.Actions()
	if !slices.IsSorted(acts) {
		t.Fatalf("Actions() = %v, not sorted", acts)
	}
	for _, a := range []eipsim.Action{eipsim.ActionAllocateEipAddress, eipsim.ActionAssociateEipAddress, eipsim.ActionUnassociateEipAddress,
		eipsim.ActionDescribeEipAddresses, eipsim.ActionReleaseEipAddress, eipsim.ActionModifyEipAddressAttribute} {
		if !slices.Contains(acts, a) {
			t.Errorf("Actions() = %v, missing %s", acts, a)
		}
	}
	for _, a := range acts {
		ps, ok := eipsim.ActionParams(a)
		if !ok || len(ps) == 0 {
			t.Errorf("%s: params %v", a, ps)
		}
	}
	ps, _ := eipsim.ActionParams(eipsim.ActionUnassociateEipAddress)
	if want := []string{"RegionId", "AllocationId", "InstanceId", "InstanceType", "PrivateIpAddress", "Force", "ClientToken"}; !slices.Equal(ps, want) {
		t.Errorf("Unassociate params %v, want %v", ps, want)
	}
	if _, ok := eipsim.ActionParams("Nope"); ok {
		t.Error("ActionParams(Nope) ok")
	}
}

func TestNewOptionErrors(t *testing.T) {
	for _, tt := range []struct {
		opt  eipsim.Option
		want string
	}{
		{nil, "nil option"},
		{eipsim.WithClock(nil), "WithClock"},
		{eipsim.WithRegions(), "WithRegions"},
		{eipsim.WithRegions("cn-hangzhou", "cn-hangzhou"), "WithRegions"},
		{eipsim.WithRegions("CN Hangzhou"), "WithRegions"},
		{eipsim.WithRegions(manyRegions(256)...), "WithRegions"},
		{eipsim.WithTaskDelay(eipsim.ActionDescribeEipAddresses, time.Second), "WithTaskDelay"},
		{eipsim.WithTaskDelay(eipsim.ActionAssociateEipAddress, -1), "WithTaskDelay"},
		{eipsim.WithCooldown(-1), "WithCooldown"},
		{eipsim.WithEIPQuota(-1), "WithEIPQuota"},
		{eipsim.WithIPPool(), "WithIPPool"},
		{eipsim.WithIPPool("203.0.113.0"), "WithIPPool"},
		{eipsim.WithIPPool("2001:db8::/64"), "WithIPPool"},
		{eipsim.WithIPPool("203.0.113.0/31"), "WithIPPool"},
		{eipsim.WithAllocationIDs(""), "WithAllocationIDs"},
		{eipsim.WithAllocationIDs("eip-a", "eip-a"), "WithAllocationIDs"},
		{eipsim.WithClientTokenTTL(0), "WithClientTokenTTL"},
		{eipsim.WithHistoryLimit(-1), "WithHistoryLimit"},
		{eipsim.WithMultiBindedLimit(0), "WithMultiBindedLimit"},
	} {
		sim, err := eipsim.New(tt.opt)
		if err == nil || sim != nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "eipsim: ") {
			t.Errorf("New(%s option) = %v, %v; want an error naming %s", tt.want, sim, err, tt.want)
		}
	}
	if _, err := eipsim.New(eipsim.WithRegions(manyRegions(255)...), eipsim.WithIPPool("192.0.2.0/30")); err != nil {
		t.Errorf("255 regions: %v", err)
	}
}

func manyRegions(n int) []string {
	var out []string
	for i := range n {
		out = append(out, "r-"+strings.Repeat("x", i%5)+string(rune('a'+i%26))+"-"+itoa(i))
	}
	return out
}

func TestSetupErrors(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}))
	mustOK(t, sim.AddVPC(eipsim.VPC{VpcID: "vpc-d", IsDefault: true}))
	mustOK(t, sim.AddVPC(eipsim.VPC{VpcID: "vpc-o", AccountID: "other"}))
	mustOK(t, sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-1"}))
	mustOK(t, sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-p", Type: "Primary", InstanceID: "i-1"}))
	for _, tt := range []struct {
		err  error
		want string
	}{
		{sim.AddInstance(eipsim.Instance{}), "eipsim: AddInstance: missing ID"},
		{sim.AddInstance(eipsim.Instance{InstanceID: "i 1"}), `eipsim: AddInstance: bad ID "i 1"`},
		{sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}), "eipsim: AddInstance: resource i-1 already exists"},
		{sim.AddInstance(eipsim.Instance{InstanceID: "i-2", RegionID: "mars-1"}), `eipsim: AddInstance: i-2: unknown region "mars-1" (the Sim serves cn-hangzhou, cn-shanghai)`},
		{sim.AddInstance(eipsim.Instance{InstanceID: "i-2", Status: "Zombie"}), `eipsim: AddInstance: i-2: unknown status "Zombie"`},
		{sim.AddInstance(eipsim.Instance{InstanceID: "i-2", Classic: true, VpcID: "vpc-d"}), "eipsim: AddInstance: i-2: a classic-network instance has no VPC"},
		{sim.AddInstance(eipsim.Instance{InstanceID: "i-2", VpcID: "vpc-x"}), "eipsim: AddInstance: i-2: VPC vpc-x does not exist (add it with AddVPC first)"},
		{sim.AddInstance(eipsim.Instance{InstanceID: "i-2", VpcID: "vpc-d", RegionID: sh}), "eipsim: AddInstance: i-2: VPC vpc-d is in cn-hangzhou, not cn-shanghai"},
		{sim.AddInstance(eipsim.Instance{InstanceID: "i-2", VpcID: "vpc-o"}), "eipsim: AddInstance: i-2: VPC vpc-o belongs to account other, not default"},
		{sim.AddInstance(eipsim.Instance{InstanceID: "i-2", PrivateIPAddresses: []string{"10.0.0.300"}}), `eipsim: AddInstance: i-2: bad private IP "10.0.0.300"`},
		{sim.AddInstance(eipsim.Instance{InstanceID: "i-2", PrivateIPAddresses: []string{"10.0.0.3", "10.0.0.3"}}), "eipsim: AddInstance: i-2: private IP 10.0.0.3 given twice"},
		{sim.AddVPC(eipsim.VPC{VpcID: "vpc-d"}), "eipsim: AddVPC: VPC vpc-d already exists"},
		{sim.AddVPC(eipsim.VPC{VpcID: "vpc-d2", IsDefault: true}), "eipsim: AddVPC: account default already has a default VPC in cn-hangzhou (vpc-d)"},
		{sim.AddLoadBalancer(eipsim.LoadBalancer{LoadBalancerID: "lb-1", AddressType: "dmz"}), `eipsim: AddLoadBalancer: lb-1: AddressType "dmz" (want intranet or internet)`},
		{sim.AddLoadBalancer(eipsim.LoadBalancer{LoadBalancerID: "lb-1", Status: "on"}), `eipsim: AddLoadBalancer: lb-1: Status "on" (want active, inactive or locked)`},
		{sim.AddLoadBalancer(eipsim.LoadBalancer{LoadBalancerID: "i-1"}), "eipsim: AddLoadBalancer: resource i-1 already exists"},
		{sim.SetLoadBalancerStatus("lb-x", "active"), "eipsim: SetLoadBalancerStatus: no load balancer lb-x"},
		{sim.DeleteLoadBalancer("lb-x"), "eipsim: DeleteLoadBalancer: no load balancer lb-x"},
		{sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-2", Type: "Tertiary"}), `eipsim: AddNetworkInterface: eni-2: Type "Tertiary" (want Primary or Secondary)`},
		{sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-2", Type: "Primary"}), "eipsim: AddNetworkInterface: eni-2: a primary ENI needs its InstanceID"},
		{sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-2", Status: "InUse"}), "eipsim: AddNetworkInterface: eni-2: Status is derived; use SetNetworkInterfaceStatus"},
		{sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-2", InstanceID: "i-9"}), "eipsim: AddNetworkInterface: eni-2: no ECS instance i-9"},
		{sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-2", InstanceID: "i-1", RegionID: sh}), "eipsim: AddNetworkInterface: eni-2: instance i-1 is in another region or account"},
		{sim.AttachNetworkInterface("eni-x", "i-1"), "eipsim: AttachNetworkInterface: no ENI eni-x"},
		{sim.AttachNetworkInterface("eni-p", "i-1"), "eipsim: AttachNetworkInterface: eni-p is a primary ENI"},
		{sim.DetachNetworkInterface("eni-1"), "eipsim: DetachNetworkInterface: eni-1 is not attached"},
		{sim.DetachNetworkInterface("eni-p"), "eipsim: DetachNetworkInterface: eni-p is a primary ENI"},
		{sim.DetachNetworkInterface("eni-x"), "eipsim: DetachNetworkInterface: no ENI eni-x"},
		{sim.SetNetworkInterfaceStatus("eni-1", "Broken"), `eipsim: SetNetworkInterfaceStatus: eni-1: status "Broken"`},
		{sim.SetNetworkInterfaceStatus("eni-x", ""), "eipsim: SetNetworkInterfaceStatus: no ENI eni-x"},
		{sim.DeleteNetworkInterface("eni-x"), "eipsim: DeleteNetworkInterface: no ENI eni-x"},
		{sim.SetInstanceStatus("i-9", eipsim.InstanceRunning), "eipsim: SetInstanceStatus: no ECS instance i-9"},
		{sim.SetInstanceStatus("i-1", ""), "eipsim: SetInstanceStatus: i-1: missing status"},
		{sim.SetInstanceStatus("i-1", "Zombie"), `eipsim: SetInstanceStatus: i-1: unknown status "Zombie"`},
		{sim.ScheduleInstanceStatus("i-1", eipsim.InstanceStopping, -1, eipsim.InstanceStopped), "eipsim: SetInstanceStatus: i-1: negative delay -1ns"},
		{sim.DeleteInstance("i-9"), "eipsim: DeleteInstance: no ECS instance i-9"},
	} {
		if tt.err == nil || !strings.HasPrefix(tt.err.Error(), tt.want) {
			t.Errorf("got %v\nwant %s", tt.err, tt.want)
		}
	}
	mustOK(t, sim.AttachNetworkInterface("eni-1", "i-1"))
	if err := sim.AttachNetworkInterface("eni-1", "i-1"); err == nil || err.Error() != "eipsim: AttachNetworkInterface: eni-1 is already attached to i-1" {
		t.Errorf("double attach: %v", err)
	}
}

func TestScheduleInstanceStatus(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}))
	a := alloc(t, sim, hz)
	mustOK(t, sim.ScheduleInstanceStatus("i-1", eipsim.InstanceStarting, 5*time.Second, eipsim.InstanceRunning))
	eipsimtest.RequireCode(t, associate(sim, a, "i-1"), eipsim.CodeIncorrectInstanceStatus)
	clk.Advance(5 * time.Second)
	mustOK(t, associate(sim, a, "i-1"))
}
