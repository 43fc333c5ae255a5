package eipsim

import (
	"strings"
	"testing"
)

// TestIsRead checks isRead's first-letter shortcut against the plain
// prefix test, for every Action and a few that are not, and that the read
// prefixes' first letters differ (which the shortcut relies on).
func TestIsRead(t *testing.T) {
	first := map[byte]string{}
	for _, p := range readActionPrefixes {
		if q, dup := first[p[0]]; dup {
			t.Fatalf("read prefixes %q and %q share a first letter", p, q)
		}
		first[p[0]] = p
	}
	names := append(Actions(), "", "D", "Delete", "Describe", "ListX", "Lis", "Get", "QueryFoo", "Lock", "Unlock")
	for _, a := range names {
		want := false
		for _, p := range readActionPrefixes {
			want = want || strings.HasPrefix(string(a), p)
		}
		if got := isRead(a); got != want {
			t.Errorf("isRead(%q) = %v, want %v", a, got, want)
		}
	}
}
