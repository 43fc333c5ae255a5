package eipsimtest

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
)

// TestModelTagLimit runs the tag edges the random draws reach only rarely
// on the Sim and the model side by side: the 21st tag of a resource over
// two calls, an overwrite at the limit, All, and tags dying with the EIP.
func TestModelTagLimit(t *testing.T) {
	d := &randDriver{rng: rand.New(rand.NewPCG(1, 0x5eed))}
	w := DrawWorld(d)
	w.Quota = max(w.Quota, 1)
	mc, err := NewMachine(w)
	if err != nil {
		t.Fatal(err)
	}
	region := mc.m.regions[0]
	keys := func(from, n int, value string) []eipsim.Tag {
		var ts []eipsim.Tag
		for i := range n {
			ts = append(ts, eipsim.Tag{Key: fmt.Sprintf("k%02d", from+i), Value: value})
		}
		return ts
	}
	id := allocationID(1)
	tag := func(ts []eipsim.Tag) Op {
		return Op{Cmd: string(eipsim.ActionTagResources), RegionID: region, AllocationID: id, Tags: ts}
	}
	ops := []Op{
		{Cmd: string(eipsim.ActionAllocateEipAddress), RegionID: region},
		tag(keys(0, 11, "a")),
		tag(keys(11, 10, "b")), // 21 tags: QuotaExceeded.TagNum
		tag(keys(11, 9, "b")),  // 20
		tag(keys(0, 20, "c")),  // overwrites only
		tag(keys(20, 1, "c")),  // the 21st
		{Cmd: string(eipsim.ActionListTagResources), RegionID: region, AllocationID: id},
		{Cmd: string(eipsim.ActionUnTagResources), RegionID: region, AllocationID: id, TagKeys: []string{"k03", "zz"}},
		{Cmd: string(eipsim.ActionUnTagResources), RegionID: region, AllocationID: id, All: true},
		tag(keys(0, 2, "d")),
		{Cmd: string(eipsim.ActionReleaseEipAddress), RegionID: region, AllocationID: id},
		{Cmd: CmdAdvance, D: w.ReleaseDelay + 1},
		{Cmd: string(eipsim.ActionListTagResources), RegionID: region, AllocationID: id},
	}
	if f := run(func() {
		for _, op := range ops {
			mc.Run(d, op)
			mc.Check(d)
		}
	}); f != nil {
		t.Fatal(f.Message)
	}
	if e := mc.m.eip(id); e != nil {
		t.Fatalf("the model still has %s after its release", id)
	}
}
