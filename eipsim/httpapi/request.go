package httpapi

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// Limits on what one request may carry. Anything larger is answered with
// InvalidParameter (400, "The specified parameter is not valid."): the real
// gateway's answer to oversize requests is not documented, and no VPC action
// needs more than a few KiB.
const (
	// DefaultMaxBodyBytes is the default bound on a request body (see
	// [WithMaxBodyBytes]).
	DefaultMaxBodyBytes = 1 << 20
	// MaxQueryBytes bounds the raw URL query string.
	MaxQueryBytes = 64 << 10
	// MaxHeaderBytes bounds the request's header fields (names and values).
	MaxHeaderBytes = 64 << 10
)

// APIVersion is the only API version served: the VPC API of 2016-04-28.
const APIVersion = "2016-04-28"

const formContentType = "application/x-www-form-urlencoded"

// commonParams are the gateway's parameters: they select the action or sign
// the request, and the action never sees them. RegionId, OwnerId and the like
// are action parameters and stay.
var commonParams = map[string]bool{
	"Action":           true,
	"Version":          true,
	"Format":           true,
	"AccessKeyId":      true,
	"SecurityToken":    true,
	"Timestamp":        true,
	"Signature":        true,
	"SignatureMethod":  true,
	"SignatureVersion": true,
	"SignatureNonce":   true,
	"SignatureType":    true,
}

// request is one decoded HTTP request, before authentication.
type request struct {
	method  string
	host    string
	header  http.Header
	body    []byte
	query   url.Values // the decoded URL query
	form    url.Values // the decoded form body; nil unless the body is a form
	action  string
	version string
}

// readRequest reads and decodes r: the method and path, the bounded body, the
// query and form parameters, the action and the version. Errors are
// *eipsim.Error without a RequestID.
func readRequest(r *http.Request, maxBody int64) (*request, *eipsim.Error) {
	if r.URL == nil || r.URL.Path != "/" || (r.Method != http.MethodPost && r.Method != http.MethodGet) {
		return nil, codeError(eipsim.CodeInvalidActionNotFound)
	}
	if len(r.URL.RawQuery) > MaxQueryBytes {
		return nil, codeError(eipsim.CodeInvalidParameter)
	}
	if headerBytes(r.Header) > MaxHeaderBytes {
		return nil, codeError(eipsim.CodeInvalidParameter)
	}
	body, err := readBody(r, maxBody)
	if err != nil {
		return nil, err
	}
	query, perr := url.ParseQuery(r.URL.RawQuery)
	if perr != nil {
		return nil, codeError(eipsim.CodeInvalidParameter)
	}
	req := &request{method: r.Method, host: r.Host, header: r.Header, body: body, query: query}
	if isForm(r.Header.Get("Content-Type")) {
		if req.form, perr = url.ParseQuery(string(body)); perr != nil {
			return nil, codeError(eipsim.CodeInvalidParameter)
		}
	}
	if req.action, err = req.selector("x-acs-action", "Action"); err != nil {
		return nil, err
	}
	if req.version, err = req.selector("x-acs-version", "Version"); err != nil {
		return nil, err
	}
	return req, nil
}

// isForm reports whether a Content-Type is a form's: its media type, as
// mime.ParseMediaType reads it, is formContentType. The SDK's RPC calls send
// none, or exactly formContentType: they are answered without parsing.
func isForm(contentType string) bool {
	switch contentType {
	case "":
		return false
	case formContentType:
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == formContentType
}

// readBody reads at most maxBody bytes of r's body.
func readBody(r *http.Request, maxBody int64) ([]byte, *eipsim.Error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	if r.ContentLength > maxBody {
		return nil, codeError(eipsim.CodeInvalidParameter)
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil || int64(len(body)) > maxBody {
		return nil, codeError(eipsim.CodeInvalidParameter)
	}
	return body, nil
}

// selector returns the action or version: the header (as the ACS3 SDK sends
// it) or the parameter (as the v1 SDK and hand-written calls send it). When
// both are present they must agree, since only one of them may be signed:
// names that differ only in case (pop-core's camelCase x-acs-action beside
// its signed PascalCase Action) are the parameter's spelling; names that
// differ otherwise are InvalidParameter. Absent, it is MissingParameter
// naming param.
func (req *request) selector(header, param string) (string, *eipsim.Error) {
	h := req.header.Get(header)
	p, err := req.param(param)
	if err != nil {
		return "", err
	}
	switch {
	case h == "" && p == "":
		return "", eipsim.NewError(eipsim.CodeMissingParameter, "", "", param)
	case h != "" && p != "" && strings.EqualFold(h, p):
		// pop-core sends a camelCase x-acs-action beside the PascalCase
		// Action it signs: the same name, spelled as the parameter.
		return p, nil
	case h != "" && p != "" && h != p:
		return "", invalidParameter(param)
	case h != "":
		return h, nil
	}
	return p, nil
}

// param returns the single value of name from the query or the form body.
func (req *request) param(name string) (string, *eipsim.Error) {
	q, f := req.query[name], req.form[name]
	switch {
	case len(q)+len(f) == 0:
		return "", nil
	case len(q) == 1 && len(f) == 0:
		return q[0], nil
	case len(q) == 0 && len(f) == 1:
		return f[0], nil
	}
	return "", invalidParameter(name)
}

// allParams merges the query and form parameters, every one of them
// (the v1 signature covers them all). A repeated name is InvalidParameter.
func (req *request) allParams() (map[string]string, *eipsim.Error) {
	out := make(map[string]string, len(req.query)+len(req.form))
	for _, vals := range []url.Values{req.query, req.form} {
		for k, vs := range vals {
			if _, dup := out[k]; dup || len(vs) != 1 {
				return nil, invalidParameter(k)
			}
			out[k] = vs[0]
		}
	}
	return out, nil
}

// params returns the action's parameters: all parameters except the common
// ones.
func (req *request) params() (Params, *eipsim.Error) {
	all, err := req.allParams()
	if err != nil {
		return nil, err
	}
	for k := range all {
		if commonParams[k] {
			delete(all, k)
		}
	}
	return Params(all), nil
}

// codeError is the catalogue's error for code, without a RequestID.
func codeError(code eipsim.Code) *eipsim.Error {
	return eipsim.NewError(code, "", "")
}

// asAPIError returns err as an *eipsim.Error, or InternalError if it is not
// one (a backend bug: its text is not shown to the client).
func asAPIError(err error) *eipsim.Error {
	if e, ok := errors.AsType[*eipsim.Error](err); ok {
		return e
	}
	return codeError(eipsim.CodeInternalError)
}

// headerBytes is the size of h's names and values, stopping once it passes
// MaxHeaderBytes.
func headerBytes(h http.Header) int {
	n := 0
	for k, vs := range h {
		for _, v := range vs {
			n += len(k) + len(v) + 4 // ": " and CRLF
			if n > MaxHeaderBytes {
				return n
			}
		}
	}
	return n
}
