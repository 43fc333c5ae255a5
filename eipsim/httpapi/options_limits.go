package httpapi

// WithMaxNonces bounds how many unexpired signature nonces the handler
// remembers (default [DefaultMaxNonces]); n <= 0 keeps the default. When
// that many are remembered, a signed request with a new nonce is answered
// with 503 ServiceUnavailable until the oldest expire; a replay is still
// answered with SignatureNonceUsed.
func WithMaxNonces(n int) Option {
	return func(h *Handler) {
		if n > 0 {
			h.auth.maxNonces = n
		}
	}
}
