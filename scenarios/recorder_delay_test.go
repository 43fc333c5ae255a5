package scenarios

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/simclock"
)

// TestRecordTaskDelays checks that per-Action delays that no group
// shorthand expresses are recorded as task-delay and replay to the same
// transitions.
func TestRecordTaskDelays(t *testing.T) {
	clk := simclock.New()
	rec := NewRecorder()
	sim, err := eipsim.New(eipsim.WithClock(clk), rec.Option(), eipsim.WithAllocationIDs("eip-0001"),
		eipsim.WithHaVipDelay(4*time.Second),
		eipsim.WithTaskDelay(eipsim.ActionCreateSnatEntry, 5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := sim.AddNatGateway(eipsim.NatGateway{NatGatewayID: "ngw-1"}); err != nil {
		t.Fatal(err)
	}
	a, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a.AllocationID, InstanceID: "ngw-1", InstanceType: eipsim.InstanceTypeNat}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(3 * time.Second)
	if _, err := sim.CreateSnatEntry(ctx, eipsim.CreateSnatEntryRequest{RegionID: "cn-hangzhou", SnatTableID: "stb-1", SnatIP: a.EipAddress, SourceCIDR: "10.0.0.0/24"}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(5 * time.Second)
	src := rec.Bytes()
	want := "havip-delay=4s task-delay=CreateSnatEntry:5s"
	if !strings.Contains(string(src), want) {
		t.Fatalf("the recording lacks %q:\n%s", want, src)
	}
	requireReplays(t, "delays.txt", src)
}
