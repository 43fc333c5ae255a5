package scenarios

import (
	"strings"

	"github.com/pmezard/go-difflib/difflib"
)

// unifiedDiff returns the unified diff from want to got (both in the
// newline-terminated form of [Command.Expected]), with 3 lines of context.
func unifiedDiff(want, got string) string {
	d, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A:        splitAfter(want),
		B:        splitAfter(got),
		FromFile: "want",
		ToFile:   "got",
		Context:  3,
	})
	if err != nil { // only a failing writer makes difflib fail; it writes to a buffer
		return "--- want\n+++ got\n" + err.Error() + "\n"
	}
	return d
}

// splitAfter splits s into lines that keep their "\n"; a final line without
// one gets one, so that the diff stays line-oriented.
func splitAfter(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	} else {
		lines[len(lines)-1] += "\n"
	}
	return lines
}
