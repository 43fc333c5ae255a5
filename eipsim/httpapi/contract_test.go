package httpapi

import (
	"errors"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// contractRig calls the Sim through the official SDK and keeps the raw
// body of each answer.
type contractRig struct {
	t    *testing.T
	sim  *eipsim.Sim
	clk  *eipsimtest.Clock
	c    *vpc.Client
	last []byte
}

func newContractRig(t *testing.T, edits ...func(*openapi.Config)) *contractRig {
	sim, clk := eipsimtest.New(t)
	r := &contractRig{t: t, sim: sim, clk: clk}
	h := NewHandler(sim, WithCredentials(DefaultCredential()), WithTimestampCheck(false))
	tee := http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		r.last = rec.Body.Bytes()
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
	})
	c, err := newInProcessClient(tee, DefaultCredential(), edits)
	if err != nil {
		t.Fatal(err)
	}
	r.c = c
	return r
}

// call runs action through the SDK's typed method, with the request
// fields named by wire name; it returns the decoded body model and the
// raw answer.
func (r *contractRig) call(action string, params map[string]string) (any, []byte, error) {
	m := reflect.ValueOf(r.c).MethodByName(action)
	if !m.IsValid() {
		r.t.Fatalf("the SDK has no method %s", action)
	}
	req := reflect.New(m.Type().In(0).Elem())
	for _, k := range slices.Sorted(maps.Keys(params)) { // Name.1 before Name.2
		setField(r.t, req.Elem(), k, params[k])
	}
	out := m.Call([]reflect.Value{req})
	if err, _ := out[1].Interface().(error); err != nil {
		return nil, r.last, err
	}
	return out[0].Elem().FieldByName("Body").Interface(), r.last, nil
}

// setField sets the request field whose json tag is name. A repeated
// parameter Name.N (a []*string) or Name.N.Sub (a slice of structs) sets
// item N, which must be the next one or an existing one.
func setField(t *testing.T, v reflect.Value, name, val string) {
	if base, rest, ok := strings.Cut(name, "."); ok {
		num, sub, _ := strings.Cut(rest, ".")
		n, err := strconv.Atoi(num)
		f := v.FieldByName(base)
		if err != nil || n < 1 || !f.IsValid() || f.Kind() != reflect.Slice || n > f.Len()+1 {
			t.Fatalf("%s: no repeated request field for %s", v.Type(), name)
		}
		if n == f.Len()+1 {
			f.Set(reflect.Append(f, reflect.New(f.Type().Elem().Elem())))
		}
		item := f.Index(n - 1)
		if sub == "" {
			item.Elem().SetString(val)
			return
		}
		setField(t, item.Elem(), sub, val)
		return
	}
	for i := range v.NumField() {
		if strings.Split(v.Type().Field(i).Tag.Get("json"), ",")[0] != name {
			continue
		}
		f := v.Field(i)
		switch f.Type() {
		case reflect.TypeFor[*string]():
			f.Set(reflect.ValueOf(tea.String(val)))
		case reflect.TypeFor[*bool]():
			f.Set(reflect.ValueOf(tea.Bool(val == "true")))
		case reflect.TypeFor[*int32]():
			n, _ := strconv.Atoi(val)
			f.Set(reflect.ValueOf(tea.Int32(int32(n))))
		case reflect.TypeFor[*int64]():
			n, _ := strconv.ParseInt(val, 10, 64)
			f.Set(reflect.ValueOf(tea.Int64(n)))
		default:
			t.Fatalf("request field %s has type %s", name, f.Type())
		}
		return
	}
	t.Fatalf("%s has no request field %s", v.Type(), name)
}

// do calls action and fails the test on an error; it returns the answer.
func (r *contractRig) do(action string, kv ...string) contractAnswer {
	r.t.Helper()
	p := map[string]string{"RegionId": "cn-hangzhou"}
	for i := 0; i+1 < len(kv); i += 2 {
		p[kv[i]] = kv[i+1]
	}
	body, raw, err := r.call(action, p)
	if err != nil {
		r.t.Fatalf("%s %v: %v", action, p, err)
	}
	return contractAnswer{action, body, raw}
}

func (r *contractRig) settle() { r.clk.Advance(10 * time.Minute) }

