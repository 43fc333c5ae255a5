package eipsim

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// world holds the resources EIPs are associated with. Keys are resource IDs;
// every listing sorts them.
type world struct {
	vpcs map[string]*vpc
	// defaultVPCs counts the VPCs of vpcs that are default ones (AddVPC,
	// the one place that makes one: VPCs are never removed nor changed),
	// so that inDefaultVPC looks nothing up while there are none.
	defaultVPCs int
	instances   map[string]*instance
	// lastInstance is the instance instanceByID last found (ecs.go).
	lastInstance *instance
	slbs         map[string]*loadBalancer
	enis         map[string]*networkInterface
	nats         map[string]*natGateway
	havips       map[string]*haVip
	// snatTables and fwdTables index NAT gateways by their table IDs.
	snatTables map[string]*natGateway
	fwdTables  map[string]*natGateway
	// snatEntries and fwdEntries index the live SNAT and DNAT entries by
	// ID (the entries stay in their gateway's slices, in creation order).
	snatEntries map[string]*snatEntry
	fwdEntries  map[string]*forwardEntry
	// natList and havipList keep the NAT gateways and HaVips in the
	// order their listings answer (listindex.go).
	natList   listIndex[*natGateway]
	havipList listIndex[*haVip]
	privIPs   uint32 // counter for automatically assigned private IPs
	// eipLike is set once an instance, load balancer, ENI, NAT gateway or
	// HaVip got an ID with the AllocationIds' prefix: until then a drawn
	// AllocationId (always of that prefix) cannot be one of theirs, and
	// allocationIDTaken does not look them up. Every insertion into those
	// maps calls noteID; CheckInvariants checks that none was missed.
	eipLike bool
}

// allocationIDPrefix is the prefix of every drawn AllocationId.
const allocationIDPrefix = "eip-"

// noteID records that a resource of the world has the ID id.
func (w *world) noteID(id string) {
	if strings.HasPrefix(id, allocationIDPrefix) {
		w.eipLike = true
	}
}

func (w *world) init() {
	w.vpcs = map[string]*vpc{}
	w.instances = map[string]*instance{}
	w.slbs = map[string]*loadBalancer{}
	w.enis = map[string]*networkInterface{}
	w.nats = map[string]*natGateway{}
	w.havips = map[string]*haVip{}
	w.snatTables = map[string]*natGateway{}
	w.fwdTables = map[string]*natGateway{}
	w.snatEntries = map[string]*snatEntry{}
	w.fwdEntries = map[string]*forwardEntry{}
	w.natList.init()
	w.havipList.init()
}

// target is a resource an EIP can be bound to.
type target interface {
	targetID() string
	targetType() InstanceType
	// bind records e in the target's own bookkeeping.
	bind(e *eip)
	// detach removes e from the target's own bookkeeping.
	detach(e *eip)
	// exists reports whether the target is still in the world.
	exists(s *Sim) bool
	// base returns the target's ID, region, owner and VPC.
	base() *owned
}

// owned is what every resource of the world has: an ID, a region, an owner
// and a VPC.
type owned struct {
	id      string
	region  string
	account string
	vpc     string
}

func (o *owned) base() *owned { return o }

// VPC is a virtual private cloud of the world.
type VPC struct {
	VpcID     string `json:"VpcId"`
	RegionID  string `json:"RegionId"`  // default: the Sim's first region
	AccountID string `json:"AccountId"` // default: DefaultAccountID
	// IsDefault marks the region's default VPC: EIPs cannot be associated
	// with resources in it (OperationDenied).
	IsDefault bool `json:"IsDefault"`
}

type vpc struct {
	owned
	isDefault bool
}

// setupError is the error of a setup method: a plain message naming the
// method and the problem (setup methods are not cloud calls).
func setupError(method, format string, args ...any) error {
	return fmt.Errorf("eipsim: %s: %s", method, fmt.Sprintf(format, args...))
}

// fillOwned applies the defaults of a new resource and checks its ID,
// region and account.
func (s *Sim) fillOwned(method, prefix, id string, region, account *string) error {
	if id == "" {
		return setupError(method, "missing ID")
	}
	if strings.ContainsAny(id, " \t\n,()=") || len(id) > 128 {
		return setupError(method, "bad ID %q", id)
	}
	_ = prefix
	if *region == "" {
		*region = s.cfg.regions[0]
	}
	if _, ok := s.regionIndex(*region); !ok {
		return setupError(method, "%s: unknown region %q (the Sim serves %s)", id, *region, strings.Join(s.cfg.regions, ", "))
	}
	if *account == "" {
		*account = DefaultAccountID
	}
	return nil
}

