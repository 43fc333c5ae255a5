package httpapi

import "github.com/eipsim/eipsim/eipsim"

// The tag Actions' shapes, after the SDK's ListTagResourcesResponseBody
// (TagResources and UnTagResources answer RequestId alone).

type listTagResourcesResponse struct {
	RequestID    string `json:"RequestId"`
	NextToken    string `json:"NextToken"`
	TagResources struct {
		TagResource []tagResourceItem `json:"TagResource"`
	} `json:"TagResources"`
}

type tagResourceItem struct {
	ResourceID   string `json:"ResourceId"`
	ResourceType string `json:"ResourceType"`
	TagKey       string `json:"TagKey"`
	TagValue     string `json:"TagValue"`
}

func listTagResourcesWire(r *eipsim.ListTagResourcesResponse) *listTagResourcesResponse {
	out := &listTagResourcesResponse{RequestID: r.RequestID, NextToken: r.NextToken}
	out.TagResources.TagResource = make([]tagResourceItem, 0, len(r.TagResources))
	for _, t := range r.TagResources {
		out.TagResources.TagResource = append(out.TagResources.TagResource,
			tagResourceItem{ResourceID: t.ResourceID, ResourceType: t.ResourceType, TagKey: t.TagKey, TagValue: t.TagValue})
	}
	return out
}

// tagsWire is the Tags.Tag[] list of a DescribeEipAddresses item.
func tagsWire(ts []eipsim.Tag) []tag {
	out := make([]tag, 0, len(ts))
	for _, t := range ts {
		out = append(out, tag{Key: t.Key, Value: t.Value})
	}
	return out
}
