package eipsimtest

// The reference model of NAT gateways, their SNAT and DNAT entries, and
// HaVips: plain data and rules written from docs/nat-havip.md and the facts
// file (../../shared/reference/eip-api-facts.md §5, §6), sharing no code
// with the engine. Where those say nothing about which check comes first,
// the order below is the one the engine was found to answer with, and is
// marked "order:".

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"
)

type mGateway struct {
	id, account string
	region      int
	status      string    // Creating, Available, Deleting
	due         time.Time // of Creating or Deleting
	locked      bool      // SetNatGatewayFinancialLock
	eips        []string  // AllocationIds bound (from the call on)
	entries     []*mEntry // SNAT then DNAT, in creation order per kind
	described   bool      // ever had an entry: Check describes its tables
	gone        bool
}

type mEntry struct {
	id        string
	snat      bool
	ips       []string // SnatIp addresses, or the DNAT ExternalIp
	vsw       string   // SNAT SourceVSwitchId
	cidr      string   // SNAT SourceCIDR
	name      string   // SnatEntryName
	extPort   string
	intIP     string
	intPort   string
	proto     string
	portBreak bool
	status    string // Pending, Available, Deleting
	due       time.Time
}

type mHaVip struct {
	id, account string
	region      int
	// status is Creating, Deleting, Associating, Unassociating while due
	// is set; otherwise Available or InUse, from instances.
	status    string
	due       time.Time
	instances []string // sorted
	pendInst  string   // the instance of an Associating/Unassociating
	vsw       string   // VSwitchId
	eip       string
	ip        string // the private address the Sim assigned
	gone      bool
}

func (h *mHaVip) stableStatus() string {
	if len(h.instances) > 0 {
		return "InUse"
	}
	return "Available"
}

func (h *mHaVip) usable() bool { return h.status == "Available" || h.status == "InUse" }

func (m *model) gateway(id string) *mGateway {
	for _, g := range m.gateways {
		if g.id == id && !g.gone {
			return g
		}
	}
	return nil
}

func (m *model) havip(id string) *mHaVip {
	for _, h := range m.havips {
		if h.id == id && !h.gone {
			return h
		}
	}
	return nil
}

// settleNAT applies what has come due on gateways, entries and HaVips.
func (m *model) settleNAT() {
	for _, g := range m.gateways {
		if g.gone {
			continue
		}
		g.entries = slices.DeleteFunc(g.entries, func(x *mEntry) bool {
			if x.due.IsZero() || m.now.Before(x.due) {
				return false
			}
			if x.due.Equal(m.now) {
				m.mark(RuleTaskDueExact)
			}
			x.due = time.Time{}
			m.changes++
			if x.status == "Deleting" {
				return true
			}
			x.status = "Available"
			return false
		})
		if !g.due.IsZero() && !m.now.Before(g.due) {
			g.due = time.Time{}
			m.changes++
			if g.status == "Creating" {
				g.status = "Available"
				continue
			}
			// Deleting: gone, its EIPs Available (docs: "the EIPs stay
			// bound until the gateway is gone (then Available)").
			for _, id := range slices.Clone(g.eips) {
				if e := m.eip(id); e != nil {
					m.detach(e)
				}
			}
			g.entries, g.gone = nil, true
		}
	}
	for _, h := range m.havips {
		if h.gone || h.due.IsZero() || m.now.Before(h.due) {
			continue
		}
		h.due = time.Time{}
		m.changes++
		switch h.status {
		case "Deleting":
			h.gone = true
		case "Unassociating":
			h.instances = slices.DeleteFunc(h.instances, func(id string) bool { return id == h.pendInst })
		}
		h.pendInst = ""
		h.status = h.stableStatus()
	}
}

// users are the entries of g that use the address ip.
func (g *mGateway) users(ip string) (snat, dnat []*mEntry) {
	for _, x := range g.entries {
		if slices.Contains(x.ips, ip) {
			if x.snat {
				snat = append(snat, x)
			} else {
				dnat = append(dnat, x)
			}
		}
	}
	return snat, dnat
}

