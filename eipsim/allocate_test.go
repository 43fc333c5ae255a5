package eipsim_test

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

const (
	msgInvalidParam = `The specified value of parameter "%s" is not valid.`
	msgMissingParam = `The input parameter "%s" that is mandatory for processing this request is not supplied.`
)

func invalidMsg(p string) string { return strings.Replace(msgInvalidParam, "%s", p, 1) }
func missingMsg(p string) string { return strings.Replace(msgMissingParam, "%s", p, 1) }

func TestAllocateValidation(t *testing.T) {
	type req = eipsim.AllocateEipAddressRequest
	pre := func(r req) req { r.RegionID, r.InstanceChargeType = hz, "PrePaid"; return r }
	badBW := `Specified value of "Bandwidth" is not valid.`
	tests := []struct {
		name   string
		req    req
		code   eipsim.Code
		status int
		msg    string
	}{
		{"no region", req{}, eipsim.CodeMissingParameter, 400, missingMsg("RegionId")},
		{"unknown region", req{RegionID: "us-west-1"}, eipsim.CodeInvalidRegionIDNotFound, 404, `Specified value of "RegionId" is not supported.`},
		{"token too long", req{RegionID: hz, ClientToken: strings.Repeat("t", 65)}, eipsim.CodeInvalidParameter, 400, invalidMsg("ClientToken")},
		{"token not ASCII", req{RegionID: hz, ClientToken: "tök"}, eipsim.CodeInvalidParameter, 400, invalidMsg("ClientToken")},
		{"bad InstanceChargeType", req{RegionID: hz, InstanceChargeType: "Free"}, eipsim.CodeInvalidParameter, 400, invalidMsg("InstanceChargeType")},
		{"bad InternetChargeType", req{RegionID: hz, InternetChargeType: "PayByMood"}, eipsim.CodeInvalidParameter, 400, `Specified value of "InternetChargeType" is not valid`},
		{"PrePaid by traffic", pre(req{InternetChargeType: "PayByTraffic", Period: 1}), eipsim.CodeInvalidParameter, 400, `Specified value of "InternetChargeType" is not valid`},
		{"malformed Bandwidth", req{RegionID: hz, Bandwidth: "5M"}, eipsim.CodeInvalidBandwidthMalformed, 400, "The specified Bandwidth is invalid."},
		{"Bandwidth 0", req{RegionID: hz, Bandwidth: "0"}, eipsim.CodeInvalidParameter, 400, badBW},
		{"Bandwidth 501 by bandwidth", req{RegionID: hz, Bandwidth: "501"}, eipsim.CodeInvalidParameter, 400, badBW},
		{"Bandwidth 201 by traffic", req{RegionID: hz, Bandwidth: "201", InternetChargeType: "PayByTraffic"}, eipsim.CodeInvalidParameter, 400, badBW},
		{"Bandwidth 1001 PrePaid", pre(req{Bandwidth: "1001", Period: 1}), eipsim.CodeInvalidParameter, 400, badBW},
		{"PrePaid bad PricingCycle", pre(req{PricingCycle: "Week", Period: 1}), eipsim.CodeInvalidParameter, 400, invalidMsg("PricingCycle")},
		{"PrePaid no Period", pre(req{}), eipsim.CodeMissingParameter, 400, missingMsg("Period")},
		{"PrePaid 10 months", pre(req{Period: 10}), eipsim.CodeInvalidParameter, 400, invalidMsg("Period")},
		{"PrePaid 6 years", pre(req{Period: 6, PricingCycle: "Year"}), eipsim.CodeInvalidParameter, 400, invalidMsg("Period")},
		{"PrePaid negative Period", pre(req{Period: -1}), eipsim.CodeInvalidParameter, 400, invalidMsg("Period")},
		{"PrePaid with Name", pre(req{Period: 1, Name: "web"}), eipsim.CodeInvalidParameter, 400, invalidMsg("Name")},
		{"PrePaid with Description", pre(req{Period: 1, Description: "web tier"}), eipsim.CodeInvalidParameter, 400, invalidMsg("Description")},
		{"bad ISP", req{RegionID: hz, ISP: "Comcast"}, eipsim.CodeIllegalParamIsp, 400, "The param of ISP is illegal."},
		{"bad Netmode", req{RegionID: hz, Netmode: "private"}, eipsim.CodeInvalidParameter, 400, invalidMsg("Netmode")},
		{"Name starts with a digit", req{RegionID: hz, Name: "1web"}, eipsim.CodeInvalidParameter, 400, invalidMsg("Name")},
		{"Name with a space", req{RegionID: hz, Name: "web tier"}, eipsim.CodeInvalidParameter, 400, invalidMsg("Name")},
		{"Name of 129", req{RegionID: hz, Name: "w" + strings.Repeat("x", 128)}, eipsim.CodeInvalidParameter, 400, invalidMsg("Name")},
		{"Description of 1", req{RegionID: hz, Description: "w"}, eipsim.CodeInvalidParameter, 400, invalidMsg("Description")},
		{"Description of 257", req{RegionID: hz, Description: "w" + strings.Repeat("x", 256)}, eipsim.CodeInvalidParameter, 400, invalidMsg("Description")},
		{"Description is a URL", req{RegionID: hz, Description: "https://x"}, eipsim.CodeInvalidParameter, 400, invalidMsg("Description")},
		{"Description starts with a digit", req{RegionID: hz, Description: "1 web"}, eipsim.CodeInvalidParameter, 400, invalidMsg("Description")},
		{"IpAddress not an address", req{RegionID: hz, IPAddress: "203.0.113"}, eipsim.CodeInvalidParameter, 400, invalidMsg("IpAddress")},
		{"IpAddress IPv6", req{RegionID: hz, IPAddress: "2001:db8::1"}, eipsim.CodeInvalidParameter, 400, invalidMsg("IpAddress")},
		{"IpAddress outside the pool", req{RegionID: hz, IPAddress: "192.0.2.1"}, eipsim.CodeResourceNotFoundIP, 400, "The specified ip is not found."},
		{"IpAddress is the network address", req{RegionID: hz, IPAddress: "203.0.113.0"}, eipsim.CodeResourceNotFoundIP, 400, "The specified ip is not found."},
		{"IpAddress is the broadcast address", req{RegionID: hz, IPAddress: "203.0.113.255"}, eipsim.CodeResourceNotFoundIP, 400, "The specified ip is not found."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sim, _ := eipsimtest.New(t)
			_, err := sim.AllocateEipAddress(ctx, tt.req)
			wantErr(t, err, tt.code, tt.status, tt.msg)
			if n := len(sim.EIPs()); n != 0 {
				t.Fatalf("a refused allocation left %d EIPs", n)
			}
		})
	}
}

