package eipsim_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// retryable reports whether a cloud error is worth retrying: server-side
// failures, throttling and the EIP's cooldown.
func retryable(err error) bool {
	for _, c := range []eipsim.Code{eipsim.CodeServiceUnavailable, eipsim.CodeInternalError,
		eipsim.CodeThrottling, eipsim.CodeThrottlingUser, eipsim.CodeTaskConflict} {
		if errors.Is(err, c) {
			return true
		}
	}
	return false
}

// withBackoff calls op until it succeeds, fails for good, or has been tried
// attempts times, sleeping 1s, 2s, 4s, ... between tries. sleep is the
// clock: time.Sleep in production, a simulated clock's Advance in tests.
func withBackoff(attempts int, sleep func(time.Duration), op func() error) error {
	backoff := time.Second
	for i := 1; ; i++ {
		err := op()
		if err == nil || i == attempts || !retryable(err) {
			return err
		}
		var e *eipsim.Error
		errors.As(err, &e)
		fmt.Printf("  attempt %d: %s, retrying in %v\n", i, e.Code, backoff)
		sleep(backoff)
		backoff *= 2
	}
}

// A retry-with-backoff routine tested against injected faults: two
// ServiceUnavailable answers to the association, then a TaskConflict on the
// unassociation. The simulated clock moves through the backoff at once.
func ExampleSim_InjectFault() {
	clk := eipsimtest.NewClock()
	sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithAllocationIDs("eip-0001"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	_ = sim.AddInstance(eipsim.Instance{InstanceID: "i-0001"})
	_, _ = sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})

	for _, line := range []string{
		"inject-fault Action=AssociateEipAddress Code=ServiceUnavailable Times=2",
		"inject-fault Action=UnassociateEipAddress ResourceId=eip-0001 Code=TaskConflict Times=1",
	} {
		f, err := eipsim.ParseFaultLine(line)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := sim.InjectFault(f); err != nil {
			log.Fatal(err)
		}
	}

	start := clk.Now()
	fmt.Println("associate:")
	err = withBackoff(5, clk.Advance, func() error {
		_, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: "eip-0001", InstanceID: "i-0001"})
		return err
	})
	fmt.Println("  result:", err, "after", clk.Now().Sub(start))

	clk.Advance(eipsim.DefaultAssociateDelay)
	e, _ := sim.EIP("eip-0001")
	fmt.Println("status:", e.Status)

	fmt.Println("unassociate:")
	err = withBackoff(5, clk.Advance, func() error {
		_, err := sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: "eip-0001"})
		return err
	})
	fmt.Println("  result:", err)

	for _, ev := range sim.History() {
		if ev.Kind == eipsim.EventKindFault {
			fmt.Println("fault:", ev.Time.Sub(start), ev.Action, ev.Code, ev.Cause)
		}
	}
	// Output:
	// associate:
	//   attempt 1: ServiceUnavailable, retrying in 1s
	//   attempt 2: ServiceUnavailable, retrying in 2s
	//   result: <nil> after 3s
	// status: InUse
	// unassociate:
	//   attempt 1: TaskConflict, retrying in 1s
	//   result: <nil>
	// fault: 0s AssociateEipAddress ServiceUnavailable f-0001 Error
	// fault: 1s AssociateEipAddress ServiceUnavailable f-0001 Error
	// fault: 6s UnassociateEipAddress TaskConflict f-0002 Error
}

// A lost response: the association is made, but the caller sees an error.
// Retrying with the same ClientToken returns the first call's success
// instead of a second association.
func ExampleFaultApplyThenFail() {
	clk := eipsimtest.NewClock()
	sim, _ := eipsim.New(eipsim.WithClock(clk), eipsim.WithAllocationIDs("eip-0001"))
	ctx := context.Background()
	_ = sim.AddInstance(eipsim.Instance{InstanceID: "i-0001"})
	_, _ = sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	_, _ = sim.InjectFault(eipsim.Fault{Action: eipsim.ActionAssociateEipAddress, Effect: eipsim.FaultApplyThenFail,
		Code: eipsim.CodeServiceUnavailable, Times: 1})

	req := eipsim.AssociateEipAddressRequest{AllocationID: "eip-0001", InstanceID: "i-0001", ClientToken: "bind-web-1"}
	_, err := sim.AssociateEipAddress(ctx, req)
	fmt.Println(errors.Is(err, eipsim.CodeServiceUnavailable))
	e, _ := sim.EIP("eip-0001")
	fmt.Println(e.Status)
	_, err = sim.AssociateEipAddress(ctx, req)
	fmt.Println(err)
	// Output:
	// true
	// Associating
	// <nil>
}

// Rate limits are token buckets on the simulated clock.
func ExampleWithRateLimit() {
	clk := eipsimtest.NewClock()
	sim, _ := eipsim.New(eipsim.WithClock(clk),
		eipsim.WithRateLimit(eipsim.ActionDescribeEipAddresses, eipsim.RateLimit{Requests: 2, Per: time.Second}))
	describe := func() {
		_, err := sim.DescribeEipAddresses(context.Background(), eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
		fmt.Println(clk.Now().Sub(eipsimtest.Epoch), err)
	}
	describe()
	describe()
	describe()
	clk.Advance(500 * time.Millisecond)
	describe()
	// Output:
	// 0s <nil>
	// 0s <nil>
	// 0s eipsim: Throttling.User (HTTP 400): Request was denied due to user flow control.
	// 500ms <nil>
}
