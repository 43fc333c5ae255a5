package httpapi

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipsim/eipsim/eipsim"
)

// The tests in this file drive the unmodified official SDK. The SDK stamps
// x-acs-date with the wall clock, so the stub backend's clock is the wall
// clock here.

// transports are the two ways to reach the handler.
var transports = []string{"in-process", "loopback"}

// sdkClient returns an SDK client for h over transport, configured by cfg.
func sdkClient(t testing.TB, transport string, h http.Handler, cfg openapi.Config) *vpc.Client {
	t.Helper()
	cfg.Protocol = tea.String("http")
	if cfg.AccessKeyId == nil {
		cfg.AccessKeyId, cfg.AccessKeySecret = tea.String(testKeyID), tea.String(testSecret)
	}
	switch transport {
	case "in-process":
		cfg.Endpoint = tea.String("vpc.eipsim.test")
		cfg.HttpClient = SDKHTTPClient{Transport: InProcessTransport(h)}
	case "loopback":
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		addr := srv.Listener.Addr().String()
		cfg.Endpoint = tea.String(addr)
		cfg.NoProxy = tea.String(addr) // the SDK ignores NO_PROXY for loopback otherwise (wire doc §8)
	default:
		t.Fatalf("unknown transport %q", transport)
	}
	c, err := vpc.NewClient(&cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// allocateRequest exercises lists, objects, unicode and reserved characters.
func allocateRequest() *vpc.AllocateEipAddressRequest {
	return &vpc.AllocateEipAddressRequest{
		RegionId:                tea.String("cn-hangzhou"),
		Bandwidth:               tea.String("5"),
		Name:                    tea.String("my eip 名字"),
		Description:             tea.String("a+b*c~d&e=f"),
		AutoPay:                 tea.Bool(false),
		Period:                  tea.Int32(1),
		OwnerId:                 tea.Int64(1234567890123),
		SecurityProtectionTypes: []*string{tea.String("AntiDDoS_Enhanced")},
		Tag: []*vpc.AllocateEipAddressRequestTag{
			{Key: tea.String("env"), Value: tea.String("dev")},
			{Key: tea.String("team"), Value: tea.String("x y")},
		},
	}
}

func allocateBackend() *stubBackend {
	return &stubBackend{wall: true, fn: func(account, action string, p Params) (any, error) {
		return map[string]any{"RequestId": "RID-ALLOC", "AllocationId": "eip-0001", "EipAddress": "203.0.113.7", "OrderId": 42}, nil
	}}
}

func TestSDKCallReachesBackend(t *testing.T) {
	for _, transport := range transports {
		for _, alg := range []string{"", "v2"} {
			t.Run(transport+"/"+alg, func(t *testing.T) {
				b := allocateBackend()
				cfg := openapi.Config{}
				if alg != "" {
					cfg.SignatureAlgorithm = tea.String(alg)
				}
				c := sdkClient(t, transport, newTestHandler(b), cfg)
				resp, err := c.AllocateEipAddress(allocateRequest())
				if err != nil {
					t.Fatal(err)
				}
				if tea.Int32Value(resp.StatusCode) != 200 || tea.StringValue(resp.Body.AllocationId) != "eip-0001" ||
					tea.Int64Value(resp.Body.OrderId) != 42 || tea.StringValue(resp.Body.RequestId) != "RID-ALLOC" ||
					tea.StringValue(resp.Headers["x-acs-request-id"]) != "RID-ALLOC" {
					t.Errorf("response %s", resp)
				}
				call := b.lastCall(t)
				if call.Account != testAccount || call.Action != "AllocateEipAddress" {
					t.Errorf("call %s %s", call.Account, call.Action)
				}
				p := call.Params
				for name, want := range map[string]string{
					"RegionId": "cn-hangzhou", "Bandwidth": "5", "Name": "my eip 名字", "Description": "a+b*c~d&e=f",
					"AutoPay": "false", "Period": "1", "OwnerId": "1234567890123",
				} {
					if got := p.String(name); got != want {
						t.Errorf("%s = %q, want %q", name, got, want)
					}
				}
				tags, err := p.Objects("Tag")
				if err != nil || len(tags) != 2 || tags[1]["Key"] != "team" || tags[1]["Value"] != "x y" {
					t.Errorf("tags %v, %v", tags, err)
				}
				types, err := p.List("SecurityProtectionTypes")
				if err != nil || len(types) != 1 || types[0] != "AntiDDoS_Enhanced" {
					t.Errorf("types %v, %v", types, err)
				}
				if owner, err := p.Int("OwnerId"); owner != 1234567890123 || err != nil {
					t.Errorf("OwnerId %d, %v", owner, err)
				}
				if len(p) != 12 {
					t.Errorf("backend sees common parameters: %v", p)
				}
			})
		}
	}
}

func TestSDKErrors(t *testing.T) {
	backendErr := eipsim.NewError(eipsim.CodeIncorrectEipStatus, eipsim.ActionReleaseEipAddress, "F00D0001-0000-4000-8000-000000000000")
	cases := []struct {
		name   string
		cfg    openapi.Config
		fn     func(string, string, Params) (any, error)
		status int
		code   string
	}{
		{name: "wrong secret", cfg: openapi.Config{AccessKeyId: tea.String(testKeyID), AccessKeySecret: tea.String("wrong")}, status: 400, code: "SignatureDoesNotMatch"},
		{name: "wrong secret v1", cfg: openapi.Config{AccessKeyId: tea.String(testKeyID), AccessKeySecret: tea.String("wrong"), SignatureAlgorithm: tea.String("v2")}, status: 400, code: "SignatureDoesNotMatch"},
		{name: "unknown key", cfg: openapi.Config{AccessKeyId: tea.String("LTAI5tNobody"), AccessKeySecret: tea.String(testSecret)}, status: 404, code: "InvalidAccessKeyId.NotFound"},
		{name: "unknown key v1", cfg: openapi.Config{AccessKeyId: tea.String("LTAI5tNobody"), AccessKeySecret: tea.String(testSecret), SignatureAlgorithm: tea.String("v2")}, status: 404, code: "InvalidAccessKeyId.NotFound"},
		{name: "backend error", fn: func(string, string, Params) (any, error) { return nil, backendErr }, status: 400, code: "IncorrectEipStatus"},
		{name: "backend param error", fn: func(_, _ string, p Params) (any, error) {
			_, err := p.Int("AllocationId")
			return nil, err
		}, status: 400, code: "InvalidParameter"},
		{name: "backend failure", fn: func(string, string, Params) (any, error) { return nil, errors.New("bug") }, status: 500, code: "InternalError"},
	}
	for _, transport := range transports {
		for _, tc := range cases {
			t.Run(transport+"/"+tc.name, func(t *testing.T) {
				b := &stubBackend{wall: true, fn: tc.fn}
				c := sdkClient(t, transport, newTestHandler(b), tc.cfg)
				_, err := c.ReleaseEipAddress(&vpc.ReleaseEipAddressRequest{AllocationId: tea.String("eip-0001")})
				se, ok := errors.AsType[*tea.SDKError](err)
				if !ok {
					t.Fatalf("got %T %v, want *tea.SDKError", err, err)
				}
				if tea.StringValue(se.Code) != tc.code || tea.IntValue(se.StatusCode) != tc.status {
					t.Errorf("got %s %d, want %s %d\n%v", tea.StringValue(se.Code), tea.IntValue(se.StatusCode), tc.code, tc.status, se)
				}
				if tc.code == "IncorrectEipStatus" && tea.StringValue(se.Message) != "code: 400, Current elastic IP status does not support this operation. request id: F00D0001-0000-4000-8000-000000000000" {
					t.Errorf("message %q", tea.StringValue(se.Message))
				}
			})
		}
	}
}

func TestSDKSTS(t *testing.T) {
	sts := Credential{AccessKeyID: "STS.FakeStsKeyId", AccessKeySecret: "stsSecret", AccountID: "999", SecurityToken: "FakeSecurityToken=="}
	for _, alg := range []string{"", "v2"} {
		b := &stubBackend{wall: true}
		cfg := openapi.Config{AccessKeyId: tea.String(sts.AccessKeyID), AccessKeySecret: tea.String(sts.AccessKeySecret), SecurityToken: tea.String(sts.SecurityToken)}
		if alg != "" {
			cfg.SignatureAlgorithm = tea.String(alg)
		}
		c := sdkClient(t, "in-process", NewBackendHandler(b, WithCredentials(sts)), cfg)
		if _, err := c.ReleaseEipAddress(&vpc.ReleaseEipAddressRequest{AllocationId: tea.String("eip-0001")}); err != nil {
			t.Fatalf("alg %q: %v", alg, err)
		}
		if got := b.lastCall(t).Account; got != "999" {
			t.Errorf("account %s", got)
		}
	}
}
