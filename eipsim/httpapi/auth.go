package httpapi

import (
	"crypto/subtle"
	"net/http"
	"strings"
	"time"

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
	sts := alg.stringToSign(req.method, "/", req.query, auth.SignedHeaders, req.header, req.host, payload)
	want := alg.signature(cred.AccessKeySecret, sts)
	if !equal(want, auth.Signature) || req.header.Get("X-Acs-Content-Sha256") != payload {
		return Credential{}, eipsim.NewError(eipsim.CodeSignatureDoesNotMatch, "", "", sts)
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
	has := func(name string) bool {
		for _, s := range signed {
			if s == name {
				return true
			}
		}
		return false
	}
	for _, name := range acs3RequiredSigned {
		if !has(name) {
			return false
		}
	}
	for name := range header {
		lower := strings.ToLower(name)
		if (strings.HasPrefix(lower, "x-acs-") || lower == "content-type") && !has(lower) {
			return false
		}
	}
	return true
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
	// Nonces are per AccessKey (AccessKeyIds hold no NUL, so keys cannot collide).
	switch a.nonces.use(cred.AccessKeyID+"\x00"+nonce, now) {
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
