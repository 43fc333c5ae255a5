package eipsim

import (
	"fmt"
	"net/netip"
	"slices"
	"time"
)

// Defaults of the options. Where the cloud documents no number, the default
// is our choice and says so.
const (
	// DefaultSeed seeds the Sim's only random generator.
	DefaultSeed uint64 = 1
	// DefaultAssociateDelay is how long an EIP stays Associating. The cloud
	// documents no figure; Terraform saw associations finish in seconds.
	DefaultAssociateDelay = 3 * time.Second
	// DefaultUnassociateDelay is how long an EIP stays Unassociating.
	DefaultUnassociateDelay = 3 * time.Second
	// DefaultReleaseDelay is how long an EIP stays Releasing.
	DefaultReleaseDelay = 3 * time.Second
	// DefaultCooldown is the "specified period of time" after a write on an
	// EIP (associate, unassociate, release) within which another write on
	// it gives TaskConflict. The cloud does not state the figure.
	DefaultCooldown = time.Second
	// DefaultEIPQuota is the number of EIPs an account may hold in a region
	// (the cloud's documented default, 20).
	DefaultEIPQuota = 20
	// DefaultClientTokenTTL is how long a ClientToken is remembered. The
	// cloud does not say; 24 hours.
	DefaultClientTokenTTL = 24 * time.Hour
	// DefaultHistoryLimit is how many history events the Sim keeps; older
	// ones are dropped (and counted) so long runs use bounded memory.
	DefaultHistoryLimit = 100_000
	// DefaultMultiBindedLimit is how many EIPs one ENI takes in MULTI_BINDED mode.
	DefaultMultiBindedLimit = 10
	// DefaultAccountID owns resources and makes calls when no account is given.
	DefaultAccountID = "default"
	// DefaultNATEntryDelay is how long an SNAT or DNAT entry stays Pending
	// after it is created and Deleting after it is deleted. The cloud gives
	// no figure.
	DefaultNATEntryDelay = 2 * time.Second
	// DefaultNATGatewayDelay is how long a NAT gateway stays Creating after
	// CreateNatGateway and Deleting after DeleteNatGateway. No figure is
	// documented.
	DefaultNATGatewayDelay = 3 * time.Second
	// DefaultHaVipDelay is how long a HaVip stays Creating, Deleting,
	// Associating or Unassociating. No figure is documented.
	DefaultHaVipDelay = 2 * time.Second
	// DefaultNATEIPLimit is how many EIPs one NAT gateway takes (documented: 20).
	DefaultNATEIPLimit = 20
	// DefaultNATTrafficEIPLimit is how many of them may be PayByTraffic
	// (documented: 10).
	DefaultNATTrafficEIPLimit = 10
	// DefaultSnatEntryQuota is how many SNAT entries one SNAT table (one NAT
	// gateway) holds (documented: 40 per gateway, adjustable);
	// Forbidden.SnatEntryCountLimited beyond. Deleting entries count until
	// they are gone.
	DefaultSnatEntryQuota = 40
	// DefaultForwardEntryQuota is how many DNAT entries one DNAT table holds
	// (documented: "at most 100 DNAT entries to a DNAT table"). Deleting
	// entries count until they are gone.
	DefaultForwardEntryQuota = 100
	// DefaultNatGatewayQuota is how many NAT gateways one VPC holds
	// (documented quota natgw_quota_nat_num_per_vpc: 5). Deleting gateways
	// count until they are gone.
	DefaultNatGatewayQuota = 5
	// DefaultHaVipQuota is how many HaVips one account holds in a region
	// (documented: 50 per account, and 50 per VPC). Deleting HaVips count
	// until they are gone.
	DefaultHaVipQuota = 50
)

// NATForceMode is what UnassociateEipAddress with Force=true does to the
// SNAT and DNAT entries that use the EIP. The cloud does not document it.
type NATForceMode int

