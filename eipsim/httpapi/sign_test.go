package httpapi

import (
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// TestACS3Vector is the ACS3 vector of sdk-wire-protocol.md §6.1/§6.3.
func TestACS3Vector(t *testing.T) {
	s := vectorSpec()
	h := http.Header{}
	h.Set("x-acs-action", "UnassociateEipAddress")
	h.Set("x-acs-content-sha256", emptySHA256)
	h.Set("x-acs-credentials-provider", "static_ak")
	h.Set("x-acs-date", "2026-11-26T04:24:07Z")
	h.Set("x-acs-signature-nonce", "76dd6512562b78e6711854fcc1cfdc36")
	h.Set("x-acs-version", "2016-04-28")
	signed := []string{"host", "x-acs-action", "x-acs-content-sha256", "x-acs-credentials-provider", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}

	if got, want := canonicalQuery(s.query), "AllocationId=eip-fake0001&ClientToken=tok-123%20~%2A%2B%2F%3D%26&Force=false&InstanceId=i-fake0001&InstanceType=EcsInstance&RegionId=cn-hangzhou"; got != want {
		t.Errorf("canonical query\n got %s\nwant %s", got, want)
	}
	if got := hashPayload(nil); got != emptySHA256 {
		t.Errorf("hash of empty payload = %s", got)
	}
	sts := acs3StringToSign("POST", "/", s.query, signed, h, "127.0.0.1:44063", emptySHA256)
	if want := "ACS3-HMAC-SHA256\ncc5370b0a1e86cf45865d5ba3cfb9ed7969c8de28210664035b7745e297e45a6"; sts != want {
		t.Fatalf("string to sign\n got %q\nwant %q", sts, want)
	}
	if got, want := acs3Signature(testSecret, sts), "465db2de4728af2a35275b9feea7c72c35dfbbcd25ee717d7a463e461a8cf1ba"; got != want {
		t.Fatalf("signature %s, want %s", got, want)
	}
}

// TestV1Vector is the v1 vector of sdk-wire-protocol.md §6.2/§6.3.
func TestV1Vector(t *testing.T) {
	params := map[string]string{
		"AccessKeyId": testKeyID, "Action": "UnassociateEipAddress", "AllocationId": "eip-fake0001",
		"ClientToken": "tok-123 ~*+/=&", "Force": "true", "Format": "json", "InstanceId": "i-fake0001",
		"InstanceType": "EcsInstance", "RegionId": "cn-hangzhou", "SignatureMethod": "HMAC-SHA1",
		"SignatureNonce": "244a3ee35c429e199b4f3474e087118f", "SignatureVersion": "1.0",
		"Timestamp": "2026-11-26T04:23:37Z", "Version": "2016-04-28",
		"Signature": "ignored: never part of the string to sign",
	}
	sts := v1StringToSign("POST", params)
	if got, want := v1Signature(testSecret, sts), "+r/yQRGCAac3mhrqlPWS7VV3GBg="; got != want {
		t.Fatalf("v1 signature %s, want %s\nstring to sign %s", got, want, sts)
	}
	// The double encoding of §6.2 step 4.
	if want := "Timestamp%3D2026-11-26T04%253A23%253A37Z"; !strings.Contains(sts, want) {
		t.Errorf("string to sign lacks %s: %s", want, sts)
	}
}

func TestPercentEncode(t *testing.T) {
	for in, want := range map[string]string{
		"tok-123 ~*+/=&": "tok-123%20~%2A%2B%2F%3D%26",
		"AZaz09-_.~":     "AZaz09-_.~",
		"名字":             "%E5%90%8D%E5%AD%97",
		"a\nb%":          "a%0Ab%25",
		"":               "",
	} {
		if got := percentEncode(in); got != want {
			t.Errorf("percentEncode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCanonicalQueryRepeatedAndEmpty(t *testing.T) {
	q := url.Values{"b": {"2", "1"}, "a": {""}, "A": {"x y"}}
	if got, want := canonicalQuery(q), "A=x%20y&a=&b=1&b=2"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestParseAuthorization(t *testing.T) {
	good := "ACS3-HMAC-SHA256 Credential=LTAI5tFakeKeyId0001,SignedHeaders=host;x-acs-action,Signature=abc"
	want := authorization{"ACS3-HMAC-SHA256", "LTAI5tFakeKeyId0001", []string{"host", "x-acs-action"}, "abc"}
	for _, s := range []string{
		good,
		"ACS3-HMAC-SHA256 Signature=abc, SignedHeaders=host;x-acs-action , Credential=LTAI5tFakeKeyId0001",
	} {
		got, ok := parseAuthorization(s)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("parseAuthorization(%q) = %+v, %v; want %+v", s, got, ok, want)
		}
	}
	if got := want.String(); got != good {
		t.Errorf("String() = %q, want %q", got, good)
	}
	for _, bad := range []string{
		"",
		"ACS3-HMAC-SHA256",
		"ACS3-HMAC-SHA256 ",
		" Credential=a,SignedHeaders=host,Signature=x",
		"ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host",
		"ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=",
		"ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=x,Signature=y",
		"ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=x,Extra=1",
		"ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host;;date,Signature=x",
		"ACS3-HMAC-SHA256 Credential,SignedHeaders=host,Signature=x",
	} {
		if got, ok := parseAuthorization(bad); ok {
			t.Errorf("parseAuthorization(%q) accepted: %+v", bad, got)
		}
	}
}
