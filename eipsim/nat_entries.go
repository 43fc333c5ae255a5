package eipsim

// SnatEntries returns snapshots of every SNAT entry, by NAT gateway ID and,
// within a gateway, in creation order (as DescribeSnatTableEntries lists
// them). Like the other snapshot methods it is a read that records nothing
// and draws no RequestId.
func (s *Sim) SnatEntries() []SnatEntry {
	return natEntrySnapshots(s, func(g *natGateway, out []SnatEntry) []SnatEntry {
		for _, x := range g.snat {
			out = append(out, x.snapshot())
		}
		return out
	})
}

// ForwardEntries returns snapshots of every DNAT entry, by NAT gateway ID
// and, within a gateway, in creation order (as DescribeForwardTableEntries
// lists them).
func (s *Sim) ForwardEntries() []ForwardEntry {
	return natEntrySnapshots(s, func(g *natGateway, out []ForwardEntry) []ForwardEntry {
		for _, x := range g.dnat {
			out = append(out, x.snapshot())
		}
		return out
	})
}

// natEntrySnapshots appends the entries of every gateway, in ID order.
func natEntrySnapshots[T any](s *Sim, add func(g *natGateway, out []T) []T) []T {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	var buf keysBuf
	var out []T
	for _, id := range appendSortedKeys(buf[:0], s.world.nats) {
		out = add(s.world.nats[id], out)
	}
	return out
}