// holds reports whether ip is the address of an EIP InUse on g.
func (m *model) holds(g *mGateway, ip string) bool {
	for _, id := range g.eips {
		if e := m.eip(id); e != nil && e.ip == ip && e.status == "InUse" {
			return true
		}
	}
	return false
}

func (g *mGateway) pending(snat bool) bool {
	return slices.ContainsFunc(g.entries, func(x *mEntry) bool { return x.snat == snat && x.status == "Pending" })
}

// associateNAT checks a NAT gateway target of AssociateEipAddress and binds e.
func (m *model) associateNAT(e *mEIP, op Op, acct string) string {
	g := m.gateway(op.InstanceID)
	switch {
	case g == nil || g.account != acct: // AssociateEipAddress's (misspelt) not-found code
		return "InvalidInstanId.NotFound"
	case op.Mode == "BINDED" || op.Mode == "MULTI_BINDED":
		return "Invalid.DirectEip.BindType"
	case op.PrivateIPAddress != "": // [I] not an address of the target's (the generators never name a HaVip's own)
		return "InvalidParameter:PrivateIpAddress"
	case g.region != e.region:
		return "InvalidParameter.Mismatch"
	case g.locked: // order: the lock before the status
		return "NATGATEWAY_FINANCIALLOCKED"
	case g.status != "Available":
		return "IncorrectStatus.NatGateway"
	case len(g.eips) >= m.natEIPs:
		return "QuotaExceeded.NumberOfEip"
	}
	if e.traffic {
		n := 0
		for _, id := range g.eips {
			if m.eip(id).traffic {
				n++
			}
		}
		if n >= m.natTraffic {
			return "QuotaExceeded.NumberOfTrafficEip"
		}
	}
	g.eips = append(g.eips, e.id)
	slices.Sort(g.eips)
	return ""
}

// associateHaVip checks a HaVip target and binds e.
func (m *model) associateHaVip(e *mEIP, op Op, acct string) string {
	h := m.havip(op.InstanceID)
	switch {
	case h == nil || h.account != acct:
		return "InvalidInstanId.NotFound"
	case op.Mode == "BINDED" || op.Mode == "MULTI_BINDED":
		return "Invalid.DirectEip.BindType"
	case op.PrivateIPAddress != "": // [I] not an address of the target's (the generators never name a HaVip's own)
		return "InvalidParameter:PrivateIpAddress"
	case h.region != e.region:
		return "InvalidParameter.Mismatch"
	case !h.usable():
		return "IncorrectHaVipStatus"
	case h.eip != "":
		return "InvalidAssociation.Duplicated"
	}
	h.eip = e.id
	return ""
}

// unassociateNAT: what a NAT gateway lets go, and with Force what happens
// to the entries that use the EIP (docs/nat-havip.md, "Unassociating from a
// NAT gateway").
func (m *model) unassociateNAT(e *mEIP, op Op) string {
	g := m.gateway(e.target)
	switch {
	case g.status == "Deleting":
		return "InvalidBindInstance.NotFound"
	case g.locked:
		return "InvalidStatus.NotAllow"
	}
	snat, dnat := g.users(e.ip)
	for _, x := range append(slices.Clone(snat), dnat...) {
		if x.status != "Available" {
			return "InvalidStatus.SnatOrDnat"
		}
	}
	if !op.Force {
		switch {
		case slices.ContainsFunc(snat, func(x *mEntry) bool { return len(x.ips) > 1 }):
			return "DependencyViolation.SnatEntry"
		case len(snat) > 0:
			return "InvalidIpStatus.HasBeenUsedBySnatTable"
		case len(dnat) > 0:
			return "InvalidIpStatus.HasBeenUsedByForwardEntry"
		}
		return ""
	}
	if len(snat)+len(dnat) > 0 {
		m.mark(map[bool]Rule{false: RuleNATForceDeletes, true: RuleNATForceKeeps}[m.natKeep])
	}
	if !m.natKeep {
		for _, x := range append(snat, dnat...) {
			x.status, x.due = "Deleting", m.now.Add(m.entryDelay(x.snat))
		}
	}
	return ""
}

