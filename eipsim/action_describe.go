package eipsim

// DescribeEipAddresses follows the VPC API reference:
// https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-describeeipaddresses
// It shows the caller's EIPs of one region, oldest allocation first. A
// released or unknown AllocationId gives an empty list, not an error.

import (
	"cmp"
	"context"
	"math"
	"net/netip"
	"slices"
)

// DescribeEipAddressesRequest holds the DescribeEipAddresses parameters.
// Empty fields do not filter.
type DescribeEipAddressesRequest struct {
	RegionID string `wire:"RegionId"`
	// AllocationID and EipAddress are comma-separated lists of up to 50.
	AllocationID           string       `wire:"AllocationId"`
	EipAddress             string       `wire:"EipAddress"`
	Status                 Status       `wire:"Status"`
	AssociatedInstanceType InstanceType `wire:"AssociatedInstanceType"`
	AssociatedInstanceID   string       `wire:"AssociatedInstanceId"`
	LockReason             LockReason   `wire:"LockReason"`
	ChargeType             string       `wire:"ChargeType"`
	ISP                    string       `wire:"ISP"`
	EipName                string       `wire:"EipName"`
	ResourceGroupID        string       `wire:"ResourceGroupId"`
	// PageNumber defaults to 1; PageSize defaults to 10, at most 100.
	PageNumber int  `wire:"PageNumber"`
	PageSize   int  `wire:"PageSize"`
	DryRun     bool `wire:"DryRun"`
	// Tag filters (up to 20): an EIP must have every pair; an empty Value
	// matches any value of the key.
	Tag []Tag `wire:"Tag.N"`
}

// DescribeEipAddressesResponse is DescribeEipAddresses's answer.
type DescribeEipAddressesResponse struct {
	RequestID    string
	TotalCount   int
	PageNumber   int
	PageSize     int
	EipAddresses []EIP
}

var statuses = []Status{StatusAvailable, StatusAssociating, StatusInUse, StatusUnassociating, StatusReleasing}

// DescribeEipAddresses lists the caller's EIPs in a region.
func (s *Sim) DescribeEipAddresses(ctx context.Context, req DescribeEipAddressesRequest) (*DescribeEipAddressesResponse, error) {
	return serveRead(s, ctx, ActionDescribeEipAddresses, (*Sim).DescribeEipAddresses, req, req.AllocationID,
		(*Sim).describeEipAddresses)
}

func (s *Sim) describeEipAddresses(c *call, req DescribeEipAddressesRequest) (*DescribeEipAddressesResponse, *Error) {
	region, ids, ips, err := s.checkDescribe(c, &req)
	if err != nil {
		return nil, err
	}
	if len(req.Tag) > MaxTagsPerCall {
		return nil, c.invalid("Tag.N")
	}
	for _, f := range req.Tag {
		if f.Key == "" {
			return nil, c.err(CodeMissingParamTagKey)
		}
	}
	match := func(e *eip) bool {
		if e.gone || e.account != c.account || e.region != region {
			return false
		}
		if len(ips) > 0 && !slices.Contains(ips, addr4(e.ip).String()) {
			return false
		}
		if req.Status != "" && lifecycle.states[e.status] != req.Status {
			return false
		}
		if req.AssociatedInstanceType != "" && (e.bind == nil || e.bind.target.targetType() != req.AssociatedInstanceType) {
			return false
		}
		if req.AssociatedInstanceID != "" && (e.bind == nil || e.bind.target.targetID() != req.AssociatedInstanceID) {
			return false
		}
		switch req.LockReason {
		case LockFinancial:
			if e.business != bsLocked {
				return false
			}
		case LockSecurity:
			if e.security != secLocked {
				return false
			}
		}
		if req.ChargeType != "" && (req.ChargeType == ChargeTypePrePaid) != e.prepaid {
			return false
		}
		var name, isp, rg string
		if len(req.Tag) > 0 && (e.extra == nil || !e.extra.tags.matches(req.Tag)) {
			return false
		}
		if e.extra != nil {
			name, isp, rg = e.extra.name, e.extra.isp, e.extra.resourceGroup
		}
		if isp == "" {
			isp = "BGP"
		}
		return (req.ISP == "" || req.ISP == isp) && (req.EipName == "" || req.EipName == name) &&
			(req.ResourceGroupID == "" || req.ResourceGroupID == rg)
	}
	var total int
	var shown []*eip
	switch {
	case len(ids) > 0 || len(ips) > 0:
		// At most 50 candidates, looked up one by one.
		var found []*eip
		if len(ids) > 0 {
			for _, id := range ids {
				if e, ok := s.eipByID(id); ok && match(e) && !slices.Contains(found, e) {
					found = append(found, e)
				}
			}
			slices.SortFunc(found, cmpEIP)
		} else {
			for _, ip := range ips {
				a, err := netip.ParseAddr(ip)
				if err != nil || !a.Is4() {
					continue
				}
				if e := s.idx.byIP.get(ip4(a)); e != nil && match(e) && !slices.Contains(found, e) {
					found = append(found, e)
				}
			}
			slices.SortFunc(found, func(a, b *eip) int { return cmp.Compare(a.n, b.n) })
		}
		total = len(found)
		lo, hi := pageBounds(req.PageNumber, req.PageSize, total, b2i(bugs.pagingOffByOne))
		shown = found[lo:hi]
	case req.AssociatedInstanceID != "":
		// The target's own bookkeeping holds the EIPs bound to it: at most
		// a NAT gateway's EIP limit, in the order they were bound.
		found := s.boundTo(req.AssociatedInstanceID)
		found = slices.DeleteFunc(found, func(e *eip) bool { return !match(e) })
		slices.SortFunc(found, func(a, b *eip) int { return cmp.Compare(a.n, b.n) })
		total = len(found)
		lo, hi := pageBounds(req.PageNumber, req.PageSize, total, b2i(bugs.pagingOffByOne))
		shown = found[lo:hi]
	default:
		s.idx.sync()
		g := s.idx.group(c.account, region)
		if g == nil {
			break
		}
		t := g.all
		if req.Status != "" {
			if t = g.statusTree(lifecycle.stateOf(req.Status)); t == nil {
				break
			}
		}
		if residualEIPFilter(&req) {
			// A filter no index serves: read the candidates in order,
			// count the matches, keep the page's.
			lo, hi := pageBounds(req.PageNumber, req.PageSize, math.MaxInt, b2i(bugs.pagingOffByOne))
			scan(t, func(e *eip) bool {
				if match(e) {
					if total >= lo && total < hi {
						shown = append(shown, e)
					}
					total++
				}
				return true
			})
			break
		}
		total = size(t)
		lo, hi := pageBounds(req.PageNumber, req.PageSize, total, b2i(bugs.pagingOffByOne))
		shown = page(t, lo, hi-lo, nil)
	}
	resp := &DescribeEipAddressesResponse{RequestID: c.rid, TotalCount: total, PageNumber: req.PageNumber, PageSize: req.PageSize}
	if bugs.describePageSizeShown {
		resp.PageSize = len(shown)
	}
	if len(shown) > 0 {
		resp.EipAddresses = make([]EIP, len(shown))
		for i, e := range shown {
			resp.EipAddresses[i] = s.snapshot(e)
		}
	}
	s.ok(c, "")
	return resp, nil
}

