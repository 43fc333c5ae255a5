package eipsim

import (
	"fmt"
	"slices"
)

// NetworkInterface is an elastic network interface (ENI) of the world.
type NetworkInterface struct {
	NetworkInterfaceID string `json:"NetworkInterfaceId"`
	RegionID           string `json:"RegionId"`  // default: the Sim's first region
	AccountID          string `json:"AccountId"` // default: DefaultAccountID
	VpcID              string `json:"VpcId"`     // default: the account's implicit VPC of the region
	// Type is "Secondary" (default) or "Primary". A primary ENI is always
	// attached to its instance.
	Type string `json:"Type"`
	// InstanceID is the ECS instance the ENI is attached to, if any.
	InstanceID string `json:"InstanceId"`
	// PrivateIPAddresses are the ENI's private IPs, the primary first.
	// Default: one address assigned by the Sim.
	PrivateIPAddresses []string `json:"PrivateIpAddresses"`
	// Status is derived (Available when detached, InUse when attached)
	// unless set to a transitional status with SetNetworkInterfaceStatus.
	Status string `json:"Status"`
	// AllocationIDs are the EIPs bound to the ENI (read-only), sorted.
	AllocationIDs []string `json:"AllocationIds"`
}

// ENI types and statuses.
const (
	ENITypePrimary   = "Primary"
	ENITypeSecondary = "Secondary"

	ENIAvailable = "Available"
	ENIInUse     = "InUse"
	ENIAttaching = "Attaching"
	ENIDetaching = "Detaching"
	ENICreating  = "Creating"
	ENIDeleting  = "Deleting"
)

var eniTransitional = []string{ENIAttaching, ENIDetaching, ENICreating, ENIDeleting}

type networkInterface struct {
	owned
	primary  bool
	instance string
	privIPs  []string
	override string // a transitional status set by SetNetworkInterfaceStatus
	bound    []*eip
	deleted  bool
}

func (n *networkInterface) status() string {
	switch {
	case n.override != "":
		return n.override
	case n.instance != "":
		return ENIInUse
	}
	return ENIAvailable
}

// mode is the association mode of the ENI's EIPs, or "" when it has none.
func (n *networkInterface) mode() string {
	if len(n.bound) == 0 {
		return ""
	}
	return n.bound[0].bind.mode
}

// AddNetworkInterface adds an ENI to the world.
func (s *Sim) AddNetworkInterface(ni NetworkInterface) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "AddNetworkInterface", nil, ni)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	const m = "AddNetworkInterface"
	if err := s.fillOwned(m, "eni-", ni.NetworkInterfaceID, &ni.RegionID, &ni.AccountID); err != nil {
		return err
	}
	id := ni.NetworkInterfaceID
	if s.idTaken(id) {
		return setupError(m, "resource %s already exists", id)
	}
	if ni.Type == "" {
		ni.Type = ENITypeSecondary
	}
	if ni.Type != ENITypePrimary && ni.Type != ENITypeSecondary {
		return setupError(m, "%s: Type %q (want Primary or Secondary)", id, ni.Type)
	}
	if ni.Status != "" {
		return setupError(m, "%s: Status is derived; use SetNetworkInterfaceStatus", id)
	}
	n := &networkInterface{owned: owned{id: id, region: ni.RegionID, account: ni.AccountID}, primary: ni.Type == ENITypePrimary}
	if ni.InstanceID != "" {
		if err := s.checkAttach(m, id, ni.InstanceID, ni.RegionID, ni.AccountID); err != nil {
			return err
		}
		n.instance = ni.InstanceID
	} else if n.primary {
		return setupError(m, "%s: a primary ENI needs its InstanceID", id)
	}
	vpcID := ni.VpcID
	if vpcID == "" && n.instance != "" {
		vpcID = s.world.instances[n.instance].vpc
	}
	v, err := s.resolveVPC(m, id, vpcID, ni.RegionID, ni.AccountID)
	if err != nil {
		return err
	}
	n.vpc = v
	if n.privIPs, err = s.privateIPs(m, id, ni.PrivateIPAddresses); err != nil {
		return err
	}
	s.world.enis[id] = n
	s.world.noteID(id)
	s.worldEvent(m, id)
	return nil
}

