package httpapi

import (
	"bytes"
	"encoding"
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"sync"

	"github.com/eipsim/eipsim/eipsim"
)

// DefaultHostID is the HostId of error bodies (see [WithHostID]).
const DefaultHostID = "vpc.aliyuncs.com"

// contentType is the Content-Type of every response, success or error.
const contentType = "application/json;charset=utf-8"

// requestIDHeader echoes the RequestId on every response; the SDK exposes it
// as resp.Headers["x-acs-request-id"].
const requestIDHeader = "x-acs-request-id"

// errorBody is the cloud's error body.
type errorBody struct {
	RequestID string `json:"RequestId"`
	HostID    string `json:"HostId"`
	Code      string `json:"Code"`
	Message   string `json:"Message"`
	Recommend string `json:"Recommend"`
}

// encodeJSON marshals v without HTML escaping (the cloud sends & and < as
// they are).
func encodeJSON(v any) ([]byte, error) {
	var e jsonEncoder
	body, err := e.encode(v)
	return bytes.Clone(body), err
}

// jsonEncoder is a reusable encodeJSON: its buffer holds the last body.
type jsonEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
	raw []byte // a jsonAppender's body (encode_describe.go)
}

// encode is encodeJSON into e's buffer: the body is valid until the next
// encode.
func (e *jsonEncoder) encode(v any) ([]byte, error) {
	if a, ok := v.(jsonAppender); ok {
		e.raw = a.appendJSON(e.raw[:0])
		return e.raw, nil
	}
	if e.enc == nil {
		e.enc = json.NewEncoder(&e.buf)
		e.enc.SetEscapeHTML(false)
	}
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")), nil
}

// encoders are the handler's jsonEncoders, reused across answers (a body is
// copied by the ResponseWriter's Write: io.Writer must not retain it).
var encoders = sync.Pool{New: func() any { return new(jsonEncoder) }}

// maxPooledBody bounds the buffer a pooled encoder keeps: a rare large
// answer (a page of 100 items is about 150 KiB) does not pin its buffer.
const maxPooledBody = 256 << 10

// putEncoder gives e back to encoders unless its buffer grew past
// maxPooledBody.
func putEncoder(e *jsonEncoder) {
	if e.buf.Cap() <= maxPooledBody && cap(e.raw) <= maxPooledBody {
		encoders.Put(e)
	}
}

// encodeSuccess marshals a backend response: it must be a JSON object. Its
// RequestId is returned; if the object has none, one from newID is added, so
// every success body carries a RequestId. A response that is not an object,
// or whose RequestId is not a non-empty string, is an error (a backend bug).
// The body may be e's buffer.
func encodeSuccess(e *jsonEncoder, resp any, newID func() string) (body []byte, requestID string, err error) {
	body, err = e.encode(resp)
	if err != nil {
		return nil, "", err
	}
	if id, ok := leadingRequestID(resp, body); ok {
		return body, id, nil
	}
	return withRequestID(body, newID)
}

// withRequestID is encodeSuccess on the encoded body: it decodes the body's
// keys to find the RequestId.
func withRequestID(body []byte, newID func() string) ([]byte, string, error) {
	var requestID string
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil || fields == nil {
		return nil, "", errNotObject
	}
	raw, ok := fields["RequestId"]
	if !ok {
		requestID = newID()
		quoted, _ := encodeJSON(requestID)
		head := append([]byte(`{"RequestId":`), quoted...)
		if len(fields) > 0 {
			head = append(head, ',')
		}
		return append(head, body[1:]...), requestID, nil
	}
	if err := json.Unmarshal(raw, &requestID); err != nil || requestID == "" {
		return nil, "", errBadRequestID
	}
	return body, requestID, nil
}

// leadingRequestID is encodeSuccess without decoding the body again, for
// the wire shapes (a struct whose first field is RequestId): when resp is
// a struct, or a pointer to one, that does not marshal itself, its body is
// an object whose keys encoding/json keeps unique, so a body that starts
// with a RequestId string holds that one only. Anything else (a map, a
// RequestId elsewhere, empty or with escapes) is left to the decoding path.
func leadingRequestID(resp any, body []byte) (string, bool) {
	t := reflect.TypeOf(resp)
	if t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	// *T has the methods of T and *T: either could marshal it.
	if t == nil || t.Kind() != reflect.Struct ||
		reflect.PointerTo(t).Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(textMarshaler) {
		return "", false
	}
	const prefix = `{"RequestId":"`
	rest, ok := bytes.CutPrefix(body, []byte(prefix))
	if !ok {
		return "", false
	}
	i := bytes.IndexByte(rest, '"')
	if i <= 0 || bytes.IndexByte(rest[:i], '\\') >= 0 {
		return "", false
	}
	return string(rest[:i]), true
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

// Errors of encodeSuccess, answered as InternalError.
var (
	errNotObject    = jsonError("httpapi: backend response is not a JSON object")
	errBadRequestID = jsonError("httpapi: backend response RequestId is not a non-empty string")
)

type jsonError string

func (e jsonError) Error() string { return string(e) }

// encodeError builds the error body for e, answered with hostID, and its
// HTTP status. A status outside 400-599 (which the SDK would take for
// success) is replaced by the code's catalogue status, or 500.
func encodeError(e *eipsim.Error, hostID string) (body []byte, status int) {
	status = e.HTTPStatus
	if status < 400 || status > 599 {
		status = e.Code.HTTPStatus()
		if status < 400 || status > 599 {
			status = http.StatusInternalServerError
		}
	}
	body, err := encodeJSON(errorBody{
		RequestID: e.RequestID,
		HostID:    hostID,
		Code:      string(e.Code),
		Message:   e.Message,
		Recommend: recommendURL(e.Code, e.RequestID),
	})
	if err != nil { // Unreachable: every field is a string.
		return []byte(`{"Code":"InternalError"}`), http.StatusInternalServerError
	}
	return body, status
}

// recommendURL is the troubleshooting link the cloud puts in error bodies.
func recommendURL(code eipsim.Code, requestID string) string {
	return "https://api.aliyun.com/troubleshoot?q=" + url.QueryEscape(string(code)) +
		"&product=Vpc&requestId=" + url.QueryEscape(requestID)
}

// writeResponse writes one JSON (or XML) response with its RequestId
// header.
func writeResponse(w http.ResponseWriter, status int, requestID string, body []byte, asXML bool) {
	ct := contentType
	if asXML {
		ct = xmlContentType
	}
	// The three values in one allocation, set by canonical name (as
	// Header.Set would, without canonicalizing requestIDHeader each time).
	vs := []string{ct, strconv.Itoa(len(body)), requestID}
	h := w.Header()
	h["Content-Type"] = vs[0:1:1]
	h["Content-Length"] = vs[1:2:2]
	h[canonicalRequestIDHeader] = vs[2:3:3]
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// canonicalRequestIDHeader is requestIDHeader's canonical form, the key
// Header.Set stores it under.
var canonicalRequestIDHeader = http.CanonicalHeaderKey(requestIDHeader)
