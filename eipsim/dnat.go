package eipsim

// DNAT (forward) entries: CreateForwardEntry, DeleteForwardEntry,
// DescribeForwardTableEntries (eip-api-facts.md §5.2; the CreateForwardEntry
// page https://alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-createforwardentry).
// Asynchronous like SNAT entries: Pending -> Available, Deleting -> gone,
// after the CreateForwardEntry and DeleteForwardEntry delays.
//
// Rules: ExternalIp must be an EIP InUse on the table's gateway
// (InvalidExternalIp.NotFound); an IP a live SNAT entry uses cannot be an
// ExternalIp (Forbidden.ExternalIp.UsedInSnatTable) unless PortBreak=true;
// ExternalIp+ExternalPort+IpProtocol and IpProtocol+InternalIp+InternalPort
// are unique among live entries (OperationUnsupported.ForwardEntry,
// "Duplicated destination ip port is unsupported." — our reading: the page
// lists that code, not which rule gives it; IpProtocol Any overlaps with
// every protocol and port Any with every port); no new entry while one is
// Pending (IncorretForwardEntryStatus). Ports are 1-65535, or Any with
// IpProtocol=Any. The limit of 100 entries is not modelled.

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ForwardEntry is a value snapshot of a DNAT entry.
type ForwardEntry struct {
	ForwardEntryID   string
	ForwardTableID   string
	NatGatewayID     string
	ExternalIP       string
	ExternalPort     string
	InternalIP       string
	InternalPort     string
	IPProtocol       string
	ForwardEntryName string
	PortBreak        bool
	Status           string
}

type forwardEntry struct {
	natEntry
	gw           *natGateway
	externalIP   string
	externalPort string
	internalIP   string
	internalPort string
	protocol     string
	name         string
	portBreak    bool
}

func (x *forwardEntry) snapshot() ForwardEntry {
	return ForwardEntry{ForwardEntryID: x.id, ForwardTableID: x.gw.fwdTable, NatGatewayID: x.gw.id, ExternalIP: x.externalIP,
		ExternalPort: x.externalPort, InternalIP: x.internalIP, InternalPort: x.internalPort, IPProtocol: x.protocol,
		ForwardEntryName: x.name, PortBreak: x.portBreak, Status: x.status}
}

// deleteForward starts the deletion of a DNAT entry.
func (s *Sim) deleteForward(now time.Time, action Action, d time.Duration, x *forwardEntry, cause string) {
	s.deleteEntry(now, action, d, &x.natEntry, cause, func() {
		if i := slices.Index(x.gw.dnat, x); i >= 0 {
			x.gw.dnat = slices.Delete(x.gw.dnat, i, i+1)
		}
		delete(s.world.fwdEntries, x.id)
	})
}

// addForward adds a new entry to its gateway's table, last, and indexes it.
func (s *Sim) addForward(x *forwardEntry) {
	x.gw.dnat = append(x.gw.dnat, x)
	s.world.fwdEntries[x.id] = x
}

// CreateForwardEntryRequest holds the CreateForwardEntry parameters.
type CreateForwardEntryRequest struct {
	RegionID       string `wire:"RegionId"`
	ForwardTableID string `wire:"ForwardTableId"`
	ExternalIP     string `wire:"ExternalIp"`
	ExternalPort   string `wire:"ExternalPort"`
	InternalIP     string `wire:"InternalIp"`
	InternalPort   string `wire:"InternalPort"`
	// IPProtocol is TCP, UDP or Any.
	IPProtocol       string `wire:"IpProtocol"`
	ForwardEntryName string `wire:"ForwardEntryName"`
	// PortBreak lets the entry share its ExternalIp with SNAT entries.
	PortBreak   bool   `wire:"PortBreak"`
	ClientToken string `wire:"ClientToken"`
}

// CreateForwardEntryResponse is CreateForwardEntry's answer.
type CreateForwardEntryResponse struct {
	RequestID      string
	ForwardEntryID string
}

// CreateForwardEntry adds a DNAT entry; it is Pending until the NAT entry
// delay has passed.
func (s *Sim) CreateForwardEntry(ctx context.Context, req CreateForwardEntryRequest) (*CreateForwardEntryResponse, error) {
	return serve(s, ctx, ActionCreateForwardEntry, (*Sim).CreateForwardEntry, req, req.ForwardTableID, (*Sim).createForwardEntry)
}

