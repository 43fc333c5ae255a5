package httpapi

import (
	"encoding/json"
	"fmt"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipsim/eipsim/eipsim"
)

// TestTerraformCallSequences drives the call sequences of
// terraform-provider-alicloud's alicloud_eip_address, alicloud_eip_association
// and data "alicloud_eip_addresses" (shared/reference/real-clients.md),
// signed as the provider signs (legacy HMAC-SHA1), and checks every field
// the provider reads, tags included.
func TestTerraformCallSequences(t *testing.T) {
	r := newContractRig(t, func(c *openapi.Config) { c.SignatureAlgorithm = tea.String("v2") })
	if err := r.sim.AddInstance(eipsim.Instance{InstanceID: "i-tf1", RegionID: "cn-hangzhou"}); err != nil {
		t.Fatal(err)
	}
	// alicloud_eip_address create: an empty InstanceId= is sent too.
	a := r.do("AllocateEipAddress", "Bandwidth", "5", "InternetChargeType", "PayByTraffic", "Name", "tf-eip",
		"ClientToken", "tf-token-1", "InstanceId", "")
	id := a.field(t, "AllocationId")
	// tags = {env = "prod", team = "web"}: TagResources after the create.
	r.do("TagResources", "ResourceType", "EIP", "ResourceId.1", id,
		"Tag.1.Key", "env", "Tag.1.Value", "prod", "Tag.2.Key", "team", "Tag.2.Value", "web")
	tagsOf := func(e *vpc.DescribeEipAddressesResponseBodyEipAddressesEipAddress) map[string]string {
		out := map[string]string{}
		if e == nil || e.Tags == nil {
			return nil
		}
		for _, tg := range e.Tags.Tag {
			out[tea.StringValue(tg.Key)] = tea.StringValue(tg.Value)
		}
		return out
	}
	item := func(kv ...string) (*vpc.DescribeEipAddressesResponseBodyEipAddressesEipAddress, map[string]any) {
		t.Helper()
		d := r.do("DescribeEipAddresses", append([]string{"AllocationId", id}, kv...)...)
		body := d.body.(*vpc.DescribeEipAddressesResponseBody)
		if body.EipAddresses == nil || len(body.EipAddresses.EipAddress) != 1 {
			return nil, nil
		}
		var raw struct {
			EipAddresses struct{ EipAddress []map[string]any }
		}
		if err := json.Unmarshal(d.raw, &raw); err != nil {
			t.Fatal(err)
		}
		return body.EipAddresses.EipAddress[0], raw.EipAddresses.EipAddress[0]
	}
	// read: every field the provider reads is present, the data ones filled.
	e, raw := item()
	if e == nil {
		t.Fatal("the new EIP is not listed")
	}
	for _, k := range []string{"Name", "EipBandwidth", "Bandwidth", "AllocationTime", "DeletionProtection", "Description",
		"InternetChargeType", "IpAddress", "ISP", "Mode", "Netmode", "ChargeType", "ResourceGroupId", "Status", "Zone",
		"SecurityProtectionTypes", "Tags", "AvailableRegions", "OperationLocks"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("read: no %s in the item", k)
		}
	}
	if tea.StringValue(e.Name) != "tf-eip" || tea.StringValue(e.Bandwidth) != "5" || tea.StringValue(e.EipBandwidth) != "5" ||
		tea.StringValue(e.InternetChargeType) != "PayByTraffic" || tea.StringValue(e.Status) != "Available" ||
		tea.StringValue(e.ChargeType) != "PostPaid" || tea.StringValue(e.AllocationTime) == "" || tea.StringValue(e.IpAddress) == "" ||
		e.SecurityProtectionTypes == nil || e.Tags == nil || e.OperationLocks == nil {
		t.Errorf("read: %s", tea.Prettify(e))
	}
	if got := tagsOf(e); len(got) != 2 || got["env"] != "prod" || got["team"] != "web" {
		t.Errorf("read: Tags.Tag[] = %v", got)
	}
	// tags changed to {env = "dev"}: UnTagResources of the removed key, then
	// TagResources of the changed one.
	r.do("UnTagResources", "ResourceType", "EIP", "ResourceId.1", id, "TagKey.1", "team")
	r.do("TagResources", "ResourceType", "EIP", "ResourceId.1", id, "Tag.1.Key", "env", "Tag.1.Value", "dev")
	if got := tagsOf(func() *vpc.DescribeEipAddressesResponseBodyEipAddressesEipAddress { e, _ := item(); return e }()); len(got) != 1 || got["env"] != "dev" {
		t.Errorf("after the tag change: Tags.Tag[] = %v", got)
	}
	// update: Bandwidth as a string.
	r.do("ModifyEipAddressAttribute", "AllocationId", id, "Bandwidth", "10")
	if e, _ := item(); e == nil || tea.StringValue(e.Bandwidth) != "10" {
		t.Errorf("after modify: %v", e)
	}
	// alicloud_eip_association create: InstanceId is shown already while Associating.
	r.do("AssociateEipAddress", "AllocationId", id, "InstanceId", "i-tf1", "InstanceType", "EcsInstance", "ClientToken", "tf-assoc")
	if e, _ := item(); e == nil || tea.StringValue(e.InstanceId) != "i-tf1" {
		t.Errorf("while associating: %v", e)
	}
	r.settle()
	if e, _ := item(); e == nil || tea.StringValue(e.Status) != "InUse" || tea.StringValue(e.InstanceType) != "EcsInstance" {
		t.Errorf("after associate: %v", e)
	}
	// data "alicloud_eip_addresses": page 1 of 50; AvailableRegions.AvailableRegion
	// must be there (the provider crashes on a nil map without it).
	list := r.do("DescribeEipAddresses", "PageNumber", "1", "PageSize", "50")
	var ds struct {
		EipAddresses struct {
			EipAddress []struct {
				AvailableRegions *struct{ AvailableRegion []string }
				Bandwidth        *string
				ChargeType       *string
				OperationLocks   *struct{ LockReason []any }
			}
		}
	}
	if err := json.Unmarshal(list.raw, &ds); err != nil || len(ds.EipAddresses.EipAddress) != 1 {
		t.Fatalf("data source: %v %s", err, list.raw)
	}
	for _, it := range ds.EipAddresses.EipAddress {
		if it.AvailableRegions == nil || len(it.AvailableRegions.AvailableRegion) == 0 || it.Bandwidth == nil ||
			it.ChargeType == nil || it.OperationLocks == nil || it.OperationLocks.LockReason == nil {
			t.Errorf("data source item: %s", list.raw)
		}
	}
	// enable_details = true: ListTagResources by ResourceId.N, followed
	// through NextToken.
	second := r.do("AllocateEipAddress", "Tag.1.Key", "env", "Tag.1.Value", "test").field(t, "AllocationId")
	var details []string
	token := ""
	for range 5 {
		kv := []string{"ResourceType", "EIP", "ResourceId.1", id, "ResourceId.2", second, "MaxResults", "1"}
		if token != "" {
			kv = append(kv, "NextToken", token)
		}
		body := r.do("ListTagResources", kv...).body.(*vpc.ListTagResourcesResponseBody)
		if body.TagResources == nil {
			t.Fatalf("ListTagResources: no TagResources")
		}
		for _, tr := range body.TagResources.TagResource {
			details = append(details, tea.StringValue(tr.ResourceId)+" "+tea.StringValue(tr.ResourceType)+" "+
				tea.StringValue(tr.TagKey)+"="+tea.StringValue(tr.TagValue))
		}
		if token = tea.StringValue(body.NextToken); token == "" {
			break
		}
	}
	want := []string{id + " EIP env=dev", second + " EIP env=test"}
	if second < id {
		want[0], want[1] = want[1], want[0]
	}
	if fmt.Sprint(details) != fmt.Sprint(want) {
		t.Errorf("enable_details: %v, want %v", details, want)
	}
	r.do("ReleaseEipAddress", "AllocationId", second)
	// alicloud_eip_association delete, then alicloud_eip_address delete.
	r.do("UnassociateEipAddress", "AllocationId", id, "InstanceId", "i-tf1", "InstanceType", "EcsInstance", "ClientToken", "tf-unassoc")
	r.settle()
	if e, _ := item("AssociatedInstanceId", "i-tf1"); e != nil {
		t.Errorf("still shows the instance: %v", e)
	}
	r.do("ReleaseEipAddress", "AllocationId", id)
	r.settle()
	if e, _ := item(); e != nil {
		t.Errorf("released EIP still listed: %v", e)
	}
}
