package eipsim

// NAT gateways as EIP targets (InstanceType=Nat). A gateway lives in a VPC
// and region, belongs to an account, and has one SNAT table and one DNAT
// (forward) table whose entries use the gateway's EIPs (snat.go, dnat.go).
// Facts: eip-api-facts.md §4.1 and §5; the DeleteNatGateway page
// (https://www.alibabacloud.com/help/doc-detail/36051.htm).
//
// Documented choices where the cloud says nothing:
//   - A gateway that is Deleting still holds its EIPs until the deletion
//     completes (the cloud then "automatically disassociates" them).
//     UnassociateEipAddress on such an EIP answers InvalidBindInstance.NotFound:
//     the bound instance is going away and only queries are allowed on it.
//   - A financially locked gateway (overdue; SetNatGatewayFinancialLock)
//     refuses new EIPs with NATGATEWAY_FINANCIALLOCKED (documented) and
//     refuses UnassociateEipAddress with InvalidStatus.NotAllow ("Bind
//     instance status invalid"), as a locked SLB does.
//   - UnassociateEipAddress, Force=false, with entries using the EIP:
//     DependencyViolation.SnatEntry ("The specified eip is in ip pool.")
//     when an SNAT entry lists the EIP among several SnatIps (an IP pool);
//     else InvalidIpStatus.HasBeenUsedBySnatTable when an SNAT entry uses
//     it; else InvalidIpStatus.HasBeenUsedByForwardEntry when a DNAT entry
//     does. Any entry using the EIP that is Pending or Deleting gives
//     InvalidStatus.SnatOrDnat first, whatever Force says.
//   - Force=true deletes the entries that use the EIP (an SNAT entry as a
//     whole, even when it lists other IPs too), or leaves them in place:
//     see WithNATForceMode.

import (
	"slices"
	"strings"
	"time"
)

// NatGateway is an Internet NAT gateway of the world.
type NatGateway struct {
	NatGatewayID string `json:"NatGatewayId"`
	RegionID     string `json:"RegionId"`  // default: the Sim's first region
	AccountID    string `json:"AccountId"` // default: DefaultAccountID
	VpcID        string `json:"VpcId"`     // default: the account's implicit VPC of the region
	Name         string `json:"Name"`
	// Status is Creating, Available or Deleting (read-only; AddNatGateway
	// makes an Available gateway).
	Status string `json:"Status"`
	// BusinessStatus is Normal or FinancialLocked (read-only; see
	// SetNatGatewayFinancialLock).
	BusinessStatus string `json:"BusinessStatus"`
	// SnatTableID and ForwardTableID are the gateway's tables (read-only).
	SnatTableID    string `json:"SnatTableId"`
	ForwardTableID string `json:"ForwardTableId"`
	// AllocationIDs are the EIPs bound to the gateway (read-only), sorted.
	AllocationIDs []string `json:"AllocationIds"`
	// IPAddresses are their addresses, in the same order (read-only).
	IPAddresses []string `json:"IpAddresses"`
	// Tags are the gateway's tags, sorted by key; nil when it has none
	// (read-only; see TagResources).
	Tags []Tag `json:"Tags"`
}

// NAT gateway statuses.
const (
	NatGatewayCreating  = "Creating"
	NatGatewayAvailable = "Available"
	NatGatewayDeleting  = "Deleting"
)

// SNAT and DNAT entry statuses.
const (
	EntryPending   = "Pending"
	EntryAvailable = "Available"
	EntryDeleting  = "Deleting"
)

type natGateway struct {
	owned
	name      string
	status    string
	locked    bool
	snatTable string
	fwdTable  string
	eips      []*eip
	snat      []*snatEntry
	dnat      []*forwardEntry
	pending   *task
	deleted   bool
	tags      tagSet
	listed    listPos // listindex.go
}

func (g *natGateway) pos() *listPos { return &g.listed }

// listNat brings g's place in the listing index up to date: every write
// that creates or deletes a gateway or changes its status calls it.
func (s *Sim) listNat(g *natGateway) { s.world.natList.sync(g, !g.deleted, g.status) }

// natEntry is what SNAT and DNAT entries share.
type natEntry struct {
	id      string
	status  string
	pending *task
	// orphaned marks an entry left in place by a forced unassociation
	// (NATForceKeepEntries): it names an address the gateway no longer holds.
	orphaned bool
}

