package eipsim

// CreateNatGateway, DeleteNatGateway and DescribeNatGateways, as far as the
// EIP interplay needs them (VPC API 2016-04-28;
// https://www.alibabacloud.com/help/doc-detail/36051.htm for deletion).
// Creation and deletion are asynchronous: Creating -> Available, and
// Deleting -> gone, after the action's delay (WithNATGatewayDelay or
// WithTaskDelay) and any Latency or Stuck fault rule.
// While Creating or Deleting only queries are allowed (IncorrectStatus.NatGateway).
// Billing, specs, vSwitches and bandwidth plans are not modelled.

import (
	"context"
	"time"
)

// CreateNatGatewayRequest holds the CreateNatGateway parameters the Sim uses.
type CreateNatGatewayRequest struct {
	RegionID  string `wire:"RegionId"`
	VpcID     string `wire:"VpcId"`
	VSwitchID string `wire:"VSwitchId"`
	Name      string `wire:"Name"`
	// NatType is Enhanced (the default; the only type still sold).
	NatType     string `wire:"NatType"`
	ClientToken string `wire:"ClientToken"`
}

// CreateNatGatewayResponse is CreateNatGateway's answer.
type CreateNatGatewayResponse struct {
	RequestID       string
	NatGatewayID    string
	SnatTableIDs    []string
	ForwardTableIDs []string
}

// CreateNatGateway creates a NAT gateway in a VPC of the caller.
func (s *Sim) CreateNatGateway(ctx context.Context, req CreateNatGatewayRequest) (*CreateNatGatewayResponse, error) {
	return serve(s, ctx, ActionCreateNatGateway, (*Sim).CreateNatGateway, req, req.VpcID, (*Sim).createNatGateway)
}

func (s *Sim) createNatGateway(c *call, req CreateNatGatewayRequest) (*CreateNatGatewayResponse, *Error) {
	if err := s.checkCreateNatGateway(c, &req); err != nil {
		return nil, err
	}
	token, old, err := replayToken[CreateNatGatewayResponse](s, c, &req.ClientToken, &req)
	if err != nil {
		return old, err
	}
	v, ok := s.world.vpcs[req.VpcID]
	if !ok || v.account != c.account || v.region != req.RegionID {
		// [I] The cloud's VPC-not-found code is not in our sources.
		return nil, c.invalid("VpcId")
	}
	n := 0
	for _, g := range s.world.nats {
		if g.vpc == req.VpcID {
			n++
		}
	}
	if n >= s.cfg.natQuota {
		return nil, c.err(CodeQuotaExceeded)
	}
	id := s.ids.resourceID("ngw-", func(id string) bool {
		stb, ftb := tableIDs(id)
		return s.idTaken(id) || s.world.snatTables[stb] != nil || s.world.fwdTables[ftb] != nil
	})
	g := &natGateway{owned: owned{id: id, region: req.RegionID, account: c.account, vpc: req.VpcID}, name: req.Name, status: NatGatewayCreating}
	s.addNatGateway(g)
	s.ok(c, id)
	s.transition(c.now(), c.action, id, "", NatGatewayCreating, c.rid)
	d, stuck := s.delay(c, req.VpcID)
	rid := c.rid // c is the Sim's: the closure keeps what it needs
	g.pending = s.schedule(c.now(), d, c.action, id, NatGatewayCreating, NatGatewayAvailable, func(at time.Time) {
		g.pending = nil
		s.transition(at, ActionCreateNatGateway, id, NatGatewayCreating, NatGatewayAvailable, rid)
		g.status = NatGatewayAvailable
		s.listNat(g)
	})
	s.delayed(g.pending, stuck)
	resp := &CreateNatGatewayResponse{RequestID: c.rid, NatGatewayID: id, SnatTableIDs: []string{g.snatTable}, ForwardTableIDs: []string{g.fwdTable}}
	rememberResponse(s, c, token, req, resp)
	return resp, nil
}

