package timeline

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strconv"
	"unicode/utf8"
)

// palette is the fixed colour of each status, in legend order.
var palette = []struct{ status, colour string }{
	{"Available", "#66bb6a"},
	{"InUse", "#1e88e5"},
	{"Associating", "#ffa726"},
	{"Unassociating", "#ffd54f"},
	{"Pending", "#b0bec5"},
	{"Creating", "#90a4ae"},
	{"Modifying", "#ba68c8"},
	{"Releasing", "#ef5350"},
	{"Deleting", "#ef5350"},
	{"Released", "#9e9e9e"},
	{"Running", "#43a047"},
	{"Starting", "#aed581"},
	{"Stopping", "#ffcc80"},
	{"Stopped", "#757575"},
}

// StatusColour is one entry of the palette.
type StatusColour struct{ Status, Colour string }

// Palette returns the fixed colour of each status, in legend order (the
// package doc's table), so that other views of a run (the serve console)
// colour statuses as the pictures do. A status not in it is drawn in
// [OtherColour].
func Palette() []StatusColour {
	out := make([]StatusColour, len(palette))
	for i, c := range palette {
		out[i] = StatusColour{c.status, c.colour}
	}
	return out
}

// OtherColour is the colour of a status not in the [Palette].
const OtherColour = otherColour

// otherColour is the colour of a status not in the palette.
const otherColour = "#f48fb1"

const (
	refusedColour = "#c62828"
	faultColour   = "#8e24aa"
)

func colour(status string) string {
	for _, c := range palette {
		if c.status == status {
			return c.colour
		}
	}
	return otherColour
}

// esc returns s XML-escaped, with what XML cannot hold replaced by U+FFFD.
func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s)) // a bytes.Buffer does not fail
	return b.String()
}

// label shortens an ID to maxLabel runes for a lane label.
func label(id string) string {
	if utf8.RuneCountInString(id) <= maxLabel {
		return id
	}
	r := []rune(id)
	return string(r[:maxLabel-1]) + "…"
}

func itoa(n int) string { return strconv.Itoa(n) }

func (p *picture) write(b *bytes.Buffer, title string) {
	rows := len(p.lanes)
	top := headerH
	if len(p.calls) > 0 {
		rows++
	}
	width := max(p.end+pad, minW, pad+utf8.RuneCountInString(title)*charW+pad, p.legendWidth(len(p.calls) > 0 || p.anyMarks()))
	lanesBottom := top + rows*LaneHeight
	height := lanesBottom + legendH
	w := func(parts ...string) {
		for _, s := range parts {
			b.WriteString(s)
		}
	}
	w(`<?xml version="1.0" encoding="UTF-8"?>`, "\n",
		`<svg xmlns="http://www.w3.org/2000/svg" width="`, itoa(width), `" height="`, itoa(height),
		`" viewBox="0 0 `, itoa(width), " ", itoa(height), `" font-family="monospace" font-size="12">`, "\n")
	w(`<title>eipsim timeline`)
	if title != "" {
		w(": ", esc(title))
	}
	w("</title>\n")
	w(`<rect width="`, itoa(width), `" height="`, itoa(height), `" fill="#ffffff"/>`, "\n")
	if title != "" {
		w(`<text x="`, itoa(pad), `" y="16" font-weight="bold">`, esc(title), "</text>\n")
	}

	// Lane backgrounds and labels.
	y := top
	if len(p.calls) > 0 {
		p.laneBackground(b, y, 0, width, "(calls)", "refused calls and faults of resources without a lane")
		y += LaneHeight
	}
	for i, l := range p.lanes {
		p.laneBackground(b, y, i+1, width, label(l.id), l.id)
		y += LaneHeight
	}

	// Breaks and ticks, over the backgrounds.
	for _, i := range p.breaks {
		x0, x1 := p.xs[i-1], p.xs[i]
		idle := p.r.Time(p.origin.Add(p.times[i])) // absolute label of the far side
		w(`<g><title>idle from `, esc(p.r.Time(p.origin.Add(p.times[i-1]))), " to ", esc(idle), " (",
			esc((p.times[i] - p.times[i-1]).String()), ` not drawn to scale)</title>`)
		w(`<rect x="`, itoa(x0+4), `" y="`, itoa(top-8), `" width="`, itoa(x1-x0-8), `" height="`, itoa(lanesBottom-top+8),
			`" fill="#eeeeee"/>`)
		mid := (x0 + x1) / 2
		w(`<path d="M`, itoa(mid-4), " ", itoa(top-8), " l8 4 l-8 4 l8 4", `" fill="none" stroke="#616161"/>`)
		w("</g>\n")
	}
	lastX, lastW := -1<<30, 0 // the previous label's centre and width
	for i, t := range p.times {
		x := p.xs[i]
		w(`<line x1="`, itoa(x), `" y1="`, itoa(top-6), `" x2="`, itoa(x), `" y2="`, itoa(lanesBottom),
			`" stroke="#e0e0e0"/>`, "\n")
		text := p.r.Time(p.origin.Add(t))
		tw := utf8.RuneCountInString(text) * charW
		if x-lastX >= (lastW+tw)/2+charW {
			w(`<text x="`, itoa(x), `" y="`, itoa(top-10), `" text-anchor="middle" fill="#424242">`, esc(text), "</text>\n")
			lastX, lastW = x, tw
		}
	}

	// Segments and marks.
	y = top
	if len(p.calls) > 0 {
		p.marks(b, y, p.calls)
		y += LaneHeight
	}
	for _, l := range p.lanes {
		p.segments(b, y, l)
		p.marks(b, y, l.marks)
		y += LaneHeight
	}

	p.legend(b, lanesBottom+8, len(p.calls) > 0 || p.anyMarks())
	w("</svg>\n")
}

