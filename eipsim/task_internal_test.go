package eipsim

import (
	"strconv"
	"testing"
)

// TestMinCompact: compactEIPs does nothing until more than minCompact
// released EIPs wait, which is why settle calls it only then.
func TestMinCompact(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for i := range minCompact + 1 {
		e := &eip{id: "eip-" + strconv.Itoa(i), gone: true}
		s.order = append(s.order, e)
		s.eips.put(e)
		s.dead++
		if s.compactEIPs(); s.dead == 0 {
			if i < minCompact {
				t.Fatalf("compacted at %d released EIPs, minCompact is %d", i+1, minCompact)
			}
			return
		}
	}
	t.Fatalf("not compacted at %d released EIPs of %d", s.dead, len(s.order))
}