const (
	// NATForceDeleteEntries (the default) deletes the dependent entries:
	// they are Deleting at once and gone after the NAT entry delay, while
	// the EIP is Unassociating.
	NATForceDeleteEntries NATForceMode = iota
	// NATForceKeepEntries leaves the dependent entries in place: after the
	// EIP is detached they name an address the gateway no longer holds
	// (they are "orphaned"; DeleteSnatEntry/DeleteForwardEntry remove them).
	// An orphaned entry is live again once the gateway holds every address
	// it names: an SNAT IP pool waits for the last of its addresses; it is
	// orphaned again when one of them leaves the gateway.
	NATForceKeepEntries
)

func (m NATForceMode) String() string {
	if m == NATForceKeepEntries {
		return "keep-entries"
	}
	return "delete-entries"
}

// DefaultRegions are the regions a Sim serves unless [WithRegions] is given.
// The first is where world setup puts resources that name no region.
var DefaultRegions = []string{"cn-hangzhou", "cn-shanghai"}

// DefaultIPPool is where EIP addresses come from unless [WithIPPool] is
// given: RFC 5737 documentation ranges, so a fake IP never collides with a
// real one.
var DefaultIPPool = []string{"203.0.113.0/24", "198.51.100.0/24"}

// Option configures a Sim. Options are checked by [New], which returns an
// error naming the first bad one.
type Option func(*config) error

type config struct {
	clock        Clock
	seed         uint64
	regions      []string
	delays       map[Action]time.Duration
	cooldown     time.Duration
	quota        int
	pool         []netip.Prefix
	pinned       []string
	tokenTTL     time.Duration
	tokenLimit   int
	historyLimit int
	multiBinded  int
	natEIPs      int
	natTraffic   int
	snatQuota    int
	dnatQuota    int
	natQuota     int
	havipQuota   int
	natForce     NATForceMode
	// Fault injection and rate limiting (faults.go, ratelimit.go).
	faults      []Fault
	limits      map[Action]RateLimit
	globalLimit *RateLimit
	journal     func(Entry) // journal.go
}

func defaultConfig() config {
	c := config{
		clock:        realClock{},
		seed:         DefaultSeed,
		regions:      slices.Clone(DefaultRegions),
		delays:       defaultDelays(),
		cooldown:     DefaultCooldown,
		quota:        DefaultEIPQuota,
		tokenTTL:     DefaultClientTokenTTL,
		tokenLimit:   DefaultClientTokenLimit,
		historyLimit: DefaultHistoryLimit,
		multiBinded:  DefaultMultiBindedLimit,
		natEIPs:      DefaultNATEIPLimit,
		natTraffic:   DefaultNATTrafficEIPLimit,
		snatQuota:    DefaultSnatEntryQuota,
		dnatQuota:    DefaultForwardEntryQuota,
		natQuota:     DefaultNatGatewayQuota,
		havipQuota:   DefaultHaVipQuota,
	}
	for _, p := range DefaultIPPool {
		c.pool = append(c.pool, netip.MustParsePrefix(p))
	}
	return c
}

// defaultDelays are the delays of the asynchronous Actions, one each.
func defaultDelays() map[Action]time.Duration {
	d := map[Action]time.Duration{ActionAssociateEipAddress: DefaultAssociateDelay, ActionUnassociateEipAddress: DefaultUnassociateDelay, ActionReleaseEipAddress: DefaultReleaseDelay}
	setDelays(d, natEntryActions, DefaultNATEntryDelay)
	setDelays(d, natGatewayActions, DefaultNATGatewayDelay)
	setDelays(d, haVipActions, DefaultHaVipDelay)
	return d
}

func setDelays(delays map[Action]time.Duration, actions []Action, d time.Duration) {
	for _, a := range actions {
		delays[a] = d
	}
}

// WithClock sets the clock the Sim reads time from. Default: the real clock.
// Tests pass a *clock.Mock or eipsimtest's fast clock.
func WithClock(c Clock) Option {
	return func(cfg *config) error {
		if c == nil {
			return fmt.Errorf("eipsim: WithClock: nil clock")
		}
		cfg.clock = c
		return nil
	}
}

// WithSeed seeds the Sim's random generator (IDs and RequestIds).
// Default: [DefaultSeed].
func WithSeed(seed uint64) Option {
	return func(cfg *config) error { cfg.seed = seed; return nil }
}

