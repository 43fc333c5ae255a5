package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Fake keys and the vectors of sdk-wire-protocol.md §6.3.
const (
	testKeyID   = "LTAI5tFakeKeyId0001"
	testSecret  = "FakeSecret/With+Special=Chars"
	testAccount = "1234567890123456"
	emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
)

var testCred = Credential{AccessKeyID: testKeyID, AccessKeySecret: testSecret, AccountID: testAccount}

// stubCall is one Backend.Call the stub received.
type stubCall struct {
	Account string
	Action  string
	Params  Params
}

// stubBackend records calls and answers with fn (default: {"RequestId":...,"Ok":true}).
type stubBackend struct {
	mu    sync.Mutex
	now   time.Time
	wall  bool // Now is the wall clock (for the real SDK, which stamps wall time)
	seq   int
	calls []stubCall
	fn    func(account, action string, p Params) (any, error)
}

func (b *stubBackend) Now() time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.wall {
		return time.Now()
	}
	return b.now
}

func (b *stubBackend) advance(d time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.now = b.now.Add(d)
}

func (b *stubBackend) NewRequestID() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.seq++
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", b.seq)
}

func (b *stubBackend) Call(ctx context.Context, account, action string, p Params) (any, error) {
	b.mu.Lock()
	b.calls = append(b.calls, stubCall{account, action, p})
	fn := b.fn
	b.mu.Unlock()
	if fn != nil {
		return fn(account, action, p)
	}
	return map[string]any{"RequestId": "REQ-" + action, "Ok": true}, nil
}

func (b *stubBackend) lastCall(t *testing.T) stubCall {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.calls) == 0 {
		t.Fatal("backend was not called")
	}
	return b.calls[len(b.calls)-1]
}

func (b *stubBackend) numCalls() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.calls)
}

// vectorTime is x-acs-date of the ACS3 vector.
var vectorTime = time.Date(2026, 11, 26, 4, 24, 7, 0, time.UTC)

// acs3Spec describes a request to sign with ACS3.
type acs3Spec struct {
	host, action, date, nonce, token string
	query                            url.Values
	body                             string // sent as a form body if non-empty
	keyID, secret                    string
}

// vectorSpec is the captured request of §6.1 (UnassociateEipAddress, Force=false).
func vectorSpec() acs3Spec {
	return acs3Spec{
		host:   "127.0.0.1:44063",
		action: "UnassociateEipAddress",
		date:   "2026-11-26T04:24:07Z",
		nonce:  "76dd6512562b78e6711854fcc1cfdc36",
		query: url.Values{
			"AllocationId": {"eip-fake0001"}, "ClientToken": {"tok-123 ~*+/=&"}, "Force": {"false"},
			"InstanceId": {"i-fake0001"}, "InstanceType": {"EcsInstance"}, "RegionId": {"cn-hangzhou"},
		},
		keyID: testKeyID, secret: testSecret,
	}
}

// request builds the request the SDK would send for s, signed with this
// package's signer (the vectors and the SDK tests check the signer itself).
func (s acs3Spec) request() *http.Request {
	r := httptest.NewRequest(http.MethodPost, "http://"+s.host+"/?"+s.query.Encode(), strings.NewReader(s.body))
	r.Host = s.host
	h := r.Header
	h.Set("x-acs-action", s.action)
	h.Set("x-acs-version", APIVersion)
	h.Set("x-acs-date", s.date)
	h.Set("x-acs-signature-nonce", s.nonce)
	h.Set("x-acs-content-sha256", hashPayload([]byte(s.body)))
	h.Set("x-acs-credentials-provider", "static_ak")
	h.Set("accept", "application/json")
	signed := []string{"host", "x-acs-action", "x-acs-content-sha256", "x-acs-credentials-provider", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}
	if s.body != "" {
		h.Set("content-type", formContentType)
		signed = append([]string{"content-type"}, signed...)
	}
	if s.token != "" {
		h.Set("x-acs-security-token", s.token)
		signed = append(signed, "x-acs-security-token")
		slices.Sort(signed)
	}
	sts := acs3StringToSign(r.Method, "/", s.query, signed, h, s.host, hashPayload([]byte(s.body)))
	h.Set("Authorization", authorization{acs3Algorithm, s.keyID, signed, acs3Signature(s.secret, sts)}.String())
	return r
}

