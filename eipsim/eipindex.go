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
}

// eipIndex holds the groups and the live EIPs by address, and the tag
// index of every resource type (tagindex.go).
type eipIndex struct {
	groups  map[accountRegion]*eipGroup
	byIP    map[uint32]*eip
	tags    tagIndex
	regions []string // the Sim's, for the tag index's groups
}

func newEIPIndex(regions []string) eipIndex {
	return eipIndex{groups: map[accountRegion]*eipGroup{}, byIP: map[uint32]*eip{}, tags: newTagIndex(), regions: regions}
}

func (x *eipIndex) group(account string, region uint8) *eipGroup {
	return x.groups[accountRegion{account, region}]
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
	k := accountRegion{e.account, e.region}
	g := x.groups[k]
	if g == nil {
		g = &eipGroup{all: newEIPTree()}
		x.groups[k] = g
	}
	g.all.Set(e)
	g.status(e.status).Set(e)
	x.byIP[e.ip] = e
	if e.extra != nil && len(e.extra.tags) > 0 {
		x.tags.add(x.eipTagged(e))
	}
}

func (x *eipIndex) remove(e *eip) {
	k := accountRegion{e.account, e.region}
	g := x.groups[k]
	g.all.Delete(e)
	g.byStatus[e.status].Delete(e)
	if x.byIP[e.ip] == e {
		delete(x.byIP, e.ip)
	}
	if e.extra != nil && len(e.extra.tags) > 0 {
		x.tags.remove(x.eipTagged(e))
	}
}

// statusTree returns the group's tree of status st, or nil if it never
// held one.
func (g *eipGroup) statusTree(st state) *eipTree {
	if int(st) >= len(g.byStatus) {
		return nil
	}
	return g.byStatus[st]
}

// move records a live EIP's change of status from one to another.
func (x *eipIndex) move(e *eip, from, to state) {
	if e.gone || from == to {
		return
	}
	g := x.groups[accountRegion{e.account, e.region}]
	g.byStatus[from].Delete(e)
	g.status(to).Set(e)
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
		if s.idx.byIP[e.ip] != e {
			bad("index: %s not found by address", e.id)
		}
	}
	if indexed != live || len(s.idx.byIP) != live {
		bad("index: %d EIPs indexed, %d by address, %d live", indexed, len(s.idx.byIP), live)
	}
}