// WithRegions sets the regions the Sim serves. Default: [DefaultRegions].
func WithRegions(regions ...string) Option {
	return func(cfg *config) error {
		if len(regions) == 0 {
			return fmt.Errorf("eipsim: WithRegions: no regions")
		}
		seen := map[string]bool{}
		for _, r := range regions {
			if !validRegionID(r) {
				return fmt.Errorf("eipsim: WithRegions: bad region ID %q", r)
			}
			if seen[r] {
				return fmt.Errorf("eipsim: WithRegions: region %q given twice", r)
			}
			seen[r] = true
		}
		cfg.regions = slices.Clone(regions)
		return nil
	}
}

// WithTaskDelay sets how long an asynchronous action's resource stays in its
// transitional status before the action's task applies:
// ActionAssociateEipAddress (default [DefaultAssociateDelay]),
// ActionUnassociateEipAddress ([DefaultUnassociateDelay]),
// ActionReleaseEipAddress ([DefaultReleaseDelay]), ActionCreateNatGateway and
// ActionDeleteNatGateway ([DefaultNATGatewayDelay]), ActionCreateSnatEntry,
// ActionDeleteSnatEntry, ActionCreateForwardEntry and
// ActionDeleteForwardEntry ([DefaultNATEntryDelay]), ActionCreateHaVip,
// ActionDeleteHaVip, ActionAssociateHaVip and ActionUnassociateHaVip
// ([DefaultHaVipDelay]). Zero completes the action on the next call. Latency
// and Stuck fault rules act on top of it.
//
// An SNAT or DNAT entry deleted as a consequence of another action
// (DeleteNatGateway or UnassociateEipAddress with Force=true) is Deleting
// for the delay of DeleteSnatEntry or DeleteForwardEntry, untouched by fault
// rules, which act only on the action called.
//
// Options apply in order: a later WithTaskDelay, [WithNATEntryDelay],
// [WithNATGatewayDelay] or [WithHaVipDelay] overrides an earlier one for the
// Actions it names.
func WithTaskDelay(action Action, d time.Duration) Option {
	return func(cfg *config) error {
		if _, ok := cfg.delays[action]; !ok {
			return fmt.Errorf("eipsim: WithTaskDelay: %q is not an asynchronous action (want one of %v)", action, asyncActions)
		}
		if err := checkDelay("eipsim: WithTaskDelay("+string(action)+")", d); err != nil {
			return err
		}
		cfg.delays[action] = d
		return nil
	}
}

// WithCooldown sets the period after a write on an EIP within which another
// write on it gives TaskConflict. Zero disables it. Default: [DefaultCooldown].
func WithCooldown(d time.Duration) Option {
	return func(cfg *config) error {
		if err := checkDelay("eipsim: WithCooldown", d); err != nil {
			return err
		}
		cfg.cooldown = d
		return nil
	}
}

// WithEIPQuota sets how many EIPs one account may hold per region (released
// ones do not count; Releasing ones do). Default: [DefaultEIPQuota].
func WithEIPQuota(n int) Option {
	return func(cfg *config) error {
		if n < 0 {
			return fmt.Errorf("eipsim: WithEIPQuota: negative quota %d", n)
		}
		cfg.quota = n
		return nil
	}
}

// WithIPPool sets the IPv4 prefixes EIP addresses come from, in order.
// Default: [DefaultIPPool].
func WithIPPool(prefixes ...string) Option {
	return func(cfg *config) error {
		cfg.pool = nil
		for _, s := range prefixes {
			p, err := netip.ParsePrefix(s)
			if err != nil {
				return fmt.Errorf("eipsim: WithIPPool: %v", err)
			}
			cfg.pool = append(cfg.pool, p)
		}
		if len(cfg.pool) == 0 {
			return fmt.Errorf("eipsim: WithIPPool: no prefixes")
		}
		return nil
	}
}

