package eipsim

import (
	"slices"
	"time"
	"unicode/utf8"
)

// EventKind says what a history Event records.
type EventKind string

// The kinds of history events.
const (
	// EventKindCall is an API call, accepted or refused (Code set).
	EventKindCall EventKind = "call"
	// EventKindTransition is a resource changing status, with From and To.
	EventKindTransition EventKind = "transition"
	// EventKindWorld is a change made through a setup method.
	EventKindWorld EventKind = "world"
	// EventKindFault is an injected fault firing.
	EventKindFault EventKind = "fault"
)

// Event is one entry of the Sim's history.
type Event struct {
	// Seq numbers events from 1 in the order they happened.
	Seq       uint64
	Time      time.Time
	Kind      EventKind
	RequestID string
	AccountID string
	Action    Action
	// ResourceID is the resource the event concerns, if any.
	ResourceID string
	From, To   string
	// Code is the error code of a refused call or an injected fault.
	Code Code
	// Cause says why a transition happened: the RequestId or task that
	// caused it, or a setup method's name.
	Cause string
}

// history is a bounded log: with a limit, the oldest events are dropped
// and counted.
//
// Events are stored in chunks of histChunkLen, in a form without pointers:
// the times as integers and the strings copied into the chunk's bytes. So
// a full history (100,000 events by default) is not scanned by the garbage
// collector, costs no write barriers, and keeps no strings alive; it grows
// a chunk at a time rather than by copying, and once full it reuses the
// chunk that fell out of the limit. The exported Events are built when
// read.
type history struct {
	chunks []*histChunk // chunks[0] holds the events from seq first on
	first  uint64
	seq    uint64
	limit  int
	// dropped counts the events that fell out of the limit.
	dropped uint64
}

// histChunk holds histChunkLen consecutive events.
type histChunk struct {
	recs []histRec
	data []byte
}

const histChunkLen = 1024

// histFields is the number of string fields of an Event.
const histFields = 9

// histRec is a stored Event: field f of its strings is
// data[ends[f-1]:ends[f]], where ends[-1] is start.
type histRec struct {
	sec   int64
	nsec  int32
	start uint32
	ends  [histFields]uint32
}

func (h *history) add(e Event) {
	h.seq++
	if h.limit > 0 && h.seq > uint64(h.limit) {
		h.dropped++
	}
	c := h.tail()
	fields := [histFields]string{string(e.Kind), e.RequestID, e.AccountID, string(e.Action), e.ResourceID, e.From, e.To, string(e.Code), e.Cause}
	n := 0
	for f, v := range fields {
		if len(v) > histMaxField {
			fields[f] = clip(v)
		}
		n += len(fields[f])
	}
	// One growth check and one copy per field, into the chunk's bytes.
	off := len(c.data)
	r := histRec{sec: e.Time.Unix(), nsec: int32(e.Time.Nanosecond()), start: uint32(off)}
	c.data = slices.Grow(c.data, n)[:off+n]
	for f, v := range fields {
		off += copy(c.data[off:], v)
		r.ends[f] = uint32(off)
	}
	c.recs = append(c.recs, r)
}

// histMaxField is the longest string a history field keeps: IDs and codes
// are far shorter, and a caller's absurdly long input (an AllocationId of
// megabytes, say) must not make the history unbounded. With it a chunk holds
// at most histChunkLen*histFields*histMaxField bytes, well within uint32.
const histMaxField = 1024

// clip cuts v to histMaxField bytes, at a rune boundary, marking the cut.
func clip(v string) string {
	if len(v) <= histMaxField {
		return v
	}
	i := histMaxField - len("…")
	for i > 0 && !utf8.RuneStart(v[i]) {
		i--
	}
	return v[:i] + "…"
}

// tail returns the chunk the next event goes to: the last one, or a new
// one, reused from the oldest when that one has fallen out of the limit.
func (h *history) tail() *histChunk {
	if n := len(h.chunks); n > 0 && len(h.chunks[n-1].recs) < histChunkLen {
		return h.chunks[n-1]
	}
	var c *histChunk
	if h.limit > 0 && len(h.chunks) > 0 && h.first+histChunkLen <= h.oldest(h.seq) {
		c = h.chunks[0]
		c.recs, c.data = c.recs[:0], c.data[:0]
		h.chunks = append(h.chunks[:0], h.chunks[1:]...)
		h.first += histChunkLen
	} else {
		c = &histChunk{recs: make([]histRec, 0, histChunkLen)}
		if n := len(h.chunks); n > 0 {
			// The previous chunk's size is the best guess of this one's.
			c.data = make([]byte, 0, len(h.chunks[n-1].data))
		} else {
			h.first = h.seq
		}
	}
	h.chunks = append(h.chunks, c)
	return c
}

// oldest returns the sequence number of the oldest event kept when seq is
// the newest.
func (h *history) oldest(seq uint64) uint64 {
	if h.limit > 0 && seq > uint64(h.limit) {
		return seq - uint64(h.limit) + 1
	}
	return 1
}

// since returns the kept events after sequence number seq, oldest first.
func (h *history) since(seq uint64) []Event {
	lo := max(seq+1, h.oldest(h.seq), h.first)
	if len(h.chunks) == 0 || lo > h.seq {
		return []Event{}
	}
	out := make([]Event, 0, h.seq-lo+1)
	for lo <= h.seq {
		c := h.chunks[(lo-h.first)/histChunkLen]
		i := int((lo - h.first) % histChunkLen)
		recs := c.recs[i:]
		// One string holds the bytes of the events read from this chunk.
		base := recs[0].start
		str := string(c.data[base:recs[len(recs)-1].ends[histFields-1]])
		for k := range recs {
			r := &recs[k]
			var f [histFields]string
			from := r.start
			for j, to := range r.ends {
				f[j] = str[from-base : to-base]
				from = to
			}
			out = append(out, Event{Seq: lo + uint64(k), Time: time.Unix(r.sec, int64(r.nsec)).UTC(),
				Kind: EventKind(f[0]), RequestID: f[1], AccountID: f[2], Action: Action(f[3]), ResourceID: f[4],
				From: f[5], To: f[6], Code: Code(f[7]), Cause: f[8]})
		}
		lo += uint64(len(recs))
	}
	return out
}

func (h *history) all() []Event { return h.since(0) }

// History returns the recorded events, oldest first: every call (with its
// RequestId, and its error code if refused), every status transition with
// its simulated time and cause, every setup change and every fault. When
// more than the history limit happened, the oldest are gone; see
// [Sim.HistoryDropped].
func (s *Sim) History() []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	return s.history.all()
}

// HistoryDropped returns how many events were dropped for the history limit.
func (s *Sim) HistoryDropped() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.history.dropped
}

// transition records a status change.
func (s *Sim) transition(at time.Time, action Action, resource, from, to, cause string) {
	s.changed()
	s.history.add(Event{Time: at, Kind: EventKindTransition, Action: action, ResourceID: resource, From: from, To: to, Cause: cause})
}
