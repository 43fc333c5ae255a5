package httpapi

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"net/http"
	"net/textproto"
	"net/url"
	"slices"
	"strings"

	"github.com/tjfoc/gmsm/sm3"
)

// ACS3-HMAC-SHA256, the official SDK's default signature (wire doc §6.1),
// and ACS3-HMAC-SM3, the same scheme with SM3 (GB/T 32905) in place of
// SHA-256 for the payload hash, the canonical request hash and the HMAC, as
// the Go and Node SDKs sign with SignatureAlgorithm "ACS3-HMAC-SM3". SM3 is
// github.com/tjfoc/gmsm/sm3, the implementation the official SDK links.

// acs3Algorithm is the SDK's default ACS3 algorithm.
const acs3Algorithm = "ACS3-HMAC-SHA256"

// acs3Alg is an accepted ACS3 algorithm: its name and its hash, as a
// hash.Hash (for the HMAC) and at once (sum32, which for SHA-256 costs no
// allocation).
type acs3Alg struct {
	name    string
	newHash func() hash.Hash
	sum32   func([]byte) [32]byte
	// empty is the hex hash of an empty payload, the usual one (the SDK
	// sends RPC parameters in the query).
	empty string
}

var (
	acs3SHA256 = newACS3Alg(acs3Algorithm, sha256.New, sha256.Sum256)
	acs3SM3    = newACS3Alg("ACS3-HMAC-SM3", sm3.New, func(b []byte) (s [32]byte) {
		copy(s[:], sm3.Sm3Sum(b))
		return s
	})
)

func newACS3Alg(name string, newHash func() hash.Hash, sum32 func([]byte) [32]byte) acs3Alg {
	empty := sum32(nil)
	return acs3Alg{name: name, newHash: newHash, sum32: sum32, empty: hex.EncodeToString(empty[:])}
}

// acs3AlgNamed returns the accepted algorithm called name.
func acs3AlgNamed(name string) (acs3Alg, bool) {
	switch name {
	case acs3SHA256.name:
		return acs3SHA256, true
	case acs3SM3.name:
		return acs3SM3, true
	}
	return acs3Alg{}, false
}

// sum is the lowercase hex hash of b.
func (a acs3Alg) sum(b []byte) string {
	if len(b) == 0 {
		return a.empty
	}
	s := a.sum32(b)
	return hex.EncodeToString(s[:])
}

// authorization is a parsed ACS3 Authorization header:
//
//	ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<h1;h2;...>,Signature=<hex>
type authorization struct {
	Algorithm     string
	Credential    string
	SignedHeaders []string
	Signature     string
}

// parseAuthorization parses an ACS3 Authorization header. It checks the
// shape only (one algorithm token, then exactly the three non-empty
// Credential, SignedHeaders and Signature pairs in any order, separated by
// commas with optional spaces, and no empty signed header name); ok is false
// if the shape is wrong.
func parseAuthorization(s string) (a authorization, ok bool) {
	alg, rest, found := strings.Cut(s, " ")
	if !found || alg == "" {
		return authorization{}, false
	}
	a.Algorithm = alg
	var signed string
	seen := 0
	for pair := range strings.SplitSeq(rest, ",") {
		k, v, found := strings.Cut(strings.TrimSpace(pair), "=")
		if !found || v == "" {
			return authorization{}, false
		}
		var bit int
		switch k {
		case "Credential":
			a.Credential, bit = v, 1
		case "SignedHeaders":
			signed, bit = v, 2
		case "Signature":
			a.Signature, bit = v, 4
		default:
			return authorization{}, false
		}
		if seen&bit != 0 {
			return authorization{}, false
		}
		seen |= bit
	}
	if seen != 7 {
		return authorization{}, false
	}
	a.SignedHeaders = strings.Split(signed, ";")
	for _, h := range a.SignedHeaders {
		if h == "" {
			return authorization{}, false
		}
	}
	return a, true
}

// String formats a the way the SDK does; parseAuthorization inverts it.
func (a authorization) String() string {
	return a.Algorithm + " Credential=" + a.Credential + ",SignedHeaders=" +
		strings.Join(a.SignedHeaders, ";") + ",Signature=" + a.Signature
}

// percentEncode is RFC 3986 encoding as the SDK does it: unreserved
// characters kept, everything else %XX with upper-case hex, space as %20.
func percentEncode(s string) string {
	return string(appendPercentEncoded(nil, s))
}

