package eipsim

import (
	"math"
	"time"
)

// stamp is an event's time as the history stores it (histRec's sec and
// nsec): Unix seconds and nanoseconds, or, when nsec is stampNanos, Unix
// nanoseconds in sec. The hot paths have their instants as nanoseconds
// (call.at, a task's due), so they store them without converting; the
// other instants, those outside the int64-nanosecond range included, are
// stored as seconds and nanoseconds. Both read back as the same time.
type stamp struct {
	sec  int64
	nsec uint32
}

// stampNanos marks a stamp in nanoseconds: never a count of nanoseconds
// within a second.
const stampNanos = math.MaxUint32

// stampOf returns t's stamp.
func stampOf(t time.Time) stamp { return stamp{t.Unix(), uint32(t.Nanosecond())} }

// stampAt returns the stamp of the instant n Unix nanoseconds.
func stampAt(n int64) stamp { return stamp{n, stampNanos} }

// stamp returns the stamp of the call's time: from c.at unless it is
// saturated (nanos), when it is not the call's exact instant (c.now).
func (c *call) stamp() stamp {
	if at := c.at; at != math.MaxInt64 && at != math.MinInt64 {
		return stamp{at, stampNanos} // stampAt(at)
	}
	return c.nowStamp()
}

// nowStamp is stampOf(c.now()), out of line so that stamp inlines.
//
//go:noinline
func (c *call) nowStamp() stamp { return stampOf(c.now()) }

// time returns the time of a record's sec and nsec, in UTC.
func (r *histRec) time() time.Time {
	if r.nsec == stampNanos {
		return time.Unix(0, r.sec).UTC()
	}
	return time.Unix(r.sec, int64(r.nsec)).UTC()
}