func (s *Sim) checkCreateNatGateway(c *call, req *CreateNatGatewayRequest) *Error {
	if err := c.require("RegionId", req.RegionID, "VpcId", req.VpcID); err != nil {
		return err
	}
	if req.NatType == "" {
		req.NatType = "Enhanced"
	}
	if req.NatType != "Enhanced" {
		return c.invalid("NatType")
	}
	if req.Name != "" && !validName(req.Name) {
		return c.invalid("Name")
	}
	return s.checkTokenRegion(c, req.ClientToken, req.RegionID)
}

// DeleteNatGatewayRequest holds the DeleteNatGateway parameters.
type DeleteNatGatewayRequest struct {
	RegionID     string `wire:"RegionId"`
	NatGatewayID string `wire:"NatGatewayId"`
	// Force deletes the gateway's SNAT and DNAT entries and disassociates
	// its EIPs; without it a gateway with any of them is not deleted.
	Force bool `wire:"Force"`
}

// DeleteNatGatewayResponse is DeleteNatGateway's answer.
type DeleteNatGatewayResponse struct {
	RequestID string
}

// DeleteNatGateway deletes a NAT gateway. With Force=false a gateway that
// has SNAT entries, DNAT entries or EIPs gives DependencyViolation ([I]
// code; the docs say "delete them first"). With Force=true its entries are
// Deleting at once and its EIPs stay bound until the gateway is gone, then
// become Available.
func (s *Sim) DeleteNatGateway(ctx context.Context, req DeleteNatGatewayRequest) (*DeleteNatGatewayResponse, error) {
	return serve(s, ctx, ActionDeleteNatGateway, (*Sim).DeleteNatGateway, req, req.NatGatewayID, (*Sim).deleteNatGateway)
}

func (s *Sim) deleteNatGateway(c *call, req DeleteNatGatewayRequest) (*DeleteNatGatewayResponse, *Error) {
	g, err := s.lookupNatGateway(c, req.RegionID, req.NatGatewayID)
	if err != nil {
		return nil, err
	}
	if err := g.statusError(c); err != nil {
		return nil, err
	}
	if !req.Force {
		dep := ""
		switch {
		case bugs.natDependencyWording && len(g.eips) > 0:
			dep = "Eip"
		case len(g.snat) > 0:
			dep = "SnatEntry"
		case len(g.dnat) > 0:
			dep = "ForwardEntry"
		case len(g.eips) > 0:
			dep = "Eip"
		}
		if dep != "" {
			return nil, c.err(CodeDependencyViolation, dep, "NatGateway")
		}
	}
	s.ok(c, g.id)
	s.transition(c.now(), c.action, g.id, g.status, NatGatewayDeleting, c.rid)
	g.status = NatGatewayDeleting
	s.listNat(g)
	// The entries are deleted as a consequence: the plain delay of their
	// kind, no fault rules.
	for _, x := range g.snat {
		if x.status != EntryDeleting {
			s.deleteSnat(c.now(), c.action, s.cfg.delays[ActionDeleteSnatEntry], x, c.rid)
		}
	}
	for _, x := range g.dnat {
		if x.status != EntryDeleting {
			s.deleteForward(c.now(), c.action, s.cfg.delays[ActionDeleteForwardEntry], x, c.rid)
		}
	}
	d, stuck := s.delay(c, req.NatGatewayID)
	rid := c.rid // c is the Sim's: the closure keeps what it needs
	g.pending = s.schedule(c.now(), d, c.action, g.id, NatGatewayDeleting, "", func(at time.Time) {
		g.pending = nil
		s.removeNatGateway(at, g, rid)
	})
	s.delayed(g.pending, stuck)
	return &DeleteNatGatewayResponse{RequestID: c.rid}, nil
}

