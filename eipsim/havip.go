package eipsim

// HaVips (high-availability virtual IPs) as EIP targets (InstanceType=HaVip),
// with CreateHaVip, DeleteHaVip, AssociateHaVip, UnassociateHaVip and
// DescribeHaVips (eip-api-facts.md §6). Every HaVip transition is a task on
// the clock, after the delay of the action that started it (WithHaVipDelay
// or WithTaskDelay, plus any Latency or Stuck fault rule): Creating -> Available;
// Associating -> InUse; Unassociating -> InUse or Available; Deleting -> gone.
// The stable status is derived: InUse while the HaVip is associated with at
// least one ECS instance, else Available (an EIP alone does not make it InUse).
//
// An EIP can be bound only while the HaVip is Available or InUse:
// IncorrectHaVipStatus, whose message differs between AssociateEipAddress
// and UnassociateEipAddress (both documented). One EIP per HaVip. A HaVip
// must be Available and have no EIP to be deleted.
//
// Our choices: vSwitches are not modelled (VSwitchId is recorded; a HaVip
// made by CreateHaVip is in the caller's implicit VPC of the region, one
// made by AddHaVip in the VPC it names), and AssociateHaVip requires the
// ECS instance to be in the HaVip's VPC (InvalidParameter naming InstanceId)
// instead of its vSwitch; only EcsInstance targets are modelled for
// AssociateHaVip; associating an instance twice gives
// InvalidAssociation.Duplicated; DeleteHaVip of a HaVip with an EIP gives
// DependencyViolation ("The specified resource of Eip depends on HaVip, ...").
// The per-HaVip instance limit is not modelled.

import (
	"context"
	"slices"
	"time"
)

// HaVip is a value snapshot of a HaVip; the read-only fields are ignored by
// AddHaVip.
type HaVip struct {
	HaVipID   string `json:"HaVipId"`
	RegionID  string `json:"RegionId"`  // default: the Sim's first region
	AccountID string `json:"AccountId"` // default: DefaultAccountID
	VpcID     string `json:"VpcId"`     // default: the account's implicit VPC of the region
	VSwitchID string `json:"VSwitchId"`
	// IPAddress is the HaVip's private IP; default: one assigned by the Sim.
	IPAddress   string `json:"IpAddress"`
	Name        string `json:"Name"`
	Description string `json:"Description"`
	// Status, AssociatedInstances and AssociatedEipAddresses are read-only.
	Status                 string   `json:"Status"`
	AssociatedInstances    []string `json:"AssociatedInstances"`
	AssociatedEipAddresses []string `json:"AssociatedEipAddresses"`
	// AllocationID is the EIP bound to the HaVip (read-only).
	AllocationID string `json:"AllocationId"`
	// Tags are the HaVip's tags, sorted by key; nil when it has none
	// (read-only; see TagResources).
	Tags []Tag `json:"Tags"`
}

// HaVip statuses.
const (
	HaVipCreating      = "Creating"
	HaVipAvailable     = "Available"
	HaVipInUse         = "InUse"
	HaVipDeleting      = "Deleting"
	HaVipAssociating   = "Associating"
	HaVipUnassociating = "Unassociating"
)

type haVip struct {
	owned
	vswitch, ip, name, desc string
	// override is a transitional status; "" means the derived one.
	override  string
	instances []string // sorted
	eip       *eip
	pending   *task
	deleted   bool
	tags      tagSet
	listed    listPos // listindex.go
}

func (h *haVip) pos() *listPos { return &h.listed }

// listHaVip brings h's place in the listing index up to date: every write
// that creates or deletes a HaVip or may change its status (derived from
// its override and instances) calls it.
func (s *Sim) listHaVip(h *haVip) { s.world.havipList.sync(h, !h.deleted, h.status()) }

func (h *haVip) status() string {
	switch {
	case h.override != "":
		return h.override
	case len(h.instances) > 0:
		return HaVipInUse
	}
	return HaVipAvailable
}

func (h *haVip) stable() bool { return h.override == "" }

func (h *haVip) snapshot() HaVip {
	out := HaVip{HaVipID: h.id, RegionID: h.region, AccountID: h.account, VpcID: h.vpc, VSwitchID: h.vswitch, IPAddress: h.ip,
		Name: h.name, Description: h.desc, Status: h.status(), AssociatedInstances: slices.Clone(h.instances)}
	if h.eip != nil {
		out.AllocationID = h.eip.id
		out.AssociatedEipAddresses = []string{addr4(h.eip.ip).String()}
	}
	if len(h.tags) > 0 {
		out.Tags = slices.Clone([]Tag(h.tags))
	}
	return out
}