// WithAllocationIDs pins the AllocationIds of the next allocations, in
// order; after them IDs are random. Pinned IDs keep scenario files readable
// and let a bug report's real IDs be replayed. Default: none.
func WithAllocationIDs(ids ...string) Option {
	return func(cfg *config) error {
		for _, id := range ids {
			if id == "" || len(id) > 64 {
				return fmt.Errorf("eipsim: WithAllocationIDs: bad ID %q", id)
			}
			if p, ok := otherKindPrefix(id); ok {
				return fmt.Errorf("eipsim: WithAllocationIDs: %q has the prefix %q of another kind of resource; an AllocationId cannot share IDs with it", id, p)
			}
		}
		// Duplicates show as neighbours once sorted (a sorted copy costs
		// one allocation; a set of the IDs, one per few IDs).
		sorted := slices.Clone(ids)
		slices.Sort(sorted)
		for i := 1; i < len(sorted); i++ {
			if sorted[i] == sorted[i-1] {
				return fmt.Errorf("eipsim: WithAllocationIDs: ID %q given twice", sorted[i])
			}
		}
		cfg.pinned = append(cfg.pinned, ids...)
		return nil
	}
}

// WithClientTokenTTL sets how long a ClientToken is remembered after its
// first use. Default: [DefaultClientTokenTTL].
func WithClientTokenTTL(d time.Duration) Option {
	return func(cfg *config) error {
		if d <= 0 {
			return fmt.Errorf("eipsim: WithClientTokenTTL: want a positive duration, got %v", d)
		}
		if err := checkDelay("eipsim: WithClientTokenTTL", d); err != nil {
			return err
		}
		cfg.tokenTTL = d
		return nil
	}
}

// WithHistoryLimit sets how many history events are kept (the newest).
// Zero keeps everything. Default: [DefaultHistoryLimit].
func WithHistoryLimit(n int) Option {
	return func(cfg *config) error {
		if n < 0 {
			return fmt.Errorf("eipsim: WithHistoryLimit: negative limit %d", n)
		}
		cfg.historyLimit = n
		return nil
	}
}

// WithMultiBindedLimit sets how many EIPs an ENI takes in MULTI_BINDED
// mode. Default: [DefaultMultiBindedLimit].
func WithMultiBindedLimit(n int) Option {
	return func(cfg *config) error {
		if n < 1 {
			return fmt.Errorf("eipsim: WithMultiBindedLimit: want at least 1, got %d", n)
		}
		cfg.multiBinded = n
		return nil
	}
}

// WithNATEntryDelay sets how long SNAT and DNAT entries stay Pending after
// creation and Deleting after deletion: shorthand for [WithTaskDelay] of
// CreateSnatEntry, DeleteSnatEntry, CreateForwardEntry and
// DeleteForwardEntry. Zero completes them on the next call.
// Default: [DefaultNATEntryDelay].
func WithNATEntryDelay(d time.Duration) Option {
	return func(cfg *config) error {
		if err := checkDelay("eipsim: WithNATEntryDelay", d); err != nil {
			return err
		}
		setDelays(cfg.delays, natEntryActions, d)
		return nil
	}
}

// WithNATGatewayDelay sets how long a NAT gateway stays Creating after
// CreateNatGateway and Deleting after DeleteNatGateway: shorthand for
// [WithTaskDelay] of both. Default: [DefaultNATGatewayDelay].
func WithNATGatewayDelay(d time.Duration) Option {
	return func(cfg *config) error {
		if err := checkDelay("eipsim: WithNATGatewayDelay", d); err != nil {
			return err
		}
		setDelays(cfg.delays, natGatewayActions, d)
		return nil
	}
}

// WithHaVipDelay sets how long a HaVip stays Creating, Deleting,
// Associating or Unassociating: shorthand for [WithTaskDelay] of
// CreateHaVip, DeleteHaVip, AssociateHaVip and UnassociateHaVip.
// Default: [DefaultHaVipDelay].
func WithHaVipDelay(d time.Duration) Option {
	return func(cfg *config) error {
		if err := checkDelay("eipsim: WithHaVipDelay", d); err != nil {
			return err
		}
		setDelays(cfg.delays, haVipActions, d)
		return nil
	}
}

