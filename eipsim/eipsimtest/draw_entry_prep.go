package eipsimtest

import (
	"strings"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// maxPrepare bounds the preparing steps of one "entry" operation.
const maxPrepare = 6

// doEntry runs an entry call, mostly after the steps (at most maxPrepare)
// that prepare its gateway (see prepareGateway) and then with one or two
// more entry calls on the same gateway.
func (mc *Machine) doEntry(d Driver) {
	g := mc.entryGateway(d)
	if g == nil {
		mc.Run(d, mc.drawNAT(d))
		return
	}
	calls := 1
	if d.Int(0, 2, "entry-prepare") > 0 {
		for range maxPrepare {
			op, ok := mc.prepareGateway(d, g)
			if !ok {
				break
			}
			mc.Run(d, op)
		}
		calls = d.Int(1, 3, "entry-calls") // several: conflicts and overlaps need two entries
	}
	if del, again, ok := mc.recreate(d, g); ok && d.Int(0, 3, "recreate") == 0 {
		mc.Run(d, del)
		mc.Run(d, again)
		return
	}
	for range calls {
		mc.Run(d, mc.entryOp(d, g))
	}
}

// recreate draws the deletion of an Available entry of g and the creation
// of the same entry again, which the Deleting one must not block (the
// conflict and uniqueness checks skip Deleting entries).
func (mc *Machine) recreate(d Driver, g *mGateway) (del, again Op, ok bool) {
	var avail []*mEntry
	for _, x := range g.entries {
		if x.status == "Available" && x.id != "" {
			avail = append(avail, x)
		}
	}
	if len(avail) == 0 {
		return Op{}, Op{}, false
	}
	x := pick(d, avail, "recreate-entry")
	suffix := strings.TrimPrefix(g.id, "ngw-")
	acct, region := ownAccount(g.account), mc.m.regions[g.region]
	if x.snat {
		t := "stb-" + suffix
		return Op{Cmd: string(eipsim.ActionDeleteSnatEntry), Account: acct, RegionID: region, Table: t, Entry: x.id},
			Op{Cmd: string(eipsim.ActionCreateSnatEntry), Account: acct, RegionID: region, Table: t, IP: strings.Join(x.ips, ","),
				VSwitch: x.vsw, SourceCIDR: x.cidr, EntryName: x.name}, true
	}
	t := "ftb-" + suffix
	return Op{Cmd: string(eipsim.ActionDeleteForwardEntry), Account: acct, RegionID: region, Table: t, Entry: x.id},
		Op{Cmd: string(eipsim.ActionCreateForwardEntry), Account: acct, RegionID: region, Table: t, IP: x.ips[0],
			ExtPort: x.extPort, IntIP: x.intIP, IntPort: x.intPort, Proto: x.proto, PortBreak: x.portBreak}, true
}

// prepareGateway draws the step that brings g nearer to holding entries:
// a case's few dozen steps seldom allocate an EIP in the gateway's account
// and region, bind it, and wait for both to settle before an entry call
// comes, so that without this the entry rules (conflicts, overlaps, the
// SNAT table's use of an address, quotas, Deleting entries) were almost
// never reached. It returns false when g is ready: Available, with two EIPs
// InUse (or none to be had).
func (mc *Machine) prepareGateway(d Driver, g *mGateway) (Op, bool) {
	m := mc.m
	if g.gone || g.status == "Deleting" {
		return Op{}, false
	}
	m.settle()
	var due time.Time // the latest transition in the way, if any
	pending := g.status == "Creating"
	if pending {
		due = g.due
	}
	inUse := 0
	for _, id := range g.eips {
		if e := m.eip(id); e != nil {
			if e.status == "InUse" {
				inUse++
			} else {
				pending = true
				if e.due.After(due) {
					due = e.due
				}
			}
		}
	}
	if pending {
		return Op{Cmd: CmdAdvance, D: mc.advanceTo(d, due)}, true
	}
	if inUse >= 2 {
		return Op{}, false
	}
	for _, e := range m.eips {
		if e.status == "Available" && e.account == g.account && e.region == g.region {
			return Op{Cmd: string(eipsim.ActionAssociateEipAddress), Account: ownAccount(e.account), AllocationID: e.id,
				InstanceID: g.id, InstanceType: "Nat"}, true
		}
	}
	if m.allocations >= pinnedIDs-1 {
		return Op{}, false
	}
	return Op{Cmd: string(eipsim.ActionAllocateEipAddress), Account: ownAccount(g.account), RegionID: m.regions[g.region]}, true
}

// advanceTo is an advance to due (or one nanosecond past it); 20 s when
// due is not ahead.
func (mc *Machine) advanceTo(d Driver, due time.Time) time.Duration {
	if !due.After(mc.m.now) {
		return 20 * time.Second
	}
	return due.Sub(mc.m.now) + time.Duration(d.Int(0, 1, "prep-advance"))
}
