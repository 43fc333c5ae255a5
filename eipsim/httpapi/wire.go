package httpapi

import (
	"strconv"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// This file holds the wire shapes of the EIP actions' responses: the JSON
// the cloud sends and the official SDK's models read (wire doc §5.1).
// wire_shapes.go maps every Action to its shape.

// wireTimeLayout is how the cloud writes AllocationTime and ExpiredTime.
const wireTimeLayout = "2006-01-02T15:04:05Z"

// allocateResponse is AllocateEipAddress's answer: strings, and OrderId, a
// number, for PrePaid EIPs only.
type allocateResponse struct {
	RequestID       string `json:"RequestId"`
	AllocationID    string `json:"AllocationId"`
	EipAddress      string `json:"EipAddress"`
	ResourceGroupID string `json:"ResourceGroupId"`
	OrderID         int64  `json:"OrderId,omitempty"`
}

func allocateWire(r *eipsim.AllocateEipAddressResponse) allocateResponse {
	return allocateResponse{
		RequestID:       r.RequestID,
		AllocationID:    r.AllocationID,
		EipAddress:      r.EipAddress,
		ResourceGroupID: r.ResourceGroupID,
		OrderID:         r.OrderID,
	}
}

// describeResponse is DescribeEipAddresses's answer: numbers for the
// counts, and the doubled wrapper EipAddresses.EipAddress.
type describeResponse struct {
	RequestID    string `json:"RequestId"`
	TotalCount   int    `json:"TotalCount"`
	PageNumber   int    `json:"PageNumber"`
	PageSize     int    `json:"PageSize"`
	EipAddresses struct {
		EipAddress []eipItem `json:"EipAddress"`
	} `json:"EipAddresses"`
}

// eipItem is one EIP as DescribeEipAddresses shows it. Bandwidth and the
// times are strings; DeletionProtection is a bool; lists sit in wrappers.
// Fields the engine does not model are left out, except the wrappers an SDK
// user dereferences (Tags, SecurityProtectionTypes), which are sent empty.
type eipItem struct {
	AllocationID       string `json:"AllocationId"`
	IPAddress          string `json:"IpAddress"`
	RegionID           string `json:"RegionId"`
	Status             string `json:"Status"`
	InstanceID         string `json:"InstanceId"`
	InstanceType       string `json:"InstanceType"`
	InstanceRegionID   string `json:"InstanceRegionId"`
	PrivateIPAddress   string `json:"PrivateIpAddress"`
	Mode               string `json:"Mode"`
	ChargeType         string `json:"ChargeType"`
	InternetChargeType string `json:"InternetChargeType"`
	Bandwidth          string `json:"Bandwidth"`
	EipBandwidth       string `json:"EipBandwidth"`
	ISP                string `json:"ISP"`
	Netmode            string `json:"Netmode"`
	Name               string `json:"Name"`
	Description        string `json:"Description"`
	ResourceGroupID    string `json:"ResourceGroupId"`
	BusinessStatus     string `json:"BusinessStatus"`
	DeletionProtection bool   `json:"DeletionProtection"`
	AllocationTime     string `json:"AllocationTime"`
	ExpiredTime        string `json:"ExpiredTime"`
	OperationLocks     struct {
		LockReason []lockReason `json:"LockReason"`
	} `json:"OperationLocks"`
	Tags struct {
		Tag []tag `json:"Tag"`
	} `json:"Tags"`
	SecurityProtectionTypes struct {
		SecurityProtectionType []string `json:"SecurityProtectionType"`
	} `json:"SecurityProtectionTypes"`
	// Fields the Sim does not model, with the cloud's values for a plain
	// pay-as-you-go EIP: no VPC or zone named, no bandwidth package, no
	// high-definition monitoring, not managed by a service, not limited
	// to a second-level rate, no reservation.
	VpcID                     string `json:"VpcId"`
	Zone                      string `json:"Zone"`
	HDMonitorStatus           string `json:"HDMonitorStatus"`
	ServiceManaged            int    `json:"ServiceManaged"`
	SecondLimited             bool   `json:"SecondLimited"`
	HasReservationData        string `json:"HasReservationData"`
	BandwidthPackageID        string `json:"BandwidthPackageId"`
	BandwidthPackageType      string `json:"BandwidthPackageType"`
	BandwidthPackageBandwidth string `json:"BandwidthPackageBandwidth"`
	PublicIPAddressPoolID     string `json:"PublicIpAddressPoolId"`
	SegmentInstanceID         string `json:"SegmentInstanceId"`
	// AvailableRegions is not in the v6 SDK model, but the cloud sends it,
	// the older SDK's model (aliyun/alibaba-cloud-sdk-go) has it, and the
	// Terraform data source alicloud_eip_addresses crashes without it: the
	// one field the contract allows beyond the model (wireExtras).
	AvailableRegions struct {
		AvailableRegion []string `json:"AvailableRegion"`
	} `json:"AvailableRegions"`
}

// Constant values of the fields eipItem has but the Sim does not model.
const (
	hdMonitorOff     = "OFF"
	noReservation    = "false"
	serviceUnmanaged = 0
)

type lockReason struct {
	LockReason string `json:"LockReason"`
}

type tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

func describeWire(r *eipsim.DescribeEipAddressesResponse) *describeResponse {
	out := &describeResponse{
		RequestID:  r.RequestID,
		TotalCount: r.TotalCount,
		PageNumber: r.PageNumber,
		PageSize:   r.PageSize,
	}
	out.EipAddresses.EipAddress = make([]eipItem, 0, len(r.EipAddresses))
	for _, e := range r.EipAddresses {
		out.EipAddresses.EipAddress = append(out.EipAddresses.EipAddress, eipWire(e))
	}
	return out
}

func eipWire(e eipsim.EIP) eipItem {
	bw := strconv.Itoa(e.Bandwidth)
	it := eipItem{
		AllocationID:       e.AllocationID,
		IPAddress:          e.IPAddress,
		RegionID:           e.RegionID,
		Status:             string(e.Status),
		InstanceID:         e.InstanceID,
		InstanceType:       string(e.InstanceType),
		PrivateIPAddress:   e.PrivateIPAddress,
		Mode:               e.Mode,
		ChargeType:         e.ChargeType,
		InternetChargeType: e.InternetChargeType,
		Bandwidth:          bw,
		EipBandwidth:       bw,
		ISP:                e.ISP,
		Netmode:            e.Netmode,
		Name:               e.Name,
		Description:        e.Description,
		ResourceGroupID:    e.ResourceGroupID,
		BusinessStatus:     e.BusinessStatus,
		DeletionProtection: e.DeletionProtection,
		AllocationTime:     wireTime(e.AllocationTime),
		ExpiredTime:        wireTime(e.ExpiredTime),
	}
	if e.InstanceID != "" {
		it.InstanceRegionID = e.RegionID
	}
	it.OperationLocks.LockReason = make([]lockReason, 0, len(e.LockReasons))
	for _, r := range e.LockReasons {
		it.OperationLocks.LockReason = append(it.OperationLocks.LockReason, lockReason{string(r)})
	}
	it.Tags.Tag = tagsWire(e.Tags)
	it.SecurityProtectionTypes.SecurityProtectionType = []string{}
	it.HDMonitorStatus, it.HasReservationData, it.ServiceManaged = hdMonitorOff, noReservation, serviceUnmanaged
	it.AvailableRegions.AvailableRegion = []string{e.RegionID}
	return it
}

// wireTime writes t as the cloud does, in UTC to the second; the zero time
// is "".
func wireTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(wireTimeLayout)
}