// unbindNAT drops e from its gateway or HaVip.
func (m *model) unbindNAT(e *mEIP) {
	switch e.ttype {
	case "Nat":
		if g := m.gateway(e.target); g != nil {
			g.eips = slices.DeleteFunc(g.eips, func(id string) bool { return id == e.id })
		}
	case "HaVip":
		if h := m.havip(e.target); h != nil {
			h.eip = ""
		}
	}
}

// natCall predicts and applies a NAT gateway, SNAT, DNAT or HaVip Action.
// created is the new resource's ID for a Create, filled in by the caller
// from the response (the Sim draws it).
func (m *model) natCall(op Op, acct string) want {
	region := 0
	if op.RegionID != "" {
		region = m.regionIndex(op.RegionID)
	}
	if op.RegionID == "" {
		return want{code: "MissingParameter", args: []any{"RegionId"}, refused: true}
	}
	if op.Cmd == "CreateSnatEntry" { // the parameters' forms come before the region
		if w := snatParams(op); w != nil {
			return *w
		}
	}
	if op.Cmd == "CreateForwardEntry" { // the parameters' forms come before the region
		if code := forwardParamsCode(&op); code != "" {
			return refuse(code)
		}
	}
	if region < 0 {
		return want{code: "Forbidden.RegionNotFound", refused: true}
	}
	fp, tokens := natFingerprint(op)
	if tokens {
		if t, bad := m.token(acct, op.Cmd, op.ClientToken, fp); bad {
			return want{code: "IdempotentParameterMismatch", refused: true}
		} else if t != nil {
			return want{replay: true, resp: t.resp, refused: true}
		}
	}
	switch op.Cmd {
	case "CreateNatGateway":
		// The NAT gateway quota: natGatewayQuota per VPC (the
		// account's implicit VPC of the region), Deleting ones included.
		n := 0
		for _, g := range m.gateways {
			if !g.gone && g.account == acct && g.region == region {
				n++
			}
		}
		if n >= m.natGatewayQuota {
			return want{code: "QuotaExceeded", refused: true}
		}
		g := &mGateway{account: acct, region: region, status: "Creating", due: m.taskDue(op.Cmd)}
		m.gateways = append(m.gateways, g)
		m.rememberCreate(acct, op, fp)
		return want{create: func(id string) { g.id = id }}

	case "DeleteNatGateway":
		g := m.gateway(op.InstanceID)
		switch {
		case g == nil || g.account != acct || g.region != region:
			return want{code: "InvalidNatGatewayId.NotFound", refused: true}
		case g.status != "Available":
			return want{code: "IncorrectStatus.NatGateway", args: natStatusArgs(g), refused: true}
		case !op.Force && (len(g.entries) > 0 || len(g.eips) > 0):
			// The message names the first dependent kind: SNAT entries,
			// then DNAT entries, then EIPs.
			dep := "Eip"
			if slices.ContainsFunc(g.entries, func(x *mEntry) bool { return x.snat }) {
				dep = "SnatEntry"
			} else if len(g.entries) > 0 {
				dep = "ForwardEntry"
			}
			return want{code: "DependencyViolation", args: []any{dep, "NatGateway"}, refused: true}
		}
		if len(g.entries)+len(g.eips) > 0 {
			m.mark(RuleNATGatewayForced)
		}
		for _, x := range g.entries {
			if x.status != "Deleting" { // one already going keeps its time
				x.status, x.due = "Deleting", m.now.Add(m.entryDelay(x.snat))
			}
		}
		g.status, g.due = "Deleting", m.taskDue(op.Cmd)
		return want{}

	case "CreateSnatEntry", "CreateForwardEntry":
		snat := op.Cmd == "CreateSnatEntry"
		g := m.table(op.Table, snat)
		switch {
		case g == nil || g.account != acct: // docs: "no such table of the caller" (any region)
			return want{code: map[bool]string{true: "InvalidSnatTableId.NotFound", false: "InvalidForwardTableId.NotFound"}[snat], refused: true}
		case g.status != "Available":
			return want{code: "IncorrectStatus.NatGateway", args: natStatusArgs(g), refused: true}
		case g.pending(snat):
			return want{code: map[bool]string{true: "IncorretSnatEntryStatus", false: "IncorretForwardEntryStatus"}[snat], refused: true}
		case snat && g.count(true) >= m.snatQuota: // Deleting entries count
			return want{code: "Forbidden.SnatEntryCountLimited", refused: true}
		case !snat && g.count(false) >= m.forwardQuota:
			return want{code: "QuotaExceeded", refused: true}
		}
		x := &mEntry{snat: snat, ips: splitItems(op.IP), vsw: op.VSwitch, cidr: op.SourceCIDR, name: op.EntryName, extPort: op.ExtPort, intIP: op.IntIP,
			intPort: op.IntPort, proto: op.Proto, portBreak: op.PortBreak, status: "Pending"}
		if code := m.entryCode(g, x); code != "" {
			return refuse(code)
		}
		x.due = m.taskDue(op.Cmd)
		if slices.ContainsFunc(g.entries, func(y *mEntry) bool {
			return y.status == "Deleting" && slices.ContainsFunc(y.ips, func(ip string) bool { return slices.Contains(x.ips, ip) })
		}) {
			m.mark(RuleEntryOverDeleting)
		}
		g.entries = append(g.entries, x)
		g.described = true
		m.rememberCreate(acct, op, fp)
		return want{create: func(id string) { x.id = id }}

	case "DeleteSnatEntry", "DeleteForwardEntry":
		snat := op.Cmd == "DeleteSnatEntry"
		g := m.table(op.Table, snat)
		if g == nil || g.account != acct {
			return want{code: map[bool]string{true: "InvalidSnatTableId.NotFound", false: "InvalidForwardTableId.NotFound"}[snat], refused: true}
		}
		i := slices.IndexFunc(g.entries, func(x *mEntry) bool { return x.snat == snat && x.id == op.Entry })
		switch {
		case i < 0:
			return want{code: map[bool]string{true: "InvalidSnatEntryId.NotFound", false: "InvalidForwardEntryId.NotFound"}[snat], refused: true}
		case g.status != "Available": // docs: IncorrectStatus.NatGateway for entries too; order: after the entry
			return want{code: "IncorrectStatus.NatGateway", args: natStatusArgs(g), refused: true}
		case g.entries[i].status != "Available":
			return want{code: map[bool]string{true: "IncorretSnatEntryStatus", false: "IncorretForwardEntryStatus"}[snat], refused: true}
		}
		g.entries[i].status, g.entries[i].due = "Deleting", m.taskDue(op.Cmd)
		m.rememberCreate(acct, op, fp)
		return want{}

	case "CreateHaVip":
		n := 0
		for _, h := range m.havips {
			if !h.gone && h.account == acct && h.region == region {
				n++
			}
		}
		if n >= m.haVipQuota {
			return want{code: "QuotaExceeded", refused: true}
		}
		h := &mHaVip{account: acct, region: region, status: "Creating", due: m.taskDue(op.Cmd), vsw: op.VSwitch}
		m.havips = append(m.havips, h)
		m.rememberCreate(acct, op, fp)
		return want{create: func(id string) { h.id = id }}

	case "DeleteHaVip", "AssociateHaVip", "UnassociateHaVip":
		h := m.havip(op.InstanceID)
		if h == nil || h.account != acct || h.region != region {
			return want{code: "InvalidHaVipId.NotFound", refused: true}
		}
		if op.Cmd == "DeleteHaVip" {
			switch {
			case h.status != "Available":
				return want{code: "IncorrectHaVipStatus", refused: true}
			case h.eip != "":
				return want{code: "DependencyViolation", args: []any{"Eip", "HaVip"}, refused: true}
			}
			h.status, h.due = "Deleting", m.taskDue(op.Cmd)
			return want{}
		}
		in := m.instance(op.Target)
		switch {
		case !h.usable():
			return want{code: "IncorrectHaVipStatus", refused: true}
		case in == nil || in.account != acct: // order: the instance's region is not looked at yet
			return want{code: "InvalidInstanceId.NotFound", refused: true}
		}
		has := slices.Contains(h.instances, in.id)
		if op.Cmd == "AssociateHaVip" {
			switch {
			case ecsStatusCode(in.status) != "":
				return want{code: ecsStatusCode(in.status), refused: true}
			case in.region != h.region || in.defaultVPC:
				// docs: the ECS must be in the HaVip's vSwitch (so its
				// VPC); the code is not documented: InvalidParameter.
				return want{code: "InvalidParameter", msg: invalidNamed("InstanceId"), refused: true}
			case has:
				return want{code: "InvalidAssociation.Duplicated", refused: true}
			}
			if len(h.instances) > 0 {
				m.mark(RuleHaVipSeveralInstance)
			}
			// order: the instance is listed from the call on (the docs
			// do not say; the Sim lists it while Associating).
			h.status = "Associating"
			h.instances = append(h.instances, in.id)
			slices.Sort(h.instances)
		} else {
			if !has {
				// The docs name no code for an instance the HaVip does
				// not have; the Sim answers InvalidParameter (InstanceId).
				return want{code: "InvalidParameter", msg: invalidNamed("InstanceId"), refused: true}
			}
			h.status = "Unassociating"
		}
		h.pendInst, h.due = in.id, m.taskDue(op.Cmd)
		return want{}
	}
	panic("eipsimtest: model: unknown NAT action " + op.Cmd)
}