func TestAllocateAccepts(t *testing.T) {
	type req = eipsim.AllocateEipAddressRequest
	for _, r := range []req{
		{RegionID: hz, Bandwidth: "1"},
		{RegionID: hz, Bandwidth: "500"},
		{RegionID: hz, Bandwidth: "200", InternetChargeType: "PayByTraffic"},
		{RegionID: hz, InstanceChargeType: "PrePaid", Bandwidth: "1000", Period: 9},
		{RegionID: hz, InstanceChargeType: "PrePaid", PricingCycle: "Year", Period: 5, AutoPay: true},
		{RegionID: hz, ISP: "BGP_PRO", Name: "web-1.a_b", Description: "Web tier", ResourceGroupID: "rg-1"},
		{RegionID: sh, Netmode: "public"},
		{RegionID: hz, Period: 99, PricingCycle: "Decade"}, // ignored for PostPaid
		{RegionID: hz, ClientToken: strings.Repeat("t", 64)},
	} {
		sim, _ := eipsimtest.New(t)
		if _, err := sim.AllocateEipAddress(ctx, r); err != nil {
			t.Errorf("%+v: %v", r, err)
		}
	}
}

func TestAllocateResponseAndDefaults(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	r, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz})
	mustOK(t, err)
	if !regexp.MustCompile(`^eip-[0-9a-z]{20}$`).MatchString(r.AllocationID) {
		t.Errorf("AllocationID %q", r.AllocationID)
	}
	if r.EipAddress != "203.0.113.1" || r.OrderID != 0 || len(r.RequestID) != 36 {
		t.Errorf("response %+v", r)
	}
	e := eipsimtest.MustEIP(t, sim, r.AllocationID)
	want := eipsim.EIP{AllocationID: r.AllocationID, IPAddress: "203.0.113.1", RegionID: hz, AccountID: eipsim.DefaultAccountID,
		Status: eipsim.StatusAvailable, ChargeType: "PostPaid", InternetChargeType: "PayByBandwidth", Bandwidth: 5, ISP: "BGP",
		Netmode: "public", BusinessStatus: "Normal", AllocationTime: eipsimtest.Epoch}
	if !eipEqual(e, want) {
		t.Errorf("got  %+v\nwant %+v", e, want)
	}

	p, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, InstanceChargeType: "PrePaid", Period: 2, ResourceGroupID: "rg-1"})
	mustOK(t, err)
	if p.OrderID == 0 || p.ResourceGroupID != "rg-1" || p.EipAddress != "203.0.113.2" {
		t.Errorf("PrePaid response %+v", p)
	}
	pe := eipsimtest.MustEIP(t, sim, p.AllocationID)
	if pe.ChargeType != "PrePaid" || !pe.ExpiredTime.Equal(eipsimtest.Epoch.AddDate(0, 2, 0)) || pe.ResourceGroupID != "rg-1" {
		t.Errorf("PrePaid EIP %+v", pe)
	}
	y, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, InstanceChargeType: "PrePaid", Period: 1, PricingCycle: "Year"})
	mustOK(t, err)
	if got := eipsimtest.MustEIP(t, sim, y.AllocationID).ExpiredTime; !got.Equal(eipsimtest.Epoch.AddDate(1, 0, 0)) {
		t.Errorf("yearly ExpiredTime %v", got)
	}
	n, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, ISP: "ChinaMobile", Name: "web", Description: "Web tier", InternetChargeType: "PayByTraffic", Bandwidth: "50"})
	mustOK(t, err)
	ne := eipsimtest.MustEIP(t, sim, n.AllocationID)
	if ne.ISP != "ChinaMobile" || ne.Name != "web" || ne.Description != "Web tier" || ne.InternetChargeType != "PayByTraffic" || ne.Bandwidth != 50 {
		t.Errorf("named EIP %+v", ne)
	}
}