func (s *Sim) checkAttach(method, eni, instanceID, region, account string) error {
	in, ok := s.world.instances[instanceID]
	if !ok {
		return setupError(method, "%s: no ECS instance %s", eni, instanceID)
	}
	if in.region != region || in.account != account {
		return setupError(method, "%s: instance %s is in another region or account", eni, instanceID)
	}
	return nil
}

// AttachNetworkInterface attaches a secondary ENI to an ECS instance at once.
func (s *Sim) AttachNetworkInterface(eniID, instanceID string) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "AttachNetworkInterface", nil, eniID, instanceID)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	const m = "AttachNetworkInterface"
	n, ok := s.world.enis[eniID]
	if !ok {
		return setupError(m, "no ENI %s", eniID)
	}
	if n.primary {
		return setupError(m, "%s is a primary ENI", eniID)
	}
	if n.instance != "" {
		return setupError(m, "%s is already attached to %s", eniID, n.instance)
	}
	if err := s.checkAttach(m, eniID, instanceID, n.region, n.account); err != nil {
		return err
	}
	n.instance = instanceID
	s.transition(s.clock.Now(), m, eniID, ENIAvailable, ENIInUse, m)
	return nil
}

// DetachNetworkInterface detaches a secondary ENI from its instance at once.
func (s *Sim) DetachNetworkInterface(eniID string) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "DetachNetworkInterface", nil, eniID)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	const m = "DetachNetworkInterface"
	n, ok := s.world.enis[eniID]
	if !ok {
		return setupError(m, "no ENI %s", eniID)
	}
	if n.primary {
		return setupError(m, "%s is a primary ENI", eniID)
	}
	if n.instance == "" {
		return setupError(m, "%s is not attached", eniID)
	}
	n.instance = ""
	s.transition(s.clock.Now(), m, eniID, ENIInUse, ENIAvailable, m)
	return nil
}

// SetNetworkInterfaceStatus puts an ENI in a transitional status (Attaching,
// Detaching, Creating, Deleting), in which EIP operations on it give
// InvalidStatus.EniStatusNotSupport; an empty status returns it to its
// derived status.
func (s *Sim) SetNetworkInterfaceStatus(eniID, status string) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "SetNetworkInterfaceStatus", nil, eniID, status)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	const m = "SetNetworkInterfaceStatus"
	n, ok := s.world.enis[eniID]
	if !ok {
		return setupError(m, "no ENI %s", eniID)
	}
	if status != "" && !slices.Contains(eniTransitional, status) {
		return setupError(m, "%s: status %q (want one of %v, or empty)", eniID, status, eniTransitional)
	}
	from := n.status()
	n.override = status
	s.transition(s.clock.Now(), m, eniID, from, n.status(), m)
	return nil
}

// DeleteNetworkInterface removes an ENI; its EIPs become Available.
func (s *Sim) DeleteNetworkInterface(eniID string) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "DeleteNetworkInterface", nil, eniID)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	s.settle(now)
	n, ok := s.world.enis[eniID]
	if !ok {
		return setupError("DeleteNetworkInterface", "no ENI %s", eniID)
	}
	for _, e := range slices.Clone(n.bound) {
		s.forceDetach(now, e, "DeleteNetworkInterface")
	}
	n.deleted = true
	delete(s.world.enis, eniID)
	s.worldEvent("DeleteNetworkInterface", eniID)
	return nil
}

// NetworkInterfaces returns snapshots of every ENI, sorted by ID.
func (s *Sim) NetworkInterfaces() []NetworkInterface {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	var buf keysBuf
	out := make([]NetworkInterface, 0, len(s.world.enis))
	for _, id := range appendSortedKeys(buf[:0], s.world.enis) {
		n := s.world.enis[id]
		ni := NetworkInterface{NetworkInterfaceID: n.id, RegionID: n.region, AccountID: n.account, VpcID: n.vpc,
			Type: ENITypeSecondary, InstanceID: n.instance, PrivateIPAddresses: slices.Clone(n.privIPs), Status: n.status()}
		if n.primary {
			ni.Type = ENITypePrimary
		}
		for _, e := range n.bound {
			ni.AllocationIDs = append(ni.AllocationIDs, e.id)
		}
		slices.Sort(ni.AllocationIDs)
		out = append(out, ni)
	}
	return out
}

