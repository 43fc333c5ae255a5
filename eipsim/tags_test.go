package eipsim_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

func tagParams(kv ...string) eipsim.Params {
	p := eipsim.Params{}
	for i := 0; i+1 < len(kv); i += 2 {
		p[kv[i]] = kv[i+1]
	}
	return p
}

func listTags(t *testing.T, sim *eipsim.Sim, req eipsim.ListTagResourcesRequest) []eipsim.TagResource {
	t.Helper()
	if req.RegionID == "" {
		req.RegionID = hz
	}
	if req.ResourceType == "" {
		req.ResourceType = "EIP"
	}
	r, err := sim.ListTagResources(ctx, req)
	mustOK(t, err)
	return r.TagResources
}

func tagsString(rs []eipsim.TagResource) string {
	var b []string
	for _, r := range rs {
		b = append(b, r.ResourceID+"/"+r.ResourceType+":"+r.TagKey+"="+r.TagValue)
	}
	return strings.Join(b, " ")
}

func sorted2(a, b string) (string, string) {
	if b < a {
		return b, a
	}
	return a, b
}

func TestTagResourcesThroughCall(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	a, b := sorted2(alloc(t, sim, hz), alloc(t, sim, hz))
	_, err := sim.Call(ctx, eipsim.ActionTagResources, tagParams("RegionId", hz, "ResourceType", "eip",
		"ResourceId.1", b, "ResourceId.2", a, "Tag.1.Key", "z", "Tag.1.Value", "1", "Tag.2.Key", "a", "Tag.2.Value", ""))
	mustOK(t, err)
	got := tagsString(listTags(t, sim, eipsim.ListTagResourcesRequest{ResourceID: []string{b, a}}))
	want := fmt.Sprintf("%[1]s/EIP:a= %[1]s/EIP:z=1 %[2]s/EIP:a= %[2]s/EIP:z=1", a, b)
	if got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	// Replacing a value, removing one key, then All.
	_, err = sim.TagResources(ctx, eipsim.TagResourcesRequest{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}, Tag: []eipsim.Tag{{Key: "z", Value: "2"}}})
	mustOK(t, err)
	_, err = sim.Call(ctx, eipsim.ActionUnTagResources, tagParams("RegionId", hz, "ResourceType", "EIP", "ResourceId.1", a, "TagKey.1", "a", "TagKey.2", "absent"))
	mustOK(t, err)
	if got := tagsString(listTags(t, sim, eipsim.ListTagResourcesRequest{ResourceID: []string{a}})); got != a+"/EIP:z=2" {
		t.Fatal(got)
	}
	_, err = sim.Call(ctx, eipsim.ActionUnTagResources, tagParams("RegionId", hz, "ResourceType", "EIP", "ResourceId.1", b, "All", "true"))
	mustOK(t, err)
	if got := listTags(t, sim, eipsim.ListTagResourcesRequest{ResourceID: []string{b}}); len(got) != 0 {
		t.Fatal(got)
	}
}

func TestTagListDecoding(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	a := alloc(t, sim, hz)
	base := []string{"RegionId", hz, "ResourceType", "EIP", "Tag.1.Key", "k"}
	for _, tt := range []struct {
		name string
		kv   []string
		bad  string
	}{
		{"leading zero", []string{"ResourceId.01", a}, "ResourceId.01"},
		{"index 0", []string{"ResourceId.0", a}, "ResourceId.0"},
		{"index 51", []string{"ResourceId.51", a}, "ResourceId.51"},
		{"negative", []string{"ResourceId.-1", a}, "ResourceId.-1"},
		{"gap", []string{"ResourceId.1", a, "ResourceId.3", a}, "ResourceId.3"},
		{"sub on a plain list", []string{"ResourceId.1.Key", a}, "ResourceId.1.Key"},
		{"bare Tag.N", []string{"ResourceId.1", a, "Tag.2", "x"}, "Tag.2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sim.Call(ctx, eipsim.ActionTagResources, tagParams(append(append([]string{}, base...), tt.kv...)...))
			wantErr(t, err, eipsim.CodeInvalidParameter, 400, invalidMsg(tt.bad))
		})
	}
	ps, _ := eipsim.ActionParams(eipsim.ActionTagResources)
	if got := strings.Join(ps, " "); got != "RegionId ResourceType ResourceId.N Tag.N.Key Tag.N.Value" {
		t.Fatal(got)
	}
	for key, want := range map[string]string{"Tag.3.Key": "Tag.N.Key", "ResourceId.50": "ResourceId.N", "ResourceId.51": "ResourceId.51", "RegionId": "RegionId", "Tag.01.Key": "Tag.01.Key"} {
		if got := eipsim.ParamPattern(key); got != want {
			t.Errorf("ParamPattern(%s) = %s, want %s", key, got, want)
		}
	}
}

