package httpapi

import (
	"net/http"
	"testing"

	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
)

// BenchmarkSDKFloor is the SDK over the in-process transport against a
// handler that only writes a constant JSON body: the cost of the SDK itself,
// which bounds BenchmarkSDK/in-process.
func BenchmarkSDKFloor(b *testing.B) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeResponse(w, http.StatusOK, "RID", []byte(`{"RequestId":"RID"}`))
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