type contractAnswer struct {
	action string
	body   any
	raw    []byte
}

// field reads a top-level string of the answer, as the SDK decoded it.
func (a contractAnswer) field(t *testing.T, key string) string {
	v := reflect.ValueOf(a.body).Elem()
	for i := range v.NumField() {
		if strings.Split(v.Type().Field(i).Tag.Get("json"), ",")[0] == key {
			if s, ok := v.Field(i).Interface().(*string); ok && tea.StringValue(s) != "" {
				return *s
			}
		}
	}
	t.Fatalf("%s: no %s in %s", a.action, key, a.raw)
	return ""
}

// emptyByContract are the model fields the Sim has no data for, by Action:
// checkFilled accepts them empty. Everything else must be filled.
var emptyByContract = map[string][]string{
	"DescribeEipAddresses": {
		"EipAddresses.EipAddress[].InstanceId", "EipAddresses.EipAddress[].InstanceType",
		"EipAddresses.EipAddress[].InstanceRegionId", "EipAddresses.EipAddress[].PrivateIpAddress",
		"EipAddresses.EipAddress[].Mode", "EipAddresses.EipAddress[].Name", "EipAddresses.EipAddress[].Description",
		"EipAddresses.EipAddress[].ResourceGroupId", "EipAddresses.EipAddress[].ExpiredTime",
		"EipAddresses.EipAddress[].VpcId", "EipAddresses.EipAddress[].Zone",
		"EipAddresses.EipAddress[].BandwidthPackageId", "EipAddresses.EipAddress[].BandwidthPackageType",
		"EipAddresses.EipAddress[].BandwidthPackageBandwidth", "EipAddresses.EipAddress[].PublicIpAddressPoolId",
		"EipAddresses.EipAddress[].SegmentInstanceId", "EipAddresses.EipAddress[].BizType",
		"EipAddresses.EipAddress[].ReservationActiveTime", "EipAddresses.EipAddress[].ReservationBandwidth",
		"EipAddresses.EipAddress[].ReservationInternetChargeType", "EipAddresses.EipAddress[].ReservationOrderType",
		"EipAddresses.EipAddress[].ServiceID",
		"EipAddresses.EipAddress[].SecurityProtectionTypes.SecurityProtectionType", // not modelled
	},
	"AllocateEipAddress": {"OrderId", "ResourceGroupId"},
	"CreateNatGateway":   {"FullNatTableIds.FullNatTableId"},
	"DescribeNatGateways": {
		"NatGateways.NatGateway[].Description", "NatGateways.NatGateway[].ExpiredTime",
		"NatGateways.NatGateway[].ResourceGroupId", "NatGateways.NatGateway[].AccessMode.TunnelType",
		"NatGateways.NatGateway[].IpLists.IpList[].PrivateIpAddress",
		"NatGateways.NatGateway[].FullNatTableIds.FullNatTableId",
		"NatGateways.NatGateway[].NatGatewayPrivateInfo", // no gateway ENI in the Sim
	},
	"DescribeSnatTableEntries": {"SnatTableEntries.SnatTableEntry[].NetworkInterfaceId",
		"SnatTableEntries.SnatTableEntry[].SourceVSwitchId"}, // the entry is by SourceCIDR
	"DescribeHaVips": {
		"HaVips.HaVip[].ResourceGroupId",
	},
}

// contractProblems checks one answer against its SDK model.
func contractProblems(a contractAnswer) []string {
	raw := decodeNumbers(a.raw)
	probs := checkKnown(raw, reflect.TypeOf(a.body), "")
	probs = append(probs, checkRoundTrip(a.raw, a.body)...)
	empty := emptyByContract[a.action]
	for _, p := range checkFilled(reflect.ValueOf(a.body), empty) {
		// NatGatewayPrivateInfo's fields are absent with it.
		if strings.Contains(p, "NatGatewayPrivateInfo.") && slices.Contains(empty, "NatGateways.NatGateway[].NatGatewayPrivateInfo") {
			continue
		}
		probs = append(probs, p)
	}
	return probs
}

