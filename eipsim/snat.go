package eipsim

// SNAT entries: CreateSnatEntry, DeleteSnatEntry, DescribeSnatTableEntries
// (eip-api-facts.md §5.1; DeleteSnatEntry https://www.alibabacloud.com/help/doc-detail/120263.htm).
// Entries are asynchronous on the clock: Pending -> Available after the
// CreateSnatEntry delay; Deleting -> gone after the DeleteSnatEntry delay
// (WithNATEntryDelay or WithTaskDelay), plus any Latency or Stuck fault rule.
//
// Rules: every SnatIp must be an EIP InUse on the table's gateway
// (InvalidSnatIp.NotFound); an IP a DNAT entry uses cannot be an SnatIp
// (Forbidden.IpUsedInForwardTable) unless every such DNAT entry was made
// with PortBreak=true; no new entry while one is Pending
// (IncorretSnatEntryStatus); Pending and Deleting entries cannot be deleted
// (IncorretSnatEntryStatus). Our choices: a source (SourceVSwitchId or
// SourceCIDR) may appear in one live entry only, else InvalidParameter
// naming it (the docs state the rule, not the code); exactly one of
// SourceVSwitchId and SourceCIDR must be given (MissingParameter
// SourceVSwitchId when neither). The per-gateway limit of 40 entries is not
// modelled.

import (
	"context"
	"net/netip"
	"slices"
	"strings"
	"time"
)

// SnatEntry is a value snapshot of an SNAT entry.
type SnatEntry struct {
	SnatEntryID     string
	SnatTableID     string
	NatGatewayID    string
	SnatIP          string // comma-separated, as on the wire
	SourceVSwitchID string
	SourceCIDR      string
	SnatEntryName   string
	Status          string
}

type snatEntry struct {
	natEntry
	gw      *natGateway
	ips     []string
	vswitch string
	cidr    string
	name    string
}

func (x *snatEntry) snapshot() SnatEntry {
	return SnatEntry{SnatEntryID: x.id, SnatTableID: x.gw.snatTable, NatGatewayID: x.gw.id, SnatIP: strings.Join(x.ips, ","),
		SourceVSwitchID: x.vswitch, SourceCIDR: x.cidr, SnatEntryName: x.name, Status: x.status}
}

// deleteSnat starts the deletion of an SNAT entry.
func (s *Sim) deleteSnat(now time.Time, action Action, d time.Duration, x *snatEntry, cause string) {
	s.deleteEntry(now, action, d, &x.natEntry, cause, func() {
		if i := slices.Index(x.gw.snat, x); i >= 0 {
			x.gw.snat = slices.Delete(x.gw.snat, i, i+1)
		}
		delete(s.world.snatEntries, x.id)
	})
}

// addSnat adds a new entry to its gateway's table, last, and indexes it.
func (s *Sim) addSnat(x *snatEntry) {
	x.gw.snat = append(x.gw.snat, x)
	s.world.snatEntries[x.id] = x
}

// CreateSnatEntryRequest holds the CreateSnatEntry parameters.
type CreateSnatEntryRequest struct {
	RegionID    string `wire:"RegionId"`
	SnatTableID string `wire:"SnatTableId"`
	// SnatIP is one EIP address or several, comma-separated (an IP pool).
	SnatIP          string `wire:"SnatIp"`
	SourceVSwitchID string `wire:"SourceVSwitchId"`
	SourceCIDR      string `wire:"SourceCIDR"`
	SnatEntryName   string `wire:"SnatEntryName"`
	ClientToken     string `wire:"ClientToken"`
}

// CreateSnatEntryResponse is CreateSnatEntry's answer.
type CreateSnatEntryResponse struct {
	RequestID   string
	SnatEntryID string
}

// CreateSnatEntry adds an SNAT entry; it is Pending until the NAT entry
// delay has passed.
func (s *Sim) CreateSnatEntry(ctx context.Context, req CreateSnatEntryRequest) (*CreateSnatEntryResponse, error) {
	return serve(s, ctx, ActionCreateSnatEntry, (*Sim).CreateSnatEntry, req, req.SnatTableID, (*Sim).createSnatEntry)
}

