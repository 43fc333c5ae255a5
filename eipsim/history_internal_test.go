package eipsim

import (
	"fmt"
	"math/rand/v2"
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

// TestHistoryMatchesReference compares the history's store with a plain
// list of Events, over random events recorded through each of the ways in
// (add, call, transition, transitionEIP): strings from a small pool (so
// the caches hit), the same values at other addresses, prefixes sharing
// an address with a longer string, "" at an address, long and non-ASCII
// strings (clipped, or too long to be named), more names than the table
// holds, RequestIds the Sim drew (stored as their draws while they are the
// last drawn, histrids.go) and earlier ones, copies and prefixes of them,
// and extreme times; read back whole and from random points, under limits
// from none to huge, so that a mistake in the encoding fails.
func TestHistoryMatchesReference(t *testing.T) {
	pool := []string{"", "call", "default", "acct-2", "eip-aaaaaaaaaaaaaaaaaaaa", "eip-b", "i-1",
		string(ActionAllocateEipAddress), string(StatusAvailable), string(StatusInUse), "Code.X",
		"ÄÖÜ-é-漢字", strings.Repeat("é", histNameLen), strings.Repeat("x", histMaxField),
		strings.Repeat("y", histMaxField+1), strings.Repeat("漢", histMaxField), "abcdefghijkl"}
	times := []time.Time{{}, time.Unix(0, 0), time.Unix(-1, 999999999), MaxTime, MaxTime.Add(MaxDelay),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.FixedZone("far", -3600)),
		time.Unix(1<<40, 1), time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)}
	for _, limit := range []int{0, 1, 2, 5, histChunkLen - 1, histChunkLen + 1, histChunkLen + 2, 3000, 1 << 40} {
		rng := rand.New(rand.NewPCG(uint64(limit), 7))
		s := &Sim{}
		s.history.limit = limit
		h := &s.history
		var drawn []string // the RequestIds s drew, the last one last
		rid := func() string {
			if len(drawn) == 0 || rng.IntN(3) == 0 { // a new one, as begin draws it
				drawn = append(drawn[max(0, len(drawn)-7):], s.ids.requestID())
			}
			v := drawn[len(drawn)-1]
			switch rng.IntN(6) {
			case 0: // an earlier one: not the last drawn any more
				v = drawn[rng.IntN(len(drawn))]
			case 1: // the same text at another address
				v = strings.Clone(v)
			case 2: // a prefix: the address of a RequestId, not its length
				v = v[:rng.IntN(len(v))]
			}
			return v
		}
		str := func() string {
			switch rng.IntN(9) {
			case 0: // a fresh copy: the same value at another address
				return strings.Clone(pool[rng.IntN(len(pool))])
			case 1: // a prefix: the address of a longer string
				v := pool[rng.IntN(len(pool))]
				return v[:rng.IntN(len(v)+1)]
			case 2: // a new value each time: fills the table of names
				return fmt.Sprint("n-", rng.IntN(3*histNamesMax))
			case 3:
				return rid()
			}
			return pool[rng.IntN(len(pool))]
		}
		var want []Event
		clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range 6000 {
			at := clock.Add(time.Duration(i) * 1500 * time.Millisecond)
			if rng.IntN(10) == 0 {
				at = times[rng.IntN(len(times))]
			}
			var e Event
			switch rng.IntN(4) {
			case 0:
				e = Event{Time: at, Kind: EventKind(str()), RequestID: str(), AccountID: str(), Action: Action(str()),
					ResourceID: str(), From: str(), To: str(), Code: Code(str()), Cause: str()}
				h.add(e)
			case 1:
				c := call{slow: true, clock: at, at: nanos(at), rid: str(), account: str(), action: Action(str())}
				if rng.IntN(2) == 0 {
					c.rid = rid()
				}
				e = Event{Time: at, Kind: EventKindCall, RequestID: c.rid, AccountID: c.account, Action: c.action, ResourceID: str()}
				if rng.IntN(2) == 0 {
					e.Code = Code(str())
				}
				h.call(&c, e.ResourceID, e.Code, &s.ids.last)
			case 2:
				e = Event{Time: at, Kind: EventKindTransition, Action: Action(str()), ResourceID: str(), From: str(), To: str(), Cause: str()}
				s.transition(at, e.Action, e.ResourceID, e.From, e.To, e.Cause)
			case 3:
				from, to := state(rng.IntN(len(lifecycle.states))), state(rng.IntN(len(lifecycle.states)))
				e = Event{Time: at, Kind: EventKindTransition, Action: Action(str()), ResourceID: str(),
					From: string(lifecycle.states[from]), To: string(lifecycle.states[to]), Cause: str()}
				// As the calls do: nanoseconds when exact, else the time.
				c := call{slow: true, clock: at, at: nanos(at)}
				s.transitionEIP(c.stamp(), e.Action, e.ResourceID, from, to, e.Cause)
			}
			e.Seq, e.Time = uint64(i+1), e.Time.UTC()
			e.Kind, e.RequestID, e.AccountID, e.Action = EventKind(clip(string(e.Kind))), clip(e.RequestID), clip(e.AccountID), Action(clip(string(e.Action)))
			e.ResourceID, e.From, e.To, e.Code, e.Cause = clip(e.ResourceID), clip(e.From), clip(e.To), Code(clip(string(e.Code))), clip(e.Cause)
			want = append(want, e)
			if limit > 0 && len(want) > limit {
				want = want[1:]
			}
			// Read now and then, and just after a chunk began (when the
			// oldest event kept may be in the chunk reused).
			if rng.IntN(300) != 0 && i != 5999 && h.n != 1 {
				continue
			}
			checkEvents(t, fmt.Sprintf("limit %d, after %d: all()", limit, i+1), h.all(), want)
			k := rng.IntN(len(want) + 1)
			seq := want[0].Seq - 1 + uint64(k)
			checkEvents(t, fmt.Sprintf("limit %d, after %d: since(%d)", limit, i+1, seq), h.since(seq), want[k:])
			if d := uint64(i+1) - uint64(len(want)); h.dropped() != d {
				t.Fatalf("limit %d: dropped %d, want %d", limit, h.dropped(), d)
			}
		}
		if n := drawnRefs(h); n == 0 {
			t.Errorf("limit %d: no RequestId stored as its draws", limit)
		}
		if len(h.names.strs) > histNamesMax {
			t.Errorf("limit %d: %d names kept, more than the bound %d", limit, len(h.names.strs), histNamesMax)
		}
		if limit > 0 && len(h.chunks) > (limit+histChunkLen-1)/histChunkLen+1 {
			t.Errorf("limit %d: %d chunks kept", limit, len(h.chunks))
		}
	}
}