// driveAll calls every served Action through the SDK, in a world where
// every list of every Describe answer is non-empty, and returns the
// answers.
func driveAll(t *testing.T) []contractAnswer {
	r := newContractRig(t)
	if err := r.sim.AddInstance(eipsim.Instance{InstanceID: "i-contract1", RegionID: "cn-hangzhou"}); err != nil {
		t.Fatal(err)
	}
	if err := r.sim.AddInstance(eipsim.Instance{InstanceID: "i-contract2", RegionID: "cn-hangzhou"}); err != nil {
		t.Fatal(err)
	}
	var out []contractAnswer
	keep := func(a contractAnswer) contractAnswer { out = append(out, a); return a }
	alloc := func() (string, string) {
		a := keep(r.do("AllocateEipAddress", "Bandwidth", "5"))
		return a.field(t, "AllocationId"), a.field(t, "EipAddress")
	}
	ecsEIP, _ := alloc()
	natEIP, natIP := alloc()
	natEIP2, natIP2 := alloc()
	vipEIP, _ := alloc()
	lockedEIP, _ := alloc()
	if err := r.sim.Lock(lockedEIP, eipsim.LockFinancial); err != nil {
		t.Fatal(err)
	}
	keep(r.do("ModifyEipAddressAttribute", "AllocationId", ecsEIP, "Name", "web", "Description", "front"))
	keep(r.do("TagResources", "ResourceType", "EIP", "ResourceId.1", ecsEIP, "ResourceId.2", natEIP,
		"Tag.1.Key", "env", "Tag.1.Value", "prod", "Tag.2.Key", "team", "Tag.2.Value", "web"))
	keep(r.do("ListTagResources", "ResourceType", "EIP", "ResourceId.1", ecsEIP, "ResourceId.2", natEIP, "MaxResults", "3"))
	keep(r.do("AssociateEipAddress", "AllocationId", ecsEIP, "InstanceId", "i-contract1", "InstanceType", "EcsInstance"))
	r.settle()

	// NAT.
	ngw := keep(r.do("CreateNatGateway", "VpcId", "vpc-cn-hangzhou", "VSwitchId", "vsw-contract", "Name", "gw", "ClientToken", "ct-ngw"))
	ngwID := ngw.field(t, "NatGatewayId")
	r.settle()
	keep(r.do("AssociateEipAddress", "AllocationId", natEIP, "InstanceId", ngwID, "InstanceType", "Nat"))
	r.do("AssociateEipAddress", "AllocationId", natEIP2, "InstanceId", ngwID, "InstanceType", "Nat")
	r.settle()
	nb := ngw.body.(*vpc.CreateNatGatewayResponseBody)
	if len(nb.SnatTableIds.SnatTableId) != 1 || len(nb.ForwardTableIds.ForwardTableId) != 1 {
		t.Fatalf("CreateNatGateway tables: %s", ngw.raw)
	}
	snatTable, fwdTable := tea.StringValue(nb.SnatTableIds.SnatTableId[0]), tea.StringValue(nb.ForwardTableIds.ForwardTableId[0])
	snat := keep(r.do("CreateSnatEntry", "SnatTableId", snatTable, "SnatIp", natIP, "SourceCIDR", "192.168.0.0/24", "SnatEntryName", "s1"))
	fwd := keep(r.do("CreateForwardEntry", "ForwardTableId", fwdTable, "ExternalIp", natIP2, "ExternalPort", "80",
		"InternalIp", "192.168.0.10", "InternalPort", "8080", "IpProtocol", "TCP", "ForwardEntryName", "f1"))
	r.settle()

	// HaVip.
	hv := keep(r.do("CreateHaVip", "VSwitchId", "vsw-contract", "Name", "vip", "Description", "ha"))
	hvID := hv.field(t, "HaVipId")
	r.settle()
	keep(r.do("AssociateHaVip", "HaVipId", hvID, "InstanceId", "i-contract2", "InstanceType", "EcsInstance"))
	r.settle()
	keep(r.do("AssociateEipAddress", "AllocationId", vipEIP, "InstanceId", hvID, "InstanceType", "HaVip"))
	r.settle()

	// Tags on the gateway and the HaVip too, so their Tags.Tag[] are filled.
	keep(r.do("TagResources", "ResourceType", "NATGATEWAY", "ResourceId.1", ngwID, "Tag.1.Key", "env", "Tag.1.Value", "prod"))
	keep(r.do("TagResources", "ResourceType", "HAVIP", "ResourceId.1", hvID, "Tag.1.Key", "env", "Tag.1.Value", "prod"))

	// The Describe answers, with every list filled.
	keep(r.do("DescribeEipAddresses", "PageSize", "50"))
	keep(r.do("DescribeNatGateways", "NatGatewayId", ngwID))
	keep(r.do("DescribeSnatTableEntries", "SnatTableId", snatTable))
	keep(r.do("DescribeForwardTableEntries", "ForwardTableId", fwdTable))
	keep(r.do("DescribeHaVips"))

	// Take it all down again.
	keep(r.do("DeleteSnatEntry", "SnatTableId", snatTable, "SnatEntryId", snat.field(t, "SnatEntryId")))
	keep(r.do("DeleteForwardEntry", "ForwardTableId", fwdTable, "ForwardEntryId", fwd.field(t, "ForwardEntryId")))
	r.settle()
	keep(r.do("UnassociateEipAddress", "AllocationId", vipEIP, "InstanceId", hvID, "InstanceType", "HaVip"))
	keep(r.do("UnassociateHaVip", "HaVipId", hvID, "InstanceId", "i-contract2", "InstanceType", "EcsInstance"))
	r.settle()
	keep(r.do("DeleteHaVip", "HaVipId", hvID))
	keep(r.do("DeleteNatGateway", "NatGatewayId", ngwID, "Force", "true"))
	keep(r.do("UnassociateEipAddress", "AllocationId", ecsEIP, "InstanceId", "i-contract1", "InstanceType", "EcsInstance"))
	r.settle()
	keep(r.do("UnTagResources", "ResourceType", "EIP", "ResourceId.1", ecsEIP, "TagKey.1", "env"))
	keep(r.do("ReleaseEipAddress", "AllocationId", ecsEIP))
	return out
}

