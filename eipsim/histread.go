package eipsim

// histRead turns the histRefs of events read from one chunk back into
// strings, for history.since.
type histRead struct {
	names []string
	data  []byte // the chunk's bytes
	// str holds the chunk's bytes from base, from the lowest copy the
	// events refer to; free is the room after them in the same allocation,
	// where drawn formats the RequestIds.
	str  string
	base histRef
	free []byte
	ref  histRef // the RequestId drawn formatted last, or histMiss
	rid  string
}

// newHistRead prepares the reading of recs, events of c: one allocation
// holds the bytes of their copies and the RequestIds to format.
func newHistRead(names []string, c *histChunk, recs []histRec) histRead {
	sc := histScan{base: histRef(len(c.data)), last: histMiss}
	for k := range recs {
		r := &recs[k]
		// In the order since reads the fields.
		sc.see(r.kind)
		sc.see(r.rid)
		sc.see(r.account)
		sc.see(r.action)
		sc.see(r.resource)
		sc.see(r.from)
		sc.see(r.to)
		sc.see(r.code)
		sc.see(r.cause)
	}
	copies := len(c.data) - int(sc.base)
	b := make([]byte, copies, copies+sc.n*ridLen)
	copy(b, c.data[sc.base:])
	return histRead{names: names, data: c.data, str: str(b), base: sc.base, free: b[copies:cap(b)], ref: histMiss}
}

// histScan finds, over the histRefs of the events to read, the lowest copy
// (base) and how many RequestIds drawn formats (n): those that differ from
// the one before (last) in the order they are read.
type histScan struct {
	base, last histRef
	n          int
}

// see takes the next histRef read into account.
func (s *histScan) see(v histRef) {
	if v < histCopied {
		return
	}
	if v < histDrawn {
		s.base = min(s.base, v-histCopied)
	} else if v != s.last {
		s.n, s.last = s.n+1, v
	}
}

// get returns the string of v: inlined for a name, the common case.
func (r *histRead) get(v histRef) string {
	if v < histCopied {
		return r.names[v]
	}
	return r.stored(v)
}

// stored returns the string of v, a copy or a RequestId drawn.
func (r *histRead) stored(v histRef) string {
	if v >= histDrawn {
		return r.drawn(v)
	}
	off := v - histCopied - r.base
	n := histRef(r.str[off]) | histRef(r.str[off+1])<<8
	return r.str[off+2 : off+2+n]
}
