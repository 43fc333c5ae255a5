package eipsim_test

import (
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

const systemBusyMessage = "Operation failed because system is busy."

// busyEvents are the fault events of OperationFailed.SystemBusy on action.
func busyEvents(sim *eipsim.Sim, action eipsim.Action) int {
	n := 0
	for _, e := range faultEvents(sim) {
		if e.Action == action && e.Code == eipsim.CodeOperationFailedSystemBusy {
			n++
		}
	}
	return n
}

func TestSetSystemBusyAllocate(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	mustOK(t, sim.SetSystemBusy(eipsim.ActionAllocateEipAddress, 2))
	for i := range 2 {
		_, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: region})
		// The catalogue gives AllocateEipAddress 500 for this code.
		wantErr(t, err, eipsim.CodeOperationFailedSystemBusy, 500, systemBusyMessage)
		if n := busyEvents(sim, eipsim.ActionAllocateEipAddress); n != i+1 {
			t.Fatalf("after call %d: %d SystemBusy fault events", i+1, n)
		}
	}
	if _, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: region}); err != nil {
		t.Fatalf("third call: %v", err)
	}
	fs := sim.Faults()
	if len(fs) != 1 || fs[0].Fired != 2 || fs[0].Fault.Times != 2 || fs[0].Fault.Action != eipsim.ActionAllocateEipAddress ||
		fs[0].Fault.Code != eipsim.CodeOperationFailedSystemBusy {
		t.Fatalf("Faults() = %+v", fs)
	}
	// n = 0 removes the rule it added.
	mustOK(t, sim.SetSystemBusy(eipsim.ActionAllocateEipAddress, 0))
	if fs := sim.Faults(); len(fs) != 0 {
		t.Fatalf("after SetSystemBusy(0): %+v", fs)
	}
}

func TestSetSystemBusyUnassociate(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-a"}))
	e := allocNAT(t, sim, false)
	bind(t, sim, clk, e.AllocationID, "i-a", eipsim.InstanceTypeEcsInstance)
	mustOK(t, sim.SetSystemBusy(eipsim.ActionUnassociateEipAddress, 1))
	err := unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: e.AllocationID})
	wantErr(t, err, eipsim.CodeOperationFailedSystemBusy, 400, systemBusyMessage)
	evs := faultEvents(sim)
	if len(evs) != 1 || evs[0].Action != eipsim.ActionUnassociateEipAddress || evs[0].ResourceID != e.AllocationID ||
		evs[0].Code != eipsim.CodeOperationFailedSystemBusy {
		t.Fatalf("fault events %+v", evs)
	}
	eipsimtest.RequireStatus(t, sim, e.AllocationID, eipsim.StatusInUse)
	mustOK(t, unassoc(sim, eipsim.UnassociateEipAddressRequest{AllocationID: e.AllocationID}))
	eipsimtest.RequireStatus(t, sim, e.AllocationID, eipsim.StatusUnassociating)
}

func TestSetSystemBusyEveryKindOfAction(t *testing.T) {
	sim, _ := eipsimtest.New(t, eipsim.WithAllocationIDs("eip-a"))
	eipsimtest.MustAllocate(t, sim)
	calls := map[eipsim.Action]func() error{
		eipsim.ActionDescribeEipAddresses: func() error {
			_, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: region})
			return err
		},
		eipsim.ActionModifyEipAddressAttribute: func() error {
			_, err := sim.ModifyEipAddressAttribute(ctx, eipsim.ModifyEipAddressAttributeRequest{RegionID: region, AllocationID: "eip-a", Name: "x"})
			return err
		},
		eipsim.ActionReleaseEipAddress: func() error { return release(sim, "eip-a") },
		eipsim.ActionDescribeHaVips: func() error {
			_, err := sim.DescribeHaVips(ctx, eipsim.DescribeHaVipsRequest{RegionID: region})
			return err
		},
	}
	for _, a := range []eipsim.Action{eipsim.ActionDescribeEipAddresses, eipsim.ActionModifyEipAddressAttribute, eipsim.ActionDescribeHaVips, eipsim.ActionReleaseEipAddress} {
		mustOK(t, sim.SetSystemBusy(a, 1))
		eipsimtest.RequireCode(t, calls[a](), eipsim.CodeOperationFailedSystemBusy)
		if err := calls[a](); err != nil {
			t.Fatalf("%s after the busy call: %v", a, err)
		}
	}
}

func TestSetSystemBusyIsAFaultRule(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	describe := func() error {
		_, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: region})
		return err
	}
	// An earlier injected rule wins; a later one comes after.
	inject(t, sim, "Action=DescribeEipAddresses Code=InternalError Times=1")
	mustOK(t, sim.SetSystemBusy(eipsim.ActionDescribeEipAddresses, 5))
	inject(t, sim, "Action=DescribeEipAddresses Code=ServiceUnavailable Times=1")
	eipsimtest.RequireCode(t, describe(), eipsim.CodeInternalError)
	eipsimtest.RequireCode(t, describe(), eipsim.CodeOperationFailedSystemBusy)
	// Setting it again replaces its own rule, not the injected ones.
	mustOK(t, sim.SetSystemBusy(eipsim.ActionDescribeEipAddresses, 1))
	if fs := sim.Faults(); len(fs) != 3 || fs[2].Fault.Code != eipsim.CodeOperationFailedSystemBusy || fs[2].Fault.Times != 1 {
		t.Fatalf("Faults() = %+v", fs)
	}
	eipsimtest.RequireCode(t, describe(), eipsim.CodeServiceUnavailable)
	eipsimtest.RequireCode(t, describe(), eipsim.CodeOperationFailedSystemBusy)
	mustOK(t, describe())
	// Cleared with the other rules; SetSystemBusy(0) afterwards is harmless.
	sim.ClearFaults()
	mustOK(t, sim.SetSystemBusy(eipsim.ActionDescribeEipAddresses, 0))
	if err := sim.SetSystemBusy("NoSuchAction", 1); err == nil {
		t.Fatal("unknown action accepted")
	}
	if err := sim.SetSystemBusy(eipsim.ActionDescribeEipAddresses, -1); err == nil {
		t.Fatal("negative count accepted")
	}
}