// AddHaVip adds an Available HaVip to the world.
func (s *Sim) AddHaVip(hv HaVip) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "AddHaVip", nil, hv)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	const m = "AddHaVip"
	if err := s.fillOwned(m, "havip-", hv.HaVipID, &hv.RegionID, &hv.AccountID); err != nil {
		return err
	}
	if s.idTaken(hv.HaVipID) {
		return setupError(m, "resource %s already exists", hv.HaVipID)
	}
	v, err := s.resolveVPC(m, hv.HaVipID, hv.VpcID, hv.RegionID, hv.AccountID)
	if err != nil {
		return err
	}
	ips, err := s.privateIPs(m, hv.HaVipID, nonEmpty(hv.IPAddress))
	if err != nil {
		return err
	}
	h := &haVip{owned: owned{id: hv.HaVipID, region: hv.RegionID, account: hv.AccountID, vpc: v},
		vswitch: hv.VSwitchID, ip: ips[0], name: hv.Name, desc: hv.Description}
	s.world.havips[hv.HaVipID] = h
	s.world.noteID(hv.HaVipID)
	s.listHaVip(h)
	s.worldEvent(m, hv.HaVipID)
	return nil
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// HaVips returns snapshots of every HaVip, sorted by ID.
func (s *Sim) HaVips() []HaVip {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	var buf keysBuf
	out := make([]HaVip, 0, len(s.world.havips))
	for _, id := range appendSortedKeys(buf[:0], s.world.havips) {
		out = append(out, s.world.havips[id].snapshot())
	}
	return out
}

// setHaVip moves h to a transitional status now and back to its derived
// status after the delay of c's action (and its Latency and Stuck rules,
// matched on h), running done first.
func (s *Sim) setHaVip(c *call, h *haVip, to string, done func(at time.Time)) {
	from := h.status()
	h.override = to
	s.listHaVip(h)
	s.transition(c.now(), c.action, h.id, from, to, c.rid)
	action, rid := c.action, c.rid
	d, stuck := s.delay(c, h.id)
	h.pending = s.schedule(c.now(), d, action, h.id, to, "", func(at time.Time) {
		h.pending = nil
		h.override = ""
		if done != nil {
			done(at)
		}
		s.listHaVip(h)
		if !h.deleted {
			s.transition(at, action, h.id, to, h.status(), rid)
		}
	})
	s.delayed(h.pending, stuck)
}

func (h *haVip) targetID() string         { return h.id }
func (h *haVip) targetType() InstanceType { return InstanceTypeHaVip }
func (h *haVip) exists(s *Sim) bool       { return !h.deleted }
func (h *haVip) bind(e *eip)              { h.eip = e }
func (h *haVip) detach(e *eip) {
	if h.eip == e {
		h.eip = nil
	}
}

// statusError is IncorrectHaVipStatus unless the HaVip is Available or
// InUse; the catalogue gives UnassociateEipAddress its own message.
func (h *haVip) statusError(c *call) *Error {
	if !h.stable() {
		return c.err(CodeIncorrectHaVipStatus)
	}
	return nil
}

func (h *haVip) checkUnassociate(c *call) *Error { return h.statusError(c) }

// associateHaVip checks that the HaVip can take e
// (AssociateEipAddress with InstanceType=HaVip).
func (s *Sim) associateHaVip(c *call, e *eip, req *AssociateEipAddressRequest) (target, *binding, *Error) {
	h, ok := s.world.havips[req.InstanceID]
	if !ok || h.account != c.account {
		return nil, nil, c.err(CodeInvalidInstanIDNotFound)
	}
	if req.Mode == ModeBinded || req.Mode == ModeMultiBinded {
		return nil, nil, c.err(CodeInvalidDirectEipBindType)
	}
	if req.PrivateIPAddress != "" && req.PrivateIPAddress != h.ip {
		return nil, nil, c.invalid("PrivateIpAddress")
	}
	if h.region != s.cfg.regions[e.region] {
		return nil, nil, c.err(CodeInvalidParameterMismatch)
	}
	if s.inDefaultVPC(&h.owned) {
		return nil, nil, c.err(CodeOperationDenied)
	}
	if err := h.statusError(c); err != nil {
		return nil, nil, err
	}
	if h.eip != nil {
		return nil, nil, c.err(CodeInvalidAssociationDuplicated)
	}
	return h, s.newBinding(binding{target: h}), nil
}