func eipEqual(a, b eipsim.EIP) bool { return reflect.DeepEqual(a, b) }

func TestAllocateQuota(t *testing.T) {
	sim, clk := eipsimtest.New(t, eipsim.WithEIPQuota(2))
	a := alloc(t, sim, hz)
	alloc(t, sim, hz)
	_, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz})
	wantErr(t, err, eipsim.CodeQuotaExceededEip, 400, "Elastic IP address quota exceeded")
	// The quota is per region and per account.
	alloc(t, sim, sh)
	_, err = sim.AllocateEipAddress(eipsim.WithAccount(ctx, "other"), eipsim.AllocateEipAddressRequest{RegionID: hz})
	mustOK(t, err)
	// A Releasing EIP still counts; a released one does not.
	mustOK(t, release(sim, a))
	_, err = sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz})
	eipsimtest.RequireCode(t, err, eipsim.CodeQuotaExceededEip)
	clk.Advance(eipsim.DefaultReleaseDelay)
	alloc(t, sim, hz)
}

func TestAllocateQuotaZero(t *testing.T) {
	sim, _ := eipsimtest.New(t, eipsim.WithEIPQuota(0))
	_, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz})
	eipsimtest.RequireCode(t, err, eipsim.CodeQuotaExceededEip)
}

func TestAllocatePoolExhaustion(t *testing.T) {
	sim, clk := eipsimtest.New(t, eipsim.WithIPPool("192.0.2.0/30"))
	a := alloc(t, sim, hz)
	b := alloc(t, sim, hz)
	if eipsimtest.MustEIP(t, sim, a).IPAddress != "192.0.2.1" || eipsimtest.MustEIP(t, sim, b).IPAddress != "192.0.2.2" {
		t.Fatal("a /30 hands out .1 and .2")
	}
	_, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz})
	wantErr(t, err, eipsim.CodeOperationFailedInsufficientEIP, 400, "Eip resource is not enough.")
	mustOK(t, release(sim, a))
	clk.Advance(eipsim.DefaultReleaseDelay)
	c := alloc(t, sim, hz)
	if got := eipsimtest.MustEIP(t, sim, c).IPAddress; got != "192.0.2.1" {
		t.Fatalf("after a release the pool handed out %s, want the freed 192.0.2.1", got)
	}
}

