package eipsim_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// The cycle allocates nothing but its four responses (records.go,
// strarena.go). An allocation count, not a time: it does not depend on the
// machine. The race detector allocates on its own, so it is skipped there.
func TestCycleAllocations(t *testing.T) {
	if raceDetector {
		t.Skip("the race detector allocates")
	}
	clk := eipsimtest.NewClock()
	sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithCooldown(0), eipsim.WithHistoryLimit(1000))
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-1"}); err != nil {
		t.Fatal(err)
	}
	for range 5000 { // fill the history to its limit, and the slabs, first
		cycle(t, sim, clk, "i-1")
	}
	got := testing.AllocsPerRun(5000, func() { cycle(t, sim, clk, "i-1") })
	if got > 4.2 {
		t.Errorf("%.2f allocations per cycle, want at most 4 (the responses) and the arenas' share", got)
	}
}

// Strings from the arenas stay what they were when handed out while later
// ones fill the same chunks and new ones: RequestIds keep their shape and
// are all different, AllocationIds and addresses match the EIPs.
func TestArenaStringsStay(t *testing.T) {
	sim, err := eipsim.New(eipsim.WithClock(eipsimtest.NewClock()), eipsim.WithEIPQuota(1000))
	if err != nil {
		t.Fatal(err)
	}
	type got struct{ rid, id, ip string }
	var all []got
	for range 500 { // several chunks of each arena
		a, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, got{a.RequestID, a.AllocationID, a.EipAddress})
	}
	ridShape := regexp.MustCompile(`^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$`)
	seen := map[string]bool{}
	eips := sim.EIPs()
	for i, g := range all {
		if !ridShape.MatchString(g.rid) || seen[g.rid] {
			t.Fatalf("call %d: RequestId %q malformed or repeated", i, g.rid)
		}
		seen[g.rid] = true
		if e := eips[i]; e.AllocationID != g.id || e.IPAddress != g.ip {
			t.Fatalf("call %d answered %s %s, the EIP is %s %s", i, g.id, g.ip, e.AllocationID, e.IPAddress)
		}
	}
}

// A reused binding carries nothing of its last EIP's: after an association
// with a private IP is undone, the next association (without one) shows
// its own instance and no private IP.
func TestReusedBindingIsFresh(t *testing.T) {
	clk := eipsimtest.NewClock()
	sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithCooldown(0))
	if err != nil {
		t.Fatal(err)
	}
	for i, ips := range [][]string{{"192.168.0.1", "192.168.0.2"}, nil} {
		if err := sim.AddInstance(eipsim.Instance{InstanceID: fmt.Sprintf("i-%d", i+1), PrivateIPAddresses: ips}); err != nil {
			t.Fatal(err)
		}
	}
	a1 := mustAllocate(t, sim)
	a2 := mustAllocate(t, sim)
	if _, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a1, InstanceID: "i-1", PrivateIPAddress: "192.168.0.2"}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(eipsim.DefaultAssociateDelay)
	if e, _ := sim.EIP(a1); e.PrivateIPAddress != "192.168.0.2" {
		t.Fatalf("first association shows private IP %q", e.PrivateIPAddress)
	}
	if _, err := sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: a1}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(eipsim.DefaultUnassociateDelay)
	if _, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: a2, InstanceID: "i-2"}); err != nil {
		t.Fatal(err)
	}
	e, _ := sim.EIP(a2)
	if e.InstanceID != "i-2" || e.PrivateIPAddress != "" || e.InstanceType != eipsim.InstanceTypeEcsInstance {
		t.Errorf("second association shows %s %s %q, want i-2 EcsInstance and no private IP", e.InstanceID, e.InstanceType, e.PrivateIPAddress)
	}
	if err := sim.CheckInvariants(); err != nil {
		t.Error(err)
	}
}

func mustAllocate(t *testing.T, sim *eipsim.Sim) string {
	t.Helper()
	a, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	if err != nil {
		t.Fatal(err)
	}
	return a.AllocationID
}
