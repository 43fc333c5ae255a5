package eipsim_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
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

// Background completion is driven by the clock alone: with eipsimtest's
// fast clock a test moves time without sleeping, and the EIP is Associating
// until exactly the associate delay has passed.
func ExampleSim_Settle() {
	clk := eipsimtest.NewClock()
	sim, _ := eipsim.New(eipsim.WithClock(clk), eipsim.WithAllocationIDs("eip-0001"))
	ctx := context.Background()
	_ = sim.AddInstance(eipsim.Instance{InstanceID: "i-0001"})
	_, _ = sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	_, _ = sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: "eip-0001", InstanceID: "i-0001"})
	for _, t := range sim.Tasks() {
		fmt.Println(t.ID, t.Action, t.ResourceID, t.From, "->", t.To, "at +", t.Due.Sub(eipsimtest.Epoch))
	}
	clk.Advance(eipsim.DefaultAssociateDelay - time.Nanosecond)
	e, _ := sim.EIP("eip-0001")
	fmt.Println(e.Status)
	clk.Advance(time.Nanosecond)
	sim.Settle()
	fmt.Println(len(sim.Tasks()))
	e, _ = sim.EIP("eip-0001")
	fmt.Println(e.Status)
	// Output:
	// t-0001 AssociateEipAddress eip-0001 Associating -> InUse at + 3s
	// Associating
	// 0
	// InUse
}

// A retry with the same ClientToken and parameters gets the first answer
// back, RequestId included, and changes nothing; other parameters under the
// same token are refused.
func ExampleAllocateEipAddressRequest_clientToken() {
	sim, _ := eipsim.New(eipsim.WithClock(eipsimtest.NewClock()), eipsim.WithSeed(3))
	ctx := context.Background()
	req := eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou", ClientToken: "retry-42"}
	first, _ := sim.AllocateEipAddress(ctx, req)
	retry, _ := sim.AllocateEipAddress(ctx, req)
	fmt.Println(retry.AllocationID == first.AllocationID, retry.RequestID == first.RequestID, len(sim.EIPs()))
	req.Bandwidth = "10"
	_, err := sim.AllocateEipAddress(ctx, req)
	fmt.Println(err)
	// Output:
	// true true 1
	// eipsim: IdempotentParameterMismatch (HTTP 400): Request uses a client token in a previous request but is not identical to that request.
}

// A locked EIP keeps its status; Describe shows the lock, and writes are
// refused until it is lifted.
func ExampleSim_Lock() {
	sim, _ := eipsim.New(eipsim.WithClock(eipsimtest.NewClock()), eipsim.WithAllocationIDs("eip-0001"))
	ctx := context.Background()
	_, _ = sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	_ = sim.Lock("eip-0001", eipsim.LockFinancial)
	d, _ := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou", LockReason: eipsim.LockFinancial})
	e := d.EipAddresses[0]
	fmt.Println(e.AllocationID, e.Status, e.BusinessStatus, e.LockReasons)
	_, err := sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: "eip-0001"})
	fmt.Println(err)
	_ = sim.Unlock("eip-0001", eipsim.LockFinancial)
	_, err = sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: "eip-0001"})
	fmt.Println(err)
	// Output:
	// eip-0001 Available FinancialLocked [financial]
	// eipsim: Forbidden.FinancialLocked (HTTP 400): The ip business status is invalid.
	// <nil>
}

// Call takes wire parameters by name, as scenario files and the HTTP
// handler pass them.
func ExampleSim_Call() {
	sim, _ := eipsim.New(eipsim.WithClock(eipsimtest.NewClock()), eipsim.WithAllocationIDs("eip-0001"))
	ctx := context.Background()
	resp, _ := sim.Call(ctx, eipsim.ActionAllocateEipAddress, eipsim.Params{"RegionId": "cn-hangzhou", "Bandwidth": "20"})
	fmt.Println(resp.(*eipsim.AllocateEipAddressResponse).AllocationID)
	_, err := sim.Call(ctx, eipsim.ActionDescribeEipAddresses, eipsim.Params{"RegionId": "cn-hangzhou", "PageSize": "many"})
	fmt.Println(err)
	// Output:
	// eip-0001
	// eipsim: InvalidParameter (HTTP 400): The specified value of parameter "PageSize" is not valid.
}
