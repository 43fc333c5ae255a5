package httpapi

import (
	"container/heap"
	"sync"
	"time"
)

// DefaultMaxNonces bounds the nonce cache. When it is full the entry that
// expires first is dropped early, so memory stays bounded even if a caller
// sends millions of requests without moving the clock.
const DefaultMaxNonces = 1 << 20

// nonceCache remembers signature nonces until they expire. Time is whatever
// the caller passes in (the simulator's clock): the cache has no goroutine, no
// timer and never reads wall time. Expired entries are pruned on every check.
type nonceCache struct {
	mu      sync.Mutex
	ttl     time.Duration
	max     int
	expires map[string]time.Time
	queue   nonceHeap
}

func newNonceCache(ttl time.Duration, max int) *nonceCache {
	return &nonceCache{ttl: ttl, max: max, expires: make(map[string]time.Time)}
}

// use records nonce as used at now and reports whether it was fresh (not
// used within the last ttl).
func (c *nonceCache) use(nonce string, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.prune(now)
	if _, used := c.expires[nonce]; used {
		return false
	}
	for len(c.queue) >= c.max {
		c.drop(heap.Pop(&c.queue).(nonceEntry))
	}
	exp := now.Add(c.ttl)
	c.expires[nonce] = exp
	heap.Push(&c.queue, nonceEntry{expires: exp, nonce: nonce})
	return true
}

// prune drops every entry that has expired at now.
func (c *nonceCache) prune(now time.Time) {
	for len(c.queue) > 0 && !c.queue[0].expires.After(now) {
		c.drop(heap.Pop(&c.queue).(nonceEntry))
	}
}

func (c *nonceCache) drop(e nonceEntry) {
	delete(c.expires, e.nonce)
}

// len is the number of remembered nonces.
func (c *nonceCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.expires)
}

// nonceEntry is one remembered nonce and when it expires.
type nonceEntry struct {
	expires time.Time
	nonce   string
}

// nonceHeap is a min-heap on expiry. A heap rather than a FIFO, so a clock
// that moves backwards cannot leave an expired entry stuck behind a later one.
type nonceHeap []nonceEntry

func (h nonceHeap) Len() int           { return len(h) }
func (h nonceHeap) Less(i, j int) bool { return h[i].expires.Before(h[j].expires) }
func (h nonceHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *nonceHeap) Push(x any)        { *h = append(*h, x.(nonceEntry)) }
func (h *nonceHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}
