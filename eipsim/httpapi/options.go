package httpapi

import "time"

// Option configures a Handler.
type Option func(*Handler)

// WithCredentials adds AccessKeys the handler accepts. Later entries replace
// earlier ones with the same AccessKeyID. With none, every signed request is
// answered with 404 InvalidAccessKeyId.NotFound.
func WithCredentials(creds ...Credential) Option {
	return func(h *Handler) {
		for _, c := range creds {
			h.auth.creds[c.AccessKeyID] = c
		}
	}
}

// WithHostID sets the HostId of error bodies (default [DefaultHostID]).
func WithHostID(hostID string) Option {
	return func(h *Handler) { h.hostID = hostID }
}

// WithMaxBodyBytes bounds the request body (default [DefaultMaxBodyBytes]);
// n <= 0 keeps the default. A larger body is answered with InvalidParameter.
func WithMaxBodyBytes(n int64) Option {
	return func(h *Handler) {
		if n > 0 {
			h.maxBody = n
		}
	}
}

// WithClockSkew sets how far a request's x-acs-date or Timestamp may be from
// Backend.Now, either way, and how long a signature nonce is remembered
// (default [DefaultClockSkew], the cloud's 15 minutes); d <= 0 keeps the
// default.
func WithClockSkew(d time.Duration) Option {
	return func(h *Handler) {
		if d > 0 {
			h.auth.skew = d
		}
	}
}

// WithAuth turns authentication on (the default) or off. With it off, no
// signature, timestamp, nonce or token is checked: any request is served, as
// the account of its AccessKeyId if that is a known credential (from the
// Authorization header or the AccessKeyId parameter), else as
// [DefaultAccountID]. Meant for quick tests with curl; the SDK works either way.
func WithAuth(enabled bool) Option {
	return func(h *Handler) { h.auth.enabled = enabled }
}

// WithTimestampCheck turns the x-acs-date/Timestamp window check on (the
// default) or off. The SDK stamps requests with the wall clock, while the
// window is measured on Backend.Now: turn the check off when the backend's
// clock is not the wall clock, as with a mock clock in tests. Signatures,
// tokens and nonces are still checked (nonces still expire by Backend.Now).
func WithTimestampCheck(enabled bool) Option {
	return func(h *Handler) { h.auth.noTimestamp = !enabled }
}

// WithRequestClock sets the clock that request timestamps (x-acs-date,
// Timestamp) and nonce expiry are measured on; the default is Backend.Now.
// eipsim serve passes time.Now, so that the SDKs' wall-clock stamps are
// checked against the wall clock whatever the Sim's own clock says.
func WithRequestClock(now func() time.Time) Option {
	return func(h *Handler) { h.now = now }
}
