package eipsim

// Tags: TagResources, UnTagResources and ListTagResources of the VPC API
// (https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-tagresources
// and its ListTagResources and UnTagResources pages), for the resource types
// the Sim has: EIP, NATGATEWAY and HAVIP (case-insensitive, as documented).
// Tags belong to the resource: only its account sees them, and they go with
// it. A resource holds at most 20 tags, kept sorted by key.

import (
	"context"
	"slices"
	"strconv"
	"strings"
)

// Tag is one key-value pair (Tag.N.Key, Tag.N.Value).
type Tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// Tag limits (TagResources' reference page).
const (
	MaxTagsPerResource = 20  // tags on one resource
	MaxTagsPerCall     = 20  // Tag.N / TagKey.N in one call
	MaxTagResources    = 50  // ResourceId.N in one call
	MaxTagKeyLength    = 128 // characters
	MaxTagValueLength  = 128 // characters
)

// The resource types that take tags, as the API spells them.
const (
	TagResourceTypeEIP        = "EIP"
	TagResourceTypeNatGateway = "NATGATEWAY"
	TagResourceTypeHaVip      = "HAVIP"
)

// tagSet is a resource's tags, sorted by key.
type tagSet []Tag

func (ts tagSet) get(key string) (string, bool) {
	i, ok := slices.BinarySearchFunc(ts, key, func(t Tag, k string) int { return strings.Compare(t.Key, k) })
	if !ok {
		return "", false
	}
	return ts[i].Value, true
}

func (ts *tagSet) set(key, value string) {
	i, ok := slices.BinarySearchFunc(*ts, key, func(t Tag, k string) int { return strings.Compare(t.Key, k) })
	if ok {
		(*ts)[i].Value = value
		return
	}
	*ts = slices.Insert(*ts, i, Tag{Key: key, Value: value})
}

func (ts *tagSet) remove(key string) {
	*ts = slices.DeleteFunc(*ts, func(t Tag) bool { return t.Key == key })
}

// matches reports whether ts has every filter: a key with an empty value
// matches any value.
func (ts tagSet) matches(filters []Tag) bool {
	for _, f := range filters {
		v, ok := ts.get(f.Key)
		if !ok || f.Value != "" && v != f.Value {
			return false
		}
	}
	return true
}

// tagged is one resource that takes tags.
type tagged struct {
	id    string
	tags  *tagSet
	group tagGroup // tagindex.go
}

// normalTagType returns the API spelling of a resource type, or "".
func normalTagType(t string) string {
	switch u := strings.ToUpper(t); u {
	case TagResourceTypeEIP, TagResourceTypeNatGateway, TagResourceTypeHaVip:
		return u
	}
	return ""
}

// taggedResource finds the caller's resource of type rtype in region; an
// unknown ID, another region's or another account's gives the type's
// not-found code.
func (s *Sim) taggedResource(c *call, region, rtype, id string) (tagged, *Error) {
	switch rtype {
	case TagResourceTypeEIP:
		e, ok := s.eipByID(id)
		if !ok || s.cfg.regions[e.region] != region || e.account != c.account {
			return tagged{}, c.err(CodeInvalidAllocationIDNotFound)
		}
		return tagged{id, &e.ext().tags, tagGroup{rtype, c.account, region}}, nil
	case TagResourceTypeNatGateway:
		g, ok := s.world.nats[id]
		if !ok || g.account != c.account || g.region != region {
			return tagged{}, c.err(CodeInvalidNatGatewayIDNotFound)
		}
		return tagged{id, &g.tags, tagGroup{rtype, c.account, region}}, nil
	default:
		h, ok := s.world.havips[id]
		if !ok || h.account != c.account || h.region != region {
			return tagged{}, c.err(CodeInvalidHaVipIDNotFound)
		}
		return tagged{id, &h.tags, tagGroup{rtype, c.account, region}}, nil
	}
}

