package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// The tests in this file drive the official SDK against the real engine, on
// eipsimtest's fast clock (far from the wall clock, hence no timestamp
// check), in process through NewSDKClient and over loopback through
// httptest and ClientConfig.

// otherCred is a second account's key.
var otherCred = Credential{AccessKeyID: "LTAI5tOtherAccount01", AccessKeySecret: "other-secret", AccountID: "1111111111111111"}

// newSimClient returns an SDK client for sim over transport, signing as
// cred, with cfg edits applied.
func newSimClient(t testing.TB, transport string, sim *eipsim.Sim, cred Credential, edits ...func(*openapi.Config)) *vpc.Client {
	t.Helper()
	var (
		c   *vpc.Client
		err error
	)
	switch transport {
	case "in-process":
		opts := []ClientOption{AsCredential(cred)}
		for _, e := range edits {
			opts = append(opts, WithConfig(e))
		}
		c, err = NewSDKClient(sim, opts...)
	case "loopback":
		srv := httptest.NewServer(NewHandler(sim, WithCredentials(DefaultCredential(), otherCred), WithTimestampCheck(false)))
		t.Cleanup(srv.Close)
		cfg := ClientConfig(srv.Listener.Addr().String())
		cfg.AccessKeyId, cfg.AccessKeySecret = tea.String(cred.AccessKeyID), tea.String(cred.AccessKeySecret)
		for _, e := range edits {
			e(cfg)
		}
		c, err = vpc.NewClient(cfg)
	default:
		t.Fatalf("unknown transport %q", transport)
	}
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// v2 selects the legacy HMAC-SHA1 signature.
func v2(cfg *openapi.Config) { cfg.SignatureAlgorithm = tea.String("v2") }

// algorithms are the signature settings every lifecycle test runs with.
var algorithms = map[string][]func(*openapi.Config){"acs3": nil, "v2": {v2}}

// newWorld is a Sim on a fast clock with one running instance i-0001.
func newWorld(t *testing.T) (*eipsim.Sim, *eipsimtest.Clock) {
	t.Helper()
	sim, clk := eipsimtest.New(t)
	if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-0001"}); err != nil {
		t.Fatal(err)
	}
	return sim, clk
}

// describe returns the EIPs the client sees in cn-hangzhou under filters.
func describe(t *testing.T, c *vpc.Client, req *vpc.DescribeEipAddressesRequest) *vpc.DescribeEipAddressesResponseBody {
	t.Helper()
	req.RegionId = tea.String("cn-hangzhou")
	resp, err := c.DescribeEipAddresses(req)
	if err != nil {
		t.Fatalf("DescribeEipAddresses: %v", err)
	}
	return resp.Body
}

// statusOf is the status of id as Describe shows it, or "" when absent.
func statusOf(t *testing.T, c *vpc.Client, id string) string {
	t.Helper()
	b := describe(t, c, &vpc.DescribeEipAddressesRequest{AllocationId: tea.String(id)})
	if n := len(b.EipAddresses.EipAddress); n != 1 {
		if n == 0 {
			return ""
		}
		t.Fatalf("%d EIPs with id %s", n, id)
	}
	return tea.StringValue(b.EipAddresses.EipAddress[0].Status)
}

