package eipsim_test

import (
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// TestVersion runs one of each kind of change and read, in an order where
// each is accepted (or refused, where that is the point), and checks that
// Version grows with every change and stays with every read, refusal and
// ClientToken replay. eipsimtest's TestVersionCoversState checks the other
// direction on random runs: an unchanged Version means unchanged state.
func TestVersion(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	var eip, eip2, ngw, hv string
	type step struct {
		name   string
		change bool
		do     func() error
	}
	ignore := func(_ any, err error) error { return err }
	refused := func(err error) error {
		if err == nil {
			t.Fatalf("accepted, want refused")
		}
		return nil
	}
	steps := []step{
		{"AddInstance", true, func() error {
			return sim.AddInstance(eipsim.Instance{InstanceID: "i-1", Status: eipsim.InstanceRunning})
		}},
		{"AddInstance i-2", true, func() error {
			return sim.AddInstance(eipsim.Instance{InstanceID: "i-2", Status: eipsim.InstanceRunning})
		}},
		{"AddInstance refused", false, func() error { return refused(sim.AddInstance(eipsim.Instance{InstanceID: "i-1"})) }},
		{"AddLoadBalancer", true, func() error {
			return sim.AddLoadBalancer(eipsim.LoadBalancer{LoadBalancerID: "lb-1", AddressType: "intranet"})
		}},
		{"AddNetworkInterface", true, func() error {
			return sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-1"})
		}},
		{"AddVPC", true, func() error { return sim.AddVPC(eipsim.VPC{VpcID: "vpc-x"}) }},
		{"AllocateEipAddress", true, func() error {
			r, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, ClientToken: "tok"})
			if err == nil {
				eip = r.AllocationID
			}
			return err
		}},
		{"AllocateEipAddress replay", false, func() error {
			return ignore(sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, ClientToken: "tok"}))
		}},
		{"AllocateEipAddress refused", false, func() error {
			return refused(ignore(sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "nowhere"})))
		}},
		{"AllocateEipAddress 2", true, func() error {
			r, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz})
			if err == nil {
				eip2 = r.AllocationID
			}
			return err
		}},
		{"reads", false, func() error {
			sim.EIPs()
			sim.Tasks()
			sim.Instances()
			sim.LoadBalancers()
			sim.NetworkInterfaces()
			sim.VPCs()
			sim.NatGateways()
			sim.HaVips()
			sim.Faults()
			sim.History()
			sim.EIP(eip)
			sim.Instance("i-1")
			sim.Settle()
			if err := sim.CheckInvariants(); err != nil {
				return err
			}
			return ignore(sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: hz}))
		}},
		{"Call refused", false, func() error {
			return refused(ignore(sim.Call(ctx, "NoSuchAction", nil)))
		}},
		{"AssociateEipAddress", true, func() error { return associate(sim, eip, "i-1") }},
		{"AssociateEipAddress refused", false, func() error { return refused(associate(sim, eip2, "i-1")) }},
		{"task applies", true, func() error { clk.Advance(eipsim.DefaultAssociateDelay); return nil }},
		{"clock moves, nothing due", false, func() error { clk.Advance(time.Hour); return nil }},
		{"ModifyEipAddressAttribute", true, func() error {
			return ignore(sim.ModifyEipAddressAttribute(ctx, eipsim.ModifyEipAddressAttributeRequest{AllocationID: eip2, Name: "x"}))
		}},
		{"Lock", true, func() error { return sim.Lock(eip2, eipsim.LockFinancial) }},
		{"Lock refused", false, func() error { return refused(sim.Lock(eip2, eipsim.LockFinancial)) }},
		{"Unlock", true, func() error { return sim.Unlock(eip2, eipsim.LockFinancial) }},
		{"SetDeletionProtection", true, func() error { return sim.SetDeletionProtection(eip2, true) }},
		{"SetInstanceStatus", true, func() error { return sim.SetInstanceStatus("i-2", eipsim.InstanceStopped) }},
		{"ScheduleInstanceStatus", true, func() error {
			return sim.ScheduleInstanceStatus("i-2", eipsim.InstanceStarting, time.Second, eipsim.InstanceRunning)
		}},
		{"scheduled status applies", true, func() error { clk.Advance(time.Second); return nil }},
		{"SetLoadBalancerStatus", true, func() error { return sim.SetLoadBalancerStatus("lb-1", eipsim.SLBInactive) }},
		{"AttachNetworkInterface", true, func() error { return sim.AttachNetworkInterface("eni-1", "i-2") }},
		{"SetNetworkInterfaceStatus", true, func() error { return sim.SetNetworkInterfaceStatus("eni-1", "Detaching") }},
		{"UnassociateEipAddress", true, func() error { return unassociate(sim, eip) }},
		{"task applies 2", true, func() error { clk.Advance(settleAll); return nil }},
		{"ReleaseEipAddress", true, func() error { return release(sim, eip) }},
		{"CreateNatGateway", true, func() error {
			r, err := sim.CreateNatGateway(ctx, eipsim.CreateNatGatewayRequest{RegionID: hz, VpcID: "vpc-x"})
			if err == nil {
				ngw = r.NatGatewayID
			}
			return err
		}},
		{"CreateHaVip", true, func() error {
			r, err := sim.CreateHaVip(ctx, eipsim.CreateHaVipRequest{RegionID: hz, VSwitchID: "vsw-1"})
			if err == nil {
				hv = r.HaVipID
			}
			return err
		}},
		{"tasks apply", true, func() error { clk.Advance(time.Hour); return nil }},
		{"NAT and HaVip reads", false, func() error {
			if _, err := sim.DescribeNatGateways(ctx, eipsim.DescribeNatGatewaysRequest{RegionID: hz}); err != nil {
				return err
			}
			return ignore(sim.DescribeHaVips(ctx, eipsim.DescribeHaVipsRequest{RegionID: hz}))
		}},
		{"SetNatGatewayFinancialLock", true, func() error { return sim.SetNatGatewayFinancialLock(ngw, true) }},
		{"DeleteHaVip", true, func() error {
			return ignore(sim.DeleteHaVip(ctx, eipsim.DeleteHaVipRequest{RegionID: hz, HaVipID: hv}))
		}},
		{"InjectFault", true, func() error {
			_, err := sim.InjectFault(eipsim.Fault{Action: eipsim.ActionDescribeEipAddresses, Code: eipsim.CodeOperationFailedSystemBusy, Times: 1})
			return err
		}},
		{"fault fires", true, func() error {
			return refused(ignore(sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: hz})))
		}},
		{"SetSystemBusy", true, func() error { return sim.SetSystemBusy(eipsim.ActionAllocateEipAddress, 1) }},
		{"ClearFaults", true, func() error { sim.ClearFaults(); return nil }},
		{"ClearFaults again", false, func() error { sim.ClearFaults(); return nil }},
		{"DetachNetworkInterface", true, func() error {
			if err := sim.SetNetworkInterfaceStatus("eni-1", ""); err != nil {
				return err
			}
			return sim.DetachNetworkInterface("eni-1")
		}},
		{"DeleteNetworkInterface", true, func() error { return sim.DeleteNetworkInterface("eni-1") }},
		{"DeleteLoadBalancer", true, func() error { return sim.DeleteLoadBalancer("lb-1") }},
		{"DeleteInstance", true, func() error { return sim.DeleteInstance("i-1") }},
		{"DeleteInstance refused", false, func() error { return refused(sim.DeleteInstance("i-1")) }},
	}
	for _, st := range steps {
		before := sim.Version()
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		after := sim.Version()
		if st.change && after <= before {
			t.Errorf("%s: Version stayed %d", st.name, before)
		}
		if !st.change && after != before {
			t.Errorf("%s: Version went from %d to %d", st.name, before, after)
		}
	}
}