// TestWireContract: every Action the Sim serves has a written wire shape,
// and its answer, through the official SDK, decodes into the SDK's model
// with no unknown field at any depth and no JSON type mismatch, survives
// re-encoding the model, and fills every model field the Sim has data
// for.
func TestWireContract(t *testing.T) {
	answers := driveAll(t)
	called := map[string]bool{}
	for _, a := range answers {
		called[a.action] = true
		for _, p := range contractProblems(a) {
			t.Errorf("%s: %s", a.action, p)
		}
	}
	for _, a := range eipsim.Actions() {
		if _, ok := wireShapes[a]; !ok {
			t.Errorf("%s is served without a written wire shape", a)
		}
		if !called[string(a)] {
			t.Errorf("%s: not covered by the contract test", a)
		}
	}
	for a := range wireShapes {
		if _, ok := eipsim.ActionParams(a); !ok {
			t.Errorf("wire shape for %s, which the Sim does not serve", a)
		}
	}
}

// TestWireContractErrors: every Action's error body, through the SDK,
// has exactly the cloud's five string fields, and the SDK reads its Code
// and Message.
func TestWireContractErrors(t *testing.T) {
	r := newContractRig(t)
	for _, a := range eipsim.Actions() {
		_, raw, err := r.call(string(a), map[string]string{"RegionId": "nope-1"})
		var se *tea.SDKError
		if !errors.As(err, &se) {
			t.Errorf("%s: want an SDK error, got %v", a, err)
			continue
		}
		m, ok := decodeNumbers(raw).(map[string]any)
		if !ok {
			t.Errorf("%s: error body %s", a, raw)
			continue
		}
		want := []string{"Code", "HostId", "Message", "Recommend", "RequestId"}
		if got := sortedMapKeys(m); !slices.Equal(got, want) {
			t.Errorf("%s: error body keys %v, want %v", a, got, want)
		}
		for _, k := range want {
			if s, _ := m[k].(string); s == "" {
				t.Errorf("%s: error %s is %#v", a, k, m[k])
			}
		}
		if tea.StringValue(se.Code) != m["Code"] || !strings.Contains(tea.StringValue(se.Message), m["Message"].(string)) {
			t.Errorf("%s: SDK read code %q message %q from %s", a, tea.StringValue(se.Code), tea.StringValue(se.Message), raw)
		}
	}
}
