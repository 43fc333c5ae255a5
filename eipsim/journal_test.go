package eipsim_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/simclock"
)

// TestJournal checks the entries of a short session: their kinds, order
// and typed payloads.
func TestJournal(t *testing.T) {
	clk := simclock.New()
	var got []eipsim.Entry
	sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithSeed(9), eipsim.WithJournal(func(e eipsim.Entry) { got = append(got, e) }))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}); err != nil {
		t.Fatal(err)
	}
	a, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a.AllocationID, InstanceID: "i-1"}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Minute)
	sim.NewRequestID()
	_, err = sim.ReleaseEipAddress(eipsim.WithAccount(ctx, "acct-2"), eipsim.ReleaseEipAddressRequest{AllocationID: a.AllocationID})
	if n := sim.ReleaseStuck(""); n != 0 {
		t.Fatalf("ReleaseStuck = %d", n)
	}

	want := []eipsim.EntryKind{eipsim.EntryNew, eipsim.EntrySetup, eipsim.EntryAction, eipsim.EntryAction,
		eipsim.EntrySkip, eipsim.EntryAdvance, eipsim.EntryAccount, eipsim.EntryAction, eipsim.EntrySetup}
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d: %+v", len(got), len(want), got)
	}
	for i, k := range want {
		if got[i].Kind != k {
			t.Errorf("entry %d is kind %d, want %d", i, got[i].Kind, k)
		}
	}
	if s := got[0].Settings; s == nil || s.Seed != 9 || !s.Start.Equal(simclock.Epoch) {
		t.Errorf("EntryNew settings %+v", s)
	}
	if got[1].Method != "AddInstance" || got[1].Args[0].(eipsim.Instance).InstanceID != "i-1" || got[1].Err != nil {
		t.Errorf("setup entry %+v", got[1])
	}
	if r, ok := got[2].Response.(*eipsim.AllocateEipAddressResponse); !ok || r.AllocationID != a.AllocationID ||
		got[2].Request.(eipsim.AllocateEipAddressRequest).RegionID != "cn-hangzhou" {
		t.Errorf("action entry %+v", got[2])
	}
	if got[4].N != 1 {
		t.Errorf("skip entry N = %d, want 1", got[4].N)
	}
	if adv := got[5]; adv.Time.Sub(adv.From) != time.Minute || len(adv.Events) == 0 {
		t.Errorf("advance entry %+v, want a minute with the association's transition", adv)
	}
	if got[6].Account != "acct-2" {
		t.Errorf("account entry %+v", got[6])
	}
	if e := got[7]; e.Err != err || e.Err == nil || e.Response != nil {
		t.Errorf("refused action entry %+v, want the call's error %v", e, err)
	}
	if e := got[8]; e.Method != "ReleaseStuck" || e.Result != 0 {
		t.Errorf("ReleaseStuck entry %+v", e)
	}
}

// TestJournalNotNested checks that an Action called through Sim.Call is
// journaled once, as the Action, not once more by its typed method.
func TestJournalNotNested(t *testing.T) {
	n := 0
	sim, err := eipsim.New(eipsim.WithClock(simclock.New()), eipsim.WithJournal(func(e eipsim.Entry) {
		if e.Kind == eipsim.EntryAction {
			n++
		}
	}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.Call(context.Background(), eipsim.ActionAllocateEipAddress, eipsim.Params{"RegionId": "cn-hangzhou"}); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("%d action entries, want 1", n)
	}
}

// ExampleWithJournal prints what a Sim's journal reports.
func ExampleWithJournal() {
	clk := simclock.New()
	sim, _ := eipsim.New(eipsim.WithClock(clk), eipsim.WithAllocationIDs("eip-0001"), eipsim.WithJournal(func(e eipsim.Entry) {
		switch e.Kind {
		case eipsim.EntrySetup:
			fmt.Println("setup", e.Method, len(e.Args), "args")
		case eipsim.EntryAction:
			fmt.Printf("action %s err=%v\n", e.Action, e.Err)
		case eipsim.EntryAdvance:
			fmt.Println("advance", e.Time.Sub(e.From), len(e.Events), "events")
		}
	}))
	ctx := context.Background()
	_ = sim.AddInstance(eipsim.Instance{InstanceID: "i-1"})
	a, _ := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	_, _ = sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a.AllocationID, InstanceID: "i-1"})
	clk.Advance(5 * time.Second)
	_ = sim.CheckInvariants()
	// Output:
	// setup AddInstance 1 args
	// action AllocateEipAddress err=<nil>
	// action AssociateEipAddress err=<nil>
	// advance 5s 1 events
	// setup CheckInvariants 0 args
}
