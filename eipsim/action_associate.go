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

// associateFunc checks that a target of one InstanceType can take e and
// returns it with the binding to make.
type associateFunc func(s *Sim, c *call, e *eip, req *AssociateEipAddressRequest) (target, *binding, *Error)

// associators maps each supported InstanceType to its checks. An
// InstanceType the cloud documents but the Sim does not model (IpAddress)
// gives InvalidInstanceType.ValueNotSupported.
var associators = map[InstanceType]associateFunc{
	InstanceTypeEcsInstance:      (*Sim).associateECS,
	InstanceTypeSlbInstance:      (*Sim).associateSLB,
	InstanceTypeNetworkInterface: (*Sim).associateENI,
	InstanceTypeNat:              (*Sim).associateNAT,
	InstanceTypeHaVip:            (*Sim).associateHaVip,
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
	assoc, err := s.checkAssociate(&c, &req)
	if err != nil {
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
	t, b, err := assoc(s, &c, e, &req)
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

// checkAssociate validates the parameters and returns the checks of the
// target's InstanceType.
func (s *Sim) checkAssociate(c *call, req *AssociateEipAddressRequest) (associateFunc, *Error) {
	if req.AllocationID == "" {
		return nil, c.missing("AllocationId")
	}
	if req.InstanceID == "" {
		return nil, c.missing("InstanceId")
	}
	if req.InstanceType == "" {
		req.InstanceType = InstanceTypeEcsInstance
	}
	assoc, ok := associators[req.InstanceType]
	if !ok {
		return nil, c.err(CodeInvalidInstanceTypeValueNotSupport)
	}
	if req.Mode != "" && !slices.Contains(modes, req.Mode) {
		return nil, c.invalid("Mode")
	}
	if req.PrivateIPAddress != "" && !validIPv4(req.PrivateIPAddress) {
		return nil, c.invalid("PrivateIpAddress")
	}
	if err := c.checkToken(req.ClientToken); err != nil {
		return nil, err
	}
	if err := s.checkRegion(c, req.RegionID); err != nil {
		return nil, err
	}
	return assoc, nil
}
