package httpapi

import (
	"net/http"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// Handler serves the VPC RPC protocol to the official SDK. It is safe for
// concurrent use.
type Handler struct {
	backend Backend
	hostID  string
	maxBody int64
	auth    authenticator
	now     func() time.Time // WithRequestClock; nil: backend.Now
}

var _ http.Handler = (*Handler)(nil)

// NewBackendHandler returns a Handler that authenticates requests, decodes
// them and dispatches them to backend. [NewHandler] is the one for a Sim;
// this one is the seam for tests of the protocol layer alone.
func NewBackendHandler(backend Backend, opts ...Option) *Handler {
	h := &Handler{
		backend: backend,
		hostID:  DefaultHostID,
		maxBody: DefaultMaxBodyBytes,
		auth: authenticator{
			enabled: true,
			creds:   make(map[string]Credential),
			skew:    DefaultClockSkew,

			maxNonces: DefaultMaxNonces,
		},
	}
	for _, opt := range opts {
		opt(h)
	}
	h.auth.nonces = newNonceCache(h.auth.skew, h.auth.maxNonces)
	return h
}

// ServeHTTP answers one call. Every answer is JSON (XML with Format=XML)
// with an x-acs-request-id header; a panic below is answered with InternalError.
//
// Checks run in the gateway's order: method and path, size limits and
// encoding, Action and Version present, Version 2016-04-28, Action known,
// then authentication (signature, token, timestamp, nonce), then the action.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	wrote := false
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if v == http.ErrAbortHandler {
			panic(v)
		}
		if !wrote {
			h.writeError(w, codeError(eipsim.CodeInternalError))
		}
	}()
	var out answerFormat
	resp, apiErr := h.serve(r, &out)
	if apiErr == nil {
		e := encoders.Get().(*jsonEncoder)
		defer putEncoder(e) // once the body is written
		body, id, err := encodeSuccess(e, resp, h.requestID)
		if err == nil && out.xml {
			body, err = jsonToXML(body, out.action+"Response")
		}
		if err == nil {
			wrote = true
			writeResponse(w, http.StatusOK, id, body, out.xml)
			return
		}
		apiErr = codeError(eipsim.CodeInternalError)
	}
	wrote = true
	h.writeErrorAs(w, apiErr, out.xml)
}

// answerFormat is what the answer's encoding depends on: Format=XML, and
// the Action, which names the XML root element.
type answerFormat struct {
	xml    bool
	action string
}

// serve decodes, authenticates and dispatches r.
func (h *Handler) serve(r *http.Request, out *answerFormat) (any, *eipsim.Error) {
	req, err := readRequest(r, h.maxBody)
	if err != nil {
		// A request that does not decode: Format from the query alone.
		out.xml = wantsXML(r.URL.Query().Get("Format"))
		return nil, err
	}
	format, _ := req.param("Format")
	out.xml, out.action = wantsXML(format), req.action
	if req.version != APIVersion {
		return nil, codeError(eipsim.CodeInvalidVersion)
	}
	if !served[eipsim.Action(req.action)] {
		return nil, codeError(eipsim.CodeInvalidActionNotFound)
	}
	now := h.backend.Now
	if h.now != nil {
		now = h.now
	}
	account, err := h.auth.authenticate(req, now())
	if err != nil {
		return nil, err
	}
	p, err := req.params()
	if err != nil {
		return nil, err
	}
	resp, callErr := h.backend.Call(r.Context(), account, req.action, p)
	if callErr != nil {
		return nil, asAPIError(callErr)
	}
	return resp, nil
}

// writeError writes e as JSON, giving it a RequestId if it has none.
func (h *Handler) writeError(w http.ResponseWriter, e *eipsim.Error) { h.writeErrorAs(w, e, false) }

// writeErrorAs writes e, as XML when asXML, giving it a RequestId if it has
// none.
func (h *Handler) writeErrorAs(w http.ResponseWriter, e *eipsim.Error, asXML bool) {
	if e.RequestID == "" {
		c := *e // never modify the backend's error
		c.RequestID = h.requestID()
		e = &c
	}
	body, status := encodeError(e, h.hostID)
	if asXML {
		if x, err := jsonToXML(body, "Error"); err == nil {
			body = x
		} else {
			asXML = false
		}
	}
	writeResponse(w, status, e.RequestID, body, asXML)
}

// requestID is the backend's next RequestId; should the backend panic, a
// fixed one, so that an InternalError can still be written.
func (h *Handler) requestID() (id string) {
	defer func() {
		if recover() != nil {
			id = "00000000-0000-0000-0000-000000000000"
		}
	}()
	return h.backend.NewRequestID()
}
