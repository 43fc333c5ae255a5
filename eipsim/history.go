package eipsim

import (
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
// the times as integers, the recurring strings as numbers (histnames.go)
// and the others copied into the chunk's bytes. So
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
	names   histNames
	kinds   [4]histStr // the event kinds' numbers, once known (kind)
}

// histChunk holds histChunkLen consecutive events.
type histChunk struct {
	recs []histRec
	data []byte
}

const histChunkLen = 1024

// histRec is a stored Event, its time as integers and its strings as
// histStrs, in the order of the Event's fields.
type histRec struct {
	sec                                                         int64
	nsec                                                        int32
	start                                                       uint32 // len(data) when the event was added
	kind, rid, account, action, resource, from, to, code, cause histStr
}

// histStr is a stored string: the name numbered off (histnames.go) if n is
// histNamed, else data[off:off+n] of its chunk.
type histStr struct {
	off uint32
	n   uint16
}

const histNamed = 0xffff

func (h *history) add(e Event) {
	h.record(e.Time, e.Kind, e.RequestID, e.AccountID, e.Action, e.ResourceID, e.From, e.To, e.Code, e.Cause)
}

// record is add with the Event's fields as arguments: the hot paths (a
// call, a transition) call it directly rather than building an Event.
func (h *history) record(t time.Time, kind EventKind, rid, account string, action Action, resource, from, to string, code Code, cause string) {
	h.seq++
	if h.limit > 0 && h.seq > uint64(h.limit) {
		h.dropped++
	}
	c := h.tail()
	// Kind, AccountID, Action, From, To and Code come from a small
	// vocabulary and are numbered; RequestID, ResourceID and Cause are
	// mostly new each time and are copied.
	c.recs = append(c.recs, histRec{sec: t.Unix(), nsec: int32(t.Nanosecond()), start: uint32(len(c.data)),
		kind: h.kind(c, kind), rid: c.put(rid), account: h.name(c, account),
		action: h.name(c, string(action)), resource: c.put(resource), from: h.name(c, from),
		to: h.name(c, to), code: h.name(c, string(code)), cause: c.put(cause)})
}

// kind stores an event kind: the four kinds' numbers are kept once known.
func (h *history) kind(c *histChunk, k EventKind) histStr {
	var i int
	switch k {
	case EventKindCall:
		i = 0
	case EventKindTransition:
		i = 1
	case EventKindWorld:
		i = 2
	case EventKindFault:
		i = 3
	default:
		return h.name(c, string(k))
	}
	if h.kinds[i].n == histNamed {
		return h.kinds[i]
	}
	v := h.name(c, string(k))
	if v.n == histNamed { // not a copy into this chunk (a full name table)
		h.kinds[i] = v
	}
	return v
}

// name stores v as a number if it can, else as a copy.
func (h *history) name(c *histChunk, v string) histStr {
	if v == "" {
		return histStr{}
	}
	if id, ok := h.names.id(v); ok {
		return histStr{off: uint32(id), n: histNamed}
	}
	return c.put(v)
}

// put copies v (clipped) into the chunk's bytes.
func (c *histChunk) put(v string) histStr {
	if v == "" {
		return histStr{}
	}
	v = clip(v)
	off := len(c.data)
	c.data = append(c.data, v...)
	return histStr{off: uint32(off), n: uint16(len(v))}
}

// get returns the string of s, where str holds the chunk's bytes from base.
func (h *history) get(s histStr, str string, base uint32) string {
	switch s.n {
	case 0:
		return ""
	case histNamed:
		return h.names.strs[s.off]
	}
	return str[s.off-base : s.off-base+uint32(s.n)]
}

// histMaxField is the longest string a history field keeps: IDs and codes
// are far shorter, and a caller's absurdly long input (an AllocationId of
// megabytes, say) must not make the history unbounded. With it a chunk holds
// at most histChunkLen*9*histMaxField bytes, well within uint32, and a
// length fits a histStr.
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
		str := string(c.data[base:])
		for k := range recs {
			r := &recs[k]
			out = append(out, Event{Seq: lo + uint64(k), Time: time.Unix(r.sec, int64(r.nsec)).UTC(),
				Kind: EventKind(h.get(r.kind, str, base)), RequestID: h.get(r.rid, str, base),
				AccountID: h.get(r.account, str, base), Action: Action(h.get(r.action, str, base)),
				ResourceID: h.get(r.resource, str, base), From: h.get(r.from, str, base), To: h.get(r.to, str, base),
				Code: Code(h.get(r.code, str, base)), Cause: h.get(r.cause, str, base)})
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
	s.history.record(at, EventKindTransition, "", "", action, resource, from, to, "", cause)
}
