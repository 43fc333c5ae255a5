package httpapi

import (
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

func newTestHandler(b *stubBackend, opts ...Option) *Handler {
	return NewBackendHandler(b, append([]Option{WithCredentials(testCred)}, opts...)...)
}

// TestACS3VectorRequest serves the captured §6.1 request, signature and all.
func TestACS3VectorRequest(t *testing.T) {
	b := &stubBackend{now: vectorTime}
	r := vectorSpec().request()
	if got := r.Header.Get("Authorization"); !strings.HasSuffix(got, "Signature=465db2de4728af2a35275b9feea7c72c35dfbbcd25ee717d7a463e461a8cf1ba") {
		t.Fatalf("test request is not the vector: %s", got)
	}
	a := serve(t, newTestHandler(b), r)
	if a.Status != 200 || a.Body["RequestId"] != "REQ-UnassociateEipAddress" {
		t.Fatalf("got %d %s", a.Status, a.Raw)
	}
	c := b.lastCall(t)
	if c.Account != testAccount || c.Action != "UnassociateEipAddress" {
		t.Errorf("call %+v", c)
	}
	if c.Params.String("ClientToken") != "tok-123 ~*+/=&" || c.Params.String("RegionId") != "cn-hangzhou" || len(c.Params) != 6 {
		t.Errorf("params %v", c.Params)
	}
}

// TestV1VectorRequest serves the captured §4.4 v1 request.
func TestV1VectorRequest(t *testing.T) {
	b := &stubBackend{now: v1VectorTime}
	a := serve(t, newTestHandler(b), v1Request(v1VectorRawQuery))
	if a.Status != 200 {
		t.Fatalf("got %d %s", a.Status, a.Raw)
	}
	c := b.lastCall(t)
	if c.Account != testAccount || c.Action != "UnassociateEipAddress" {
		t.Errorf("call %+v", c)
	}
	for _, common := range []string{"AccessKeyId", "Action", "Format", "Signature", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp", "Version"} {
		if c.Params.Has(common) {
			t.Errorf("backend sees common parameter %s", common)
		}
	}
	if c.Params.String("Force") != "true" || c.Params.String("RegionId") != "cn-hangzhou" || len(c.Params) != 6 {
		t.Errorf("params %v", c.Params)
	}
}

func TestACS3Rejected(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(s *acs3Spec)     // before signing
		tamper func(r *http.Request) // after signing
		status int
		code   string
	}{
		{name: "query value changed", tamper: func(r *http.Request) {
			r.URL.RawQuery = strings.Replace(r.URL.RawQuery, "Force=false", "Force=true", 1)
		}, status: 400, code: "SignatureDoesNotMatch"},
		{name: "query param added", tamper: func(r *http.Request) { r.URL.RawQuery += "&Extra=1" }, status: 400, code: "SignatureDoesNotMatch"},
		{name: "signed header changed", tamper: func(r *http.Request) { r.Header.Set("x-acs-credentials-provider", "static_sts") }, status: 400, code: "SignatureDoesNotMatch"},
		{name: "host changed", tamper: func(r *http.Request) { r.Host = "localhost:44063" }, status: 400, code: "SignatureDoesNotMatch"},
		{name: "body changed", edit: func(s *acs3Spec) { s.body = "A=1" }, tamper: func(r *http.Request) { r.Body = ioNop("A=2"); r.ContentLength = 3 }, status: 400, code: "SignatureDoesNotMatch"},
		{name: "payload hash header lies", tamper: func(r *http.Request) { r.Body = ioNop("A=2"); r.ContentLength = 3 }, status: 400, code: "SignatureDoesNotMatch"},
		{name: "wrong secret", edit: func(s *acs3Spec) { s.secret = "not the secret" }, status: 400, code: "SignatureDoesNotMatch"},
		{name: "unknown key", edit: func(s *acs3Spec) { s.keyID = "LTAI5tNobody" }, status: 404, code: "InvalidAccessKeyId.NotFound"},
		{name: "no Authorization", tamper: func(r *http.Request) { r.Header.Del("Authorization") }, status: 400, code: "IncompleteSignature"},
		{name: "malformed Authorization", tamper: func(r *http.Request) { r.Header.Set("Authorization", "ACS3-HMAC-SHA256 Credential=x") }, status: 400, code: "IncompleteSignature"},
		{name: "other algorithm", tamper: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "ACS3-HMAC-SHA256", "ACS3-RSA-SHA256", 1))
		}, status: 400, code: "IncompleteSignature"},
		{name: "SM3 named over a SHA-256 signature", tamper: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "ACS3-HMAC-SHA256", "ACS3-HMAC-SM3", 1))
		}, status: 400, code: "SignatureDoesNotMatch"},
		{name: "x-acs header unsigned", tamper: func(r *http.Request) { r.Header.Set("x-acs-extra", "1") }, status: 400, code: "IncompleteSignature"},
		{name: "required header not signed", tamper: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "x-acs-date;", "", 1))
		}, status: 400, code: "IncompleteSignature"},
		{name: "signed headers unsorted", tamper: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "host;x-acs-action;", "x-acs-action;host;", 1))
		}, status: 400, code: "IncompleteSignature"},
		{name: "unparsable date", edit: func(s *acs3Spec) { s.date = "26 Nov 2026" }, status: 400, code: "InvalidTimeStamp.Format"},
		{name: "token with a permanent key", edit: func(s *acs3Spec) { s.token = "tok" }, status: 400, code: "InvalidSecurityToken.MismatchWithAccessKey"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := vectorSpec()
			if tc.edit != nil {
				tc.edit(&s)
			}
			r := s.request()
			if tc.tamper != nil {
				tc.tamper(r)
			}
			b := &stubBackend{now: vectorTime}
			a := serve(t, newTestHandler(b), r)
			wantError(t, a, tc.status, tc.code)
			if n := b.numCalls(); n != 0 {
				t.Errorf("backend called %d times", n)
			}
			if tc.code == "SignatureDoesNotMatch" {
				if msg, _ := a.Body["Message"].(string); !strings.Contains(msg, "server string to sign is:ACS3-HMAC-") {
					t.Errorf("message lacks the string to sign: %q", msg)
				}
			}
		})
	}
}