func TestTagLimitsAndCodes(t *testing.T) {
	type req = eipsim.TagResourcesRequest
	sim, _ := eipsimtest.New(t)
	a := alloc(t, sim, hz)
	other, err := sim.AllocateEipAddress(eipsim.WithAccount(ctx, "other"), eipsim.AllocateEipAddressRequest{RegionID: hz})
	mustOK(t, err)
	tags := func(n int, prefix string) []eipsim.Tag {
		var out []eipsim.Tag
		for i := range n {
			out = append(out, eipsim.Tag{Key: fmt.Sprintf("%s%02d", prefix, i), Value: "v"})
		}
		return out
	}
	ids := func(n int) []string {
		var out []string
		for range n {
			out = append(out, a)
		}
		return out
	}
	one := []eipsim.Tag{{Key: "k", Value: "v"}}
	illegalKey, illegalValue := "The param of Tag.Key is illegal.", "The param of Tag.Value is illegal."
	for _, tt := range []struct {
		name   string
		req    req
		code   eipsim.Code
		status int
		msg    string
	}{
		{"no region", req{ResourceType: "EIP", ResourceID: []string{a}, Tag: one}, eipsim.CodeMissingParameter, 400, missingMsg("RegionId")},
		{"no type", req{RegionID: hz, ResourceID: []string{a}, Tag: one}, eipsim.CodeMissingParameter, 400, missingMsg("ResourceType")},
		{"bad type", req{RegionID: hz, ResourceType: "VPC", ResourceID: []string{a}, Tag: one}, eipsim.CodeInvalidParameter, 400, invalidMsg("ResourceType")},
		{"no resource", req{RegionID: hz, ResourceType: "EIP", Tag: one}, eipsim.CodeMissingParameter, 400, missingMsg("ResourceId.N")},
		{"51 resources", req{RegionID: hz, ResourceType: "EIP", ResourceID: ids(51), Tag: one}, eipsim.CodeInvalidParameter, 400, invalidMsg("ResourceId.N")},
		{"no tags", req{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}}, eipsim.CodeMissingParameter, 400, missingMsg("Tag.N")},
		{"21 tags", req{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}, Tag: tags(21, "k")}, eipsim.CodeInvalidParameter, 400, invalidMsg("Tag.N")},
		{"empty key", req{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}, Tag: []eipsim.Tag{{Value: "v"}}}, eipsim.CodeMissingParamTagKey, 400, "The parameter TagKey is mandatory."},
		{"key of 129", req{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}, Tag: []eipsim.Tag{{Key: strings.Repeat("k", 129)}}}, eipsim.CodeIllegalParamTagKey, 400, illegalKey},
		{"aliyun key", req{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}, Tag: []eipsim.Tag{{Key: "aliyunX"}}}, eipsim.CodeIllegalParamTagKey, 400, illegalKey},
		{"acs: key", req{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}, Tag: []eipsim.Tag{{Key: "ACS:x"}}}, eipsim.CodeIllegalParamTagKey, 400, illegalKey},
		{"value of 129", req{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}, Tag: []eipsim.Tag{{Key: "k", Value: strings.Repeat("v", 129)}}}, eipsim.CodeIllegalParamTagValue, 400, illegalValue},
		{"duplicate key", req{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}, Tag: []eipsim.Tag{{Key: "k"}, {Key: "k"}}}, eipsim.CodeInvalidParameter, 400, invalidMsg("Tag.2.Key")},
		{"unknown EIP", req{RegionID: hz, ResourceType: "EIP", ResourceID: []string{"eip-nope"}, Tag: one}, eipsim.CodeInvalidAllocationIDNotFound, 404, msgNotFound},
		{"other account", req{RegionID: hz, ResourceType: "EIP", ResourceID: []string{other.AllocationID}, Tag: one}, eipsim.CodeInvalidAllocationIDNotFound, 404, msgNotFound},
		{"unknown NAT", req{RegionID: hz, ResourceType: "NATGATEWAY", ResourceID: []string{"ngw-nope"}, Tag: one}, eipsim.CodeInvalidNatGatewayIDNotFound, 404, "The specified NatGatewayId does not exist."},
		{"unknown HaVip", req{RegionID: hz, ResourceType: "HAVIP", ResourceID: []string{"havip-nope"}, Tag: one}, eipsim.CodeInvalidHaVipIDNotFound, 404, "The specified HaVipId does not exist."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sim.TagResources(ctx, tt.req)
			wantErr(t, err, tt.code, tt.status, tt.msg)
		})
	}
	// 20 tags fit (50 resources, the same one repeated, are one resource);
	// a 21st new key does not, an existing key's new value does.
	_, err = sim.TagResources(ctx, req{RegionID: hz, ResourceType: "EIP", ResourceID: ids(50), Tag: tags(20, "k")})
	mustOK(t, err)
	_, err = sim.TagResources(ctx, req{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}, Tag: []eipsim.Tag{{Key: "new"}}})
	wantErr(t, err, eipsim.CodeQuotaExceededTagNum, 400, "The number of tags on the resource exceeds the limit of 20.")
	_, err = sim.TagResources(ctx, req{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}, Tag: []eipsim.Tag{{Key: "k00", Value: "w"}}})
	mustOK(t, err)
	// The other account sees none of them.
	r, err := sim.ListTagResources(eipsim.WithAccount(ctx, "other"), eipsim.ListTagResourcesRequest{RegionID: hz, ResourceType: "EIP", Tag: []eipsim.Tag{{Key: "k00"}}})
	mustOK(t, err)
	if len(r.TagResources) != 0 {
		t.Fatal(r.TagResources)
	}
	_, err = sim.UnTagResources(ctx, eipsim.UnTagResourcesRequest{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}})
	wantErr(t, err, eipsim.CodeMissingParameter, 400, missingMsg("TagKey.N"))
}

