package httpapi

import (
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// TestSM3Vectors: the SM3 hash against the standard's first example
// (GB/T 32905-2016, A.1: "abc") and against the official SDK's own hash of
// an empty and a non-empty body.
func TestSM3Vectors(t *testing.T) {
	if got, want := acs3SM3.sum([]byte("abc")), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"; got != want {
		t.Errorf("SM3(abc) = %s, want %s", got, want)
	}
	for _, body := range []string{"", "TunnelOptionsSpecification.1.EnableDpd=true"} {
		want := hex.EncodeToString(openapiutil.Hash([]byte(body), tea.String("ACS3-HMAC-SM3")))
		if got := acs3SM3.sum([]byte(body)); got != want {
			t.Errorf("SM3(%q) = %s, the SDK says %s", body, got, want)
		}
	}
	if hex.EncodeToString(openapiutil.SignatureMethod("k", "msg", "ACS3-HMAC-SM3")) != acs3SM3.signature("k", "msg") {
		t.Error("HMAC-SM3 differs from the SDK's")
	}
}

// TestSDKSignsSM3: the official SDK signing with ACS3-HMAC-SM3 (its own
// signer, independent of ours) is accepted; with a wrong secret, and with
// the SM3 name over a SHA-256 signature, it is refused.
func TestSDKSignsSM3(t *testing.T) {
	sim, _ := eipsimtest.New(t)
	sm3 := func(c *openapi.Config) { c.SignatureAlgorithm = tea.String("ACS3-HMAC-SM3") }
	c, err := NewSDKClient(sim, WithConfig(sm3))
	if err != nil {
		t.Fatal(err)
	}
	a, err := c.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")})
	if err != nil {
		t.Fatalf("SM3-signed call refused: %v", err)
	}
	if tea.StringValue(a.Body.AllocationId) == "" {
		t.Errorf("no AllocationId: %v", a.Body)
	}
	bad, err := NewSDKClient(sim, WithConfig(sm3), WithConfig(func(c *openapi.Config) { c.AccessKeySecret = tea.String("wrong") }),
		WithHandlerOptions(WithCredentials(DefaultCredential())))
	if err != nil {
		t.Fatal(err)
	}
	_, err = bad.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")})
	var se *tea.SDKError
	if !errors.As(err, &se) || tea.StringValue(se.Code) != "SignatureDoesNotMatch" ||
		!strings.Contains(tea.StringValue(se.Message), "ACS3-HMAC-SM3") {
		t.Errorf("wrong secret: %v", err)
	}
}
