package scenarios

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// maxEcho is how much of a scenario line an error message repeats.
const maxEcho = 200

// clip returns s for an error message: s itself when it is at most maxEcho
// bytes, else its first maxEcho bytes (cut at a rune boundary) and how long
// it was, so that a 10 MB line does not become a 10 MB message.
func clip(s string) string {
	if len(s) <= maxEcho {
		return s
	}
	n := maxEcho
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return fmt.Sprintf("%s… (%d bytes in all)", s[:n], len(s))
}

// quoteClip is clip(s) in double quotes, for an argument value.
func quoteClip(s string) string { return strconv.Quote(clip(s)) }
