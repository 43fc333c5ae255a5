package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// open is a handler with authentication off, for decoding tests.
func open(b *stubBackend, opts ...Option) *Handler {
	return NewBackendHandler(b, append([]Option{WithAuth(false)}, opts...)...)
}

func post(target, body string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	if body != "" {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	}
	return r
}

const okQuery = "/?Action=ReleaseEipAddress&Version=2016-04-28"

func TestDecodeErrors(t *testing.T) {
	cases := []struct {
		name   string
		req    func() *http.Request
		status int
		code   string
		msg    string // substring of Message
	}{
		{"other path", func() *http.Request { return post("/v1"+okQuery[1:], "") }, 404, "InvalidAction.NotFound", "url and method"},
		{"other method", func() *http.Request { return httptest.NewRequest(http.MethodPut, okQuery, nil) }, 404, "InvalidAction.NotFound", ""},
		{"no action", func() *http.Request { return post("/?Version=2016-04-28", "") }, 400, "MissingParameter", `"Action"`},
		{"no version", func() *http.Request { return post("/?Action=ReleaseEipAddress", "") }, 400, "MissingParameter", `"Version"`},
		{"other version", func() *http.Request { return post("/?Action=ReleaseEipAddress&Version=2014-05-15", "") }, 400, "InvalidVersion", ""},
		{"unknown action", func() *http.Request { return post("/?Action=DescribeVpcs&Version=2016-04-28", "") }, 404, "InvalidAction.NotFound", ""},
		{"header and param disagree", func() *http.Request {
			r := post(okQuery, "")
			r.Header.Set("x-acs-action", "AllocateEipAddress")
			return r
		}, 400, "InvalidParameter", `"Action"`},
		{"repeated parameter", func() *http.Request { return post(okQuery+"&AllocationId=a&AllocationId=b", "") }, 400, "InvalidParameter", `"AllocationId"`},
		{"query and form repeat", func() *http.Request { return post(okQuery+"&AllocationId=a", "AllocationId=b") }, 400, "InvalidParameter", `"AllocationId"`},
		{"bad escape", func() *http.Request { return post(okQuery+"&AllocationId=%zz", "") }, 400, "InvalidParameter", ""},
		{"bad form escape", func() *http.Request { return post(okQuery, "A=%") }, 400, "InvalidParameter", ""},
		{"query too long", func() *http.Request { return post(okQuery+"&D="+strings.Repeat("x", MaxQueryBytes), "") }, 400, "InvalidParameter", ""},
		{"body too long", func() *http.Request { return post(okQuery, "D="+strings.Repeat("x", 100)) }, 400, "InvalidParameter", ""},
		{"body too long, length unknown", func() *http.Request {
			r := post(okQuery, "D="+strings.Repeat("x", 100))
			r.ContentLength = -1
			return r
		}, 400, "InvalidParameter", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := &stubBackend{}
			a := serve(t, open(b, WithMaxBodyBytes(64)), tc.req())
			wantError(t, a, tc.status, tc.code)
			if msg, _ := a.Body["Message"].(string); !strings.Contains(msg, tc.msg) {
				t.Errorf("message %q lacks %q", msg, tc.msg)
			}
			if b.numCalls() != 0 {
				t.Error("backend called")
			}
		})
	}
}

// TestActionHeaderCase: a header that spells the Action parameter in
// another case (pop-core) is the parameter's Action; one that names another
// Action is refused above.
func TestActionHeaderCase(t *testing.T) {
	b := &stubBackend{}
	r := post(okQuery, "")
	r.Header.Set("x-acs-action", "releaseEipAddress")
	a := serve(t, open(b), r)
	if a.Status != 200 {
		t.Fatalf("status %d: %s", a.Status, a.Raw)
	}
	if got := b.lastCall(t).Action; got != "ReleaseEipAddress" {
		t.Errorf("backend got action %q, want the parameter's ReleaseEipAddress", got)
	}
}

// TestUnknownActionBeforeAuth: an unknown action is 404 even unsigned.
func TestUnknownActionBeforeAuth(t *testing.T) {
	r := post("/", "")
	r.Header.Set("x-acs-action", "NoSuchAction")
	r.Header.Set("x-acs-version", APIVersion)
	wantError(t, serve(t, NewBackendHandler(&stubBackend{}), r), 404, "InvalidAction.NotFound")
}

func TestParamsMerged(t *testing.T) {
	b := &stubBackend{}
	r := post("/?AccessKeyId=k&Format=json&SignatureNonce=n&Timestamp=t&RegionId=cn-hangzhou&Name=my+eip&Empty=", "Action=AllocateEipAddress&Version=2016-04-28&Tag.1.Key=env")
	if a := serve(t, open(b), r); a.Status != 200 {
		t.Fatalf("%d %s", a.Status, a.Raw)
	}
	c := b.lastCall(t)
	want := Params{"RegionId": "cn-hangzhou", "Name": "my eip", "Empty": "", "Tag.1.Key": "env"}
	if c.Action != "AllocateEipAddress" || fmt.Sprint(c.Params) != fmt.Sprint(want) {
		t.Errorf("got %s %v, want %v", c.Action, c.Params, want)
	}
	// A body that is not a form is ignored (but would still be hashed by ACS3).
	r = httptest.NewRequest(http.MethodPost, okQuery, strings.NewReader(`{"AllocationId":"x"}`))
	r.Header.Set("Content-Type", "application/json")
	if a := serve(t, open(b), r); a.Status != 200 || b.lastCall(t).Params.Has("AllocationId") {
		t.Errorf("%d %s %v", a.Status, a.Raw, b.lastCall(t).Params)
	}
	// GET works too.
	if a := serve(t, open(b), httptest.NewRequest(http.MethodGet, okQuery+"&AllocationId=eip-1", nil)); a.Status != 200 {
		t.Errorf("GET: %d %s", a.Status, a.Raw)
	}
}