// appendPercentEncoded appends percentEncode(s) to b. It is what the SDK
// writes, url.QueryEscape then "+" as %20, "*" as %2A and "%7E" as "~",
// in one pass: QueryEscape keeps only the unreserved characters and turns
// a space into "+".
func appendPercentEncoded(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b = append(b, c)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

var encodeReplacer = strings.NewReplacer("+", "%20", "*", "%2A", "%7E", "~")

// canonicalQuery is the ACS3 canonical query string: decoded query
// parameters sorted by name (and by value for a repeated name), each
// percentEncode(name)=percentEncode(value), joined by &.
func canonicalQuery(q url.Values) string { return string(appendCanonicalQuery(nil, q)) }

// appendCanonicalQuery appends canonicalQuery(q) to b.
func appendCanonicalQuery(b []byte, q url.Values) []byte {
	var arr [32]string // the names, on the stack for the usual few
	keys := arr[:0]
	for k := range q {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	first := true
	for _, k := range keys {
		vs := q[k]
		if len(vs) > 1 {
			vs = slices.Clone(vs)
			slices.Sort(vs)
		}
		for _, v := range vs {
			if !first {
				b = append(b, '&')
			}
			first = false
			b = appendPercentEncoded(b, k)
			b = append(b, '=')
			b = appendPercentEncoded(b, v)
		}
	}
	return b
}

// appendCanonicalHeaders appends the ACS3 canonical header block to b: for
// each signed name, "name:value\n", the value trimmed; host is the Host the
// request arrived with; several values are sorted and joined by commas.
func appendCanonicalHeaders(b []byte, signed []string, header http.Header, host string) []byte {
	for _, name := range signed {
		var value string
		if name == "host" {
			value = host
		} else {
			vs := header.Values(canonicalName(name))
			if len(vs) > 1 {
				vs = slices.Clone(vs)
				for i := range vs {
					vs[i] = strings.TrimSpace(vs[i])
				}
				slices.Sort(vs)
			}
			value = strings.Join(vs, ",") // one value: itself, no copy
		}
		b = append(b, name...)
		b = append(b, ':')
		b = append(b, strings.TrimSpace(value)...)
		b = append(b, '\n')
	}
	return b
}

// signedByTheSDK are the headers the SDK signs, by their canonical names.
var signedByTheSDK = func() map[string]string {
	m := map[string]string{}
	for _, h := range []string{"x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce",
		"x-acs-version", "x-acs-security-token", "x-acs-credentials-provider", "content-type", "content-md5", "accept"} {
		m[h] = textproto.CanonicalMIMEHeaderKey(h)
	}
	return m
}()

// canonicalName returns the canonical form of a header name, without the
// allocation canonicalizing a lower-case name costs for the usual ones.
func canonicalName(name string) string {
	if c, ok := signedByTheSDK[name]; ok {
		return c
	}
	return textproto.CanonicalMIMEHeaderKey(name)
}

// acs3StringToSign is [acs3Alg.stringToSign] for ACS3-HMAC-SHA256.
func acs3StringToSign(method, path string, query url.Values, signed []string, header http.Header, host, hashedPayload string) string {
	return acs3SHA256.stringToSign(method, path, query, signed, header, host, hashedPayload)
}

// stringToSign builds the canonical request of §6.1 and returns the string
// to sign: the algorithm, a newline, and the hex hash of the canonical
// request.
func (a acs3Alg) stringToSign(method, path string, query url.Values, signed []string, header http.Header, host, hashedPayload string) string {
	return string(a.appendStringToSign(nil, method, path, query, signed, header, host, hashedPayload))
}

// appendStringToSign appends stringToSign(...) to dst, building the
// canonical request in dst's spare room first (so a reused dst costs no
// allocation).
func (a acs3Alg) appendStringToSign(dst []byte, method, path string, query url.Values, signed []string, header http.Header, host, hashedPayload string) []byte {
	n := len(dst)
	c := append(dst, method...)
	c = append(c, '\n')
	if strings.ContainsAny(path, "+*%") {
		c = append(c, encodeReplacer.Replace(path)...)
	} else {
		c = append(c, path...) // what the replacer would return
	}
	c = append(c, '\n')
	c = appendCanonicalQuery(c, query)
	c = append(c, '\n')
	c = appendCanonicalHeaders(c, signed, header, host)
	c = append(c, '\n')
	for i, h := range signed {
		if i > 0 {
			c = append(c, ';')
		}
		c = append(c, h...)
	}
	c = append(c, '\n')
	c = append(c, hashedPayload...)
	sum := a.sum32(c[n:])
	dst = append(c[:n], a.name...)
	dst = append(dst, '\n')
	return hex.AppendEncode(dst, sum[:])
}

// acs3Signature is the lowercase hex HMAC-SHA256 of stringToSign keyed by
// the raw secret.
func acs3Signature(secret, stringToSign string) string {
	return acs3SHA256.signature(secret, stringToSign)
}

// signature is the lowercase hex HMAC of stringToSign keyed by the raw
// secret.
func (a acs3Alg) signature(secret, stringToSign string) string {
	return string(appendMAC(nil, a.newMAC(secret), []byte(stringToSign)))
}

// newMAC is a new HMAC of a's hash keyed by secret.
func (a acs3Alg) newMAC(secret string) hash.Hash { return hmac.New(a.newHash, []byte(secret)) }

// appendMAC appends the lowercase hex HMAC of msg to dst, with mac (reset
// first, so that a pooled one can be reused).
func appendMAC(dst []byte, mac hash.Hash, msg []byte) []byte {
	mac.Reset()
	mac.Write(msg)
	n := len(dst)
	dst = mac.Sum(dst) // the raw sum after dst, then its hex in its place
	var raw [64]byte
	k := copy(raw[:], dst[n:])
	return hex.AppendEncode(dst[:n], raw[:k])
}

// hashPayload is the lowercase hex SHA-256 of the body.
func hashPayload(body []byte) string { return acs3SHA256.sum(body) }
