package eipsim_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

func describe(t *testing.T, sim *eipsim.Sim, r eipsim.DescribeEipAddressesRequest) *eipsim.DescribeEipAddressesResponse {
	t.Helper()
	if r.RegionID == "" {
		r.RegionID = hz
	}
	resp, err := sim.DescribeEipAddresses(ctx, r)
	mustOK(t, err)
	return resp
}

func ids(resp *eipsim.DescribeEipAddressesResponse) []string {
	var out []string
	for _, e := range resp.EipAddresses {
		out = append(out, e.AllocationID)
	}
	return out
}

func TestDescribeValidation(t *testing.T) {
	type req = eipsim.DescribeEipAddressesRequest
	many := strings.Repeat("eip-x,", 51)
	tests := []struct {
		name   string
		req    req
		code   eipsim.Code
		status int
		msg    string
	}{
		{"no region", req{}, eipsim.CodeMissingParameter, 400, missingMsg("RegionId")},
		{"unknown region", req{RegionID: "mars-1"}, eipsim.CodeForbiddenRegionNotFound, 404, "Specified region is not found during access authentication."},
		{"51 AllocationIds", req{RegionID: hz, AllocationID: many}, eipsim.CodeInvalidParameter, 400, invalidMsg("AllocationId")},
		{"51 addresses", req{RegionID: hz, EipAddress: many}, eipsim.CodeInvalidParameter, 400, invalidMsg("EipAddress")},
		{"bad Status", req{RegionID: hz, Status: "Released"}, eipsim.CodeInvalidParameter, 400, invalidMsg("Status")},
		{"bad AssociatedInstanceType", req{RegionID: hz, AssociatedInstanceType: "Router"}, eipsim.CodeInvalidIAssociatedInstanceType, 400, "The specified value of AssociatedInstanceType is not supported."},
		{"bad LockReason", req{RegionID: hz, LockReason: "legal"}, eipsim.CodeInvalidLockReasonNotFound, 404, "The specified LockReason is not found"},
		{"bad ChargeType", req{RegionID: hz, ChargeType: "Free"}, eipsim.CodeInvalidChargeTypeValueNotSupport, 400, "The specified ChargeType is not supported."},
		{"PageNumber -1", req{RegionID: hz, PageNumber: -1}, eipsim.CodeInvalidParameter, 400, invalidMsg("PageNumber")},
		{"PageSize 101", req{RegionID: hz, PageSize: 101}, eipsim.CodeInvalidParameter, 400, invalidMsg("PageSize")},
		{"PageSize -1", req{RegionID: hz, PageSize: -1}, eipsim.CodeInvalidParameter, 400, invalidMsg("PageSize")},
		{"DryRun", req{RegionID: hz, DryRun: true}, eipsim.CodeDryRunOperation, 400, "Request validation has been passed with DryRun flag set."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sim, _ := eipsimtest.New(t)
			_, err := sim.DescribeEipAddresses(ctx, tt.req)
			wantErr(t, err, tt.code, tt.status, tt.msg)
		})
	}
}

func TestDescribePaging(t *testing.T) {
	sim, clk := eipsimtest.New(t, eipsim.WithEIPQuota(200))
	var all []string
	for i := range 150 {
		if i%7 == 0 {
			clk.Advance(1) // some share an allocation time, some do not
		}
		all = append(all, alloc(t, sim, hz))
	}
	d := describe(t, sim, eipsim.DescribeEipAddressesRequest{})
	if d.TotalCount != 150 || d.PageNumber != 1 || d.PageSize != 10 || !slices.Equal(ids(d), all[:10]) {
		t.Fatalf("defaults: total %d page %d size %d ids %v", d.TotalCount, d.PageNumber, d.PageSize, ids(d))
	}
	d = describe(t, sim, eipsim.DescribeEipAddressesRequest{PageSize: 100, PageNumber: 2})
	if !slices.Equal(ids(d), all[100:]) {
		t.Fatalf("page 2 of 100: %d items", len(d.EipAddresses))
	}
	d = describe(t, sim, eipsim.DescribeEipAddressesRequest{PageSize: 100, PageNumber: 3})
	if d.TotalCount != 150 || len(d.EipAddresses) != 0 {
		t.Fatalf("past the end: %+v", d)
	}
	// An ID list comes back in allocation order, whatever order it was given in, without duplicates.
	list := []string{all[5], all[3], "eip-nope", all[149], all[3]}
	d = describe(t, sim, eipsim.DescribeEipAddressesRequest{AllocationID: strings.Join(list, " , ")})
	if want := []string{all[3], all[5], all[149]}; !slices.Equal(ids(d), want) || d.TotalCount != 3 {
		t.Fatalf("by ID: %v, want %v", ids(d), want)
	}
}

