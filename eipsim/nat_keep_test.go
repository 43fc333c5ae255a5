package eipsim_test

import (
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// TestNATKeepEntriesPoolRevivesWhole is the regression test of issue 12:
// with NATForceKeepEntries, an SNAT IP-pool entry whose addresses were all
// detached by forced unassociations comes back to life only when the
// gateway holds every address it names again, not when the first one is
// bound (which left it naming an unbound address: CheckInvariants failed).
// scenarios/library/nat_force_keep_entries_pool.txt is the same case.
func TestNATKeepEntriesPoolRevivesWhole(t *testing.T) {
	sim, clk, eips := natWorld(t, 2, eipsim.WithNATForceMode(eipsim.NATForceKeepEntries))
	a, b := eips[0], eips[1]
	snat(t, sim, a.IPAddress+","+b.IPAddress, "10.0.1.0/24")
	clk.Advance(settleAll)
	mustOK(t, natUnassoc(sim, a.AllocationID, true))
	mustOK(t, natUnassoc(sim, b.AllocationID, true))
	clk.Advance(settleAll)
	eipsimtest.RequireInvariants(t, sim)

	// One address back: the entry still names the other, so it stays
	// orphaned and the invariants hold.
	bind(t, sim, clk, a.AllocationID, "ngw-t", eipsim.InstanceTypeNat)
	eipsimtest.RequireInvariants(t, sim)

	// Both back: the entry is live, so a plain unassociation is refused.
	bind(t, sim, clk, b.AllocationID, "ngw-t", eipsim.InstanceTypeNat)
	eipsimtest.RequireInvariants(t, sim)
	eipsimtest.RequireCode(t, natUnassoc(sim, b.AllocationID, false), eipsim.CodeDependencyViolationSnatEntry)
	if got := snatEntries(t, sim); len(got) != 1 || got[0].Status != eipsim.EntryAvailable {
		t.Fatalf("SNAT entries after both addresses came back: %+v, want one Available", got)
	}
}