// lookupHaVip finds the caller's HaVip in the region.
func (s *Sim) lookupHaVip(c *call, region, id string) (*haVip, *Error) {
	if err := s.requireRegionAndID(c, region, "HaVipId", id); err != nil {
		return nil, err
	}
	h, ok := s.world.havips[id]
	if !ok || h.account != c.account || h.region != region {
		return nil, c.err(CodeInvalidHaVipIDNotFound)
	}
	return h, nil
}

// CreateHaVipRequest holds the CreateHaVip parameters.
type CreateHaVipRequest struct {
	RegionID    string `wire:"RegionId"`
	VSwitchID   string `wire:"VSwitchId"`
	IPAddress   string `wire:"IpAddress"`
	Name        string `wire:"Name"`
	Description string `wire:"Description"`
	ClientToken string `wire:"ClientToken"`
}

// CreateHaVipResponse is CreateHaVip's answer.
type CreateHaVipResponse struct {
	RequestID string
	HaVipID   string
	IPAddress string
}

// CreateHaVip creates a HaVip: Creating, then Available.
func (s *Sim) CreateHaVip(ctx context.Context, req CreateHaVipRequest) (*CreateHaVipResponse, error) {
	return serve(s, ctx, ActionCreateHaVip, (*Sim).CreateHaVip, req, "", (*Sim).createHaVip)
}

func (s *Sim) createHaVip(c *call, req CreateHaVipRequest) (*CreateHaVipResponse, *Error) {
	if err := c.require("RegionId", req.RegionID, "VSwitchId", req.VSwitchID); err != nil {
		return nil, err
	}
	switch {
	case req.IPAddress != "" && !validIPv4(req.IPAddress):
		return nil, c.invalid("IpAddress")
	case req.Name != "" && !validName(req.Name):
		return nil, c.invalid("Name")
	case req.Description != "" && !validDescription(req.Description):
		return nil, c.invalid("Description")
	}
	if err := s.checkTokenRegion(c, req.ClientToken, req.RegionID); err != nil {
		return nil, err
	}
	token, old, err := replayToken[CreateHaVipResponse](s, c, &req.ClientToken, &req)
	if err != nil {
		return old, err
	}
	n := 0
	for _, h := range s.world.havips {
		if h.account == c.account && h.region == req.RegionID {
			n++
		}
	}
	if n >= s.cfg.havipQuota {
		return nil, c.err(CodeQuotaExceeded)
	}
	v, _ := s.resolveVPC(string(c.action), "", "", req.RegionID, c.account) // the implicit VPC never fails
	ip := req.IPAddress
	if ip == "" {
		ip = s.nextPrivateIP()
	}
	h := &haVip{owned: owned{id: s.ids.resourceID("havip-", s.idTaken), region: req.RegionID, account: c.account, vpc: v},
		vswitch: req.VSwitchID, ip: ip, name: req.Name, desc: req.Description}
	s.world.havips[h.id] = h
	s.world.noteID(h.id)
	s.ok(c, h.id)
	s.transition(c.now(), c.action, h.id, "", HaVipCreating, c.rid)
	h.override = HaVipCreating
	s.listHaVip(h)
	rid := c.rid
	d, stuck := s.delay(c, "") // the call names no resource
	h.pending = s.schedule(c.now(), d, c.action, h.id, HaVipCreating, HaVipAvailable, func(at time.Time) {
		h.pending = nil
		h.override = ""
		s.listHaVip(h)
		s.transition(at, ActionCreateHaVip, h.id, HaVipCreating, h.status(), rid)
	})
	s.delayed(h.pending, stuck)
	resp := &CreateHaVipResponse{RequestID: c.rid, HaVipID: h.id, IPAddress: ip}
	rememberResponse(s, c, token, req, resp)
	return resp, nil
}

// DeleteHaVipRequest holds the DeleteHaVip parameters.
type DeleteHaVipRequest struct {
	RegionID    string `wire:"RegionId"`
	HaVipID     string `wire:"HaVipId"`
	ClientToken string `wire:"ClientToken"`
}

// DeleteHaVipResponse is DeleteHaVip's answer.
type DeleteHaVipResponse struct {
	RequestID string
}

// DeleteHaVip deletes an Available HaVip without an EIP: Deleting, then gone.
func (s *Sim) DeleteHaVip(ctx context.Context, req DeleteHaVipRequest) (*DeleteHaVipResponse, error) {
	return serve(s, ctx, ActionDeleteHaVip, (*Sim).DeleteHaVip, req, req.HaVipID, (*Sim).deleteHaVip)
}

