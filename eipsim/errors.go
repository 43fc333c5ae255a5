package eipsim

import "fmt"

// Code is an Alibaba Cloud API error code, such as "IncorrectEipStatus", spelled
// exactly as the cloud spells it (typos included).
//
// A Code is an error only so that it can be the target of errors.Is:
//
//	if errors.Is(err, eipsim.CodeTaskConflict) { ... }
//
// Actions never return a bare Code; they return *Error.
type Code string

// Error returns the code itself.
func (c Code) Error() string { return string(c) }

// HTTPStatus is the HTTP status the cloud answers with for c in general
// (some actions answer with another; see [Error.HTTPStatus]). Unknown codes give 0.
func (c Code) HTTPStatus() int {
	if info, ok := catalogue[c]; ok {
		return info.status
	}
	return 0
}

// Known reports whether c is in the catalogue.
func (c Code) Known() bool {
	_, ok := catalogue[c]
	return ok
}

// Error is the only error type the Sim's actions return: what the cloud would
// have answered. HTTPStatus and Message come from the catalogue, never chosen
// ad hoc.
type Error struct {
	Code       Code
	HTTPStatus int
	Message    string
	// RequestID is the RequestId of the failed call.
	RequestID string
}

// Error formats the error like the cloud's error body, in one line.
func (e *Error) Error() string {
	return fmt.Sprintf("eipsim: %s (HTTP %d): %s", e.Code, e.HTTPStatus, e.Message)
}

// Is reports whether target is e's Code, so errors.Is(err, CodeX) works
// through any wrapping.
func (e *Error) Is(target error) bool {
	c, ok := target.(Code)
	return ok && c == e.Code
}

// NewError builds the *Error the cloud returns for code when answering
// action, with the catalogue's HTTP status and message. Messages that
// name a parameter take it from args (for example MissingParameter takes
// the parameter's wire name). An unknown code gives an InternalError that
// names it, so no input can make NewError panic.
func NewError(code Code, action Action, requestID string, args ...any) *Error {
	status, msg, ok := lookup(code, action)
	if !ok {
		return &Error{Code: CodeInternalError, HTTPStatus: 500,
			Message:   fmt.Sprintf("The request processing has failed due to some unknown error. (uncatalogued code %q)", string(code)),
			RequestID: requestID}
	}
	if len(args) > 0 {
		msg = fmt.Sprintf(msg, args...)
	}
	return &Error{Code: code, HTTPStatus: status, Message: msg, RequestID: requestID}
}

// newErrorAlt is NewError with one of the code's documented alternative
// messages, selected by index into the catalogue entry's alt list.
func newErrorAlt(code Code, alt int, requestID string, args ...any) *Error {
	info := catalogue[code]
	msg := info.alt[alt]
	if len(args) > 0 {
		msg = fmt.Sprintf(msg, args...)
	}
	status := info.status
	return &Error{Code: code, HTTPStatus: status, Message: msg, RequestID: requestID}
}

func lookup(code Code, action Action) (status int, message string, ok bool) {
	info, ok := catalogue[code]
	if !ok {
		return 0, "", false
	}
	status, message = info.status, info.message
	if v, ok := info.byAction[action]; ok {
		if v.status != 0 {
			status = v.status
		}
		if v.message != "" {
			message = v.message
		}
	}
	return status, message, true
}

// InvalidParameterError is the InvalidParameter error naming the parameter
// by its wire name: The specified value of parameter "<name>" is not valid.
func InvalidParameterError(requestID, name string) *Error {
	return newErrorAlt(CodeInvalidParameter, altInvalidParameterNamed, requestID, name)
}

// NewRequestID draws a RequestId from the Sim's generator, for answers that
// a layer above the Sim gives on its behalf (an HTTP authentication
// failure, say).
func (s *Sim) NewRequestID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ids.requestID()
}
