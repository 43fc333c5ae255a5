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
	return serve(s, ctx, ActionReleaseEipAddress, (*Sim).ReleaseEipAddress, req, req.AllocationID, (*Sim).releaseEipAddress)
}

func (s *Sim) releaseEipAddress(c *call, req ReleaseEipAddressRequest) (*ReleaseEipAddressResponse, *Error) {
	if err := c.require("AllocationId", req.AllocationID); err != nil {
		return nil, err
	}
	e, err := s.lookupUnlockedEIP(c, req.RegionID, req.AllocationID)
	if err != nil {
		return nil, err
	}
	if e.prepaid {
		return nil, c.err(CodeForbiddenChargeTypeIsPrepaid)
	}
	if e.protected {
		return nil, c.err(CodeInvalidOperationDeletionProtect)
	}
	if err := s.checkWrite(c, e, evRelease); err != nil {
		return nil, err
	}
	s.ok(c, e.id)
	s.fire(c.stamp(), e, evRelease, c.action, c.rid)
	s.startWrite(c, e)
	s.scheduleEIP(c, e, doneRelease)
	resp := s.resps.release.next()
	resp.RequestID = c.rid
	return resp, nil
}
