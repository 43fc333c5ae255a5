package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/scenarios"
)

// useTestHandler makes "eipsim run" replay on a counter handler:
// "count" prints count=N, N counting from 1 in each file.
func useTestHandler(t *testing.T) {
	t.Helper()
	saved := newHandler
	t.Cleanup(func() { newHandler = saved })
	newHandler = func() scenarios.Handler {
		n := 0
		return scenarios.Commands{
			"count": func(c *scenarios.Command) (string, error) {
				if err := c.CheckArgs(); err != nil {
					return "", err
				}
				n++
				return fmt.Sprintf("count=%d", n), nil
			},
		}
	}
}

// eipsim runs the command line and returns its exit status and output.
func eipsim(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = run(args, &out, &errOut)
	return status, out.String(), errOut.String()
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args   []string
		status int
		stdout string // substring
		stderr string // substring
	}{
		{args: nil, status: 2, stderr: "usage: eipsim <command>"},
		{args: []string{"-h"}, status: 0, stdout: "usage: eipsim <command>"},
		{args: []string{"frob"}, status: 2, stderr: `eipsim: unknown command "frob"`},
		{args: []string{"run", "-h"}, status: 0, stdout: "usage: eipsim run [-rewrite] [-v] [-timeline] [-svg DIR] FILE|DIR..."},
		{args: []string{"run", "-nope", "x.txt"}, status: 2, stderr: "flag provided but not defined: -nope"},
		{args: []string{"run"}, status: 2, stderr: "eipsim run: no FILE or DIR given"},
		{args: []string{"serve", "extra"}, status: 2, stderr: "eipsim serve: unexpected arguments"},
		{args: []string{"fsm"}, status: 0, stdout: "stateDiagram-v2\n    [*] --> Available\n"},
		{args: []string{"fsm", "-format", "dot"}, status: 0, stdout: "digraph fsm {"},
		{args: []string{"fsm", "-dimension", "locks"}, status: 0, stdout: "FinancialLocked"},
		{args: []string{"fsm", "-format", "svg"}, status: 2, stderr: `unknown diagram format "svg"`},
		{args: []string{"fsm", "-h"}, status: 0, stdout: "usage: eipsim fsm [-format mermaid|dot]"},
		{args: []string{"explore", "-steps", "-1"}, status: 2, stderr: "-steps must be >= 0"},
		{args: []string{"serve", "-h"}, status: 0, stdout: "usage: eipsim serve"},
		{args: []string{"explore", "-x"}, status: 2, stderr: "flag provided but not defined: -x"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			status, stdout, stderr := eipsim(t, tt.args...)
			if status != tt.status {
				t.Errorf("status = %d, want %d\nstdout:\n%s\nstderr:\n%s", status, tt.status, stdout, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr)
			}
		})
	}
	_, stdout, _ := eipsim(t, "-h")
	for _, name := range []string{"run", "serve", "fsm", "explore"} {
		if !strings.Contains(stdout, "\n  "+name+" ") {
			t.Errorf("usage does not list %s:\n%s", name, stdout)
		}
	}
}
