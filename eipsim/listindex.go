package eipsim

// The listing index serves DescribeNatGateways and DescribeHaVips in
// O(log N + page): each (account, region) keeps its resources in ID order,
// the order both Actions answer in, in counted B-trees (github.com/tidwall/btree,
// as the EIP index: positional access is O(log N)), whole, by status and by
// VPC. A resource's record holds the status it is indexed under (listPos);
// every write that may change the resource's status, or create or delete
// it, calls sync, which moves it between the trees.

import (
	"math"

	"github.com/tidwall/btree"
)

// listKey is the (account, region) a listing shows.
type listKey struct{ account, region string }

// listPos is where a resource is indexed: whether it is, and under which
// status.
type listPos struct {
	on     bool
	status string
}

// listed is what a resource of a listIndex gives it.
type listed interface {
	comparable
	base() *owned
	pos() *listPos
}

type listTree[T listed] = btree.BTreeG[T]

func newListTree[T listed]() *listTree[T] {
	return btree.NewBTreeGOptions(func(a, b T) bool { return a.base().id < b.base().id }, btree.Options{NoLocks: true})
}

// listGroup is one (account, region)'s resources of a kind.
type listGroup[T listed] struct {
	all      *listTree[T]
	byStatus map[string]*listTree[T]
	byVPC    map[string]*listTree[T]
}

// listIndex is the listing index of one kind of resource.
type listIndex[T listed] struct {
	groups map[listKey]*listGroup[T]
}

func (x *listIndex[T]) init() { x.groups = map[listKey]*listGroup[T]{} }

func (x *listIndex[T]) group(account, region string) *listGroup[T] {
	return x.groups[listKey{account, region}]
}

// sync indexes v under status while live holds, and drops it once it
// does not: the one call every write of v makes.
func (x *listIndex[T]) sync(v T, live bool, status string) {
	p, o := v.pos(), v.base()
	switch {
	case live && p.on && p.status == status:
		return
	case live && p.on:
		g := x.group(o.account, o.region)
		drop(g.byStatus, p.status, v)
		subtree(g.byStatus, status).Set(v)
	case live:
		k := listKey{o.account, o.region}
		g := x.groups[k]
		if g == nil {
			g = &listGroup[T]{all: newListTree[T](), byStatus: map[string]*listTree[T]{}, byVPC: map[string]*listTree[T]{}}
			x.groups[k] = g
		}
		g.all.Set(v)
		subtree(g.byStatus, status).Set(v)
		subtree(g.byVPC, o.vpc).Set(v)
	case p.on:
		k := listKey{o.account, o.region}
		g := x.groups[k]
		g.all.Delete(v)
		drop(g.byStatus, p.status, v)
		drop(g.byVPC, o.vpc, v)
		if g.all.Len() == 0 {
			delete(x.groups, k)
		}
	default:
		return
	}
	*p = listPos{on: live, status: status}
}

// subtree returns m's tree of key k, creating it.
func subtree[T listed](m map[string]*listTree[T], k string) *listTree[T] {
	t := m[k]
	if t == nil {
		t = newListTree[T]()
		m[k] = t
	}
	return t
}

// drop deletes v from m's tree of key k, and the tree once it is empty,
// so that statuses and VPCs that come and go leave nothing behind.
func drop[T listed](m map[string]*listTree[T], k string, v T) {
	if t := m[k]; t != nil {
		t.Delete(v)
		if t.Len() == 0 {
			delete(m, k)
		}
	}
}

// tree returns the tree a listing filtered on vpc and status reads, and
// whether status is left for the caller to check (the VPC tree is read
// when both are given). A nil tree lists nothing.
func (g *listGroup[T]) tree(vpc, status string) (t *listTree[T], residual bool) {
	switch {
	case g == nil:
		return nil, false
	case vpc != "":
		return g.byVPC[vpc], status != ""
	case status != "":
		return g.byStatus[status], false
	}
	return g.all, false
}

// listPage returns how many items of t keep accepts (every item when keep
// is nil) and those of page num of size, appended to out. Without keep it
// costs O(log N + size); with it, one pass over t.
func listPage[T listed](t *listTree[T], keep func(T) bool, num, size int, out []T) (int, []T) {
	if t == nil {
		return 0, out
	}
	if keep == nil {
		total := t.Len()
		lo, hi := pageBounds(num, size, total, 0)
		if first, ok := t.GetAt(lo); ok && lo < hi {
			t.Ascend(first, func(v T) bool {
				out = append(out, v)
				lo++
				return lo < hi
			})
		}
		return total, out
	}
	lo, hi := pageBounds(num, size, math.MaxInt, 0)
	total := 0
	t.Scan(func(v T) bool {
		if keep(v) {
			if total >= lo && total < hi {
				out = append(out, v)
			}
			total++
		}
		return true
	})
	return total, out
}

