package eipsim

// SnatEntries returns snapshots of every SNAT entry, by NAT gateway ID and,
// within a gateway, in creation order (as DescribeSnatTableEntries lists
// them). Like the other snapshot methods it is a read that records nothing
// and draws no RequestId.
func (s *Sim) SnatEntries() []SnatEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	var buf keysBuf
	var out []SnatEntry
	for _, id := range appendSortedKeys(buf[:0], s.world.nats) {
		for _, x := range s.world.nats[id].snat {
			out = append(out, x.snapshot())
		}
	}
	return out
}

// ForwardEntries returns snapshots of every DNAT entry, by NAT gateway ID
// and, within a gateway, in creation order (as DescribeForwardTableEntries
// lists them).
func (s *Sim) ForwardEntries() []ForwardEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	var buf keysBuf
	var out []ForwardEntry
	for _, id := range appendSortedKeys(buf[:0], s.world.nats) {
		for _, x := range s.world.nats[id].dnat {
			out = append(out, x.snapshot())
		}
	}
	return out
}
