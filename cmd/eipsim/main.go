// Command eipsim replays scenario files against the Elastic IP simulator,
// serves the simulator over HTTP, prints its lifecycle and explores random
// operation sequences against its reference model.
//
// Usage:
//
//	eipsim run [-rewrite] [-v] [-timeline] [-svg DIR] FILE|DIR...
//	eipsim fsm [-format mermaid|dot] [-dimension lifecycle|locks]
//	eipsim serve [-addr 127.0.0.1:8080] [flags]
//	eipsim explore [-seed N] [-steps M] [-dir D]
//
// Run "eipsim <command> -h" for a command's flags.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit statuses.
const (
	exitOK    = 0 // success; also for an explicit -h
	exitFail  = 1 // a scenario's output did not match
	exitUsage = 2 // bad flags or arguments, a malformed or unreadable file
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// subcommand is one "eipsim <name>" command.
type subcommand struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// subcommands returns the commands in the order the usage lists them.
func subcommands() []subcommand {
	return []subcommand{
		{"run", "replay scenario files and compare their outputs", runRun},
		{"serve", "serve the VPC API over HTTP on loopback", runServe},
		{"fsm", "print the EIP lifecycle state machine (mermaid or dot)", runFSM},
		{"explore", "run random operation sequences against the reference model; write a failure as a scenario", runExplore},
	}
}

// run runs the eipsim command line args (without the program name) and
// returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return exitOK
	}
	for _, c := range subcommands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "eipsim: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "usage: eipsim <command> [flags] [args]\n\ncommands:\n")
	for _, c := range subcommands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun \"eipsim <command> -h\" for a command's flags.\n")
}