// drawnRefs counts the RequestIds and Causes h keeps as draws.
func drawnRefs(h *history) (n int) {
	for _, c := range h.chunks {
		for _, r := range c.recs {
			n += b2i(r.rid >= histDrawn) + b2i(r.cause >= histDrawn)
		}
	}
	return n
}

// checkEvents fails with the first event of got that differs from want.
func checkEvents(t *testing.T, what string, got, want []Event) {
	t.Helper()
	for i := range min(len(got), len(want)) {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("%s: event %d = %.300v, want %.300v", what, i, fmt.Sprintf("%+v", got[i]), fmt.Sprintf("%+v", want[i]))
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%s: %d events, want %d", what, len(got), len(want))
	}
}

// TestHistoryDrawnAcrossChunks: RequestIds stored as draws at the same
// offset of consecutive chunks (a call's at each chunk's start, the Cause
// of the chunk's other events) are each read back as their own, whole and
// from within a chunk.
func TestHistoryDrawnAcrossChunks(t *testing.T) {
	s := &Sim{}
	h := &s.history
	var want []Event
	at := time.Unix(1, 0).UTC()
	var rid string
	for i := range 3 * histChunkLen {
		e := Event{Seq: uint64(i + 1), Time: at, Kind: EventKindTransition, Action: ActionAllocateEipAddress, Cause: rid}
		if i%histChunkLen == 0 {
			rid = s.ids.requestID()
			c := call{slow: true, clock: at, at: nanos(at), rid: rid, action: ActionAllocateEipAddress}
			h.call(&c, "", "", &s.ids.last)
			e.Kind, e.RequestID, e.Cause = EventKindCall, rid, ""
		} else {
			s.transition(at, e.Action, "", "", "", rid)
		}
		want = append(want, e)
	}
	if n := drawnRefs(h); n != len(want) {
		t.Fatalf("%d RequestIds stored as draws, want %d", n, len(want))
	}
	checkEvents(t, "all()", h.all(), want)
	checkEvents(t, "since(10)", h.since(10), want[10:])
}

// TestHistoryDrawnIntoNextChunk: a call's RequestId stored as its draws
// near a chunk's end, then the Cause of events that go on into the next
// chunk, is stored again there (history.drawn is the current chunk's), and
// every event reads back with it.
func TestHistoryDrawnIntoNextChunk(t *testing.T) {
	s := &Sim{}
	h := &s.history
	var want []Event
	at := time.Unix(1, 0).UTC()
	for i := range histChunkLen - 3 {
		s.transition(at, ActionAllocateEipAddress, "", "", "", "setup")
		want = append(want, Event{Seq: uint64(i + 1), Time: at, Kind: EventKindTransition, Action: ActionAllocateEipAddress, Cause: "setup"})
	}
	rid := s.ids.requestID()
	c := call{at: nanos(at), rid: rid, action: ActionAllocateEipAddress}
	h.call(&c, "", "", &s.ids.last)
	want = append(want, Event{Seq: uint64(len(want) + 1), Time: at, Kind: EventKindCall, Action: c.action, RequestID: rid})
	for range 10 {
		s.transitionEIP(stampOf(at), c.action, "eip-1", stAvailable, stInUse, rid)
		want = append(want, Event{Seq: uint64(len(want) + 1), Time: at, Kind: EventKindTransition, Action: c.action,
			ResourceID: "eip-1", From: string(StatusAvailable), To: string(StatusInUse), Cause: rid})
	}
	if len(h.chunks) != 2 {
		t.Fatalf("%d chunks, want the events in two", len(h.chunks))
	}
	if n := drawnRefs(h); n != 11 {
		t.Fatalf("%d RequestIds stored as draws, want 11", n)
	}
	checkEvents(t, "all()", h.all(), want)
	checkEvents(t, "since(1022)", h.since(1022), want[1022:])
}
