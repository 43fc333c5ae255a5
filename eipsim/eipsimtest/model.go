package eipsimtest

// The reference model: plain data and rules written from the cloud's API
// reference (../../shared/reference/eip-api-facts.md §1.4, §1.5, §2-§4) and
// from the choices the eipsim package documents where the cloud is silent.
// It shares no code with the engine: it predicts the code of every call and
// keeps its own copy of every observable state, deriving completions from
// due times instead of running a task queue.

import (
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

type mEIP struct {
	id, account, ip string
	region          int // index into regions
	n               int // allocation order
	status          string
	due             time.Time // of the transitional status
	cooldown        time.Time // writes before it give TaskConflict
	target, ttype   string
	privIP, mode    string
	fin, sec        bool
	protected       bool
	bandwidth       int
	traffic         bool
	prepaid         bool      // InstanceChargeType PrePaid (model_pool.go)
	expired         time.Time // a PrePaid EIP's ExpiredTime
	isp             string
	name            string
	description     string
	tags            []eipsim.Tag // sorted by key (model_tags.go)
	allocated       time.Time
}

type mInstance struct {
	id, account string
	region      int
	status      string
	then        string // scheduled status, applied at thenAt
	thenAt      time.Time
	publicIP    bool
	defaultVPC  bool
	privIPs     []string
	eip         string
	gone        bool
}

type mLB struct {
	id, account string
	region      int
	internet    bool
	status      string
	eip         string
	gone        bool
}

type mENI struct {
	id, account string
	region      int
	instance    string
	privIPs     []string
	override    string
	bound       []string // AllocationIds, in binding order
	gone        bool
}

type mToken struct {
	fp      string
	resp    string // AllocationId or RequestId of the first call
	expires time.Time
	lost    bool // the first call's answer was an ApplyThenFail error
	seq     int  // remembering order (model_tokens.go)
}

type model struct {
	now                time.Time
	regions            []string
	delay              map[string]time.Duration
	cooldown, tokenTTL time.Duration
	quota, multiBinded int
	eips               []*mEIP // allocation order; released ones are removed
	allocations        int
	instances          []*mInstance
	lbs                []*mLB
	enis               []*mENI
	tokens             map[[3]string]*mToken
	// tokenLimit is the bound on remembered tokens (0: the default, never
	// reached); tokenSeq numbers them in the order remembered.
	tokenLimit, tokenSeq int
	// quotaHit: (account, region) pairs that met QuotaExceeded.Eip.
	quotaHit map[[2]string]bool
	// pool is the IP pool the addresses come from (model_pool.go).
	pool *mPool

	gateways                                             []*mGateway
	havips                                               []*mHaVip
	natEIPs, natTraffic                                  int
	natKeep                                              bool // WithNATForceMode(NATForceKeepEntries)
	snatQuota, forwardQuota, natGatewayQuota, haVipQuota int

	// The hooks (model_hooks.go): rate limits by Action, their buckets by
	// (account, Action), and the fault rules in order; caller is the
	// account of the call being predicted.
	limits  map[string]eipsim.RateLimit
	buckets map[[2]string]*mBucket
	// global is the limit of all calls together (none: Requests 0) and
	// gbucket its one bucket (model_global.go).
	global  eipsim.RateLimit
	gbucket *mBucket
	rules   []*mRule
	caller  string
	// lostLast: the last call's answer was lost (ApplyThenFail).
	lostLast bool
	// cov, when set, counts the rules the model applies (coverage.go).
	cov *Coverage

	// changes counts the completions settle applied, so that the Machine
	// knows whether the model changed since its last full comparison.
	changes int
}

func newModel(w World, now time.Time, regions []string) *model {
	m := &model{now: now, regions: regions, cooldown: w.Cooldown, tokenTTL: w.TokenTTL, tokenLimit: w.TokenLimit, quota: w.Quota, multiBinded: w.MultiBinded,
		delay:  map[string]time.Duration{"AssociateEipAddress": w.AssociateDelay, "UnassociateEipAddress": w.UnassociateDelay, "ReleaseEipAddress": w.ReleaseDelay},
		tokens: map[[3]string]*mToken{}, quotaHit: map[[2]string]bool{},
		natEIPs: max(w.NATEIPs, 1), natTraffic: min(w.NATTrafficEIPs, max(w.NATEIPs, 1)), natKeep: w.NATKeepEntries,
		snatQuota: orDefault(w.SnatQuota, eipsim.DefaultSnatEntryQuota), forwardQuota: orDefault(w.ForwardQuota, eipsim.DefaultForwardEntryQuota),
		natGatewayQuota: orDefault(w.NatGatewayQuota, eipsim.DefaultNatGatewayQuota), haVipQuota: orDefault(w.HaVipQuota, eipsim.DefaultHaVipQuota)}
	for _, a := range natActions {
		m.delay[string(a)] = w.NATDelays[a]
	}
	m.pool = newPool(w.IPPool)
	m.newHooks(w, now)
	acct := func(a string) string {
		if a == "" {
			return "default"
		}
		return a
	}
	reg := func(r string) int {
		if r == "" {
			return 0
		}
		return slices.Index(regions, r)
	}
	for _, in := range w.Instances {
		m.instances = append(m.instances, &mInstance{id: in.InstanceID, account: acct(in.AccountID), region: reg(in.RegionID), status: string(in.Status),
			publicIP: in.PublicIP, defaultVPC: in.VpcID == DefaultVPCID, privIPs: in.PrivateIPAddresses})
	}
	for _, lb := range w.LoadBalancers {
		m.lbs = append(m.lbs, &mLB{id: lb.LoadBalancerID, account: acct(lb.AccountID), region: reg(lb.RegionID), internet: lb.AddressType == "internet", status: lb.Status})
	}
	for _, n := range w.ENIs {
		m.enis = append(m.enis, &mENI{id: n.NetworkInterfaceID, account: acct(n.AccountID), region: reg(n.RegionID), instance: n.InstanceID, privIPs: n.PrivateIPAddresses})
	}
	for _, g := range w.NatGateways {
		m.gateways = append(m.gateways, &mGateway{id: g.NatGatewayID, account: acct(g.AccountID), region: reg(g.RegionID), status: "Available"})
	}
	for _, h := range w.HaVips {
		m.havips = append(m.havips, &mHaVip{id: h.HaVipID, account: acct(h.AccountID), region: reg(h.RegionID), status: "Available", vsw: h.VSwitchID})
	}
	return m
}

// settle applies what has come due by now: the model does not queue tasks,
// it compares due times with the clock. Completions are independent of each
// other, so their order does not matter.
func (m *model) settle() {
	for _, in := range m.instances {
		if in.then != "" && !m.now.Before(in.thenAt) {
			in.status, in.then = in.then, ""
			m.changes++
		}
	}
	m.eips = slices.DeleteFunc(m.eips, func(e *mEIP) bool {
		if e.due.IsZero() || m.now.Before(e.due) {
			return false
		}
		if e.due.Equal(m.now) {
			m.mark(RuleTaskDueExact)
		}
		e.due = time.Time{}
		m.changes++
		switch e.status {
		case "Associating":
			e.status = "InUse"
		case "Unassociating":
			m.unbind(e)
			e.status = "Available"
		case "Releasing":
			m.pool.free(e.ip)
			return true
		}
		return false
	})
	m.settleNAT()
}

func (m *model) eip(id string) *mEIP {
	for _, e := range m.eips {
		if e.id == id {
			return e
		}
	}
	return nil
}

func (m *model) instance(id string) *mInstance {
	for _, x := range m.instances {
		if x.id == id && !x.gone {
			return x
		}
	}
	return nil
}

func (m *model) lb(id string) *mLB {
	for _, x := range m.lbs {
		if x.id == id && !x.gone {
			return x
		}
	}
	return nil
}

func (m *model) eni(id string) *mENI {
	for _, x := range m.enis {
		if x.id == id && !x.gone {
			return x
		}
	}
	return nil
}

// unbind drops e's binding from its target's side and from e.
func (m *model) unbind(e *mEIP) {
	switch e.ttype {
	case "EcsInstance":
		if x := m.instance(e.target); x != nil {
			x.eip = ""
		}
	case "SlbInstance":
		if x := m.lb(e.target); x != nil {
			x.eip = ""
		}
	case "NetworkInterface":
		if x := m.eni(e.target); x != nil {
			x.bound = slices.DeleteFunc(x.bound, func(id string) bool { return id == e.id })
		}
	case "Nat", "HaVip":
		m.unbindNAT(e)
	}
	e.target, e.ttype, e.privIP, e.mode = "", "", "", ""
}

// detach is what deleting e's target does: e is Available at once, its
// pending completion dropped.
func (m *model) detach(e *mEIP) {
	m.unbind(e)
	e.status, e.due = "Available", time.Time{}
}

func (m *model) account(op Op) string {
	if op.Account == "" {
		return "default"
	}
	return op.Account
}

// want is what the model predicts for one Op.
type want struct {
	code string // the cloud error code; "" for success
	// msg is the exact message the model expects with code, when it is not
	// the catalogue message of (code, action) filled with args: a
	// documented alternative wording the case selects.
	msg    string
	args   []any    // the values of the code's message template (a parameter name...)
	setup  bool     // a harness command the Sim refuses
	replay bool     // a ClientToken replay: the first call's response, no change
	resp   string   // the AllocationId of an Allocate, the RequestId of a replayed write
	ip     string   // the EipAddress of an Allocate
	page   []string // a listing's IDs on the page asked for, and its TotalCount
	total  int
	// answer is the whole answer of a success (a pointer to the Action's
	// response struct; its RequestId aside) when it says more than a
	// RequestId: what a Describe lists. The Machine fills in what the Sim
	// draws (IDs, addresses) after checking their shape.
	answer  any
	refused bool // nothing may change
	// lost: the change was made, the answer is an ApplyThenFail rule's
	// error (what the first call's ClientToken replays is the success).
	lost bool
	// create names the resource a successful Create made, from the ID in
	// the Sim's response.
	create func(id string)
}

// token looks a ClientToken up: mismatch, a stored response, or nothing.
func (m *model) token(acct, action, tok, fp string) (*mToken, bool) {
	if tok == "" {
		return nil, false
	}
	k := [3]string{acct, action, tok}
	t, ok := m.tokens[k]
	if ok && !m.now.Before(t.expires) {
		m.mark(RuleTokenExpired)
		delete(m.tokens, k)
		return nil, false
	}
	if !ok {
		return nil, false
	}
	return t, t.fp != fp
}

func (m *model) remember(acct, action, tok, fp, resp string) {
	if tok != "" {
		m.makeRoom()
		m.tokenSeq++
		m.tokens[[3]string{acct, action, tok}] = &mToken{fp: fp, resp: resp, expires: m.now.Add(m.tokenTTL), seq: m.tokenSeq}
	}
}

func (m *model) held(acct string, region int) int {
	n := 0
	for _, e := range m.eips {
		if e.account == acct && e.region == region {
			n++
		}
	}
	return n
}

func (m *model) regionIndex(r string) int { return slices.Index(m.regions, r) }

// lookup finds the EIP a write names (docs: unknown or released is
// InvalidAllocationId.NotFound; another account's is Forbidden).
func (m *model) lookup(op Op) (*mEIP, string) {
	e := m.eip(op.AllocationID)
	if e == nil || op.RegionID != "" && m.regions[e.region] != op.RegionID {
		return nil, "InvalidAllocationId.NotFound"
	}
	if e.account != m.account(op) {
		return nil, "Forbidden"
	}
	return e, ""
}

func lockCode(e *mEIP) string {
	switch {
	case e.sec:
		return "InvalidEIPStatus.BizDisabled"
	case e.fin:
		return "Forbidden.FinancialLocked"
	}
	return ""
}

// writeCode: locks, then the cooldown, then the status the write needs.
func (m *model) writeCode(e *mEIP, need string) string {
	if c := lockCode(e); c != "" {
		return c
	}
	if m.now.Before(e.cooldown) {
		return "TaskConflict"
	}
	if e.status != need {
		return "IncorrectEipStatus"
	}
	return ""
}

func (m *model) startWrite(e *mEIP, action string) {
	if m.cooldown > 0 {
		e.cooldown = m.now.Add(m.cooldown)
	}
	e.due = m.taskDue(action)
}

// ecsStatusCode: only Running and Stopped instances take or give up an EIP.
func ecsStatusCode(status string) string {
	switch status {
	case "Running", "Stopped":
		return ""
	case "Pending":
		return "InvalidStatus.EcsStatusNotSupport"
	}
	return "IncorrectInstanceStatus"
}

// body predicts and applies one cloud Action once the hooks let it through
// (model.call).
func (m *model) body(op Op) want {
	acct := m.account(op)
	switch op.Cmd {
	case "AllocateEipAddress":
		return m.allocate(op, acct)

	case "AssociateEipAddress":
		if w := missingCode(op); w != nil {
			return *w
		}
		typ := op.InstanceType
		if typ == "" {
			typ = "EcsInstance"
		}
		if !slices.Contains([]string{"EcsInstance", "SlbInstance", "NetworkInterface", "Nat", "HaVip"}, typ) {
			return want{code: "InvalidInstanceType.ValueNotSupported", refused: true}
		}
		if len(op.ClientToken) > 64 {
			return refuse("InvalidParameter:ClientToken")
		}
		if op.RegionID != "" && m.regionIndex(op.RegionID) < 0 {
			return want{code: "Forbidden.RegionNotFound", refused: true}
		}
		fp := op.RegionID + "|" + op.AllocationID + "|" + op.InstanceID + "|" + typ + "|" + op.PrivateIPAddress + "|" + op.Mode
		if t, bad := m.token(acct, op.Cmd, op.ClientToken, fp); bad {
			return want{code: "IdempotentParameterMismatch", refused: true}
		} else if t != nil {
			return want{replay: true, resp: t.resp, refused: true}
		}
		e, code := m.lookup(op)
		if code == "" {
			code = m.writeCode(e, "Available")
		}
		if code == "" {
			code = m.associate(e, op, typ, acct)
		}
		if code != "" {
			return m.refuseAt(code, op.InstanceID)
		}
		m.startWrite(e, op.Cmd)
		e.status = "Associating"
		m.remember(acct, op.Cmd, op.ClientToken, fp, "") // the RequestId is filled in by the Machine
		return want{}

	case "UnassociateEipAddress":
		if w := missingCode(op); w != nil {
			return *w
		}
		if op.InstanceType != "" && !slices.Contains([]string{"EcsInstance", "SlbInstance", "NetworkInterface", "Nat", "HaVip"}, op.InstanceType) {
			return want{code: "InvalidInstanceType.ValueNotSupported", refused: true}
		}
		if len(op.ClientToken) > 64 {
			return refuse("InvalidParameter:ClientToken")
		}
		if op.RegionID != "" && m.regionIndex(op.RegionID) < 0 {
			return want{code: "Forbidden.RegionNotFound", refused: true}
		}
		fp := op.RegionID + "|" + op.AllocationID + "|" + op.InstanceID + "|" + op.InstanceType + "|" + op.PrivateIPAddress + "|" + strconv.FormatBool(op.Force)
		if t, bad := m.token(acct, op.Cmd, op.ClientToken, fp); bad {
			return want{code: "IdempotentParameterMismatch", refused: true}
		} else if t != nil {
			return want{replay: true, resp: t.resp, refused: true}
		}
		e, code := m.lookup(op)
		if code == "" {
			code = m.writeCode(e, "InUse")
		}
		if code == "" {
			code = m.unassociate(e, op)
		}
		if code != "" && e != nil {
			return m.refuseAt(code, e.target)
		} else if code != "" {
			return refuse(code)
		}
		m.startWrite(e, op.Cmd)
		e.status = "Unassociating"
		m.remember(acct, op.Cmd, op.ClientToken, fp, "")
		return want{}

	case "ReleaseEipAddress":
		if w := missingCode(op); w != nil {
			return *w
		}
		if op.RegionID != "" && m.regionIndex(op.RegionID) < 0 {
			return want{code: "Forbidden.RegionNotFound", refused: true}
		}
		e, code := m.lookup(op)
		if code == "" {
			code = lockCode(e)
		}
		if code == "" && e.prepaid {
			code = "Forbidden.ChargeTypeIsPrepaid"
		}
		if code == "" && e.protected {
			code = "InvalidOperation.DeletionProtection"
		}
		if code == "" {
			code = m.writeCode(e, "Available")
		}
		if code != "" {
			return refuse(code)
		}
		m.startWrite(e, op.Cmd)
		e.status = "Releasing"
		return want{}

	case "ModifyEipAddressAttribute":
		if w := missingCode(op); w != nil {
			return *w
		}
		bw, err := strconv.Atoi(op.Bandwidth)
		if op.Bandwidth != "" && err != nil {
			return want{code: "InvalidParameter", msg: bandwidthUnsupported, refused: true}
		}
		if badText(op.Name, 128) {
			return want{code: "InvalidParameter", msg: invalidNamed("Name"), refused: true}
		}
		if badText(op.Description, 256) {
			return want{code: "InvalidParameter", msg: invalidNamed("Description"), refused: true}
		}
		if op.RegionID != "" && m.regionIndex(op.RegionID) < 0 {
			return want{code: "Forbidden.RegionNotFound", refused: true}
		}
		e, code := m.lookup(op)
		if code == "" {
			code = lockCode(e)
		}
		if code == "" && e.status != "Available" && e.status != "InUse" {
			code = "IncorrectEipStatus"
		}
		if code == "" && op.Bandwidth != "" && e.prepaid {
			code = "Forbidden.ChargeTypeIsPrepaid"
		}
		if code == "" && op.Bandwidth != "" && (bw < 1 || bw > map[bool]int{false: 500, true: 200}[e.traffic]) {
			code = "InvalidParameter"
		}
		if code == "InvalidParameter" {
			return want{code: code, msg: bandwidthUnsupported, refused: true}
		}
		if code != "" {
			return refuse(code)
		}
		if op.Bandwidth != "" {
			e.bandwidth = bw
		}
		if op.Name != "" {
			e.name = op.Name
		}
		if op.Description != "" {
			e.description = op.Description
		}
		return want{}

	case "DescribeEipAddresses":
		if op.RegionID == "" {
			return want{code: "MissingParameter", args: []any{"RegionId"}, refused: true}
		}
		region := m.regionIndex(op.RegionID)
		if region < 0 {
			return want{code: "Forbidden.RegionNotFound", refused: true}
		}
		listIDs, listIPs, lw := describeLists(op)
		if lw != nil {
			return *lw
		}
		// The filters' values, then the page, then DryRun (order: the
		// engine's; the docs list no order).
		switch {
		case op.InstanceType != "" && !slices.Contains([]string{"EcsInstance", "SlbInstance", "NetworkInterface", "Nat", "HaVip"}, op.InstanceType):
			return want{code: "InvalidIAssociatedInstanceType.ValueNotSupported", refused: true}
		case op.LockReason != "" && op.LockReason != "financial" && op.LockReason != "security":
			return want{code: "InvalidLockReason.NotFound", refused: true}
		case op.ChargeType != "" && op.ChargeType != "PostPaid" && op.ChargeType != "PrePaid":
			return want{code: "InvalidChargeType.ValueNotSupported", refused: true}
		}
		// PageNumber in [1, 2^31-1] (the SDK's int32), before PageSize.
		if op.PageNumber < 0 || op.PageNumber > math.MaxInt32 {
			return refuse("InvalidParameter:PageNumber")
		}
		if op.PageSize < 0 || op.PageSize > 100 {
			return refuse("InvalidParameter:PageSize")
		}
		if op.DryRun {
			return want{code: "DryRunOperation", refused: true}
		}
		var ids []string
		for _, e := range m.eips {
			if e.account == acct && e.region == region && listed(e, listIDs, listIPs) &&
				(op.Status == "" || e.status == op.Status) &&
				(op.LockReason == "" || op.LockReason == "financial" && e.fin || op.LockReason == "security" && e.sec) &&
				(op.InstanceType == "" || e.ttype == op.InstanceType) && (op.InstanceID == "" || e.target == op.InstanceID) &&
				(op.ChargeType == "" || (op.ChargeType == "PrePaid") == e.prepaid) {
				ids = append(ids, e.id)
			}
		}
		// The whole answer: the page's EIPs, and the page asked for
		// echoed, defaults applied.
		w := m.page(op, ids)
		if w.code == "" {
			r := &eipsim.DescribeEipAddressesResponse{TotalCount: w.total, PageNumber: max(op.PageNumber, 1), PageSize: op.PageSize}
			if r.PageSize == 0 {
				r.PageSize = 10
			}
			for _, id := range w.page {
				r.EipAddresses = append(r.EipAddresses, m.eipView(m.eip(id)))
			}
			w.answer = r
		}
		return w
	}
	if w, ok := m.tagCall(op, acct); ok {
		return w
	}
	if w, ok := m.describeNAT(op, acct); ok {
		return w
	}
	return m.natCall(op, acct)
}

// associate checks the target of an association and binds e to it.
func (m *model) associate(e *mEIP, op Op, typ, acct string) string {
	switch typ {
	case "EcsInstance":
		in := m.instance(op.InstanceID)
		switch {
		case in == nil || in.account != acct:
			return "InvalidInstanId.NotFound"
		case op.Mode == "BINDED" || op.Mode == "MULTI_BINDED":
			return "Invalid.DirectEip.BindType"
		case in.region != e.region:
			return "InvalidParameter.Mismatch"
		case in.defaultVPC:
			return "OperationDenied"
		case ecsStatusCode(in.status) != "":
			return ecsStatusCode(in.status)
		case in.publicIP:
			return "EIP_CAN_NOT_ASSOCIATE_WITH_PUBLIC_IP"
		case in.eip != "":
			return "InvalidAssociation.Duplicated"
		case op.PrivateIPAddress != "" && !slices.Contains(in.privIPs, op.PrivateIPAddress):
			return "InvalidParameter:PrivateIpAddress"
		}
		in.eip = e.id
		e.privIP = op.PrivateIPAddress
	case "SlbInstance":
		lb := m.lb(op.InstanceID)
		switch {
		case lb == nil || lb.account != acct:
			return "InvalidLoadBalancerId.NotFound"
		case op.Mode == "BINDED" || op.Mode == "MULTI_BINDED":
			return "Invalid.DirectEip.BindType"
		case lb.region != e.region:
			return "InvalidParameter.Mismatch"
		case lb.internet:
			return "InvalidParameter:InstanceId"
		case lb.status != "active":
			return "InvalidStatus.NotAllow"
		case lb.eip != "":
			return "InvalidAssociation.Duplicated"
		}
		lb.eip = e.id
	case "Nat", "HaVip":
		if typ == "Nat" {
			if c := m.associateNAT(e, op, acct); c != "" {
				return c
			}
		} else if c := m.associateHaVip(e, op, acct); c != "" {
			return c
		}
	case "NetworkInterface":
		n := m.eni(op.InstanceID)
		switch {
		case n == nil || n.account != acct:
			return "InvalidInstanId.NotFound"
		case n.region != e.region:
			return "InvalidParameter.Mismatch"
		case n.override != "":
			return "InvalidStatus.EniStatusNotSupport"
		}
		mode := op.Mode
		if mode == "" {
			mode = "NAT"
		}
		if len(n.bound) > 0 {
			if have := m.eip(n.bound[0]).mode; have != mode {
				if have != "BINDED" && mode != "BINDED" {
					return "OperationFailed.EipBindModeConflict"
				}
				return "Mode.Conflict"
			}
		}
		ip := op.PrivateIPAddress
		if ip != "" && !slices.Contains(n.privIPs, ip) {
			return "InvalidParameter:PrivateIpAddress"
		}
		switch mode {
		case "BINDED", "MULTI_BINDED":
			if n.instance != "" {
				return "Eni.Attached"
			}
			if mode == "BINDED" {
				if len(n.privIPs) > 1 {
					return "Eni.HasSubIp"
				}
				if len(n.bound) > 0 {
					return "InvalidAssociation.Duplicated"
				}
				if ip == "" {
					ip = n.privIPs[0]
				}
			} else if len(n.bound) >= m.multiBinded {
				return "QuotaExceed.MultiBindedEip"
			} else if len(n.bound) > 0 {
				m.mark(RuleMultiBindedSeveral)
			}
		default:
			if len(n.bound) >= len(n.privIPs) {
				return "InvalidEip.EipQuotaExceeded"
			}
			used := func(ip string) bool {
				return slices.ContainsFunc(n.bound, func(id string) bool { return m.eip(id).privIP == ip })
			}
			if ip == "" {
				// AssociateEipAddress, PrivateIpAddress: "If empty, the
				// system picks one": the first private IP no EIP uses (one
				// is free, since fewer EIPs than private IPs are bound).
				ip = n.privIPs[slices.IndexFunc(n.privIPs, func(ip string) bool { return !used(ip) })]
			}
			if used(ip) {
				return "InvalidAssociation.Duplicated"
			}
		}
		n.bound = append(n.bound, e.id)
		e.privIP, e.mode = ip, mode
	}
	e.target, e.ttype = op.InstanceID, typ
	return ""
}

// unassociate checks that the request names e's binding and that the
// target lets the EIP go.
func (m *model) unassociate(e *mEIP, op Op) string {
	if op.InstanceID != "" && op.InstanceID != e.target {
		exists := false
		switch op.InstanceType {
		case "":
			exists = m.instance(op.InstanceID) != nil || m.lb(op.InstanceID) != nil || m.eni(op.InstanceID) != nil ||
				m.gateway(op.InstanceID) != nil || m.havip(op.InstanceID) != nil
		case "EcsInstance":
			exists = m.instance(op.InstanceID) != nil
		case "SlbInstance":
			exists = m.lb(op.InstanceID) != nil
		case "NetworkInterface":
			exists = m.eni(op.InstanceID) != nil
		case "Nat":
			exists = m.gateway(op.InstanceID) != nil
		case "HaVip":
			exists = m.havip(op.InstanceID) != nil
		}
		switch {
		case exists:
			return "InvalidBindingStatus"
		case op.InstanceType == "SlbInstance":
			return "InvalidLoadBalancerId.NotFound"
		}
		return "InvalidInstanceId.NotFound"
	}
	if op.InstanceType != "" && op.InstanceType != e.ttype || op.PrivateIPAddress != "" && op.PrivateIPAddress != e.privIP {
		return "InvalidBindingStatus"
	}
	switch e.ttype {
	case "EcsInstance":
		return ecsStatusCode(m.instance(e.target).status)
	case "SlbInstance":
		if m.lb(e.target).status != "active" {
			return "InvalidStatus.NotAllow"
		}
	case "NetworkInterface":
		n := m.eni(e.target)
		if n.override != "" {
			return "InvalidStatus.EniStatusNotSupport"
		}
		if e.mode == "BINDED" && n.instance != "" {
			return "Eni.Attached"
		}
	case "Nat":
		return m.unassociateNAT(e, op)
	case "HaVip":
		if !m.havip(e.target).usable() {
			return "IncorrectHaVipStatus"
		}
	}
	return ""
}

// harness predicts and applies a harness command; it returns whether the
// Sim refuses it.
func (m *model) harness(op Op) (refused bool) {
	m.settle()
	switch op.Cmd {
	case CmdAdvance:
		m.now = m.now.Add(op.D)
		m.settle()
		return false
	case CmdLock, CmdUnlock:
		e := m.eip(op.AllocationID)
		if e == nil {
			return true
		}
		p := &e.fin
		if op.LockReason == "security" {
			p = &e.sec
		}
		if *p == (op.Cmd == CmdLock) {
			return true
		}
		*p = op.Cmd == CmdLock
	case CmdSetDeletionProtection:
		e := m.eip(op.AllocationID)
		if e == nil {
			return true
		}
		e.protected = op.On
	case CmdSetInstanceStatus:
		in := m.instance(op.InstanceID)
		if in == nil {
			return true
		}
		in.status, in.then = op.Status, op.Then
		in.thenAt = m.now.Add(op.D)
		m.settle() // a zero delay applies at once
	case CmdSetSLBStatus:
		lb := m.lb(op.InstanceID)
		if lb == nil {
			return true
		}
		lb.status = op.Status
	case CmdSetENIStatus:
		n := m.eni(op.NetworkInterfaceID)
		if n == nil {
			return true
		}
		n.override = op.Status
	case CmdAttachENI:
		n, in := m.eni(op.NetworkInterfaceID), m.instance(op.InstanceID)
		if n == nil || in == nil || n.instance != "" || in.region != n.region || in.account != n.account {
			return true
		}
		n.instance = in.id
	case CmdDetachENI:
		n := m.eni(op.NetworkInterfaceID)
		if n == nil || n.instance == "" {
			return true
		}
		if len(n.bound) > 0 {
			m.mark(RuleENIDetachedBound)
		}
		n.instance = ""
	case CmdDeleteInstance:
		in := m.instance(op.InstanceID)
		if in == nil {
			return true
		}
		if e := m.eip(in.eip); e != nil {
			m.mark(RuleTargetDeletedBound)
			m.detach(e)
		}
		for _, n := range m.enis {
			if n.instance == in.id {
				n.instance = ""
			}
		}
		for _, h := range m.havips {
			if i := slices.Index(h.instances, in.id); i >= 0 && !h.gone {
				h.instances = slices.Delete(h.instances, i, i+1)
				if h.due.IsZero() {
					h.status = h.stableStatus()
				}
			}
		}
		in.gone = true
	case CmdNatLock:
		g := m.gateway(op.InstanceID)
		if g == nil || g.locked == op.On {
			return true
		}
		g.locked = op.On
	case CmdDeleteSLB:
		lb := m.lb(op.InstanceID)
		if lb == nil {
			return true
		}
		if e := m.eip(lb.eip); e != nil {
			m.mark(RuleTargetDeletedBound)
			m.detach(e)
		}
		lb.gone = true
	case CmdDeleteENI:
		n := m.eni(op.NetworkInterfaceID)
		if n == nil {
			return true
		}
		if len(n.bound) > 0 {
			m.mark(RuleENIDeletedBound)
		}
		for _, id := range slices.Clone(n.bound) {
			m.detach(m.eip(id))
		}
		n.gone = true
	default:
		panic("eipsimtest: model: unknown harness command " + op.Cmd)
	}
	return false
}