// table finds the gateway of an SNAT (stb-x) or DNAT (ftb-x) table ID.
func (m *model) table(id string, snat bool) *mGateway {
	prefix := map[bool]string{true: "stb-", false: "ftb-"}[snat]
	if !strings.HasPrefix(id, prefix) {
		return nil
	}
	return m.gateway("ngw-" + strings.TrimPrefix(id, prefix))
}

// entryCode checks a new entry against the gateway's EIPs and entries.
// Entries being deleted take no part (the docs do not say; the Sim lets a
// new entry reuse what a Deleting one holds).
func (m *model) entryCode(g0 *mGateway, x *mEntry) string {
	g := &mGateway{id: g0.id, eips: g0.eips}
	for _, y := range g0.entries {
		if y.status != "Deleting" {
			g.entries = append(g.entries, y)
		}
	}
	if x.snat {
		for _, ip := range x.ips {
			if !m.holds(g, ip) {
				return "InvalidSnatIp.NotFound"
			}
		}
		for _, ip := range x.ips {
			_, dnat := g.users(ip)
			if slices.ContainsFunc(dnat, func(y *mEntry) bool { return !y.portBreak }) {
				return "Forbidden.IpUsedInForwardTable"
			}
		}
		// Facts §5.1: "each vSwitch appears in only one SNAT entry"; the
		// code is not documented: InvalidParameter (SourceVSwitchId).
		// order: after the addresses and the DNAT conflict.
		for _, y := range g.entries {
			switch {
			case !y.snat:
			case x.vsw != "" && y.vsw == x.vsw:
				return "InvalidParameter:SourceVSwitchId"
			case x.cidr != "" && y.cidr == x.cidr:
				return "InvalidParameter:SourceCIDR"
			}
		}
		return ""
	}
	ip := x.ips[0]
	if !m.holds(g, ip) {
		return "InvalidExternalIp.NotFound"
	}
	if snat, _ := g.users(ip); len(snat) > 0 && !x.portBreak {
		return "Forbidden.ExternalIp.UsedInSnatTable"
	}
	overlap := func(a, b string) bool { return a == b || a == "Any" || b == "Any" } // protocols, ports
	for _, y := range g.entries {
		if y.snat {
			continue
		}
		if y.ips[0] == ip && overlap(y.extPort, x.extPort) && overlap(y.proto, x.proto) ||
			y.intIP == x.intIP && overlap(y.intPort, x.intPort) && overlap(y.proto, x.proto) {
			return "OperationUnsupported.ForwardEntry"
		}
	}
	return ""
}