func TestSimLifecycle(t *testing.T) {
	for _, transport := range transports {
		for alg, edits := range algorithms {
			t.Run(transport+"/"+alg, func(t *testing.T) {
				sim, clk := newWorld(t)
				c := newSimClient(t, transport, sim, DefaultCredential(), edits...)

				a, err := c.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou"), Bandwidth: tea.String("7"), Name: tea.String("web-1")})
				if err != nil {
					t.Fatal(err)
				}
				id := tea.StringValue(a.Body.AllocationId)
				if id == "" || tea.StringValue(a.Body.EipAddress) == "" || tea.StringValue(a.Body.RequestId) == "" ||
					tea.StringValue(a.Headers["x-acs-request-id"]) != tea.StringValue(a.Body.RequestId) || a.Body.OrderId != nil {
					t.Fatalf("allocate: %s", a)
				}
				if e, ok := sim.EIP(id); !ok || e.AccountID != eipsim.DefaultAccountID {
					t.Fatalf("EIP %s in the Sim: %+v %v", id, e, ok)
				}
				item := describe(t, c, &vpc.DescribeEipAddressesRequest{AllocationId: tea.String(id)}).EipAddresses.EipAddress[0]
				if tea.StringValue(item.Bandwidth) != "7" || tea.StringValue(item.Name) != "web-1" || tea.StringValue(item.Status) != "Available" ||
					tea.StringValue(item.AllocationTime) != eipsimtest.Epoch.Format("2006-01-02T15:04:05Z") || tea.BoolValue(item.DeletionProtection) {
					t.Fatalf("describe: %s", item)
				}

				if _, err := c.AssociateEipAddress(&vpc.AssociateEipAddressRequest{AllocationId: tea.String(id), InstanceId: tea.String("i-0001"), InstanceType: tea.String("EcsInstance")}); err != nil {
					t.Fatal(err)
				}
				if got := statusOf(t, c, id); got != "Associating" {
					t.Fatalf("after associate: %s", got)
				}
				clk.Advance(eipsim.DefaultAssociateDelay)
				item = describe(t, c, &vpc.DescribeEipAddressesRequest{AllocationId: tea.String(id)}).EipAddresses.EipAddress[0]
				if tea.StringValue(item.Status) != "InUse" || tea.StringValue(item.InstanceId) != "i-0001" || tea.StringValue(item.InstanceType) != "EcsInstance" {
					t.Fatalf("after %v: %s", eipsim.DefaultAssociateDelay, item)
				}

				if _, err := c.UnassociateEipAddress(&vpc.UnassociateEipAddressRequest{AllocationId: tea.String(id), InstanceId: tea.String("i-0001")}); err != nil {
					t.Fatal(err)
				}
				if got := statusOf(t, c, id); got != "Unassociating" {
					t.Fatalf("after unassociate: %s", got)
				}
				clk.Advance(eipsim.DefaultUnassociateDelay)
				if got := statusOf(t, c, id); got != "Available" {
					t.Fatalf("after %v: %s", eipsim.DefaultUnassociateDelay, got)
				}

				if _, err := c.ReleaseEipAddress(&vpc.ReleaseEipAddressRequest{AllocationId: tea.String(id)}); err != nil {
					t.Fatal(err)
				}
				clk.Advance(eipsim.DefaultReleaseDelay)
				if got := statusOf(t, c, id); got != "" {
					t.Fatalf("after release: %s", got)
				}
				eipsimtest.RequireInvariants(t, sim)
			})
		}
	}
}

