package eipsimtest

// retryToken draws an earlier call of the run that carried a ClientToken,
// any of them (the "retry" family repeats only the last call), sometimes
// with one parameter changed. Between the two, other calls and clock
// advances happen (advance draws a token's expiry as one of its edges): so
// a token is reused within its TTL (a replay, or a mismatch), right at its
// expiry and after it (a new call), and after other tokens expired or were
// forgotten at the token limit. It reports false when no call had a token.
func (mc *Machine) retryToken(d Driver) (Op, bool) {
	var calls []int
	for i, op := range mc.ops {
		if op.ClientToken != "" && op.Cmd[0] >= 'A' && op.Cmd[0] <= 'Z' {
			calls = append(calls, i)
		}
	}
	if len(calls) == 0 {
		return Op{}, false
	}
	op := mc.ops[calls[d.Int(0, len(calls)-1, "retry-token")]]
	if d.Int(0, 3, "retry-token-changed") == 3 {
		mc.change(d, &op)
	}
	return op, true
}
