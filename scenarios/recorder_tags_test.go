package scenarios

import (
	"context"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/simclock"
)

// TestRecordReplayTags: tag calls, typed and through Call, are recorded
// with their repeated parameters and replay to the same answers.
func TestRecordReplayTags(t *testing.T) {
	clk := simclock.New()
	rec := NewRecorder()
	sim, err := eipsim.New(eipsim.WithClock(clk), rec.Option(), eipsim.WithAllocationIDs("eip-0001", "eip-0002"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, err = sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou", Tag: []eipsim.Tag{{Key: "env", Value: "prod"}}})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = sim.Call(ctx, eipsim.ActionAllocateEipAddress, eipsim.Params{"RegionId": "cn-hangzhou"})
	_, err = sim.TagResources(ctx, eipsim.TagResourcesRequest{RegionID: "cn-hangzhou", ResourceType: "EIP",
		ResourceID: []string{"eip-0001", "eip-0002"}, Tag: []eipsim.Tag{{Key: "team", Value: "web"}, {Key: "cost"}}})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = sim.Call(ctx, eipsim.ActionUnTagResources, eipsim.Params{"RegionId": "cn-hangzhou", "ResourceType": "EIP", "ResourceId.1": "eip-0002", "TagKey.1": "team"})
	_, _ = sim.Call(ctx, eipsim.ActionTagResources, eipsim.Params{"RegionId": "cn-hangzhou", "ResourceType": "EIP", "ResourceId.1": "eip-0002", "Tag.1.Key": "aliyun"})
	_, _ = sim.ListTagResources(ctx, eipsim.ListTagResourcesRequest{RegionID: "cn-hangzhou", ResourceType: "EIP", Tag: []eipsim.Tag{{Key: "cost"}}, MaxResults: 2})
	_, _ = sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou", Tag: []eipsim.Tag{{Key: "env", Value: "prod"}}})
	src := rec.Bytes()
	for _, want := range []string{
		"AllocateEipAddress RegionId=cn-hangzhou Tag.1.Key=env Tag.1.Value=prod\n",
		"TagResources RegionId=cn-hangzhou ResourceType=EIP ResourceId.1=eip-0001 ResourceId.2=eip-0002 Tag.1.Key=team Tag.1.Value=web Tag.2.Key=cost\n----\nok\n",
		"UnTagResources RegionId=cn-hangzhou ResourceType=EIP ResourceId.1=eip-0002 TagKey.1=team\n----\nok\n",
		"error 400 IllegalParam.TagKey: ",
		"ListTagResources RegionId=cn-hangzhou ResourceType=EIP Tag.1.Key=cost MaxResults=2\n----\nNextToken=2\n",
		"DescribeEipAddresses RegionId=cn-hangzhou Tag.1.Key=env Tag.1.Value=prod\n",
		"Tags=(cost=, env=prod, team=web)",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the recording lacks %q:\n%s", want, src)
		}
	}
	requireReplays(t, "tags.txt", src)
}
