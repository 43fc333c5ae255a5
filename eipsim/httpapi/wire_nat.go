package httpapi

import "github.com/eipsim/eipsim/eipsim"

// The wire shapes of the NAT gateway actions, after the SDK's
// CreateNatGatewayResponseBody, DescribeNatGatewaysResponseBody,
// CreateSnatEntryResponseBody, DescribeSnatTableEntriesResponseBody,
// CreateForwardEntryResponseBody and DescribeForwardTableEntriesResponseBody.

// NAT gateway fields the Sim does not model, answered with the cloud's
// defaults for a gateway made by CreateNatGateway with no options: an
// Enhanced internet NAT gateway, pay-as-you-go, billed by CU.
const (
	natType            = "Enhanced"
	natSpec            = "Small"
	natNetworkType     = "internet"
	natChargeType      = "PostPaid"
	natInternetCharge  = "PayByLcu"
	natEipBindMode     = "MULTI_BINDED"
	natPrivateLinkMode = "FullNat"
	natAccessMode      = "route"
	natSessionLog      = "false"
	// natCreationTime stands for CreationTime, which the Sim does not
	// record: a fixed, documented value rather than a guess at the clock.
	natCreationTime = "2026-01-01T00:00:00Z"
	// ipIdle is an IpList entry's UsingStatus; the Sim's gateway snapshot
	// does not say which entries use an address.
	ipIdle = "Idle"
)

type createNatGatewayResponse struct {
	RequestID       string     `json:"RequestId"`
	NatGatewayID    string     `json:"NatGatewayId"`
	SnatTableIDs    snatTables `json:"SnatTableIds"`
	ForwardTableIDs fwdTables  `json:"ForwardTableIds"`
	FullNatTableIDs struct {
		FullNatTableID []string `json:"FullNatTableId"`
	} `json:"FullNatTableIds"`
}

type snatTables struct {
	SnatTableID []string `json:"SnatTableId"`
}

type fwdTables struct {
	ForwardTableID []string `json:"ForwardTableId"`
}

func createNatGatewayWire(r *eipsim.CreateNatGatewayResponse) createNatGatewayResponse {
	out := createNatGatewayResponse{RequestID: r.RequestID, NatGatewayID: r.NatGatewayID,
		SnatTableIDs: snatTables{nonNil(r.SnatTableIDs)}, ForwardTableIDs: fwdTables{nonNil(r.ForwardTableIDs)}}
	out.FullNatTableIDs.FullNatTableID = []string{}
	return out
}

type describeNatGatewaysResponse struct {
	RequestID   string `json:"RequestId"`
	TotalCount  int    `json:"TotalCount"`
	PageNumber  int    `json:"PageNumber"`
	PageSize    int    `json:"PageSize"`
	NatGateways struct {
		NatGateway []natGatewayItem `json:"NatGateway"`
	} `json:"NatGateways"`
}

// natGatewayItem is DescribeNatGatewaysResponseBodyNatGatewaysNatGateway
// without NatGatewayPrivateInfo (the Sim has no gateway ENI; an absent
// object, as the cloud sends for a gateway without one).
type natGatewayItem struct {
	NatGatewayID   string `json:"NatGatewayId"`
	RegionID       string `json:"RegionId"`
	VpcID          string `json:"VpcId"`
	Name           string `json:"Name"`
	Description    string `json:"Description"`
	Status         string `json:"Status"`
	BusinessStatus string `json:"BusinessStatus"`
	NatType        string `json:"NatType"`
	Spec           string `json:"Spec"`
	NetworkType    string `json:"NetworkType"`
	CreationTime   string `json:"CreationTime"`
	ExpiredTime    string `json:"ExpiredTime"`
	AccessMode     struct {
		ModeValue string `json:"ModeValue"`
	} `json:"AccessMode"`
	InstanceChargeType        string     `json:"InstanceChargeType"`
	InternetChargeType        string     `json:"InternetChargeType"`
	AutoPay                   bool       `json:"AutoPay"`
	DeletionProtection        bool       `json:"DeletionProtection"`
	EcsMetricEnabled          bool       `json:"EcsMetricEnabled"`
	IcmpReplyEnabled          bool       `json:"IcmpReplyEnabled"`
	PrivateLinkEnabled        bool       `json:"PrivateLinkEnabled"`
	PrivateLinkMode           string     `json:"PrivateLinkMode"`
	SecurityProtectionEnabled bool       `json:"SecurityProtectionEnabled"`
	EipBindMode               string     `json:"EipBindMode"`
	EnableSessionLog          string     `json:"EnableSessionLog"`
	ResourceGroupID           string     `json:"ResourceGroupId"`
	SnatTableIDs              snatTables `json:"SnatTableIds"`
	ForwardTableIDs           fwdTables  `json:"ForwardTableIds"`
	FullNatTableIDs           struct {
		FullNatTableID []string `json:"FullNatTableId"`
	} `json:"FullNatTableIds"`
	IPLists struct {
		IPList []natIP `json:"IpList"`
	} `json:"IpLists"`
	Tags struct {
		Tag []natTag `json:"Tag"`
	} `json:"Tags"`
}

