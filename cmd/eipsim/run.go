package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/eipsim/eipsim/scenarios"
)

// newHandler makes the handler each scenario file is replayed on. Tests
// replace it with a handler that does not need the engine.
var newHandler = scenarios.NewEngineHandler

// runRun is "eipsim run [-rewrite] [-v] [-timeline] [-svg DIR] FILE|DIR...".
func runRun(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("run", "[-rewrite] [-v] [-timeline] [-svg DIR] FILE|DIR...",
		"Replay scenario files and compare every command's output with the expected one.\n"+
			"A DIR stands for the *.txt files directly inside it, sorted.\n"+
			"Exit status: 0 if all match, 1 on a mismatch (the diff is printed), 2 on a malformed file or bad flags.")
	rewrite := fs.Bool("rewrite", false, "rewrite each file in place with the actual outputs (canonical form, comments kept)")
	verbose := fs.Bool("v", false, "print every command and its actual output")
	timeline := fs.Bool("timeline", false, "after each file, print every resource's states over simulated time")
	svgDir := fs.String("svg", "", "write a timeline picture of each file's run into `DIR` (created if missing), named <file name without .txt>.svg")
	if status, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return status
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(stderr, "eipsim run: no FILE or DIR given\n")
		fs.SetOutput(stderr)
		fs.Usage()
		return exitUsage
	}

	t := tally{pictures: newPictures(*svgDir)}
	for _, arg := range fs.Args() {
		files, err := scenarios.ListFiles(arg)
		if err == nil && len(files) == 0 {
			err = fmt.Errorf("%s: no *.txt files in this directory", arg)
		}
		if err != nil {
			fmt.Fprintf(stderr, "ERR  %v\n", err)
			t.malformed++
			continue
		}
		for _, f := range files {
			runFile(f, *rewrite, *verbose, *timeline, stdout, stderr, &t)
			if t.pictures != nil && t.pictures.last != nil {
				if err := t.pictures.write(f); err != nil {
					fmt.Fprintf(stderr, "ERR  %v\n", err)
					t.malformed++
				}
			}
		}
	}
	t.print(stdout, *rewrite)
	switch {
	case t.malformed > 0:
		return exitUsage
	case t.failed > 0 && !*rewrite:
		return exitFail
	}
	return exitOK
}

// tally counts what runRun found.
type tally struct {
	files, commands     int
	failed, malformed   int       // files
	rewritten, mismatch int       // files rewritten; commands mismatched
	pictures            *pictures // for -svg, else nil
}

// runFile replays one file and prints its verdict line (and diffs).
func runFile(path string, rewrite, verbose, timeline bool, stdout, stderr io.Writer, t *tally) {
	opts := scenarios.Options{Rewrite: rewrite}
	if verbose {
		opts.Trace = func(c *scenarios.Command, out string) {
			fmt.Fprintf(stdout, "%s: %s\n%s", c.Pos, c, indent(out))
		}
	}
	var engine *scenarios.Engine // the last handler made, for -timeline
	factory := func() scenarios.Handler {
		h := newHandler()
		engine, _ = h.(*scenarios.Engine)
		return h
	}
	res, err := scenarios.ReplayFile(path, factory, opts)
	if t.pictures != nil {
		t.pictures.last = engine
	}
	if timeline && engine != nil && engine.Sim() != nil {
		defer fmt.Fprintf(stdout, "timeline of %s:\n%s", path, scenarios.Timeline(engine.Sim().History(), scenarios.Renderer{Start: engine.Start()}))
	}
	if err != nil {
		fmt.Fprintf(stderr, "ERR  %v\n", err)
		t.malformed++
		return
	}
	n, k := len(res.Outputs), len(res.Mismatches)
	t.files++
	t.commands += n
	t.mismatch += k
	switch {
	case rewrite && res.Wrote:
		t.rewritten++
		fmt.Fprintf(stdout, "rewrote %s (%d of %d outputs changed)\n", path, k, n)
	case res.OK() || rewrite:
		fmt.Fprintf(stdout, "ok   %s (%s)\n", path, plural(n, "command"))
	default:
		t.failed++
		for _, m := range res.Mismatches {
			fmt.Fprint(stdout, m.String())
		}
		fmt.Fprintf(stdout, "FAIL %s (%d of %d mismatched)\n", path, k, n)
	}
}

// print writes the total line.
func (t *tally) print(w io.Writer, rewrite bool) {
	verdict := "ok  "
	if (t.failed > 0 && !rewrite) || t.malformed > 0 {
		verdict = "FAIL"
	}
	fmt.Fprintf(w, "%s total: %s, %s", verdict, plural(t.files, "file"), plural(t.commands, "command"))
	if rewrite {
		fmt.Fprintf(w, ", %s rewritten", plural(t.rewritten, "file"))
	} else if t.failed > 0 {
		fmt.Fprintf(w, ", %d mismatched in %s", t.mismatch, plural(t.failed, "file"))
	}
	if t.malformed > 0 {
		fmt.Fprintf(w, ", %d malformed", t.malformed)
	}
	fmt.Fprintln(w)
}

// indent prefixes every line of out with two spaces.
func indent(out string) string {
	if out == "" {
		return ""
	}
	return "  " + strings.ReplaceAll(strings.TrimSuffix(out, "\n"), "\n", "\n  ") + "\n"
}

// plural returns "1 file", "2 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
