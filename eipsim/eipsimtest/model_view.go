package eipsimtest

// The model's views: what the cloud shows of each resource, field by field
// (a Describe item, a snapshot), built from the model's state with the
// documented defaults spelled here (eip-api-facts.md §1.5, §5, §6). The
// Machine compares them with every Describe answer and with the Sim's
// snapshots.

import (
	"slices"
	"strings"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// The LockReasons of an EIP, by its (financial, security) locks.
var lockViews = [2][2][]eipsim.LockReason{
	{nil, {"security"}},
	{{"financial"}, {"financial", "security"}},
}

// eipView is e as DescribeEipAddresses and Sim.EIPs show it. Its Tags
// share e's slice: read them, do not change them.
func (m *model) eipView(e *mEIP) eipsim.EIP {
	v := eipsim.EIP{AllocationID: e.id, IPAddress: e.ip, RegionID: m.regions[e.region], AccountID: e.account,
		Status: eipsim.Status(e.status), InstanceID: e.target, InstanceType: eipsim.InstanceType(e.ttype),
		PrivateIPAddress: e.privIP, Mode: e.mode, ChargeType: "PostPaid", InternetChargeType: "PayByBandwidth",
		Bandwidth: e.bandwidth, ISP: "BGP", Netmode: "public", Name: e.name, Description: e.description, BusinessStatus: "Normal",
		LockReasons: lockViews[b2n(e.fin)][b2n(e.sec)], DeletionProtection: e.protected,
		AllocationTime: time.Unix(0, e.allocated.UnixNano()).UTC()}
	if e.traffic {
		v.InternetChargeType = "PayByTraffic"
	}
	if e.prepaid {
		v.ChargeType, v.ExpiredTime = "PrePaid", e.expired.UTC()
	}
	if e.isp != "" {
		v.ISP = e.isp
	}
	if e.fin {
		v.BusinessStatus = "FinancialLocked"
	}
	if len(e.tags) > 0 {
		v.Tags = e.tags
	}
	return v
}

func b2n(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sameEIP compares two EIP views field by field (answerDiff would do, at a
// cost Check pays for every EIP after every change).
func sameEIP(a, b *eipsim.EIP) bool {
	return a.AllocationID == b.AllocationID && a.IPAddress == b.IPAddress && a.RegionID == b.RegionID && a.AccountID == b.AccountID &&
		a.Status == b.Status && a.InstanceID == b.InstanceID && a.InstanceType == b.InstanceType &&
		a.PrivateIPAddress == b.PrivateIPAddress && a.Mode == b.Mode && a.ChargeType == b.ChargeType &&
		a.InternetChargeType == b.InternetChargeType && a.Bandwidth == b.Bandwidth && a.ISP == b.ISP && a.Netmode == b.Netmode &&
		a.Name == b.Name && a.Description == b.Description && a.ResourceGroupID == b.ResourceGroupID &&
		a.BusinessStatus == b.BusinessStatus && slices.Equal(a.LockReasons, b.LockReasons) &&
		a.DeletionProtection == b.DeletionProtection && a.AllocationTime.Equal(b.AllocationTime) &&
		a.ExpiredTime.Equal(b.ExpiredTime) && slices.Equal(a.Tags, b.Tags)
}

// gatewayView is g as Sim.NatGateways and DescribeNatGateways show it: in
// the owner's implicit VPC (CreateNatGateway's, and the worlds'), its
// tables named after it, its EIPs by AllocationId with their addresses.
func (m *model) gatewayView(g *mGateway) eipsim.NatGateway {
	suffix := strings.TrimPrefix(g.id, "ngw-")
	v := eipsim.NatGateway{NatGatewayID: g.id, RegionID: m.regions[g.region], AccountID: g.account,
		VpcID: implicitVPC(m.regions[g.region], g.account), Status: g.status, BusinessStatus: g.businessStatus(),
		SnatTableID: "stb-" + suffix, ForwardTableID: "ftb-" + suffix, AllocationIDs: g.eips}
	for _, id := range g.eips {
		ip := ""
		if e := m.eip(id); e != nil {
			ip = e.ip
		}
		v.IPAddresses = append(v.IPAddresses, ip)
	}
	return v
}

// haVipView is h as Sim.HaVips and DescribeHaVips show it.
func (m *model) haVipView(h *mHaVip) eipsim.HaVip {
	v := eipsim.HaVip{HaVipID: h.id, RegionID: m.regions[h.region], AccountID: h.account,
		VpcID: implicitVPC(m.regions[h.region], h.account), VSwitchID: h.vsw, IPAddress: h.ip, Status: h.status,
		AssociatedInstances: h.instances, AllocationID: h.eip}
	if e := m.eip(h.eip); e != nil {
		v.AssociatedEipAddresses = []string{e.ip}
	}
	return v
}

// snatEntryView is x, an SNAT entry of g, as DescribeSnatTableEntries
// shows it.
func snatEntryView(g *mGateway, x *mEntry) eipsim.SnatEntry {
	return eipsim.SnatEntry{SnatEntryID: x.id, SnatTableID: "stb-" + strings.TrimPrefix(g.id, "ngw-"),
		NatGatewayID: g.id, SnatIP: strings.Join(x.ips, ","), SourceVSwitchID: x.vsw, SourceCIDR: x.cidr, SnatEntryName: x.name, Status: x.status}
}

// forwardEntryView is x, a DNAT entry of g, as DescribeForwardTableEntries
// shows it.
func forwardEntryView(g *mGateway, x *mEntry) eipsim.ForwardEntry {
	return eipsim.ForwardEntry{ForwardEntryID: x.id, ForwardTableID: "ftb-" + strings.TrimPrefix(g.id, "ngw-"),
		NatGatewayID: g.id, ExternalIP: x.ips[0], ExternalPort: x.extPort, InternalIP: x.intIP, InternalPort: x.intPort,
		IPProtocol: x.proto, PortBreak: x.portBreak, Status: x.status}
}

// entriesAnswer is DescribeSnatTableEntries' (snat) or
// DescribeForwardTableEntries' answer for all of g's entries of that kind
// on one page of pageSize, in creation order.
func (m *model) entriesAnswer(g *mGateway, snat bool, pageSize int) any {
	var ids []string
	for _, x := range g.entries {
		if x.snat == snat {
			ids = append(ids, x.id)
		}
	}
	return m.listingAnswer(ids, len(ids), 1, pageSize, g, map[bool]string{true: "DescribeSnatTableEntries", false: "DescribeForwardTableEntries"}[snat])
}

// listingAnswer is the whole answer of one of the four NAT and HaVip
// listings (action): the items of page (IDs; for the entries, of g's table,
// in creation order) in the views above, TotalCount and the page asked for.
func (m *model) listingAnswer(page []string, total, pageNumber, pageSize int, g *mGateway, action string) any {
	switch action {
	case "DescribeNatGateways":
		r := &eipsim.DescribeNatGatewaysResponse{TotalCount: total, PageNumber: pageNumber, PageSize: pageSize}
		for _, id := range page {
			r.NatGateways = append(r.NatGateways, m.gatewayView(m.gateway(id)))
		}
		return r
	case "DescribeHaVips":
		r := &eipsim.DescribeHaVipsResponse{TotalCount: total, PageNumber: pageNumber, PageSize: pageSize}
		for _, id := range page {
			r.HaVips = append(r.HaVips, m.haVipView(m.havip(id)))
		}
		return r
	case "DescribeSnatTableEntries":
		r := &eipsim.DescribeSnatTableEntriesResponse{TotalCount: total, PageNumber: pageNumber, PageSize: pageSize}
		for _, x := range g.entries {
			if x.snat && slices.Contains(page, x.id) {
				r.SnatTableEntries = append(r.SnatTableEntries, snatEntryView(g, x))
			}
		}
		return r
	}
	r := &eipsim.DescribeForwardTableEntriesResponse{TotalCount: total, PageNumber: pageNumber, PageSize: pageSize}
	for _, x := range g.entries {
		if !x.snat && slices.Contains(page, x.id) {
			r.ForwardTableEntries = append(r.ForwardTableEntries, forwardEntryView(g, x))
		}
	}
	return r
}