func (s *Sim) createSnatEntry(c *call, req CreateSnatEntryRequest) (*CreateSnatEntryResponse, *Error) {
	ips, err := s.checkCreateSnat(c, &req)
	if err != nil {
		return nil, err
	}
	token, old, err := replayToken[CreateSnatEntryResponse](s, c, &req.ClientToken, &req)
	if err != nil {
		return old, err
	}
	g, err := snatKind.forNewEntry(s, c, req.SnatTableID)
	if err != nil {
		return nil, err
	}
	if len(g.snat) >= s.cfg.snatQuota {
		return nil, c.err(CodeForbiddenSnatEntryCountLimited)
	}
	for _, ip := range ips {
		if s.holds(g, ip) == nil {
			return nil, c.err(CodeInvalidSnatIPNotFound)
		}
	}
	for _, ip := range ips {
		for _, d := range g.dnat {
			if d.externalIP == ip && d.status != EntryDeleting && !d.portBreak {
				return nil, c.err(CodeForbiddenIPUsedInForwardTable)
			}
		}
	}
	for _, x := range g.snat {
		if x.status == EntryDeleting {
			continue
		}
		if req.SourceVSwitchID != "" && x.vswitch == req.SourceVSwitchID {
			return nil, c.invalid("SourceVSwitchId")
		}
		if req.SourceCIDR != "" && x.cidr == req.SourceCIDR {
			return nil, c.invalid("SourceCIDR")
		}
	}
	x := &snatEntry{natEntry: natEntry{id: s.ids.resourceID("snat-", s.entryTaken)}, gw: g, ips: ips,
		vswitch: req.SourceVSwitchID, cidr: req.SourceCIDR, name: req.SnatEntryName}
	s.addSnat(x)
	s.ok(c, x.id)
	s.createEntry(c, req.SnatTableID, &x.natEntry)
	resp := &CreateSnatEntryResponse{RequestID: c.rid, SnatEntryID: x.id}
	rememberResponse(s, c, token, req, resp)
	return resp, nil
}

func (s *Sim) checkCreateSnat(c *call, req *CreateSnatEntryRequest) ([]string, *Error) {
	if err := c.require("RegionId", req.RegionID, "SnatTableId", req.SnatTableID, "SnatIp", req.SnatIP); err != nil {
		return nil, err
	}
	switch {
	case req.SourceVSwitchID != "" && req.SourceCIDR != "":
		return nil, c.invalid("SourceCIDR")
	case req.SourceVSwitchID == "" && req.SourceCIDR == "":
		return nil, c.missing("SourceVSwitchId")
	}
	if req.SourceCIDR != "" {
		if p, err := netip.ParsePrefix(req.SourceCIDR); err != nil || !p.Addr().Is4() {
			return nil, c.invalid("SourceCIDR")
		}
	}
	ips := splitList(req.SnatIP)
	if len(ips) == 0 || len(ips) > 64 {
		return nil, c.invalid("SnatIp")
	}
	for i, ip := range ips {
		if !validIPv4(ip) || slices.Contains(ips[:i], ip) {
			return nil, c.invalid("SnatIp")
		}
	}
	if req.SnatEntryName != "" && !validEntryName(req.SnatEntryName) {
		return nil, c.invalid("SnatEntryName")
	}
	return ips, s.checkTokenRegion(c, req.ClientToken, req.RegionID)
}

// validEntryName: 2-128 characters starting with a letter (SnatEntryName,
// ForwardEntryName).
func validEntryName(s string) bool {
	return len([]rune(s)) >= 2 && validName(s)
}

// entryTaken reports whether an SNAT or DNAT entry has the ID.
func (s *Sim) entryTaken(id string) bool {
	return s.world.snatEntries[id] != nil || s.world.fwdEntries[id] != nil
}

// DeleteSnatEntryRequest holds the DeleteSnatEntry parameters.
type DeleteSnatEntryRequest struct {
	RegionID    string `wire:"RegionId"`
	SnatTableID string `wire:"SnatTableId"`
	SnatEntryID string `wire:"SnatEntryId"`
	ClientToken string `wire:"ClientToken"`
}

// DeleteSnatEntryResponse is DeleteSnatEntry's answer.
type DeleteSnatEntryResponse struct {
	RequestID string
}

// DeleteSnatEntry deletes an SNAT entry: it is Deleting until the NAT entry
// delay has passed, then gone.
func (s *Sim) DeleteSnatEntry(ctx context.Context, req DeleteSnatEntryRequest) (*DeleteSnatEntryResponse, error) {
	return serve(s, ctx, ActionDeleteSnatEntry, (*Sim).DeleteSnatEntry, req, req.SnatEntryID, (*Sim).deleteSnatEntry)
}

