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
	prefixes []prefix4
	used     addrSet
	// cursor: prefix index and offset of the next candidate.
	p    int
	off  uint32
	size uint64 // usable addresses in all prefixes
}

func newIPPool(prefixes []netip.Prefix) (*ipPool, error) {
	pool := &ipPool{}
	for _, p := range prefixes {
		p = p.Masked()
		if !p.Addr().Is4() {
			return nil, fmt.Errorf("eipsim: WithIPPool: %s: only IPv4 prefixes are supported", p)
		}
		if p.Bits() > 30 {
			return nil, fmt.Errorf("eipsim: WithIPPool: %s: prefix too small (want /30 or larger)", p)
		}
		pool.prefixes = append(pool.prefixes, prefix4{base: ip4(p.Addr()), hosts: uint32(1)<<(32-p.Bits()) - 1})
		pool.size += uint64(1)<<(32-p.Bits()) - 2
	}
	if len(pool.prefixes) == 0 {
		return nil, fmt.Errorf("eipsim: WithIPPool: no prefixes")
	}
	pool.off = 1
	return pool, nil
}

// prefix4 is an IPv4 prefix of the pool: its network address, and the
// offset of its broadcast address (the usable ones lie between).
type prefix4 struct {
	base, hosts uint32
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
	if uint64(pool.used.n) >= pool.size {
		return 0, false
	}
	for {
		p := pool.prefixes[pool.p]
		if pool.off >= p.hosts {
			pool.p = (pool.p + 1) % len(pool.prefixes)
			pool.off = 1
			continue
		}
		v := p.base + pool.off
		pool.off++
		if !pool.used.has(v) {
			return v, true
		}
	}
}

// contains reports whether v is a usable address of the pool.
func (pool *ipPool) contains(v uint32) bool {
	for _, p := range pool.prefixes {
		if v > p.base && v < p.base+p.hosts {
			return true
		}
	}
	return false
}

// addrSet is a set of IPv4 addresses: a bitmap in pages of 4096 addresses,
// made on first use. Setting and clearing a bit touches one small page
// where a map[uint32] entry would cost a random probe into a table of a
// million entries (the cost that dominated releasing EIPs in bulk), and it
// takes an eighth of a byte per address of a page in use instead of about
// twenty bytes per entry.
type addrSet struct {
	pages map[uint32]*addrPage
	n     int // addresses in the set
	// last is the page last found, and lastKey its key: an EIP's address
	// is looked up, set and cleared in the page of the addresses handed
	// out just before it, most often. Pages are never dropped, so it stays
	// right.
	last    *addrPage
	lastKey uint32
}

type addrPage [4096 / 64]uint64

// page returns the page of v, or nil if there is none.
func (a *addrSet) page(v uint32) *addrPage {
	if k := v >> 12; a.last != nil && a.lastKey == k {
		return a.last
	}
	p := a.pages[v>>12]
	if p != nil {
		a.last, a.lastKey = p, v>>12
	}
	return p
}

func (a *addrSet) has(v uint32) bool {
	p := a.page(v)
	return p != nil && p[v>>6&63]&(1<<(v&63)) != 0
}

// add puts v in the set and reports whether it was not there.
func (a *addrSet) add(v uint32) bool {
	if a.pages == nil {
		a.pages = map[uint32]*addrPage{}
	}
	p := a.page(v)
	if p == nil {
		p = new(addrPage)
		a.pages[v>>12] = p
	}
	w, bit := &p[v>>6&63], uint64(1)<<(v&63)
	if *w&bit != 0 {
		return false
	}
	*w |= bit
	a.n++
	return true
}

// remove takes v out of the set. Pages are kept: a pool's pages are reused.
func (a *addrSet) remove(v uint32) {
	p := a.page(v)
	if p == nil {
		return
	}
	w, bit := &p[v>>6&63], uint64(1)<<(v&63)
	if *w&bit != 0 {
		*w &^= bit
		a.n--
	}
}