// indexedList is one page of a listing that x serves, for the
// (account, region) of key: one id is a lookup in byID (match, the whole
// filter, checked on it); else the tree of vpc and status, scanned with
// match when the tree leaves a filter to check (it says so, or more says
// there are filters no tree serves). It returns the count and the shown
// resources' snapshots, nil when nothing matches (as a cut of no matches
// is). DescribeNatGateways and DescribeHaVips are this with their filters.
func indexedList[T listed, S any](x *listIndex[T], byID map[string]T, key listKey, id, vpc, status string, more bool,
	match func(T) bool, num, size int, snapshot func(T) S) (total int, out []S) {
	var shown []T
	if id != "" {
		if v, ok := byID[id]; ok && match(v) {
			total = 1
			if lo, hi := pageBounds(num, size, 1, 0); lo < hi {
				shown = []T{v}
			}
		}
	} else {
		t, residual := x.group(key.account, key.region).tree(vpc, status)
		var keep func(T) bool
		if residual || more {
			keep = match
		}
		total, shown = listPage(t, keep, num, size, nil)
	}
	if total > 0 {
		out = make([]S, len(shown))
		for i, v := range shown {
			out[i] = snapshot(v)
		}
	}
	return total, out
}

// checkListIndex reports every way x differs from the resources of m
// that live accepts (CheckInvariants).
func checkListIndex[T listed](kind string, x *listIndex[T], m map[string]T, live func(T) bool, status func(T) string, bad func(string, ...any)) {
	indexed := 0
	for k, g := range x.groups { // the order of the checks does not reach the output
		indexed += g.all.Len()
		for name, sub := range map[string]map[string]*listTree[T]{"status": g.byStatus, "VPC": g.byVPC} {
			n := 0
			for _, t := range sub {
				n += t.Len()
			}
			if n != g.all.Len() {
				bad("%s index: account %s region %s: %d by %s, %d in all", kind, k.account, k.region, n, name, g.all.Len())
			}
		}
	}
	n := 0
	for id, v := range m {
		o, p := v.base(), v.pos()
		if !live(v) {
			if p.on {
				bad("%s index: %s is gone but indexed", kind, id)
			}
			continue
		}
		n++
		g := x.group(o.account, o.region)
		if g == nil {
			bad("%s index: %s: no group", kind, id)
			continue
		}
		if _, ok := g.all.Get(v); !ok || !p.on {
			bad("%s index: %s missing", kind, id)
		}
		if t := g.byStatus[status(v)]; t == nil || p.status != status(v) {
			bad("%s index: %s missing from status %s", kind, id, status(v))
		} else if _, ok := t.Get(v); !ok {
			bad("%s index: %s missing from status %s", kind, id, status(v))
		}
		if t := g.byVPC[o.vpc]; t == nil {
			bad("%s index: %s missing from VPC %s", kind, id, o.vpc)
		} else if _, ok := t.Get(v); !ok {
			bad("%s index: %s missing from VPC %s", kind, id, o.vpc)
		}
	}
	if indexed != n {
		bad("%s index: %d indexed, %d live", kind, indexed, n)
	}
}

// checkListIndexes reports every way the NAT gateway and HaVip listing
// indexes and the entry ID maps differ from the world (CheckInvariants).
func (s *Sim) checkListIndexes(bad func(string, ...any)) {
	checkListIndex("NAT gateway", &s.world.natList, s.world.nats, func(g *natGateway) bool { return !g.deleted },
		func(g *natGateway) string { return g.status }, bad)
	checkListIndex("HaVip", &s.world.havipList, s.world.havips, func(h *haVip) bool { return !h.deleted }, (*haVip).status, bad)
	snat, dnat := 0, 0
	for _, id := range sortedKeys(s.world.nats) {
		g := s.world.nats[id]
		for _, x := range g.snat {
			snat++
			if s.world.snatEntries[x.id] != x {
				bad("SNAT entry %s of %s not found by ID", x.id, id)
			}
		}
		for _, x := range g.dnat {
			dnat++
			if s.world.fwdEntries[x.id] != x {
				bad("DNAT entry %s of %s not found by ID", x.id, id)
			}
		}
	}
	if snat != len(s.world.snatEntries) || dnat != len(s.world.fwdEntries) {
		bad("entries: %d SNAT and %d DNAT in tables, %d and %d by ID", snat, dnat, len(s.world.snatEntries), len(s.world.fwdEntries))
	}
}
