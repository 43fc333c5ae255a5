package eipsim_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// TestLocksRefuseWrites: each lock refuses every write with its code; a
// security lock is reported before a financial one; queries still work and
// the EIP keeps its Status.
func TestLocksRefuseWrites(t *testing.T) {
	const (
		bizMsg = "The EIP has been locked."
		finMsg = "The ip business status is invalid."
	)
	for _, tt := range []struct {
		reasons []eipsim.LockReason
		code    eipsim.Code
		msg     string
	}{
		{[]eipsim.LockReason{eipsim.LockFinancial}, eipsim.CodeForbiddenFinancialLocked, finMsg},
		{[]eipsim.LockReason{eipsim.LockSecurity}, eipsim.CodeInvalidEIPStatusBizDisabled, bizMsg},
		{[]eipsim.LockReason{eipsim.LockFinancial, eipsim.LockSecurity}, eipsim.CodeInvalidEIPStatusBizDisabled, bizMsg},
	} {
		t.Run(string(tt.code), func(t *testing.T) {
			sim, clk := eipsimtest.New(t)
			mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-2"}))
			avail := alloc(t, sim, hz)
			used := inUse(t, sim, clk, "i-1")
			for _, id := range []string{avail, used} {
				for _, r := range tt.reasons {
					mustOK(t, sim.Lock(id, r))
				}
			}
			wantErr(t, associate(sim, avail, "i-2"), tt.code, 400, tt.msg)
			wantErr(t, release(sim, avail), tt.code, 400, tt.msg)
			wantErr(t, unassociate(sim, used), tt.code, 400, tt.msg)
			_, err := sim.ModifyEipAddressAttribute(ctx, eipsim.ModifyEipAddressAttributeRequest{AllocationID: used, Name: "x"})
			wantErr(t, err, tt.code, 400, tt.msg)

			e := eipsimtest.MustEIP(t, sim, used)
			wantBiz := "Normal"
			if slices.Contains(tt.reasons, eipsim.LockFinancial) {
				wantBiz = "FinancialLocked"
			}
			if e.Status != eipsim.StatusInUse || e.BusinessStatus != wantBiz || len(e.LockReasons) != len(tt.reasons) {
				t.Fatalf("locked EIP shows %s / %s / %v", e.Status, e.BusinessStatus, e.LockReasons)
			}
			for _, r := range tt.reasons {
				if !slices.Contains(e.LockReasons, r) {
					t.Fatalf("LockReasons %v lack %s", e.LockReasons, r)
				}
				d := describe(t, sim, eipsim.DescribeEipAddressesRequest{LockReason: r})
				if d.TotalCount != 2 {
					t.Fatalf("LockReason=%s finds %d, want 2", r, d.TotalCount)
				}
			}
			for _, r := range tt.reasons {
				mustOK(t, sim.Unlock(used, r))
				mustOK(t, sim.Unlock(avail, r))
			}
			e = eipsimtest.MustEIP(t, sim, used)
			if e.BusinessStatus != "Normal" || len(e.LockReasons) != 0 {
				t.Fatalf("unlocked EIP shows %s / %v", e.BusinessStatus, e.LockReasons)
			}
			mustOK(t, unassociate(sim, used))
			mustOK(t, associate(sim, avail, "i-2"))
		})
	}
}

// TestLockDuringTask: a lock does not stop a task already running.
func TestLockDuringTask(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	a := alloc(t, sim, hz)
	eipsimtest.MustAssociate(t, sim, a, "i-1")
	mustOK(t, sim.Lock(a, eipsim.LockSecurity))
	clk.Advance(eipsim.DefaultAssociateDelay)
	eipsimtest.RequireStatus(t, sim, a, eipsim.StatusInUse)
}

func TestLockSetupErrors(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	a := alloc(t, sim, hz)
	mustOK(t, sim.Lock(a, eipsim.LockFinancial))
	for _, tt := range []struct {
		err  error
		want string
	}{
		{sim.Lock(a, eipsim.LockFinancial), "eipsim: Lock: " + a + ": event financial_lock not allowed while FinancialLocked"},
		{sim.Unlock(a, eipsim.LockSecurity), "eipsim: Unlock: " + a + ": event security_unlock not allowed while Unlocked"},
		{sim.Lock(a, "legal"), `eipsim: Lock: unknown lock reason "legal" (want financial or security)`},
		{sim.Lock("eip-nope", eipsim.LockSecurity), "eipsim: Lock: no EIP eip-nope"},
		{sim.Unlock("eip-nope", eipsim.LockSecurity), "eipsim: Unlock: no EIP eip-nope"},
		{sim.SetDeletionProtection("eip-nope", true), "eipsim: SetDeletionProtection: no EIP eip-nope"},
	} {
		if tt.err == nil || tt.err.Error() != tt.want {
			t.Errorf("got %v, want %q", tt.err, tt.want)
		}
	}
	h := sim.History()
	var locks int
	for _, e := range h {
		if e.Kind == eipsim.EventKindTransition && strings.HasPrefix(e.Cause, "Lock") {
			locks++
		}
	}
	if locks != 1 {
		t.Fatalf("%d lock transitions in the history, want 1", locks)
	}
}
