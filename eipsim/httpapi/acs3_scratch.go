package httpapi

import (
	"hash"
	"sync"
)

// The ACS3 check's reusable state. Keying an HMAC costs two hashes and
// half a dozen allocations, and the canonical request a buffer; a check
// takes them from a pool per algorithm and secret and gives them back, so a
// signed call allocates nothing for its signature.

// acs3Scratch is one check's state: an HMAC keyed by the secret, a buffer
// for the canonical request and the string to sign, and room for the
// signature's hex.
type acs3Scratch struct {
	mac hash.Hash
	buf []byte
	sig [64]byte // hex of a 32-byte sum (SHA-256 and SM3)
}

// scratchKey selects a pool: the algorithm and the secret the HMAC is keyed
// by (only known credentials' secrets are used, so the pools are bounded by
// the credentials).
type scratchKey struct{ alg, secret string }

// scratch returns a state for alg keyed by secret, from its pool.
func (a *authenticator) scratch(alg acs3Alg, secret string) *acs3Scratch {
	k := scratchKey{alg.name, secret}
	p, ok := a.scratches.Load(k)
	if !ok {
		p, _ = a.scratches.LoadOrStore(k, &sync.Pool{New: func() any {
			return &acs3Scratch{mac: alg.newMAC(secret), buf: make([]byte, 0, 1024)}
		}})
	}
	return p.(*sync.Pool).Get().(*acs3Scratch)
}

// maxScratch bounds the buffer a pooled state keeps: a rare large request
// does not pin its buffer.
const maxScratch = 16 << 10

// release gives s back to the pool of alg and secret.
func (a *authenticator) release(alg acs3Alg, secret string, s *acs3Scratch) {
	if cap(s.buf) > maxScratch {
		return
	}
	if p, ok := a.scratches.Load(scratchKey{alg.name, secret}); ok {
		p.(*sync.Pool).Put(s)
	}
}
