package httpapi

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"sort"
	"strings"
)

// The legacy RPC "v1" signature, HMAC-SHA1 over the parameters, which the SDK
// uses with Config.SignatureAlgorithm = "v2" (wire doc §6.2).

const (
	v1SignatureMethod  = "HMAC-SHA1"
	v1SignatureVersion = "1.0"
)

// v1StringToSign is METHOD&%2F&enc(canonicalized), where canonicalized is
// every parameter but Signature, sorted by name, enc(name)=enc(value) joined
// by &. (The path is always "/" for RPC calls.)
func v1StringToSign(method string, params map[string]string) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		if k != "Signature" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(percentEncode(k))
		b.WriteByte('=')
		b.WriteString(percentEncode(params[k]))
	}
	return method + "&" + percentEncode("/") + "&" + percentEncode(b.String())
}

// v1Signature is the standard base64 HMAC-SHA1 of stringToSign keyed by
// secret + "&".
func v1Signature(secret, stringToSign string) string {
	m := hmac.New(sha1.New, []byte(secret+"&"))
	m.Write([]byte(stringToSign))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}
