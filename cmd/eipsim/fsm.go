package main

import "io"

// runFSM is "eipsim fsm": print the EIP lifecycle (not yet implemented).
func runFSM(args []string, stdout, stderr io.Writer) int {
	return notYetImplemented("fsm", "[flags]",
		"Print the EIP lifecycle state machine. Not yet implemented.",
		args, stdout, stderr)
}
