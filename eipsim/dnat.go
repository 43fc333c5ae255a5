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
	})
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
	if r := s.recordedCall(ctx); r != nil { // recorder.go
		return recordAction(s, r, ctx, ActionCreateForwardEntry, req, (*Sim).CreateForwardEntry)
	}
	c := s.begin(ctx, ActionCreateForwardEntry)
	defer s.end()
	if err := s.intercept(&c, req.ForwardTableID, &req); err != nil {
		return nil, s.fail(c, req.ForwardTableID, err)
	}
	if err := s.checkCreateForward(&c, &req); err != nil {
		return nil, s.fail(c, req.ForwardTableID, err)
	}
	token := req.ClientToken
	req.ClientToken = ""
	if resp, err := replay(s, &c, token, req); err != nil {
		return nil, s.fail(c, req.ForwardTableID, err)
	} else if resp != nil {
		r := *resp.(*CreateForwardEntryResponse)
		return &r, nil
	}
	g, err := s.lookupTable(&c, s.world.fwdTables, req.ForwardTableID, CodeInvalidForwardTableIDNotFound)
	if err != nil {
		return nil, s.fail(c, req.ForwardTableID, err)
	}
	if err := g.statusError(&c); err != nil {
		return nil, s.fail(c, req.ForwardTableID, err)
	}
	for _, x := range g.dnat {
		if x.status == EntryPending {
			return nil, s.fail(c, req.ForwardTableID, c.err(CodeIncorretForwardEntryStatus))
		}
	}
	if s.holds(g, req.ExternalIP) == nil {
		return nil, s.fail(c, req.ForwardTableID, c.err(CodeInvalidExternalIPNotFound))
	}
	if !req.PortBreak {
		for _, x := range g.snat {
			if x.status != EntryDeleting && slices.Contains(x.ips, req.ExternalIP) {
				return nil, s.fail(c, req.ForwardTableID, c.err(CodeForbiddenExternalIPUsedInSnatTable))
			}
		}
	}
	for _, x := range g.dnat {
		if x.status == EntryDeleting || !overlap(x.protocol, req.IPProtocol) {
			continue
		}
		if x.externalIP == req.ExternalIP && overlap(x.externalPort, req.ExternalPort) ||
			x.internalIP == req.InternalIP && overlap(x.internalPort, req.InternalPort) {
			return nil, s.fail(c, req.ForwardTableID, c.err(CodeOperationUnsupportedForwardEntry))
		}
	}
	x := &forwardEntry{natEntry: natEntry{id: s.ids.resourceID("fwd-", s.entryTaken)}, gw: g,
		externalIP: req.ExternalIP, externalPort: req.ExternalPort, internalIP: req.InternalIP, internalPort: req.InternalPort,
		protocol: req.IPProtocol, name: req.ForwardEntryName, portBreak: req.PortBreak}
	g.dnat = append(g.dnat, x)
	s.ok(c, x.id)
	s.createEntry(&c, req.ForwardTableID, &x.natEntry)
	resp := &CreateForwardEntryResponse{RequestID: c.rid, ForwardEntryID: x.id}
	remember(s, &c, token, req, resp)
	if err := s.outcome(&c, req.ForwardTableID); err != nil {
		return nil, err
	}
	r := *resp
	return &r, nil
}

// overlap reports whether two protocols or ports can match the same
// traffic: equal, or either is Any.
func overlap(a, b string) bool { return a == b || a == "Any" || b == "Any" }

