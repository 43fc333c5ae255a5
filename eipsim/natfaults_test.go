package eipsim_test

import (
	"math"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// Fault rules and delays on the NAT gateway, SNAT/DNAT and HaVip actions,
// and SetSystemBusy as a fault rule.

func snatStatus(t *testing.T, sim *eipsim.Sim, id string) string {
	t.Helper()
	for _, x := range snatEntries(t, sim) {
		if x.SnatEntryID == id {
			return x.Status
		}
	}
	return "gone"
}

func requireSnat(t *testing.T, sim *eipsim.Sim, id, want string) {
	t.Helper()
	if got := snatStatus(t, sim, id); got != want {
		t.Fatalf("SNAT entry %s is %s, want %s", id, got, want)
	}
}

func requireHaVip(t *testing.T, sim *eipsim.Sim, id, want string) {
	t.Helper()
	if got := haVipStatus(t, sim, id); got != want {
		t.Fatalf("HaVip %s is %s, want %s", id, got, want)
	}
}

// onlyTask returns the one pending task.
func onlyTask(t *testing.T, sim *eipsim.Sim) eipsim.Task {
	t.Helper()
	tasks := sim.Tasks()
	if len(tasks) != 1 {
		t.Fatalf("tasks %+v, want one", tasks)
	}
	return tasks[0]
}

// neverDue is the Due of a task held without a deadline.
var neverDue = time.Unix(0, math.MaxInt64).UTC()

func TestFaultLatencyCreateSnatEntry(t *testing.T) {
	sim, clk, eips := natWorld(t, 1)
	h := inject(t, sim, "Action=CreateSnatEntry Latency=5s Times=1")
	id := snat(t, sim, eips[0].IPAddress, "10.0.0.0/24")
	clk.Advance(eipsim.DefaultNATEntryDelay + 5*time.Second - time.Nanosecond)
	requireSnat(t, sim, id, eipsim.EntryPending)
	clk.Advance(time.Nanosecond)
	requireSnat(t, sim, id, eipsim.EntryAvailable)
	evs := faultEvents(sim)
	if len(evs) != 1 || evs[0].Cause != h.ID()+" Latency Latency=5s" || evs[0].Action != eipsim.ActionCreateSnatEntry || evs[0].ResourceID != "stb-t" {
		t.Fatalf("fault events %+v", evs)
	}
	// Times=1: the next entry takes the plain delay.
	id2 := snat(t, sim, eips[0].IPAddress, "10.0.1.0/24")
	clk.Advance(eipsim.DefaultNATEntryDelay)
	requireSnat(t, sim, id2, eipsim.EntryAvailable)
}

func TestFaultStuckCreateSnatEntry(t *testing.T) {
	sim, clk, eips := natWorld(t, 1)
	inject(t, sim, "Action=CreateSnatEntry Effect=Stuck Times=2")
	id := snat(t, sim, eips[0].IPAddress, "10.0.0.0/24")
	if task := onlyTask(t, sim); task.ResourceID != id || !task.Due.Equal(neverDue) {
		t.Fatalf("task %+v, want %s held", task, id)
	}
	clk.Advance(24 * time.Hour)
	requireSnat(t, sim, id, eipsim.EntryPending)
	// Still Pending: no second entry, no deletion.
	_, err := sim.CreateSnatEntry(ctx, eipsim.CreateSnatEntryRequest{RegionID: region, SnatTableID: "stb-t", SnatIP: eips[0].IPAddress, SourceCIDR: "10.0.1.0/24"})
	eipsimtest.RequireCode(t, err, eipsim.CodeIncorretSnatEntryStatus)
	if n := sim.ReleaseStuck("ftb-t"); n != 0 {
		t.Fatalf("released %d on another resource", n)
	}
	// Released by the entry's ID; long overdue, so it applies at once.
	if n := sim.ReleaseStuck(id); n != 1 {
		t.Fatalf("released %d", n)
	}
	requireSnat(t, sim, id, eipsim.EntryAvailable)

	// Released by the table the call named, before its normal due time: it
	// applies at that due time.
	id2 := snat(t, sim, eips[0].IPAddress, "10.0.1.0/24")
	clk.Advance(time.Second)
	if n := sim.ReleaseStuck("stb-t"); n != 1 {
		t.Fatalf("released %d by table", n)
	}
	requireSnat(t, sim, id2, eipsim.EntryPending)
	clk.Advance(eipsim.DefaultNATEntryDelay - time.Second)
	requireSnat(t, sim, id2, eipsim.EntryAvailable)
	if n := sim.ReleaseStuck(""); n != 0 {
		t.Fatalf("released %d after both applied", n)
	}
}

func TestFaultStuckDeadlineCreateSnatEntry(t *testing.T) {
	sim, clk, eips := natWorld(t, 1)
	h := inject(t, sim, "Action=CreateSnatEntry ResourceId=stb-t Effect=Stuck Deadline=1m")
	start := clk.Now()
	id := snat(t, sim, eips[0].IPAddress, "10.0.0.0/24")
	if task := onlyTask(t, sim); !task.Due.Equal(start.Add(time.Minute)) {
		t.Fatalf("task %+v, want due at the deadline", task)
	}
	clk.Advance(time.Minute - time.Nanosecond)
	requireSnat(t, sim, id, eipsim.EntryPending)
	clk.Advance(time.Nanosecond)
	requireSnat(t, sim, id, eipsim.EntryAvailable)
	if evs := faultEvents(sim); len(evs) != 1 || evs[0].Cause != h.ID()+" Stuck Deadline=1m0s" {
		t.Fatalf("fault events %+v", evs)
	}
	// Released before the deadline: back to the normal due time.
	id2 := snat(t, sim, eips[0].IPAddress, "10.0.1.0/24")
	clk.Advance(10 * time.Second)
	if n := sim.ReleaseStuck(id2); n != 1 {
		t.Fatalf("released %d", n)
	}
	requireSnat(t, sim, id2, eipsim.EntryAvailable)
}

// haVipWorld is an Available HaVip havip-t and an ECS instance i-a in its VPC.
func haVipWorld(t *testing.T, opts ...eipsim.Option) (*eipsim.Sim, *eipsimtest.Clock) {
	t.Helper()
	sim, clk := eipsimtest.New(t, opts...)
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-a"}))
	mustOK(t, sim.AddHaVip(eipsim.HaVip{HaVipID: "havip-t"}))
	return sim, clk
}

func associateHaVip(sim *eipsim.Sim) error {
	_, err := sim.AssociateHaVip(ctx, eipsim.AssociateHaVipRequest{RegionID: region, HaVipID: "havip-t", InstanceID: "i-a"})
	return err
}

func TestFaultLatencyAssociateHaVip(t *testing.T) {
	sim, clk := haVipWorld(t)
	h := inject(t, sim, "Action=AssociateHaVip ResourceId=havip-t Latency=30s")
	mustOK(t, associateHaVip(sim))
	clk.Advance(eipsim.DefaultHaVipDelay + 30*time.Second - time.Nanosecond)
	requireHaVip(t, sim, "havip-t", eipsim.HaVipAssociating)
	clk.Advance(time.Nanosecond)
	requireHaVip(t, sim, "havip-t", eipsim.HaVipInUse)
	evs := faultEvents(sim)
	if len(evs) != 1 || evs[0].Cause != h.ID()+" Latency Latency=30s" || evs[0].ResourceID != "havip-t" {
		t.Fatalf("fault events %+v", evs)
	}
}

func TestFaultStuckAssociateHaVip(t *testing.T) {
	sim, clk := haVipWorld(t)
	inject(t, sim, "Action=AssociateHaVip Effect=Stuck Times=1")
	mustOK(t, associateHaVip(sim))
	if task := onlyTask(t, sim); task.ResourceID != "havip-t" || !task.Due.Equal(neverDue) {
		t.Fatalf("task %+v, want havip-t held", task)
	}
	clk.Advance(24 * time.Hour)
	requireHaVip(t, sim, "havip-t", eipsim.HaVipAssociating)
	// Still Associating: an EIP cannot be bound.
	e := allocNAT(t, sim, false)
	eipsimtest.RequireCode(t, assocHaVipEIP(sim, e.AllocationID, "havip-t"), eipsim.CodeIncorrectHaVipStatus)
	if n := sim.ReleaseStuck(e.AllocationID); n != 0 {
		t.Fatalf("released %d on another resource", n)
	}
	if n := sim.ReleaseStuck("havip-t"); n != 1 {
		t.Fatalf("released %d", n)
	}
	requireHaVip(t, sim, "havip-t", eipsim.HaVipInUse)
}

func TestFaultStuckDeadlineAssociateHaVip(t *testing.T) {
	sim, clk := haVipWorld(t)
	inject(t, sim, "Action=AssociateHaVip Effect=Stuck Deadline=2m")
	start := clk.Now()
	mustOK(t, associateHaVip(sim))
	if task := onlyTask(t, sim); !task.Due.Equal(start.Add(2 * time.Minute)) {
		t.Fatalf("task %+v, want due at the deadline", task)
	}
	clk.Advance(2*time.Minute - time.Nanosecond)
	requireHaVip(t, sim, "havip-t", eipsim.HaVipAssociating)
	clk.Advance(time.Nanosecond)
	requireHaVip(t, sim, "havip-t", eipsim.HaVipInUse)
	if n := sim.ReleaseStuck(""); n != 0 {
		t.Fatalf("released %d after the deadline", n)
	}
}

func TestTaskDelayOnNATActions(t *testing.T) {
	// WithTaskDelay sets one Action; the group shorthand given before it is
	// overridden for that Action only.
	sim, clk, eips := natWorld(t, 1, eipsim.WithNATEntryDelay(4*time.Second), eipsim.WithTaskDelay(eipsim.ActionDeleteSnatEntry, 30*time.Second))
	id := snat(t, sim, eips[0].IPAddress, "10.0.0.0/24")
	clk.Advance(4*time.Second - time.Nanosecond)
	requireSnat(t, sim, id, eipsim.EntryPending)
	clk.Advance(time.Nanosecond)
	requireSnat(t, sim, id, eipsim.EntryAvailable)
	_, err := sim.DeleteSnatEntry(ctx, eipsim.DeleteSnatEntryRequest{RegionID: region, SnatTableID: "stb-t", SnatEntryID: id})
	mustOK(t, err)
	clk.Advance(30*time.Second - time.Nanosecond)
	requireSnat(t, sim, id, eipsim.EntryDeleting)
	clk.Advance(time.Nanosecond)
	requireSnat(t, sim, id, "gone")

	// An entry deleted as a consequence (a forced unassociation) takes the
	// DeleteSnatEntry delay, and DeleteSnatEntry's fault rules do not act on it.
	inject(t, sim, "Action=DeleteSnatEntry Effect=Stuck")
	id = snat(t, sim, eips[0].IPAddress, "10.0.0.0/24")
	clk.Advance(4 * time.Second)
	mustOK(t, natUnassoc(sim, eips[0].AllocationID, true))
	requireSnat(t, sim, id, eipsim.EntryDeleting)
	clk.Advance(30*time.Second - time.Nanosecond)
	requireSnat(t, sim, id, eipsim.EntryDeleting)
	clk.Advance(time.Nanosecond)
	requireSnat(t, sim, id, "gone")
	if evs := faultEvents(sim); len(evs) != 0 {
		t.Fatalf("fault events %+v", evs)
	}

	// The later option wins: WithNATGatewayDelay after WithTaskDelay.
	sim, clk = eipsimtest.New(t, eipsim.WithTaskDelay(eipsim.ActionCreateNatGateway, time.Minute), eipsim.WithNATGatewayDelay(5*time.Second),
		eipsim.WithTaskDelay(eipsim.ActionCreateHaVip, 0))
	mustOK(t, sim.AddVPC(eipsim.VPC{VpcID: "vpc-a"}))
	g, err := sim.CreateNatGateway(ctx, eipsim.CreateNatGatewayRequest{RegionID: region, VpcID: "vpc-a"})
	mustOK(t, err)
	hv, err := sim.CreateHaVip(ctx, eipsim.CreateHaVipRequest{RegionID: region, VSwitchID: "vsw-a"})
	mustOK(t, err)
	requireHaVip(t, sim, hv.HaVipID, eipsim.HaVipAvailable) // zero: on the next call
	clk.Advance(5*time.Second - time.Nanosecond)
	if st := sim.NatGateways()[0].Status; st != eipsim.NatGatewayCreating || sim.NatGateways()[0].NatGatewayID != g.NatGatewayID {
		t.Fatalf("gateway %s", st)
	}
	clk.Advance(time.Nanosecond)
	if st := sim.NatGateways()[0].Status; st != eipsim.NatGatewayAvailable {
		t.Fatalf("gateway %s after 5s", st)
	}
}

func TestAsyncRulesAndDelaysRejectedOnSyncActions(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	for _, f := range []eipsim.Fault{
		{Action: eipsim.ActionDescribeHaVips, Latency: time.Second},
		{Action: eipsim.ActionDescribeNatGateways, Effect: eipsim.FaultStuck},
	} {
		if _, err := sim.InjectFault(f); err == nil {
			t.Errorf("accepted %v", f)
		}
	}
	for _, a := range []eipsim.Action{eipsim.ActionDescribeSnatTableEntries, eipsim.ActionAllocateEipAddress} {
		if _, err := eipsim.New(eipsim.WithTaskDelay(a, time.Second)); err == nil {
			t.Errorf("WithTaskDelay(%s) accepted", a)
		}
	}
	// Every asynchronous action takes both.
	for _, a := range []eipsim.Action{
		eipsim.ActionCreateNatGateway, eipsim.ActionDeleteNatGateway,
		eipsim.ActionCreateSnatEntry, eipsim.ActionDeleteSnatEntry, eipsim.ActionCreateForwardEntry, eipsim.ActionDeleteForwardEntry,
		eipsim.ActionCreateHaVip, eipsim.ActionDeleteHaVip, eipsim.ActionAssociateHaVip, eipsim.ActionUnassociateHaVip,
	} {
		if _, err := sim.InjectFault(eipsim.Fault{Action: a, Effect: eipsim.FaultStuck}); err != nil {
			t.Errorf("Stuck on %s: %v", a, err)
		}
		if _, err := eipsim.New(eipsim.WithTaskDelay(a, time.Second)); err != nil {
			t.Errorf("WithTaskDelay(%s): %v", a, err)
		}
	}
}

func TestFaultApplyThenFailOnNATActions(t *testing.T) {
	sim, clk, eips := natWorld(t, 1)
	inject(t, sim, "Action=CreateSnatEntry Effect=ApplyThenFail Code=ServiceUnavailable Times=1")
	req := eipsim.CreateSnatEntryRequest{RegionID: region, SnatTableID: "stb-t", SnatIP: eips[0].IPAddress, SourceCIDR: "10.0.0.0/24", ClientToken: "tok-1"}
	_, err := sim.CreateSnatEntry(ctx, req)
	wantErr(t, err, eipsim.CodeServiceUnavailable, 503, "The request has failed due to a temporary failure of the server.")
	// The entry was made; the retry with the token replays the success.
	entries := snatEntries(t, sim)
	if len(entries) != 1 || entries[0].Status != eipsim.EntryPending {
		t.Fatalf("entries %+v after the lost response", entries)
	}
	r, err := sim.CreateSnatEntry(ctx, req)
	mustOK(t, err)
	if r.SnatEntryID != entries[0].SnatEntryID {
		t.Fatalf("retry made %s, the first call %s", r.SnatEntryID, entries[0].SnatEntryID)
	}
	clk.Advance(eipsim.DefaultNATEntryDelay)
	requireSnat(t, sim, r.SnatEntryID, eipsim.EntryAvailable)

	sim, _ = haVipWorld(t)
	inject(t, sim, "Action=AssociateHaVip Effect=ApplyThenFail")
	eipsimtest.RequireCode(t, associateHaVip(sim), eipsim.CodeInternalError)
	requireHaVip(t, sim, "havip-t", eipsim.HaVipAssociating)
}