func TestSimDescribeFiltersAndPaging(t *testing.T) {
	for _, transport := range transports {
		t.Run(transport, func(t *testing.T) {
			sim, clk := newWorld(t)
			c := newSimClient(t, transport, sim, DefaultCredential())
			var ids []string
			for range 5 {
				a, err := c.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")})
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, tea.StringValue(a.Body.AllocationId))
			}
			if _, err := c.AssociateEipAddress(&vpc.AssociateEipAddressRequest{AllocationId: tea.String(ids[2]), InstanceId: tea.String("i-0001")}); err != nil {
				t.Fatal(err)
			}
			clk.Advance(eipsim.DefaultAssociateDelay)

			var seen []string
			for page := int32(1); page <= 3; page++ {
				b := describe(t, c, &vpc.DescribeEipAddressesRequest{PageSize: tea.Int32(2), PageNumber: tea.Int32(page)})
				if tea.Int32Value(b.TotalCount) != 5 || tea.Int32Value(b.PageNumber) != page || tea.Int32Value(b.PageSize) != 2 {
					t.Fatalf("page %d: %s", page, b)
				}
				for _, e := range b.EipAddresses.EipAddress {
					seen = append(seen, tea.StringValue(e.AllocationId))
				}
			}
			if fmt.Sprint(sortedCopy(seen)) != fmt.Sprint(sortedCopy(ids)) {
				t.Errorf("pages gave %v, want each of %v once", seen, ids)
			}

			inUse := describe(t, c, &vpc.DescribeEipAddressesRequest{Status: tea.String("InUse")})
			if tea.Int32Value(inUse.TotalCount) != 1 || tea.StringValue(inUse.EipAddresses.EipAddress[0].AllocationId) != ids[2] {
				t.Errorf("Status=InUse: %s", inUse)
			}
			byInstance := describe(t, c, &vpc.DescribeEipAddressesRequest{AssociatedInstanceType: tea.String("EcsInstance"), AssociatedInstanceId: tea.String("i-0001")})
			if tea.Int32Value(byInstance.TotalCount) != 1 {
				t.Errorf("by instance: %s", byInstance)
			}
			byIP := describe(t, c, &vpc.DescribeEipAddressesRequest{EipAddress: inUse.EipAddresses.EipAddress[0].IpAddress})
			if tea.Int32Value(byIP.TotalCount) != 1 {
				t.Errorf("by IP: %s", byIP)
			}
			none := describe(t, c, &vpc.DescribeEipAddressesRequest{AllocationId: tea.String("eip-nope")})
			if tea.Int32Value(none.TotalCount) != 0 || none.EipAddresses == nil || len(none.EipAddresses.EipAddress) != 0 {
				t.Errorf("no match: %s", none)
			}
		})
	}
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// wantSDKError fails unless err is a *tea.SDKError with code and status.
func wantSDKError(t *testing.T, err error, status int, code string) {
	t.Helper()
	se, ok := errors.AsType[*tea.SDKError](err)
	if !ok {
		t.Fatalf("got %T %v, want *tea.SDKError %s", err, err, code)
	}
	if tea.StringValue(se.Code) != code || tea.IntValue(se.StatusCode) != status {
		t.Fatalf("got %s %d, want %s %d\n%v", tea.StringValue(se.Code), tea.IntValue(se.StatusCode), code, status, se)
	}
}

// TestSimUnassociateErrors runs rows of UnassociateEipAddress's error table
// through the SDK.
func TestSimUnassociateErrors(t *testing.T) {
	cases := []struct {
		name   string
		setup  func(t *testing.T, c *vpc.Client, clk *eipsimtest.Clock, id string)
		req    func(id string) *vpc.UnassociateEipAddressRequest
		as     Credential
		status int
		code   string
	}{
		{name: "not associated", status: 400, code: "IncorrectEipStatus"},
		{name: "no such EIP", req: func(string) *vpc.UnassociateEipAddressRequest {
			return &vpc.UnassociateEipAddressRequest{AllocationId: tea.String("eip-nope"), InstanceId: tea.String("i-0001")}
		}, status: 404, code: "InvalidAllocationId.NotFound"},
		{name: "bad instance type", req: func(id string) *vpc.UnassociateEipAddressRequest {
			return &vpc.UnassociateEipAddressRequest{AllocationId: tea.String(id), InstanceId: tea.String("i-0001"), InstanceType: tea.String("Foo")}
		}, status: 400, code: "InvalidInstanceType.ValueNotSupported"},
		{name: "no such region", req: func(id string) *vpc.UnassociateEipAddressRequest {
			return &vpc.UnassociateEipAddressRequest{AllocationId: tea.String(id), InstanceId: tea.String("i-0001"), RegionId: tea.String("xx-nowhere")}
		}, status: 404, code: "Forbidden.RegionNotFound"},
		{name: "too soon", setup: associate(false), status: 400, code: "TaskConflict"},
		{name: "no such instance", setup: associate(true), req: func(id string) *vpc.UnassociateEipAddressRequest {
			return &vpc.UnassociateEipAddressRequest{AllocationId: tea.String(id), InstanceId: tea.String("i-0404")}
		}, status: 400, code: "InvalidInstanceId.NotFound"},
		{name: "another account's EIP", setup: associate(true), as: otherCred, status: 400, code: "Forbidden"},
	}
	for _, transport := range transports {
		for _, tc := range cases {
			t.Run(transport+"/"+tc.name, func(t *testing.T) {
				sim, clk := newWorld(t)
				c := newSimClient(t, transport, sim, DefaultCredential())
				a, err := c.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")})
				if err != nil {
					t.Fatal(err)
				}
				id := tea.StringValue(a.Body.AllocationId)
				if tc.setup != nil {
					tc.setup(t, c, clk, id)
				}
				caller := c
				if tc.as.AccessKeyID != "" {
					caller = newSimClient(t, transport, sim, tc.as)
				}
				req := &vpc.UnassociateEipAddressRequest{AllocationId: tea.String(id), InstanceId: tea.String("i-0001")}
				if tc.req != nil {
					req = tc.req(id)
				}
				_, err = caller.UnassociateEipAddress(req)
				wantSDKError(t, err, tc.status, tc.code)
			})
		}
	}
}

