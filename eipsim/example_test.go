package eipsim_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/eipsim/eipsim/eipsim"
)

func ExampleNew() {
	clk := clock.NewMock()
	sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithSeed(7), eipsim.WithAllocationIDs("eip-0001"))
	if err != nil {
		log.Fatal(err)
	}
	resp, err := sim.AllocateEipAddress(context.Background(), eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.AllocationID, resp.EipAddress)
	// Output:
	// eip-0001 203.0.113.1
}

// Association is asynchronous: the EIP is Associating until the clock
// passes the associate delay, then InUse.
func ExampleSim_AssociateEipAddress() {
	clk := clock.NewMock()
	sim, err := eipsim.New(eipsim.WithClock(clk))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-0001"}); err != nil {
		log.Fatal(err)
	}
	a, _ := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	_, err = sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a.AllocationID, InstanceID: "i-0001"})
	if err != nil {
		log.Fatal(err)
	}
	e, _ := sim.EIP(a.AllocationID)
	fmt.Println(e.Status, e.InstanceID)
	clk.Add(eipsim.DefaultAssociateDelay)
	e, _ = sim.EIP(a.AllocationID)
	fmt.Println(e.Status, e.InstanceID)
	// Output:
	// Associating i-0001
	// InUse i-0001
}

// Errors carry the cloud's code, HTTP status and message; errors.Is matches
// the code through any wrapping.
func ExampleSim_UnassociateEipAddress() {
	clk := clock.NewMock()
	sim, _ := eipsim.New(eipsim.WithClock(clk))
	ctx := context.Background()
	a, _ := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	_, err := sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: a.AllocationID})
	var apiErr *eipsim.Error
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.HTTPStatus, apiErr.Code, apiErr.Message)
	}
	fmt.Println(errors.Is(fmt.Errorf("unbind: %w", err), eipsim.CodeIncorrectEipStatus))
	// Output:
	// 400 IncorrectEipStatus Current elastic IP status does not support this operation.
	// true
}

// Release is asynchronous too; a released EIP is gone from Describe.
func ExampleSim_ReleaseEipAddress() {
	clk := clock.NewMock()
	sim, _ := eipsim.New(eipsim.WithClock(clk), eipsim.WithAllocationIDs("eip-0001"))
	ctx := context.Background()
	_, _ = sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	_, _ = sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: "eip-0001"})
	d, _ := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
	fmt.Println(d.TotalCount, d.EipAddresses[0].Status)
	clk.Add(eipsim.DefaultReleaseDelay)
	d, _ = sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
	fmt.Println(d.TotalCount)
	// Output:
	// 1 Releasing
	// 0
}

func ExampleSim_DescribeEipAddresses() {
	sim, _ := eipsim.New(eipsim.WithClock(clock.NewMock()), eipsim.WithAllocationIDs("eip-a", "eip-b", "eip-c"))
	ctx := context.Background()
	for range 3 {
		_, _ = sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	}
	d, _ := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou", PageSize: 2, PageNumber: 2})
	fmt.Println(d.TotalCount, d.PageNumber, len(d.EipAddresses), d.EipAddresses[0].AllocationID)
	// Output:
	// 3 2 1 eip-c
}

func ExampleSim_ModifyEipAddressAttribute() {
	sim, _ := eipsim.New(eipsim.WithClock(clock.NewMock()), eipsim.WithAllocationIDs("eip-0001"))
	ctx := context.Background()
	_, _ = sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	_, _ = sim.ModifyEipAddressAttribute(ctx, eipsim.ModifyEipAddressAttributeRequest{AllocationID: "eip-0001", Bandwidth: "100", Name: "web"})
	e, _ := sim.EIP("eip-0001")
	fmt.Println(e.Bandwidth, e.Name)
	// Output:
	// 100 web
}

// A write repeated within the cooldown gives TaskConflict; time, not
// goroutines, moves the Sim on.
func ExampleWithCooldown() {
	clk := clock.NewMock()
	sim, _ := eipsim.New(eipsim.WithClock(clk), eipsim.WithCooldown(2*time.Second),
		eipsim.WithTaskDelay(eipsim.ActionAssociateEipAddress, time.Second))
	ctx := context.Background()
	_ = sim.AddInstance(eipsim.Instance{InstanceID: "i-0001"})
	a, _ := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	_, _ = sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a.AllocationID, InstanceID: "i-0001"})
	clk.Add(time.Second) // InUse now, but the cooldown runs for another second
	_, err := sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: a.AllocationID})
	fmt.Println(errors.Is(err, eipsim.CodeTaskConflict))
	clk.Add(time.Second)
	_, err = sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: a.AllocationID})
	fmt.Println(err)
	// Output:
	// true
	// <nil>
}
