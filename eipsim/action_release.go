package eipsim

// ReleaseEipAddress follows the VPC API reference:
// https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-releaseeipaddress
// Only Available, pay-as-you-go EIPs without deletion protection can be
// released. It is asynchronous: the EIP is Releasing, then gone.

import (
	"context"
)

// ReleaseEipAddressRequest holds the ReleaseEipAddress parameters.
type ReleaseEipAddressRequest struct {
	RegionID     string `wire:"RegionId"`
	AllocationID string `wire:"AllocationId"`
}

// ReleaseEipAddressResponse is ReleaseEipAddress's answer.
type ReleaseEipAddressResponse struct {
	RequestID string
}

// ReleaseEipAddress releases an EIP.
func (s *Sim) ReleaseEipAddress(ctx context.Context, req ReleaseEipAddressRequest) (*ReleaseEipAddressResponse, error) {
	if r := s.recordedCall(ctx); r != nil { // recorder.go
		return recordAction(s, r, ctx, ActionReleaseEipAddress, req, (*Sim).ReleaseEipAddress)
	}
	c := s.begin(ctx, ActionReleaseEipAddress)
	defer s.end()
	if err := s.intercept(&c, req.AllocationID, &req); err != nil {
		return nil, s.fail(c, req.AllocationID, err)
	}
	if req.AllocationID == "" {
		return nil, s.fail(c, "", c.missing("AllocationId"))
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
	if e.prepaid {
		return nil, s.fail(c, e.id, c.err(CodeForbiddenChargeTypeIsPrepaid))
	}
	if e.protected {
		return nil, s.fail(c, e.id, c.err(CodeInvalidOperationDeletionProtect))
	}
	if err := s.checkWrite(&c, e, evRelease); err != nil {
		return nil, s.fail(c, e.id, err)
	}
	s.ok(c, e.id)
	s.fire(c.now, e, evRelease, c.action, c.rid)
	s.startWrite(&c, e)
	d, stuck := s.delay(&c, e.id)
	s.scheduleEIP(c.now, d, c.action, e, string(StatusReleasing), "", doneRelease, c.rid)
	s.delayed(e.pending, stuck)
	if err := s.outcome(&c, e.id); err != nil {
		return nil, err
	}
	return &ReleaseEipAddressResponse{RequestID: c.rid}, nil
}
