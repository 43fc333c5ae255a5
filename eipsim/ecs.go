package eipsim

import (
	"slices"
	"time"
)

// InstanceStatus is an ECS instance's status (ECS API).
type InstanceStatus string

// The ECS instance statuses. Console-only states map onto these (Expiring is
// Running; Expired and Recycling are Stopped).
const (
	InstancePending  InstanceStatus = "Pending"
	InstanceStarting InstanceStatus = "Starting"
	InstanceRunning  InstanceStatus = "Running"
	InstanceStopping InstanceStatus = "Stopping"
	InstanceStopped  InstanceStatus = "Stopped"
)

var instanceStatuses = []InstanceStatus{InstancePending, InstanceStarting, InstanceRunning, InstanceStopping, InstanceStopped}

// Instance is an ECS instance of the world.
type Instance struct {
	InstanceID string `json:"InstanceId"`
	RegionID   string `json:"RegionId"`  // default: the Sim's first region
	AccountID  string `json:"AccountId"` // default: DefaultAccountID
	// VpcID is the instance's VPC; default: the account's implicit VPC of
	// the region. Classic marks a classic-network instance (no VPC), which
	// cannot take an EIP.
	VpcID   string         `json:"VpcId"`
	Classic bool           `json:"Classic"`
	Status  InstanceStatus `json:"Status"` // default Running
	// PublicIP marks an instance with a system-assigned public IP, which
	// cannot take an EIP.
	PublicIP bool `json:"PublicIp"`
	// PrivateIPAddresses are the instance's private IPs, the primary first.
	// Default: one address assigned by the Sim.
	PrivateIPAddresses []string `json:"PrivateIpAddresses"`
	// AllocationID is the EIP bound to the instance (read-only in snapshots).
	AllocationID string `json:"AllocationId"`
}

type instance struct {
	owned
	classic  bool
	status   InstanceStatus
	publicIP bool
	privIPs  []string
	eip      *eip
	pending  *task
	deleted  bool
}

// AddInstance adds an ECS instance to the world.
func (s *Sim) AddInstance(in Instance) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "AddInstance", nil, in)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	const m = "AddInstance"
	if err := s.fillOwned(m, "i-", in.InstanceID, &in.RegionID, &in.AccountID); err != nil {
		return err
	}
	if s.idTaken(in.InstanceID) {
		return setupError(m, "resource %s already exists", in.InstanceID)
	}
	if in.Status == "" {
		in.Status = InstanceRunning
	}
	if !slices.Contains(instanceStatuses, in.Status) {
		return setupError(m, "%s: unknown status %q (want one of %v)", in.InstanceID, in.Status, instanceStatuses)
	}
	r := &instance{owned: owned{id: in.InstanceID, region: in.RegionID, account: in.AccountID}, classic: in.Classic,
		status: in.Status, publicIP: in.PublicIP}
	if in.Classic {
		if in.VpcID != "" {
			return setupError(m, "%s: a classic-network instance has no VPC", in.InstanceID)
		}
	} else {
		v, err := s.resolveVPC(m, in.InstanceID, in.VpcID, in.RegionID, in.AccountID)
		if err != nil {
			return err
		}
		r.vpc = v
	}
	ips, err := s.privateIPs(m, in.InstanceID, in.PrivateIPAddresses)
	if err != nil {
		return err
	}
	r.privIPs = ips
	s.world.instances[in.InstanceID] = r
	s.world.noteID(in.InstanceID)
	s.worldEvent(m, in.InstanceID)
	return nil
}

// privateIPs checks given private IPs, or assigns one.
func (s *Sim) privateIPs(method, id string, given []string) ([]string, error) {
	if len(given) == 0 {
		return []string{s.nextPrivateIP()}, nil
	}
	seen := map[string]bool{}
	for _, ip := range given {
		if !validIPv4(ip) {
			return nil, setupError(method, "%s: bad private IP %q", id, ip)
		}
		if seen[ip] {
			return nil, setupError(method, "%s: private IP %s given twice", id, ip)
		}
		seen[ip] = true
	}
	return slices.Clone(given), nil
}

// SetInstanceStatus sets an ECS instance's status at once.
func (s *Sim) SetInstanceStatus(id string, status InstanceStatus) error {
	return s.ScheduleInstanceStatus(id, status, 0, "")
}

// ScheduleInstanceStatus sets an ECS instance's status to status now and, if
// then is not empty, to then after d on the clock (for example Stopping,
// then Stopped after 5s). A later call replaces a pending change.
func (s *Sim) ScheduleInstanceStatus(id string, status InstanceStatus, d time.Duration, then InstanceStatus) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "ScheduleInstanceStatus", nil, id, status, d, then)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	s.settle(now)
	const m = "SetInstanceStatus"
	r, ok := s.world.instances[id]
	if !ok {
		return setupError(m, "no ECS instance %s", id)
	}
	for _, st := range []InstanceStatus{status, then} {
		if st != "" && !slices.Contains(instanceStatuses, st) {
			return setupError(m, "%s: unknown status %q (want one of %v)", id, st, instanceStatuses)
		}
	}
	if status == "" {
		return setupError(m, "%s: missing status", id)
	}
	if d < 0 {
		return setupError(m, "%s: negative delay %v", id, d)
	}
	if d > MaxDelay {
		return setupError(m, "%s: delay %v is longer than the limit %v (10 years)", id, d, MaxDelay)
	}
	s.changed() // a pending change is replaced even if the status stays
	s.cancel(r.pending)
	r.pending = nil
	s.setInstanceStatus(now, r, status, m)
	if then != "" {
		r.pending = s.schedule(now, d, Action(m), id, string(status), string(then), func(at time.Time) {
			r.pending = nil
			s.setInstanceStatus(at, r, then, "task")
		})
	}
	return nil
}

