package eipsim_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// TestDescribeIndexMatchesScan compares every page of DescribeEipAddresses,
// through each of its index paths (whole group, by Status, by address, and
// the residual scan), with the page cut from the Sim's full allocation-order
// list, in a world where EIPs move between statuses and some are released.
func TestDescribeIndexMatchesScan(t *testing.T) {
	sim, clk := eipsimtest.New(t, eipsim.WithEIPQuota(200), eipsim.WithCooldown(0))
	var all []string
	for i := range 90 {
		all = append(all, alloc(t, sim, hz))
		if i%9 == 0 {
			alloc(t, sim, sh) // another region, never listed
		}
	}
	for i := range 20 {
		mustOK(t, sim.AddInstance(eipsim.Instance{InstanceID: fmt.Sprintf("i-%d", i), RegionID: hz}))
		mustOK(t, associate(sim, all[3*i], fmt.Sprintf("i-%d", i)))
		if i == 10 {
			clk.Advance(eipsim.DefaultAssociateDelay) // the first ten go InUse
		}
	}
	for i := 61; i < 90; i += 4 {
		_, err := sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: all[i]})
		mustOK(t, err)
	}
	mustOK(t, sim.CheckInvariants())

	var live []eipsim.EIP
	for _, e := range sim.EIPs() {
		if e.RegionID == hz {
			live = append(live, e)
		}
	}
	statuses := []eipsim.Status{"", eipsim.StatusAvailable, eipsim.StatusAssociating, eipsim.StatusInUse, eipsim.StatusReleasing}
	seen := map[eipsim.Status]bool{}
	for _, st := range statuses {
		var want []string
		var ips []string
		for _, e := range live {
			if st == "" || e.Status == st {
				want = append(want, e.AllocationID)
				seen[e.Status] = true
			}
			ips = append(ips, e.IPAddress)
		}
		for _, residual := range []string{"", eipsim.ChargeTypePostPaid} {
			for _, size := range []int{1, 7, 100} {
				pages := len(want)/size + 2
				for _, num := range append(rangeTo(pages), math.MaxInt32, math.MaxInt32/size, (math.MaxInt32-1)/size+1) {
					req := eipsim.DescribeEipAddressesRequest{Status: st, ChargeType: residual, PageNumber: num, PageSize: size}
					d := describe(t, sim, req)
					if got, w := ids(d), cut(want, num, size); d.TotalCount != len(want) || !slices.Equal(got, w) {
						t.Fatalf("%+v: total %d, ids %v; want %d, %v", req, d.TotalCount, got, len(want), w)
					}
				}
			}
		}
		// By address: the last 50 addresses, in reverse, give the same
		// order as the scan.
		req := eipsim.DescribeEipAddressesRequest{Status: st, EipAddress: strings.Join(reversed(ips[len(ips)-50:]), ","), PageSize: 100}
		var w []string
		for _, e := range live[len(live)-50:] {
			if st == "" || e.Status == st {
				w = append(w, e.AllocationID)
			}
		}
		if d := describe(t, sim, req); d.TotalCount != len(w) || !slices.Equal(ids(d), w) {
			t.Fatalf("status %q by address: %v, want %v", st, ids(d), w)
		}
	}
	for _, st := range statuses[1:4] {
		if !seen[st] {
			t.Fatalf("the world has no %s EIP: the test does not cover that index", st)
		}
	}
}

func rangeTo(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

func cut(all []string, num, size int) []string {
	if num-1 >= (len(all)+size-1)/size {
		return nil
	}
	lo := (num - 1) * size
	return all[lo:min(lo+size, len(all))]
}

func reversed(s []string) []string {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}
