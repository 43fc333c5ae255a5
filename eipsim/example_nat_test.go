package eipsim_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/benbjohnson/clock"

	"github.com/eipsim/eipsim/eipsim"
)

// An EIP on a NAT gateway with an SNAT entry: Force=false is refused while
// the entry uses the EIP; Force=true detaches it and deletes the entry.
func ExampleSim_CreateSnatEntry() {
	clk := clock.NewMock()
	sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithAllocationIDs("eip-0001"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	_ = sim.AddNatGateway(eipsim.NatGateway{NatGatewayID: "ngw-1"})
	a, _ := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	_, _ = sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a.AllocationID, InstanceID: "ngw-1", InstanceType: eipsim.InstanceTypeNat})
	clk.Add(eipsim.DefaultAssociateDelay)

	_, err = sim.CreateSnatEntry(ctx, eipsim.CreateSnatEntryRequest{RegionID: "cn-hangzhou", SnatTableID: "stb-1", SnatIP: a.EipAddress, SourceCIDR: "10.0.0.0/24"})
	if err != nil {
		log.Fatal(err)
	}
	list := func() {
		d, _ := sim.DescribeSnatTableEntries(ctx, eipsim.DescribeSnatTableEntriesRequest{RegionID: "cn-hangzhou", SnatTableID: "stb-1"})
		for _, x := range d.SnatTableEntries {
			fmt.Println("snat", x.SnatIP, x.Status)
		}
	}
	list()
	clk.Add(eipsim.DefaultNATEntryDelay)
	list()

	unbind := eipsim.UnassociateEipAddressRequest{AllocationID: "eip-0001", InstanceID: "ngw-1", InstanceType: eipsim.InstanceTypeNat}
	_, err = sim.UnassociateEipAddress(ctx, unbind)
	var apiErr *eipsim.Error
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.HTTPStatus, apiErr.Code, apiErr.Message)
	}
	unbind.Force = true
	_, err = sim.UnassociateEipAddress(ctx, unbind)
	fmt.Println(err)
	list()
	clk.Add(eipsim.DefaultUnassociateDelay)
	e, _ := sim.EIP("eip-0001")
	fmt.Println(e.Status)
	list()
	// Output:
	// snat 203.0.113.1 Pending
	// snat 203.0.113.1 Available
	// 400 InvalidIpStatus.HasBeenUsedBySnatTable The removed ip address has been used by snat table.
	// <nil>
	// snat 203.0.113.1 Deleting
	// Available
}

// An EIP on a HaVip can be unbound only while the HaVip is Available or
// InUse; the refusal's message is UnassociateEipAddress's own.
func ExampleSim_AssociateHaVip() {
	clk := clock.NewMock()
	sim, _ := eipsim.New(eipsim.WithClock(clk), eipsim.WithAllocationIDs("eip-0001"))
	ctx := context.Background()
	_ = sim.AddInstance(eipsim.Instance{InstanceID: "i-1"})
	_ = sim.AddHaVip(eipsim.HaVip{HaVipID: "havip-1"})
	_, _ = sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	_, _ = sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: "eip-0001", InstanceID: "havip-1", InstanceType: eipsim.InstanceTypeHaVip})
	clk.Add(eipsim.DefaultAssociateDelay)

	_, _ = sim.AssociateHaVip(ctx, eipsim.AssociateHaVipRequest{RegionID: "cn-hangzhou", HaVipID: "havip-1", InstanceID: "i-1"})
	fmt.Println(sim.HaVips()[0].Status)
	_, err := sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: "eip-0001"})
	fmt.Println(err)
	clk.Add(eipsim.DefaultHaVipDelay)
	h := sim.HaVips()[0]
	fmt.Println(h.Status, h.AssociatedInstances, h.AllocationID)
	_, err = sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: "eip-0001"})
	fmt.Println(err)
	// Output:
	// Associating
	// eipsim: IncorrectHaVipStatus (HTTP 400): This operation is denied because satus of the specified HaVip is neither Available nor InUse.
	// InUse [i-1] eip-0001
	// <nil>
}
