package eipsim_test

import (
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

func TestModify(t *testing.T) {
	type req = eipsim.ModifyEipAddressAttributeRequest
	notSupported := `Specified value of "Bandwidth" is not supported.`
	sim, clk := eipsimtest.New(t)
	a := alloc(t, sim, hz)
	traffic, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, InternetChargeType: "PayByTraffic"})
	mustOK(t, err)
	pre, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, InstanceChargeType: "PrePaid", Period: 1})
	mustOK(t, err)
	other, err := sim.AllocateEipAddress(eipsim.WithAccount(ctx, "other"), eipsim.AllocateEipAddressRequest{RegionID: hz})
	mustOK(t, err)
	for _, tt := range []struct {
		name   string
		req    req
		code   eipsim.Code
		status int
		msg    string
	}{
		{"no AllocationId", req{}, eipsim.CodeMissingParameter, 400, missingMsg("AllocationId")},
		{"malformed Bandwidth", req{AllocationID: a, Bandwidth: "x"}, eipsim.CodeInvalidParameter, 400, notSupported},
		{"Bandwidth 0", req{AllocationID: a, Bandwidth: "0"}, eipsim.CodeInvalidParameter, 400, notSupported},
		{"Bandwidth 501", req{AllocationID: a, Bandwidth: "501"}, eipsim.CodeInvalidParameter, 400, notSupported},
		{"Bandwidth 201 by traffic", req{AllocationID: traffic.AllocationID, Bandwidth: "201"}, eipsim.CodeInvalidParameter, 400, notSupported},
		{"Name of 129", req{AllocationID: a, Name: strings.Repeat("n", 129)}, eipsim.CodeInvalidParameter, 400, invalidMsg("Name")},
		{"Name is a URL", req{AllocationID: a, Name: "http://x"}, eipsim.CodeInvalidParameter, 400, invalidMsg("Name")},
		{"Description of 257", req{AllocationID: a, Description: strings.Repeat("d", 257)}, eipsim.CodeInvalidParameter, 400, invalidMsg("Description")},
		{"bad region", req{AllocationID: a, RegionID: "mars-1"}, eipsim.CodeForbiddenRegionNotFound, 404, "Specified region is not found during access authentication."},
		{"unknown EIP", req{AllocationID: "eip-nope"}, eipsim.CodeInvalidAllocationIDNotFound, 404, msgNotFound},
		{"other account", req{AllocationID: other.AllocationID, Name: "x"}, eipsim.CodeForbidden, 400, "The eip instance owner error"},
		{"PrePaid bandwidth", req{AllocationID: pre.AllocationID, Bandwidth: "10"}, eipsim.CodeForbiddenChargeTypeIsPrepaid, 400, "It's forbidden to release a prepaid EIP"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sim.ModifyEipAddressAttribute(ctx, tt.req)
			wantErr(t, err, tt.code, tt.status, tt.msg)
		})
	}
	_, err = sim.ModifyEipAddressAttribute(ctx, req{AllocationID: a, Bandwidth: "500", Name: "9 lives", Description: "d"})
	mustOK(t, err)
	_, err = sim.ModifyEipAddressAttribute(ctx, req{AllocationID: traffic.AllocationID, Bandwidth: "200", RegionID: hz})
	mustOK(t, err)
	_, err = sim.ModifyEipAddressAttribute(ctx, req{AllocationID: pre.AllocationID, Name: "pre"})
	mustOK(t, err)
	if e := eipsimtest.MustEIP(t, sim, a); e.Bandwidth != 500 || e.Name != "9 lives" || e.Description != "d" {
		t.Fatalf("%+v", e)
	}
	// Empty fields leave the attributes alone; Modify starts no cooldown.
	_, err = sim.ModifyEipAddressAttribute(ctx, req{AllocationID: a})
	mustOK(t, err)
	if e := eipsimtest.MustEIP(t, sim, a); e.Bandwidth != 500 || e.Name != "9 lives" {
		t.Fatalf("%+v", e)
	}
	eipsimtest.MustAssociate(t, sim, a, "i-1")
	// While Associating the EIP can only be queried.
	_, err = sim.ModifyEipAddressAttribute(ctx, req{AllocationID: a, Name: "x"})
	wantErr(t, err, eipsim.CodeIncorrectEipStatus, 400, msgEipStatus)
	clk.Advance(eipsim.DefaultAssociateDelay)
	_, err = sim.ModifyEipAddressAttribute(ctx, req{AllocationID: a, Name: "x"})
	mustOK(t, err)
}