func TestEncodeBackendAnswers(t *testing.T) {
	type allocateResponse struct {
		RequestID    string `json:"RequestId"`
		AllocationID string `json:"AllocationId"`
		OrderID      int64  `json:"OrderId"`
	}
	apiErr := eipsim.NewError(eipsim.CodeIncorrectEipStatus, eipsim.ActionReleaseEipAddress, "F00D0001-0000-4000-8000-000000000000")
	cases := []struct {
		name   string
		fn     func() (any, error)
		status int
		check  func(t *testing.T, a answer)
	}{
		{"struct with RequestId", func() (any, error) { return allocateResponse{"RID-1", "eip-1", 7}, nil }, 200, func(t *testing.T, a answer) {
			if a.Raw != `{"RequestId":"RID-1","AllocationId":"eip-1","OrderId":7}` {
				t.Errorf("body %s", a.Raw)
			}
		}},
		{"no RequestId: one is added", func() (any, error) { return struct{ A string }{"a&<b>"}, nil }, 200, func(t *testing.T, a answer) {
			if a.Raw != `{"RequestId":"00000000-0000-4000-8000-000000000001","A":"a&<b>"}` {
				t.Errorf("body %s", a.Raw)
			}
		}},
		{"empty object", func() (any, error) { return struct{}{}, nil }, 200, func(t *testing.T, a answer) {
			if a.Raw != `{"RequestId":"00000000-0000-4000-8000-000000000001"}` {
				t.Errorf("body %s", a.Raw)
			}
		}},
		{"catalogued error", func() (any, error) { return nil, fmt.Errorf("wrapped: %w", apiErr) }, 400, func(t *testing.T, a answer) {
			want := `{"RequestId":"F00D0001-0000-4000-8000-000000000000","HostId":"vpc.example","Code":"IncorrectEipStatus","Message":"Current elastic IP status does not support this operation.","Recommend":"https://api.aliyun.com/troubleshoot?q=IncorrectEipStatus&product=Vpc&requestId=F00D0001-0000-4000-8000-000000000000"}`
			if a.Raw != want {
				t.Errorf("body\n got %s\nwant %s", a.Raw, want)
			}
		}},
		{"error without RequestId", func() (any, error) { return nil, eipsim.NewError(eipsim.CodeInvalidAllocationIDNotFound, "", "") }, 404, func(t *testing.T, a answer) {
			if a.Body["RequestId"] != "00000000-0000-4000-8000-000000000001" {
				t.Errorf("body %s", a.Raw)
			}
		}},
		{"error with a success status", func() (any, error) {
			return nil, &eipsim.Error{Code: eipsim.CodeTaskConflict, HTTPStatus: 200, RequestID: "r"}
		}, 400, nil},
		{"plain error", func() (any, error) { return nil, errors.New("secret detail") }, 500, func(t *testing.T, a answer) {
			if a.Body["Code"] != "InternalError" || strings.Contains(a.Raw, "secret detail") {
				t.Errorf("body %s", a.Raw)
			}
		}},
		{"not an object", func() (any, error) { return "just a string", nil }, 500, nil},
		{"nil", func() (any, error) { return nil, nil }, 500, nil},
		{"unencodable", func() (any, error) { return map[string]any{"C": make(chan int)}, nil }, 500, nil},
		{"RequestId not a string", func() (any, error) { return map[string]any{"RequestId": 5}, nil }, 500, nil},
		{"panic", func() (any, error) { panic("boom") }, 500, func(t *testing.T, a answer) {
			if a.Body["Code"] != "InternalError" {
				t.Errorf("body %s", a.Raw)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := &stubBackend{fn: func(string, string, Params) (any, error) { return tc.fn() }}
			a := serve(t, open(b, WithHostID("vpc.example")), post(okQuery, ""))
			if a.Status != tc.status {
				t.Fatalf("status %d, want %d: %s", a.Status, tc.status, a.Raw)
			}
			if tc.check != nil {
				tc.check(t, a)
			}
		})
	}
}

// broken panics in every method.
type broken struct{}

func (broken) Now() time.Time                                            { panic("now") }
func (broken) NewRequestID() string                                      { panic("id") }
func (broken) Call(context.Context, string, string, Params) (any, error) { panic("call") }

func TestBrokenBackendStillAnswersJSON(t *testing.T) {
	a := serve(t, NewBackendHandler(broken{}), post(okQuery, ""))
	wantError(t, a, 500, "InternalError")
	if a.Body["RequestId"] != "00000000-0000-0000-0000-000000000000" {
		t.Errorf("body %s", a.Raw)
	}
}

func TestPanickingBackendStillAnswersJSON(t *testing.T) {
	b := &stubBackend{fn: func(string, string, Params) (any, error) { panic(http.ErrAbortHandler) }}
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("ErrAbortHandler not re-raised: %v", v)
		}
	}()
	serve(t, open(b), post(okQuery, ""))
	t.Error("no panic")
}
