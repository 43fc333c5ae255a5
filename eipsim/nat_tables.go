package eipsim

import (
	"math"
	"slices"
	"time"
)

// The logic the SNAT and the DNAT (forward) table actions share: finding a
// table for a new entry (CreateSnatEntry, CreateForwardEntry) and deleting
// an entry (DeleteSnatEntry, DeleteForwardEntry). A tableKind holds what
// differs between the two tables.

// tableEntry is an SNAT or a DNAT entry.
type tableEntry interface{ entry() *natEntry }

func (x *natEntry) entry() *natEntry { return x }

// tableKind describes the SNAT or the DNAT table of every gateway.
type tableKind[E tableEntry] struct {
	// tables indexes the gateways by their table of this kind.
	tables func(w *world) map[string]*natGateway
	// entries are a gateway's entries of this kind.
	entries func(g *natGateway) []E
	// remove starts an entry's deletion (deleteSnat, deleteForward).
	remove func(s *Sim, now time.Time, action Action, d time.Duration, x E, cause string)
	// The codes of an unknown table, an unknown entry, and an entry that is
	// Pending or Deleting (or, for a new entry, a table with a Pending one).
	tableNotFound, entryNotFound, entryStatus Code
}

var (
	snatKind = tableKind[*snatEntry]{
		tables:        func(w *world) map[string]*natGateway { return w.snatTables },
		entries:       func(g *natGateway) []*snatEntry { return g.snat },
		remove:        (*Sim).deleteSnat,
		tableNotFound: CodeInvalidSnatTableIDNotFound, entryNotFound: CodeInvalidSnatEntryIDNotFound,
		entryStatus: CodeIncorretSnatEntryStatus,
	}
	dnatKind = tableKind[*forwardEntry]{
		tables:        func(w *world) map[string]*natGateway { return w.fwdTables },
		entries:       func(g *natGateway) []*forwardEntry { return g.dnat },
		remove:        (*Sim).deleteForward,
		tableNotFound: CodeInvalidForwardTableIDNotFound, entryNotFound: CodeInvalidForwardEntryIDNotFound,
		entryStatus: CodeIncorretForwardEntryStatus,
	}
)

// forNewEntry finds the caller's gateway by its table id and checks that
// the table can take a new entry: the gateway is Available and no entry is
// Pending.
func (k *tableKind[E]) forNewEntry(s *Sim, c *call, id string) (*natGateway, *Error) {
	g, err := s.lookupTable(c, k.tables(&s.world), id, k.tableNotFound)
	if err != nil {
		return nil, err
	}
	if err := g.statusError(c); err != nil {
		return nil, err
	}
	for _, x := range k.entries(g) {
		if x.entry().status == EntryPending {
			return nil, c.err(k.entryStatus)
		}
	}
	return g, nil
}

// deleteEntry is a Delete*Entry call once its parameters and token were
// checked: the table, the entry, the gateway's status, the entry's (not
// Pending or Deleting); then the accepted call starts the deletion.
func (k *tableKind[E]) deleteEntry(s *Sim, c *call, tableID, entryID string) *Error {
	g, err := s.lookupTable(c, k.tables(&s.world), tableID, k.tableNotFound)
	if err != nil {
		return err
	}
	entries := k.entries(g)
	i := slices.IndexFunc(entries, func(x E) bool { return x.entry().id == entryID })
	if i < 0 {
		return c.err(k.entryNotFound)
	}
	if err := g.statusError(c); err != nil {
		return err
	}
	x := entries[i]
	if unstable(x.entry().status) {
		return c.err(k.entryStatus)
	}
	s.ok(c, entryID)
	d, stuck := s.delay(c, entryID)
	k.remove(s, c.now(), c.action, d, x, c.rid)
	s.delayed(x.entry().pending, stuck)
	return nil
}

// lookupTable finds the caller's gateway by one of its table IDs.
func (s *Sim) lookupTable(c *call, tables map[string]*natGateway, id string, notFound Code) (*natGateway, *Error) {
	g, ok := tables[id]
	if !ok || g.account != c.account {
		return nil, c.err(notFound)
	}
	return g, nil
}

// tableByEither finds a table by its ID or its gateway's ID (at least one
// must be given, and they must agree).
func (s *Sim) tableByEither(c *call, tables map[string]*natGateway, tableID, gatewayID, param string, notFound Code) (*natGateway, *Error) {
	if tableID == "" && gatewayID == "" {
		return nil, c.missing(param)
	}
	if tableID == "" {
		g, ok := s.world.nats[gatewayID]
		if !ok || g.account != c.account {
			return nil, c.err(CodeInvalidNatGatewayIDNotFound)
		}
		return g, nil
	}
	g, err := s.lookupTable(c, tables, tableID, notFound)
	if err != nil {
		return nil, err
	}
	if gatewayID != "" && gatewayID != g.id {
		return nil, c.err(CodeInvalidNatGatewayIDNotFound)
	}
	return g, nil
}

// entryPage pages a table's entries (in creation order, the order its
// listing answers in): how many match (all of them when match is nil), and
// the snapshots of page num of size; the page is nil when nothing matches,
// as a cut of no matches is. Unfiltered it costs O(page): the slice is the
// ordered index; filtered, one pass.
func entryPage[E, S any](entries []E, match func(E) bool, num, size int, snap func(E) S) (total int, page []S) {
	var from, n int
	if match == nil {
		lo, hi := pageBounds(num, size, len(entries), 0)
		total, from, n = len(entries), lo, hi-lo
	} else {
		lo, hi := pageBounds(num, size, math.MaxInt, 0)
		from = len(entries)
		for i, x := range entries {
			if !match(x) {
				continue
			}
			if total == lo {
				from = i
			}
			if total >= lo && total < hi {
				n++
			}
			total++
		}
	}
	if total == 0 {
		return 0, nil
	}
	page = make([]S, 0, n)
	for _, x := range entries[from:] {
		if len(page) == n {
			break
		}
		if match == nil || match(x) {
			page = append(page, snap(x))
		}
	}
	return total, page
}
