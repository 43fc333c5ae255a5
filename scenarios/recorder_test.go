package scenarios

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/simclock"
)

// TestRecordConcurrent checks that calls from several goroutines are
// recorded in the order the Sim saw them: the recording replays.
func TestRecordConcurrent(t *testing.T) {
	rec := NewRecorder()
	sim, err := eipsim.New(eipsim.WithClock(simclock.New()), rec.Option(), eipsim.WithEIPQuota(100))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	for g := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			ctx := eipsim.WithAccount(context.Background(), fmt.Sprintf("acct-%d", g))
			for range 10 {
				r, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
				if err != nil {
					t.Error(err)
					return
				}
				_, _ = sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: r.AllocationID})
			}
		}()
	}
	for range 4 {
		<-done
	}
	res := requireReplays(t, "concurrent.txt", rec.Bytes())
	if len(res.Outputs) < 81 {
		t.Errorf("%d commands recorded, want at least 81", len(res.Outputs))
	}
}

// requireReplays replays a recording and fails the test unless every output
// matches and the recording is already in canonical form. It returns the
// replay's result.
func requireReplays(t *testing.T, name string, src []byte) *Result {
	t.Helper()
	s, err := Parse(name, src)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Replay(s, NewEngineHandler, Options{Rewrite: true})
	if err != nil {
		t.Fatalf("replaying the recording: %v\n%s", err, src)
	}
	for _, m := range res.Mismatches {
		t.Errorf("replay differs from the recording:\n%s", m)
	}
	if string(res.Rewritten) != string(src) {
		t.Errorf("the recording is not in canonical form:\n%s", unifiedDiff(string(src), string(res.Rewritten)))
	}
	return res
}

// TestDelayGroups checks the recorder's delay shorthands against the
// engine: each option sets the delay of exactly its group's Actions.
func TestDelayGroups(t *testing.T) {
	def := eipsim.DefaultSettings()
	for _, g := range delayGroups {
		var set *eipsim.Settings
		_, err := eipsim.New(g.opt(time.Hour), eipsim.WithJournal(func(e eipsim.Entry) {
			if e.Kind == eipsim.EntryNew {
				set = e.Settings
			}
		}))
		if err != nil || set == nil {
			t.Fatalf("%s: %v", g.key, err)
		}
		var changed []eipsim.Action
		for _, a := range eipsim.Actions() {
			if set.Delays[a] != def.Delays[a] {
				changed = append(changed, a)
			}
		}
		if !slices.Equal(slices.Sorted(slices.Values(g.actions)), changed) {
			t.Errorf("%s sets the delays of %v, the recorder's group is %v", g.key, changed, g.actions)
		}
	}
}