// WithNATEIPLimits sets how many EIPs one NAT gateway takes
// (QuotaExceeded.NumberOfEip beyond) and how many of them may be
// PayByTraffic (QuotaExceeded.NumberOfTrafficEip beyond).
// Defaults: [DefaultNATEIPLimit], [DefaultNATTrafficEIPLimit].
func WithNATEIPLimits(total, traffic int) Option {
	return func(cfg *config) error {
		if total < 1 || traffic < 0 || traffic > total {
			return fmt.Errorf("eipsim: WithNATEIPLimits: want 1 <= total and 0 <= traffic <= total, got %d, %d", total, traffic)
		}
		cfg.natEIPs, cfg.natTraffic = total, traffic
		return nil
	}
}

// WithSnatEntryQuota sets how many SNAT entries one SNAT table may hold,
// Deleting ones included; CreateSnatEntry beyond it answers
// Forbidden.SnatEntryCountLimited. Default: [DefaultSnatEntryQuota].
func WithSnatEntryQuota(n int) Option {
	return func(cfg *config) error {
		if n < 0 || n > maxEntryQuota {
			return fmt.Errorf("eipsim: WithSnatEntryQuota: want 0 <= quota <= %d, got %d", maxEntryQuota, n)
		}
		cfg.snatQuota = n
		return nil
	}
}

// WithForwardEntryQuota sets how many DNAT entries one DNAT table may hold,
// Deleting ones included; CreateForwardEntry beyond it answers
// QuotaExceeded (see [CodeQuotaExceeded]). Default: [DefaultForwardEntryQuota].
func WithForwardEntryQuota(n int) Option {
	return func(cfg *config) error {
		if n < 0 || n > maxEntryQuota {
			return fmt.Errorf("eipsim: WithForwardEntryQuota: want 0 <= quota <= %d, got %d", maxEntryQuota, n)
		}
		cfg.dnatQuota = n
		return nil
	}
}

// WithNatGatewayQuota sets how many NAT gateways one VPC may hold,
// Deleting ones included; CreateNatGateway beyond it answers QuotaExceeded.
// Gateways added with [Sim.AddNatGateway] count but are not refused.
// Default: [DefaultNatGatewayQuota].
func WithNatGatewayQuota(n int) Option {
	return func(cfg *config) error {
		if n < 0 || n > maxEntryQuota {
			return fmt.Errorf("eipsim: WithNatGatewayQuota: want 0 <= quota <= %d, got %d", maxEntryQuota, n)
		}
		cfg.natQuota = n
		return nil
	}
}

// WithHaVipQuota sets how many HaVips one account may hold per region,
// Deleting ones included; CreateHaVip beyond it answers QuotaExceeded.
// HaVips added with [Sim.AddHaVip] count but are not refused.
// Default: [DefaultHaVipQuota].
func WithHaVipQuota(n int) Option {
	return func(cfg *config) error {
		if n < 0 || n > maxEntryQuota {
			return fmt.Errorf("eipsim: WithHaVipQuota: want 0 <= quota <= %d, got %d", maxEntryQuota, n)
		}
		cfg.havipQuota = n
		return nil
	}
}

// maxEntryQuota bounds the entry, NAT gateway and HaVip quotas.
const maxEntryQuota = 1 << 20

// WithNATForceMode sets what UnassociateEipAddress with Force=true does to
// the SNAT and DNAT entries that use the EIP: delete them
// ([NATForceDeleteEntries], the default) or leave them in place
// ([NATForceKeepEntries]). The cloud documents neither.
func WithNATForceMode(m NATForceMode) Option {
	return func(cfg *config) error {
		if m != NATForceDeleteEntries && m != NATForceKeepEntries {
			return fmt.Errorf("eipsim: WithNATForceMode: unknown mode %d", int(m))
		}
		cfg.natForce = m
		return nil
	}
}

// validRegionID accepts IDs shaped like the cloud's: lower-case letters,
// digits and dashes.
func validRegionID(r string) bool {
	if r == "" || len(r) > 64 {
		return false
	}
	for _, c := range r {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