// removeNatGateway completes a deletion: the EIPs become Available, the
// remaining entries go with the gateway.
func (s *Sim) removeNatGateway(at time.Time, g *natGateway, cause string) {
	for _, e := range append([]*eip(nil), g.eips...) {
		s.forceDetach(at, e, string(ActionDeleteNatGateway))
	}
	for _, x := range g.snat {
		s.cancel(x.pending)
		x.pending = nil
		s.transition(at, ActionDeleteNatGateway, x.id, x.status, "", cause)
		delete(s.world.snatEntries, x.id)
	}
	for _, x := range g.dnat {
		s.cancel(x.pending)
		x.pending = nil
		s.transition(at, ActionDeleteNatGateway, x.id, x.status, "", cause)
		delete(s.world.fwdEntries, x.id)
	}
	g.snat, g.dnat = nil, nil
	s.transition(at, ActionDeleteNatGateway, g.id, g.status, "", cause)
	g.deleted = true
	s.listNat(g)
	s.idx.tags.remove(tagged{g.id, &g.tags, tagGroup{TagResourceTypeNatGateway, g.account, g.region}})
	delete(s.world.nats, g.id)
	delete(s.world.snatTables, g.snatTable)
	delete(s.world.fwdTables, g.fwdTable)
}

// lookupNatGateway finds the caller's gateway; another account's, another
// region's or an unknown one gives InvalidNatGatewayId.NotFound.
func (s *Sim) lookupNatGateway(c *call, region, id string) (*natGateway, *Error) {
	if err := s.requireRegionAndID(c, region, "NatGatewayId", id); err != nil {
		return nil, err
	}
	g, ok := s.world.nats[id]
	if !ok || g.account != c.account || g.region != region {
		return nil, c.err(CodeInvalidNatGatewayIDNotFound)
	}
	return g, nil
}

// DescribeNatGatewaysRequest holds the DescribeNatGateways parameters.
type DescribeNatGatewaysRequest struct {
	RegionID     string `wire:"RegionId"`
	NatGatewayID string `wire:"NatGatewayId"`
	VpcID        string `wire:"VpcId"`
	Status       string `wire:"Status"`
	PageNumber   int    `wire:"PageNumber"`
	PageSize     int    `wire:"PageSize"`
}

// DescribeNatGatewaysResponse is DescribeNatGateways's answer.
type DescribeNatGatewaysResponse struct {
	RequestID   string
	TotalCount  int
	PageNumber  int
	PageSize    int
	NatGateways []NatGateway
}

// DescribeNatGateways lists the caller's NAT gateways in a region, by ID.
func (s *Sim) DescribeNatGateways(ctx context.Context, req DescribeNatGatewaysRequest) (*DescribeNatGatewaysResponse, error) {
	return serveRead(s, ctx, ActionDescribeNatGateways, (*Sim).DescribeNatGateways, req, req.NatGatewayID,
		(*Sim).describeNatGateways)
}

func (s *Sim) describeNatGateways(c *call, req DescribeNatGatewaysRequest) (*DescribeNatGatewaysResponse, *Error) {
	if err := s.requireRegion(c, req.RegionID); err != nil {
		return nil, err
	}
	if err := c.checkPage(&req.PageNumber, &req.PageSize, maxListPageSize); err != nil {
		return nil, err
	}
	match := func(g *natGateway) bool {
		return g.account == c.account && g.region == req.RegionID && (req.VpcID == "" || req.VpcID == g.vpc) &&
			(req.Status == "" || req.Status == g.status)
	}
	resp := &DescribeNatGatewaysResponse{RequestID: c.rid, PageNumber: req.PageNumber, PageSize: req.PageSize}
	resp.TotalCount, resp.NatGateways = indexedList(&s.world.natList, s.world.nats, listKey{c.account, req.RegionID},
		req.NatGatewayID, req.VpcID, req.Status, false, match, req.PageNumber, req.PageSize, (*natGateway).snapshot)
	s.ok(c, "")
	return resp, nil
}
