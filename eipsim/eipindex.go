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

func newEIPTree() *eipTree {
	return btree.NewBTreeGOptions(func(a, b *eip) bool { return a.n < b.n }, btree.Options{NoLocks: true})
}

// eipGroup is one (account, region)'s live EIPs.
type eipGroup struct {
	all      *eipTree
	byStatus map[state]*eipTree
}

// eipIndex holds the groups and the live EIPs by address.
type eipIndex struct {
	groups map[accountRegion]*eipGroup
	byIP   map[uint32]*eip
}

func newEIPIndex() eipIndex {
	return eipIndex{groups: map[accountRegion]*eipGroup{}, byIP: map[uint32]*eip{}}
}

func (x *eipIndex) group(account string, region uint8) *eipGroup {
	return x.groups[accountRegion{account, region}]
}

func (g *eipGroup) status(st state) *eipTree {
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
		g = &eipGroup{all: newEIPTree(), byStatus: map[state]*eipTree{}}
		x.groups[k] = g
	}
	g.all.Set(e)
	g.status(e.status).Set(e)
	x.byIP[e.ip] = e
}

func (x *eipIndex) remove(e *eip) {
	k := accountRegion{e.account, e.region}
	g := x.groups[k]
	g.all.Delete(e)
	g.byStatus[e.status].Delete(e)
	if g.all.Len() == 0 {
		delete(x.groups, k)
	}
	if x.byIP[e.ip] == e {
		delete(x.byIP, e.ip)
	}
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
	first, ok := t.GetAt(lo)
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
	for k, g := range s.idx.groups {
		indexed += g.all.Len()
		n := 0
		for _, t := range g.byStatus {
			n += t.Len()
		}
		if n != g.all.Len() {
			bad("index: account %s region %d: %d EIPs by status, %d in all", k.account, k.region, n, g.all.Len())
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
		if t := g.byStatus[e.status]; t == nil {
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
