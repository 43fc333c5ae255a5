package eipsim

import (
	"fmt"
	"net/netip"
)

// ipPool hands out IPv4 addresses from a list of prefixes in order,
// skipping each prefix's network and broadcast addresses and addresses in
// use. Released addresses become free again and are found when the cursor
// wraps around.
type ipPool struct {
	prefixes []netip.Prefix
	used     map[uint32]*eip
	// cursor: prefix index and offset of the next candidate.
	p    int
	off  uint32
	size uint64 // usable addresses in all prefixes
}

func newIPPool(prefixes []netip.Prefix) (*ipPool, error) {
	pool := &ipPool{used: map[uint32]*eip{}}
	for _, p := range prefixes {
		p = p.Masked()
		if !p.Addr().Is4() {
			return nil, fmt.Errorf("eipsim: WithIPPool: %s: only IPv4 prefixes are supported", p)
		}
		if p.Bits() > 30 {
			return nil, fmt.Errorf("eipsim: WithIPPool: %s: prefix too small (want /30 or larger)", p)
		}
		pool.prefixes = append(pool.prefixes, p)
		pool.size += uint64(1)<<(32-p.Bits()) - 2
	}
	if len(pool.prefixes) == 0 {
		return nil, fmt.Errorf("eipsim: WithIPPool: no prefixes")
	}
	pool.off = 1
	return pool, nil
}

func ip4(a netip.Addr) uint32 {
	b := a.As4()
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func addr4(v uint32) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}

// next returns a free address, or false when the pool is exhausted.
func (pool *ipPool) next() (uint32, bool) {
	if uint64(len(pool.used)) >= pool.size {
		return 0, false
	}
	for {
		p := pool.prefixes[pool.p]
		hosts := uint32(1)<<(32-p.Bits()) - 1 // last offset = broadcast
		if pool.off >= hosts {
			pool.p = (pool.p + 1) % len(pool.prefixes)
			pool.off = 1
			continue
		}
		v := ip4(p.Addr()) + pool.off
		pool.off++
		if _, taken := pool.used[v]; !taken {
			return v, true
		}
	}
}

// contains reports whether v is a usable address of the pool.
func (pool *ipPool) contains(v uint32) bool {
	for _, p := range pool.prefixes {
		base := ip4(p.Addr())
		hosts := uint32(1)<<(32-p.Bits()) - 1
		if v > base && v < base+hosts {
			return true
		}
	}
	return false
}
