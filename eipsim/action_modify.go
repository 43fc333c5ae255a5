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
	return serve(s, ctx, ActionModifyEipAddressAttribute, (*Sim).ModifyEipAddressAttribute, req, req.AllocationID,
		(*Sim).modifyEipAddressAttribute)
}

func (s *Sim) modifyEipAddressAttribute(c *call, req ModifyEipAddressAttributeRequest) (*ModifyEipAddressAttributeResponse, *Error) {
	if err := c.require("AllocationId", req.AllocationID); err != nil {
		return nil, err
	}
	bw := 0
	if req.Bandwidth != "" {
		var err error
		if bw, err = strconv.Atoi(req.Bandwidth); err != nil {
			return nil, newErrorAlt(CodeInvalidParameter, altInvalidBandwidthModify, c.rid)
		}
	}
	if req.Name != "" && (len([]rune(req.Name)) > 128 || hasURLPrefix(req.Name)) {
		return nil, c.invalid("Name")
	}
	if req.Description != "" && (len([]rune(req.Description)) > 256 || hasURLPrefix(req.Description)) {
		return nil, c.invalid("Description")
	}
	e, err := s.lookupUnlockedEIP(c, req.RegionID, req.AllocationID)
	if err != nil {
		return nil, err
	}
	if e.status != stAvailable && e.status != stInUse {
		return nil, c.err(CodeIncorrectEipStatus)
	}
	if req.Bandwidth != "" {
		if e.prepaid {
			return nil, c.err(CodeForbiddenChargeTypeIsPrepaid)
		}
		max := 500
		if e.traffic {
			max = 200
		}
		if bw < 1 || bw > max {
			return nil, newErrorAlt(CodeInvalidParameter, altInvalidBandwidthModify-b2i(bugs.modifyBandwidthWording), c.rid)
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
	return &ModifyEipAddressAttributeResponse{RequestID: c.rid}, nil
}

func hasURLPrefix(s string) bool {
	return len(s) >= 7 && (s[:7] == "http://" || len(s) >= 8 && s[:8] == "https://")
}
