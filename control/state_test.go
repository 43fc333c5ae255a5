package control_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// GET state spells its keys as the cloud does and shows tags and locks.
func TestStateJSONKeys(t *testing.T) {
	_, c := newServer(t)
	ctx := context.Background()
	setup := strings.Join([]string{
		"add-instance InstanceId=i-0001", "AllocateEipAddress RegionId=cn-hangzhou",
		"AssociateEipAddress AllocationId=eip-0001 InstanceId=i-0001",
		"lock AllocationId=eip-0001 LockReason=security",
		"add-nat-gateway NatGatewayId=ngw-0001", "add-havip HaVipId=havip-0001",
		"TagResources RegionId=cn-hangzhou ResourceType=EIP ResourceId.1=eip-0001 Tag.1.Key=team Tag.1.Value=web",
		"TagResources RegionId=cn-hangzhou ResourceType=NATGATEWAY ResourceId.1=ngw-0001 Tag.1.Key=env Tag.1.Value=prod",
		"TagResources RegionId=cn-hangzhou ResourceType=HAVIP ResourceId.1=havip-0001 Tag.1.Key=tier Tag.1.Value=db",
	}, "\n----\n\n") + "\n----\n"
	if out, err := c.RunScenario(ctx, []byte(setup)); err != nil || strings.Contains(out, "error") {
		t.Fatalf("setup: %q %v", out, err)
	}
	resp, err := http.Get(c.BaseURL + "/_eipsim/state")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var st struct {
		EIPs        []map[string]any `json:"eips"`
		Instances   []map[string]any `json:"instances"`
		NatGateways []map[string]any `json:"natGateways"`
		HaVips      []map[string]any `json:"haVips"`
	}
	if err := json.Unmarshal(body, &st); err != nil || len(st.EIPs) != 1 || len(st.NatGateways) != 1 || len(st.HaVips) != 1 {
		t.Fatalf("state: %s %v", body, err)
	}
	want := func(what string, m map[string]any, key string, v any) {
		t.Helper()
		got, _ := json.Marshal(m[key])
		wantJSON, _ := json.Marshal(v)
		if string(got) != string(wantJSON) {
			t.Errorf("%s %s = %s, want %s (object %v)", what, key, got, wantJSON, m)
		}
	}
	e := st.EIPs[0]
	want("EIP", e, "AllocationId", "eip-0001")
	want("EIP", e, "InstanceId", "i-0001")
	want("EIP", e, "Status", "Associating")
	want("EIP", e, "LockReasons", []string{"security"})
	want("EIP", e, "Tags", []map[string]string{{"Key": "team", "Value": "web"}})
	if ip, _ := e["IpAddress"].(string); ip == "" {
		t.Errorf("EIP IpAddress missing: %v", e)
	}
	want("instance", st.Instances[0], "InstanceId", "i-0001")
	want("instance", st.Instances[0], "AllocationId", "eip-0001")
	want("NAT gateway", st.NatGateways[0], "NatGatewayId", "ngw-0001")
	want("NAT gateway", st.NatGateways[0], "Tags", []map[string]string{{"Key": "env", "Value": "prod"}})
	want("HaVip", st.HaVips[0], "HaVipId", "havip-0001")
	want("HaVip", st.HaVips[0], "Tags", []map[string]string{{"Key": "tier", "Value": "db"}})
	for _, goName := range []string{"AllocationID", "InstanceID", "IPAddress", "NatGatewayID", "HaVipID", "VpcID"} {
		if strings.Contains(string(body), `"`+goName+`"`) {
			t.Errorf("state has the Go field name %q: %s", goName, body)
		}
	}
}