// tableIDs derives a gateway's table IDs from its ID: ngw-x has stb-x and ftb-x.
func tableIDs(id string) (string, string) {
	suffix := strings.TrimPrefix(id, "ngw-")
	return "stb-" + suffix, "ftb-" + suffix
}

// addNatGateway indexes a new gateway.
func (s *Sim) addNatGateway(g *natGateway) {
	g.snatTable, g.fwdTable = tableIDs(g.id)
	s.world.nats[g.id] = g
	s.world.noteID(g.id)
	s.world.snatTables[g.snatTable] = g
	s.world.fwdTables[g.fwdTable] = g
	s.listNat(g)
}

// AddNatGateway adds an Available NAT gateway to the world.
func (s *Sim) AddNatGateway(ng NatGateway) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "AddNatGateway", nil, ng)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	const m = "AddNatGateway"
	if err := s.fillOwned(m, "ngw-", ng.NatGatewayID, &ng.RegionID, &ng.AccountID); err != nil {
		return err
	}
	if s.idTaken(ng.NatGatewayID) {
		return setupError(m, "resource %s already exists", ng.NatGatewayID)
	}
	stb, ftb := tableIDs(ng.NatGatewayID)
	if s.world.snatTables[stb] != nil || s.world.fwdTables[ftb] != nil {
		return setupError(m, "%s: its table IDs %s/%s are taken", ng.NatGatewayID, stb, ftb)
	}
	if ng.Status != "" || ng.BusinessStatus != "" {
		return setupError(m, "%s: Status and BusinessStatus are read-only", ng.NatGatewayID)
	}
	v, err := s.resolveVPC(m, ng.NatGatewayID, ng.VpcID, ng.RegionID, ng.AccountID)
	if err != nil {
		return err
	}
	s.addNatGateway(&natGateway{owned: owned{id: ng.NatGatewayID, region: ng.RegionID, account: ng.AccountID, vpc: v},
		name: ng.Name, status: NatGatewayAvailable})
	s.worldEvent(m, ng.NatGatewayID)
	return nil
}

// SetNatGatewayFinancialLock locks a NAT gateway for an overdue payment, or
// lifts the lock. A locked gateway takes no new EIP
// (NATGATEWAY_FINANCIALLOCKED) and lets none go (InvalidStatus.NotAllow).
func (s *Sim) SetNatGatewayFinancialLock(id string, locked bool) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "SetNatGatewayFinancialLock", nil, id, locked)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	s.settle(now)
	const m = "SetNatGatewayFinancialLock"
	g, ok := s.world.nats[id]
	if !ok {
		return setupError(m, "no NAT gateway %s", id)
	}
	if g.locked == locked {
		return setupError(m, "%s: already %s", id, g.businessStatus())
	}
	from := g.businessStatus()
	g.locked = locked
	s.transition(now, m, id, from, g.businessStatus(), m)
	return nil
}

func (g *natGateway) businessStatus() string {
	if g.locked {
		return BusinessStatusFinancialLocked
	}
	return BusinessStatusNormal
}

// NatGateways returns snapshots of every NAT gateway, sorted by ID.
func (s *Sim) NatGateways() []NatGateway {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	var buf keysBuf
	out := make([]NatGateway, 0, len(s.world.nats))
	for _, id := range appendSortedKeys(buf[:0], s.world.nats) {
		out = append(out, s.world.nats[id].snapshot())
	}
	return out
}

func (g *natGateway) snapshot() NatGateway {
	ng := NatGateway{NatGatewayID: g.id, RegionID: g.region, AccountID: g.account, VpcID: g.vpc, Name: g.name,
		Status: g.status, BusinessStatus: g.businessStatus(), SnatTableID: g.snatTable, ForwardTableID: g.fwdTable}
	eips := slices.Clone(g.eips)
	slices.SortFunc(eips, func(a, b *eip) int { return strings.Compare(a.id, b.id) })
	for _, e := range eips {
		ng.AllocationIDs = append(ng.AllocationIDs, e.id)
		ng.IPAddresses = append(ng.IPAddresses, addr4(e.ip).String())
	}
	if len(g.tags) > 0 {
		ng.Tags = slices.Clone([]Tag(g.tags))
	}
	return ng
}

