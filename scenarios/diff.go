package scenarios

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/pmezard/go-difflib/difflib"
)

// unifiedDiff returns the unified diff from want to got (both in the
// newline-terminated form of [Command.Expected]), with 3 lines of context.
// Control characters other than tab and the line-ending newline are shown
// escaped ("\r" as `\r`), so that lines that differ only by one look
// different.
func unifiedDiff(want, got string) string {
	d, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A:        visibleLines(splitAfter(want)),
		B:        visibleLines(splitAfter(got)),
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

// visibleLines escapes, in each line that has one, the control characters a
// terminal would not show (all but tab and the final newline), and in such a
// line also every backslash, so that the escaped text is unambiguous.
func visibleLines(lines []string) []string {
	for i, l := range lines {
		body, nl := strings.CutSuffix(l, "\n")
		if !strings.ContainsFunc(body, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }) {
			continue
		}
		var b strings.Builder
		for _, r := range body {
			switch {
			case r == '\\':
				b.WriteString(`\\`)
			case r != '\t' && unicode.IsControl(r):
				q := strconv.QuoteRune(r)
				b.WriteString(q[1 : len(q)-1])
			default:
				b.WriteRune(r)
			}
		}
		if nl {
			b.WriteByte('\n')
		}
		lines[i] = b.String()
	}
	return lines
}
