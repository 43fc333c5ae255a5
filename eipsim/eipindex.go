package eipsim

// The EIP index serves DescribeEipAddresses in O(log N + page) for the
// unfiltered, Status-filtered and AllocationId/EipAddress-filtered cases.
// Each (account, region) keeps its live EIPs in allocation order (the
// sequence number n, the order of Sim.order) in a counted B-tree, whole and
// split by lifecycle status; a page is found by position (GetAt) and read
// in order. github.com/tidwall/btree is used rather than google/btree
// because its nodes count their items: positional access is O(log N), so
// the last page of a million costs what the first does, where google/btree
// would have to skip the offset item by item.

import "github.com/tidwall/btree"

type eipTree = btree.BTreeG[*eip]

// sentinel is the first item of every tree (no EIP has n 0): a tree
// that never empties keeps its root node, so the cycle of one EIP coming
// and going allocates no tree nodes. Positions and lengths skip it.
var sentinel = &eip{}

func newEIPTree() *eipTree {
	t := btree.NewBTreeGOptions(func(a, b *eip) bool { return a.n < b.n }, btree.Options{NoLocks: true})
	t.Set(sentinel)
	return t
}

// size returns the number of EIPs in t.
func size(t *eipTree) int { return t.Len() - 1 }

// scan calls f for each EIP of t in order while f returns true.
func scan(t *eipTree, f func(*eip) bool) {
	t.Scan(func(e *eip) bool { return e == sentinel || f(e) })
}

// eipGroup is one (account, region)'s live EIPs. A group stays when it
// empties (there are at most accounts x regions of them), so a Sim whose
// EIPs come and go does not rebuild its trees.
type eipGroup struct {
	all      *eipTree
	byStatus []*eipTree // by state, created when first needed
	// held counts the group's live EIPs, for the EIP quota; unlike the
	// trees it is always up to date.
	held int
}

// eipIndex holds the groups and the live EIPs by address, and the tag
// index of every resource type (tagindex.go).
//
// The groups' trees are brought up to date lazily: a write only queues
// the EIP it changed (allocated, moved to another status, released), and
// the trees are updated from the queue when they are read (sync), or when
// the queue reaches maxQueued. An EIP that comes and goes between two
// reads, as in a controller's allocate-associate-unassociate-release
// cycle, then never touches a tree; any other costs one tree update per
// read, as it did when every write updated the trees. Each EIP records
// where it is in the trees (inAll, indexed), so a sync knows what to
// remove without searching.
type eipIndex struct {
	groups  map[accountRegion]*eipGroup
	byIP    eipsByAddr // eipaddr.go
	tags    tagIndex
	regions []string // the Sim's, for the tag index's groups
	queued  []*eip
	// last is the group last looked up, and its key: most calls come from
	// one account in one region, and this saves hashing the account.
	last    *eipGroup
	lastKey accountRegion
}

// maxQueued bounds the queue of EIPs not yet synced into the trees.
const maxQueued = 1024

func newEIPIndex(regions []string) eipIndex {
	return eipIndex{groups: map[accountRegion]*eipGroup{}, tags: newTagIndex(), regions: regions}
}

// group returns the group of account and region, or nil if it never held
// an EIP. It does not sync: callers that read its trees call sync first.
func (x *eipIndex) group(account string, region uint8) *eipGroup {
	if x.last != nil && x.lastKey.region == region && x.lastKey.account == account {
		return x.last
	}
	k := accountRegion{account, region}
	g := x.groups[k]
	if g != nil {
		x.last, x.lastKey = g, k
	}
	return g
}

// held returns how many live EIPs account holds in region.
func (x *eipIndex) held(account string, region uint8) int {
	if g := x.group(account, region); g != nil {
		return g.held
	}
	return 0
}

func (g *eipGroup) status(st state) *eipTree {
	if int(st) >= len(g.byStatus) {
		g.byStatus = append(g.byStatus, make([]*eipTree, int(st)+1-len(g.byStatus))...)
	}
	t := g.byStatus[st]
	if t == nil {
		t = newEIPTree()
		g.byStatus[st] = t
	}
	return t
}

func (x *eipIndex) add(e *eip) {
	g := x.group(e.account, e.region)
	if g == nil {
		k := accountRegion{e.account, e.region}
		g = &eipGroup{all: newEIPTree()}
		x.groups[k] = g
		x.last, x.lastKey = g, k
	}
	g.held++
	e.indexed = noState
	x.queue(e)
	x.byIP.set(e.ip, e)
	if e.extra != nil && len(e.extra.tags) > 0 {
		x.tags.add(x.eipTagged(e))
	}
}

// remove forgets e, which is being released (the caller marks it gone).
func (x *eipIndex) remove(e *eip) {
	x.group(e.account, e.region).held--
	x.queue(e)
	x.byIP.remove(e.ip, e)
	if e.extra != nil && len(e.extra.tags) > 0 {
		x.tags.remove(x.eipTagged(e))
	}
}

