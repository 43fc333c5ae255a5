package scenarios

import (
	"strconv"
	"strings"
	"unicode"
)

// Quoted values. The line grammar (datadriven's, unchanged) cannot spell
// every string as one value: a value is cut at a space, a parenthesized one
// at its top-level commas and its closing parenthesis, and one that starts
// with "(" is a list. So a value of an Action parameter that starts with a
// double quote is a Go string literal, read with [strconv.Unquote]
// ("tok\x2c\x20x" is "tok, x"; a bad one is an error), and the recorder
// uses that form when neither the plain nor the parenthesized form reads
// back as the value itself (see [FormatScalar]). The quoted form
// escapes the space, the comma, the parentheses, the quote, the backslash
// and every byte outside printable ASCII as \xHH, so it is one word. Every
// ClientToken the engine accepts (ASCII 0x20-0x7e) is thus written and
// read back unchanged; a plain value that starts with a double quote must
// itself be written quoted.

// unquoteValue returns the value v stands for: v itself, or the text of the
// quoted form.
func unquoteValue(v string) (string, bool) {
	if !strings.HasPrefix(v, `"`) {
		return v, true
	}
	s, err := strconv.Unquote(v)
	return s, err == nil
}

// actionValue is the value of an Action parameter's argument (with Vals):
// its values joined by commas, or the text of its quoted form. ok is false
// for a quoted form that does not unquote.
func actionValue(a Arg) (v string, ok bool) {
	if len(a.Vals) == 1 {
		return unquoteValue(a.Vals[0])
	}
	return strings.Join(a.Vals, ","), true
}

// quoteValue writes v in the quoted form.
func quoteValue(v string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	b.Grow(len(v) + 8)
	b.WriteByte('"')
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c <= ' ' || c >= 0x7f || strings.IndexByte(`,()"\`, c) >= 0:
			b.WriteString(`\x`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&0xf])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// FormatScalar writes one value of an Action parameter (a ClientToken, a
// Name, ...) so that it reads back as itself whatever its bytes: plain when
// it can be, else in parentheses, else in the quoted form. Unlike
// [FormatValue] it never takes a value for an already written list.
func FormatScalar(v string) string {
	special, space := false, false
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c < ' ' || c == 0x7f:
			return quoteValue(v) // a line break, a tab, another control byte
		case c == ' ':
			space = true
		case strings.IndexByte(`(),"\`, c) >= 0:
			special = true
		}
	}
	switch {
	case strings.TrimRightFunc(v, unicode.IsSpace) != v:
		return quoteValue(v) // last on its line, a trailing U+00A0 or U+200A would be trimmed
	case !special && !space:
		return v
	case strings.HasPrefix(v, `"`) || strings.HasPrefix(v, "("):
		return quoteValue(v)
	case !space && !strings.HasSuffix(v, `\`):
		return v
	}
	if vals, rest, ok := parseList("(" + v + ")"); ok && rest == "" && len(vals) == 1 && vals[0] == v {
		return "(" + v + ")"
	}
	return quoteValue(v)
}