// checkTagTarget checks what the three Actions share: RegionId,
// ResourceType, and ResourceId.N (required unless optional, at most 50,
// each existing). It returns the resources in request order.
func (s *Sim) checkTagTarget(c *call, region, rtype string, ids []string, optional bool) (string, []tagged, *Error) {
	if err := s.requireRegion(c, region); err != nil {
		return "", nil, err
	}
	if rtype == "" {
		return "", nil, c.missing("ResourceType")
	}
	t := normalTagType(rtype)
	if t == "" {
		return "", nil, c.invalid("ResourceType")
	}
	if len(ids) == 0 && !optional {
		return "", nil, c.missing("ResourceId.N")
	}
	if len(ids) > MaxTagResources {
		return "", nil, c.invalid("ResourceId.N")
	}
	var out []tagged
	for i, id := range ids {
		if id == "" {
			return "", nil, c.invalid("ResourceId." + strconv.Itoa(i+1))
		}
		r, err := s.taggedResource(c, region, t, id)
		if err != nil {
			return "", nil, err
		}
		if !slices.ContainsFunc(out, func(x tagged) bool { return x.id == id }) {
			out = append(out, r)
		}
	}
	return t, out, nil
}

// checkTagKey checks one tag key: present, at most 128 characters, not
// starting with aliyun or acs: (case-insensitive), no http:// or https://.
func (c *call) checkTagKey(key string) *Error {
	if key == "" {
		return c.err(CodeMissingParamTagKey)
	}
	l := strings.ToLower(key)
	if len([]rune(key)) > MaxTagKeyLength || strings.HasPrefix(l, "aliyun") || strings.HasPrefix(l, "acs:") || hasURLPrefix(l) {
		return c.err(CodeIllegalParamTagKey, "Tag.Key")
	}
	return nil
}

// checkTags checks the Tag.N of TagResources and AllocateEipAddress: at most
// 20, keys valid and distinct, values at most 128 characters and not
// starting with aliyun, acs:, http:// or https://.
func (c *call) checkTags(tags []Tag) *Error {
	if len(tags) > MaxTagsPerCall {
		return c.invalid("Tag.N")
	}
	for i, t := range tags {
		if err := c.checkTagKey(t.Key); err != nil {
			return err
		}
		l := strings.ToLower(t.Value)
		if len([]rune(t.Value)) > MaxTagValueLength || strings.HasPrefix(l, "aliyun") || strings.HasPrefix(l, "acs:") || hasURLPrefix(l) {
			return c.err(CodeIllegalParamTagValue, "Tag.Value")
		}
		for _, u := range tags[:i] {
			if u.Key == t.Key {
				return c.invalid("Tag." + strconv.Itoa(i+1) + ".Key")
			}
		}
	}
	return nil
}

// checkTagRoom refuses tags that would give a resource more than 20.
func (c *call) checkTagRoom(r tagged, tags []Tag) *Error {
	n := len(*r.tags)
	for _, t := range tags {
		if _, ok := r.tags.get(t.Key); !ok {
			n++
		}
	}
	if n > MaxTagsPerResource {
		return c.err(CodeQuotaExceededTagNum)
	}
	return nil
}

// TagResourcesRequest holds the TagResources parameters.
type TagResourcesRequest struct {
	RegionID     string   `wire:"RegionId"`
	ResourceType string   `wire:"ResourceType"`
	ResourceID   []string `wire:"ResourceId.N"`
	Tag          []Tag    `wire:"Tag.N"`
}

// TagResourcesResponse is TagResources's answer.
type TagResourcesResponse struct {
	RequestID string
}

// TagResources adds tags to resources, replacing the value of a key the
// resource already has. It changes all the resources or none.
func (s *Sim) TagResources(ctx context.Context, req TagResourcesRequest) (*TagResourcesResponse, error) {
	return serve(s, ctx, ActionTagResources, (*Sim).TagResources, req, first(req.ResourceID), (*Sim).tagResources)
}