// v1VectorRawQuery is the captured v1 request of §4.4.
const v1VectorRawQuery = "AccessKeyId=LTAI5tFakeKeyId0001&Action=UnassociateEipAddress&AllocationId=eip-fake0001&ClientToken=tok-123+~%2A%2B%2F%3D%26&Force=true&Format=json&InstanceId=i-fake0001&InstanceType=EcsInstance&RegionId=cn-hangzhou&Signature=%2Br%2FyQRGCAac3mhrqlPWS7VV3GBg%3D&SignatureMethod=HMAC-SHA1&SignatureNonce=244a3ee35c429e199b4f3474e087118f&SignatureVersion=1.0&Timestamp=2026-11-26T04%3A23%3A37Z&Version=2016-04-28"

var v1VectorTime = time.Date(2026, 11, 26, 4, 23, 37, 0, time.UTC)

// v1Request builds a v1 request from a raw query, with the SDK's headers.
func v1Request(rawQuery string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:45251/?"+rawQuery, nil)
	r.Header.Set("x-acs-action", "UnassociateEipAddress")
	r.Header.Set("x-acs-version", APIVersion)
	r.Header.Set("x-acs-credentials-provider", "static_ak")
	return r
}

// signV1 signs params (without Signature) and returns the raw query.
func signV1(params url.Values, secret string) string {
	flat := map[string]string{}
	for k := range params {
		flat[k] = params.Get(k)
	}
	params.Set("Signature", v1Signature(secret, v1StringToSign(http.MethodPost, flat)))
	return params.Encode()
}

// answer is a decoded response.
type answer struct {
	Status int
	Header http.Header
	Body   map[string]any
	Raw    string
}

// serve runs r through h and decodes the answer, checking the invariants
// every answer must meet: JSON object, JSON content type, a RequestId in the
// body equal to the x-acs-request-id header, and the error fields on errors.
func serve(t testing.TB, h http.Handler, r *http.Request) answer {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	a, err := checkAnswer(rec.Result())
	if err != nil {
		t.Fatalf("%s %s: %v", r.Method, r.URL, err)
	}
	return a
}

func checkAnswer(res *http.Response) (answer, error) {
	raw, _ := io.ReadAll(res.Body)
	a := answer{Status: res.StatusCode, Header: res.Header, Raw: string(raw)}
	if ct := res.Header.Get("Content-Type"); ct != contentType {
		return a, fmt.Errorf("Content-Type %q, body %s", ct, raw)
	}
	if err := json.Unmarshal(raw, &a.Body); err != nil || a.Body == nil {
		return a, fmt.Errorf("body is not a JSON object: %q", raw)
	}
	id, _ := a.Body["RequestId"].(string)
	if id == "" || res.Header.Get(requestIDHeader) != id {
		return a, fmt.Errorf("RequestId %q, header %q", id, res.Header.Get(requestIDHeader))
	}
	if res.StatusCode != 200 && (res.StatusCode < 400 || res.StatusCode > 599) {
		return a, fmt.Errorf("status %d", res.StatusCode)
	}
	if res.StatusCode >= 400 {
		for _, k := range []string{"Code", "Message", "HostId", "Recommend"} {
			if _, ok := a.Body[k].(string); !ok {
				return a, fmt.Errorf("error body lacks %s: %s", k, raw)
			}
		}
		if a.Body["Code"] == "" {
			return a, fmt.Errorf("empty Code: %s", raw)
		}
	}
	return a, nil
}

// wantError fails unless a is an error answer with status and code.
func wantError(t *testing.T, a answer, status int, code string) {
	t.Helper()
	if a.Status != status || a.Body["Code"] != code {
		t.Fatalf("got %d %v, want %d %s; body %s", a.Status, a.Body["Code"], status, code, a.Raw)
	}
}
