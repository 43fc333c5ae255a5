package eipsim

import "time"

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
// and the others copied into the chunk's bytes, once for the events that
// repeat them (histcopies.go). So a full history (100,000 events by
// default) is not scanned by the garbage collector, costs no write
// barriers, and keeps no strings alive; it grows a chunk at a time (only
// the first chunk's records are copied, while it doubles up to a whole
// chunk), and once full it reuses the chunk that fell out of the limit.
// The exported Events are built when read.
type history struct {
	chunks []*histChunk // chunks[0] holds the events from seq first on
	cur    *histChunk   // the last chunk, which the next event goes to
	recs   []histRec    // cur.recs, one load nearer for the next event
	n      int          // the index in recs of the next event
	first  uint64
	seq    uint64
	limit  int
	names  histNames
	copies [histCopies]histCopyWays // the copies made into cur (histcopies.go)
	drawn  histDrawnLast            // the RequestId stored last as its draws (histrids.go)
}

// histChunk holds histChunkLen consecutive events; the last chunk's recs
// from history.n on are not written yet. Every chunk's recs hold
// histChunkLen records but the first's while it is the only one: it starts
// at histFirstRecs and doubles as it fills, so that a Sim that records a
// few events does not clear a whole chunk (48 KB).
type histChunk struct {
	recs []histRec
	data []byte
}

const histChunkLen = 1024

// histFirstRecs is how many records the first chunk starts with.
const histFirstRecs = 32

// histRec is a stored Event: its time as integers (a stamp, histstamp.go)
// and its strings as histRefs, in the order of the Event's fields.
type histRec struct {
	sec                                                         int64
	nsec                                                        uint32
	kind, rid, account, action, resource, from, to, code, cause histRef
}

// histRef is a stored string: 0 is "", a number below histCopied is a name
// (histnames.go), histCopied+off below histDrawn is the copy at data[off:]
// of its chunk, its length in two bytes (little-endian) and then its bytes,
// and histDrawn+off a RequestId the Sim drew, stored as its draws
// (histrids.go).
type histRef uint32

// histCopied is above every name's number (histNamesMax).
const histCopied histRef = 1 << 16

// histMiss is no histRef: a cache's answer that it does not have a string.
const histMiss histRef = 1<<32 - 1

// next starts the record of an event of the given kind (a name's number)
// at t, with its strings empty: the caller sets them (name, copy), which
// it must do before the next event. It is the slow paths' way in; the hot
// paths write their record whole (histrecord.go).
func (h *history) next(t stamp, kind histRef) *histRec {
	if h.n == len(h.recs) {
		h.grow()
	}
	h.seq++
	r := &h.recs[h.n]
	h.n++
	*r = histRec{sec: t.sec, nsec: t.nsec, kind: kind}
	return r
}

// add records e (its Seq aside): the setup methods' and the faults'
// events, which are not on the hot paths.
func (h *history) add(e Event) {
	r := h.next(stampOf(e.Time), 0)
	r.kind = h.name(string(e.Kind))
	r.rid = h.copy(e.RequestID)
	r.account = h.name(e.AccountID)
	r.action = h.name(string(e.Action))
	r.resource = h.copy(e.ResourceID)
	r.from = h.name(e.From)
	r.to = h.name(e.To)
	r.code = h.name(string(e.Code))
	r.cause = h.copy(e.Cause)
}

// grow makes room for the next event (h.seq+1): twice the records for a
// first chunk not yet whole, else a new chunk, or the oldest reused when
// it has fallen out of the limit.
func (h *history) grow() {
	if h.names.strs == nil {
		h.names.strs = histVocab[:len(histVocab):len(histVocab)]
	}
	if c := h.cur; c != nil && len(c.recs) < histChunkLen {
		// The first chunk, full before histChunkLen events: twice the room.
		recs := make([]histRec, min(2*len(c.recs), histChunkLen))
		copy(recs, c.recs)
		c.recs, h.recs = recs, recs
		return
	}
	var c *histChunk
	if h.limit > 0 && len(h.chunks) > 0 && h.first+histChunkLen <= h.oldest(h.seq+1) {
		c = h.chunks[0]
		c.data = c.data[:0]
		h.chunks = append(h.chunks[:0], h.chunks[1:]...)
		h.first += histChunkLen
	} else {
		c = &histChunk{}
		if n := len(h.chunks); n > 0 {
			c.recs = make([]histRec, histChunkLen)
			// The previous chunk's size is the best guess of this one's.
			c.data = make([]byte, 0, len(h.chunks[n-1].data))
		} else {
			c.recs = make([]histRec, histFirstRecs)
			h.first = h.seq + 1
		}
	}
	h.chunks = append(h.chunks, c)
	h.cur, h.recs, h.n = c, c.recs, 0
	h.copies = [histCopies]histCopyWays{}
	h.drawn.ref = histMiss
}

// oldest returns the sequence number of the oldest event kept when seq is
// the newest.
func (h *history) oldest(seq uint64) uint64 {
	if h.limit > 0 && seq > uint64(h.limit) {
		return seq - uint64(h.limit) + 1
	}
	return 1
}

// dropped returns how many events fell out of the limit.
func (h *history) dropped() uint64 { return h.oldest(h.seq) - 1 }

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
		recs := c.recs[i:min(histChunkLen, uint64(i)+h.seq-lo+1)]
		rd := newHistRead(h.names.strs, c, recs)
		for k := range recs {
			r := &recs[k]
			// Read in the fields' order, which newHistRead counts the
			// RequestIds to format in (a composite literal's calls run left
			// to right).
			out = append(out, Event{Seq: lo + uint64(k), Time: r.time(),
				Kind: EventKind(rd.get(r.kind)), RequestID: rd.get(r.rid),
				AccountID: rd.get(r.account), Action: Action(rd.get(r.action)),
				ResourceID: rd.get(r.resource), From: rd.get(r.from), To: rd.get(r.to),
				Code: Code(rd.get(r.code)), Cause: rd.get(r.cause)})
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
	return s.history.dropped()
}
