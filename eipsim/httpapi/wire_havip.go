package httpapi

import "github.com/eipsim/eipsim/eipsim"

// The wire shapes of the HaVip actions, after the SDK's
// CreateHaVipResponseBody and DescribeHaVipsResponseBody.

type createHaVipResponse struct {
	RequestID string `json:"RequestId"`
	HaVipID   string `json:"HaVipId"`
	IPAddress string `json:"IpAddress"`
}

func createHaVipWire(r *eipsim.CreateHaVipResponse) createHaVipResponse {
	return createHaVipResponse{r.RequestID, r.HaVipID, r.IPAddress}
}

type describeHaVipsResponse struct {
	RequestID  string `json:"RequestId"`
	TotalCount int    `json:"TotalCount"`
	PageNumber int    `json:"PageNumber"`
	PageSize   int    `json:"PageSize"`
	HaVips     struct {
		HaVip []haVipItem `json:"HaVip"`
	} `json:"HaVips"`
}

// haVipItem is one HaVip. The model spells the inner list names in
// lowerCamelCase and singularises "Addresses" as "Addresse"
// (AssociatedEipAddresses.associatedEipAddresse), as the cloud does.
// ChargeType is "Free" (HaVips are not billed); CreateTime is the fixed
// value of natCreationTime, the Sim does not record it;
// AssociatedInstanceType is EcsInstance, the only kind AssociateHaVip
// takes in the Sim, and "" when nothing is associated; MasterInstanceId
// is the first associated instance.
type haVipItem struct {
	HaVipID                string `json:"HaVipId"`
	RegionID               string `json:"RegionId"`
	VpcID                  string `json:"VpcId"`
	VSwitchID              string `json:"VSwitchId"`
	IPAddress              string `json:"IpAddress"`
	Name                   string `json:"Name"`
	Description            string `json:"Description"`
	Status                 string `json:"Status"`
	ChargeType             string `json:"ChargeType"`
	CreateTime             string `json:"CreateTime"`
	ResourceGroupID        string `json:"ResourceGroupId"`
	MasterInstanceID       string `json:"MasterInstanceId"`
	AssociatedInstanceType string `json:"AssociatedInstanceType"`
	AssociatedInstances    struct {
		AssociatedInstance []string `json:"associatedInstance"`
	} `json:"AssociatedInstances"`
	AssociatedEipAddresses struct {
		AssociatedEipAddresse []string `json:"associatedEipAddresse"`
	} `json:"AssociatedEipAddresses"`
	Tags struct {
		Tag []tag `json:"Tag"`
	} `json:"Tags"`
}

func describeHaVipsWire(r *eipsim.DescribeHaVipsResponse) *describeHaVipsResponse {
	out := &describeHaVipsResponse{RequestID: r.RequestID, TotalCount: r.TotalCount, PageNumber: r.PageNumber, PageSize: r.PageSize}
	out.HaVips.HaVip = make([]haVipItem, 0, len(r.HaVips))
	for _, h := range r.HaVips {
		it := haVipItem{
			HaVipID: h.HaVipID, RegionID: h.RegionID, VpcID: h.VpcID, VSwitchID: h.VSwitchID, IPAddress: h.IPAddress,
			Name: h.Name, Description: h.Description, Status: h.Status, ChargeType: "Free", CreateTime: natCreationTime,
		}
		if len(h.AssociatedInstances) > 0 {
			it.MasterInstanceID = h.AssociatedInstances[0]
			it.AssociatedInstanceType = string(eipsim.InstanceTypeEcsInstance)
		}
		it.AssociatedInstances.AssociatedInstance = nonNil(h.AssociatedInstances)
		it.AssociatedEipAddresses.AssociatedEipAddresse = nonNil(h.AssociatedEipAddresses)
		it.Tags.Tag = make([]tag, 0, len(h.Tags))
		for _, t := range h.Tags {
			it.Tags.Tag = append(it.Tags.Tag, tag{Key: t.Key, Value: t.Value})
		}
		out.HaVips.HaVip = append(out.HaVips.HaVip, it)
	}
	return out
}