// boundTo returns a copy of the EIPs bound to the target with the given
// ID, of any kind and account, as the target records them.
func (s *Sim) boundTo(id string) []*eip {
	if r, ok := s.world.instances[id]; ok && r.eip != nil {
		return []*eip{r.eip}
	}
	if r, ok := s.world.slbs[id]; ok && r.eip != nil {
		return []*eip{r.eip}
	}
	if h, ok := s.world.havips[id]; ok && h.eip != nil {
		return []*eip{h.eip}
	}
	if n, ok := s.world.enis[id]; ok {
		return slices.Clone(n.bound)
	}
	if g, ok := s.world.nats[id]; ok {
		return slices.Clone(g.eips)
	}
	return nil
}

// residualEIPFilter reports whether req filters on a field the EIP index
// does not serve (anything but the account, region, Status, AllocationId,
// EipAddress and AssociatedInstanceId, which have their own paths). A new
// filter (Tag.N) belongs both here and in match.
func residualEIPFilter(req *DescribeEipAddressesRequest) bool {
	return req.AssociatedInstanceType != "" || req.LockReason != "" ||
		req.ChargeType != "" || req.ISP != "" || req.EipName != "" || req.ResourceGroupID != "" || len(req.Tag) > 0
}

// cmpEIP orders EIPs by allocation: time, then the order they were added.
func cmpEIP(a, b *eip) int {
	if a.allocated != b.allocated {
		if a.allocated < b.allocated {
			return -1
		}
		return 1
	}
	if a.n < b.n {
		return -1
	}
	if a.n > b.n {
		return 1
	}
	return 0
}

func (s *Sim) checkDescribe(c *call, req *DescribeEipAddressesRequest) (uint8, []string, []string, *Error) {
	if req.RegionID == "" {
		return 0, nil, nil, c.missing("RegionId")
	}
	region, ok := s.regionIndex(req.RegionID)
	if !ok {
		return 0, nil, nil, c.err(CodeForbiddenRegionNotFound)
	}
	ids, ips := splitList(req.AllocationID), splitList(req.EipAddress)
	if len(ids) > 50 {
		return 0, nil, nil, c.invalid("AllocationId")
	}
	if len(ips) > 50 {
		return 0, nil, nil, c.invalid("EipAddress")
	}
	if req.Status != "" && !slices.Contains(statuses, req.Status) {
		return 0, nil, nil, c.invalid("Status")
	}
	if req.AssociatedInstanceType != "" && !slices.Contains(instanceTypes, req.AssociatedInstanceType) {
		return 0, nil, nil, c.err(CodeInvalidIAssociatedInstanceType)
	}
	if req.LockReason != "" && req.LockReason != LockFinancial && req.LockReason != LockSecurity {
		return 0, nil, nil, c.err(CodeInvalidLockReasonNotFound)
	}
	if req.ChargeType != "" && req.ChargeType != ChargeTypePostPaid && req.ChargeType != ChargeTypePrePaid {
		return 0, nil, nil, c.err(CodeInvalidChargeTypeValueNotSupport)
	}
	if err := c.checkPage(&req.PageNumber, &req.PageSize, 100); err != nil {
		return 0, nil, nil, err
	}
	if req.DryRun {
		return 0, nil, nil, c.err(CodeDryRunOperation)
	}
	return region, ids, ips, nil
}
