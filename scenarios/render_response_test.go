package scenarios

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/simclock"
)

func TestWireName(t *testing.T) {
	for goName, want := range map[string]string{
		"AllocationID": "AllocationId", "PrivateIPAddress": "PrivateIpAddress", "IPAddress": "IpAddress",
		"ISP": "ISP", "EipAddress": "EipAddress", "OrderID": "OrderId", "TotalCount": "TotalCount",
	} {
		if got := WireName(goName); got != want {
			t.Errorf("WireName(%s) = %s, want %s", goName, got, want)
		}
	}
}

func TestRender(t *testing.T) {
	r := Renderer{Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	tests := []struct{ got, want string }{
		{r.Response(&eipsim.AllocateEipAddressResponse{RequestID: "R", AllocationID: "eip-1", EipAddress: "203.0.113.1"}),
			"AllocationId=eip-1 EipAddress=203.0.113.1"},
		{Renderer{RequestIDs: true}.Response(&eipsim.ReleaseEipAddressResponse{RequestID: "R"}), "RequestId=R"},
		{r.Response(&eipsim.ReleaseEipAddressResponse{RequestID: "R"}), ""},
		{r.Response(&eipsim.DescribeEipAddressesResponse{PageNumber: 1, PageSize: 10}), "TotalCount=0 PageNumber=1 PageSize=10"},
		{r.Error(fmt.Errorf("wrapped: %w", eipsim.NewError(eipsim.CodeTaskConflict, eipsim.ActionReleaseEipAddress, "R"))),
			"error 400 TaskConflict: The eip operate too frequent, TaskConflict."},
		{r.Error(errors.New("eipsim: AddVPC: missing ID")), "error: eipsim: AddVPC: missing ID"},
		{r.Time(r.Start.Add(90 * time.Second)), "+1m30s"},
		{Renderer{}.Time(r.Start), "2026-01-01T00:00:00Z"},
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

// TestRecorderBeforeSim checks that a Recorder holds nothing until its Sim
// is made.
func TestRecorderBeforeSim(t *testing.T) {
	rec := NewRecorder()
	if b := rec.Bytes(); len(b) != 0 {
		t.Errorf("Bytes() = %q before the Sim was made", b)
	}
	if _, err := eipsim.New(eipsim.WithClock(simclock.New()), rec.Option()); err != nil {
		t.Fatal(err)
	}
	if b := string(rec.Bytes()); b != "new-sim\n----\nok\n" {
		t.Errorf("Bytes() = %q after New, want the new-sim line", b)
	}
}
