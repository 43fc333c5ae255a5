package eipsim

import (
	"fmt"
)

// ClientToken idempotence (VPC idempotence guide): the same token with the
// same parameters returns the first call's response, RequestId included,
// and changes nothing; the same token with other parameters gives
// IdempotentParameterMismatch. Tokens are kept per (account, action) for
// the token TTL on the Sim's clock, and at most the token limit of them
// (the oldest forgotten first), so memory stays bounded. Only accepted
// calls are remembered: a call that was refused can be retried with its
// token. No token means no deduplication.

type tokenKey struct {
	account string
	action  Action
	token   string
}

type tokenEntry struct {
	fingerprint string
	response    any
	expires     int64
}

type tokenStore struct {
	entries map[tokenKey]*tokenEntry
	// fifo holds keys in insertion order; expiry is monotonic in it as long
	// as the clock does not go backwards (if it does, entries simply live
	// longer).
	fifo []tokenKey
}

// expire forgets tokens whose TTL has passed by n (Unix nanoseconds).
// Without tokens it is a length check.
func (t *tokenStore) expire(n int64) {
	if len(t.fifo) > 0 {
		t.expireSome(n)
	}
}

// expireSome is expire's work when tokens are remembered.
func (t *tokenStore) expireSome(n int64) {
	i := 0
	for ; i < len(t.fifo); i++ {
		k := t.fifo[i]
		if e := t.entries[k]; e != nil {
			if e.expires > n {
				break
			}
			delete(t.entries, k)
		}
	}
	if i > 0 {
		t.fifo = append(t.fifo[:0], t.fifo[i:]...)
	}
}

// fingerprint is a stable text form of a request with its token removed.
func fingerprint(req any) string { return fmt.Sprintf("%#v", req) }

// replay looks token up. It returns the stored response if the same
// parameters were used, a mismatch error if others were, or nothing. It is
// generic so that a call without a token does not box req (an allocation
// per call on the hot path).
func replay[R any](s *Sim, c *call, token string, req R) (any, *Error) {
	if token == "" || s.tokens.entries == nil || bugs.tokenIgnored {
		return nil, nil
	}
	e, ok := s.tokens.entries[tokenKey{c.account, c.action, token}]
	if !ok {
		return nil, nil
	}
	if e.fingerprint != fingerprint(req) {
		return nil, c.err(CodeIdempotentParameterMismatch)
	}
	return e.response, nil
}

// remember stores the response of an accepted call made with token. Like
// replay it is generic so that calls without a token allocate nothing here.
func remember[R, P any](s *Sim, c *call, token string, req R, response P) {
	if token == "" {
		return
	}
	if s.tokens.entries == nil {
		s.tokens.entries = map[tokenKey]*tokenEntry{}
	}
	k := tokenKey{c.account, c.action, token}
	if _, ok := s.tokens.entries[k]; !ok {
		s.tokens.makeRoom(s.cfg.tokenLimit)
	}
	s.tokens.entries[k] = &tokenEntry{fingerprint: fingerprint(req), response: response, expires: c.after(s.cfg.tokenTTL)}
	s.tokens.fifo = append(s.tokens.fifo, k)
}

// errReplayed is what an action body returns, with a copy of the
// remembered response, when the call replays an earlier one by its
// ClientToken: the frame (serve.go) answers with the response and records
// nothing else, no call event and no ApplyThenFail.
var errReplayed = &Error{Code: "eipsim.replayed"}

// replayToken is the ClientToken step of an action body, after its
// parameters were checked: it takes the token out of req (token points into
// req; fingerprints leave it out) and returns it, with, when the token was
// used before, a copy of the remembered response and errReplayed, or
// IdempotentParameterMismatch.
func replayToken[Resp, Req any](s *Sim, c *call, token *string, req *Req) (string, *Resp, *Error) {
	t := *token
	if t == "" {
		return "", nil, nil // nothing to replay, and req is not copied
	}
	*token = ""
	stored, err := replay(s, c, t, *req)
	if err != nil {
		return t, nil, err
	}
	if stored != nil {
		r := *stored.(*Resp)
		return t, &r, errReplayed
	}
	return t, nil, nil
}

// rememberResponse remembers a copy of resp, the response of an accepted
// call made with token (replayToken's), so that the caller's response and
// the replays' are their own.
func rememberResponse[Req, Resp any](s *Sim, c *call, token string, req Req, resp *Resp) {
	if token == "" {
		return
	}
	r := *resp
	remember(s, c, token, req, &r)
}
