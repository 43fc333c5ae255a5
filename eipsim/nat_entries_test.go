package eipsim_test

import (
	"reflect"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
)

// TestNatEntrySnapshots checks that SnatEntries and ForwardEntries give
// what the Describe actions list, as Pending entries turn Available, and
// that they are reads: no history, no journal entry (so no recording), no Version change.
func TestNatEntrySnapshots(t *testing.T) {
	journaled := 0 // journal entries: a read reports none
	sim, clk, eips := natWorld(t, 2, eipsim.WithJournal(func(eipsim.Entry) { journaled++ }))
	if got := sim.SnatEntries(); got != nil {
		t.Fatalf("SnatEntries before any: %+v", got)
	}
	snat(t, sim, eips[0].IPAddress, "10.0.0.0/24")
	clk.Advance(settleAll)
	snat(t, sim, eips[0].IPAddress, "10.0.1.0/24")
	dnat(t, sim, eips[1].IPAddress, "80", false)
	for _, phase := range []string{"pending", "settled"} {
		if phase == "settled" {
			clk.Advance(settleAll)
		}
		hist, ver, rec := len(sim.History()), sim.Version(), journaled
		gotS, gotF := sim.SnatEntries(), sim.ForwardEntries()
		if len(sim.History()) != hist || sim.Version() != ver || journaled != rec {
			t.Errorf("%s: the snapshots changed the history, Version or recording", phase)
		}
		if want := snatEntries(t, sim); !reflect.DeepEqual(gotS, want) || len(gotS) != 2 {
			t.Errorf("%s: SnatEntries\n%+v\nwant (DescribeSnatTableEntries)\n%+v", phase, gotS, want)
		}
		if want := dnatEntries(t, sim); !reflect.DeepEqual(gotF, want) || len(gotF) != 1 {
			t.Errorf("%s: ForwardEntries\n%+v\nwant (DescribeForwardTableEntries)\n%+v", phase, gotF, want)
		}
		wantStatus := eipsim.EntryPending
		if phase == "settled" {
			wantStatus = eipsim.EntryAvailable
		}
		if len(gotS) == 2 && (gotS[0].Status != eipsim.EntryAvailable || gotS[1].Status != wantStatus) {
			t.Errorf("%s: SNAT entries %s, %s; want Available, %s", phase, gotS[0].Status, gotS[1].Status, wantStatus)
		}
	}
}
