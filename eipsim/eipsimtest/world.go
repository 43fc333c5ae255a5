package eipsimtest

import (
	"fmt"
	"strings"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// World is a generated set-up: the Sim's options and the resources EIPs
// are bound to. It is plain data; [World.Build] makes the Sim and
// [World.Lines] writes the same set-up as scenario lines.
type World struct {
	Seed                                           uint64
	AssociateDelay, UnassociateDelay, ReleaseDelay time.Duration
	Cooldown, TokenTTL                             time.Duration
	// TokenLimit bounds the remembered ClientTokens
	// ([eipsim.WithClientTokenLimit]; 0: the default).
	TokenLimit         int
	Quota, MultiBinded int
	// DefaultVPC puts the default account's default VPC of the first
	// region in the world; resources with VpcID DefaultVPCID are in it.
	DefaultVPC    bool
	Instances     []eipsim.Instance
	LoadBalancers []eipsim.LoadBalancer
	ENIs          []eipsim.NetworkInterface
	// NAT gateways (Available) and HaVips (Available) of the world, and
	// the NAT options: the delay of each NAT and HaVip Action (NATDelays,
	// keyed by the Actions of natActions; a missing one is 0), the
	// per-gateway EIP limits, the entry, gateway and HaVip quotas (0: the
	// Sim's default), and whether a forced unassociation keeps the entries
	// (NATForceKeepEntries).
	NatGateways                                          []eipsim.NatGateway
	HaVips                                               []eipsim.HaVip
	NATDelays                                            map[eipsim.Action]time.Duration
	NATEIPs, NATTrafficEIPs                              int
	SnatQuota, ForwardQuota, NatGatewayQuota, HaVipQuota int
	NATKeepEntries                                       bool
	// RateLimits are per-account limits of single Actions
	// ([eipsim.WithRateLimit]); Faults are deterministic fault rules
	// injected when the Sim is made ([eipsim.WithFaults]). The model
	// predicts both (model_hooks.go).
	RateLimits []ActionLimit
	// GlobalRateLimit is the limit of all calls together
	// ([eipsim.WithGlobalRateLimit]; none when Requests is 0). It counts
	// Check's own Describes too, and the model predicts them
	// (model_hooks.go, world_global.go).
	GlobalRateLimit eipsim.RateLimit
	Faults          []eipsim.Fault
	// IPPool is the Sim's IP pool ([eipsim.WithIPPool]; nil: the default
	// one); a small one runs out (OperationFailed.InsufficientEIP).
	IPPool []string
}

// ActionLimit is one [eipsim.WithRateLimit] of a World.
type ActionLimit struct {
	Action eipsim.Action
	Limit  eipsim.RateLimit
}

// natActions are the asynchronous NAT gateway, entry and HaVip Actions,
// whose delays a World draws one by one.
var natActions = []eipsim.Action{eipsim.ActionCreateNatGateway, eipsim.ActionDeleteNatGateway,
	eipsim.ActionCreateSnatEntry, eipsim.ActionDeleteSnatEntry, eipsim.ActionCreateForwardEntry, eipsim.ActionDeleteForwardEntry,
	eipsim.ActionCreateHaVip, eipsim.ActionDeleteHaVip, eipsim.ActionAssociateHaVip, eipsim.ActionUnassociateHaVip}

// orDefault is n, or def when n is 0.
func orDefault(n, def int) int {
	if n == 0 {
		return def
	}
	return n
}

// Accounts are the accounts a generated world's resources and calls use.
var Accounts = []string{eipsim.DefaultAccountID, "acct-b"}

// DefaultVPCID is the default VPC of a World with DefaultVPC set.
const DefaultVPCID = "vpc-default"

// pinnedIDs is how many AllocationIds a built World pins (eip-0001, ...),
// so that IDs are readable and predictable.
const pinnedIDs = 128

func allocationID(n int) string {
	if n >= 1 && n <= len(pinned) {
		return pinned[n-1]
	}
	return fmt.Sprintf("eip-%04d", n)
}

var pinned = func() []string {
	ids := make([]string, pinnedIDs)
	for i := range ids {
		ids[i] = fmt.Sprintf("eip-%04d", i+1)
	}
	return ids
}()

// Options returns the Sim options of w, with clk as the clock.
func (w World) Options(clk eipsim.Clock) []eipsim.Option { return w.options(clk, pinned) }

// options are w's options with ids pinned.
func (w World) options(clk eipsim.Clock, ids []string) []eipsim.Option {
	opts := []eipsim.Option{eipsim.WithClock(clk), eipsim.WithSeed(w.Seed), eipsim.WithAllocationIDs(ids...),
		eipsim.WithTaskDelay(eipsim.ActionAssociateEipAddress, w.AssociateDelay),
		eipsim.WithTaskDelay(eipsim.ActionUnassociateEipAddress, w.UnassociateDelay),
		eipsim.WithTaskDelay(eipsim.ActionReleaseEipAddress, w.ReleaseDelay),
		eipsim.WithCooldown(w.Cooldown), eipsim.WithEIPQuota(w.Quota), eipsim.WithClientTokenTTL(w.TokenTTL),
		eipsim.WithMultiBindedLimit(w.MultiBinded), eipsim.WithHistoryLimit(0),
		eipsim.WithNATEIPLimits(max(w.NATEIPs, 1), min(w.NATTrafficEIPs, max(w.NATEIPs, 1))), eipsim.WithNATForceMode(forceMode(w.NATKeepEntries)),
		eipsim.WithSnatEntryQuota(orDefault(w.SnatQuota, eipsim.DefaultSnatEntryQuota)),
		eipsim.WithForwardEntryQuota(orDefault(w.ForwardQuota, eipsim.DefaultForwardEntryQuota)),
		eipsim.WithNatGatewayQuota(orDefault(w.NatGatewayQuota, eipsim.DefaultNatGatewayQuota)),
		eipsim.WithHaVipQuota(orDefault(w.HaVipQuota, eipsim.DefaultHaVipQuota))}
	for _, a := range natActions {
		opts = append(opts, eipsim.WithTaskDelay(a, w.NATDelays[a]))
	}
	for _, l := range w.RateLimits {
		opts = append(opts, eipsim.WithRateLimit(l.Action, l.Limit))
	}
	if w.GlobalRateLimit.Requests > 0 {
		opts = append(opts, eipsim.WithGlobalRateLimit(w.GlobalRateLimit))
	}
	if len(w.Faults) > 0 {
		opts = append(opts, eipsim.WithFaults(w.Faults...))
	}
	if len(w.IPPool) > 0 {
		opts = append(opts, eipsim.WithIPPool(w.IPPool...))
	}
	if w.TokenLimit > 0 {
		opts = append(opts, eipsim.WithClientTokenLimit(w.TokenLimit))
	}
	return opts
}

func forceMode(keep bool) eipsim.NATForceMode {
	if keep {
		return eipsim.NATForceKeepEntries
	}
	return eipsim.NATForceDeleteEntries
}

// Build returns a Sim on clk with w's options and resources.
func (w World) Build(clk eipsim.Clock) (*eipsim.Sim, error) {
	sim, err := eipsim.New(w.Options(clk)...)
	if err != nil {
		return nil, err
	}
	return sim, w.populate(sim)
}

// populate adds w's resources to sim.
func (w World) populate(sim *eipsim.Sim) error {
	if w.DefaultVPC {
		if err := sim.AddVPC(eipsim.VPC{VpcID: DefaultVPCID, IsDefault: true}); err != nil {
			return err
		}
	}
	// The implicit VPCs of every account and region, which CreateNatGateway
	// names (the Sim makes one on a resource's first use otherwise).
	for _, a := range Accounts {
		for _, r := range sim.Regions() {
			if err := sim.AddVPC(eipsim.VPC{VpcID: implicitVPC(r, a), RegionID: r, AccountID: a}); err != nil {
				return err
			}
		}
	}
	for _, in := range w.Instances {
		if err := sim.AddInstance(in); err != nil {
			return err
		}
	}
	for _, lb := range w.LoadBalancers {
		if err := sim.AddLoadBalancer(lb); err != nil {
			return err
		}
	}
	for _, n := range w.ENIs {
		if err := sim.AddNetworkInterface(n); err != nil {
			return err
		}
	}
	for _, g := range w.NatGateways {
		if err := sim.AddNatGateway(g); err != nil {
			return err
		}
	}
	for _, h := range w.HaVips {
		if err := sim.AddHaVip(h); err != nil {
			return err
		}
	}
	return nil
}

// Lines returns w as set-up lines in the scenario language, for failure
// messages: a summary that leaves out the implicit VPCs, NAT gateways,
// HaVips and NAT options ([Record] writes a run's replayable file).
// allocations is how many pinned AllocationIds to list (the ones the run
// used).
func (w World) Lines(allocations int) []string {
	var ids []string
	for i := range allocations {
		ids = append(ids, allocationID(i+1))
	}
	head := fmt.Sprintf("new-sim seed=%d associate-delay=%v unassociate-delay=%v release-delay=%v cooldown=%v quota=%d token-ttl=%v multi-binded-limit=%d",
		w.Seed, w.AssociateDelay, w.UnassociateDelay, w.ReleaseDelay, w.Cooldown, w.Quota, w.TokenTTL, w.MultiBinded)
	if w.TokenLimit > 0 {
		head += fmt.Sprintf(" token-limit=%d", w.TokenLimit)
	}
	if len(w.RateLimits) > 0 {
		var ls []string
		for _, l := range w.RateLimits {
			ls = append(ls, string(l.Action)+":"+l.Limit.String())
		}
		head += " rate-limit=(" + strings.Join(ls, ", ") + ")"
	}
	if w.GlobalRateLimit.Requests > 0 {
		head += " global-rate-limit=" + w.GlobalRateLimit.String()
	}
	if len(w.IPPool) > 0 {
		head += " ip-pool=(" + strings.Join(w.IPPool, ", ") + ")"
	}
	if len(ids) > 0 {
		head += " ids=(" + strings.Join(ids, ", ") + ")"
	}
	out := []string{head}
	if w.DefaultVPC {
		out = append(out, "add-vpc VpcId="+DefaultVPCID+" IsDefault=true")
	}
	acct := func(a string) string {
		if a == "" || a == eipsim.DefaultAccountID {
			return ""
		}
		return " AccountId=" + a
	}
	region := func(r string) string {
		if r == "" {
			return ""
		}
		return " RegionId=" + r
	}
	for _, in := range w.Instances {
		l := fmt.Sprintf("add-instance InstanceId=%s%s Status=%s PrivateIpAddresses=(%s)", in.InstanceID, region(in.RegionID), in.Status, strings.Join(in.PrivateIPAddresses, ", "))
		if in.VpcID != "" {
			l += " VpcId=" + in.VpcID
		}
		if in.PublicIP {
			l += " PublicIp=true"
		}
		out = append(out, l+acct(in.AccountID))
	}
	for _, lb := range w.LoadBalancers {
		out = append(out, fmt.Sprintf("add-slb LoadBalancerId=%s%s AddressType=%s Status=%s%s", lb.LoadBalancerID, region(lb.RegionID), lb.AddressType, lb.Status, acct(lb.AccountID)))
	}
	for _, n := range w.ENIs {
		l := fmt.Sprintf("add-eni NetworkInterfaceId=%s%s PrivateIpAddresses=(%s)", n.NetworkInterfaceID, region(n.RegionID), strings.Join(n.PrivateIPAddresses, ", "))
		if n.InstanceID != "" {
			l += " InstanceId=" + n.InstanceID
		}
		out = append(out, l+acct(n.AccountID))
	}
	for _, f := range w.Faults {
		out = append(out, "inject-fault "+f.String())
	}
	return out
}

var (
	instanceStatuses = []eipsim.InstanceStatus{eipsim.InstanceRunning, eipsim.InstanceStopped, eipsim.InstancePending, eipsim.InstanceStarting, eipsim.InstanceStopping}
	slbStatuses      = []string{eipsim.SLBActive, eipsim.SLBInactive, eipsim.SLBLocked}
	eniStatuses      = []string{"", eipsim.ENIAttaching, eipsim.ENIDetaching, eipsim.ENICreating, eipsim.ENIDeleting}
	// ipPools: the default pool, or one of two, six or four addresses
	// (in two prefixes, so that the cursor moves across them), small
	// enough that the generated allocations exhaust it.
	ipPools   = [][]string{nil, {"192.0.2.0/30"}, {"192.0.2.0/29"}, {"192.0.2.0/30", "192.0.2.8/30"}}
	cooldowns = []time.Duration{time.Second, 0, time.Nanosecond, 3 * time.Second, 10 * time.Second}
	// tokenTTLs: MaxDelay, the longest an option takes, is "forever".
	tokenTTLs = []time.Duration{24 * time.Hour, 5 * time.Second, time.Nanosecond, time.Minute, eipsim.MaxDelay}
	// tokenLimits: the default (never reached) or a few tokens, which the
	// generated calls fill (the oldest is then forgotten).
	tokenLimits = []int{0, 1, 2, 3}
	// taskDelays are the non-zero delays drawDelay picks from: long enough
	// windows to act inside a transitional status.
	taskDelays = []time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 3 * time.Second, 5 * time.Second, 5 * time.Second, 10 * time.Second, 20 * time.Second}
)