func (s *Sim) createForwardEntry(c *call, req CreateForwardEntryRequest) (*CreateForwardEntryResponse, *Error) {
	if err := s.checkCreateForward(c, &req); err != nil {
		return nil, err
	}
	token, old, err := replayToken[CreateForwardEntryResponse](s, c, &req.ClientToken, &req)
	if err != nil {
		return old, err
	}
	g, err := dnatKind.forNewEntry(s, c, req.ForwardTableID)
	if err != nil {
		return nil, err
	}
	if len(g.dnat) >= s.cfg.dnatQuota {
		return nil, c.err(CodeQuotaExceeded)
	}
	if s.holds(g, req.ExternalIP) == nil {
		return nil, c.err(CodeInvalidExternalIPNotFound)
	}
	if !req.PortBreak {
		for _, x := range g.snat {
			if x.status != EntryDeleting && slices.Contains(x.ips, req.ExternalIP) {
				return nil, c.err(CodeForbiddenExternalIPUsedInSnatTable)
			}
		}
	}
	for _, x := range g.dnat {
		if x.status == EntryDeleting || !overlap(x.protocol, req.IPProtocol) {
			continue
		}
		if x.externalIP == req.ExternalIP && overlap(x.externalPort, req.ExternalPort) ||
			x.internalIP == req.InternalIP && overlap(x.internalPort, req.InternalPort) {
			return nil, c.err(CodeOperationUnsupportedForwardEntry)
		}
	}
	x := &forwardEntry{natEntry: natEntry{id: s.ids.resourceID("fwd-", s.entryTaken)}, gw: g,
		externalIP: req.ExternalIP, externalPort: req.ExternalPort, internalIP: req.InternalIP, internalPort: req.InternalPort,
		protocol: req.IPProtocol, name: req.ForwardEntryName, portBreak: req.PortBreak}
	s.addForward(x)
	s.ok(c, x.id)
	s.createEntry(c, req.ForwardTableID, &x.natEntry)
	resp := &CreateForwardEntryResponse{RequestID: c.rid, ForwardEntryID: x.id}
	rememberResponse(s, c, token, req, resp)
	return resp, nil
}

// overlap reports whether two protocols or ports can match the same
// traffic: equal, or either is Any.
func overlap(a, b string) bool { return a == b || a == "Any" || b == "Any" }

func (s *Sim) checkCreateForward(c *call, req *CreateForwardEntryRequest) *Error {
	if err := c.require("RegionId", req.RegionID, "ForwardTableId", req.ForwardTableID, "ExternalIp", req.ExternalIP,
		"ExternalPort", req.ExternalPort, "InternalIp", req.InternalIP, "InternalPort", req.InternalPort, "IpProtocol", req.IPProtocol); err != nil {
		return err
	}
	if !validIPv4(req.ExternalIP) {
		return c.err(CodeInvalidExternalIPMalformed)
	}
	if !validIPv4(req.InternalIP) {
		return c.err(CodeInvalidInternalIPMalformed)
	}
	switch strings.ToLower(req.IPProtocol) {
	case "tcp":
		req.IPProtocol = "TCP"
	case "udp":
		req.IPProtocol = "UDP"
	case "any":
		req.IPProtocol = "Any"
	default:
		return c.err(CodeInvalidProtocalValueNotSupported)
	}
	any := req.IPProtocol == "Any"
	if !validPort(req.ExternalPort, any) {
		return c.err(CodeInvalidExternalPortMalformed)
	}
	if !validPort(req.InternalPort, any) {
		return c.err(CodeInvalidInternalPortMalformed)
	}
	if req.ForwardEntryName != "" && !validEntryName(req.ForwardEntryName) {
		return c.invalid("ForwardEntryName")
	}
	return s.checkTokenRegion(c, req.ClientToken, req.RegionID)
}

// validPort: 1-65535, or Any when the protocol is Any.
func validPort(p string, anyProtocol bool) bool {
	if p == "Any" {
		return anyProtocol
	}
	n, err := strconv.Atoi(p)
	return err == nil && n >= 1 && n <= 65535 && strconv.Itoa(n) == p
}

// DeleteForwardEntryRequest holds the DeleteForwardEntry parameters.
type DeleteForwardEntryRequest struct {
	RegionID       string `wire:"RegionId"`
	ForwardTableID string `wire:"ForwardTableId"`
	ForwardEntryID string `wire:"ForwardEntryId"`
	ClientToken    string `wire:"ClientToken"`
}

// DeleteForwardEntryResponse is DeleteForwardEntry's answer.
type DeleteForwardEntryResponse struct {
	RequestID string
}

