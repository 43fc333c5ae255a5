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
	if r := s.recordedCall(ctx); r != nil { // recorder.go
		return recordAction(s, r, ctx, ActionAssociateEipAddress, req, (*Sim).AssociateEipAddress)
	}
	c := s.begin(ctx, ActionAssociateEipAddress)
	defer s.end()
	if err := s.intercept(&c, req.AllocationID, &req); err != nil {
		return nil, s.fail(c, req.AllocationID, err)
	}
	if err := s.checkAssociate(&c, &req); err != nil {
		return nil, s.fail(c, req.AllocationID, err)
	}
	token := req.ClientToken
	req.ClientToken = ""
	if resp, err := replay(s, &c, token, req); err != nil {
		return nil, s.fail(c, req.AllocationID, err)
	} else if resp != nil {
		return &AssociateEipAddressResponse{RequestID: resp.(string)}, nil
	}
	e, err := s.lookupEIP(&c, req.RegionID, req.AllocationID)
	if err != nil {
		return nil, s.fail(c, req.AllocationID, err)
	}
	if err := s.checkWrite(&c, e, evAssociate); err != nil {
		return nil, s.fail(c, e.id, err)
	}
	t, b, err := s.associate(&c, e, &req)
	if err != nil {
		return nil, s.fail(c, e.id, err)
	}
	s.ok(c, e.id)
	s.fire(c.now, e, evAssociate, c.action, c.rid)
	e.bind = b
	t.bind(e)
	s.startWrite(&c, e)
	d, stuck := s.delay(&c, e.id)
	s.scheduleEIP(c.now, d, c.action, e, string(StatusAssociating), string(StatusInUse), doneAssociate, c.rid)
	s.delayed(e.pending, stuck)
	remember(s, &c, token, req, c.rid)
	if err := s.outcome(&c, e.id); err != nil {
		return nil, err
	}
	return &AssociateEipAddressResponse{RequestID: c.rid}, nil
}

// checkAssociate validates the parameters.
func (s *Sim) checkAssociate(c *call, req *AssociateEipAddressRequest) *Error {
	if req.AllocationID == "" {
		return c.missing("AllocationId")
	}
	if req.InstanceID == "" {
		return c.missing("InstanceId")
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
	if err := c.checkToken(req.ClientToken); err != nil {
		return err
	}
	if err := s.checkRegion(c, req.RegionID); err != nil {
		return err
	}
	return nil
}
