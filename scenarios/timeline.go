package scenarios

import (
	"fmt"
	"slices"
	"strings"

	"github.com/eipsim/eipsim/eipsim"
)

// Timeline renders, per resource, the sequence of its states over simulated
// time, from a Sim's history: one line per resource, sorted by ID,
//
//	eip-0001  +0s Available → +0s Associating → +3s InUse
//	i-0001    Running → +5s Stopped
//
// A state the resource had before its first recorded transition (an ECS
// instance added Running) comes first, without a time. Times are relative
// to start.
func Timeline(events []eipsim.Event, r Renderer) string {
	steps := map[string][]string{}
	for _, ev := range events {
		if ev.Kind != eipsim.EventKindTransition || ev.ResourceID == "" {
			continue
		}
		s := steps[ev.ResourceID]
		if len(s) == 0 && ev.From != "" {
			s = append(s, ev.From)
		}
		to := ev.To
		if to == "" {
			to = "(gone)"
		}
		steps[ev.ResourceID] = append(s, r.Time(ev.Time)+" "+to)
	}
	ids := make([]string, 0, len(steps))
	width := 0
	for id := range steps {
		ids = append(ids, id)
		width = max(width, len(id))
	}
	slices.Sort(ids)
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, "%-*s  %s\n", width, id, strings.Join(steps[id], " → "))
	}
	return b.String()
}
