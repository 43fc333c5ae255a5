package httpapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

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

// natEntry and natResponse stand for an engine response with no shape in
// wire.go (a NAT action, say).
type natEntry struct {
	SnatEntryID      string
	SourceCIDR       string `wire:"SourceCIDR"`
	SnatIP           string
	Status           eipsim.Status
	CreationTime     time.Time
	unexported       int
	PrivateIPAddress *string
}

type natBase struct{ RequestID string }

type natResponse struct {
	natBase
	TotalCount       int
	SnatTableEntries []natEntry
	Flags            map[string]bool
	Nothing          *int
	Ratio            float64
	Ready            bool
	Times            [2]uint8
	IPAddresses      []string
	Entries          []natEntry
}

func TestGenericWire(t *testing.T) {
	ip := "10.0.0.1"
	resp := &natResponse{
		natBase:    natBase{"RID"},
		TotalCount: 1,
		SnatTableEntries: []natEntry{{
			SnatEntryID: "snat-1", SourceCIDR: "10.0.0.0/8", SnatIP: "203.0.113.1", Status: eipsim.StatusAvailable,
			CreationTime: time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("x", 3600)), unexported: 9, PrivateIPAddress: &ip,
		}},
		Flags:       map[string]bool{"b": true, "a": false},
		Ratio:       0.5,
		Ready:       true,
		Times:       [2]uint8{1, 2},
		IPAddresses: []string{"1.2.3.4"},
	}
	got, err := encodeJSON(genericWire(resp))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"RequestId":"RID","TotalCount":1,"SnatTableEntries":{"SnatTableEntry":[{"SnatEntryId":"snat-1","SourceCIDR":"10.0.0.0/8","SnatIp":"203.0.113.1","Status":"Available","CreationTime":"2026-01-02T02:04:05Z","PrivateIpAddress":"10.0.0.1"}]},"Flags":{"a":false,"b":true},"Ratio":0.5,"Ready":true,"Times":[1,2],"IpAddresses":{"IpAddress":["1.2.3.4"]},"Entries":{"Entry":[]}}`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Through the handler, a RequestId-less response still gets one.
	body, id, err := encodeSuccess(genericWire(struct{ Answer int }{42}), func() string { return "NEW" })
	if err != nil || id != "NEW" || string(body) != `{"RequestId":"NEW","Answer":42}` {
		t.Errorf("encodeSuccess: %s %s %v", body, id, err)
	}
}

func TestSingular(t *testing.T) {
	for plural, want := range map[string]string{
		"HaVips": "HaVip", "SnatTableEntries": "SnatTableEntry", "IpAddresses": "IpAddress",
		"Tags": "Tag", "NatGateways": "NatGateway", "Status": "Statu", "Address": "", "Times": "Time", "Boxes": "Box", "X": "",
	} {
		if got := singular(plural); got != want {
			t.Errorf("singular(%q) = %q, want %q", plural, got, want)
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
