package httpapi

import (
	"bytes"
	"encoding/json"
	"testing"
)

type notFirst struct {
	Other     string
	RequestID string `json:"RequestId"`
}

type selfMarshaled struct {
	RequestID string `json:"RequestId"`
}

// MarshalJSON writes a second RequestId: only decoding the body finds the
// one that counts (the last).
func (selfMarshaled) MarshalJSON() ([]byte, error) {
	return []byte(`{"RequestId":"first","RequestId":"second"}`), nil
}

// encodeSuccess answers what decoding the encoded body (withRequestID)
// answers, for every kind of response: the shortcut changes no answer.
func TestEncodeSuccessShortcutAgrees(t *testing.T) {
	newID := func() string { return "NEW" }
	cases := []any{
		requestOnly{"RID-1"},
		&requestOnly{"RID-2"},
		&requestOnly{""},                    // empty: an error
		&requestOnly{"A\"B\\C\u2028"},       // escaped
		notFirst{"x", "RID-3"},              // not first
		&notFirst{"x", ""},                  // empty, not first
		map[string]string{"RequestId": "M"}, // a map
		map[string]int{"Other": 1},          // none: added
		struct{}{},                          // none, empty object
		selfMarshaled{"ignored"},            // marshals itself
		&selfMarshaled{"ignored"},
		json.RawMessage(`{"RequestId":"raw","RequestId":"raw2"}`),
		(*requestOnly)(nil), // null: not an object
		[]string{"RequestId"},
		"RequestId",
	}
	shortcuts := 0
	e := new(jsonEncoder) // one for every case, as the handler's pool reuses them
	for _, resp := range cases {
		body, id, err := encodeSuccess(e, resp, newID)
		raw, rerr := encodeJSON(resp)
		if rerr != nil {
			t.Fatalf("%#v: %v", resp, rerr)
		}
		wantBody, wantID, wantErr := withRequestID(raw, newID)
		if !bytes.Equal(body, wantBody) || id != wantID || err != wantErr {
			t.Errorf("%#v: encodeSuccess = %s %q %v, decoding gives %s %q %v", resp, body, id, err, wantBody, wantID, wantErr)
		}
		if _, ok := leadingRequestID(resp, raw); ok {
			shortcuts++
		}
	}
	if shortcuts != 2 { // the first two; the test must cover both paths
		t.Errorf("the shortcut answered %d cases, want 2", shortcuts)
	}
}