func ioNop(s string) *readCloser { return &readCloser{strings.NewReader(s)} }

type readCloser struct{ *strings.Reader }

func (readCloser) Close() error { return nil }

func TestACS3Timestamp(t *testing.T) {
	for _, tc := range []struct {
		offset time.Duration // server clock minus x-acs-date
		ok     bool
	}{
		{0, true},
		{15 * time.Minute, true},
		{-15 * time.Minute, true},
		{15*time.Minute + time.Second, false},
		{-15*time.Minute - time.Second, false},
	} {
		b := &stubBackend{now: vectorTime.Add(tc.offset)}
		a := serve(t, newTestHandler(b), vectorSpec().request())
		if tc.ok && a.Status != 200 {
			t.Errorf("offset %v: got %d %s", tc.offset, a.Status, a.Raw)
		}
		if !tc.ok {
			wantError(t, a, 400, "InvalidTimeStamp.Expired")
		}
	}
	// WithTimestampCheck(false): any well-formed date is accepted.
	b0 := &stubBackend{now: vectorTime.Add(72 * time.Hour)}
	if a := serve(t, newTestHandler(b0, WithTimestampCheck(false)), vectorSpec().request()); a.Status != 200 {
		t.Errorf("timestamp check off: %d %s", a.Status, a.Raw)
	}
	// WithRequestClock: the window is measured on that clock, not the backend's.
	if a := serve(t, newTestHandler(b0, WithRequestClock(func() time.Time { return vectorTime })), vectorSpec().request()); a.Status != 200 {
		t.Errorf("request clock at the stamp: %d %s", a.Status, a.Raw)
	}
	wantError(t, serve(t, newTestHandler(&stubBackend{now: vectorTime}, WithRequestClock(func() time.Time { return vectorTime.Add(time.Hour) })),
		vectorSpec().request()), 400, "InvalidTimeStamp.Expired")
	// WithClockSkew narrows the window.
	b := &stubBackend{now: vectorTime.Add(2 * time.Minute)}
	wantError(t, serve(t, newTestHandler(b, WithClockSkew(time.Minute)), vectorSpec().request()), 400, "InvalidTimeStamp.Expired")
}

