package eipsim_test

import (
	"context"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// TestEIPTaskStates checks what Tasks shows of each EIP completion: its
// Action, EIP and states, which the task takes from its kind and its EIP
// rather than storing them.
func TestEIPTaskStates(t *testing.T) {
	clk := eipsimtest.NewClock()
	sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithCooldown(0), eipsim.WithAllocationIDs("eip-0001"))
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	check := func(action eipsim.Action, from, to string) {
		t.Helper()
		ts := sim.Tasks()
		if len(ts) != 1 || ts[0].Action != action || ts[0].ResourceID != "eip-0001" || ts[0].From != from || ts[0].To != to {
			t.Fatalf("Tasks() = %+v, want one %s of eip-0001 from %q to %q", ts, action, from, to)
		}
		clk.Add(ts[0].Due.Sub(clk.Now()))
		if n := len(sim.Tasks()); n != 0 {
			t.Fatalf("%d tasks left after the due time", n)
		}
	}
	if _, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"}); err != nil {
		t.Fatal(err)
	}
	if _, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: "eip-0001", InstanceID: "i-1"}); err != nil {
		t.Fatal(err)
	}
	check(eipsim.ActionAssociateEipAddress, "Associating", "InUse")
	if _, err := sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: "eip-0001"}); err != nil {
		t.Fatal(err)
	}
	check(eipsim.ActionUnassociateEipAddress, "Unassociating", "Available")
	if _, err := sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: "eip-0001"}); err != nil {
		t.Fatal(err)
	}
	check(eipsim.ActionReleaseEipAddress, "Releasing", "")
}