func (g *natGateway) targetID() string         { return g.id }
func (g *natGateway) targetType() InstanceType { return InstanceTypeNat }
func (g *natGateway) exists(s *Sim) bool       { return !g.deleted }
func (g *natGateway) bind(e *eip) {
	g.eips = append(g.eips, e)
	// Entries left in place by a forced unassociation that name this address
	// are live once more when the gateway holds every address they name
	// again: an SNAT IP pool whose other addresses are still detached stays
	// orphaned until the last of them is bound.
	ip := addr4(e.ip).String()
	for _, x := range g.snat {
		if x.orphaned && slices.Contains(x.ips, ip) && g.holdsAll(x.ips) {
			x.orphaned = false
		}
	}
	for _, x := range g.dnat {
		if x.externalIP == ip {
			x.orphaned = false
		}
	}
}

// holdsAll reports whether every address of ips is an EIP bound to g.
func (g *natGateway) holdsAll(ips []string) bool {
	for _, ip := range ips {
		if !slices.ContainsFunc(g.eips, func(e *eip) bool { return addr4(e.ip).String() == ip }) {
			return false
		}
	}
	return true
}

func (g *natGateway) detach(e *eip) {
	if i := slices.Index(g.eips, e); i >= 0 {
		g.eips = slices.Delete(g.eips, i, i+1)
	}
	// An entry kept in place (keep-entries) that names the address is
	// orphaned again, even if a bind revived it while this EIP was still
	// Unassociating: an entry names only addresses the gateway holds,
	// unless orphaned.
	ip := addr4(e.ip).String()
	for _, x := range g.snat {
		if x.status != EntryDeleting && slices.Contains(x.ips, ip) {
			x.orphaned = true
		}
	}
	for _, x := range g.dnat {
		if x.status != EntryDeleting && x.externalIP == ip {
			x.orphaned = true
		}
	}
}

// users returns the entries of g that name e's address.
func (g *natGateway) users(e *eip) ([]*snatEntry, []*forwardEntry) {
	ip := addr4(e.ip).String()
	var snat []*snatEntry
	var dnat []*forwardEntry
	for _, x := range g.snat {
		if slices.Contains(x.ips, ip) {
			snat = append(snat, x)
		}
	}
	for _, x := range g.dnat {
		if x.externalIP == ip {
			dnat = append(dnat, x)
		}
	}
	return snat, dnat
}

// holds returns g's EIP with address ip if it is InUse, or nil: the EIPs an
// SNAT or DNAT entry can use.
func (s *Sim) holds(g *natGateway, ip string) *eip {
	for _, e := range g.eips {
		if addr4(e.ip).String() == ip && e.status == stInUse {
			return e
		}
	}
	return nil
}

func unstable(status string) bool { return status == EntryPending || status == EntryDeleting }

func (g *natGateway) checkUnassociate(c *call, e *eip, force bool) *Error {
	if g.status == NatGatewayDeleting {
		return c.err(CodeInvalidBindInstanceNotFound)
	}
	if g.locked {
		return c.err(CodeInvalidStatusNotAllow)
	}
	snat, dnat := g.users(e)
	for _, x := range snat {
		if unstable(x.status) && !bugs.natPendingUnchecked {
			return c.err(CodeInvalidStatusSnatOrDnat)
		}
	}
	for _, x := range dnat {
		if unstable(x.status) && !bugs.natPendingUnchecked {
			return c.err(CodeInvalidStatusSnatOrDnat)
		}
	}
	if force || bugs.natForceIgnored {
		return nil
	}
	for _, x := range snat {
		if len(x.ips) > 1 {
			return c.err(CodeDependencyViolationSnatEntry)
		}
	}
	if len(snat) > 0 {
		return c.err(CodeInvalidIPStatusUsedBySnatTable)
	}
	if len(dnat) > 0 {
		return c.err(CodeInvalidIPStatusUsedByForwardEntry)
	}
	return nil
}

// unassociatingForced applies Force=true to the entries that use e.
func (g *natGateway) unassociatingForced(s *Sim, c *call, e *eip) {
	snat, dnat := g.users(e)
	// Deleted as a consequence: the plain delay of their kind, no fault rules.
	for _, x := range snat {
		if s.cfg.natForce == NATForceKeepEntries {
			x.orphaned = true
		} else {
			s.deleteSnat(c.now(), c.action, s.cfg.delays[ActionDeleteSnatEntry], x, c.rid)
		}
	}
	for _, x := range dnat {
		if s.cfg.natForce == NATForceKeepEntries {
			x.orphaned = true
		} else {
			s.deleteForward(c.now(), c.action, s.cfg.delays[ActionDeleteForwardEntry], x, c.rid)
		}
	}
}