func TestDescribeFilters(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	world(t, sim)
	avail := alloc(t, sim, hz)
	ecs := alloc(t, sim, hz)
	mustOK(t, associate(sim, ecs, "i-run"))
	lb := alloc(t, sim, hz)
	_, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: lb, InstanceID: "lb-in", InstanceType: eipsim.InstanceTypeSlbInstance})
	mustOK(t, err)
	clk.Advance(eipsim.DefaultAssociateDelay)
	assoc := alloc(t, sim, hz)
	pre, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, InstanceChargeType: "PrePaid", Period: 1})
	mustOK(t, err)
	named, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, Name: "web", ISP: "BGP_PRO", ResourceGroupID: "rg-1"})
	mustOK(t, err)
	fin, sec := alloc(t, sim, hz), alloc(t, sim, hz)
	mustOK(t, sim.Lock(fin, eipsim.LockFinancial))
	mustOK(t, sim.Lock(sec, eipsim.LockSecurity))
	rel := alloc(t, sim, hz)
	mustOK(t, release(sim, rel))
	gone := alloc(t, sim, hz)
	mustOK(t, release(sim, gone))
	clk.Advance(eipsim.DefaultReleaseDelay)
	_ = alloc(t, sim, sh)
	_, err = sim.AllocateEipAddress(eipsim.WithAccount(ctx, "other"), eipsim.AllocateEipAddressRequest{RegionID: hz})
	mustOK(t, err)
	rel2 := alloc(t, sim, hz)
	mustOK(t, release(sim, rel2))
	mustOK(t, associate(sim, assoc, "i-run2"))

	ipOf := func(id string) string { return eipsimtest.MustEIP(t, sim, id).IPAddress }
	everyone := []string{avail, ecs, lb, assoc, pre.AllocationID, named.AllocationID, fin, sec, rel2}
	type req = eipsim.DescribeEipAddressesRequest
	for _, tt := range []struct {
		name string
		req  req
		want []string
	}{
		{"all mine in the region", req{PageSize: 100}, everyone},
		{"by ID", req{AllocationID: ecs}, []string{ecs}},
		{"released ID", req{AllocationID: gone}, nil},
		{"other account's ID", req{AllocationID: func() string { e := sim.EIPs(); return e[len(e)-2].AllocationID }()}, nil},
		{"by address", req{EipAddress: ipOf(lb) + "," + ipOf(fin)}, []string{lb, fin}},
		{"by ID and address", req{AllocationID: lb, EipAddress: ipOf(fin)}, nil},
		{"Available", req{Status: eipsim.StatusAvailable}, []string{avail, pre.AllocationID, named.AllocationID, fin, sec}},
		{"InUse", req{Status: eipsim.StatusInUse}, []string{ecs, lb}},
		{"Associating", req{Status: eipsim.StatusAssociating}, []string{assoc}},
		{"Releasing", req{Status: eipsim.StatusReleasing}, []string{rel2}},
		{"Unassociating", req{Status: eipsim.StatusUnassociating}, nil},
		{"ECS-bound", req{AssociatedInstanceType: eipsim.InstanceTypeEcsInstance}, []string{ecs, assoc}},
		{"SLB-bound", req{AssociatedInstanceType: eipsim.InstanceTypeSlbInstance}, []string{lb}},
		{"NAT-bound", req{AssociatedInstanceType: eipsim.InstanceTypeNat}, nil},
		{"bound to i-run", req{AssociatedInstanceID: "i-run"}, []string{ecs}},
		{"financial lock", req{LockReason: eipsim.LockFinancial}, []string{fin}},
		{"security lock", req{LockReason: eipsim.LockSecurity}, []string{sec}},
		{"PrePaid", req{ChargeType: "PrePaid"}, []string{pre.AllocationID}},
		{"PostPaid", req{ChargeType: "PostPaid", PageSize: 100}, slices.DeleteFunc(slices.Clone(everyone), func(s string) bool { return s == pre.AllocationID })},
		{"ISP", req{ISP: "BGP_PRO"}, []string{named.AllocationID}},
		{"ISP default", req{ISP: "BGP", Status: eipsim.StatusInUse}, []string{ecs, lb}},
		{"name", req{EipName: "web"}, []string{named.AllocationID}},
		{"resource group", req{ResourceGroupID: "rg-1"}, []string{named.AllocationID}},
		{"other region", req{RegionID: sh, Status: eipsim.StatusInUse}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.req.PageSize == 0 {
				tt.req.PageSize = 50
			}
			d := describe(t, sim, tt.req)
			if got := ids(d); !slices.Equal(got, tt.want) || d.TotalCount != len(tt.want) {
				t.Fatalf("got %v (total %d), want %v", got, d.TotalCount, tt.want)
			}
		})
	}
	if d := describe(t, sim, req{RegionID: sh}); d.TotalCount != 1 {
		t.Fatalf("cn-shanghai has %d of mine, want 1", d.TotalCount)
	}
	o, err := sim.DescribeEipAddresses(eipsim.WithAccount(ctx, "other"), req{RegionID: hz})
	mustOK(t, err)
	if o.TotalCount != 1 || o.EipAddresses[0].AccountID != "other" {
		t.Fatalf("other account sees %+v", o)
	}
}