func (s *Sim) deleteHaVip(c *call, req DeleteHaVipRequest) (*DeleteHaVipResponse, *Error) {
	if err := c.checkToken(req.ClientToken); err != nil {
		return nil, err
	}
	h, err := s.lookupHaVip(c, req.RegionID, req.HaVipID)
	if err != nil {
		return nil, err
	}
	if h.status() != HaVipAvailable {
		return nil, c.err(CodeIncorrectHaVipStatus)
	}
	if h.eip != nil {
		return nil, c.err(CodeDependencyViolation, "Eip", "HaVip")
	}
	s.ok(c, h.id)
	rid := c.rid
	s.setHaVip(c, h, HaVipDeleting, func(at time.Time) {
		h.deleted = true
		s.idx.tags.remove(tagged{h.id, &h.tags, tagGroup{TagResourceTypeHaVip, h.account, h.region}})
		delete(s.world.havips, h.id)
		s.transition(at, ActionDeleteHaVip, h.id, HaVipDeleting, "", rid)
	})
	return &DeleteHaVipResponse{RequestID: c.rid}, nil
}

// AssociateHaVipRequest holds the AssociateHaVip parameters.
type AssociateHaVipRequest struct {
	RegionID   string `wire:"RegionId"`
	HaVipID    string `wire:"HaVipId"`
	InstanceID string `wire:"InstanceId"`
	// InstanceType is EcsInstance (the default and the only one modelled).
	InstanceType string `wire:"InstanceType"`
	ClientToken  string `wire:"ClientToken"`
}

// AssociateHaVipResponse is AssociateHaVip's answer.
type AssociateHaVipResponse struct {
	RequestID string
}

// AssociateHaVip associates a HaVip with an ECS instance: Associating, then InUse.
func (s *Sim) AssociateHaVip(ctx context.Context, req AssociateHaVipRequest) (*AssociateHaVipResponse, error) {
	return serve(s, ctx, ActionAssociateHaVip, (*Sim).AssociateHaVip, req, req.HaVipID, (*Sim).associateHaVipInstance)
}

// associateHaVipInstance is AssociateHaVip's body (associateHaVip checks an
// EIP's association with a HaVip).
func (s *Sim) associateHaVipInstance(c *call, req AssociateHaVipRequest) (*AssociateHaVipResponse, *Error) {
	h, r, err := s.checkHaVipInstance(c, req.RegionID, req.HaVipID, req.InstanceID, req.InstanceType, req.ClientToken)
	if err != nil {
		return nil, err
	}
	if err := r.statusError(c); err != nil {
		return nil, err
	}
	if r.vpc != h.vpc {
		return nil, c.invalid("InstanceId")
	}
	if slices.Contains(h.instances, r.id) {
		return nil, c.err(CodeInvalidAssociationDuplicated)
	}
	s.ok(c, h.id)
	h.instances = append(h.instances, r.id)
	slices.Sort(h.instances)
	s.setHaVip(c, h, HaVipAssociating, nil)
	return &AssociateHaVipResponse{RequestID: c.rid}, nil
}

// checkHaVipInstance is what AssociateHaVip and UnassociateHaVip check
// first: parameters, the HaVip (Available or InUse) and the ECS instance.
func (s *Sim) checkHaVipInstance(c *call, region, havipID, instanceID, typ, token string) (*haVip, *instance, *Error) {
	if instanceID == "" {
		return nil, nil, c.missing("InstanceId")
	}
	if typ != "" && typ != string(InstanceTypeEcsInstance) {
		return nil, nil, c.invalid("InstanceType")
	}
	if err := c.checkToken(token); err != nil {
		return nil, nil, err
	}
	h, err := s.lookupHaVip(c, region, havipID)
	if err != nil {
		return nil, nil, err
	}
	if err := h.statusError(c); err != nil {
		return nil, nil, err
	}
	r, ok := s.world.instances[instanceID]
	if !ok || r.account != c.account {
		return nil, nil, c.err(CodeInvalidInstanceIDNotFound)
	}
	return h, r, nil
}

// UnassociateHaVipRequest holds the UnassociateHaVip parameters.
type UnassociateHaVipRequest struct {
	RegionID     string `wire:"RegionId"`
	HaVipID      string `wire:"HaVipId"`
	InstanceID   string `wire:"InstanceId"`
	InstanceType string `wire:"InstanceType"`
	// Force is accepted; the Sim models no health checks it would skip.
	Force       bool   `wire:"Force"`
	ClientToken string `wire:"ClientToken"`
}

// UnassociateHaVipResponse is UnassociateHaVip's answer.
type UnassociateHaVipResponse struct {
	RequestID string
}

