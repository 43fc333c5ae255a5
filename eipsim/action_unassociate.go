package eipsim

// UnassociateEipAddress follows the VPC API reference (the page is copied in
// ../shared/reference/UnassociateEipAddress.txt):
// https://www.alibabacloud.com/help/en/vpc/api-unassociateeipaddress
// It is asynchronous: the EIP is Unassociating at once and Available when
// the task completes; the target keeps the EIP until then.
//
// Which error a mismatch between the request and the current binding gets is
// not documented; the Sim answers:
//   - InstanceType not one of the documented values: InvalidInstanceType.ValueNotSupported;
//   - InstanceId naming a resource that does not exist: InvalidLoadBalancerId.NotFound
//     for SlbInstance, InvalidInstanceId.NotFound otherwise;
//   - InstanceId, InstanceType or PrivateIpAddress naming something other than
//     the current binding (a resource that exists): InvalidBindingStatus;
//   - the bound resource no longer exists, or is being deleted (a NAT
//     gateway that is Deleting): InvalidBindInstance.NotFound.
//
// The order of the checks: rate limits and Error fault rules (such as
// OperationFailed.SystemBusy from SetSystemBusy); parameters; ClientToken; the EIP (existence, owner); its locks; the
// cooldown (TaskConflict); its status; the binding (above); the default VPC
// (OperationDenied: an EIP bound to a resource in a default VPC, which only
// ConvertNatPublicIpToEip makes); then the target's own checks (ECS status,
// SLB status, ENI status and mode, NAT gateway status and entries, HaVip
// status).
// When InstanceType is omitted, any bound type matches (the cloud's default
// is EcsInstance; being lenient here keeps callers that only pass
// AllocationId and InstanceId working).

import (
	"context"
	"slices"
)

// UnassociateEipAddressRequest holds the UnassociateEipAddress parameters.
type UnassociateEipAddressRequest struct {
	RegionID         string       `wire:"RegionId"`
	AllocationID     string       `wire:"AllocationId"`
	InstanceID       string       `wire:"InstanceId"`
	InstanceType     InstanceType `wire:"InstanceType"`
	PrivateIPAddress string       `wire:"PrivateIpAddress"`
	// Force detaches the EIP from a NAT gateway even if SNAT or DNAT
	// entries use it.
	Force       bool   `wire:"Force"`
	ClientToken string `wire:"ClientToken"`
}

// UnassociateEipAddressResponse is UnassociateEipAddress's answer.
type UnassociateEipAddressResponse struct {
	RequestID string
}

// instanceTypes are the documented InstanceType values of UnassociateEipAddress.
var instanceTypes = []InstanceType{InstanceTypeEcsInstance, InstanceTypeSlbInstance, InstanceTypeNetworkInterface, InstanceTypeNat, InstanceTypeHaVip}

// UnassociateEipAddress disassociates an EIP from the resource it is bound to.
func (s *Sim) UnassociateEipAddress(ctx context.Context, req UnassociateEipAddressRequest) (*UnassociateEipAddressResponse, error) {
	return serve(s, ctx, ActionUnassociateEipAddress, (*Sim).UnassociateEipAddress, req, req.AllocationID,
		(*Sim).unassociateEipAddress)
}

func (s *Sim) unassociateEipAddress(c *call, req UnassociateEipAddressRequest) (*UnassociateEipAddressResponse, *Error) {
	if err := s.checkUnassociateParams(c, &req); err != nil {
		return nil, err
	}
	token, old, err := replayToken[UnassociateEipAddressResponse](s, c, &req.ClientToken, &req)
	if err != nil {
		return old, err
	}
	e, err := s.lookupEIP(c, req.RegionID, req.AllocationID)
	if err != nil {
		return nil, err
	}
	if err := s.checkWrite(c, e, evUnassociate); err != nil {
		return nil, err
	}
	if err := s.checkBinding(c, e, &req); err != nil {
		return nil, err
	}
	t := e.bind.target
	if s.inDefaultVPC(t.base()) {
		return nil, c.err(CodeOperationDenied)
	}
	if err := checkUnassociate(c, t, e, &req); err != nil {
		return nil, err
	}
	s.ok(c, e.id)
	s.fire(c.stamp(), e, evUnassociate, c.action, c.rid)
	unassociating(s, c, t, e, &req)
	s.startWrite(c, e)
	s.scheduleEIP(c, e, doneUnassociate)
	resp := s.resps.unassociate.next()
	resp.RequestID = c.rid
	rememberResponse(s, c, token, req, resp)
	return resp, nil
}

func (s *Sim) checkUnassociateParams(c *call, req *UnassociateEipAddressRequest) *Error {
	if req.AllocationID == "" {
		return c.missing("AllocationId")
	}
	if req.InstanceType != "" && !slices.Contains(instanceTypes, req.InstanceType) {
		return c.err(CodeInvalidInstanceTypeValueNotSupport)
	}
	if req.PrivateIPAddress != "" && !validIPv4(req.PrivateIPAddress) {
		// The UnassociateEipAddress table gives InvalidParameter the plain
		// message, without the parameter's name.
		return c.err(CodeInvalidParameter)
	}
	return s.checkTokenRegion(c, req.ClientToken, req.RegionID)
}

// checkBinding compares what the request names with e's binding.
func (s *Sim) checkBinding(c *call, e *eip, req *UnassociateEipAddressRequest) *Error {
	b := e.bind
	if req.InstanceID != "" && req.InstanceID != b.target.targetID() {
		if !s.resourceExists(req.InstanceID, req.InstanceType) {
			if req.InstanceType == InstanceTypeSlbInstance {
				return c.err(CodeInvalidLoadBalancerIDNotFound)
			}
			return c.err(CodeInvalidInstanceIDNotFound)
		}
		return c.err(CodeInvalidBindingStatus)
	}
	if req.InstanceType != "" && req.InstanceType != b.target.targetType() {
		return c.err(CodeInvalidBindingStatus)
	}
	if req.PrivateIPAddress != "" && req.PrivateIPAddress != b.privateIP {
		return c.err(CodeInvalidBindingStatus)
	}
	if !b.target.exists(s) {
		return c.err(CodeInvalidBindInstanceNotFound)
	}
	return nil
}

// resourceExists reports whether a target resource with the ID exists, of
// the given type (any type when typ is empty).
func (s *Sim) resourceExists(id string, typ InstanceType) bool {
	for _, t := range targetFinders {
		if (typ == "" || typ == t.typ) && t.exists(s, id) {
			return true
		}
	}
	return false
}

// targetFinders tell whether a resource of each target type exists.
var targetFinders = []struct {
	typ    InstanceType
	exists func(s *Sim, id string) bool
}{
	{InstanceTypeEcsInstance, func(s *Sim, id string) bool { _, ok := s.world.instances[id]; return ok }},
	{InstanceTypeSlbInstance, func(s *Sim, id string) bool { _, ok := s.world.slbs[id]; return ok }},
	{InstanceTypeNetworkInterface, func(s *Sim, id string) bool { _, ok := s.world.enis[id]; return ok }},
	{InstanceTypeNat, func(s *Sim, id string) bool { _, ok := s.world.nats[id]; return ok }},
	{InstanceTypeHaVip, func(s *Sim, id string) bool { _, ok := s.world.havips[id]; return ok }},
}
