package eipsim

import "fmt"

// DefaultClientTokenLimit bounds how many ClientTokens a Sim remembers at
// once (about 700 bytes each with a typical response, so some 70 MB at the
// limit). At the limit, remembering a new token forgets the oldest one
// first, before its TTL: a retry with that forgotten token is then a new
// call. Tokens otherwise live for the TTL ([WithClientTokenTTL]).
const DefaultClientTokenLimit = 100_000

// WithClientTokenLimit sets how many ClientTokens are remembered at once
// (see [DefaultClientTokenLimit]); n must be at least 1.
func WithClientTokenLimit(n int) Option {
	return func(cfg *config) error {
		if n < 1 {
			return fmt.Errorf("eipsim: WithClientTokenLimit: want at least 1, got %d", n)
		}
		cfg.tokenLimit = n
		return nil
	}
}

// makeRoom forgets the oldest tokens until fewer than limit are remembered.
func (t *tokenStore) makeRoom(limit int) {
	for len(t.entries) >= limit && len(t.fifo) > 0 {
		delete(t.entries, t.fifo[0])
		t.fifo[0] = tokenKey{}
		t.fifo = t.fifo[1:]
	}
}
