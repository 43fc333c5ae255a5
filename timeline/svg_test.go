package timeline_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/timeline"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func tr(sec int, id, from, to string) eipsim.Event {
	return eipsim.Event{Time: t0.Add(time.Duration(sec) * time.Second), Kind: eipsim.EventKindTransition,
		ResourceID: id, From: from, To: to}
}

// TestManyResources draws 500 resources: one lane each, of fixed height, so
// the picture grows with them; a long idle stretch is compressed.
func TestManyResources(t *testing.T) {
	picture := func(n int) []byte {
		var evs []eipsim.Event
		for i := range n {
			id := fmt.Sprintf("eip-%04d", i)
			evs = append(evs, tr(i%7, id, "", "Available"), tr(i%7, id, "Available", "Associating"),
				tr(i%7+3, id, "Associating", "InUse"), tr(86400+i%5, id, "InUse", "Unassociating"))
		}
		return timeline.SVG(evs, timeline.Options{Title: "many", Start: t0})
	}
	small, big := picture(10), picture(500)
	for _, b := range [][]byte{small, big} {
		if err := wellFormed(b); err != nil {
			t.Fatal(err)
		}
	}
	h10, w10 := size(t, small)
	h500, w500 := size(t, big)
	if got, want := h500-h10, 490*timeline.LaneHeight; got != want {
		t.Errorf("500 lanes are %dpx higher than 10, want %d (fixed lane height)", got, want)
	}
	if w10 != w500 {
		t.Errorf("widths %d and %d differ: same instants must give the same width", w10, w500)
	}
	// A day of idle time must not be drawn at scale.
	if w500 > 2000 {
		t.Errorf("width %d: the idle day was not compressed", w500)
	}
	if n := strings.Count(string(big), "</title>eip-"); n != 500 {
		t.Errorf("%d lane labels, want 500", n)
	}
	if !strings.Contains(string(big), "not drawn to scale") {
		t.Error("no break drawn for the idle day")
	}
}

// size returns the height and width of an SVG written by the package.
func size(t *testing.T, b []byte) (h, w int) {
	t.Helper()
	i := bytes.Index(b, []byte(`width="`))
	if i < 0 {
		t.Fatal("no width")
	}
	if _, err := fmt.Sscanf(string(b[i:]), `width="%d" height="%d"`, &w, &h); err != nil {
		t.Fatal(err)
	}
	return h, w
}

// TestMarksAndStates checks what one small history draws: the segments in
// their palette colours, a state held before the first transition, and the
// refused call and fault on their lanes with their codes on hover.
func TestMarksAndStates(t *testing.T) {
	evs := []eipsim.Event{
		tr(0, "i-1", "Running", "Stopping"),
		tr(2, "i-1", "Stopping", "Stopped"),
		tr(0, "eip-1", "", "Available"),
		{Time: t0.Add(time.Second), Kind: eipsim.EventKindCall, Action: "AssociateEipAddress", ResourceID: "eip-1",
			Code: "IncorrectEipStatus", RequestID: "req-7"},
		{Time: t0.Add(time.Second), Kind: eipsim.EventKindFault, Action: "ReleaseEipAddress", ResourceID: "eip-none",
			Code: "Throttling", Cause: "fault-1 error"},
		tr(4, "eip-1", "Available", ""),
	}
	s := string(timeline.SVG(evs, timeline.Options{Start: t0}))
	for _, want := range []string{
		`fill="#43a047"><title>i-1 Running: before the first transition to +0s</title>`,
		`fill="#757575"><title>i-1 Stopped: +2s to the end</title>`,
		`fill="#66bb6a"><title>eip-1 Available: +0s to +4s</title>`,
		`<title>+1s AssociateEipAddress refused: IncorrectEipStatus (eip-1) RequestId=req-7</title>`,
		`<title>+1s fault on ReleaseEipAddress (eip-none): Throttling [fault-1 error]</title>`,
		`(calls)</text>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in\n%s", want, s)
		}
	}
	// Lanes: EIPs before instances.
	if strings.Index(s, ">eip-1</text>") > strings.Index(s, ">i-1</text>") {
		t.Error("the EIP lane is not above the instance lane")
	}
}

// FuzzSVG draws histories with arbitrary strings and checks the picture
// is well-formed XML.
func FuzzSVG(f *testing.F) {
	f.Add("eip-1", "Available", "InUse", "Code", "Action", "cause", int64(3))
	f.Add("<&\"'>", "]]>", "\x00\xff", "\ufffe", "<!--", "&amp;", int64(-5))
	f.Add(strings.Repeat("é", 100), "", "", "", "", "", int64(1<<40))
	f.Fuzz(func(t *testing.T, id, from, to, code, action, cause string, sec int64) {
		at := t0.Add(time.Duration(sec))
		evs := []eipsim.Event{
			{Time: t0, Kind: eipsim.EventKindTransition, ResourceID: id, From: from, To: to, Cause: cause},
			{Time: at, Kind: eipsim.EventKindTransition, ResourceID: id, From: to, To: from},
			{Time: at, Kind: eipsim.EventKindCall, Action: eipsim.Action(action), ResourceID: id, Code: eipsim.Code(code), RequestID: cause},
			{Time: at, Kind: eipsim.EventKindFault, Action: eipsim.Action(action), ResourceID: cause, Code: eipsim.Code(code), Cause: cause},
		}
		b := timeline.SVG(evs, timeline.Options{Title: id + code})
		if err := wellFormed(b); err != nil {
			t.Fatalf("%v in\n%s", err, b)
		}
	})
}
