package main

import (
	"fmt"
	"io"
)

// notYetImplemented is the body of a subcommand that does not exist yet: it
// answers -h, and otherwise says so and exits with status 2.
func notYetImplemented(name, synopsis, description string, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(name, synopsis, description)
	if status, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	fmt.Fprintf(stderr, "eipsim %s: not yet implemented\n", name)
	return exitUsage
}
