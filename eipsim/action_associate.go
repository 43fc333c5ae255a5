package eipsim

// AssociateEipAddress follows the VPC API reference:
// https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-associateeipaddress
// It is asynchronous: the EIP is Associating at once and InUse when the
// task completes (after the associate delay). While Associating the EIP can
// only be queried.

import (
	"context"
	"slices"
)

// AssociateEipAddressRequest holds the AssociateEipAddress parameters.
type AssociateEipAddressRequest struct {
	RegionID     string `wire:"RegionId"`
	AllocationID string `wire:"AllocationId"`
	InstanceID   string `wire:"InstanceId"`
	// InstanceType defaults to EcsInstance.
	InstanceType InstanceType `wire:"InstanceType"`
	// PrivateIPAddress picks a private IP of the ECS instance or ENI.
	PrivateIPAddress string `wire:"PrivateIpAddress"`
	// Mode is for NetworkInterface targets: NAT (default), BINDED or MULTI_BINDED.
	Mode        string `wire:"Mode"`
	ClientToken string `wire:"ClientToken"`
}

// AssociateEipAddressResponse is AssociateEipAddress's answer.
type AssociateEipAddressResponse struct {
	RequestID string
}

// associable are the supported InstanceTypes; associate runs each one's
// checks. An InstanceType the cloud documents but the Sim does not model
// (IpAddress) gives InvalidInstanceType.ValueNotSupported.
var associable = []InstanceType{InstanceTypeEcsInstance, InstanceTypeSlbInstance, InstanceTypeNetworkInterface,
	InstanceTypeNat, InstanceTypeHaVip}

// associate checks that the target req names can take e and returns it
// with the binding to make. It is a switch, not a table of functions, so
// that c and req stay on the caller's stack.
func (s *Sim) associate(c *call, e *eip, req *AssociateEipAddressRequest) (target, *binding, *Error) {
	switch req.InstanceType {
	case InstanceTypeEcsInstance:
		return s.associateECS(c, e, req)
	case InstanceTypeSlbInstance:
		return s.associateSLB(c, e, req)
	case InstanceTypeNetworkInterface:
		return s.associateENI(c, e, req)
	case InstanceTypeNat:
		return s.associateNAT(c, e, req)
	case InstanceTypeHaVip:
		return s.associateHaVip(c, e, req)
	}
	panic("eipsim: associate: unchecked InstanceType " + string(req.InstanceType))
}

var modes = []string{ModeNAT, ModeBinded, ModeMultiBinded}

// AssociateEipAddress associates an EIP with an ECS instance, an SLB
// instance, an ENI, a NAT gateway or a HaVip.
func (s *Sim) AssociateEipAddress(ctx context.Context, req AssociateEipAddressRequest) (*AssociateEipAddressResponse, error) {
	return serve(s, ctx, ActionAssociateEipAddress, (*Sim).AssociateEipAddress, req, req.AllocationID, (*Sim).associateEipAddress)
}

func (s *Sim) associateEipAddress(c *call, req AssociateEipAddressRequest) (*AssociateEipAddressResponse, *Error) {
	if err := s.checkAssociate(c, &req); err != nil {
		return nil, err
	}
	token, old, err := replayToken[AssociateEipAddressResponse](s, c, &req.ClientToken, &req)
	if err != nil {
		return old, err
	}
	e, err := s.lookupEIP(c, req.RegionID, req.AllocationID)
	if err != nil {
		return nil, err
	}
	if err := s.checkWrite(c, e, evAssociate); err != nil {
		return nil, err
	}
	t, b, err := s.associate(c, e, &req)
	if err != nil {
		return nil, err
	}
	s.ok(c, e.id)
	s.fire(c.stamp(), e, evAssociate, c.action, c.rid)
	e.bind = b
	t.bind(e)
	s.startWrite(c, e)
	s.scheduleEIP(c, e, doneAssociate)
	resp := s.resps.associate.next()
	resp.RequestID = c.rid
	rememberResponse(s, c, token, req, resp)
	return resp, nil
}

// checkAssociate validates the parameters.
func (s *Sim) checkAssociate(c *call, req *AssociateEipAddressRequest) *Error {
	if err := c.require("AllocationId", req.AllocationID, "InstanceId", req.InstanceID); err != nil {
		return err
	}
	if req.InstanceType == "" {
		req.InstanceType = InstanceTypeEcsInstance
	}
	if !slices.Contains(associable, req.InstanceType) {
		return c.err(CodeInvalidInstanceTypeValueNotSupport)
	}
	if req.Mode != "" && !slices.Contains(modes, req.Mode) {
		return c.invalid("Mode")
	}
	if req.PrivateIPAddress != "" && !validIPv4(req.PrivateIPAddress) {
		return c.invalid("PrivateIpAddress")
	}
	return s.checkTokenRegion(c, req.ClientToken, req.RegionID)
}
