package eipsim

// ModifyEipAddressAttribute follows the VPC API reference:
// https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-modifyeipaddressattribute
// It applies at once. The cloud does not say whether it is allowed in the
// transitional statuses; the Sim refuses it there with IncorrectEipStatus,
// since "you can only query the EIP" then. It does not start the write
// cooldown (TaskConflict is not among its documented errors).

import (
	"context"
	"strconv"
)

// ModifyEipAddressAttributeRequest holds the ModifyEipAddressAttribute
// parameters. Empty fields are left unchanged.
type ModifyEipAddressAttributeRequest struct {
	RegionID     string `wire:"RegionId"`
	AllocationID string `wire:"AllocationId"`
	// Bandwidth in Mbit/s: 1-200 for PayByTraffic, 1-500 for PayByBandwidth.
	Bandwidth   string `wire:"Bandwidth"`
	Name        string `wire:"Name"`
	Description string `wire:"Description"`
}

// ModifyEipAddressAttributeResponse is ModifyEipAddressAttribute's answer.
type ModifyEipAddressAttributeResponse struct {
	RequestID string
}

// ModifyEipAddressAttribute changes an EIP's bandwidth, name or description.
func (s *Sim) ModifyEipAddressAttribute(ctx context.Context, req ModifyEipAddressAttributeRequest) (*ModifyEipAddressAttributeResponse, error) {
	if r := s.recordedCall(ctx); r != nil { // recorder.go
		return recordAction(s, r, ctx, ActionModifyEipAddressAttribute, req, (*Sim).ModifyEipAddressAttribute)
	}
	c := s.begin(ctx, ActionModifyEipAddressAttribute)
	defer s.end()
	if err := s.intercept(&c, req.AllocationID, &req); err != nil {
		return nil, s.fail(c, req.AllocationID, err)
	}
	if req.AllocationID == "" {
		return nil, s.fail(c, "", c.missing("AllocationId"))
	}
	bw := 0
	if req.Bandwidth != "" {
		var err error
		if bw, err = strconv.Atoi(req.Bandwidth); err != nil {
			return nil, s.fail(c, req.AllocationID, newErrorAlt(CodeInvalidParameter, altInvalidBandwidthModify, c.rid))
		}
	}
	if req.Name != "" && (len([]rune(req.Name)) > 128 || hasURLPrefix(req.Name)) {
		return nil, s.fail(c, req.AllocationID, c.invalid("Name"))
	}
	if req.Description != "" && (len([]rune(req.Description)) > 256 || hasURLPrefix(req.Description)) {
		return nil, s.fail(c, req.AllocationID, c.invalid("Description"))
	}
	if err := s.checkRegion(&c, req.RegionID); err != nil {
		return nil, s.fail(c, req.AllocationID, err)
	}
	e, err := s.lookupEIP(&c, req.RegionID, req.AllocationID)
	if err != nil {
		return nil, s.fail(c, req.AllocationID, err)
	}
	if err := s.lockError(e, c.action, c.rid); err != nil {
		return nil, s.fail(c, e.id, err)
	}
	if e.status != stAvailable && e.status != stInUse {
		return nil, s.fail(c, e.id, c.err(CodeIncorrectEipStatus))
	}
	if req.Bandwidth != "" {
		if e.prepaid {
			return nil, s.fail(c, e.id, c.err(CodeForbiddenChargeTypeIsPrepaid))
		}
		max := 500
		if e.traffic {
			max = 200
		}
		if bw < 1 || bw > max {
			return nil, s.fail(c, e.id, newErrorAlt(CodeInvalidParameter, altInvalidBandwidthModify, c.rid))
		}
	}
	s.ok(c, e.id)
	if req.Bandwidth != "" {
		e.bandwidth = int32(bw)
	}
	if req.Name != "" {
		e.ext().name = req.Name
	}
	if req.Description != "" {
		e.ext().description = req.Description
	}
	if err := s.outcome(&c, e.id); err != nil {
		return nil, err
	}
	return &ModifyEipAddressAttributeResponse{RequestID: c.rid}, nil
}

func hasURLPrefix(s string) bool {
	return len(s) >= 7 && (s[:7] == "http://" || len(s) >= 8 && s[:8] == "https://")
}