// deleteEntry moves an entry to Deleting now and runs remove after d: the
// delay that DeleteSnatEntry or DeleteForwardEntry got from delay, or the
// plain delay of the kind for an entry deleted as a consequence of another
// action.
func (s *Sim) deleteEntry(now time.Time, action Action, d time.Duration, en *natEntry, cause string, remove func()) {
	s.cancel(en.pending)
	s.transition(now, action, en.id, en.status, EntryDeleting, cause)
	en.status = EntryDeleting
	en.pending = s.schedule(now, d, action, en.id, EntryDeleting, "", func(at time.Time) {
		en.pending = nil
		s.transition(at, action, en.id, EntryDeleting, "", cause)
		remove()
	})
}

// createEntry schedules a new entry's Pending -> Available, the task of c
// (CreateSnatEntry or CreateForwardEntry on the table named table).
func (s *Sim) createEntry(c *call, table string, en *natEntry) {
	action, cause := c.action, c.rid
	en.status = EntryPending
	s.transition(c.now(), action, en.id, "", EntryPending, cause)
	d, stuck := s.delay(c, table)
	en.pending = s.schedule(c.now(), d, action, en.id, EntryPending, EntryAvailable, func(at time.Time) {
		en.pending = nil
		s.transition(at, action, en.id, EntryPending, EntryAvailable, cause)
		en.status = EntryAvailable
	})
	s.delayed(en.pending, stuck)
}

// associateNAT checks that the NAT gateway can take e
// (AssociateEipAddress with InstanceType=Nat).
func (s *Sim) associateNAT(c *call, e *eip, req *AssociateEipAddressRequest) (target, *binding, *Error) {
	g, ok := s.world.nats[req.InstanceID]
	if !ok || g.account != c.account {
		return nil, nil, c.err(CodeInvalidInstanIDNotFound)
	}
	if req.Mode == ModeBinded || req.Mode == ModeMultiBinded {
		return nil, nil, c.err(CodeInvalidDirectEipBindType)
	}
	if req.PrivateIPAddress != "" {
		// [I] A NAT gateway's EIPs map to no private IP of the caller's choosing.
		return nil, nil, c.invalid("PrivateIpAddress")
	}
	if g.region != s.cfg.regions[e.region] {
		return nil, nil, c.err(CodeInvalidParameterMismatch)
	}
	if s.inDefaultVPC(&g.owned) {
		return nil, nil, c.err(CodeOperationDenied)
	}
	if g.locked {
		return nil, nil, c.err(CodeNatGatewayFinancialLocked)
	}
	if err := g.statusError(c); err != nil {
		return nil, nil, err
	}
	if len(g.eips) >= s.cfg.natEIPs+b2i(bugs.natEIPLimitOffByOne) {
		return nil, nil, c.err(CodeQuotaExceededNumberOfEip)
	}
	if e.traffic {
		n := 0
		for _, x := range g.eips {
			if x.traffic {
				n++
			}
		}
		if n >= s.cfg.natTraffic {
			return nil, nil, c.err(CodeQuotaExceededNumberOfTrafficEip)
		}
	}
	return g, s.newBinding(binding{target: g}), nil
}

// statusError is IncorrectStatus.NatGateway unless the gateway is
// Available. The cloud documents the message as "%s"; the gateway and its
// status fill it.
func (g *natGateway) statusError(c *call) *Error {
	if g.status != NatGatewayAvailable {
		return c.err(CodeIncorrectStatusNatGateway, "The status of NatGateway "+g.id+" is "+g.status+".")
	}
	return nil
}

// maxListPageSize is the largest PageSize of the NAT and HaVip listings.
const maxListPageSize = 50

// paging checks and defaults PageNumber (1) and PageSize (10, at most
// maxListPageSize) and returns the slice bounds for total.
func (c *call) paging(num, size *int, total int) (int, int, *Error) {
	if err := c.checkPage(num, size, maxListPageSize); err != nil {
		return 0, 0, err
	}
	lo, hi := pageBounds(*num, *size, total, 0)
	return lo, hi, nil
}