// associate associates the EIP with i-0001 and, if wait, lets it finish and
// the cooldown pass.
func associate(wait bool) func(t *testing.T, c *vpc.Client, clk *eipsimtest.Clock, id string) {
	return func(t *testing.T, c *vpc.Client, clk *eipsimtest.Clock, id string) {
		t.Helper()
		if _, err := c.AssociateEipAddress(&vpc.AssociateEipAddressRequest{AllocationId: tea.String(id), InstanceId: tea.String("i-0001")}); err != nil {
			t.Fatal(err)
		}
		if wait {
			clk.Advance(eipsim.DefaultAssociateDelay + eipsim.DefaultCooldown)
		}
	}
}

// TestSimAccountsApart: one account's EIPs are invisible to another, and
// each account's key acts for that account.
func TestSimAccountsApart(t *testing.T) {
	for _, transport := range transports {
		t.Run(transport, func(t *testing.T) {
			sim, _ := newWorld(t)
			mine := newSimClient(t, transport, sim, DefaultCredential())
			theirs := newSimClient(t, transport, sim, otherCred)
			a, err := theirs.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")})
			if err != nil {
				t.Fatal(err)
			}
			id := tea.StringValue(a.Body.AllocationId)
			if e, _ := sim.EIP(id); e.AccountID != otherCred.AccountID {
				t.Fatalf("EIP account %q", e.AccountID)
			}
			if b := describe(t, mine, &vpc.DescribeEipAddressesRequest{}); tea.Int32Value(b.TotalCount) != 0 {
				t.Errorf("other account's EIP visible: %s", b)
			}
			if b := describe(t, theirs, &vpc.DescribeEipAddressesRequest{}); tea.Int32Value(b.TotalCount) != 1 {
				t.Errorf("own EIP not visible: %s", b)
			}
			_, err = mine.ReleaseEipAddress(&vpc.ReleaseEipAddressRequest{AllocationId: tea.String(id)})
			wantSDKError(t, err, 400, "Forbidden")
		})
	}
}

// TestSimAuthRefused: a wrong secret and an unknown key are refused before
// the engine runs.
func TestSimAuthRefused(t *testing.T) {
	for _, transport := range transports {
		for alg, edits := range algorithms {
			t.Run(transport+"/"+alg, func(t *testing.T) {
				sim, _ := newWorld(t)
				wrong := DefaultCredential()
				wrong.AccessKeySecret = "not-the-secret"
				unknown := Credential{AccessKeyID: "LTAI5tNobodyAtAll01", AccessKeySecret: DefaultAccessKeySecret}
				req := &vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")}

				// In process, NewSDKClient would register the key it signs
				// with; sign against a handler that knows only the right one.
				client := func(cred Credential) *vpc.Client {
					if transport == "loopback" {
						return newSimClient(t, transport, sim, cred, edits...)
					}
					c, err := newInProcessClient(NewHandler(sim, WithCredentials(DefaultCredential()), WithTimestampCheck(false)), cred, edits)
					if err != nil {
						t.Fatal(err)
					}
					return c
				}
				_, err := client(wrong).AllocateEipAddress(req)
				wantSDKError(t, err, 400, "SignatureDoesNotMatch")
				c := client(unknown)
				_, err = c.AllocateEipAddress(req)
				wantSDKError(t, err, 404, "InvalidAccessKeyId.NotFound")
				if n := len(sim.EIPs()); n != 0 {
					t.Errorf("%d EIPs allocated by refused calls", n)
				}
			})
		}
	}
}