func TestAllocateIPAddressReuse(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	a := alloc(t, sim, hz)
	ip := eipsimtest.MustEIP(t, sim, a).IPAddress
	_, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, IPAddress: ip})
	wantErr(t, err, eipsim.CodeIPAllocated, 400, "The reserve ip has been allocated.")
	mustOK(t, release(sim, a))
	clk.Advance(eipsim.DefaultReleaseDelay - time.Nanosecond)
	_, err = sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, IPAddress: ip})
	eipsimtest.RequireCode(t, err, eipsim.CodeIPAllocated) // still Releasing
	clk.Advance(time.Nanosecond)
	r, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, IPAddress: ip})
	mustOK(t, err)
	if r.EipAddress != ip || r.AllocationID == a {
		t.Fatalf("re-allocation gave %+v; want address %s under a new ID", r, ip)
	}
	// The cursor does not hand the reserved address out again.
	if next := alloc(t, sim, hz); eipsimtest.MustEIP(t, sim, next).IPAddress == ip {
		t.Fatal("address handed out twice")
	}
}

// TestAllocationIDSkipsWorldIDs gives a resource of each kind of the world
// the AllocationId a seed draws first, or the first pinned one: the
// allocation must then draw again, or take the next pinned ID. A resource
// with another ID changes nothing (the kinds' Add methods draw nothing).
func TestAllocationIDSkipsWorldIDs(t *testing.T) {
	const seed = 5
	newSim := func(t *testing.T, opts ...eipsim.Option) *eipsim.Sim {
		sim, err := eipsim.New(append([]eipsim.Option{eipsim.WithClock(eipsimtest.NewClock()), eipsim.WithSeed(seed)}, opts...)...)
		if err != nil {
			t.Fatal(err)
		}
		return sim
	}
	allocate := func(t *testing.T, sim *eipsim.Sim) string {
		t.Helper()
		resp, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz})
		if err != nil {
			t.Fatal(err)
		}
		if err := sim.CheckInvariants(); err != nil {
			t.Fatal(err)
		}
		return resp.AllocationID
	}
	drawn := allocate(t, newSim(t))
	adds := []struct {
		kind string
		add  func(*eipsim.Sim, string) error
	}{
		{"instance", func(s *eipsim.Sim, id string) error { return s.AddInstance(eipsim.Instance{InstanceID: id}) }},
		{"load balancer", func(s *eipsim.Sim, id string) error {
			return s.AddLoadBalancer(eipsim.LoadBalancer{LoadBalancerID: id})
		}},
		{"ENI", func(s *eipsim.Sim, id string) error {
			return s.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: id})
		}},
		{"NAT gateway", func(s *eipsim.Sim, id string) error { return s.AddNatGateway(eipsim.NatGateway{NatGatewayID: id}) }},
		{"HaVip", func(s *eipsim.Sim, id string) error { return s.AddHaVip(eipsim.HaVip{HaVipID: id}) }},
	}
	for _, a := range adds {
		kind, add := a.kind, a.add
		t.Run(kind, func(t *testing.T) {
			sim := newSim(t)
			if err := add(sim, "eip-other"); err != nil {
				t.Fatal(err)
			}
			if got := allocate(t, sim); got != drawn {
				t.Fatalf("with a %s eip-other, the first AllocationId is %s, want %s as without", kind, got, drawn)
			}
			sim = newSim(t)
			if err := add(sim, drawn); err != nil {
				t.Fatal(err)
			}
			if got := allocate(t, sim); got == drawn || !strings.HasPrefix(got, "eip-") {
				t.Fatalf("with a %s %s, the first AllocationId is %s, want another drawn one", kind, drawn, got)
			}
			sim = newSim(t, eipsim.WithAllocationIDs("eip-a", "eip-b"))
			if err := add(sim, "eip-a"); err != nil {
				t.Fatal(err)
			}
			if got := allocate(t, sim); got != "eip-b" {
				t.Fatalf("with a %s eip-a and eip-a, eip-b pinned, the first AllocationId is %s, want eip-b", kind, got)
			}
		})
	}
}
