package timeline

import (
	"bytes"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/scenarios"
)

// The fixed geometry of a picture, in pixels (see the package doc).
const (
	// LaneHeight is the height of one resource's lane.
	LaneHeight = 20
	// PixelsPerSecond is the horizontal scale of simulated time.
	PixelsPerSecond = 40
	// MinStep is the least width between two instants at which something
	// happened.
	MinStep = 16
	// BreakWidth is the width of a compressed idle gap.
	BreakWidth = 32
	// IdleThreshold is the longest gap drawn at scale; a longer one is
	// drawn as a break of BreakWidth.
	IdleThreshold = 10 * time.Second
)

const (
	maxLabel = 40 // runes of a lane label; the full ID is on hover
	charW    = 7  // width of a label character at font-size 12
	headerH  = 48 // title and time axis
	legendH  = 36
	tailW    = 48 // after the last instant, so final states show
	pad      = 8
	sliverW  = 3 // width of a zero-length segment
	markStep = 9 // between marks of one lane at the same instant
	minW     = 480
)

// Options tune a picture.
type Options struct {
	// Title is written at the top, e.g. the scenario file's name.
	Title string
	// Start is the time the tick labels count from; zero means the first
	// event's time. Events before it are drawn at it.
	Start time.Time
}

// SVG draws events (a Sim's History, oldest first) as an SVG document.
func SVG(events []eipsim.Event, opts Options) []byte {
	p := build(events, opts)
	var b bytes.Buffer
	p.write(&b, opts.Title)
	return b.Bytes()
}

// seg is one status of a resource over [from, to); open if it lasts to the
// end of the run.
type seg struct {
	status   string
	from, to time.Duration
	open     bool
	before   bool // held before the first recorded transition
}

// mark is a refused call or a fault firing.
type mark struct {
	at    time.Duration
	fault bool
	title string
}

type lane struct {
	id    string
	segs  []seg
	cur   *seg
	marks []mark
}

// picture is what is drawn, in drawing order.
type picture struct {
	lanes   []*lane
	calls   []mark // marks of resources without a lane
	times   []time.Duration
	xs      []int
	breaks  []int // indexes i into times: the gap before times[i] is a break
	end     int   // x of the right end of open segments
	labelW  int
	r       scenarios.Renderer
	origin  time.Time
	visible map[string]bool // statuses drawn, for the legend
}

func build(events []eipsim.Event, opts Options) *picture {
	p := &picture{origin: opts.Start, visible: map[string]bool{}}
	if p.origin.IsZero() && len(events) > 0 {
		p.origin = events[0].Time
	}
	p.r = scenarios.Renderer{Start: p.origin}
	rel := func(t time.Time) time.Duration { return max(t.Sub(p.origin), 0) }
	byID := map[string]*lane{}
	type pending struct {
		id string
		m  mark
	}
	var marks []pending
	times := []time.Duration{0}
	for _, ev := range events {
		at := rel(ev.Time)
		switch {
		case ev.Kind == eipsim.EventKindTransition && ev.ResourceID != "":
			l := byID[ev.ResourceID]
			if l == nil {
				l = &lane{id: ev.ResourceID}
				byID[ev.ResourceID] = l
				if ev.From != "" {
					l.segs = append(l.segs, seg{status: ev.From, before: true, to: at})
				}
			}
			if l.cur != nil {
				l.cur.to = at
				l.segs = append(l.segs, *l.cur)
				l.cur = nil
			}
			if ev.To != "" {
				l.cur = &seg{status: ev.To, from: at}
			}
		case ev.Kind == eipsim.EventKindCall && ev.Code != "":
			t := p.r.Time(ev.Time) + " " + string(ev.Action) + " refused: " + string(ev.Code)
			if ev.ResourceID != "" {
				t += " (" + ev.ResourceID + ")"
			}
			if ev.RequestID != "" {
				t += " RequestId=" + ev.RequestID
			}
			marks = append(marks, pending{ev.ResourceID, mark{at: at, title: t}})
		case ev.Kind == eipsim.EventKindFault:
			t := p.r.Time(ev.Time) + " fault on " + string(ev.Action)
			if ev.ResourceID != "" {
				t += " (" + ev.ResourceID + ")"
			}
			if ev.Code != "" {
				t += ": " + string(ev.Code)
			}
			if ev.Cause != "" {
				t += " [" + ev.Cause + "]"
			}
			marks = append(marks, pending{ev.ResourceID, mark{at: at, fault: true, title: t}})
		default:
			continue
		}
		times = append(times, at)
	}
	for _, l := range byID {
		if l.cur != nil {
			l.cur.open = true
			l.segs = append(l.segs, *l.cur)
			l.cur = nil
		}
		p.lanes = append(p.lanes, l)
	}
	slices.SortFunc(p.lanes, func(a, b *lane) int {
		if ka, kb := kindOrder(a.id), kindOrder(b.id); ka != kb {
			return ka - kb
		}
		return strings.Compare(a.id, b.id)
	})
	for _, m := range marks {
		if l := byID[m.id]; l != nil && m.id != "" {
			l.marks = append(l.marks, m.m)
		} else {
			p.calls = append(p.calls, m.m)
		}
	}

	longest := len("(calls)")
	for _, l := range p.lanes {
		longest = max(longest, min(utf8.RuneCountInString(l.id), maxLabel))
	}
	p.labelW = pad + longest*charW + pad

	slices.Sort(times)
	p.times = slices.Compact(times)
	// pile[i] is the most marks one lane has at instant i: the step after
	// it leaves room to draw them side by side.
	pile := make([]int, len(p.times))
	count := func(ms []mark) {
		n := map[time.Duration]int{}
		for _, m := range ms {
			n[m.at]++
			i, _ := slices.BinarySearch(p.times, m.at)
			pile[i] = max(pile[i], n[m.at])
		}
	}
	count(p.calls)
	for _, l := range p.lanes {
		count(l.marks)
		for _, s := range l.segs {
			p.visible[s.status] = true
		}
	}
	x := p.labelW + pad
	for i, t := range p.times {
		if i > 0 {
			gap := t - p.times[i-1]
			step := max(MinStep, int(gap*PixelsPerSecond/time.Second))
			if gap > IdleThreshold {
				step = BreakWidth
				p.breaks = append(p.breaks, i)
			}
			x += max(step, pile[i-1]*markStep+markStep)
		}
		p.xs = append(p.xs, x)
	}
	p.end = x + max(tailW, pile[len(pile)-1]*markStep+markStep)
	return p
}

// kindOrder ranks a resource ID's kind for the lane order.
func kindOrder(id string) int {
	for i, prefix := range []string{"eip-", "ngw-", "snat-", "fwd-", "havip-", "i-", "eni-", "lb-"} {
		if strings.HasPrefix(id, prefix) {
			return i
		}
	}
	return 99
}

// x returns the horizontal position of the instant t (one of p.times).
func (p *picture) x(t time.Duration) int {
	i, _ := slices.BinarySearch(p.times, t)
	return p.xs[min(i, len(p.xs)-1)]
}
