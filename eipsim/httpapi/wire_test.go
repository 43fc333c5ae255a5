package httpapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

func TestWireName(t *testing.T) {
	for goName, want := range map[string]string{
		"RequestID":          "RequestId",
		"AllocationID":       "AllocationId",
		"IPAddress":          "IpAddress",
		"PrivateIPAddress":   "PrivateIpAddress",
		"PrivateIPAddresses": "PrivateIpAddresses",
		"AllocationIDs":      "AllocationIds",
		"EipAddress":         "EipAddress",
		"ISP":                "ISP",
		"HDMonitorStatus":    "HDMonitorStatus",
		"VSwitchID":          "VSwitchId",
		"VpcID":              "VpcId",
		"NatGatewayID":       "NatGatewayId",
		"SNATEntryID":        "SnatEntryId",
		"SnatTableIDs":       "SnatTableIds",
		"HaVipID":            "HaVipId",
		"EIPs":               "Eips",
		"TotalCount":         "TotalCount",
		"Status":             "Status",
		"X":                  "X",
		"ID":                 "Id",
		"URL":                "Url",
		"Ipv6":               "Ipv6",
	} {
		if got := WireName(goName); got != want {
			t.Errorf("WireName(%q) = %q, want %q", goName, got, want)
		}
	}
}

// TestDescribeWireShape checks the raw JSON types of DescribeEipAddresses
// (the SDK's decoder is lenient, so SDK tests cannot).
func TestDescribeWireShape(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	a, err := sim.AllocateEipAddress(t.Context(), eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou", Bandwidth: "5"})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Lock(a.AllocationID, eipsim.LockFinancial); err != nil {
		t.Fatal(err)
	}
	h := NewHandler(sim, WithAuth(false))
	r := httptest.NewRequest(http.MethodPost, "/?Action=DescribeEipAddresses&Version=2016-04-28&RegionId=cn-hangzhou&PageSize=10", nil)
	ans := serve(t, h, r)
	if ans.Status != 200 {
		t.Fatalf("status %d: %s", ans.Status, ans.Raw)
	}
	var body struct {
		RequestId    string
		TotalCount   json.Number
		PageNumber   json.Number
		PageSize     json.Number
		EipAddresses struct {
			EipAddress []map[string]any
		}
	}
	if err := json.Unmarshal([]byte(ans.Raw), &body); err != nil {
		t.Fatalf("%v: %s", err, ans.Raw)
	}
	if body.TotalCount != "1" || body.PageNumber != "1" || body.PageSize != "10" || len(body.EipAddresses.EipAddress) != 1 {
		t.Fatalf("counts: %s", ans.Raw)
	}
	it := body.EipAddresses.EipAddress[0]
	for field, want := range map[string]any{
		"AllocationId": a.AllocationID, "IpAddress": a.EipAddress, "Bandwidth": "5", "Status": "Available",
		"AllocationTime": "2026-01-01T00:00:00Z", "DeletionProtection": false, "RegionId": "cn-hangzhou",
		"ChargeType": "PostPaid", "InstanceId": "", "BusinessStatus": "FinancialLocked",
	} {
		if it[field] != want {
			t.Errorf("%s = %#v, want %#v", field, it[field], want)
		}
	}
	locks, _ := json.Marshal(it["OperationLocks"])
	if string(locks) != `{"LockReason":[{"LockReason":"financial"}]}` {
		t.Errorf("OperationLocks %s", locks)
	}
	tags, _ := json.Marshal(it["Tags"])
	if string(tags) != `{"Tag":[]}` {
		t.Errorf("Tags %s", tags)
	}
}

// TestAllocateWireShape: OrderId is left out for PostPaid EIPs; the rest
// are strings.
func TestAllocateWireShape(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	h := NewHandler(sim, WithAuth(false))
	ans := serve(t, h, httptest.NewRequest(http.MethodPost, "/?Action=AllocateEipAddress&Version=2016-04-28&RegionId=cn-hangzhou", nil))
	if ans.Status != 200 {
		t.Fatalf("%d %s", ans.Status, ans.Raw)
	}
	if _, ok := ans.Body["OrderId"]; ok {
		t.Errorf("OrderId on a PostPaid EIP: %s", ans.Raw)
	}
	for _, k := range []string{"RequestId", "AllocationId", "EipAddress", "ResourceGroupId"} {
		if _, ok := ans.Body[k].(string); !ok {
			t.Errorf("%s is not a string: %s", k, ans.Raw)
		}
	}
	if e, _ := sim.EIP(ans.Body["AllocationId"].(string)); e.AccountID != eipsim.DefaultAccountID {
		t.Errorf("unsigned call allocated for %q, want the engine's default account", e.AccountID)
	}
}
