package scenarios

// Error is a malformed scenario: a syntax error found by [Parse], or a command
// that a [Handler] rejected (unknown command or argument, bad value). It is
// never a cloud error: those are output lines.
type Error struct {
	// Pos is "file:line" of the offending line.
	Pos string
	// Err says what is wrong.
	Err error
}

// Error returns "file:line: what is wrong".
func (e *Error) Error() string { return e.Pos + ": " + e.Err.Error() }

// Unwrap returns e.Err.
func (e *Error) Unwrap() error { return e.Err }
