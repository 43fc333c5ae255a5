package eipsim

// AllocateEipAddress follows the VPC API reference:
// https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-allocateeipaddress
// The new EIP is Available at once.

import (
	"context"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// AllocateEipAddressRequest holds the AllocateEipAddress parameters; the
// wire tags give their cloud names.
type AllocateEipAddressRequest struct {
	RegionID string `wire:"RegionId"`
	// Bandwidth in Mbit/s, as on the wire; default "5".
	Bandwidth string `wire:"Bandwidth"`
	// InstanceChargeType is PostPaid (default) or PrePaid.
	InstanceChargeType string `wire:"InstanceChargeType"`
	// InternetChargeType is PayByBandwidth (default) or PayByTraffic.
	InternetChargeType string `wire:"InternetChargeType"`
	// Period and PricingCycle (Month, the default, or Year) are for PrePaid.
	Period       int    `wire:"Period"`
	PricingCycle string `wire:"PricingCycle"`
	AutoPay      bool   `wire:"AutoPay"`
	// ISP is the line type; default BGP.
	ISP             string `wire:"ISP"`
	Netmode         string `wire:"Netmode"`
	ResourceGroupID string `wire:"ResourceGroupId"`
	Name            string `wire:"Name"`
	Description     string `wire:"Description"`
	// IPAddress asks for a specific address of the pool (for example one
	// released earlier).
	IPAddress   string `wire:"IpAddress"`
	ClientToken string `wire:"ClientToken"`
	// Tag holds up to 20 tags for the new EIP (see [Sim.TagResources]).
	Tag []Tag `wire:"Tag.N"`
}

// AllocateEipAddressResponse is AllocateEipAddress's answer.
type AllocateEipAddressResponse struct {
	RequestID    string
	AllocationID string
	EipAddress   string
	// OrderID is set for PrePaid EIPs only.
	OrderID         int64
	ResourceGroupID string
}

var isps = []string{"BGP", "BGP_PRO", "ChinaTelecom", "ChinaUnicom", "ChinaMobile", "ChinaTelecom_L2", "ChinaUnicom_L2", "ChinaMobile_L2", "BGP_FinanceCloud"}

// AllocateEipAddress allocates an EIP to the caller's account.
func (s *Sim) AllocateEipAddress(ctx context.Context, req AllocateEipAddressRequest) (*AllocateEipAddressResponse, error) {
	return serve(s, ctx, ActionAllocateEipAddress, (*Sim).AllocateEipAddress, req, "", (*Sim).allocateEipAddress)
}

// created makes ApplyThenFail rules match on the new EIP.
func (r *AllocateEipAddressResponse) created() string { return r.AllocationID }

func (s *Sim) allocateEipAddress(c *call, req AllocateEipAddressRequest) (*AllocateEipAddressResponse, *Error) {
	region, bw, err := s.checkAllocate(c, &req)
	if err != nil {
		return nil, err
	}
	if err := c.checkTags(req.Tag); err != nil {
		return nil, err
	}
	token, old, err := replayToken[AllocateEipAddressResponse](s, c, &req.ClientToken, &req)
	if err != nil {
		return old, err
	}
	if s.idx.held(c.account, region) >= s.cfg.quota+b2i(bugs.quotaOffByOne) {
		return nil, c.err(CodeQuotaExceededEip)
	}
	var ip uint32
	if req.IPAddress != "" {
		ip = ip4(netip.MustParseAddr(req.IPAddress)) // checked by checkAllocate
		if !s.pool.contains(ip) {
			return nil, c.err(CodeResourceNotFoundIP)
		}
		if s.pool.used.has(ip) {
			return nil, c.err(CodeIPAllocated)
		}
	} else {
		var ok bool
		if ip, ok = s.pool.next(); !ok {
			return nil, c.err(CodeOperationFailedInsufficientEIP)
		}
	}
	e := s.newEIP()
	*e = eip{
		id:        s.ids.allocationID(s.allocationIDTaken),
		account:   c.account,
		allocated: c.at,
		ip:        ip,
		bandwidth: int32(bw),
		region:    region,
		prepaid:   req.InstanceChargeType == ChargeTypePrePaid,
		traffic:   req.InternetChargeType == InternetChargePayByTraffic,
	}
	for _, t := range req.Tag {
		e.ext().tags.set(t.Key, t.Value)
	}
	if req.Name != "" || req.Description != "" || req.ISP != "BGP" || req.ResourceGroupID != "" || e.prepaid {
		x := e.ext()
		x.name, x.description, x.resourceGroup = req.Name, req.Description, req.ResourceGroupID
		if req.ISP != "BGP" {
			x.isp = req.ISP
		}
		if e.prepaid {
			if req.PricingCycle == "Year" {
				x.expired = c.now().AddDate(req.Period, 0, 0)
			} else {
				x.expired = c.now().AddDate(0, req.Period, 0)
			}
		}
	}
	s.addEIP(e)
	resp := s.resps.allocate.next()
	resp.RequestID, resp.AllocationID, resp.EipAddress, resp.ResourceGroupID = c.rid, e.id, s.ids.calls.addr(ip), req.ResourceGroupID
	if e.prepaid {
		resp.OrderID = s.ids.orderID()
	}
	s.ok(c, e.id)
	s.transition(c.now(), c.action, e.id, "", string(StatusAvailable), c.rid)
	if token != "" { // else req, large, would be copied for nothing
		rememberResponse(s, c, token, req, resp)
	}
	return resp, nil
}

// checkAllocate validates the parameters and fills in their defaults; it
// returns the region's index and the bandwidth.
func (s *Sim) checkAllocate(c *call, req *AllocateEipAddressRequest) (uint8, int, *Error) {
	if req.RegionID == "" {
		return 0, 0, c.missing("RegionId")
	}
	region, ok := s.regionIndex(req.RegionID)
	if !ok {
		return 0, 0, c.err(CodeInvalidRegionIDNotFound)
	}
	if err := c.checkToken(req.ClientToken); err != nil {
		return 0, 0, err
	}
	// Each default is set without comparing it again.
	prepaid := false
	if req.InstanceChargeType == "" {
		req.InstanceChargeType = ChargeTypePostPaid
	} else if prepaid = req.InstanceChargeType == ChargeTypePrePaid; !prepaid && req.InstanceChargeType != ChargeTypePostPaid {
		return 0, 0, c.invalid("InstanceChargeType")
	}
	traffic := false
	if req.InternetChargeType == "" {
		req.InternetChargeType = InternetChargePayByBandwidth
	} else if traffic = req.InternetChargeType == InternetChargePayByTraffic; !traffic && req.InternetChargeType != InternetChargePayByBandwidth ||
		prepaid && traffic {
		return 0, 0, newErrorAlt(CodeInvalidParameter, altInvalidInternetChargeType, c.rid)
	}
	bw := 5 // the default, which needs no parsing
	if req.Bandwidth == "" {
		req.Bandwidth = "5"
	} else {
		var err error
		if bw, err = strconv.Atoi(req.Bandwidth); err != nil {
			return 0, 0, c.err(CodeInvalidBandwidthMalformed)
		}
	}
	max := 500
	switch {
	case prepaid:
		max = 1000
	case traffic:
		max = 200
	}
	if bw < 1 || bw > max {
		return 0, 0, newErrorAlt(CodeInvalidParameter, altInvalidBandwidthAllocate, c.rid)
	}
	if prepaid {
		if req.PricingCycle == "" {
			req.PricingCycle = "Month"
		}
		if req.PricingCycle != "Month" && req.PricingCycle != "Year" {
			return 0, 0, c.invalid("PricingCycle")
		}
		if req.Period == 0 {
			return 0, 0, c.missing("Period")
		}
		if maxPeriod := map[string]int{"Month": 9, "Year": 5}[req.PricingCycle]; req.Period < 1 || req.Period > maxPeriod {
			return 0, 0, c.invalid("Period")
		}
		if req.Name != "" {
			return 0, 0, c.invalid("Name")
		}
		if req.Description != "" {
			return 0, 0, c.invalid("Description")
		}
	} else {
		// Period, PricingCycle and AutoPay only apply to PrePaid EIPs.
		// PricingCycle, nearly always "" already, is not written again: a
		// string written is a write barrier while the GC marks.
		req.Period, req.AutoPay = 0, false
		if req.PricingCycle != "" {
			req.PricingCycle = ""
		}
	}
	if req.ISP == "" {
		req.ISP = "BGP"
	} else if !slices.Contains(isps, req.ISP) {
		return 0, 0, c.err(CodeIllegalParamIsp, "ISP")
	}
	if req.Netmode == "" {
		req.Netmode = "public"
	} else if req.Netmode != "public" {
		return 0, 0, c.invalid("Netmode")
	}
	if req.Name != "" && !validName(req.Name) {
		return 0, 0, c.invalid("Name")
	}
	if req.Description != "" && !validDescription(req.Description) {
		return 0, 0, c.invalid("Description")
	}
	if req.IPAddress != "" && !validIPv4(req.IPAddress) {
		return 0, 0, c.invalid("IpAddress")
	}
	return region, bw, nil
}

// addEIP indexes a new EIP.
func (s *Sim) addEIP(e *eip) {
	s.allocations++
	e.n = s.allocations
	s.eips.put(e)
	s.lastEIP = e
	s.order = append(s.order, e)
	s.pool.used.add(e.ip)
	s.idx.add(e)
}

// removeEIP forgets a released EIP: its ID, address and quota are free.
// It stays in s.eips and s.order, marked gone, until compactEIPs.
func (s *Sim) removeEIP(e *eip) {
	s.pool.used.remove(e.ip)
	e.gone = true
	s.idx.remove(e)
	s.dead++
}

// compactEIPs drops released EIPs from s.order and s.eips once they are
// more than half of s.order. s.eips is rebuilt from the live EIPs rather
// than deleted from one by one: deleting a random key from a table of a
// million costs a cache miss, and when a settle releases EIPs in bulk the
// live ones left are few. Each rebuild costs at most one insert per
// release since the last, so the cost stays O(1) per release amortized.
// A small table is cleared and refilled in place rather than made again,
// so that EIPs coming and going a few at a time cost no allocations; a
// big one is made again, so that its memory shrinks after a bulk release
// (eipTable.reset).
// settle calls it after applying its tasks (only tasks release EIPs); the
// test is inlined there, the compaction is not.
func (s *Sim) compactEIPs() {
	if s.dead > 64 && s.dead > len(s.order)/2 {
		s.compactEIPsNow()
	}
}

// compactEIPsNow is compactEIPs once the released EIPs are enough. The
// released EIPs' records are kept for reuse (freeEIP): the index lets go
// of them first (dropReleased), and s.lastEIP if it is one.
func (s *Sim) compactEIPsNow() {
	s.idx.dropReleased()
	if s.lastEIP != nil && s.lastEIP.gone {
		s.lastEIP = nil
	}
	live := s.order[:0]
	for _, e := range s.order {
		if e.gone {
			s.freeEIP(e)
		} else {
			live = append(live, e)
		}
	}
	clear(s.order[len(live):])
	s.order = live
	s.dead = 0
	s.eips.reset(len(s.order))
	for _, e := range s.order {
		s.eips.put(e)
	}
}

// maxClearedEIPMap is the largest s.eips (in EIPs) that compactEIPs clears
// in place.
const maxClearedEIPMap = 4096

// eipByID returns the EIP with the AllocationId; released EIPs do not
// exist (s.eips may still hold them until compactEIPs).
func (s *Sim) eipByID(id string) (*eip, bool) {
	// A live EIP's ID is unique, so the EIP last found, if still live
	// and of this ID, is the one the map holds: a caller's writes on one
	// EIP (the same ID string, most often) cost no hashing.
	if e := s.lastEIP; e != nil && !e.gone && e.id == id {
		return e, true
	}
	e := s.eips.get(id)
	if e == nil || e.gone {
		return nil, false
	}
	s.lastEIP = e
	return e, true
}

// allocationIDTaken reports whether an AllocationId is in use, by a live
// EIP or a resource of the world. It is idTaken, but the world is not
// looked at for an ID of the drawn IDs' prefix while no resource of the
// world has one (world.eipLike): a drawn ID's check is one lookup.
func (s *Sim) allocationIDTaken(id string) bool {
	if _, ok := s.eipByID(id); ok {
		return true
	}
	if !s.world.eipLike && strings.HasPrefix(id, allocationIDPrefix) {
		return false
	}
	return s.world.has(id)
}