func TestListTagResourcesPagingAndFilters(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	ids := []string{alloc(t, sim, hz), alloc(t, sim, hz), alloc(t, sim, hz)}
	slices.Sort(ids)
	a, b, c := ids[0], ids[1], ids[2]
	tag := func(id string, kv ...string) {
		var ts []eipsim.Tag
		for i := 0; i+1 < len(kv); i += 2 {
			ts = append(ts, eipsim.Tag{Key: kv[i], Value: kv[i+1]})
		}
		_, err := sim.TagResources(ctx, eipsim.TagResourcesRequest{RegionID: hz, ResourceType: "EIP", ResourceID: []string{id}, Tag: ts})
		mustOK(t, err)
	}
	tag(c, "env", "prod", "team", "x")
	tag(a, "env", "dev")
	tag(b, "env", "prod")
	if got := tagsString(listTags(t, sim, eipsim.ListTagResourcesRequest{Tag: []eipsim.Tag{{Key: "env", Value: "prod"}}})); got != b+"/EIP:env=prod "+c+"/EIP:env=prod "+c+"/EIP:team=x" {
		t.Fatal(got)
	}
	if got := tagsString(listTags(t, sim, eipsim.ListTagResourcesRequest{Tag: []eipsim.Tag{{Key: "env"}, {Key: "team"}}})); got != c+"/EIP:env=prod "+c+"/EIP:team=x" {
		t.Fatal(got)
	}
	// Pages of 2 over 4 items, in order, then the end.
	var seen []eipsim.TagResource
	token := ""
	for range 5 {
		r, err := sim.ListTagResources(ctx, eipsim.ListTagResourcesRequest{RegionID: hz, ResourceType: "EIP", ResourceID: []string{c, b, a}, MaxResults: 2, NextToken: token})
		mustOK(t, err)
		if len(r.TagResources) > 2 {
			t.Fatal(r.TagResources)
		}
		seen = append(seen, r.TagResources...)
		if token = r.NextToken; token == "" {
			break
		}
	}
	if got := tagsString(seen); got != a+"/EIP:env=dev "+b+"/EIP:env=prod "+c+"/EIP:env=prod "+c+"/EIP:team=x" {
		t.Fatal(got)
	}
	for _, tt := range []struct {
		name string
		req  eipsim.ListTagResourcesRequest
		code eipsim.Code
		msg  string
	}{
		{"neither ids nor tags", eipsim.ListTagResourcesRequest{}, eipsim.CodeMissingParameter, missingMsg("ResourceId.N")},
		{"MaxResults 1001", eipsim.ListTagResourcesRequest{ResourceID: []string{a}, MaxResults: 1001}, eipsim.CodeInvalidParameter, invalidMsg("MaxResults")},
		{"MaxResults -1", eipsim.ListTagResourcesRequest{ResourceID: []string{a}, MaxResults: -1}, eipsim.CodeInvalidParameter, invalidMsg("MaxResults")},
		{"bad token", eipsim.ListTagResourcesRequest{ResourceID: []string{a}, NextToken: "x"}, eipsim.CodeInvalidParameter, invalidMsg("NextToken")},
		{"token past the end", eipsim.ListTagResourcesRequest{ResourceID: []string{a}, NextToken: "9"}, eipsim.CodeInvalidParameter, invalidMsg("NextToken")},
		{"value without key", eipsim.ListTagResourcesRequest{Tag: []eipsim.Tag{{Value: "v"}}}, eipsim.CodeMissingParamTagKey, "The parameter TagKey is mandatory."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.RegionID, tt.req.ResourceType = hz, "EIP"
			_, err := sim.ListTagResources(ctx, tt.req)
			wantErr(t, err, tt.code, 400, tt.msg)
		})
	}
}