// TestNewSDKClientTimestamp: NewSDKClient works on a clock far from the
// wall clock, and refuses with the check turned back on.
func TestNewSDKClientTimestamp(t *testing.T) {
	sim, _ := eipsimtest.New(t) // 2026-01-01, not now
	req := &vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou")}
	c, err := NewSDKClient(sim)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.DescribeEipAddresses(req); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(sim.Now()); d < DefaultClockSkew && d > -DefaultClockSkew {
		t.Skip("the wall clock is within 15 minutes of eipsimtest.Epoch")
	}
	c, err = NewSDKClient(sim, WithHandlerOptions(WithTimestampCheck(true)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.DescribeEipAddresses(req)
	wantSDKError(t, err, 400, "InvalidTimeStamp.Expired")
}

// TestSimConcurrentSDK: concurrent SDK calls through one handler on one Sim
// (run with -race).
//
// Each goroutine has its own *vpc.Client: the SDK's client is not safe for
// concurrent use (the race detector flags GetRpcHeaders when one is shared).
// Over loopback they also bring their own HttpClient: without one, the SDK
// shares one process-wide http.Client per endpoint and writes its Timeout on
// every call while other calls read it, which the race detector flags too.
func TestSimConcurrentSDK(t *testing.T) {
	for _, transport := range transports {
		t.Run(transport, func(t *testing.T) {
			sim, _ := newWorld(t)
			h := NewHandler(sim, WithCredentials(DefaultCredential()), WithTimestampCheck(false))
			const workers, each = 8, 2
			clients := make([]*vpc.Client, workers)
			var addr string
			if transport == "loopback" {
				srv := httptest.NewServer(h)
				t.Cleanup(srv.Close)
				addr = srv.Listener.Addr().String()
			}
			for i := range clients {
				var err error
				if transport == "loopback" {
					cfg := ClientConfig(addr)
					cfg.HttpClient = SDKHTTPClient{Transport: &http.Transport{}}
					clients[i], err = vpc.NewClient(cfg)
				} else {
					clients[i], err = newInProcessClient(h, DefaultCredential(), nil)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			errs := make(chan error, workers)
			for _, c := range clients {
				go func() {
					var err error
					for range each {
						if _, err = c.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")}); err != nil {
							break
						}
						if _, err = c.DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou")}); err != nil {
							break
						}
					}
					errs <- err
				}()
			}
			for range workers {
				if err := <-errs; err != nil {
					t.Error(err)
				}
			}
			if n := len(sim.EIPs()); n != workers*each {
				t.Errorf("%d EIPs, want %d", n, workers*each)
			}
		})
	}
}

// FuzzSimHandler sends arbitrary parameters to every engine action through
// the handler (authentication off): every answer must be a JSON object with
// a RequestId, and nothing may panic.
func FuzzSimHandler(f *testing.F) {
	f.Add(uint8(0), "RegionId=cn-hangzhou&Bandwidth=5")
	f.Add(uint8(1), "AllocationId=eip-0001&InstanceId=i-0001&InstanceType=EcsInstance")
	f.Add(uint8(3), "RegionId=cn-hangzhou&PageSize=-1&PageNumber=99999999999999999999")
	f.Add(uint8(2), "Tag.1.Key=a&Tag.3.Key=b&Filter.x=1")
	actions := eipsim.Actions()
	f.Fuzz(func(t *testing.T, which uint8, query string) {
		sim, _ := eipsimtest.New(t)
		if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-0001"}); err != nil {
			t.Fatal(err)
		}
		h := NewHandler(sim, WithAuth(false))
		action := actions[int(which)%len(actions)]
		r := httptest.NewRequest(http.MethodPost, "/", nil)
		r.URL.RawQuery = query
		r.Header.Set("x-acs-action", string(action))
		r.Header.Set("x-acs-version", APIVersion)
		serve(t, h, r)
	})
}