// AddVPC adds a VPC to the world.
func (s *Sim) AddVPC(v VPC) (err error) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "AddVPC", nil, v)(&err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	if err := s.fillOwned("AddVPC", "vpc-", v.VpcID, &v.RegionID, &v.AccountID); err != nil {
		return err
	}
	if _, dup := s.world.vpcs[v.VpcID]; dup {
		return setupError("AddVPC", "VPC %s already exists", v.VpcID)
	}
	if v.IsDefault {
		for _, id := range sortedKeys(s.world.vpcs) {
			o := s.world.vpcs[id]
			if o.isDefault && o.region == v.RegionID && o.account == v.AccountID {
				return setupError("AddVPC", "account %s already has a default VPC in %s (%s)", v.AccountID, v.RegionID, id)
			}
		}
	}
	s.world.vpcs[v.VpcID] = &vpc{owned: owned{id: v.VpcID, region: v.RegionID, account: v.AccountID, vpc: v.VpcID}, isDefault: v.IsDefault}
	if v.IsDefault {
		s.world.defaultVPCs++
	}
	s.worldEvent("AddVPC", v.VpcID)
	return nil
}

// VPCs returns the VPCs of the world, sorted by ID.
func (s *Sim) VPCs() []VPC {
	s.mu.Lock()
	defer s.mu.Unlock()
	var buf keysBuf
	out := make([]VPC, 0, len(s.world.vpcs))
	for _, id := range appendSortedKeys(buf[:0], s.world.vpcs) {
		v := s.world.vpcs[id]
		out = append(out, VPC{VpcID: v.id, RegionID: v.region, AccountID: v.account, IsDefault: v.isDefault})
	}
	return out
}

// resolveVPC returns the VPC a new resource goes in: the named one, which
// must exist in the resource's region and account, or, when none is named,
// the implicit VPC "vpc-<region>" of the account (created on first use).
func (s *Sim) resolveVPC(method, resource, vpcID, region, account string) (string, error) {
	if vpcID == "" {
		vpcID = "vpc-" + region
		if account != DefaultAccountID {
			vpcID += "-" + account
		}
		if _, ok := s.world.vpcs[vpcID]; !ok {
			s.world.vpcs[vpcID] = &vpc{owned: owned{id: vpcID, region: region, account: account, vpc: vpcID}}
		}
		return vpcID, nil
	}
	v, ok := s.world.vpcs[vpcID]
	if !ok {
		return "", setupError(method, "%s: VPC %s does not exist (add it with AddVPC first)", resource, vpcID)
	}
	if v.region != region {
		return "", setupError(method, "%s: VPC %s is in %s, not %s", resource, vpcID, v.region, region)
	}
	if v.account != account {
		return "", setupError(method, "%s: VPC %s belongs to account %s, not %s", resource, vpcID, v.account, account)
	}
	return vpcID, nil
}

// inDefaultVPC reports whether o is in a default VPC: a map lookup (with
// the hashing of the VPC ID) only when the world has one (defaultVPCs),
// which the associations and unassociations of most Sims never pay.
func (s *Sim) inDefaultVPC(o *owned) bool {
	if s.world.defaultVPCs == 0 {
		return false
	}
	v, ok := s.world.vpcs[o.vpc]
	return ok && v.isDefault
}

// nextPrivateIP hands out private addresses 10.0.0.2, 10.0.0.3, ... for
// resources whose private IPs are not given.
func (s *Sim) nextPrivateIP() string {
	s.world.privIPs++
	n := s.world.privIPs + 1
	return netip.AddrFrom4([4]byte{10, byte(n >> 16), byte(n >> 8), byte(n)}).String()
}

func (s *Sim) worldEvent(method, resource string) {
	s.changed()
	s.history.add(Event{Time: s.clock.Now(), Kind: EventKindWorld, ResourceID: resource, Cause: method})
}

func sortedKeys[V any](m map[string]V) []string {
	return appendSortedKeys(make([]string, 0, len(m)), m)
}

// keysBuf is a buffer for appendSortedKeys on the caller's stack: a world
// of up to this many resources of a kind is listed without allocating the
// keys.
type keysBuf [16]string

// appendSortedKeys appends m's keys to dst, sorted, and returns the
// result. Listings pass a keysBuf's slice, so that the keys stay on their
// stack.
func appendSortedKeys[V any](dst []string, m map[string]V) []string {
	for k := range m {
		dst = append(dst, k)
	}
	slices.Sort(dst)
	return dst
}

// idTaken reports whether any resource of the world, or an EIP, has the ID.
func (s *Sim) idTaken(id string) bool {
	if _, ok := s.eipByID(id); ok {
		return true
	}
	return s.world.has(id)
}

// has reports whether an instance, load balancer, ENI, NAT gateway or
// HaVip has the ID.
func (w *world) has(id string) bool {
	return hasKey(w.instances, id) || hasKey(w.slbs, id) || hasKey(w.enis, id) || hasKey(w.nats, id) || hasKey(w.havips, id)
}

// hasKey reports whether m has the key k. An empty map is not looked up:
// the runtime's lookup is a call even then, and most worlds have no load
// balancers, ENIs, NAT gateways or HaVips.
func hasKey[V any](m map[string]V, k string) bool {
	if len(m) == 0 {
		return false
	}
	_, ok := m[k]
	return ok
}