// count is how many SNAT (or DNAT) entries g has, Deleting ones included.
func (g *mGateway) count(snat bool) int {
	n := 0
	for _, x := range g.entries {
		if x.snat == snat {
			n++
		}
	}
	return n
}

// entryDelay is the delay of an entry deleted as a consequence of another
// call (DeleteNatGateway, a forced UnassociateEipAddress): that of
// DeleteSnatEntry or DeleteForwardEntry, untouched by fault rules.
func (m *model) entryDelay(snat bool) time.Duration {
	if snat {
		return m.delay["DeleteSnatEntry"]
	}
	return m.delay["DeleteForwardEntry"]
}

// natFingerprint is the text of the parameters a NAT or HaVip write sends
// (as Apply sends them), for its ClientToken; tokens is whether the Sim
// deduplicates the Action's tokens (the HaVip writes but CreateHaVip check
// a token's form only, DeleteNatGateway takes none).
func natFingerprint(op Op) (fp string, tokens bool) {
	f := func(vs ...string) string { return strings.Join(vs, "|") }
	switch op.Cmd {
	case "CreateNatGateway", "CreateHaVip":
		return f(op.RegionID, op.VSwitch), true
	case "CreateSnatEntry":
		return f(op.RegionID, op.Table, op.IP, op.VSwitch, op.SourceCIDR, op.EntryName), true
	case "CreateForwardEntry":
		return f(op.RegionID, op.Table, op.IP, op.ExtPort, op.IntIP, op.IntPort, op.Proto, strconv.FormatBool(op.PortBreak)), true
	case "DeleteSnatEntry", "DeleteForwardEntry":
		return f(op.RegionID, op.Table, op.Entry), true
	}
	return "", false
}

