package eipsim

import (
	"testing"
	"unsafe"
)

// TestHistoryCopiesReusedAddress: the cache of copies knows its older
// strings by address only (histCopyWays), so a string at such an address
// with other bytes (as when the older string was freed and its memory
// reused) must be copied as itself, not stored as the older string's copy.
// The reuse is made by writing the bytes again, where the GC would free and
// reuse them.
func TestHistoryCopiesReusedAddress(t *testing.T) {
	const n = 16
	buf := make([]byte, 8*histCopies+n)
	at := func(off int) string { return unsafe.String(&buf[off], n) }
	copy(buf, "aaaaaaaaaaaaaaaa")
	copy(buf[8*histCopies:], "bbbbbbbbbbbbbbbb")
	a, b := at(0), at(8*histCopies)
	if histSetOf(a, histCopies) != histSetOf(b, histCopies) {
		t.Fatal("the two strings do not share a set")
	}
	var h history
	h.add(Event{Kind: EventKindCall, ResourceID: a})
	h.add(Event{Kind: EventKindCall, ResourceID: b}) // a is now the set's older string
	h.add(Event{Kind: EventKindCall, ResourceID: a}) // found as the older string
	copy(buf, "cccccccccccccccc")
	h.add(Event{Kind: EventKindCall, ResourceID: at(0)}) // a's address and length, other bytes
	want := []string{"aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaaa", "cccccccccccccccc"}
	for i, e := range h.all() {
		if e.ResourceID != want[i] {
			t.Errorf("event %d: %q, want %q", i+1, e.ResourceID, want[i])
		}
	}
	// The third event found a's copy: three copies made.
	if len(h.cur.data) != 3*(2+n) {
		t.Errorf("%d bytes copied, want three copies (%d)", len(h.cur.data), 3*(2+n))
	}
}
