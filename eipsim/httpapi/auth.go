package httpapi

import (
	"bytes"
	"crypto/subtle"
	"net/http"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/eipsim/eipsim/eipsim"
)

// Credential is one AccessKey pair and the account it acts for.
//
// A Credential with a SecurityToken is an STS credential: every request
// signed with its AccessKeyID must carry exactly that token (the
// x-acs-security-token header with ACS3, the SecurityToken parameter with
// v1), or it is answered with InvalidSecurityToken.MismatchWithAccessKey. A
// Credential without one is a permanent AccessKey, and requests signed with
// it must carry no token.
type Credential struct {
	AccessKeyID     string
	AccessKeySecret string
	// AccountID is the Alibaba Cloud account (UID) the key acts for; it is
	// what the Backend sees.
	AccountID     string
	SecurityToken string
}

// DefaultAccountID is the account of requests served with authentication
// off ([WithAuth](false)) whose AccessKeyId is not a known credential, and of
// [DefaultCredential]. It is the engine's default account, which owns what
// world setup creates when no account is named.
const DefaultAccountID = eipsim.DefaultAccountID

// DefaultClockSkew is how far a request's timestamp may be from the
// simulator's clock, either way, and how long a signature nonce is
// remembered (see [WithClockSkew]).
const DefaultClockSkew = 15 * time.Minute

// timestampLayout is the layout of x-acs-date and Timestamp.
const timestampLayout = "2006-01-02T15:04:05Z"

// acs3RequiredSigned are the headers an ACS3 signature must cover, beyond
// every x-acs-* header present and content-type when present.
var acs3RequiredSigned = []string{
	"host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version",
}

// authenticator checks signatures, timestamps and nonces.
type authenticator struct {
	enabled     bool
	noTimestamp bool // WithTimestampCheck(false)
	creds       map[string]Credential
	skew        time.Duration
	nonces      *nonceCache
	maxNonces   int
	// scratches pools the ACS3 check's state per algorithm and secret
	// (acs3_scratch.go): at most two entries per credential.
	scratches sync.Map
}

// authenticate verifies req at now and returns the account it acts for.
// An Authorization header selects ACS3; its absence, the v1 query signature.
func (a *authenticator) authenticate(req *request, now time.Time) (string, *eipsim.Error) {
	if !a.enabled {
		return a.unverifiedAccount(req), nil
	}
	var (
		cred Credential
		err  *eipsim.Error
	)
	if req.header.Get("Authorization") != "" {
		cred, err = a.verifyACS3(req, now)
	} else {
		cred, err = a.verifyV1(req, now)
	}
	if err != nil {
		return "", err
	}
	return cred.AccountID, nil
}

// unverifiedAccount is the account of an unauthenticated request: that of
// its AccessKeyId if known, else DefaultAccountID.
func (a *authenticator) unverifiedAccount(req *request) string {
	id := req.query.Get("AccessKeyId")
	if auth, ok := parseAuthorization(req.header.Get("Authorization")); ok {
		id = auth.Credential
	}
	if c, ok := a.creds[id]; ok {
		return c.AccountID
	}
	return DefaultAccountID
}

// verifyACS3 checks an ACS3-HMAC-SHA256 or ACS3-HMAC-SM3 Authorization
// header (wire doc §6.1).
func (a *authenticator) verifyACS3(req *request, now time.Time) (Credential, *eipsim.Error) {
	auth, ok := parseAuthorization(req.header.Get("Authorization"))
	alg, known := acs3AlgNamed(auth.Algorithm)
	if !ok || !known || !signsRequired(auth.SignedHeaders, req.header) {
		return Credential{}, codeError(eipsim.CodeIncompleteSignature)
	}
	cred, ok := a.creds[auth.Credential]
	if !ok {
		return Credential{}, codeError(eipsim.CodeInvalidAccessKeyIDNotFound)
	}
	payload := alg.sum(req.body)
	scratch := a.scratch(alg, cred.AccessKeySecret)
	defer a.release(alg, cred.AccessKeySecret, scratch)
	sts := alg.appendStringToSign(scratch.buf[:0], req.method, "/", req.query, auth.SignedHeaders, req.header, req.host, payload)
	scratch.buf = sts[:0] // keep what grew
	want := appendMAC(scratch.sig[:0], scratch.mac, sts)
	if !equalBytes(want, auth.Signature) || req.header.Get("X-Acs-Content-Sha256") != payload {
		return Credential{}, eipsim.NewError(eipsim.CodeSignatureDoesNotMatch, "", "", string(sts))
	}
	// Canonical names: a lower-case one costs an allocation to canonicalize.
	return cred, a.checkFreshness(cred, req.header.Get("X-Acs-Security-Token"),
		req.header.Get("X-Acs-Date"), req.header.Get("X-Acs-Signature-Nonce"), "x-acs-signature-nonce", now)
}