type natIP struct {
	AllocationID     string `json:"AllocationId"`
	IPAddress        string `json:"IpAddress"`
	UsingStatus      string `json:"UsingStatus"`
	PrivateIPAddress string `json:"PrivateIpAddress"`
	SnatEntryEnabled bool   `json:"SnatEntryEnabled"`
}

// natTag is a NAT gateway's tag: TagKey and TagValue, not Key and Value.
type natTag struct {
	TagKey   string `json:"TagKey"`
	TagValue string `json:"TagValue"`
}

func describeNatGatewaysWire(r *eipsim.DescribeNatGatewaysResponse) *describeNatGatewaysResponse {
	out := &describeNatGatewaysResponse{RequestID: r.RequestID, TotalCount: r.TotalCount, PageNumber: r.PageNumber, PageSize: r.PageSize}
	out.NatGateways.NatGateway = make([]natGatewayItem, 0, len(r.NatGateways))
	for _, g := range r.NatGateways {
		out.NatGateways.NatGateway = append(out.NatGateways.NatGateway, natGatewayWire(g))
	}
	return out
}

func natGatewayWire(g eipsim.NatGateway) natGatewayItem {
	it := natGatewayItem{
		NatGatewayID: g.NatGatewayID, RegionID: g.RegionID, VpcID: g.VpcID, Name: g.Name, Status: g.Status,
		BusinessStatus: g.BusinessStatus, NatType: natType, Spec: natSpec, NetworkType: natNetworkType,
		CreationTime: natCreationTime, InstanceChargeType: natChargeType, InternetChargeType: natInternetCharge,
		IcmpReplyEnabled: true, PrivateLinkMode: natPrivateLinkMode, EipBindMode: natEipBindMode,
		EnableSessionLog: natSessionLog,
		SnatTableIDs:     snatTables{one(g.SnatTableID)}, ForwardTableIDs: fwdTables{one(g.ForwardTableID)},
	}
	it.AccessMode.ModeValue = natAccessMode
	it.FullNatTableIDs.FullNatTableID = []string{}
	it.IPLists.IPList = make([]natIP, 0, len(g.AllocationIDs))
	for i, id := range g.AllocationIDs {
		ip := natIP{AllocationID: id, UsingStatus: ipIdle, SnatEntryEnabled: false}
		if i < len(g.IPAddresses) {
			ip.IPAddress = g.IPAddresses[i]
		}
		it.IPLists.IPList = append(it.IPLists.IPList, ip)
	}
	it.Tags.Tag = make([]natTag, 0, len(g.Tags))
	for _, t := range g.Tags {
		it.Tags.Tag = append(it.Tags.Tag, natTag{TagKey: t.Key, TagValue: t.Value})
	}
	return it
}

type createSnatEntryResponse struct {
	RequestID   string `json:"RequestId"`
	SnatEntryID string `json:"SnatEntryId"`
}

func createSnatEntryWire(r *eipsim.CreateSnatEntryResponse) createSnatEntryResponse {
	return createSnatEntryResponse{r.RequestID, r.SnatEntryID}
}

type describeSnatTableEntriesResponse struct {
	RequestID        string `json:"RequestId"`
	TotalCount       int    `json:"TotalCount"`
	PageNumber       int    `json:"PageNumber"`
	PageSize         int    `json:"PageSize"`
	SnatTableEntries struct {
		SnatTableEntry []snatItem `json:"SnatTableEntry"`
	} `json:"SnatTableEntries"`
}