func (s *Sim) deleteSnatEntry(c *call, req DeleteSnatEntryRequest) (*DeleteSnatEntryResponse, *Error) {
	if err := c.require("RegionId", req.RegionID, "SnatTableId", req.SnatTableID, "SnatEntryId", req.SnatEntryID); err != nil {
		return nil, err
	}
	if err := s.checkTokenRegion(c, req.ClientToken, req.RegionID); err != nil {
		return nil, err
	}
	token, old, err := replayToken[DeleteSnatEntryResponse](s, c, &req.ClientToken, &req)
	if err != nil {
		return old, err
	}
	if err := snatKind.deleteEntry(s, c, req.SnatTableID, req.SnatEntryID); err != nil {
		return nil, err
	}
	resp := &DeleteSnatEntryResponse{RequestID: c.rid}
	rememberResponse(s, c, token, req, resp)
	return resp, nil
}

// DescribeSnatTableEntriesRequest holds the DescribeSnatTableEntries
// parameters; SnatTableId or NatGatewayId names the table.
type DescribeSnatTableEntriesRequest struct {
	RegionID        string `wire:"RegionId"`
	SnatTableID     string `wire:"SnatTableId"`
	NatGatewayID    string `wire:"NatGatewayId"`
	SnatEntryID     string `wire:"SnatEntryId"`
	SnatIP          string `wire:"SnatIp"`
	SourceVSwitchID string `wire:"SourceVSwitchId"`
	SourceCIDR      string `wire:"SourceCIDR"`
	SnatEntryName   string `wire:"SnatEntryName"`
	PageNumber      int    `wire:"PageNumber"`
	PageSize        int    `wire:"PageSize"`
}

// DescribeSnatTableEntriesResponse is DescribeSnatTableEntries's answer.
type DescribeSnatTableEntriesResponse struct {
	RequestID        string
	TotalCount       int
	PageNumber       int
	PageSize         int
	SnatTableEntries []SnatEntry
}

// DescribeSnatTableEntries lists the entries of an SNAT table in creation order.
func (s *Sim) DescribeSnatTableEntries(ctx context.Context, req DescribeSnatTableEntriesRequest) (*DescribeSnatTableEntriesResponse, error) {
	return serveRead(s, ctx, ActionDescribeSnatTableEntries, (*Sim).DescribeSnatTableEntries, req, req.SnatTableID,
		(*Sim).describeSnatTableEntries)
}

func (s *Sim) describeSnatTableEntries(c *call, req DescribeSnatTableEntriesRequest) (*DescribeSnatTableEntriesResponse, *Error) {
	if err := s.requireRegion(c, req.RegionID); err != nil {
		return nil, err
	}
	g, err := s.tableByEither(c, s.world.snatTables, req.SnatTableID, req.NatGatewayID, "SnatTableId", CodeInvalidSnatTableIDNotFound)
	if err != nil {
		return nil, err
	}
	if err := c.checkPage(&req.PageNumber, &req.PageSize, maxListPageSize); err != nil {
		return nil, err
	}
	match := func(x *snatEntry) bool {
		return (req.SnatIP == "" || slices.Contains(x.ips, req.SnatIP)) && (req.SourceVSwitchID == "" || x.vswitch == req.SourceVSwitchID) &&
			(req.SourceCIDR == "" || x.cidr == req.SourceCIDR) && (req.SnatEntryName == "" || x.name == req.SnatEntryName)
	}
	entries := g.snat
	if req.SnatEntryID != "" {
		// One ID: a lookup.
		entries = nil
		if x := s.world.snatEntries[req.SnatEntryID]; x != nil && x.gw == g {
			entries = []*snatEntry{x}
		}
	}
	var keep func(*snatEntry) bool
	if req.SnatIP != "" || req.SourceVSwitchID != "" || req.SourceCIDR != "" || req.SnatEntryName != "" {
		keep = match
	}
	resp := &DescribeSnatTableEntriesResponse{RequestID: c.rid, PageNumber: req.PageNumber, PageSize: req.PageSize}
	resp.TotalCount, resp.SnatTableEntries = entryPage(entries, keep, req.PageNumber, req.PageSize, (*snatEntry).snapshot)
	s.ok(c, "")
	return resp, nil
}
