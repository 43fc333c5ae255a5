package httpapi

import (
	"container/heap"
	"crypto/sha256"
	"sync"
	"time"
)

// DefaultMaxNonces bounds the nonce cache: at most this many unexpired
// signature nonces are remembered (each in [nonceEntryBytes] or so). The cache
// never forgets a nonce before it expires, so when it is full a request with
// a new nonce is refused with 503 ServiceUnavailable (which the SDK retries)
// until the oldest nonces expire: a full cache costs availability, never
// replay protection. At the cloud's 15 minutes this allows about 1,165
// signed requests per second, sustained.
const DefaultMaxNonces = 1 << 20

// nonceEntryBytes is the measured heap cost of one remembered nonce (the map
// slot and the heap entry; see TestNonceCacheMemory), whatever the nonce's
// length: nonces are kept as a 16-byte hash.
const nonceEntryBytes = 80

// nonceKey is the first 16 bytes of the SHA-256 of AccessKeyId NUL nonce.
type nonceKey [16]byte

// nonceCache remembers signature nonces until they expire. Time is whatever
// the caller passes in (the simulator's clock): the cache has no goroutine, no
// timer and never reads wall time. Expired entries are pruned on every check.
type nonceCache struct {
	mu      sync.Mutex
	ttl     time.Duration
	max     int
	expires map[nonceKey]int64 // UnixNano of expiry
	queue   nonceHeap
}

func newNonceCache(ttl time.Duration, max int) *nonceCache {
	return &nonceCache{ttl: ttl, max: max, expires: make(map[nonceKey]int64)}
}

// nonceVerdict is what use found.
type nonceVerdict int

const (
	nonceFresh nonceVerdict = iota // recorded
	nonceUsed                      // seen within the last ttl: a replay
	nonceFull                      // new, but the cache is full of unexpired nonces
)

// use records nonce as used at now and reports whether it was fresh (not
// used within the last ttl), a replay, or could not be recorded because
// max unexpired nonces are remembered.
func (c *nonceCache) use(nonce string, now time.Time) nonceVerdict {
	sum := sha256.Sum256([]byte(nonce))
	return c.record(nonceKey(sum[:16]), now)
}

// useKeyed is use(accessKeyID + "\x00" + nonce, now) without building that
// string: nonces are per AccessKey (AccessKeyIds hold no NUL, so the keys
// of two AccessKeys cannot collide).
func (c *nonceCache) useKeyed(accessKeyID, nonce string, now time.Time) nonceVerdict {
	var buf [128]byte // the usual key; a longer one grows onto the heap
	b := append(append(append(buf[:0], accessKeyID...), 0), nonce...)
	sum := sha256.Sum256(b)
	return c.record(nonceKey(sum[:16]), now)
}

// record is use for the key of a nonce.
func (c *nonceCache) record(k nonceKey, now time.Time) nonceVerdict {
	t := now.UnixNano()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.prune(t)
	if _, used := c.expires[k]; used {
		return nonceUsed
	}
	if len(c.queue) >= c.max {
		return nonceFull
	}
	exp := t + int64(c.ttl)
	if exp < t { // saturate rather than wrap past the year 2262
		exp = 1<<63 - 1
	}
	c.expires[k] = exp
	heap.Push(&c.queue, nonceEntry{expires: exp, key: k})
	return nonceFresh
}

// prune drops every entry that has expired at t.
func (c *nonceCache) prune(t int64) {
	for len(c.queue) > 0 && c.queue[0].expires <= t {
		delete(c.expires, heap.Pop(&c.queue).(nonceEntry).key)
	}
}

// len is the number of remembered nonces.
func (c *nonceCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.expires)
}

// nonceEntry is one remembered nonce and when it expires (UnixNano).
type nonceEntry struct {
	expires int64
	key     nonceKey
}

// nonceHeap is a min-heap on expiry. A heap rather than a FIFO, so a clock
// that moves backwards cannot leave an expired entry stuck behind a later one.
type nonceHeap []nonceEntry

func (h nonceHeap) Len() int           { return len(h) }
func (h nonceHeap) Less(i, j int) bool { return h[i].expires < h[j].expires }
func (h nonceHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *nonceHeap) Push(x any)        { *h = append(*h, x.(nonceEntry)) }
func (h *nonceHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}