// UnassociateHaVip disassociates a HaVip from an ECS instance:
// Unassociating, then InUse or Available. An instance the HaVip is not
// associated with gives InvalidParameter naming InstanceId (our choice).
func (s *Sim) UnassociateHaVip(ctx context.Context, req UnassociateHaVipRequest) (*UnassociateHaVipResponse, error) {
	return serve(s, ctx, ActionUnassociateHaVip, (*Sim).UnassociateHaVip, req, req.HaVipID, (*Sim).unassociateHaVipInstance)
}

// unassociateHaVipInstance is UnassociateHaVip's body.
func (s *Sim) unassociateHaVipInstance(c *call, req UnassociateHaVipRequest) (*UnassociateHaVipResponse, *Error) {
	h, r, err := s.checkHaVipInstance(c, req.RegionID, req.HaVipID, req.InstanceID, req.InstanceType, req.ClientToken)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(h.instances, r.id) {
		return nil, c.invalid("InstanceId")
	}
	s.ok(c, h.id)
	s.setHaVip(c, h, HaVipUnassociating, func(time.Time) { h.dropInstance(r.id) })
	return &UnassociateHaVipResponse{RequestID: c.rid}, nil
}

func (h *haVip) dropInstance(id string) {
	if i := slices.Index(h.instances, id); i >= 0 {
		h.instances = slices.Delete(h.instances, i, i+1)
	}
}

// DescribeHaVipsRequest holds the DescribeHaVips parameters. Filters come
// as Filter.N.Key / Filter.N.Value.1; the Sim reads the first two, with
// keys HaVipId, VpcId, VSwitchId or Status.
type DescribeHaVipsRequest struct {
	RegionID     string `wire:"RegionId"`
	Filter1Key   string `wire:"Filter.1.Key"`
	Filter1Value string `wire:"Filter.1.Value.1"`
	Filter2Key   string `wire:"Filter.2.Key"`
	Filter2Value string `wire:"Filter.2.Value.1"`
	PageNumber   int    `wire:"PageNumber"`
	PageSize     int    `wire:"PageSize"`
}

// DescribeHaVipsResponse is DescribeHaVips's answer.
type DescribeHaVipsResponse struct {
	RequestID  string
	TotalCount int
	PageNumber int
	PageSize   int
	HaVips     []HaVip
}

// DescribeHaVips lists the caller's HaVips in a region, by ID.
func (s *Sim) DescribeHaVips(ctx context.Context, req DescribeHaVipsRequest) (*DescribeHaVipsResponse, error) {
	return serveRead(s, ctx, ActionDescribeHaVips, (*Sim).DescribeHaVips, req, "", (*Sim).describeHaVips)
}

func (s *Sim) describeHaVips(c *call, req DescribeHaVipsRequest) (*DescribeHaVipsResponse, *Error) {
	if err := s.requireRegion(c, req.RegionID); err != nil {
		return nil, err
	}
	filters := [][2]string{{req.Filter1Key, req.Filter1Value}, {req.Filter2Key, req.Filter2Value}}
	for _, f := range filters {
		if f[0] != "" && !slices.Contains([]string{"HaVipId", "VpcId", "VSwitchId", "Status"}, f[0]) {
			return nil, c.err(CodeInvalidFilterKeyNotFound)
		}
	}
	if err := c.checkPage(&req.PageNumber, &req.PageSize, maxListPageSize); err != nil {
		return nil, err
	}
	// A filter with a key and a value filters; two on the same key must
	// agree, else nothing matches.
	var id, vpcID, vswitch, status string
	conflict := false
	for _, f := range filters {
		if f[0] == "" || f[1] == "" {
			continue
		}
		p := &status
		switch f[0] {
		case "HaVipId":
			p = &id
		case "VpcId":
			p = &vpcID
		case "VSwitchId":
			p = &vswitch
		}
		conflict = conflict || *p != "" && *p != f[1]
		*p = f[1]
	}
	match := func(h *haVip) bool {
		return h.account == c.account && h.region == req.RegionID && (vpcID == "" || h.vpc == vpcID) &&
			(vswitch == "" || h.vswitch == vswitch) && (status == "" || h.status() == status)
	}
	resp := &DescribeHaVipsResponse{RequestID: c.rid, PageNumber: req.PageNumber, PageSize: req.PageSize}
	if !conflict {
		resp.TotalCount, resp.HaVips = indexedList(&s.world.havipList, s.world.havips, listKey{c.account, req.RegionID},
			id, vpcID, status, vswitch != "", match, req.PageNumber, req.PageSize, (*haVip).snapshot)
	}
	s.ok(c, "")
	return resp, nil
}
