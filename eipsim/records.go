package eipsim

// The EIP cycle allocates nothing but the responses it returns: the
// records it needs come from here. EIP records are carved from slabs, and
// bindings, which live only while an EIP is associated, are reused.

// eipSlabLen is how many EIP records one allocation makes. A slab is freed
// when none of its records is referenced, so a long-lived EIP keeps at
// most eipSlabLen-1 released ones' records (about 1.5 KB) alive with it.
const eipSlabLen = 16

// newEIP returns a zero EIP record.
func (s *Sim) newEIP() *eip {
	if len(s.eipSlab) == 0 {
		s.eipSlab = make([]eip, eipSlabLen)
	}
	e := &s.eipSlab[0]
	s.eipSlab = s.eipSlab[1:]
	return e
}

// maxFreeBindings is how many dropped bindings a Sim keeps for reuse.
const maxFreeBindings = 16

// newBinding returns a binding holding b: a reused one, or a new one.
func (s *Sim) newBinding(b binding) *binding {
	var p *binding // not &b: that would move b to the heap on every call
	if n := len(s.freeBindings); n > 0 {
		p = s.freeBindings[n-1]
		s.freeBindings = s.freeBindings[:n-1]
	} else {
		p = new(binding)
	}
	*p = b
	return p
}

// unbind drops e's binding: its target lets go of e, and the binding is
// kept for reuse (nothing else refers to it).
func (s *Sim) unbind(e *eip) {
	b := e.bind
	if b == nil {
		return
	}
	b.target.detach(e)
	e.bind = nil
	if len(s.freeBindings) < maxFreeBindings {
		*b = binding{}
		s.freeBindings = append(s.freeBindings, b)
	}
}