// drawDelay draws a task delay: zero or one nanosecond (where off-by-one
// completions show) one time in five, a window of seconds otherwise.
func drawDelay(d Driver, label string) time.Duration {
	switch k := d.Int(0, len(taskDelays)+1, label); k {
	case 0:
		return 0
	case 1:
		return time.Nanosecond
	default:
		return taskDelays[k-2]
	}
}

// DrawWorld draws a world: 1-3 ECS instances of every status, 0-2 SLB
// instances, 0-3 ENIs, over two accounts and the Sim's two default regions,
// with edge-biased delays, cooldown, quota and ClientToken lifetime.
func DrawWorld(d Driver) World {
	w := World{
		Seed:             uint64(d.Int(1, 1000, "seed")),
		AssociateDelay:   drawDelay(d, "associate-delay"),
		UnassociateDelay: drawDelay(d, "unassociate-delay"),
		ReleaseDelay:     drawDelay(d, "release-delay"),
		Cooldown:         usually(d, cooldowns, "cooldown"),
		TokenTTL:         usually(d, tokenTTLs, "token-ttl"),
		TokenLimit:       usually(d, tokenLimits, "token-limit"),
		Quota:            d.Int(1, 6, "quota"),
		DefaultVPC:       d.Int(0, 1, "default-vpc") == 1,
	}
	// Limits around what the quota lets one account reach in one region:
	// mostly one below it (so the limit is hit with EIPs to spare), at it,
	// or above it (never reached).
	below := func(label string) int { return max(1, w.Quota-1+[]int{0, -1, 1, 2}[d.Int(0, 3, label)]) }
	w.MultiBinded = below("multi-binded-limit")
	ip := 0
	privIPs := func(n int) []string {
		var out []string
		for range n {
			ip++
			out = append(out, fmt.Sprintf("10.1.0.%d", ip))
		}
		return out
	}
	region := func(label string) string { return usually(d, []string{"", eipsim.DefaultRegions[1]}, label) }
	account := func(label string) string { return usually(d, []string{"", Accounts[1]}, label) }
	for i := range d.Int(1, 4, "instances") {
		in := eipsim.Instance{InstanceID: fmt.Sprintf("i-%04d", i+1), RegionID: region("instance-region"), AccountID: account("instance-account"),
			Status: usually(d, instanceStatuses, "instance-status"), PublicIP: d.Int(0, 4, "public-ip") == 4,
			PrivateIPAddresses: privIPs(d.Int(1, 2, "instance-private-ips"))}
		if w.DefaultVPC && in.RegionID == "" && in.AccountID == "" && d.Int(0, 1, "in-default-vpc") == 1 {
			in.VpcID = DefaultVPCID
		}
		w.Instances = append(w.Instances, in)
	}
	for i := range d.Int(0, 2, "slbs") {
		w.LoadBalancers = append(w.LoadBalancers, eipsim.LoadBalancer{LoadBalancerID: fmt.Sprintf("lb-%04d", i+1), RegionID: region("slb-region"),
			AccountID: account("slb-account"), AddressType: usually(d, []string{eipsim.AddressTypeIntranet, eipsim.AddressTypeInternet}, "slb-address-type"),
			Status: usually(d, slbStatuses, "slb-status")})
	}
	for i := range d.Int(0, 3, "enis") {
		n := eipsim.NetworkInterface{NetworkInterfaceID: fmt.Sprintf("eni-%04d", i+1), RegionID: region("eni-region"), AccountID: account("eni-account"),
			PrivateIPAddresses: privIPs(d.Int(1, 3, "eni-private-ips"))}
		// One ENI in three attached: BINDED and MULTI_BINDED want it detached.
		if k := d.Int(0, len(w.Instances), "eni-attached-to"); k > 0 && d.Int(0, 2, "eni-attached") == 2 {
			if in := w.Instances[k-1]; in.RegionID == n.RegionID && in.AccountID == n.AccountID && in.VpcID == "" {
				n.InstanceID = in.InstanceID
			}
		}
		w.ENIs = append(w.ENIs, n)
	}
	w.NATDelays = map[eipsim.Action]time.Duration{}
	for _, a := range natActions {
		w.NATDelays[a] = drawDelay(d, "delay-"+string(a))
	}
	w.NATEIPs = below("nat-eip-limit")
	w.NATTrafficEIPs = min(w.NATEIPs, []int{1, 0, w.NATEIPs}[d.Int(0, 2, "nat-traffic-eip-limit")]) // low, so that it is met
	w.SnatQuota = d.Int(1, 3, "snat-entry-quota")
	w.ForwardQuota = d.Int(1, 4, "forward-entry-quota")
	w.NatGatewayQuota = d.Int(1, 4, "nat-gateway-quota")
	w.HaVipQuota = d.Int(1, 4, "havip-quota")
	w.NATKeepEntries = d.Int(0, 1, "nat-force-keep-entries") == 1
	for i := range d.Int(1, 2, "nat-gateways") { // at least one: NAT paths are long
		w.NatGateways = append(w.NatGateways, eipsim.NatGateway{NatGatewayID: fmt.Sprintf("ngw-%04d", i+1), RegionID: region("nat-region"), AccountID: account("nat-account")})
	}
	for i := range d.Int(0, 2, "havips") {
		w.HaVips = append(w.HaVips, eipsim.HaVip{HaVipID: fmt.Sprintf("havip-%04d", i+1), RegionID: region("havip-region"), AccountID: account("havip-account"), VSwitchID: "vsw-2"})
	}
	w.RateLimits, w.Faults = drawHooks(d)
	w.GlobalRateLimit = drawGlobalLimit(d)
	w.IPPool = usually(d, ipPools, "ip-pool")
	return w
}

// implicitVPC is the ID of an account's implicit VPC in a region (see
// eipsim.Instance.VpcID).
func implicitVPC(region, account string) string {
	if account == eipsim.DefaultAccountID || account == "" {
		return "vpc-" + region
	}
	return "vpc-" + region + "-" + account
}