func TestV1Rejected(t *testing.T) {
	base := func() url.Values {
		q, _ := url.ParseQuery(v1VectorRawQuery)
		q.Del("Signature")
		return q
	}
	cases := []struct {
		name   string
		raw    func() string
		now    time.Time
		status int
		code   string
	}{
		{"wrong secret", func() string { return signV1(base(), "nope") }, v1VectorTime, 400, "SignatureDoesNotMatch"},
		{"tampered query", func() string { return strings.Replace(v1VectorRawQuery, "Force=true", "Force=false", 1) }, v1VectorTime, 400, "SignatureDoesNotMatch"},
		{"unknown key", func() string { q := base(); q.Set("AccessKeyId", "LTAI5tNobody"); return signV1(q, testSecret) }, v1VectorTime, 404, "InvalidAccessKeyId.NotFound"},
		{"no signature", func() string { return base().Encode() }, v1VectorTime, 400, "IncompleteSignature"},
		{"other method", func() string { q := base(); q.Set("SignatureMethod", "HMAC-SHA256"); return signV1(q, testSecret) }, v1VectorTime, 400, "IncompleteSignature"},
		{"unsigned action", func() string { q := base(); q.Del("Action"); return signV1(q, testSecret) }, v1VectorTime, 400, "MissingParameter"},
		{"no nonce", func() string { q := base(); q.Del("SignatureNonce"); return signV1(q, testSecret) }, v1VectorTime, 400, "MissingParameter"},
		{"expired, server ahead", func() string { return v1VectorRawQuery }, v1VectorTime.Add(16 * time.Minute), 400, "InvalidTimeStamp.Expired"},
		{"expired, server behind", func() string { return v1VectorRawQuery }, v1VectorTime.Add(-16 * time.Minute), 400, "InvalidTimeStamp.Expired"},
		{"token with a permanent key", func() string { q := base(); q.Set("SecurityToken", "t"); return signV1(q, testSecret) }, v1VectorTime, 400, "InvalidSecurityToken.MismatchWithAccessKey"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := &stubBackend{now: tc.now}
			wantError(t, serve(t, newTestHandler(b), v1Request(tc.raw())), tc.status, tc.code)
			if b.numCalls() != 0 {
				t.Error("backend called")
			}
		})
	}
}

// TestNonceReplay: a nonce is refused for 15 minutes of the backend's clock
// and accepted again after.
func TestNonceReplay(t *testing.T) {
	b := &stubBackend{now: vectorTime}
	h := newTestHandler(b)
	at := func(d time.Duration) *http.Request {
		s := vectorSpec()
		s.date = vectorTime.Add(d).Format(timestampLayout)
		return s.request() // same nonce every time
	}
	if a := serve(t, h, at(0)); a.Status != 200 {
		t.Fatalf("first use: %s", a.Raw)
	}
	wantError(t, serve(t, h, at(0)), 400, "SignatureNonceUsed")
	b.advance(10 * time.Minute)
	wantError(t, serve(t, h, at(10*time.Minute)), 400, "SignatureNonceUsed")
	// A failed signature does not burn or refresh anything.
	s := vectorSpec()
	s.secret = "wrong"
	wantError(t, serve(t, h, s.request()), 400, "SignatureDoesNotMatch")
	b.advance(5*time.Minute + time.Second)
	if a := serve(t, h, at(15*time.Minute+time.Second)); a.Status != 200 {
		t.Fatalf("after expiry: %s", a.Raw)
	}
	// v1 nonces are checked the same way.
	bv := &stubBackend{now: v1VectorTime}
	hv := newTestHandler(bv)
	if a := serve(t, hv, v1Request(v1VectorRawQuery)); a.Status != 200 {
		t.Fatalf("v1 first use: %s", a.Raw)
	}
	wantError(t, serve(t, hv, v1Request(v1VectorRawQuery)), 400, "SignatureNonceUsed")
}

// TestNonceCacheBounded: a full cache refuses new nonces rather than forget
// an unexpired one (it used to evict the oldest, so a replay of it passed).
func TestNonceCacheBounded(t *testing.T) {
	c := newNonceCache(time.Minute, 3)
	t0 := vectorTime
	for i, n := range []string{"a", "b", "c"} {
		if v := c.use(n, t0.Add(time.Duration(i)*time.Second)); v != nonceFresh {
			t.Fatalf("fresh nonce %s: %v", n, v)
		}
	}
	if v := c.use("d", t0.Add(3*time.Second)); v != nonceFull {
		t.Fatalf("new nonce with a full cache: %v, want nonceFull", v)
	}
	if c.len() != 3 {
		t.Fatalf("len %d, want 3 (bounded)", c.len())
	}
	for _, n := range []string{"a", "b", "c"} {
		if v := c.use(n, t0.Add(5*time.Second)); v != nonceUsed {
			t.Errorf("replayed nonce %s with a full cache: %v, want nonceUsed", n, v)
		}
	}
	// "a" expires at t0+1m: then there is room again.
	if v := c.use("d", t0.Add(time.Minute)); v != nonceFresh {
		t.Fatalf("after the oldest expired: %v", v)
	}
	c.use("z", t0.Add(3*time.Minute)) // everything else expired
	if c.len() != 1 {
		t.Errorf("len %d after expiry, want 1", c.len())
	}
	// A clock that goes backwards neither panics nor forgets live entries.
	if c.use("z", t0) != nonceUsed {
		t.Error("reused nonce accepted after clock moved back")
	}
	// A TTL that would reach past the year 2262 saturates.
	far := newNonceCache(1<<63-1, 3)
	if far.use("x", t0) != nonceFresh || far.use("x", t0.Add(200*365*24*time.Hour)) != nonceUsed {
		t.Error("a nonce with a saturated expiry was forgotten")
	}
}