func (p *picture) anyMarks() bool {
	for _, l := range p.lanes {
		if len(l.marks) > 0 {
			return true
		}
	}
	return false
}

func (p *picture) laneBackground(b *bytes.Buffer, y, i, width int, text, full string) {
	fill := "#ffffff"
	if i%2 == 1 {
		fill = "#f7f7f7"
	}
	b.WriteString(`<rect x="0" y="` + itoa(y) + `" width="` + itoa(width) + `" height="` + itoa(LaneHeight) +
		`" fill="` + fill + `"/>` + "\n")
	b.WriteString(`<text x="` + itoa(pad) + `" y="` + itoa(y+14) + `"><title>` + esc(full) + `</title>` + esc(text) + "</text>\n")
}

func (p *picture) segments(b *bytes.Buffer, y int, l *lane) {
	// Zero-length segments go last, so that the next one does not hide them.
	var slivers []string
	for _, s := range l.segs {
		x0 := p.xs[0]
		if !s.before {
			x0 = p.x(s.from)
		}
		x1 := p.end
		if !s.open {
			x1 = p.x(s.to)
		}
		from := p.r.Time(p.origin.Add(s.from))
		if s.before {
			from = "before the first transition"
		}
		to := "the end"
		if !s.open {
			to = p.r.Time(p.origin.Add(s.to))
		}
		wd := x1 - x0
		el := `<rect x="` + itoa(x0) + `" y="` + itoa(y+4) + `" width="` + itoa(max(wd, sliverW)) + `" height="` +
			itoa(LaneHeight-8) + `" fill="` + colour(s.status) + `"><title>` + esc(l.id+" "+s.status+": "+from+" to "+to) +
			"</title></rect>\n"
		if wd <= 0 {
			slivers = append(slivers, el)
			continue
		}
		b.WriteString(el)
	}
	for _, el := range slivers {
		b.WriteString(el)
	}
}

func (p *picture) marks(b *bytes.Buffer, y int, ms []mark) {
	cy := y + LaneHeight/2
	seen := map[int]int{} // marks already at x, to set the next one apart
	for _, m := range ms {
		x := p.x(m.at)
		x += seen[x] * markStep
		seen[p.x(m.at)]++
		var d, attrs string
		if m.fault {
			d = "M" + itoa(x) + " " + itoa(cy-6) + " l6 6 l-6 6 l-6 -6 Z"
			attrs = `fill="` + faultColour + `" stroke="#ffffff"`
		} else {
			d = "M" + itoa(x-4) + " " + itoa(cy-4) + " l8 8 m0 -8 l-8 8"
			attrs = `fill="none" stroke="` + refusedColour + `" stroke-width="2.5"`
		}
		b.WriteString(`<path d="` + d + `" ` + attrs + `><title>` + esc(m.title) + "</title></path>\n")
	}
}

// legendNames returns the statuses drawn, in palette order then by name.
func (p *picture) legendNames() []string {
	var names []string
	for _, c := range palette {
		if p.visible[c.status] {
			names = append(names, c.status)
		}
	}
	var others []string
	for s := range p.visible {
		if colour(s) == otherColour {
			others = append(others, s)
		}
	}
	slices.Sort(others)
	return append(names, others...)
}

const marksLegendW = 14 + len("refused call")*charW + 12 + 16 + len("fault fired")*charW

// legendWidth is the width the legend needs.
func (p *picture) legendWidth(withMarks bool) int {
	x := pad
	for _, s := range p.legendNames() {
		x += 16 + utf8.RuneCountInString(label(s))*charW + 12
	}
	if withMarks {
		x += marksLegendW
	}
	return x + pad
}

// legend writes the colours of the statuses drawn and the two markers.
func (p *picture) legend(b *bytes.Buffer, y int, withMarks bool) {
	x := pad
	for _, s := range p.legendNames() {
		text := label(s)
		b.WriteString(`<rect x="` + itoa(x) + `" y="` + itoa(y) + `" width="12" height="12" fill="` + colour(s) + `"/>` +
			`<text x="` + itoa(x+16) + `" y="` + itoa(y+10) + `">` + esc(text) + "</text>\n")
		x += 16 + utf8.RuneCountInString(text)*charW + 12
	}
	if withMarks {
		cy := y + 6
		b.WriteString(`<path d="M` + itoa(x) + " " + itoa(cy-4) + ` l8 8 m0 -8 l-8 8" fill="none" stroke="` + refusedColour +
			`" stroke-width="2.5"/><text x="` + itoa(x+14) + `" y="` + itoa(y+10) + `">refused call</text>` + "\n")
		x += 14 + len("refused call")*charW + 12
		b.WriteString(`<path d="M` + itoa(x+6) + " " + itoa(cy-6) + ` l6 6 l-6 6 l-6 -6 Z" fill="` + faultColour +
			`"/><text x="` + itoa(x+16) + `" y="` + itoa(y+10) + `">fault fired</text>` + "\n")
	}
}
