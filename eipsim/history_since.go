package eipsim

// HistorySince returns the history events numbered after seq (see
// [Event.Seq]), oldest first: what happened since an earlier look.
func (s *Sim) HistorySince(seq uint64) []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	return s.history.since(seq)
}

// HistorySeq returns the sequence number of the newest history event (0
// before any). Unlike the other methods it does not settle first, so that
// "what happened since" covers the tasks that come due at the current time.
func (s *Sim) HistorySeq() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.history.seq
}
