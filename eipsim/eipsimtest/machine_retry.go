package eipsimtest

// retryToken draws an earlier call of the run that carried a ClientToken,
// any of them (the "retry" family repeats only the last call), sometimes
// with one parameter changed. Between the two, other calls and clock
// advances happen (advance draws a token's expiry as one of its edges), so
// a token is reused within its TTL (a replay, or a mismatch) and after it
// (a new call). Three times in four it prefers a call whose token the model
// has forgotten (expired, or evicted at the token limit): a reuse past the
// window, where an engine that still remembers the token replays instead.
// It reports false when no call had a token.
func (mc *Machine) retryToken(d Driver) (Op, bool) {
	var calls, forgotten []int
	for i, op := range mc.ops {
		if op.ClientToken == "" || op.Cmd[0] < 'A' || op.Cmd[0] > 'Z' {
			continue
		}
		calls = append(calls, i)
		if t, ok := mc.m.tokens[[3]string{mc.m.account(op), op.Cmd, op.ClientToken}]; !ok || !mc.m.now.Before(t.expires) {
			forgotten = append(forgotten, i)
		}
	}
	if len(calls) == 0 {
		return Op{}, false
	}
	if len(forgotten) > 0 && d.Int(0, 3, "retry-token-forgotten") > 0 {
		calls = forgotten
	}
	op := mc.ops[calls[d.Int(0, len(calls)-1, "retry-token")]]
	if d.Int(0, 3, "retry-token-changed") == 3 {
		mc.change(d, &op)
	}
	return op, true
}
