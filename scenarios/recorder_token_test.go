package scenarios

import (
	"context"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/simclock"
)

// TestRecordTokenLimit: the recorder writes WithClientTokenLimit as
// new-sim token-limit=N, and the replay evicts the same tokens (the third
// token forgets the first, whose retry allocates a new EIP).
func TestRecordTokenLimit(t *testing.T) {
	rec := NewRecorder()
	sim, err := eipsim.New(eipsim.WithClock(simclock.New()), rec.Option(), eipsim.WithClientTokenLimit(2))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tok := range []string{"t1", "t2", "t3", "t1"} {
		if _, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou", ClientToken: tok}); err != nil {
			t.Fatal(err)
		}
	}
	if len(sim.EIPs()) != 4 {
		t.Fatalf("%d EIPs, want 4 (t1 forgotten at the limit of 2)", len(sim.EIPs()))
	}
	src := rec.Bytes()
	if !strings.Contains(string(src), " token-limit=2") {
		t.Fatalf("the recording does not set token-limit=2:\n%s", src)
	}
	requireReplays(t, "token-limit.txt", src)
}