// signsRequired reports whether signed is sorted, free of duplicates, and
// covers the required headers, every x-acs-* header present and content-type
// when present.
func signsRequired(signed []string, header http.Header) bool {
	for i := 1; i < len(signed); i++ {
		if signed[i-1] >= signed[i] {
			return false
		}
	}
	has := func(name []byte) bool {
		for _, s := range signed {
			if s == string(name) { // compared, not converted
				return true
			}
		}
		return false
	}
	for _, name := range acs3RequiredSigned {
		if !has([]byte(name)) {
			return false
		}
	}
	var buf [64]byte
	for name := range header {
		lower := appendLower(buf[:0], name)
		if (bytes.HasPrefix(lower, []byte("x-acs-")) || string(lower) == "content-type") && !has(lower) {
			return false
		}
	}
	return true
}

// appendLower appends strings.ToLower(s) to b; for an ASCII s (every header
// name net/http accepts) without converting to a string.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// verifyV1 checks a legacy HMAC-SHA1 query signature (wire doc §6.2).
func (a *authenticator) verifyV1(req *request, now time.Time) (Credential, *eipsim.Error) {
	params, err := req.allParams()
	if err != nil {
		return Credential{}, err
	}
	if params["Signature"] == "" || params["AccessKeyId"] == "" ||
		params["SignatureMethod"] != v1SignatureMethod || params["SignatureVersion"] != v1SignatureVersion {
		return Credential{}, codeError(eipsim.CodeIncompleteSignature)
	}
	// The action and version must be signed parameters, not just headers.
	for _, name := range []string{"Action", "Version", "Timestamp", "SignatureNonce"} {
		if params[name] == "" {
			return Credential{}, eipsim.NewError(eipsim.CodeMissingParameter, "", "", name)
		}
	}
	cred, ok := a.creds[params["AccessKeyId"]]
	if !ok {
		return Credential{}, codeError(eipsim.CodeInvalidAccessKeyIDNotFound)
	}
	sts := v1StringToSign(req.method, params)
	if !equal(v1Signature(cred.AccessKeySecret, sts), params["Signature"]) {
		return Credential{}, eipsim.NewError(eipsim.CodeSignatureDoesNotMatch, "", "", sts)
	}
	return cred, a.checkFreshness(cred, params["SecurityToken"],
		params["Timestamp"], params["SignatureNonce"], "SignatureNonce", now)
}

// checkFreshness runs the checks that follow a valid signature: the STS
// token, the timestamp within ±skew of now, and a nonce not used within skew.
// The nonce is recorded only here, so requests with a bad signature cannot
// burn nonces.
func (a *authenticator) checkFreshness(cred Credential, token, stamp, nonce, nonceName string, now time.Time) *eipsim.Error {
	if token != cred.SecurityToken {
		return codeError(eipsim.CodeInvalidSecurityTokenMismatch)
	}
	t, err := time.Parse(timestampLayout, stamp)
	if err != nil {
		return codeError(eipsim.CodeInvalidTimeStampFormat)
	}
	if d := t.Sub(now); !a.noTimestamp && (d > a.skew || d < -a.skew) {
		return codeError(eipsim.CodeInvalidTimeStampExpired)
	}
	if nonce == "" {
		return eipsim.NewError(eipsim.CodeMissingParameter, "", "", nonceName)
	}
	switch a.nonces.useKeyed(cred.AccessKeyID, nonce, now) {
	case nonceUsed:
		return codeError(eipsim.CodeSignatureNonceUsed)
	case nonceFull:
		return codeError(eipsim.CodeServiceUnavailable)
	}
	return nil
}

// equal compares two signatures in constant time.
func equal(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// equalBytes is equal for a signature we computed, without copying the
// one sent: the same constant-time comparison (every byte XORed, the
// differences ORed).
func equalBytes(a []byte, b string) bool {
	if len(a) != len(b) {
		return false
	}
	var v byte
	for i := range a {
		v |= a[i] ^ b[i]
	}
	return subtle.ConstantTimeByteEq(v, 0) == 1
}