// rememberCreate remembers the ClientToken of an accepted NAT or HaVip
// write; the Machine fills in the response (the new resource's ID, or
// the RequestId) from the Sim's answer.
func (m *model) rememberCreate(acct string, op Op, fp string) {
	if _, tokens := natFingerprint(op); tokens {
		m.remember(acct, op.Cmd, op.ClientToken, fp, "")
	}
}

// forwardParamsCode checks the forms of CreateForwardEntry's addresses,
// protocol and ports, in the documented order, and spells the protocol
// as the Sim keeps it (TCP, UDP, Any: IpProtocol is case-insensitive).
func forwardParamsCode(op *Op) string {
	isIPv4 := func(s string) bool { a, err := netip.ParseAddr(s); return err == nil && a.Is4() }
	switch {
	case !isIPv4(op.IP):
		return "InvalidExternalIp.Malformed"
	case !isIPv4(op.IntIP):
		return "InvalidInternalIp.Malformed"
	}
	proto, ok := map[string]string{"tcp": "TCP", "udp": "UDP", "any": "Any"}[strings.ToLower(op.Proto)]
	if !ok {
		return "InvalidProtocal.ValueNotSupported"
	}
	op.Proto = proto
	port := func(p string) bool { // 1-65535 in its plain form, or Any for the Any protocol
		n, err := strconv.Atoi(p)
		return p == "Any" && proto == "Any" || err == nil && n >= 1 && n <= 65535 && strconv.Itoa(n) == p
	}
	switch {
	case !port(op.ExtPort):
		return "InvalidExternalPort.Malformed"
	case !port(op.IntPort):
		return "InvalidInternalPort.Malformed"
	}
	return ""
}
