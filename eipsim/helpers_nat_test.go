package eipsim_test

import (
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

const region = "cn-hangzhou"

// settleAll moves the clock past every default delay and cooldown.
const settleAll = 10 * time.Second

func allocNAT(t *testing.T, sim *eipsim.Sim, traffic bool) eipsim.EIP {
	t.Helper()
	req := eipsim.AllocateEipAddressRequest{RegionID: region}
	if traffic {
		req.InternetChargeType = eipsim.InternetChargePayByTraffic
	}
	a, err := sim.AllocateEipAddress(ctx, req)
	mustOK(t, err)
	return eipsimtest.MustEIP(t, sim, a.AllocationID)
}

// bind associates an EIP and waits until it is InUse and the cooldown has passed.
func bind(t *testing.T, sim *eipsim.Sim, clk *eipsimtest.Clock, id, instance string, typ eipsim.InstanceType) {
	t.Helper()
	_, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: id, InstanceID: instance, InstanceType: typ})
	mustOK(t, err)
	clk.Advance(settleAll)
	eipsimtest.RequireStatus(t, sim, id, eipsim.StatusInUse)
}

// natWorld is a NAT gateway ngw-t (tables stb-t and ftb-t) with n EIPs bound.
func natWorld(t *testing.T, n int, opts ...eipsim.Option) (*eipsim.Sim, *eipsimtest.Clock, []eipsim.EIP) {
	t.Helper()
	sim, clk := eipsimtest.New(t, opts...)
	mustOK(t, sim.AddNatGateway(eipsim.NatGateway{NatGatewayID: "ngw-t"}))
	var eips []eipsim.EIP
	for range n {
		e := allocNAT(t, sim, false)
		bind(t, sim, clk, e.AllocationID, "ngw-t", eipsim.InstanceTypeNat)
		eips = append(eips, e)
	}
	return sim, clk, eips
}

func snat(t *testing.T, sim *eipsim.Sim, ips, cidr string) string {
	t.Helper()
	r, err := sim.CreateSnatEntry(ctx, eipsim.CreateSnatEntryRequest{RegionID: region, SnatTableID: "stb-t", SnatIP: ips, SourceCIDR: cidr})
	mustOK(t, err)
	return r.SnatEntryID
}

func dnat(t *testing.T, sim *eipsim.Sim, ip, port string, portBreak bool) string {
	t.Helper()
	r, err := sim.CreateForwardEntry(ctx, eipsim.CreateForwardEntryRequest{RegionID: region, ForwardTableID: "ftb-t", ExternalIP: ip,
		ExternalPort: port, InternalIP: "10.0.0.9", InternalPort: port, IPProtocol: "TCP", PortBreak: portBreak})
	mustOK(t, err)
	return r.ForwardEntryID
}

func unassoc(sim *eipsim.Sim, req eipsim.UnassociateEipAddressRequest) error {
	_, err := sim.UnassociateEipAddress(ctx, req)
	return err
}

func snatEntries(t *testing.T, sim *eipsim.Sim) []eipsim.SnatEntry {
	t.Helper()
	r, err := sim.DescribeSnatTableEntries(ctx, eipsim.DescribeSnatTableEntriesRequest{RegionID: region, NatGatewayID: "ngw-t"})
	mustOK(t, err)
	return r.SnatTableEntries
}

func dnatEntries(t *testing.T, sim *eipsim.Sim) []eipsim.ForwardEntry {
	t.Helper()
	r, err := sim.DescribeForwardTableEntries(ctx, eipsim.DescribeForwardTableEntriesRequest{RegionID: region, NatGatewayID: "ngw-t"})
	mustOK(t, err)
	return r.ForwardTableEntries
}
