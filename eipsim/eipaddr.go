package eipsim

// eipsByAddr holds the live EIPs by address (eipIndex.byIP): pages of
// addrPageLen addresses, found by the address's high bits, the page last
// found first. Allocating and releasing an EIP writes one slot of the page
// of the addresses handed out just before it, where a map[uint32]*eip
// cost an insert and a delete (and, as the map emptied, a new hash seed)
// every cycle.
//
// A page that empties is dropped, but for the one that emptied last,
// which the next new page reuses: an EIP coming and going at one address,
// or moving on through the addresses, costs no page, and the memory of a
// bulk release is freed (a map's is not).
type eipsByAddr struct {
	pages map[uint32]*eipPage
	n     int // EIPs held
	// last is the page last found, lastKey its key; empty is the page
	// that emptied last (if still empty), emptyKey its key.
	last, empty       *eipPage
	lastKey, emptyKey uint32
}

// eipPage is a page of eipsByAddr: the EIPs of addrPageLen consecutive
// addresses, and how many there are.
type eipPage struct {
	eips [addrPageLen]*eip
	n    int
}

// addrPageLen is how many addresses a page of eipsByAddr holds.
const addrPageLen = 256

// page returns the page of key k (an address's high bits), or nil.
func (a *eipsByAddr) page(k uint32) *eipPage {
	if a.last != nil && a.lastKey == k {
		return a.last
	}
	p := a.pages[k]
	if p != nil {
		a.last, a.lastKey = p, k
	}
	return p
}

// get returns the EIP of address v, or nil.
func (a *eipsByAddr) get(v uint32) *eip {
	if p := a.page(v / addrPageLen); p != nil {
		return p.eips[v%addrPageLen]
	}
	return nil
}

// set holds e as the EIP of address v.
func (a *eipsByAddr) set(v uint32, e *eip) {
	k := v / addrPageLen
	p := a.page(k)
	if p == nil {
		p = a.newPage(k)
	}
	x := &p.eips[v%addrPageLen]
	if *x == nil {
		if p == a.empty {
			a.empty = nil
		}
		p.n++
		a.n++
	}
	*x = e
}

// newPage returns the page of key k, which has none: the page that
// emptied last, moved to k, or a new one. The pool hands addresses out in
// order, so EIPs coming and going move on through the pages: each page
// empties as the next one is needed, and is then the next one.
func (a *eipsByAddr) newPage(k uint32) *eipPage {
	p := a.empty
	if p != nil {
		delete(a.pages, a.emptyKey)
		a.empty = nil
	} else {
		if a.pages == nil {
			a.pages = map[uint32]*eipPage{}
		}
		p = new(eipPage)
	}
	a.pages[k] = p
	a.last, a.lastKey = p, k
	return p
}

// remove forgets e as the EIP of address v, if it is (and not nil).
func (a *eipsByAddr) remove(v uint32, e *eip) {
	k := v / addrPageLen
	p := a.page(k)
	if p == nil || e == nil || p.eips[v%addrPageLen] != e {
		return
	}
	p.eips[v%addrPageLen] = nil
	p.n--
	a.n--
	if p.n > 0 {
		return
	}
	if old := a.empty; old != nil && old != p {
		delete(a.pages, a.emptyKey)
		if a.last == old {
			a.last = nil
		}
	}
	a.empty, a.emptyKey = p, k
}