// DeleteForwardEntry deletes a DNAT entry: Deleting, then gone. Pending
// and Deleting entries cannot be deleted (IncorretForwardEntryStatus).
func (s *Sim) DeleteForwardEntry(ctx context.Context, req DeleteForwardEntryRequest) (*DeleteForwardEntryResponse, error) {
	return serve(s, ctx, ActionDeleteForwardEntry, (*Sim).DeleteForwardEntry, req, req.ForwardEntryID, (*Sim).deleteForwardEntry)
}

func (s *Sim) deleteForwardEntry(c *call, req DeleteForwardEntryRequest) (*DeleteForwardEntryResponse, *Error) {
	if err := c.require("RegionId", req.RegionID, "ForwardTableId", req.ForwardTableID, "ForwardEntryId", req.ForwardEntryID); err != nil {
		return nil, err
	}
	if err := s.checkTokenRegion(c, req.ClientToken, req.RegionID); err != nil {
		return nil, err
	}
	token, old, err := replayToken[DeleteForwardEntryResponse](s, c, &req.ClientToken, &req)
	if err != nil {
		return old, err
	}
	if err := dnatKind.deleteEntry(s, c, req.ForwardTableID, req.ForwardEntryID); err != nil {
		return nil, err
	}
	resp := &DeleteForwardEntryResponse{RequestID: c.rid}
	rememberResponse(s, c, token, req, resp)
	return resp, nil
}

// DescribeForwardTableEntriesRequest holds the DescribeForwardTableEntries
// parameters; ForwardTableId or NatGatewayId names the table.
type DescribeForwardTableEntriesRequest struct {
	RegionID         string `wire:"RegionId"`
	ForwardTableID   string `wire:"ForwardTableId"`
	NatGatewayID     string `wire:"NatGatewayId"`
	ForwardEntryID   string `wire:"ForwardEntryId"`
	ExternalIP       string `wire:"ExternalIp"`
	InternalIP       string `wire:"InternalIp"`
	IPProtocol       string `wire:"IpProtocol"`
	ForwardEntryName string `wire:"ForwardEntryName"`
	PageNumber       int    `wire:"PageNumber"`
	PageSize         int    `wire:"PageSize"`
}

// DescribeForwardTableEntriesResponse is DescribeForwardTableEntries's answer.
type DescribeForwardTableEntriesResponse struct {
	RequestID           string
	TotalCount          int
	PageNumber          int
	PageSize            int
	ForwardTableEntries []ForwardEntry
}

// DescribeForwardTableEntries lists the entries of a DNAT table in creation order.
func (s *Sim) DescribeForwardTableEntries(ctx context.Context, req DescribeForwardTableEntriesRequest) (*DescribeForwardTableEntriesResponse, error) {
	return serveRead(s, ctx, ActionDescribeForwardTableEntries, (*Sim).DescribeForwardTableEntries, req, req.ForwardTableID,
		(*Sim).describeForwardTableEntries)
}

func (s *Sim) describeForwardTableEntries(c *call, req DescribeForwardTableEntriesRequest) (*DescribeForwardTableEntriesResponse, *Error) {
	if err := s.requireRegion(c, req.RegionID); err != nil {
		return nil, err
	}
	g, err := s.tableByEither(c, s.world.fwdTables, req.ForwardTableID, req.NatGatewayID, "ForwardTableId", CodeInvalidForwardTableIDNotFound)
	if err != nil {
		return nil, err
	}
	if err := c.checkPage(&req.PageNumber, &req.PageSize, maxListPageSize); err != nil {
		return nil, err
	}
	match := func(x *forwardEntry) bool {
		return (req.ExternalIP == "" || x.externalIP == req.ExternalIP) && (req.InternalIP == "" || x.internalIP == req.InternalIP) &&
			(req.IPProtocol == "" || strings.EqualFold(x.protocol, req.IPProtocol)) && (req.ForwardEntryName == "" || x.name == req.ForwardEntryName)
	}
	entries := g.dnat
	if req.ForwardEntryID != "" {
		// One ID: a lookup.
		entries = nil
		if x := s.world.fwdEntries[req.ForwardEntryID]; x != nil && x.gw == g {
			entries = []*forwardEntry{x}
		}
	}
	var keep func(*forwardEntry) bool
	if req.ExternalIP != "" || req.InternalIP != "" || req.IPProtocol != "" || req.ForwardEntryName != "" {
		keep = match
	}
	resp := &DescribeForwardTableEntriesResponse{RequestID: c.rid, PageNumber: req.PageNumber, PageSize: req.PageSize}
	resp.TotalCount, resp.ForwardTableEntries = entryPage(entries, keep, req.PageNumber, req.PageSize, (*forwardEntry).snapshot)
	s.ok(c, "")
	return resp, nil
}
