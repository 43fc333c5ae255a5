package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// newFlags returns a flag set for "eipsim <name>" whose usage is synopsis,
// a description, and the flags.
func newFlags(name, synopsis, description string) *flag.FlagSet {
	fs := flag.NewFlagSet("eipsim "+name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: eipsim %s %s\n\n%s\n", name, synopsis, description)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args with fs. It returns ok=false and the exit status
// when the command should stop: after printing the usage to stdout for -h
// (status 0), or the error and the usage to stderr for bad flags (status 2).
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (status int, ok bool) {
	usage := fs.Usage
	fs.Usage = func() {} // printed below, to the stream that fits
	fs.SetOutput(stderr)
	err := fs.Parse(args)
	fs.Usage = usage
	switch {
	case err == nil:
		return exitOK, true
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK, false
	default: // fs.Parse has printed the error
		fs.Usage()
		return exitUsage, false
	}
}
