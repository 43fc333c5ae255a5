package eipsimtest

import (
	"slices"
	"strconv"
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// The model of tags on EIPs (TagResources, UnTagResources and
// ListTagResources with ResourceType=EIP and one ResourceId.1): an EIP's
// tags live in its mEIP, sorted by key, and go when it is released. The
// limits are spelled here apart from the engine's constants.
const (
	mMaxTags      = 20  // per resource, and Tag.N / TagKey.N per call
	mMaxTagLength = 128 // characters of a key or a value
)

// illegalTagText reports whether a key or value is refused: too long, or
// starting (case-insensitively) with a reserved prefix or a URL scheme.
func illegalTagText(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"aliyun", "acs:", "http://", "https://"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return len([]rune(s)) > mMaxTagLength
}

// tagCall predicts the three tag Actions; ok is false for any other op.
func (m *model) tagCall(op Op, acct string) (w want, ok bool) {
	switch op.Cmd {
	case string(eipsim.ActionTagResources), string(eipsim.ActionUnTagResources), string(eipsim.ActionListTagResources):
	default:
		return want{}, false
	}
	if op.RegionID == "" {
		return want{code: "MissingParameter", args: []any{"RegionId"}, refused: true}, true
	}
	if m.regionIndex(op.RegionID) < 0 {
		return want{code: "Forbidden.RegionNotFound", refused: true}, true
	}
	e := m.eip(op.AllocationID)
	if e == nil || m.regions[e.region] != op.RegionID || e.account != acct {
		return want{code: "InvalidAllocationId.NotFound", refused: true}, true
	}
	switch op.Cmd {
	case string(eipsim.ActionTagResources):
		if code := tagsCode(op.Tags); code.code != "" {
			return code, true
		}
		n := len(e.tags)
		for _, t := range op.Tags {
			if _, found := tagIndex(e.tags, t.Key); !found {
				n++
			}
		}
		if n > mMaxTags {
			return want{code: "QuotaExceeded.TagNum", refused: true}, true
		}
		for _, t := range op.Tags {
			if i, found := tagIndex(e.tags, t.Key); found {
				e.tags[i].Value = t.Value
			} else {
				e.tags = slices.Insert(e.tags, i, t)
			}
		}
		return want{}, true
	case string(eipsim.ActionUnTagResources):
		if len(op.TagKeys) > mMaxTags {
			return refuse("InvalidParameter:TagKey.N"), true
		}
		if slices.Contains(op.TagKeys, "") {
			return want{code: "MissingParam.TagKey", refused: true}, true
		}
		if len(op.TagKeys) == 0 && !op.All {
			return want{code: "MissingParameter", args: []any{"TagKey.N"}, refused: true}, true
		}
		if len(op.TagKeys) == 0 {
			e.tags = nil
		}
		e.tags = slices.DeleteFunc(e.tags, func(t eipsim.Tag) bool { return slices.Contains(op.TagKeys, t.Key) })
		return want{}, true
	}
	// ListTagResources of one EIP: one item per tag, by key, on one page
	// (at most 20 tags, under the default MaxResults of 50).
	r := &eipsim.ListTagResourcesResponse{}
	for _, t := range e.tags {
		r.TagResources = append(r.TagResources, eipsim.TagResource{ResourceID: e.id, ResourceType: "EIP", TagKey: t.Key, TagValue: t.Value})
	}
	return want{answer: r, refused: true}, true
}

// tagsCode checks TagResources' Tag.N as the documentation orders it.
func tagsCode(tags []eipsim.Tag) want {
	if len(tags) == 0 {
		return want{code: "MissingParameter", args: []any{"Tag.N"}, refused: true}
	}
	if len(tags) > mMaxTags {
		return refuse("InvalidParameter:Tag.N")
	}
	for i, t := range tags {
		switch {
		case t.Key == "":
			return want{code: "MissingParam.TagKey", refused: true}
		case illegalTagText(t.Key):
			return want{code: "IllegalParam.TagKey", args: []any{"Tag.Key"}, refused: true}
		case illegalTagText(t.Value):
			return want{code: "IllegalParam.TagValue", args: []any{"Tag.Value"}, refused: true}
		case slices.ContainsFunc(tags[:i], func(u eipsim.Tag) bool { return u.Key == t.Key }):
			return refuse("InvalidParameter:Tag." + strconv.Itoa(i+1) + ".Key")
		}
	}
	return want{}
}

// tagIndex finds key in tags sorted by key, or where it would go.
func tagIndex(tags []eipsim.Tag, key string) (int, bool) {
	return slices.BinarySearchFunc(tags, key, func(t eipsim.Tag, k string) int { return strings.Compare(t.Key, k) })
}
