package eipsim

// The tag index serves ListTagResources without ResourceId.N (a Tag.N
// filter is then required) from the resources that have a filter's key,
// never from the whole population: each (resource type, account, region,
// tag key) keeps the resources with that key in ID order, the order the
// listing answers in, in a B-tree. A listing reads the tree of its
// filters' rarest key. Every write of a resource's tags, and its creation
// with tags or deletion, updates it.

import "github.com/tidwall/btree"

// tagGroup is whose resources of which type a listing shows.
type tagGroup struct{ rtype, account, region string }

type tagTreeKey struct {
	group tagGroup
	key   string
}

type tagTree = btree.BTreeG[tagged]

// tagIndex is the tag index of every resource type.
type tagIndex struct {
	trees map[tagTreeKey]*tagTree
}

func newTagIndex() tagIndex { return tagIndex{trees: map[tagTreeKey]*tagTree{}} }

// add indexes r under each of its tag keys.
func (x *tagIndex) add(r tagged) {
	for _, t := range *r.tags {
		k := tagTreeKey{r.group, t.Key}
		tr := x.trees[k]
		if tr == nil {
			tr = btree.NewBTreeGOptions(func(a, b tagged) bool { return a.id < b.id }, btree.Options{NoLocks: true})
			x.trees[k] = tr
		}
		tr.Set(r)
	}
}

// remove drops r from the trees of each of its tag keys, and a tree
// once it is empty.
func (x *tagIndex) remove(r tagged) {
	for _, t := range *r.tags {
		k := tagTreeKey{r.group, t.Key}
		if tr := x.trees[k]; tr != nil {
			tr.Delete(r)
			if tr.Len() == 0 {
				delete(x.trees, k)
			}
		}
	}
}

// rarest returns the tree of the filter key fewest resources of g have,
// or nil when one of the keys is on none (nothing matches).
func (x *tagIndex) rarest(g tagGroup, filters []Tag) *tagTree {
	var best *tagTree
	for _, f := range filters {
		t := x.trees[tagTreeKey{g, f.Key}]
		if t == nil {
			return nil
		}
		if best == nil || t.Len() < best.Len() {
			best = t
		}
	}
	return best
}

// eipTagged is e as a tagged resource. e must have its extra.
func (x *eipIndex) eipTagged(e *eip) tagged {
	return tagged{id: e.id, tags: &e.extra.tags, group: tagGroup{TagResourceTypeEIP, e.account, x.regions[e.region]}}
}

// checkTagIndex reports every way the tag index differs from the tags of
// the live resources (CheckInvariants).
func (s *Sim) checkTagIndex(bad func(string, ...any)) {
	want := 0
	check := func(r tagged) {
		for _, t := range *r.tags {
			want++
			tr := s.idx.tags.trees[tagTreeKey{r.group, t.Key}]
			if tr == nil {
				bad("tag index: %s %s not under key %q", r.group.rtype, r.id, t.Key)
			} else if got, ok := tr.Get(r); !ok || got.tags != r.tags {
				bad("tag index: %s %s not under key %q", r.group.rtype, r.id, t.Key)
			}
		}
	}
	for _, e := range s.order {
		if !e.gone && e.extra != nil {
			check(s.idx.eipTagged(e))
		}
	}
	for _, id := range sortedKeys(s.world.nats) {
		g := s.world.nats[id]
		check(tagged{id, &g.tags, tagGroup{TagResourceTypeNatGateway, g.account, g.region}})
	}
	for _, id := range sortedKeys(s.world.havips) {
		h := s.world.havips[id]
		check(tagged{id, &h.tags, tagGroup{TagResourceTypeHaVip, h.account, h.region}})
	}
	got := 0
	for _, tr := range s.idx.tags.trees { // the order of the sum does not reach the output
		got += tr.Len()
	}
	if got != want {
		bad("tag index: %d entries, %d tags on live resources", got, want)
	}
}
