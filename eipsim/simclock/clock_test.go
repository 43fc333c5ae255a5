package simclock

import (
	"math"
	"math/rand/v2"
	"sync"
	"testing"
	"time"
)

// refClock is the clock as it was before the nanosecond fast path: a
// time.Time under a mutex. Clock must read exactly what it reads.
type refClock struct{ now time.Time }

func (c *refClock) Advance(d time.Duration) { c.now = c.now.Add(d) }

// edgeTimes are times on and around the edges of the fast
// representation: the int64 nanosecond range, other locations, monotonic
// readings, the zero time.
var edgeTimes = []time.Time{
	{},
	Epoch,
	time.Unix(0, 0),
	time.Unix(0, 0).UTC(),
	time.Unix(0, math.MaxInt64).UTC(),
	time.Unix(0, math.MaxInt64-1).UTC(),
	time.Unix(0, math.MinInt64).UTC(),
	time.Unix(0, math.MinInt64+1).UTC(),
	time.Unix(0, math.MaxInt64).UTC().Add(1),
	time.Unix(0, math.MinInt64).UTC().Add(-1),
	time.Date(2250, 1, 1, 0, 0, 0, 0, time.UTC),
	time.Date(2250, 1, 1, 0, 0, 0, 0, time.UTC).Add(10 * 365 * 24 * time.Hour),
	time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
	time.Date(2026, 3, 29, 1, 30, 0, 0, time.FixedZone("UTC", 0)),
	time.Date(2026, 3, 29, 1, 30, 0, 0, time.FixedZone("CET", 3600)),
	time.Date(2026, 1, 1, 0, 0, 0, 0, time.Local),
	time.Now(),          // a monotonic reading
	time.Now().Round(0), // Local, no monotonic reading
	time.Now().UTC(),
}

// TestClockMatchesReference drives a Clock and refClock through the same
// random Set and Advance calls and compares every reading as a time.Time
// value (==: location and monotonic reading included), and checks that
// NowNanos reports ok exactly when its nanoseconds are that value.
func TestClockMatchesReference(t *testing.T) {
	durations := []time.Duration{0, 1, -1, time.Second, -time.Second, 999999999, 1e9 + 1,
		math.MaxInt64, math.MinInt64, math.MaxInt64 / 2, math.MinInt64 / 2, 365 * 24 * time.Hour}
	r := rand.New(rand.NewPCG(1, 2))
	c, ref := New(), &refClock{now: Epoch}
	check := func(step int, what string) {
		t.Helper()
		got := c.Now()
		if got != ref.now {
			t.Fatalf("step %d (%s): Now() = %#v (%v), want %#v (%v)", step, what, got, got, ref.now, ref.now)
		}
		n, ok := c.NowNanos()
		exact := time.Unix(0, n).UTC() == ref.now
		if ok && !exact {
			t.Fatalf("step %d (%s): NowNanos() = %d, true; but that is %v, not %v", step, what, n, time.Unix(0, n).UTC(), ref.now)
		}
		wantOK := ref.now.UnixNano() != math.MinInt64 && time.Unix(0, ref.now.UnixNano()).UTC() == ref.now
		if ok != wantOK {
			t.Fatalf("step %d (%s): NowNanos ok = %v at %#v, want %v", step, what, ok, ref.now, wantOK)
		}
	}
	check(0, "New")
	for step := 1; step <= 200000; step++ {
		switch k := r.IntN(10); {
		case k == 0:
			x := edgeTimes[r.IntN(len(edgeTimes))]
			c.Set(x)
			ref.now = x
			check(step, "Set")
		default:
			var d time.Duration
			if r.IntN(2) == 0 {
				d = durations[r.IntN(len(durations))]
			} else {
				d = time.Duration(r.Int64N(1<<40) - 1<<39)
			}
			if r.IntN(2) == 0 {
				c.Advance(d)
			} else {
				c.Add(d)
			}
			ref.Advance(d)
			check(step, "Advance "+d.String())
		}
	}
}

// TestZeroClock checks that the zero Clock reads the zero time, as a
// time.Time under a mutex did, and advances from there.
func TestZeroClock(t *testing.T) {
	var c Clock
	if got := c.Now(); got != (time.Time{}) {
		t.Fatalf("zero Clock: Now() = %v, want the zero time", got)
	}
	if _, ok := c.NowNanos(); ok {
		t.Fatal("zero Clock: NowNanos ok")
	}
	c.Advance(time.Hour)
	if got, want := c.Now(), (time.Time{}).Add(time.Hour); got != want {
		t.Fatalf("zero Clock + 1h: Now() = %v, want %v", got, want)
	}
}

// TestClockConcurrent advances and sets the clock from several goroutines
// while others read it (run with -race): every reading is one the clock
// held, and the final time is the sum of the moves.
func TestClockConcurrent(t *testing.T) {
	c := New()
	far := time.Unix(0, math.MaxInt64).UTC().Add(time.Hour) // out of the fast range
	const writers, moves = 4, 2000
	var wg sync.WaitGroup
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range moves {
				c.Advance(time.Second)
			}
		}()
	}
	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 2 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			last := Epoch
			for {
				select {
				case <-stop:
					return
				default:
				}
				now := c.Now()
				if now.Before(last) || now.Location() != time.UTC || now.Sub(Epoch)%time.Second != 0 {
					t.Errorf("reading %v after %v", now, last)
					return
				}
				last = now
				c.NowNanos()
			}
		}()
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	if got, want := c.Now(), Epoch.Add(writers*moves*time.Second); got != want {
		t.Fatalf("after the moves: %v, want %v", got, want)
	}
	// Across the edge of the fast range (2262), where Advance goes from
	// the lock-free path to the locked one and back: forward and back
	// moves commute, so the final time is exact whatever the interleaving.
	edge := time.Unix(0, math.MaxInt64).UTC().Truncate(time.Second).Add(-writers * moves / 2 * time.Second)
	c.Set(edge)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range moves {
				if w%2 == 1 && i%3 == 0 {
					c.Advance(-time.Second)
					c.Advance(time.Second)
				}
				c.Advance(time.Second)
				c.NowNanos()
				_ = c.Now()
			}
		}()
	}
	wg.Wait()
	if got, want := c.Now(), edge.Add(writers*moves*time.Second); got != want {
		t.Fatalf("after the moves across 2262: %v, want %v", got, want)
	}
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range moves {
				c.Advance(-time.Second)
			}
		}()
	}
	wg.Wait()
	if got := c.Now(); got != edge {
		t.Fatalf("after the moves back: %v, want %v", got, edge)
	}
	if _, ok := c.NowNanos(); !ok {
		t.Fatal("back in the fast range, NowNanos is not ok")
	}
	// The slow representation under the same load.
	c.Set(far)
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range moves {
				c.Advance(time.Second)
				_ = c.Now()
			}
		}()
	}
	wg.Wait()
	if got, want := c.Now(), far.Add(writers*moves*time.Second); got != want {
		t.Fatalf("after the moves past 2262: %v, want %v", got, want)
	}
}
