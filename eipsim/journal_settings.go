package eipsim

import (
	"maps"
	"net/netip"
	"slices"
	"time"
)

// Settings are a Sim's options, as its journal reports them ([EntryNew]):
// what a reader needs to make the same Sim again. Compare with
// [DefaultSettings] to tell the options that were set.
type Settings struct {
	Seed    uint64
	Regions []string
	// Delays is the delay of every asynchronous Action.
	Delays            map[Action]time.Duration
	Cooldown          time.Duration
	EIPQuota          int
	IPPool            []netip.Prefix
	AllocationIDs     []string // WithAllocationIDs
	ClientTokenTTL    time.Duration
	ClientTokenLimit  int // WithClientTokenLimit
	HistoryLimit      int
	MultiBindedLimit  int
	NATEIPLimit       int
	NATTrafficLimit   int
	SnatEntryQuota    int
	ForwardEntryQuota int
	NatGatewayQuota   int
	HaVipQuota        int
	NATForceMode      NATForceMode
	// RateLimits are the limits of WithRateLimit ("" is every Action
	// without a limit of its own); GlobalRateLimit that of
	// WithGlobalRateLimit, nil if none.
	RateLimits      map[Action]RateLimit
	GlobalRateLimit *RateLimit
	// Faults are the rules of WithFaults, normalized, in order: injected at
	// the clock's start, they get the IDs f-0001, f-0002, ...
	Faults []Fault
	// Start is the clock's time when the Sim was made (zero in
	// DefaultSettings).
	Start time.Time
}

// DefaultSettings returns the Settings of a Sim made with no options.
func DefaultSettings() Settings {
	c := defaultConfig()
	return c.settings(time.Time{})
}

// settings returns c as Settings, with the clock's start.
func (c *config) settings(start time.Time) Settings {
	var global *RateLimit
	if c.globalLimit != nil {
		l := *c.globalLimit
		global = &l
	}
	return Settings{
		Seed: c.seed, Regions: slices.Clone(c.regions), Delays: maps.Clone(c.delays), Cooldown: c.cooldown,
		EIPQuota: c.quota, IPPool: slices.Clone(c.pool), AllocationIDs: slices.Clone(c.pinned),
		ClientTokenTTL: c.tokenTTL, ClientTokenLimit: c.tokenLimit, HistoryLimit: c.historyLimit, MultiBindedLimit: c.multiBinded,
		NATEIPLimit: c.natEIPs, NATTrafficLimit: c.natTraffic, SnatEntryQuota: c.snatQuota,
		ForwardEntryQuota: c.dnatQuota, NatGatewayQuota: c.natQuota, HaVipQuota: c.havipQuota,
		NATForceMode: c.natForce, RateLimits: maps.Clone(c.limits), GlobalRateLimit: global,
		Faults: slices.Clone(c.faults), Start: start,
	}
}
