package httpapi

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
)

// plantInShape replaces action's wire shape, for the rest of the test,
// with one that edits every object holding key: rename it to newKey,
// or remove it when newKey is "".
func plantInShape(t *testing.T, action eipsim.Action, key, newKey string) {
	orig := wireShapes[action]
	t.Cleanup(func() { wireShapes[action] = orig })
	wireShapes[action] = func(resp any) (any, bool) {
		w, ok := orig(resp)
		if !ok {
			return nil, false
		}
		b, _ := json.Marshal(w)
		var v any
		_ = json.Unmarshal(b, &v)
		editKey(v, key, newKey)
		return v, true
	}
}

// editKey edits every object of v holding key.
func editKey(v any, key, newKey string) {
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			editKey(e, key, newKey)
		}
		if e, ok := x[key]; ok {
			delete(x, key)
			if newKey != "" {
				x[newKey] = e
			}
		}
	case []any:
		for _, e := range x {
			editKey(e, key, newKey)
		}
	}
}

// TestWireContractCatchesPlantedMistakes: a field renamed (in name or only
// in case) or removed in one shape makes the contract check fail, naming
// the field.
func TestWireContractCatchesPlantedMistakes(t *testing.T) {
	for _, tc := range []struct {
		action      eipsim.Action
		key, newKey string
		want        string
	}{
		{eipsim.ActionDescribeNatGateways, "SnatTableIds", "SnatTableId", "NatGateways.NatGateway[].SnatTableId: not in the SDK model"},
		{eipsim.ActionDescribeNatGateways, "IpLists", "AllocationIds", "NatGateways.NatGateway[].AllocationIds: not in the SDK model"},
		{eipsim.ActionDescribeHaVips, "associatedInstance", "AssociatedInstance", "AssociatedInstances.AssociatedInstance: not in the SDK model"},
		{eipsim.ActionDescribeNatGateways, "NatType", "", "NatGateways.NatGateway[].NatType: empty in the SDK model"},
		{eipsim.ActionDescribeEipAddresses, "Bandwidth", "", "EipAddresses.EipAddress[].Bandwidth: empty in the SDK model"},
		{eipsim.ActionDescribeForwardTableEntries, "ExternalIp", "ExternalIP", "ForwardTableEntry[].ExternalIP: not in the SDK model"},
		{eipsim.ActionDescribeSnatTableEntries, "TotalCount", "", "TotalCount: empty in the SDK model"},
	} {
		t.Run(string(tc.action)+"/"+tc.key, func(t *testing.T) {
			plantInShape(t, tc.action, tc.key, tc.newKey)
			var found []string
			for _, a := range driveAll(t) {
				if a.action == string(tc.action) {
					found = append(found, contractProblems(a)...)
				}
			}
			for _, p := range found {
				if strings.Contains(p, tc.want) {
					return
				}
			}
			t.Errorf("planted %s -> %q in %s: the contract check did not report %q; it reported %q",
				tc.key, tc.newKey, tc.action, tc.want, found)
		})
	}
}

// TestActionWithoutShape: an Action served without a written shape is
// answered InternalError, never a guessed shape.
func TestActionWithoutShape(t *testing.T) {
	orig := wireShapes[eipsim.ActionAllocateEipAddress]
	t.Cleanup(func() { wireShapes[eipsim.ActionAllocateEipAddress] = orig })
	delete(wireShapes, eipsim.ActionAllocateEipAddress)
	r := newContractRig(t)
	_, raw, err := r.call("AllocateEipAddress", map[string]string{"RegionId": "cn-hangzhou"})
	if err == nil || !strings.Contains(string(raw), `"Code":"InternalError"`) {
		t.Errorf("no shape: %v %s", err, raw)
	}
}