// snatItem is one SNAT entry. EipAffinity is "0" (off, the default) and
// NetworkInterfaceId is "" (no ENI-level SNAT in the Sim).
type snatItem struct {
	SnatEntryID        string `json:"SnatEntryId"`
	SnatTableID        string `json:"SnatTableId"`
	NatGatewayID       string `json:"NatGatewayId"`
	SnatIP             string `json:"SnatIp"`
	SourceVSwitchID    string `json:"SourceVSwitchId"`
	SourceCIDR         string `json:"SourceCIDR"`
	SnatEntryName      string `json:"SnatEntryName"`
	Status             string `json:"Status"`
	EipAffinity        string `json:"EipAffinity"`
	NetworkInterfaceID string `json:"NetworkInterfaceId"`
}

func describeSnatTableEntriesWire(r *eipsim.DescribeSnatTableEntriesResponse) *describeSnatTableEntriesResponse {
	out := &describeSnatTableEntriesResponse{RequestID: r.RequestID, TotalCount: r.TotalCount, PageNumber: r.PageNumber, PageSize: r.PageSize}
	out.SnatTableEntries.SnatTableEntry = make([]snatItem, 0, len(r.SnatTableEntries))
	for _, x := range r.SnatTableEntries {
		out.SnatTableEntries.SnatTableEntry = append(out.SnatTableEntries.SnatTableEntry, snatItem{
			SnatEntryID: x.SnatEntryID, SnatTableID: x.SnatTableID, NatGatewayID: x.NatGatewayID, SnatIP: x.SnatIP,
			SourceVSwitchID: x.SourceVSwitchID, SourceCIDR: x.SourceCIDR, SnatEntryName: x.SnatEntryName,
			Status: x.Status, EipAffinity: "0",
		})
	}
	return out
}

type createForwardEntryResponse struct {
	RequestID      string `json:"RequestId"`
	ForwardEntryID string `json:"ForwardEntryId"`
}

func createForwardEntryWire(r *eipsim.CreateForwardEntryResponse) createForwardEntryResponse {
	return createForwardEntryResponse{r.RequestID, r.ForwardEntryID}
}

type describeForwardTableEntriesResponse struct {
	RequestID           string `json:"RequestId"`
	TotalCount          int    `json:"TotalCount"`
	PageNumber          int    `json:"PageNumber"`
	PageSize            int    `json:"PageSize"`
	ForwardTableEntries struct {
		ForwardTableEntry []forwardItem `json:"ForwardTableEntry"`
	} `json:"ForwardTableEntries"`
}

// forwardItem is one DNAT entry. The model has no PortBreak.
type forwardItem struct {
	ForwardEntryID   string `json:"ForwardEntryId"`
	ForwardTableID   string `json:"ForwardTableId"`
	NatGatewayID     string `json:"NatGatewayId"`
	ExternalIP       string `json:"ExternalIp"`
	ExternalPort     string `json:"ExternalPort"`
	InternalIP       string `json:"InternalIp"`
	InternalPort     string `json:"InternalPort"`
	IPProtocol       string `json:"IpProtocol"`
	ForwardEntryName string `json:"ForwardEntryName"`
	Status           string `json:"Status"`
}

func describeForwardTableEntriesWire(r *eipsim.DescribeForwardTableEntriesResponse) *describeForwardTableEntriesResponse {
	out := &describeForwardTableEntriesResponse{RequestID: r.RequestID, TotalCount: r.TotalCount, PageNumber: r.PageNumber, PageSize: r.PageSize}
	out.ForwardTableEntries.ForwardTableEntry = make([]forwardItem, 0, len(r.ForwardTableEntries))
	for _, x := range r.ForwardTableEntries {
		out.ForwardTableEntries.ForwardTableEntry = append(out.ForwardTableEntries.ForwardTableEntry, forwardItem{
			ForwardEntryID: x.ForwardEntryID, ForwardTableID: x.ForwardTableID, NatGatewayID: x.NatGatewayID,
			ExternalIP: x.ExternalIP, ExternalPort: x.ExternalPort, InternalIP: x.InternalIP, InternalPort: x.InternalPort,
			IPProtocol: x.IPProtocol, ForwardEntryName: x.ForwardEntryName, Status: x.Status,
		})
	}
	return out
}

// one is a wrapper list holding id, or an empty one.
func one(id string) []string {
	if id == "" {
		return []string{}
	}
	return []string{id}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