func TestTagsDieWithTheResource(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	a := alloc(t, sim, hz)
	_, err := sim.TagResources(ctx, eipsim.TagResourcesRequest{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}, Tag: []eipsim.Tag{{Key: "k", Value: "v"}}})
	mustOK(t, err)
	mustOK(t, release(sim, a))
	clk.Advance(eipsim.DefaultReleaseDelay * 2)
	_, err = sim.ListTagResources(ctx, eipsim.ListTagResourcesRequest{RegionID: hz, ResourceType: "EIP", ResourceID: []string{a}})
	wantErr(t, err, eipsim.CodeInvalidAllocationIDNotFound, 404, msgNotFound)
	if got := listTags(t, sim, eipsim.ListTagResourcesRequest{Tag: []eipsim.Tag{{Key: "k"}}}); len(got) != 0 {
		t.Fatal(got)
	}
}

func TestTagNatGatewayAndHaVip(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	mustOK(t, sim.AddNatGateway(eipsim.NatGateway{NatGatewayID: "ngw-t"}))
	mustOK(t, sim.AddHaVip(eipsim.HaVip{HaVipID: "havip-t"}))
	for typ, id := range map[string]string{"NATGATEWAY": "ngw-t", "HaVip": "havip-t"} {
		_, err := sim.TagResources(ctx, eipsim.TagResourcesRequest{RegionID: hz, ResourceType: typ, ResourceID: []string{id}, Tag: []eipsim.Tag{{Key: "k", Value: typ}}})
		mustOK(t, err)
	}
	if got := tagsString(listTags(t, sim, eipsim.ListTagResourcesRequest{ResourceType: "natgateway", Tag: []eipsim.Tag{{Key: "k"}}})); got != "ngw-t/NATGATEWAY:k=NATGATEWAY" {
		t.Fatal(got)
	}
	if got := tagsString(listTags(t, sim, eipsim.ListTagResourcesRequest{ResourceType: "HAVIP", ResourceID: []string{"havip-t"}})); got != "havip-t/HAVIP:k=HaVip" {
		t.Fatal(got)
	}
}

