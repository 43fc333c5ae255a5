package eipsim_test

import (
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

const msgMismatch = "Request uses a client token in a previous request but is not identical to that request."

func TestClientTokenAllocate(t *testing.T) {
	sim, clk := eipsimtest.New(t, eipsim.WithClientTokenTTL(time.Hour))
	r := eipsim.AllocateEipAddressRequest{RegionID: hz, ClientToken: "tok-1"}
	first, err := sim.AllocateEipAddress(ctx, r)
	mustOK(t, err)
	// Same token and parameters (defaults spelled out count as the same): same answer, no new EIP.
	r.Bandwidth = "5"
	again, err := sim.AllocateEipAddress(ctx, r)
	mustOK(t, err)
	if *again != *first || len(sim.EIPs()) != 1 {
		t.Fatalf("replay gave %+v, first %+v; %d EIPs", again, first, len(sim.EIPs()))
	}
	// Other parameters with the same token.
	r.Bandwidth = "6"
	_, err = sim.AllocateEipAddress(ctx, r)
	wantErr(t, err, eipsim.CodeIdempotentParameterMismatch, 400, msgMismatch)
	// Tokens are per account and per action.
	o, err := sim.AllocateEipAddress(eipsim.WithAccount(ctx, "other"), eipsim.AllocateEipAddressRequest{RegionID: hz, ClientToken: "tok-1"})
	mustOK(t, err)
	if o.AllocationID == first.AllocationID {
		t.Fatal("another account's token replayed mine")
	}
	// Expiry: remembered until just before the TTL, forgotten at it.
	clk.Advance(time.Hour - time.Nanosecond)
	again, err = sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, ClientToken: "tok-1"})
	mustOK(t, err)
	if again.AllocationID != first.AllocationID {
		t.Fatal("token forgotten before its TTL")
	}
	clk.Advance(time.Nanosecond)
	fresh, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, ClientToken: "tok-1", Bandwidth: "6"})
	mustOK(t, err)
	if fresh.AllocationID == first.AllocationID || fresh.RequestID == first.RequestID {
		t.Fatal("token remembered past its TTL")
	}
}

func TestClientTokenAssociate(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}))
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-2"}))
	a := alloc(t, sim, hz)
	r := eipsim.AssociateEipAddressRequest{AllocationID: a, InstanceID: "i-1", ClientToken: "t"}
	first, err := sim.AssociateEipAddress(ctx, r)
	mustOK(t, err)
	histLen := len(sim.History())
	tasks := sim.Tasks()
	// A retry within the cooldown and while Associating is answered from the token, not refused.
	again, err := sim.AssociateEipAddress(ctx, r)
	mustOK(t, err)
	if again.RequestID != first.RequestID {
		t.Fatalf("replay RequestID %s, want %s", again.RequestID, first.RequestID)
	}
	if got := sim.Tasks(); len(got) != len(tasks) || got[0] != tasks[0] {
		t.Fatalf("replay changed the tasks: %v -> %v", tasks, got)
	}
	if n := len(sim.History()); n > histLen+1 {
		t.Fatalf("replay added %d history events, want at most 1 (the call)", n-histLen)
	}
	r.InstanceID = "i-2"
	_, err = sim.AssociateEipAddress(ctx, r)
	wantErr(t, err, eipsim.CodeIdempotentParameterMismatch, 400, msgMismatch)
	clk.Advance(eipsim.DefaultAssociateDelay)
	eipsimtest.RequireStatus(t, sim, a, eipsim.StatusInUse)

	u := eipsim.UnassociateEipAddressRequest{AllocationID: a, ClientToken: "t"} // same token, other action
	uf, err := sim.UnassociateEipAddress(ctx, u)
	mustOK(t, err)
	ua, err := sim.UnassociateEipAddress(ctx, u)
	mustOK(t, err)
	if ua.RequestID != uf.RequestID {
		t.Fatal("unassociate replay gave another RequestId")
	}
	u.Force = true
	_, err = sim.UnassociateEipAddress(ctx, u)
	eipsimtest.RequireCode(t, err, eipsim.CodeIdempotentParameterMismatch)
}

func TestClientTokenFailuresNotRemembered(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	a := alloc(t, sim, hz)
	r := eipsim.AssociateEipAddressRequest{AllocationID: a, InstanceID: "i-1", ClientToken: "t"}
	eipsimtest.RequireCode(t, func() error { _, err := sim.AssociateEipAddress(ctx, r); return err }(), eipsim.CodeInvalidInstanIDNotFound)
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}))
	_, err := sim.AssociateEipAddress(ctx, r)
	mustOK(t, err)
}

func TestNoTokenNoDedup(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	r := eipsim.AllocateEipAddressRequest{RegionID: hz}
	x, err := sim.AllocateEipAddress(ctx, r)
	mustOK(t, err)
	y, err := sim.AllocateEipAddress(ctx, r)
	mustOK(t, err)
	if x.AllocationID == y.AllocationID || x.RequestID == y.RequestID || len(sim.EIPs()) != 2 {
		t.Fatal("calls without a token were deduplicated")
	}
}
