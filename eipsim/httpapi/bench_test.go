package httpapi

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// BenchmarkSDKFloor is the SDK over the in-process transport against a
// handler that only writes a constant JSON body: the cost of the SDK itself,
// which bounds BenchmarkSDK/in-process.
func BenchmarkSDKFloor(b *testing.B) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeResponse(w, http.StatusOK, "RID", []byte(`{"RequestId":"RID"}`), false)
	})
	c := sdkClient(b, "in-process", h, openapi.Config{})
	req := &vpc.ReleaseEipAddressRequest{AllocationId: tea.String("eip-fake0001"), RegionId: tea.String("cn-hangzhou")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.ReleaseEipAddress(req); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
}

// BenchmarkSDK is the official SDK calling the handler with a trivial
// backend: one signed UnassociateEipAddress per op (ACS3, the default).
// Compare with ARCHITECTURE.md: >= 20,000 calls/s in-process, >= 10,000
// over loopback.
func BenchmarkSDK(b *testing.B) {
	for _, transport := range transports {
		b.Run(transport, func(b *testing.B) {
			be := &stubBackend{wall: true, fn: func(string, string, Params) (any, error) {
				return map[string]string{"RequestId": "RID"}, nil
			}}
			c := sdkClient(b, transport, newTestHandler(be), openapi.Config{})
			req := &vpc.UnassociateEipAddressRequest{
				AllocationId: tea.String("eip-fake0001"), InstanceId: tea.String("i-fake0001"),
				InstanceType: tea.String("EcsInstance"), RegionId: tea.String("cn-hangzhou"), Force: tea.Bool(true),
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.UnassociateEipAddress(req); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
		})
	}
}

// BenchmarkVerifyACS3 is the ACS3 check of one captured request: parse,
// canonicalize, hash, HMAC, nonce (a fresh cache per op, so the nonce is new).
func BenchmarkVerifyACS3(b *testing.B) {
	a := &authenticator{enabled: true, creds: map[string]Credential{testKeyID: testCred}, skew: DefaultClockSkew}
	r := vectorSpec().request()
	req, err := readRequest(r, DefaultMaxBodyBytes)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		a.nonces = newNonceCache(DefaultClockSkew, DefaultMaxNonces)
		if _, err := a.authenticate(req, vectorTime); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSDKSim is the official SDK calling NewHandler over the real
// engine: one signed DescribeEipAddresses (ACS3) of one EIP per op, in
// process (NewSDKClient) and over loopback (httptest). Compare with
// BenchmarkSDKFloor, the SDK alone.
func BenchmarkSDKSim(b *testing.B) {
	for _, transport := range transports {
		b.Run(transport, func(b *testing.B) {
			sim, _ := eipsimtest.New(b)
			a, err := sim.AllocateEipAddress(b.Context(), eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
			if err != nil {
				b.Fatal(err)
			}
			c := newSimClient(b, transport, sim, DefaultCredential())
			req := &vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou"), AllocationId: tea.String(a.AllocationID)}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.DescribeEipAddresses(req); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
		})
	}
}

// BenchmarkSDKFloorDescribe is BenchmarkSDKFloor for the call of
// BenchmarkSDKSim: a constant handler answering with the body the engine
// gives for one EIP, so the SDK parses the same response. It bounds
// BenchmarkSDKSim/in-process.
func BenchmarkSDKFloorDescribe(b *testing.B) {
	sim, _ := eipsimtest.New(b)
	a, err := sim.AllocateEipAddress(b.Context(), eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	if err != nil {
		b.Fatal(err)
	}
	query := "/?Action=DescribeEipAddresses&Version=2016-04-28&RegionId=cn-hangzhou&AllocationId=" + a.AllocationID
	rec := httptest.NewRecorder()
	NewHandler(sim, WithAuth(false)).ServeHTTP(rec, httptest.NewRequest(http.MethodPost, query, nil))
	body := rec.Body.Bytes()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeResponse(w, http.StatusOK, "RID", body, false)
	})
	c := sdkClient(b, "in-process", h, openapi.Config{})
	req := &vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou"), AllocationId: tea.String(a.AllocationID)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.DescribeEipAddresses(req); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
}

// BenchmarkHandlerSim is the handler and the engine without the SDK: an
// unsigned DescribeEipAddresses of one EIP (authentication off, so that one
// request can be replayed), through httptest.NewRecorder.
func BenchmarkHandlerSim(b *testing.B) {
	sim, _ := eipsimtest.New(b)
	a, err := sim.AllocateEipAddress(b.Context(), eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	if err != nil {
		b.Fatal(err)
	}
	h := NewHandler(sim, WithAuth(false))
	query := "/?Action=DescribeEipAddresses&Version=2016-04-28&RegionId=cn-hangzhou&AllocationId=" + a.AllocationID
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, query, nil))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Body.String())
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
}
