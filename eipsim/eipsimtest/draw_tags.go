package eipsimtest

import (
	"fmt"
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// Tag pools: few keys, so that overwrites, removals of a key the EIP has
// and repeated keys in one call happen; reserved prefixes; and, in a bulk
// draw, up to 21 distinct keys, a run of k00-k24 from a drawn start, so that
// the 20-tag limit is reached in one call or two.
var (
	tagKeys   = []string{"env", "team", "cost", "aliyun-x", "acs:y", "ACS:z", "http://u", ""}
	tagValues = []string{"", "web", "db", "acs:v", "aliyunv"}
)

const bulkKeys = 25

func (mc *Machine) tagKey(d Driver, bulk int, i int) string {
	if bulk >= 0 {
		return fmt.Sprintf("k%02d", (bulk+i)%bulkKeys)
	}
	return usually(d, tagKeys, fmt.Sprint("key-", i))
}

// drawTag draws TagResources, UnTagResources or ListTagResources on one
// EIP (live or not), as its owner or not, in its region or not.
func (mc *Machine) drawTag(d Driver) Op {
	m := mc.m
	id := mc.eipID(d)
	piled := false
	switch k := d.Int(0, 3, "live-eip"); {
	case len(m.eips) == 0:
	case k == 2:
		id = pick(d, m.eips, "tagged-eip").id
	case k == 3: // the most tagged, so that tags pile up to the limit
		most := m.eips[0]
		for _, e := range m.eips {
			if len(e.tags) > len(most.tags) {
				most = e
			}
		}
		id, piled = most.id, true
	}
	region := m.regions[0]
	if e := m.eip(id); e != nil {
		region = m.regions[e.region]
	}
	op := Op{AllocationID: id, Account: mc.accountFor(d, id),
		RegionID: usually(d, []string{region, m.regions[0], m.regions[1], "", badRegion}, "region")}
	bulk := -1 // the first bulk key, or -1
	if d.Int(0, 3, "bulk") == 3 || piled {
		bulk = d.Int(0, bulkKeys-1, "bulk-start")
	}
	if piled { // as its owner, in its region, to pile tags up
		op.Account, op.RegionID = ownAccount(m.eip(id).account), region
	}
	switch d.Int(0, 3, "tag-action") {
	case 0, 1:
		op.Cmd = string(eipsim.ActionTagResources)
		n := d.Int(1, 3, "tags")
		if bulk >= 0 {
			n = d.Int(10, mMaxTags+1, "tags")
		}
		for i := range n {
			values := tagValues
			if bulk >= 0 && i > 0 { // legal values but maybe the first: a bulk call mostly reaches the limits
				values = tagValues[:3]
			}
			op.Tags = append(op.Tags, eipsim.Tag{Key: mc.tagKey(d, bulk, i), Value: usually(d, values, fmt.Sprint("value-", i))})
		}
	case 2:
		op.Cmd = string(eipsim.ActionUnTagResources)
		n := d.Int(0, 1, "keys")
		if bulk >= 0 {
			n = d.Int(0, mMaxTags+1, "keys")
		}
		for i := range n {
			op.TagKeys = append(op.TagKeys, mc.tagKey(d, bulk, i))
		}
		op.All = d.Int(0, 1, "all") == 1
	default:
		op.Cmd = string(eipsim.ActionListTagResources)
	}
	return op
}

func (op Op) isTagCall() bool {
	switch op.Cmd {
	case string(eipsim.ActionTagResources), string(eipsim.ActionUnTagResources), string(eipsim.ActionListTagResources):
		return true
	}
	return false
}

// tagString writes a tag Action's parameters after RegionId, as the
// scenario language reads them.
func (op Op) tagString(b *strings.Builder) {
	b.WriteString(" ResourceType=" + eipsim.TagResourceTypeEIP + " ResourceId.1=" + op.AllocationID)
	for i, t := range op.Tags {
		fmt.Fprintf(b, " Tag.%d.Key=%s", i+1, t.Key)
		if t.Value != "" {
			fmt.Fprintf(b, " Tag.%d.Value=%s", i+1, t.Value)
		}
	}
	for i, k := range op.TagKeys {
		fmt.Fprintf(b, " TagKey.%d=%s", i+1, k)
	}
	if op.All {
		b.WriteString(" All=true")
	}
}