func (s *Sim) tagResources(c *call, req TagResourcesRequest) (*TagResourcesResponse, *Error) {
	_, rs, err := s.checkTagTarget(c, req.RegionID, req.ResourceType, req.ResourceID, false)
	if err != nil {
		return nil, err
	}
	if len(req.Tag) == 0 {
		return nil, c.missing("Tag.N")
	}
	if err := c.checkTags(req.Tag); err != nil {
		return nil, err
	}
	for _, r := range rs {
		if err := c.checkTagRoom(r, req.Tag); err != nil {
			return nil, err
		}
	}
	s.ok(c, rs[0].id)
	for _, r := range rs {
		for _, t := range req.Tag {
			r.tags.set(t.Key, t.Value)
		}
		s.idx.tags.add(r) // keys only come: indexing them again is enough
	}
	return &TagResourcesResponse{RequestID: c.rid}, nil
}

// UnTagResourcesRequest holds the UnTagResources parameters.
type UnTagResourcesRequest struct {
	RegionID     string   `wire:"RegionId"`
	ResourceType string   `wire:"ResourceType"`
	ResourceID   []string `wire:"ResourceId.N"`
	TagKey       []string `wire:"TagKey.N"`
	// All removes every tag; it applies only when no TagKey.N is given.
	All bool `wire:"All"`
}

// UnTagResourcesResponse is UnTagResources's answer.
type UnTagResourcesResponse struct {
	RequestID string
}

// UnTagResources removes tags from resources: the keys TagKey.N (a key the
// resource lacks is no error), or all of them with All=true.
func (s *Sim) UnTagResources(ctx context.Context, req UnTagResourcesRequest) (*UnTagResourcesResponse, error) {
	return serve(s, ctx, ActionUnTagResources, (*Sim).UnTagResources, req, first(req.ResourceID), (*Sim).unTagResources)
}

func (s *Sim) unTagResources(c *call, req UnTagResourcesRequest) (*UnTagResourcesResponse, *Error) {
	_, rs, err := s.checkTagTarget(c, req.RegionID, req.ResourceType, req.ResourceID, false)
	if err != nil {
		return nil, err
	}
	if len(req.TagKey) > MaxTagsPerCall {
		return nil, c.invalid("TagKey.N")
	}
	for _, k := range req.TagKey {
		if k == "" {
			return nil, c.err(CodeMissingParamTagKey)
		}
	}
	if len(req.TagKey) == 0 && !req.All {
		return nil, c.missing("TagKey.N")
	}
	s.ok(c, rs[0].id)
	for _, r := range rs {
		s.idx.tags.remove(r)
		if len(req.TagKey) == 0 && !bugs.untagAllIgnored {
			*r.tags = nil
		}
		for _, k := range req.TagKey {
			r.tags.remove(k)
		}
		s.idx.tags.add(r)
	}
	return &UnTagResourcesResponse{RequestID: c.rid}, nil
}

// ListTagResourcesRequest holds the ListTagResources parameters. At least
// one of ResourceId.N and Tag.N is required.
type ListTagResourcesRequest struct {
	RegionID     string   `wire:"RegionId"`
	ResourceType string   `wire:"ResourceType"`
	ResourceID   []string `wire:"ResourceId.N"`
	// Tag filters: a resource must have every pair; an empty Value matches
	// any value of the key.
	Tag []Tag `wire:"Tag.N"`
	// MaxResults is 1-1000, 50 by default.
	MaxResults int    `wire:"MaxResults"`
	NextToken  string `wire:"NextToken"`
}

// TagResource is one tag of one resource in ListTagResources's answer.
type TagResource struct {
	ResourceID   string
	ResourceType string
	TagKey       string
	TagValue     string
}

// ListTagResourcesResponse is ListTagResources's answer: one item per tag,
// by resource ID then key. NextToken is "" on the last page.
type ListTagResourcesResponse struct {
	RequestID    string
	NextToken    string
	TagResources []TagResource
}

