package eipsim_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

func TestWireName(t *testing.T) {
	for goName, want := range map[string]string{
		"AllocationID": "AllocationId", "PrivateIPAddress": "PrivateIpAddress", "IPAddress": "IpAddress",
		"ISP": "ISP", "EipAddress": "EipAddress", "OrderID": "OrderId", "TotalCount": "TotalCount",
	} {
		if got := eipsim.WireName(goName); got != want {
			t.Errorf("WireName(%s) = %s, want %s", goName, got, want)
		}
	}
}

func TestRender(t *testing.T) {
	r := eipsim.Renderer{Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	tests := []struct{ got, want string }{
		{r.Response(&eipsim.AllocateEipAddressResponse{RequestID: "R", AllocationID: "eip-1", EipAddress: "203.0.113.1"}),
			"AllocationId=eip-1 EipAddress=203.0.113.1"},
		{eipsim.Renderer{RequestIDs: true}.Response(&eipsim.ReleaseEipAddressResponse{RequestID: "R"}), "RequestId=R"},
		{r.Response(&eipsim.ReleaseEipAddressResponse{RequestID: "R"}), ""},
		{r.Response(&eipsim.DescribeEipAddressesResponse{PageNumber: 1, PageSize: 10}), "TotalCount=0 PageNumber=1 PageSize=10"},
		{r.Error(fmt.Errorf("wrapped: %w", eipsim.NewError(eipsim.CodeTaskConflict, eipsim.ActionReleaseEipAddress, "R"))),
			"error 400 TaskConflict: The eip operate too frequent, TaskConflict."},
		{r.Error(errors.New("eipsim: AddVPC: missing ID")), "error: eipsim: AddVPC: missing ID"},
		{r.Time(r.Start.Add(90 * time.Second)), "+1m30s"},
		{eipsim.Renderer{}.Time(r.Start), "2026-01-01T00:00:00Z"},
		{r.EIP(eipsim.EIP{AllocationID: "eip-1", IPAddress: "1.2.3.4", Status: eipsim.StatusInUse, ChargeType: "PostPaid",
			InternetChargeType: "PayByBandwidth", Bandwidth: 5, ISP: "BGP", BusinessStatus: "Normal", Description: "a b",
			LockReasons: []eipsim.LockReason{eipsim.LockSecurity}}),
			"AllocationId=eip-1 IpAddress=1.2.3.4 Status=InUse Description=(a b) OperationLocks=(security)"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

// TestRecordingOff checks that a Sim records nothing unless asked.
func TestRecordingOff(t *testing.T) {
	sim, err := eipsim.New()
	if err != nil {
		t.Fatal(err)
	}
	if sim.Recording() != nil {
		t.Error("Recording() is not nil without WithRecording")
	}
}
