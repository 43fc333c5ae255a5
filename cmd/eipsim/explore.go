package main

import "io"

// runExplore is "eipsim explore": random operation sequences (not yet
// implemented).
func runExplore(args []string, stdout, stderr io.Writer) int {
	return notYetImplemented("explore", "[flags]",
		"Run random operation sequences against the simulator, check invariants, and write failures as scenarios. Not yet implemented.",
		args, stdout, stderr)
}
