package eipsim

import "slices"

// LoadBalancer is an SLB (CLB) instance of the world.
type LoadBalancer struct {
	LoadBalancerID string `json:"LoadBalancerId"`
	RegionID       string `json:"RegionId"`  // default: the Sim's first region
	AccountID      string `json:"AccountId"` // default: DefaultAccountID
	VpcID          string `json:"VpcId"`     // default: the account's implicit VPC of the region
	// AddressType is "intranet" (default) or "internet". Only intranet
	// (private-network) load balancers can take an EIP.
	AddressType string `json:"AddressType"`
	// Status is "active" (default), "inactive" or "locked"; a load balancer
	// that is not active gives InvalidStatus.NotAllow.
	Status string `json:"Status"`
	// AllocationID is the EIP bound to the load balancer (read-only).
	AllocationID string `json:"AllocationId"`
}

// Load balancer address types and statuses.
const (
	AddressTypeIntranet = "intranet"
	AddressTypeInternet = "internet"
	SLBActive           = "active"
	SLBInactive         = "inactive"
	SLBLocked           = "locked"
)

type loadBalancer struct {
	owned
	addressType string
	status      string
	eip         *eip
	deleted     bool
}

// AddLoadBalancer adds an SLB instance to the world.
func (s *Sim) AddLoadBalancer(lb LoadBalancer) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "AddLoadBalancer", nil, lb)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	const m = "AddLoadBalancer"
	if err := s.fillOwned(m, "lb-", lb.LoadBalancerID, &lb.RegionID, &lb.AccountID); err != nil {
		return err
	}
	if s.idTaken(lb.LoadBalancerID) {
		return setupError(m, "resource %s already exists", lb.LoadBalancerID)
	}
	if lb.AddressType == "" {
		lb.AddressType = AddressTypeIntranet
	}
	if lb.AddressType != AddressTypeIntranet && lb.AddressType != AddressTypeInternet {
		return setupError(m, "%s: AddressType %q (want intranet or internet)", lb.LoadBalancerID, lb.AddressType)
	}
	if lb.Status == "" {
		lb.Status = SLBActive
	}
	if !slices.Contains([]string{SLBActive, SLBInactive, SLBLocked}, lb.Status) {
		return setupError(m, "%s: Status %q (want active, inactive or locked)", lb.LoadBalancerID, lb.Status)
	}
	v, err := s.resolveVPC(m, lb.LoadBalancerID, lb.VpcID, lb.RegionID, lb.AccountID)
	if err != nil {
		return err
	}
	s.world.noteID(lb.LoadBalancerID)
	s.world.slbs[lb.LoadBalancerID] = &loadBalancer{owned: owned{id: lb.LoadBalancerID, region: lb.RegionID, account: lb.AccountID, vpc: v},
		addressType: lb.AddressType, status: lb.Status}
	s.worldEvent(m, lb.LoadBalancerID)
	return nil
}

// SetLoadBalancerStatus sets an SLB instance's status: active, inactive or locked.
func (s *Sim) SetLoadBalancerStatus(id, status string) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "SetLoadBalancerStatus", nil, id, status)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	s.settle(now)
	r, ok := s.world.slbs[id]
	if !ok {
		return setupError("SetLoadBalancerStatus", "no load balancer %s", id)
	}
	if !slices.Contains([]string{SLBActive, SLBInactive, SLBLocked}, status) {
		return setupError("SetLoadBalancerStatus", "%s: Status %q (want active, inactive or locked)", id, status)
	}
	if r.status != status {
		s.transition(now, "SetLoadBalancerStatus", id, r.status, status, "SetLoadBalancerStatus")
		r.status = status
	}
	return nil
}

// DeleteLoadBalancer removes an SLB instance; a bound EIP becomes Available.
func (s *Sim) DeleteLoadBalancer(id string) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "DeleteLoadBalancer", nil, id)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	s.settle(now)
	r, ok := s.world.slbs[id]
	if !ok {
		return setupError("DeleteLoadBalancer", "no load balancer %s", id)
	}
	if r.eip != nil {
		s.forceDetach(now, r.eip, "DeleteLoadBalancer")
	}
	r.deleted = true
	delete(s.world.slbs, id)
	s.worldEvent("DeleteLoadBalancer", id)
	return nil
}

// LoadBalancers returns snapshots of every SLB instance, sorted by ID.
func (s *Sim) LoadBalancers() []LoadBalancer {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	var buf keysBuf
	out := make([]LoadBalancer, 0, len(s.world.slbs))
	for _, id := range appendSortedKeys(buf[:0], s.world.slbs) {
		r := s.world.slbs[id]
		lb := LoadBalancer{LoadBalancerID: r.id, RegionID: r.region, AccountID: r.account, VpcID: r.vpc, AddressType: r.addressType, Status: r.status}
		if r.eip != nil {
			lb.AllocationID = r.eip.id
		}
		out = append(out, lb)
	}
	return out
}

func (r *loadBalancer) targetID() string         { return r.id }
func (r *loadBalancer) targetType() InstanceType { return InstanceTypeSlbInstance }
func (r *loadBalancer) exists(s *Sim) bool       { return !r.deleted }
func (r *loadBalancer) bind(e *eip)              { r.eip = e }
func (r *loadBalancer) detach(e *eip) {
	if r.eip == e {
		r.eip = nil
	}
}

func (r *loadBalancer) checkUnassociate(c *call) *Error {
	if r.status != SLBActive {
		return c.err(CodeInvalidStatusNotAllow)
	}
	return nil
}

// associateSLB checks that the load balancer can take e. Only intranet load
// balancers in a VPC can; an internet-facing one gives InvalidParameter
// (the cloud documents the rule but not the code: our choice).
func (s *Sim) associateSLB(c *call, e *eip, req *AssociateEipAddressRequest) (target, *binding, *Error) {
	r, ok := s.world.slbs[req.InstanceID]
	if !ok || r.account != c.account {
		return nil, nil, c.err(CodeInvalidLoadBalancerIDNotFound)
	}
	if req.Mode == ModeBinded || req.Mode == ModeMultiBinded {
		return nil, nil, c.err(CodeInvalidDirectEipBindType)
	}
	if r.region != s.cfg.regions[e.region] {
		return nil, nil, c.err(CodeInvalidParameterMismatch)
	}
	if s.inDefaultVPC(&r.owned) {
		return nil, nil, c.err(CodeOperationDenied)
	}
	if r.addressType != AddressTypeIntranet {
		return nil, nil, newErrorAlt(CodeInvalidParameter, altInvalidParameterNamed, c.rid, "InstanceId")
	}
	if r.status != SLBActive {
		return nil, nil, c.err(CodeInvalidStatusNotAllow)
	}
	if r.eip != nil {
		return nil, nil, c.err(CodeInvalidAssociationDuplicated)
	}
	return r, s.newBinding(binding{target: r}), nil
}
