package eipsim_test

import (
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// TestClockPast2262: an owner's clock beyond what Unix nanoseconds hold is
// read saturated: the first Associate is not refused by a wrapped cooldown
// (it used to be TaskConflict).
func TestClockPast2262(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	id := alloc(t, sim, hz)
	clk.Advance(2100000 * time.Hour) // about the year 2265
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "i-1", Status: eipsim.InstanceRunning}))
	mustOK(t, associate(sim, id, "i-1"))
}

// TestDurationLimits: every duration option and fault duration is bounded
// by MaxDelay.
func TestDurationLimits(t *testing.T) {
	huge := 2562047 * time.Hour
	for name, opt := range map[string]eipsim.Option{
		"cooldown":  eipsim.WithCooldown(huge),
		"delay":     eipsim.WithTaskDelay(eipsim.ActionAssociateEipAddress, huge),
		"token TTL": eipsim.WithClientTokenTTL(huge),
		"nat entry": eipsim.WithNATEntryDelay(huge),
		"nat gw":    eipsim.WithNATGatewayDelay(huge),
		"havip":     eipsim.WithHaVipDelay(huge),
	} {
		if _, err := eipsim.New(opt); err == nil || !strings.Contains(err.Error(), "longer than the limit") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	if _, err := eipsim.New(eipsim.WithCooldown(eipsim.MaxDelay)); err != nil {
		t.Errorf("MaxDelay refused: %v", err)
	}
	sim, _ := eipsimtest.New(t)
	if _, err := sim.InjectFault(eipsim.Fault{Action: eipsim.ActionAssociateEipAddress, Latency: huge}); err == nil || !strings.Contains(err.Error(), "longer than the limit") {
		t.Errorf("fault Latency: err = %v", err)
	}
}

// TestPinnedIDsOfOtherKinds: a pinned AllocationId cannot take another
// resource kind's ID (it used to, and check said ok).
func TestPinnedIDsOfOtherKinds(t *testing.T) {
	if _, err := eipsim.New(eipsim.WithAllocationIDs("eip-0001", "ngw-0001")); err == nil || !strings.Contains(err.Error(), `"ngw-0001" has the prefix "ngw-"`) {
		t.Fatalf("err = %v", err)
	}
	// An ID without a kind's prefix is skipped when another resource has it,
	// and another resource cannot take an EIP's ID.
	sim, _ := eipsimtest.New(t, eipsim.WithAllocationIDs("x-1", "x-2"))
	mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: "x-1", Status: eipsim.InstanceRunning}))
	if id := alloc(t, sim, hz); id != "x-2" {
		t.Fatalf("allocated %s, want x-2 (x-1 is an instance)", id)
	}
	if err := sim.AddNatGateway(eipsim.NatGateway{NatGatewayID: "x-2"}); err == nil {
		t.Fatal("a NAT gateway took an EIP's ID")
	}
}
