package eipsim_test

import (
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// TestClientTokenLimit: at the limit the oldest token is forgotten first;
// newer ones still replay. Without a count limit every token lived its TTL.
func TestClientTokenLimit(t *testing.T) {
	sim, _ := eipsimtest.New(t, eipsim.WithClientTokenLimit(2), eipsim.WithEIPQuota(100))
	allocate := func(token string) string {
		t.Helper()
		r, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, ClientToken: token})
		mustOK(t, err)
		return r.AllocationID
	}
	first := map[string]string{}
	for _, tok := range []string{"t1", "t2", "t3"} {
		first[tok] = allocate(tok)
	}
	for _, tok := range []string{"t2", "t3"} {
		if got := allocate(tok); got != first[tok] {
			t.Errorf("%s: replay gave %s, want %s", tok, got, first[tok])
		}
	}
	if got := allocate("t1"); got == first["t1"] {
		t.Errorf("t1 still remembered beyond the limit of 2")
	}
	if _, err := eipsim.New(eipsim.WithClientTokenLimit(0)); err == nil {
		t.Error("limit 0 accepted")
	}
}
