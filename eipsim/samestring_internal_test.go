package eipsim

import (
	"context"
	"strings"
	"testing"
)

// TestSameString checks start's shortcut: only the same bytes' address and
// length are the same string; equal strings elsewhere, or a prefix at the
// same address, are not, and start then compares them, so a call made as
// another account is recorded as that account.
func TestSameString(t *testing.T) {
	a := "acct-1234"
	if !sameString(a, a) || !sameString("", "") {
		t.Error("a string is not the same as itself")
	}
	if sameString(a, strings.Clone(a)) || sameString(a, a[:4]) {
		t.Error("a copy or a prefix is the same string")
	}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, acct := range []string{"acct-1", strings.Clone("acct-1"), DefaultAccountID, "acct-2"} {
		c := &s.cur
		s.start(c, WithAccount(context.Background(), acct), ActionDescribeEipAddresses)
		s.end()
		if c.account != acct {
			t.Fatalf("call made as %q recorded as %q", acct, c.account)
		}
	}
}