// statusTree returns the group's tree of status st, or nil if it never
// held one. The caller has synced.
func (g *eipGroup) statusTree(st state) *eipTree {
	if int(st) >= len(g.byStatus) {
		return nil
	}
	return g.byStatus[st]
}

// move records a live EIP's change of status from one to another (the
// caller sets e.status).
func (x *eipIndex) move(e *eip, from, to state) {
	if e.queued || e.gone || from == to {
		return
	}
	x.enqueue(e)
}

// queue marks e's place in the trees as out of date.
func (x *eipIndex) queue(e *eip) {
	if !e.queued {
		x.enqueue(e)
	}
}

// enqueue is queue for an EIP not queued yet. It is kept out of line so
// that move and queue inline.
//
//go:noinline
func (x *eipIndex) enqueue(e *eip) {
	if len(x.queued) >= maxQueued {
		x.sync() // before e joins: its change may not be complete yet
	}
	e.queued = true
	x.queued = append(x.queued, e)
}

// sync brings the trees up to date with the queued EIPs.
func (x *eipIndex) sync() {
	for _, e := range x.queued {
		x.resync(e)
	}
	clear(x.queued)
	x.queued = x.queued[:0]
}

// resync brings a queued EIP's place in the trees up to date and marks it
// unqueued (the caller takes it out of the queue): a released one leaves
// the trees it is in, a live one joins the whole group's tree if new and
// moves to its status's tree if that changed. What it does depends on e
// alone, so the queue may be synced in any order, or in parts.
func (x *eipIndex) resync(e *eip) {
	e.queued = false
	live := !e.gone
	if e.inAll == live && (!live || e.indexed == e.status) {
		return // back where it was indexed, or never indexed
	}
	g := x.group(e.account, e.region)
	if e.indexed != noState && (!live || e.indexed != e.status) {
		g.byStatus[e.indexed].Delete(e)
		e.indexed = noState
	}
	switch {
	case live && !e.inAll:
		g.all.Set(e)
	case !live && e.inAll:
		g.all.Delete(e)
	}
	e.inAll = live
	if live && e.indexed == noState {
		g.status(e.status).Set(e)
		e.indexed = e.status
	}
}

// dropReleased syncs the released EIPs of the queue and takes them out of
// it, and leaves the live ones queued: afterwards the index refers to no
// released EIP (remove took it out of the address pages and the tag
// index; a released EIP is never queued again, as move skips it), so its
// record can be reused (compactEIPsNow, freeEIP). A released EIP's part of
// a sync is the same now as later: gone is for good, and nothing changes
// a released EIP's fields but its reuse.
func (x *eipIndex) dropReleased() {
	keep := x.queued[:0]
	for _, e := range x.queued {
		switch {
		case !e.gone:
			keep = append(keep, e)
		case e.inAll || e.indexed != noState:
			x.resync(e)
		default: // never indexed, as when it came and went between reads
			e.queued = false
		}
	}
	clear(x.queued[len(keep):])
	x.queued = keep
}

// page returns the items of t from position lo, at most n of them.
func page(t *eipTree, lo, n int, out []*eip) []*eip {
	first, ok := t.GetAt(lo + 1)
	if !ok || n <= 0 {
		return out
	}
	start := len(out)
	t.Ascend(first, func(e *eip) bool {
		out = append(out, e)
		return len(out)-start < n
	})
	return out
}

// checkEIPIndex reports every way the index differs from the live EIPs
// of s.order (CheckInvariants).
func (s *Sim) checkEIPIndex(bad func(string, ...any)) {
	s.idx.sync()
	indexed := 0
	for k, g := range s.idx.groups { // the order of the checks does not reach the output
		indexed += size(g.all)
		n := 0
		for _, t := range g.byStatus {
			if t != nil {
				n += size(t)
			}
		}
		if n != size(g.all) {
			bad("index: account %s region %d: %d EIPs by status, %d in all", k.account, k.region, n, size(g.all))
		}
	}
	live := 0
	for _, e := range s.order {
		if e.gone {
			continue
		}
		live++
		g := s.idx.group(e.account, e.region)
		if g == nil {
			bad("index: %s: no group", e.id)
			continue
		}
		if _, ok := g.all.Get(e); !ok {
			bad("index: %s missing", e.id)
		}
		if t := g.statusTree(e.status); t == nil {
			bad("index: %s missing from status %s", e.id, lifecycle.states[e.status])
		} else if _, ok := t.Get(e); !ok {
			bad("index: %s missing from status %s", e.id, lifecycle.states[e.status])
		}
		if s.idx.byIP.get(e.ip) != e {
			bad("index: %s not found by address", e.id)
		}
	}
	if indexed != live || s.idx.byIP.n != live {
		bad("index: %d EIPs indexed, %d by address, %d live", indexed, s.idx.byIP.n, live)
	}
}
