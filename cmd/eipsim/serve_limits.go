package main

import (
	"flag"
	"fmt"
	"time"

	engine "github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/httpapi"
)

// serveLimits are serve's memory bounds: the ClientToken store's TTL and
// count limit, and the nonce cache's size.
type serveLimits struct {
	tokenTTL   *time.Duration
	tokenLimit *int
	nonceLimit *int
}

func addLimitFlags(fs *flag.FlagSet) serveLimits {
	return serveLimits{
		tokenTTL:   fs.Duration("client-token-ttl", engine.DefaultClientTokenTTL, "how long a ClientToken is remembered"),
		tokenLimit: fs.Int("client-token-limit", engine.DefaultClientTokenLimit, "how many ClientTokens are remembered at once (at the limit the oldest is forgotten)"),
		nonceLimit: fs.Int("nonce-limit", httpapi.DefaultMaxNonces, "how many unexpired signature nonces are remembered (beyond: 503 ServiceUnavailable)"),
	}
}

// options returns the engine and handler options of the limit flags given
// (set), or an error for a value out of range.
func (l serveLimits) options(set map[string]bool) ([]engine.Option, []httpapi.Option, error) {
	var sim []engine.Option
	if set["client-token-ttl"] {
		sim = append(sim, engine.WithClientTokenTTL(*l.tokenTTL))
	}
	if set["client-token-limit"] {
		sim = append(sim, engine.WithClientTokenLimit(*l.tokenLimit))
	}
	if *l.nonceLimit < 1 {
		return nil, nil, fmt.Errorf("-nonce-limit: want at least 1, got %d", *l.nonceLimit)
	}
	return sim, []httpapi.Option{httpapi.WithMaxNonces(*l.nonceLimit)}, nil
}