func TestAllocateWithTagsAndDescribeFilter(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	tagged, err := sim.Call(ctx, eipsim.ActionAllocateEipAddress, tagParams("RegionId", hz, "Tag.1.Key", "env", "Tag.1.Value", "prod", "Tag.2.Key", "app", "Tag.2.Value", "web"))
	mustOK(t, err)
	id := tagged.(*eipsim.AllocateEipAddressResponse).AllocationID
	alloc(t, sim, hz)
	_, err = sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz, Tag: []eipsim.Tag{{Key: "aliyun-x"}}})
	wantErr(t, err, eipsim.CodeIllegalParamTagKey, 400, "The param of Tag.Key is illegal.")
	for _, tt := range []struct {
		filter []eipsim.Tag
		want   int
	}{
		{nil, 2},
		{[]eipsim.Tag{{Key: "env", Value: "prod"}}, 1},
		{[]eipsim.Tag{{Key: "env"}, {Key: "app", Value: "web"}}, 1},
		{[]eipsim.Tag{{Key: "env", Value: "dev"}}, 0},
		{[]eipsim.Tag{{Key: "nope"}}, 0},
	} {
		r, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: hz, Tag: tt.filter})
		mustOK(t, err)
		if len(r.EipAddresses) != tt.want {
			t.Errorf("filter %v: %d EIPs, want %d", tt.filter, len(r.EipAddresses), tt.want)
		}
		if tt.want == 1 {
			e := r.EipAddresses[0]
			if e.AllocationID != id || fmt.Sprint(e.Tags) != "[{app web} {env prod}]" {
				t.Errorf("filter %v: %+v", tt.filter, e)
			}
		}
	}
	_, err = sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: hz, Tag: []eipsim.Tag{{Value: "x"}}})
	wantErr(t, err, eipsim.CodeMissingParamTagKey, 400, "The parameter TagKey is mandatory.")
}

// FuzzTagCall: any parameters of the tag Actions, given through Call, are
// answered or refused with a catalogue error, never a panic, and leave
// every EIP with at most 20 tags, sorted by key and distinct.
func FuzzTagCall(f *testing.F) {
	f.Add("ResourceId.1=eip-0001&Tag.1.Key=k&Tag.1.Value=v")
	f.Add("ResourceId.1=eip-0001&ResourceId.2=eip-0001&Tag.2.Key=k&Tag.1.Key=j")
	f.Add("ResourceId.01=eip-0001&Tag.1.Key=aliyun&TagKey.1=k&All=true&MaxResults=1&NextToken=1")
	f.Add("ResourceId.50=x&Tag.20.Key=&Tag.1.Value=v&Tag.1.Key.x=1&Tag.1=2")
	f.Fuzz(func(t *testing.T, q string) {
		sim, err := eipsim.New(eipsim.WithAllocationIDs("eip-0001", "eip-0002"))
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			_, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: hz})
			mustOK(t, err)
		}
		p := eipsim.Params{"RegionId": hz, "ResourceType": "EIP"}
		for _, kv := range strings.Split(q, "&") {
			k, v, _ := strings.Cut(kv, "=")
			p[k] = v
		}
		for _, a := range []eipsim.Action{eipsim.ActionTagResources, eipsim.ActionListTagResources, eipsim.ActionUnTagResources,
			eipsim.ActionAllocateEipAddress, eipsim.ActionDescribeEipAddresses} {
			if _, err := sim.Call(ctx, a, p); err != nil {
				var e *eipsim.Error
				if !errors.As(err, &e) || e.Code == "" || e.HTTPStatus == 0 {
					t.Fatalf("%s: %v", a, err)
				}
			}
		}
		r, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: hz, PageSize: 100})
		mustOK(t, err)
		for _, e := range r.EipAddresses {
			if len(e.Tags) > eipsim.MaxTagsPerResource {
				t.Fatalf("%s has %d tags", e.AllocationID, len(e.Tags))
			}
			for i := 1; i < len(e.Tags); i++ {
				if e.Tags[i-1].Key >= e.Tags[i].Key {
					t.Fatalf("%s: tags not sorted and distinct: %v", e.AllocationID, e.Tags)
				}
			}
		}
	})
}