func (n *networkInterface) targetID() string         { return n.id }
func (n *networkInterface) targetType() InstanceType { return InstanceTypeNetworkInterface }
func (n *networkInterface) exists(s *Sim) bool       { return !n.deleted }
func (n *networkInterface) bind(e *eip)              { n.bound = append(n.bound, e) }
func (n *networkInterface) detach(e *eip) {
	if i := slices.Index(n.bound, e); i >= 0 {
		n.bound = slices.Delete(n.bound, i, i+1)
	}
}

// statusError is InvalidStatus.EniStatusNotSupport while the ENI is in a
// transitional status. The cloud documents the message as "%s"; we fill it
// with the ENI and its status.
func (n *networkInterface) statusError(c *call) *Error {
	if n.override != "" {
		return c.err(CodeInvalidStatusEniStatusNotSupport, fmt.Sprintf("The status %s of eni %s does not support this operation.", n.override, n.id))
	}
	return nil
}

func (n *networkInterface) checkUnassociate(c *call, e *eip) *Error {
	if err := n.statusError(c); err != nil {
		return err
	}
	if e.bind.mode == ModeBinded && n.instance != "" {
		return c.err(CodeEniAttached)
	}
	return nil
}

// associateENI checks that the ENI can take e in the requested mode
// (NAT by default, BINDED, MULTI_BINDED), following the cloud's ENI guide.
func (s *Sim) associateENI(c *call, e *eip, req *AssociateEipAddressRequest) (target, *binding, *Error) {
	n, ok := s.world.enis[req.InstanceID]
	if !ok || n.account != c.account {
		return nil, nil, c.err(CodeInvalidInstanIDNotFound)
	}
	if n.region != s.cfg.regions[e.region] {
		return nil, nil, c.err(CodeInvalidParameterMismatch)
	}
	if s.inDefaultVPC(&n.owned) {
		return nil, nil, c.err(CodeOperationDenied)
	}
	if err := n.statusError(c); err != nil {
		return nil, nil, err
	}
	mode := req.Mode
	if mode == "" {
		mode = ModeNAT
	}
	if have := n.mode(); have != "" && have != mode {
		if have != ModeBinded && mode != ModeBinded {
			return nil, nil, c.err(CodeOperationFailedEipBindModeConflict)
		}
		return nil, nil, c.err(CodeModeConflict)
	}
	ip := req.PrivateIPAddress
	if ip != "" && !slices.Contains(n.privIPs, ip) {
		return nil, nil, newErrorAlt(CodeInvalidParameter, altInvalidParameterNamed, c.rid, "PrivateIpAddress")
	}
	switch mode {
	case ModeBinded, ModeMultiBinded:
		if n.instance != "" {
			return nil, nil, c.err(CodeEniAttached)
		}
		if mode == ModeBinded {
			if len(n.privIPs) > 1 {
				return nil, nil, c.err(CodeEniHasSubIP)
			}
			if len(n.bound) > 0 {
				return nil, nil, c.err(CodeInvalidAssociationDuplicated)
			}
			if ip == "" {
				ip = n.privIPs[0]
			}
		} else if len(n.bound) >= s.cfg.multiBinded {
			return nil, nil, c.err(CodeQuotaExceedMultiBindedEip)
		}
	default: // NAT: one EIP per private IP
		if len(n.bound) >= len(n.privIPs) {
			return nil, nil, c.err(CodeInvalidEipEipQuotaExceeded)
		}
		if ip == "" {
			// The cloud picks a private IP when none is named: the first
			// one without an EIP.
			ip = n.freePrivateIP()
		}
		for _, b := range n.bound {
			if b.bind.privateIP == ip {
				return nil, nil, c.err(CodeInvalidAssociationDuplicated)
			}
		}
	}
	return n, s.newBinding(binding{target: n, privateIP: ip, mode: mode}), nil
}

// freePrivateIP returns the first private IP of the ENI that no EIP is
// mapped to. The caller has checked that there is one.
func (n *networkInterface) freePrivateIP() string {
	for _, ip := range n.privIPs {
		if !slices.ContainsFunc(n.bound, func(e *eip) bool { return e.bind.privateIP == ip }) {
			return ip
		}
	}
	return n.privIPs[0]
}
