package eipsimtest

// The bound on remembered ClientTokens (eipsim.WithClientTokenLimit): the
// Sim keeps at most tokenLimit of them, over every account and Action, and
// remembering a new one first forgets the oldest (in the order they were
// remembered) until fewer than the limit are left. Expired tokens are gone
// by then: every call forgets them before it runs.

// makeRoom forgets the expired tokens, then the oldest ones until fewer than
// the limit are remembered; remember calls it before it stores a new token.
func (m *model) makeRoom() {
	if m.tokenLimit == 0 {
		return
	}
	for k, t := range m.tokens {
		if !m.now.Before(t.expires) {
			delete(m.tokens, k)
		}
	}
	for len(m.tokens) >= m.tokenLimit {
		var oldest [3]string
		first := true
		for k, t := range m.tokens {
			if first || t.seq < m.tokens[oldest].seq {
				oldest, first = k, false
			}
		}
		delete(m.tokens, oldest)
		m.mark(RuleTokenEvicted)
	}
}
