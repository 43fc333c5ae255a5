package eipsim

import (
	"math"
	"testing"
	"time"
)

// TestCallAfter: a call's after(d), computed from its Unix nanoseconds, is
// nanosAfter(now, d) at every instant, the saturated ones included, and
// nanos is what UnixNano and the saturation say.
func TestCallAfter(t *testing.T) {
	instants := []time.Time{
		time.Unix(0, 0), time.Unix(0, 1), time.Unix(-1, 0), time.Unix(0, -1),
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Unix(0, 1<<62-1), time.Unix(0, 1<<62), time.Unix(0, 1<<62+1),
		MaxTime, time.Unix(9e9-1, 999999999), time.Unix(9e9, 0),
		time.Unix(0, math.MaxInt64-1), lastNano, lastNano.Add(1), lastNano.Add(time.Hour),
		time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Unix(0, math.MinInt64+1), firstNano, firstNano.Add(-1), firstNano.Add(time.Hour),
		time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC), time.Unix(-9e9, 0),
		time.Now(), // with a monotonic reading
	}
	durations := []time.Duration{0, 1, time.Second, DefaultAssociateDelay, MaxDelay, 1<<62 - 1, 1 << 62,
		math.MaxInt64, -1, -time.Hour, math.MinInt64}
	for _, now := range instants {
		want := now.UnixNano()
		switch {
		case now.After(lastNano):
			want = math.MaxInt64
		case now.Before(firstNano):
			want = math.MinInt64
		}
		if got := nanos(now); got != want {
			t.Errorf("nanos(%v) = %d, want %d", now, got, want)
		}
		c := call{slow: true, clock: now, at: nanos(now)}
		for _, d := range durations {
			if got, want := c.after(d), nanosAfter(now, d); got != want {
				t.Errorf("after(%v) at %v = %d, want %d", d, now, got, want)
			}
		}
	}
}
