package eipsimtest

import (
	"strings"
	"unicode/utf8"
)

// ModifyEipAddressAttribute's Name (at most 128 characters) and
// Description (at most 256), neither starting with http:// or https://:
// values at the limits and one past them, in one-byte and two-byte
// characters (the limits count characters, not bytes).
var (
	modifyNames = []string{"", "web", "http://x", "https://", "http://", "webserver",
		strings.Repeat("n", 128), strings.Repeat("n", 129), strings.Repeat("é", 100), strings.Repeat("é", 129)}
	modifyDescriptions = []string{"", "d", "http://", "https://d",
		strings.Repeat("d", 256), strings.Repeat("d", 257), strings.Repeat("é", 200), strings.Repeat("é", 257)}
)

// badText reports whether a Name or Description is refused: longer than
// limit characters, or a URL.
func badText(s string, limit int) bool {
	return utf8.RuneCountInString(s) > limit || strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}