// Default and largest MaxResults of ListTagResources.
const (
	defaultListTagResults = 50
	maxListTagResults     = 1000
)

// ListTagResources lists the tags of the caller's resources.
func (s *Sim) ListTagResources(ctx context.Context, req ListTagResourcesRequest) (*ListTagResourcesResponse, error) {
	return serveRead(s, ctx, ActionListTagResources, (*Sim).ListTagResources, req, first(req.ResourceID), (*Sim).listTagResources)
}

func (s *Sim) listTagResources(c *call, req ListTagResourcesRequest) (*ListTagResourcesResponse, *Error) {
	t, rs, err := s.checkTagTarget(c, req.RegionID, req.ResourceType, req.ResourceID, true)
	if err != nil {
		return nil, err
	}
	if len(req.ResourceID) == 0 && len(req.Tag) == 0 {
		return nil, c.missing("ResourceId.N")
	}
	if len(req.Tag) > MaxTagsPerCall {
		return nil, c.invalid("Tag.N")
	}
	for _, f := range req.Tag {
		if f.Key == "" {
			return nil, c.err(CodeMissingParamTagKey)
		}
	}
	size := defaultListTagResults
	if req.MaxResults != 0 {
		if req.MaxResults < 1 || req.MaxResults > maxListTagResults {
			return nil, c.invalid("MaxResults")
		}
		size = req.MaxResults
	}
	start := 0
	if req.NextToken != "" {
		n, err := strconv.Atoi(req.NextToken)
		if err != nil || n < 1 || strconv.Itoa(n) != req.NextToken {
			return nil, c.invalid("NextToken")
		}
		start = n
	}
	if len(req.ResourceID) == 0 {
		return s.listTaggedByFilter(c, t, req, start, size)
	}
	slices.SortFunc(rs, func(a, b tagged) int { return strings.Compare(a.id, b.id) })
	var all []TagResource
	for _, r := range rs {
		if !r.tags.matches(req.Tag) {
			continue
		}
		for _, tg := range *r.tags {
			all = append(all, TagResource{ResourceID: r.id, ResourceType: t, TagKey: tg.Key, TagValue: tg.Value})
		}
	}
	if start > len(all) {
		return nil, c.invalid("NextToken")
	}
	s.ok(c, "")
	out := &ListTagResourcesResponse{RequestID: c.rid}
	end := min(start+size, len(all))
	out.TagResources = append([]TagResource(nil), all[start:end]...)
	if end < len(all) {
		out.NextToken = strconv.Itoa(end)
	}
	return out, nil
}

// listTaggedByFilter is ListTagResources without ResourceId.N: the items
// (one per tag, by resource ID then key) of the caller's resources of type
// t that have every Tag.N filter, from item start, at most size. It reads
// the tag index's tree of the rarest filter key, in order, and stops one
// item past the page: O(log N + start + size) in the resources with that
// key, never the whole population.
func (s *Sim) listTaggedByFilter(c *call, t string, req ListTagResourcesRequest, start, size int) (*ListTagResourcesResponse, *Error) {
	var items []TagResource
	pos, more := 0, false
	if tr := s.idx.tags.rarest(tagGroup{t, c.account, req.RegionID}, req.Tag); tr != nil {
		tr.Scan(func(r tagged) bool {
			if !r.tags.matches(req.Tag) {
				return true
			}
			for _, tg := range *r.tags {
				if pos-start == size {
					more = true
					return false
				}
				if pos >= start {
					items = append(items, TagResource{ResourceID: r.id, ResourceType: t, TagKey: tg.Key, TagValue: tg.Value})
				}
				pos++
			}
			return true
		})
	}
	if start > pos {
		return nil, c.invalid("NextToken")
	}
	s.ok(c, "")
	out := &ListTagResourcesResponse{RequestID: c.rid, TagResources: items}
	if more {
		out.NextToken = strconv.Itoa(start + len(items))
	}
	return out, nil
}

func first(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}
