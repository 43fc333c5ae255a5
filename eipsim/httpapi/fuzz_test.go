package httpapi

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// seedRequests are the captured requests of the wire doc (§4.1-§4.4) as
// (method, path, query, body, headers), headers as "name: value" lines.
func seedRequests() [][5]string {
	acs3 := vectorSpec().request()
	var hdr strings.Builder
	for k, vs := range acs3.Header {
		hdr.WriteString(k + ": " + vs[0] + "\n")
	}
	base := "x-acs-version: 2016-04-28\nx-acs-credentials-provider: static_ak\n"
	return [][5]string{
		{"POST", "/", acs3.URL.RawQuery, "", hdr.String() + "Host: 127.0.0.1:44063\n"},
		{"POST", "/", v1VectorRawQuery, "", base + "x-acs-action: UnassociateEipAddress\n"},
		{"POST", "/", "AllocationId=eip-fake0001&ClientToken=tok-assoc&InstanceId=i-fake0001&InstanceType=EcsInstance&OwnerId=1234567890123&RegionId=cn-hangzhou", "", base + "x-acs-action: AssociateEipAddress\n"},
		{"POST", "/", "AutoPay=false&Bandwidth=5&Description=a%2Bb%2Ac~d&InternetChargeType=PayByTraffic&Name=my+eip+%E5%90%8D%E5%AD%97&Period=1&RegionId=cn-hangzhou&SecurityProtectionTypes.1=AntiDDoS_Enhanced&Tag.1.Key=env&Tag.1.Value=dev&Tag.2.Key=team&Tag.2.Value=x", "", base + "x-acs-action: AllocateEipAddress\n"},
		{"POST", "/", "AllocationId=eip-fake0001&Filter.1.Key=CreationStartTime&Filter.1.Value=2024-01-01T00%3A00Z&PageNumber=1&PageSize=10&RegionId=cn-hangzhou&Status=InUse&Tag.1.Key=env&Tag.1.Value=dev", "", base + "x-acs-action: DescribeEipAddresses\n"},
		{"POST", "/", "LocalSubnet=10.0.0.0%2F8&RegionId=cn-hangzhou&RemoteSubnet=192.168.0.0%2F16&VpnGatewayId=vpn-1", "TunnelOptionsSpecification.1.CustomerGatewayId=cgw-1&TunnelOptionsSpecification.1.EnableDpd=true", base + "x-acs-action: ReleaseEipAddress\ncontent-type: application/x-www-form-urlencoded\n"},
		{"GET", "/x", "Action=ReleaseEipAddress&Version=2016-04-28&Tag.01.Key=a", "", ""},
	}
}

// FuzzDecodeRequest: no request makes the handler panic or answer anything
// but a JSON object with a RequestId (and the error fields on errors).
func FuzzDecodeRequest(f *testing.F) {
	for _, s := range seedRequests() {
		f.Add(s[0], s[1], s[2], []byte(s[3]), s[4], false)
		f.Add(s[0], s[1], s[2], []byte(s[3]), s[4], true)
	}
	f.Fuzz(func(t *testing.T, method, path, rawQuery string, body []byte, headers string, authOff bool) {
		r := &http.Request{
			Method:        method,
			URL:           &url.URL{Path: path, RawQuery: rawQuery},
			Header:        http.Header{},
			Body:          readCloser{strings.NewReader(string(body))},
			ContentLength: int64(len(body)),
			Host:          "127.0.0.1:44063",
		}
		for line := range strings.SplitSeq(headers, "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok {
				r.Header.Add(strings.TrimSpace(k), strings.TrimSpace(v))
			}
		}
		b := &stubBackend{now: vectorTime, fn: func(_, _ string, p Params) (any, error) {
			// Exercise the decoders on whatever arrived.
			if _, err := p.Objects("Tag"); err != nil {
				return nil, err
			}
			if _, err := p.List("SecurityProtectionTypes"); err != nil {
				return nil, err
			}
			if _, err := p.Bool("Force"); err != nil {
				return nil, err
			}
			return map[string]any{"Params": len(p)}, nil
		}}
		h := NewBackendHandler(b, WithCredentials(testCred), WithAuth(!authOff), WithMaxBodyBytes(1<<10))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if _, err := checkAnswer(rec.Result()); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzParseAuthorization: parsing never panics, and what parses formats
// back to a header that parses to the same value.
func FuzzParseAuthorization(f *testing.F) {
	f.Add(vectorSpec().request().Header.Get("Authorization"))
	f.Add("ACS3-HMAC-SHA256 Credential=STS.FakeStsKeyId,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=1d21dd72")
	f.Add("ACS3-HMAC-SHA256 Signature=a , Credential=b,SignedHeaders=c")
	f.Add("ACS3-HMAC-SM3 Credential=a,SignedHeaders=host;;x,Signature=b")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := parseAuthorization(s)
		if !ok {
			return
		}
		formatted := a.String()
		b, ok := parseAuthorization(formatted)
		if !ok || !reflect.DeepEqual(a, b) {
			t.Fatalf("%q parsed to %+v, formatted to %q, reparsed to %+v (%v)", s, a, formatted, b, ok)
		}
		if !bytes.Equal([]byte(b.String()), []byte(formatted)) {
			t.Fatalf("format not stable: %q vs %q", b.String(), formatted)
		}
	})
}