// TestNonceCacheFullOverHTTP: with the cache full, a new signed request is
// 503 ServiceUnavailable and the old one is still a replay.
func TestNonceCacheFullOverHTTP(t *testing.T) {
	b := &stubBackend{now: vectorTime}
	h := NewBackendHandler(b, WithCredentials(testCred), WithTimestampCheck(false), WithMaxNonces(1))
	first := vectorSpec()
	if a := serve(t, h, first.request()); a.Status != 200 {
		t.Fatalf("first: %s", a.Raw)
	}
	second := vectorSpec()
	second.nonce = "another-nonce"
	wantError(t, serve(t, h, second.request()), 503, "ServiceUnavailable")
	wantError(t, serve(t, h, first.request()), 400, "SignatureNonceUsed")
	b.advance(DefaultClockSkew)
	if a := serve(t, h, second.request()); a.Status != 200 {
		t.Fatalf("after expiry: %s", a.Raw)
	}
}

// TestNonceCacheMemory: the documented per-entry cost holds.
func TestNonceCacheMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 100k entries")
	}
	const n = 100000
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	c := newNonceCache(time.Hour, n)
	for i := range n {
		c.use("AKID\x00nonce-"+strconv.Itoa(i)+strings.Repeat("x", 64), vectorTime)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	per := (after.HeapAlloc - before.HeapAlloc) / n
	t.Logf("%d bytes per nonce", per)
	if per > nonceEntryBytes {
		t.Fatalf("%d bytes per nonce, documented %d", per, nonceEntryBytes)
	}
	runtime.KeepAlive(c)
}

func TestSTS(t *testing.T) {
	sts := Credential{AccessKeyID: "STS.FakeStsKeyId", AccessKeySecret: "stsSecret", AccountID: "999", SecurityToken: "FakeSecurityToken=="}
	for _, tc := range []struct {
		token string
		ok    bool
	}{{"FakeSecurityToken==", true}, {"", false}, {"other", false}} {
		b := &stubBackend{now: vectorTime}
		s := vectorSpec()
		s.keyID, s.secret, s.token = sts.AccessKeyID, sts.AccessKeySecret, tc.token
		a := serve(t, NewBackendHandler(b, WithCredentials(sts)), s.request())
		if tc.ok {
			if a.Status != 200 || b.lastCall(t).Account != "999" {
				t.Errorf("token %q: %d %s", tc.token, a.Status, a.Raw)
			}
		} else {
			wantError(t, a, 400, "InvalidSecurityToken.MismatchWithAccessKey")
		}
	}
}

func TestAuthOff(t *testing.T) {
	b := &stubBackend{now: vectorTime.Add(24 * time.Hour)}
	h := NewBackendHandler(b, WithAuth(false), WithCredentials(testCred))
	// A wrong, stale signature of a known key: served as that key's account.
	s := vectorSpec()
	s.secret = "wrong"
	if a := serve(t, h, s.request()); a.Status != 200 || b.lastCall(t).Account != testAccount {
		t.Fatalf("got %d %s", a.Status, a.Raw)
	}
	// No signature at all: the default account.
	r, _ := http.NewRequest(http.MethodPost, "/?Action=ReleaseEipAddress&Version=2016-04-28&AllocationId=eip-1", nil)
	if a := serve(t, h, r); a.Status != 200 || b.lastCall(t).Account != DefaultAccountID {
		t.Fatalf("got %d %s", a.Status, a.Raw)
	}
}

// TestNonceKeyedIsJoinedKey: useKeyed(id, nonce) is use(id NUL nonce), for
// a short key (built on the stack) and a long one (past the stack buffer);
// the same nonce under another AccessKey is fresh.
func TestNonceKeyedIsJoinedKey(t *testing.T) {
	for _, nonce := range []string{"n-1", strings.Repeat("long", 64)} {
		c := newNonceCache(time.Minute, 10)
		if v := c.useKeyed("AK1", nonce, vectorTime); v != nonceFresh {
			t.Fatalf("%q: first use %v", nonce, v)
		}
		if v := c.use("AK1\x00"+nonce, vectorTime); v != nonceUsed {
			t.Errorf("%q: use of the joined key after useKeyed = %v, want nonceUsed", nonce, v)
		}
		if v := c.useKeyed("AK2", nonce, vectorTime); v != nonceFresh {
			t.Errorf("%q: another AccessKey's nonce = %v, want nonceFresh", nonce, v)
		}
	}
}