func (s *Sim) setInstanceStatus(at time.Time, r *instance, st InstanceStatus, cause string) {
	if r.status == st {
		return
	}
	s.transition(at, "SetInstanceStatus", r.id, string(r.status), string(st), cause)
	r.status = st
}

// DeleteInstance removes an ECS instance from the world. An EIP bound to it
// is detached and becomes Available, as in the cloud when an instance is
// released; ENIs attached to it are detached.
func (s *Sim) DeleteInstance(id string) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "DeleteInstance", nil, id)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	s.settle(now)
	r, ok := s.world.instances[id]
	if !ok {
		return setupError("DeleteInstance", "no ECS instance %s", id)
	}
	s.cancel(r.pending)
	if r.eip != nil {
		s.forceDetach(now, r.eip, "DeleteInstance")
	}
	for _, eniID := range sortedKeys(s.world.enis) {
		if n := s.world.enis[eniID]; n.instance == id {
			n.instance = ""
		}
	}
	// HaVips associated with the instance let it go.
	for _, hvID := range sortedKeys(s.world.havips) {
		h := s.world.havips[hvID]
		h.dropInstance(id)
		s.listHaVip(h)
	}
	r.deleted = true
	delete(s.world.instances, id)
	s.worldEvent("DeleteInstance", id)
	return nil
}

// Instance returns a snapshot of an ECS instance and whether it exists.
func (s *Sim) Instance(id string) (Instance, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	r, ok := s.world.instances[id]
	if !ok {
		return Instance{}, false
	}
	return r.snapshot(), true
}

// Instances returns snapshots of every ECS instance, sorted by ID.
func (s *Sim) Instances() []Instance {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	var buf keysBuf
	out := make([]Instance, 0, len(s.world.instances))
	for _, id := range appendSortedKeys(buf[:0], s.world.instances) {
		out = append(out, s.world.instances[id].snapshot())
	}
	return out
}

func (r *instance) snapshot() Instance {
	in := Instance{InstanceID: r.id, RegionID: r.region, AccountID: r.account, VpcID: r.vpc, Classic: r.classic,
		Status: r.status, PublicIP: r.publicIP, PrivateIPAddresses: slices.Clone(r.privIPs)}
	if r.eip != nil {
		in.AllocationID = r.eip.id
	}
	return in
}

func (r *instance) targetID() string         { return r.id }
func (r *instance) targetType() InstanceType { return InstanceTypeEcsInstance }
func (r *instance) exists(s *Sim) bool       { return !r.deleted }
func (r *instance) detach(e *eip) {
	if r.eip == e {
		r.eip = nil
	}
}

// statusError is the error an ECS instance's status gives an EIP operation:
// Pending gives InvalidStatus.EcsStatusNotSupport (documented); the other
// transitional statuses give IncorrectInstanceStatus (our reading: the
// cloud requires Running or Stopped).
func (r *instance) statusError(c *call) *Error {
	switch r.status {
	case InstanceRunning, InstanceStopped:
		return nil
	case InstancePending:
		return c.err(CodeInvalidStatusEcsStatusNotSupport)
	}
	return c.err(CodeIncorrectInstanceStatus)
}

func (r *instance) checkUnassociate(c *call) *Error { return r.statusError(c) }

// instanceByID returns the ECS instance of the ID, or nil. The instance
// last found is checked first: one not deleted is the world's instance of
// its ID (DeleteInstance marks it deleted as it removes it, and an ID is
// never given to two instances at once), so a caller's calls on one
// instance cost no map lookup.
func (s *Sim) instanceByID(id string) *instance {
	if r := s.world.lastInstance; r != nil && !r.deleted && r.id == id {
		return r
	}
	r := s.world.instances[id]
	if r != nil {
		s.world.lastInstance = r
	}
	return r
}

// associateECS checks that the ECS instance can take e
// (AssociateEipAddress with InstanceType=EcsInstance).
func (s *Sim) associateECS(c *call, e *eip, req *AssociateEipAddressRequest) (target, *binding, *Error) {
	r := s.instanceByID(req.InstanceID)
	if r == nil || r.account != c.account {
		return nil, nil, c.err(CodeInvalidInstanIDNotFound)
	}
	if req.Mode == ModeBinded || req.Mode == ModeMultiBinded {
		return nil, nil, c.err(CodeInvalidDirectEipBindType)
	}
	if r.region != s.cfg.regions[e.region] {
		return nil, nil, c.err(CodeInvalidParameterMismatch)
	}
	if r.classic {
		return nil, nil, newErrorAlt(CodeOperationDenied, altOperationDeniedNotInVPC, c.rid)
	}
	if s.inDefaultVPC(&r.owned) {
		return nil, nil, c.err(CodeOperationDenied)
	}
	if err := r.statusError(c); err != nil {
		return nil, nil, err
	}
	if r.publicIP {
		return nil, nil, c.err(CodeEipCanNotAssociateWithPublicIP)
	}
	if r.eip != nil {
		return nil, nil, c.err(CodeInvalidAssociationDuplicated)
	}
	ip := "" // Describe shows a private IP only when the call named one
	if req.PrivateIPAddress != "" {
		if !slices.Contains(r.privIPs, req.PrivateIPAddress) {
			return nil, nil, newErrorAlt(CodeInvalidParameter, altInvalidParameterNamed, c.rid, "PrivateIpAddress")
		}
		ip = req.PrivateIPAddress
	}
	return r, s.newBinding(binding{target: r, privateIP: ip}), nil
}

func (r *instance) bind(e *eip) { r.eip = e }
