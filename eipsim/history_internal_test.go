package eipsim

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestHistoryChunks checks the chunked history against a plain list: the
// kept events, since, and the dropped count, around chunk boundaries.
func TestHistoryChunks(t *testing.T) {
	start := time.Date(2026, 1, 2, 3, 4, 5, 6, time.FixedZone("x", 3600))
	for _, limit := range []int{0, 1, 7, histChunkLen - 1, histChunkLen, histChunkLen + 1, 2*histChunkLen + 5} {
		h := history{limit: limit}
		var want []Event
		for i := range 5*histChunkLen + 3 {
			e := Event{Time: start.Add(time.Duration(i) * 1234567 * time.Microsecond), Kind: EventKindCall,
				RequestID: fmt.Sprint("r", i), Action: Action(fmt.Sprint("A", i%3)), ResourceID: fmt.Sprint("eip-", i%11),
				From: "x", Cause: string(make([]byte, i%5))}
			if i%4 == 0 {
				e.Kind, e.AccountID, e.To, e.Code = EventKindFault, "acct", "y", "Code"
			}
			h.add(e)
			e.Seq, e.Time = uint64(i+1), e.Time.UTC()
			want = append(want, e)
			if limit > 0 && len(want) > limit {
				want = want[1:]
			}
			if i%97 != 0 && i < 5*histChunkLen {
				continue
			}
			if got := h.all(); !reflect.DeepEqual(got, want) {
				t.Fatalf("limit %d, after %d: all() differs: %d events, want %d", limit, i+1, len(got), len(want))
			}
			for _, k := range []int{0, 1, len(want) / 2, len(want) - 1, len(want)} {
				seq := want[0].Seq - 1 + uint64(k)
				if got := h.since(seq); !reflect.DeepEqual(got, want[k:]) {
					t.Fatalf("limit %d, after %d: since(%d) differs", limit, i+1, seq)
				}
			}
			if d := uint64(i+1) - uint64(len(want)); h.dropped() != d {
				t.Fatalf("limit %d: dropped %d, want %d", limit, h.dropped(), d)
			}
		}
		if limit > 0 && len(h.chunks) > (limit+histChunkLen-1)/histChunkLen+1 {
			t.Errorf("limit %d: %d chunks kept", limit, len(h.chunks))
		}
	}
	var h history
	if got := h.all(); got == nil || len(got) != 0 {
		t.Errorf("empty history: %#v", got)
	}
}

// TestHistoryClipsLongFields: a caller's huge input is kept cut, so the
// history stays bounded and never overflows a chunk's offsets.
func TestHistoryClipsLongFields(t *testing.T) {
	var h history
	long := strings.Repeat("é", 10*histMaxField) // 2 bytes a rune
	for range histChunkLen + 1 {
		h.add(Event{Kind: EventKindCall, ResourceID: long, Cause: "short"})
	}
	evs := h.since(0)
	if len(evs) != histChunkLen+1 {
		t.Fatalf("got %d events, want %d", len(evs), histChunkLen+1)
	}
	got := evs[len(evs)-1]
	if len(got.ResourceID) > histMaxField || !strings.HasSuffix(got.ResourceID, "…") || !utf8.ValidString(got.ResourceID) {
		t.Fatalf("ResourceID kept %d bytes (valid UTF-8: %v), want a clipped prefix of at most %d", len(got.ResourceID), utf8.ValidString(got.ResourceID), histMaxField)
	}
	if got.Cause != "short" {
		t.Fatalf("Cause = %q after a clipped field, want short", got.Cause)
	}
}

// TestHistoryNamesFull: once the table of names is full, or for a string
// too long to be named, the values are copied and read back the same; a
// string whose address was cached for another value is not confused.
func TestHistoryNamesFull(t *testing.T) {
	var h history
	var want []Event
	long := strings.Repeat("x", histNameLen+1)
	for i := range histNamesMax + 50 {
		// A new string each time at a fresh address, with a varying value.
		e := Event{Kind: EventKindCall, AccountID: fmt.Sprint("acct-", i), Action: Action(fmt.Sprint("A", i%7)), Code: Code(long), Seq: uint64(i + 1)}
		e.Time = time.Unix(int64(i), 0).UTC()
		h.add(e)
		want = append(want, e)
	}
	if got := h.all(); !reflect.DeepEqual(got, want) {
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("event %d = %+v, want %+v", i, got[i], want[i])
			}
		}
		t.Fatalf("got %d events, want %d", len(got), len(want))
	}
	if len(h.names.strs) != histNamesMax {
		t.Errorf("%d names kept, want the bound %d", len(h.names.strs), histNamesMax)
	}
}
