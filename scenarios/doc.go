// Package scenarios reads, replays and rewrites scenario files: plain-text
// scripts of cloud API calls, clock moves and injected faults, each followed
// by its expected output, that replay byte for byte against the simulator.
//
// # Grammar
//
// The grammar is that of github.com/cockroachdb/datadriven, read by this
// package's own parser ([Parse]; datadriven itself is only used in tests):
//
//	# a comment line
//	command key=value key=(a, b) key= flag
//	optional input lines
//	----
//	expected output, up to the first blank line
//
// A command line is a name and arguments separated by spaces: "key" alone,
// "key=value", "key=" (empty value) or "key=(a, b, ...)", where values may
// contain balanced parentheses. A line ending in "\" continues on the next.
// An Action's value that starts with a double quote is a Go string literal
// ("tok\x2c\x20x" is "tok, x"): the form [FormatScalar] writes for a value
// that the others cannot hold, such as a ClientToken with a space beside a
// comma.
// Lines starting with "#" between commands are comments; [Format] keeps them.
//
// Every command needs its "----" line, even when it expects no output. An
// output that contains blank lines is written between doubled separators:
//
//	describe-state
//	----
//	----
//	eip-0001 InUse
//
//	eip-0002 Available
//	----
//	----
//
// [Parse] reports every problem as an [*Error] with "file:line"; so does a
// [Handler] that rejects a command.
//
// # Commands
//
// Two kinds of command, never mixed up:
//
//   - CamelCase commands are cloud Actions, with arguments spelled exactly
//     as the wire parameters, so that a request copied from a log becomes a
//     scenario line mechanically:
//     UnassociateEipAddress AllocationId=eip-0001 InstanceId=i-0001 Force=true
//   - kebab-case commands belong to the harness: new-sim seed=7 ..., world
//     setup (add-vpc, add-instance, add-slb, add-eni, add-nat-gateway,
//     add-havip, ...), advance 3s, set-instance-status, lock/unlock,
//     set-system-busy, inject-fault/remove-fault/clear-faults/release-stuck,
//     describe-state, tasks, history, check.
//
// The same commands build the world of an existing Sim ([NewHandlerFor],
// [LoadWorld]; eipsim serve -world FILE).
//
// Each harness command's words and arguments are declared once (grammar.go):
// the engine's handlers read a command through that declaration, and the
// recorder writes one through it, in its declared order.
//
// # Recording
//
// A [Recorder] writes the journal of a Sim ([eipsim.WithJournal]) as a
// scenario file that replays to the same outputs: the Sim's options as
// new-sim, setup method calls as harness commands, Action calls with their
// rendered answers ([Renderer]), clock moves as advance. eipsimtest records
// every test's Sim this way and writes the file when the test fails; eipsim
// serve records its runs (the control API's GET recording, -record).
//
// # Errors
//
// A cloud error is output, never a Go error: the output of an Action the
// cloud refuses contains the line (see [ErrorLine])
//
//	error <HTTPStatus> <Code>: <Message>
//
// for example
//
//	error 400 IncorrectEipStatus: Current elastic IP status does not support this operation.
//
// A Go error from a [Handler] means the scenario itself is malformed: an
// unknown command or argument, or a bad value. [Replay] stops there, and
// `eipsim run` exits with status 2.
//
// # Replay and rewrite
//
// [Replay] runs a scenario's commands in order on a new [Handler] and
// reports each output that differs from the expected one as a [Mismatch]
// with a unified diff. To regenerate expected outputs after an intended
// change, run either of
//
//	go test ./scenarios -rewrite          # every file in scenarios/library
//	eipsim run -rewrite FILE...           # the given files or directories
//
// then read the diff and commit only what you can explain. Rewriting writes
// the canonical form ([Format]): comments and blank lines stay, command lines
// are normalized.
package scenarios