func (s *Sim) checkCreateForward(c *call, req *CreateForwardEntryRequest) *Error {
	for _, p := range [][2]string{{"RegionId", req.RegionID}, {"ForwardTableId", req.ForwardTableID}, {"ExternalIp", req.ExternalIP},
		{"ExternalPort", req.ExternalPort}, {"InternalIp", req.InternalIP}, {"InternalPort", req.InternalPort}, {"IpProtocol", req.IPProtocol}} {
		if p[1] == "" {
			return c.missing(p[0])
		}
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
	if err := c.checkToken(req.ClientToken); err != nil {
		return err
	}
	return s.checkRegion(c, req.RegionID)
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
	if r := s.recordedCall(ctx); r != nil { // recorder.go
		return recordAction(s, r, ctx, ActionDeleteForwardEntry, req, (*Sim).DeleteForwardEntry)
	}
	c := s.begin(ctx, ActionDeleteForwardEntry)
	defer s.end()
	if err := s.intercept(&c, req.ForwardEntryID, &req); err != nil {
		return nil, s.fail(c, req.ForwardEntryID, err)
	}
	for _, p := range [][2]string{{"RegionId", req.RegionID}, {"ForwardTableId", req.ForwardTableID}, {"ForwardEntryId", req.ForwardEntryID}} {
		if p[1] == "" {
			return nil, s.fail(c, req.ForwardEntryID, c.missing(p[0]))
		}
	}
	if err := c.checkToken(req.ClientToken); err != nil {
		return nil, s.fail(c, req.ForwardEntryID, err)
	}
	if err := s.checkRegion(&c, req.RegionID); err != nil {
		return nil, s.fail(c, req.ForwardEntryID, err)
	}
	token := req.ClientToken
	req.ClientToken = ""
	if resp, err := replay(s, &c, token, req); err != nil {
		return nil, s.fail(c, req.ForwardEntryID, err)
	} else if resp != nil {
		return &DeleteForwardEntryResponse{RequestID: resp.(string)}, nil
	}
	g, err := s.lookupTable(&c, s.world.fwdTables, req.ForwardTableID, CodeInvalidForwardTableIDNotFound)
	if err != nil {
		return nil, s.fail(c, req.ForwardEntryID, err)
	}
	i := slices.IndexFunc(g.dnat, func(x *forwardEntry) bool { return x.id == req.ForwardEntryID })
	if i < 0 {
		return nil, s.fail(c, req.ForwardEntryID, c.err(CodeInvalidForwardEntryIDNotFound))
	}
	if err := g.statusError(&c); err != nil {
		return nil, s.fail(c, req.ForwardEntryID, err)
	}
	x := g.dnat[i]
	if unstable(x.status) {
		return nil, s.fail(c, x.id, c.err(CodeIncorretForwardEntryStatus))
	}
	s.ok(c, x.id)
	d, stuck := s.delay(&c, req.ForwardEntryID)
	s.deleteForward(c.now, c.action, d, x, c.rid)
	s.delayed(x.pending, stuck)
	remember(s, &c, token, req, c.rid)
	if err := s.outcome(&c, req.ForwardEntryID); err != nil {
		return nil, err
	}
	return &DeleteForwardEntryResponse{RequestID: c.rid}, nil
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
	if r := s.recordedCall(ctx); r != nil { // recorder.go
		return recordAction(s, r, ctx, ActionDescribeForwardTableEntries, req, (*Sim).DescribeForwardTableEntries)
	}
	c := s.begin(ctx, ActionDescribeForwardTableEntries)
	defer s.end()
	if err := s.intercept(&c, req.ForwardTableID, &req); err != nil {
		return nil, s.fail(c, "", err)
	}
	if req.RegionID == "" {
		return nil, s.fail(c, "", c.missing("RegionId"))
	}
	if err := s.checkRegion(&c, req.RegionID); err != nil {
		return nil, s.fail(c, "", err)
	}
	g, err := s.tableByEither(&c, s.world.fwdTables, req.ForwardTableID, req.NatGatewayID, "ForwardTableId", CodeInvalidForwardTableIDNotFound)
	if err != nil {
		return nil, s.fail(c, "", err)
	}
	var found []ForwardEntry
	for _, x := range g.dnat {
		if req.ForwardEntryID != "" && x.id != req.ForwardEntryID || req.ExternalIP != "" && x.externalIP != req.ExternalIP ||
			req.InternalIP != "" && x.internalIP != req.InternalIP || req.IPProtocol != "" && !strings.EqualFold(x.protocol, req.IPProtocol) ||
			req.ForwardEntryName != "" && x.name != req.ForwardEntryName {
			continue
		}
		found = append(found, x.snapshot())
	}
	lo, hi, err := c.paging(&req.PageNumber, &req.PageSize, len(found))
	if err != nil {
		return nil, s.fail(c, "", err)
	}
	s.ok(c, "")
	return &DescribeForwardTableEntriesResponse{RequestID: c.rid, TotalCount: len(found), PageNumber: req.PageNumber,
		PageSize: req.PageSize, ForwardTableEntries: found[lo:hi]}, nil
}
