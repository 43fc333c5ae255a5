package eipsim_test

import (
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// TestCooldownEdges: a write at due-1ns is refused with TaskConflict; at
// due and due+1ns it passes the cooldown.
func TestCooldownEdges(t *testing.T) {
	const cd = 5 * time.Second // longer than the association delay
	for _, tt := range []struct {
		offset time.Duration
		want   eipsim.Code // "" = accepted
	}{
		{-time.Nanosecond, eipsim.CodeTaskConflict},
		{0, ""},
		{time.Nanosecond, ""},
	} {
		sim, clk := eipsimtest.New(t, eipsim.WithCooldown(cd))
		a := alloc(t, sim, hz)
		eipsimtest.MustAssociate(t, sim, a, "i-1")
		clk.Advance(cd + tt.offset)
		err := unassociate(sim, a)
		if tt.want == "" {
			if err != nil {
				t.Errorf("offset %v: %v", tt.offset, err)
			}
			continue
		}
		wantErr(t, err, tt.want, 400, "The eip operate too frequent, TaskConflict.")
	}
}

func TestCooldownDisabled(t *testing.T) {
	sim, _ := eipsimtest.New(t, eipsim.WithCooldown(0), eipsim.WithTaskDelay(eipsim.ActionAssociateEipAddress, 0))
	a := alloc(t, sim, hz)
	eipsimtest.MustAssociate(t, sim, a, "i-1")
	mustOK(t, unassociate(sim, a)) // delay 0: InUse on this very call
}

// TestTransitionalEndsExactlyAtDue: each transitional status lasts until
// its due time, not one nanosecond less, and ends at it.
func TestTransitionalEndsExactlyAtDue(t *testing.T) {
	const d = 7 * time.Second
	sim, clk := eipsimtest.New(t,
		eipsim.WithTaskDelay(eipsim.ActionAssociateEipAddress, d),
		eipsim.WithTaskDelay(eipsim.ActionUnassociateEipAddress, d),
		eipsim.WithTaskDelay(eipsim.ActionReleaseEipAddress, d))
	a := alloc(t, sim, hz)
	step := func(from, to eipsim.Status) {
		t.Helper()
		eipsimtest.RequireStatus(t, sim, a, from)
		clk.Advance(d - time.Nanosecond)
		eipsimtest.RequireStatus(t, sim, a, from)
		clk.Advance(time.Nanosecond)
		if to == eipsim.StatusReleased {
			if _, ok := sim.EIP(a); ok {
				t.Fatal("EIP still there at its release due time")
			}
			return
		}
		eipsimtest.RequireStatus(t, sim, a, to)
	}
	eipsimtest.MustAssociate(t, sim, a, "i-1")
	step(eipsim.StatusAssociating, eipsim.StatusInUse)
	mustOK(t, unassociate(sim, a))
	step(eipsim.StatusUnassociating, eipsim.StatusAvailable)
	mustOK(t, release(sim, a))
	step(eipsim.StatusReleasing, eipsim.StatusReleased)

	// Each transition is recorded at its own due time, however far the clock jumped.
	var times []time.Time
	for _, e := range sim.History() {
		if e.Kind == eipsim.EventKindTransition && e.ResourceID == a {
			times = append(times, e.Time)
		}
	}
	want := []time.Duration{0, 0, d, d, 2 * d, 2 * d, 3 * d}
	if len(times) != len(want) {
		t.Fatalf("%d transitions: %v", len(times), times)
	}
	for i, w := range want {
		if !times[i].Equal(eipsimtest.Epoch.Add(w)) {
			t.Errorf("transition %d at %v, want Epoch+%v", i, times[i], w)
		}
	}
}

// TestCoarseAdvance: jumping far past several due times applies every task
// in order, each at its own due time.
func TestCoarseAdvance(t *testing.T) {
	sim, clk := eipsimtest.New(t)
	a, b := alloc(t, sim, hz), alloc(t, sim, hz)
	eipsimtest.MustAssociate(t, sim, a, "i-1")
	clk.Advance(time.Second)
	mustOK(t, release(sim, b))
	tasks := sim.Tasks()
	if len(tasks) != 2 || tasks[0].ResourceID != a || tasks[1].ResourceID != b || tasks[0].ID != "t-0001" {
		t.Fatalf("tasks %+v", tasks)
	}
	clk.Advance(time.Hour)
	eipsimtest.RequireStatus(t, sim, a, eipsim.StatusInUse)
	if _, ok := sim.EIP(b); ok {
		t.Fatal("b not released")
	}
}
