package eipsim

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// The listings served from indexes (listindex.go, the entry ID maps, the
// EIP index by target) must answer what a brute-force pass over the whole
// world answers: the reference functions below are the listings as they
// were before the indexes, sorting or scanning every resource per call.

// stepClock is a clock the test moves (eipsimtest's would import eipsim).
type stepClock struct{ now time.Time }

func (c *stepClock) Now() time.Time { return c.now }

// refCut is page num (1-based) of size of total items, PageNumber and
// PageSize defaulted as the listings default them.
func refCut(num, size, total int) (int, int) {
	if num == 0 {
		num = 1
	}
	if size == 0 {
		size = 10
	}
	lo := min((num-1)*size, total)
	return lo, min(lo+size, total)
}

func refNatGateways(s *Sim, account string, req DescribeNatGatewaysRequest) (int, []NatGateway) {
	var found []NatGateway
	for _, id := range sortedKeys(s.world.nats) {
		g := s.world.nats[id]
		if g.account != account || g.region != req.RegionID ||
			req.NatGatewayID != "" && req.NatGatewayID != id || req.VpcID != "" && req.VpcID != g.vpc ||
			req.Status != "" && req.Status != g.status {
			continue
		}
		found = append(found, g.snapshot())
	}
	lo, hi := refCut(req.PageNumber, req.PageSize, len(found))
	return len(found), found[lo:hi]
}

func refHaVips(s *Sim, account string, req DescribeHaVipsRequest) (int, []HaVip) {
	filters := [][2]string{{req.Filter1Key, req.Filter1Value}, {req.Filter2Key, req.Filter2Value}}
	var found []HaVip
	for _, id := range sortedKeys(s.world.havips) {
		h := s.world.havips[id]
		if h.account != account || h.region != req.RegionID {
			continue
		}
		hv := h.snapshot()
		keep := true
		for _, f := range filters {
			v := map[string]string{"HaVipId": hv.HaVipID, "VpcId": hv.VpcID, "VSwitchId": hv.VSwitchID, "Status": hv.Status}[f[0]]
			if f[0] != "" && f[1] != "" && v != f[1] {
				keep = false
			}
		}
		if keep {
			found = append(found, hv)
		}
	}
	lo, hi := refCut(req.PageNumber, req.PageSize, len(found))
	return len(found), found[lo:hi]
}

func refSnat(s *Sim, req DescribeSnatTableEntriesRequest) (int, []SnatEntry) {
	g := s.world.snatTables[req.SnatTableID]
	if req.SnatTableID == "" {
		g = s.world.nats[req.NatGatewayID]
	}
	var found []SnatEntry
	for _, x := range g.snat {
		if req.SnatEntryID != "" && x.id != req.SnatEntryID || req.SnatIP != "" && !slices.Contains(x.ips, req.SnatIP) ||
			req.SourceVSwitchID != "" && x.vswitch != req.SourceVSwitchID || req.SourceCIDR != "" && x.cidr != req.SourceCIDR ||
			req.SnatEntryName != "" && x.name != req.SnatEntryName {
			continue
		}
		found = append(found, x.snapshot())
	}
	lo, hi := refCut(req.PageNumber, req.PageSize, len(found))
	return len(found), found[lo:hi]
}

func refForward(s *Sim, req DescribeForwardTableEntriesRequest) (int, []ForwardEntry) {
	g := s.world.fwdTables[req.ForwardTableID]
	if req.ForwardTableID == "" {
		g = s.world.nats[req.NatGatewayID]
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
	lo, hi := refCut(req.PageNumber, req.PageSize, len(found))
	return len(found), found[lo:hi]
}

func refEIPsByInstance(s *Sim, account string, req DescribeEipAddressesRequest) (int, []EIP) {
	var found []EIP
	for _, e := range s.EIPs() {
		if e.AccountID == account && e.RegionID == req.RegionID && e.InstanceID == req.AssociatedInstanceID &&
			(req.Status == "" || e.Status == req.Status) {
			found = append(found, e)
		}
	}
	lo, hi := refCut(req.PageNumber, req.PageSize, len(found))
	if lo == hi {
		return len(found), nil
	}
	return len(found), found[lo:hi]
}

// refEIPs is DescribeEipAddresses of a region, by Status or not, cut
// from every EIP in allocation order.
func refEIPs(s *Sim, account string, req DescribeEipAddressesRequest) (int, []EIP) {
	var found []EIP
	for _, e := range s.EIPs() {
		if e.AccountID == account && e.RegionID == req.RegionID && (req.Status == "" || e.Status == req.Status) {
			found = append(found, e)
		}
	}
	lo, hi := refCut(req.PageNumber, req.PageSize, len(found))
	if lo == hi {
		return len(found), nil
	}
	return len(found), found[lo:hi]
}

// refTagResources is ListTagResources without ResourceId.N as it was:
// every resource of the type, sorted, flattened, cut.
func refTagResources(s *Sim, account string, req ListTagResourcesRequest) ([]TagResource, string, bool) {
	t := normalTagType(req.ResourceType)
	var rs []tagged
	switch t {
	case TagResourceTypeEIP:
		for _, e := range s.order {
			if !e.gone && e.account == account && s.cfg.regions[e.region] == req.RegionID && e.extra != nil {
				rs = append(rs, tagged{id: e.id, tags: &e.extra.tags})
			}
		}
	case TagResourceTypeNatGateway:
		for id, g := range s.world.nats {
			if g.account == account && g.region == req.RegionID {
				rs = append(rs, tagged{id: id, tags: &g.tags})
			}
		}
	default:
		for id, h := range s.world.havips {
			if h.account == account && h.region == req.RegionID {
				rs = append(rs, tagged{id: id, tags: &h.tags})
			}
		}
	}
	slices.SortFunc(rs, func(a, b tagged) int { return strings.Compare(a.id, b.id) })
	var all []TagResource
	for _, r := range rs {
		if !r.tags.matches(req.Tag) {
			continue
		}
		for _, tg := range *r.tags {
			all = append(all, TagResource{ResourceID: r.id, ResourceType: t, TagKey: tg.Key, TagValue: tg.Value})
		}
	}
	start := 0
	if req.NextToken != "" {
		fmt.Sscan(req.NextToken, &start)
	}
	if start > len(all) {
		return nil, "", false
	}
	size := cmp.Or(req.MaxResults, 50)
	end := min(start+size, len(all))
	next := ""
	if end < len(all) {
		next = fmt.Sprint(end)
	}
	return append([]TagResource(nil), all[start:end]...), next, true
}

// listWorld drives a random world: NAT gateways, HaVips, ECS instances,
// EIPs and entries of two accounts in two regions come and go and change
// status, through the Actions and the setup methods.
type listWorld struct {
	t        *testing.T
	rnd      *rand.Rand
	sim      *Sim
	clk      *stepClock
	accounts []string
	regions  []string
	// Every ID ever made; gone ones stay, to be asked for too.
	nats, havips, instances, eips, snats, fwds []string
	tagItems                                   int // listed by ListTagResources
}

func newListWorld(t *testing.T, seed uint64) *listWorld {
	clk := &stepClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	// Odd seeds: entries outlive a gateway's deletion, which then takes them.
	entryDelay := time.Duration(1+4*(seed%2)) * time.Second
	sim, err := New(WithClock(clk), WithSeed(seed), WithRegions("cn-hangzhou", "cn-shanghai"), WithEIPQuota(200),
		WithNatGatewayQuota(100), WithHaVipQuota(100), WithNATEIPLimits(20, 20), WithNATEntryDelay(entryDelay))
	if err != nil {
		t.Fatal(err)
	}
	w := &listWorld{t: t, rnd: rand.New(rand.NewPCG(seed, 1)), sim: sim, clk: clk,
		accounts: []string{DefaultAccountID, "acct-2"}, regions: []string{"cn-hangzhou", "cn-shanghai"}}
	for _, a := range w.accounts {
		for _, r := range w.regions {
			for i := range 2 {
				if err := sim.AddVPC(VPC{VpcID: fmt.Sprintf("vpc-%s-%s-%d", a, r, i), RegionID: r, AccountID: a}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	return w
}

func (w *listWorld) pick(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return ids[w.rnd.IntN(len(ids))]
}

func (w *listWorld) ctx() (context.Context, string, string) {
	a, r := w.accounts[w.rnd.IntN(2)], w.regions[w.rnd.IntN(2)]
	return WithAccount(context.Background(), a), a, r
}

func (w *listWorld) vpc(a, r string) string {
	if w.rnd.IntN(3) == 0 {
		return "" // the implicit one
	}
	return fmt.Sprintf("vpc-%s-%s-%d", a, r, w.rnd.IntN(2))
}

// step makes one random change; most fail on some rule, which is fine.
func (w *listWorld) step(i int) {
	s := w.sim
	ctx, a, r := w.ctx()
	// Associations and entries, whose preconditions are rarer, come more often.
	ops := []int{0, 1, 2, 3, 3, 4, 5, 6, 7, 7, 8, 9, 10, 10, 11, 12, 13, 13, 13, 14, 15, 16, 16, 16}
	switch ops[w.rnd.IntN(len(ops))] {
	case 0:
		id := fmt.Sprintf("ngw-add%d", i)
		if s.AddNatGateway(NatGateway{NatGatewayID: id, RegionID: r, AccountID: a, VpcID: w.vpc(a, r)}) == nil {
			w.nats = append(w.nats, id)
		}
	case 1:
		v := w.vpc(a, r)
		if v == "" {
			v = fmt.Sprintf("vpc-%s-%s-0", a, r)
		}
		if resp, err := s.CreateNatGateway(ctx, CreateNatGatewayRequest{RegionID: r, VpcID: v}); err == nil {
			w.nats = append(w.nats, resp.NatGatewayID)
		}
	case 2:
		id := w.pick(w.nats)
		if o := w.owner(id); o != nil && w.rnd.IntN(5) > 0 {
			ctx, r = WithAccount(context.Background(), o.account), o.region
		}
		_, _ = s.DeleteNatGateway(ctx, DeleteNatGatewayRequest{RegionID: r, NatGatewayID: id, Force: w.rnd.IntN(3) > 0})
	case 3:
		w.clk.now = w.clk.now.Add(time.Duration(w.rnd.IntN(4000)) * time.Millisecond)
	case 4:
		if w.rnd.IntN(2) == 0 {
			id := fmt.Sprintf("havip-add%d", i)
			if s.AddHaVip(HaVip{HaVipID: id, RegionID: r, AccountID: a, VpcID: w.vpc(a, r), VSwitchID: fmt.Sprintf("vsw-%d", w.rnd.IntN(3))}) == nil {
				w.havips = append(w.havips, id)
			}
		} else if resp, err := s.CreateHaVip(ctx, CreateHaVipRequest{RegionID: r, VSwitchID: fmt.Sprintf("vsw-%d", w.rnd.IntN(3))}); err == nil {
			w.havips = append(w.havips, resp.HaVipID)
		}
	case 5:
		id := w.pick(w.havips)
		if o := w.owner(id); o != nil && w.rnd.IntN(5) > 0 {
			ctx, r = WithAccount(context.Background(), o.account), o.region
		}
		_, _ = s.DeleteHaVip(ctx, DeleteHaVipRequest{RegionID: r, HaVipID: id})
	case 6:
		if w.rnd.IntN(3) > 0 {
			id := fmt.Sprintf("i-%d", i)
			if s.AddInstance(Instance{InstanceID: id, RegionID: r, AccountID: a, VpcID: w.vpc(a, r)}) == nil {
				w.instances = append(w.instances, id)
			}
		} else {
			// Most often one a HaVip is associated with: the HaVip lets it go.
			var held []string
			for _, id := range sortedKeys(s.world.havips) {
				held = append(held, s.world.havips[id].instances...)
			}
			if len(held) == 0 || w.rnd.IntN(3) == 0 {
				held = w.instances
			}
			_ = s.DeleteInstance(w.pick(held))
		}
	case 7:
		// A HaVip and, most often, an instance of its VPC.
		id := w.pick(w.havips)
		var same []string
		if o := w.owner(id); o != nil {
			ctx, r = WithAccount(context.Background(), o.account), o.region
			for _, in := range w.instances {
				if p := w.owner(in); p != nil && p.vpc == o.vpc {
					same = append(same, in)
				}
			}
		}
		if len(same) == 0 || w.rnd.IntN(5) == 0 {
			same = w.instances
		}
		if w.rnd.IntN(3) > 0 {
			_, _ = s.AssociateHaVip(ctx, AssociateHaVipRequest{RegionID: r, HaVipID: id, InstanceID: w.pick(same)})
		} else {
			_, _ = s.UnassociateHaVip(ctx, UnassociateHaVipRequest{RegionID: r, HaVipID: id, InstanceID: w.pick(same)})
		}
	case 8, 9:
		req := AllocateEipAddressRequest{RegionID: r}
		if w.rnd.IntN(3) == 0 {
			req.Tag = []Tag{w.tag()}
		}
		if resp, err := s.AllocateEipAddress(ctx, req); err == nil {
			w.eips = append(w.eips, resp.AllocationID)
		}
	case 10:
		// An EIP and a target of its account and region, most of the time.
		e := s.eips.get(w.pick(w.eips))
		if e == nil || e.gone {
			return
		}
		ctx, a, r = WithAccount(context.Background(), e.account), e.account, s.cfg.regions[e.region]
		typ, ids := InstanceTypeEcsInstance, w.instances
		switch w.rnd.IntN(3) {
		case 0:
			typ, ids = InstanceTypeNat, w.nats
		case 1:
			typ, ids = InstanceTypeHaVip, w.havips
		}
		var same []string
		for _, id := range ids {
			if o := w.owner(id); o != nil && o.account == a && o.region == r {
				same = append(same, id)
			}
		}
		target := w.pick(same)
		if w.rnd.IntN(5) == 0 {
			target = w.pick(ids)
		}
		_, _ = s.AssociateEipAddress(ctx, AssociateEipAddressRequest{RegionID: r, AllocationID: e.id, InstanceID: target, InstanceType: typ})
	case 11:
		_, _ = s.UnassociateEipAddress(ctx, UnassociateEipAddressRequest{RegionID: r, AllocationID: w.pick(w.eips), Force: w.rnd.IntN(2) == 0})
	case 12:
		_, _ = s.ReleaseEipAddress(ctx, ReleaseEipAddressRequest{RegionID: r, AllocationID: w.pick(w.eips)})
	case 13:
		var holding []string
		for _, id := range w.nats {
			if g := s.world.nats[id]; g != nil && len(g.eips) > 0 {
				holding = append(holding, id)
			}
		}
		g := s.world.nats[w.pick(holding)]
		if g == nil {
			return
		}
		ip := addr4(g.eips[w.rnd.IntN(len(g.eips))].ip).String()
		ctx := WithAccount(context.Background(), g.account)
		if w.rnd.IntN(2) == 0 {
			resp, err := s.CreateSnatEntry(ctx, CreateSnatEntryRequest{RegionID: g.region, SnatTableID: g.snatTable, SnatIP: ip,
				SourceCIDR: fmt.Sprintf("10.%d.0.0/24", i%250), SnatEntryName: fmt.Sprintf("n%d", w.rnd.IntN(2)+10)})
			if err == nil {
				w.snats = append(w.snats, resp.SnatEntryID)
			}
		} else {
			resp, err := s.CreateForwardEntry(ctx, CreateForwardEntryRequest{RegionID: g.region, ForwardTableID: g.fwdTable, ExternalIP: ip,
				ExternalPort: fmt.Sprint(1000 + i), InternalIP: fmt.Sprintf("10.0.0.%d", w.rnd.IntN(3)+1), InternalPort: fmt.Sprint(2000 + i),
				IPProtocol: []string{"TCP", "UDP"}[w.rnd.IntN(2)], PortBreak: true})
			if err == nil {
				w.fwds = append(w.fwds, resp.ForwardEntryID)
			}
		}
	case 14:
		g := s.world.nats[w.pick(w.nats)]
		if g == nil {
			return
		}
		ctx := WithAccount(context.Background(), g.account)
		_, _ = s.DeleteSnatEntry(ctx, DeleteSnatEntryRequest{RegionID: g.region, SnatTableID: g.snatTable, SnatEntryID: w.pick(w.snats)})
		_, _ = s.DeleteForwardEntry(ctx, DeleteForwardEntryRequest{RegionID: g.region, ForwardTableID: g.fwdTable, ForwardEntryID: w.pick(w.fwds)})
	case 15:
		_ = s.SetNatGatewayFinancialLock(w.pick(w.nats), w.rnd.IntN(2) == 0)
	case 16:
		// Tags on a resource of its own account and region, most often.
		rtype, id := w.taggable()
		if o := w.owner(id); o != nil && w.rnd.IntN(5) > 0 {
			ctx, r = WithAccount(context.Background(), o.account), o.region
		} else if e := s.eips.get(id); e != nil && !e.gone && w.rnd.IntN(5) > 0 {
			ctx, r = WithAccount(context.Background(), e.account), s.cfg.regions[e.region]
		}
		ids := []string{id}
		if w.rnd.IntN(3) == 0 {
			ids = append(ids, w.pick(w.eips))
		}
		if w.rnd.IntN(3) > 0 {
			var tags []Tag
			for range w.rnd.IntN(3) + 1 {
				tags = append(tags, w.tag())
			}
			tags = slices.CompactFunc(tags, func(a, b Tag) bool { return a.Key == b.Key })
			_, _ = s.TagResources(ctx, TagResourcesRequest{RegionID: r, ResourceType: rtype, ResourceID: ids, Tag: tags})
		} else {
			req := UnTagResourcesRequest{RegionID: r, ResourceType: rtype, ResourceID: ids, All: w.rnd.IntN(3) == 0}
			if !req.All {
				req.TagKey = []string{w.tag().Key}
			}
			_, _ = s.UnTagResources(ctx, req)
		}
	}
}

// tag draws a tag from a small set, so that keys and values repeat.
func (w *listWorld) tag() Tag {
	return Tag{Key: fmt.Sprintf("k%d", w.rnd.IntN(4)), Value: fmt.Sprintf("v%d", w.rnd.IntN(3))}
}

// taggable draws a resource type and an ID of that type.
func (w *listWorld) taggable() (string, string) {
	switch w.rnd.IntN(3) {
	case 0:
		return TagResourceTypeNatGateway, w.pick(w.nats)
	case 1:
		return TagResourceTypeHaVip, w.pick(w.havips)
	}
	return TagResourceTypeEIP, w.pick(w.eips)
}

// owner returns the live resource with the ID, or nil.
func (w *listWorld) owner(id string) *owned {
	if r := w.sim.world.instances[id]; r != nil {
		return &r.owned
	}
	if g := w.sim.world.nats[id]; g != nil {
		return &g.owned
	}
	if h := w.sim.world.havips[id]; h != nil {
		return &h.owned
	}
	return nil
}

// page draws a PageNumber and PageSize: defaults, small pages, and pages
// past the end.
func (w *listWorld) page() (int, int) {
	return w.rnd.IntN(5), []int{0, 1, 2, 3, 50}[w.rnd.IntN(5)]
}

// pickOr returns "" (no filter) half the time, else a pick of ids.
func (w *listWorld) pickOr(ids ...string) string {
	if w.rnd.IntN(2) == 0 {
		return ""
	}
	return w.pick(ids)
}

// compare asks every listing a few random questions and checks each
// answer against its reference.
func (w *listWorld) compare(step int) {
	t, s := w.t, w.sim
	for range 4 {
		ctx, a, r := w.ctx()
		num, size := w.page()
		nreq := DescribeNatGatewaysRequest{RegionID: r, NatGatewayID: w.pickOr(w.nats...), VpcID: w.pickOr(w.vpc(a, r), "vpc-"+r),
			Status: w.pickOr(NatGatewayCreating, NatGatewayAvailable, NatGatewayDeleting), PageNumber: num, PageSize: size}
		if w.rnd.IntN(2) == 0 {
			nreq.NatGatewayID = ""
		}
		nresp, err := s.DescribeNatGateways(ctx, nreq)
		if err != nil {
			t.Fatalf("step %d: %+v: %v", step, nreq, err)
		}
		if total, want := refNatGateways(s, a, nreq); nresp.TotalCount != total || !reflect.DeepEqual(nresp.NatGateways, want) {
			t.Fatalf("step %d: DescribeNatGateways %s %+v:\n got %d %+v\nwant %d %+v", step, a, nreq, nresp.TotalCount, nresp.NatGateways, total, want)
		}

		num, size = w.page()
		keys := []string{"", "HaVipId", "VpcId", "VSwitchId", "Status"}
		value := func(k string) string {
			switch k {
			case "HaVipId":
				return w.pick(w.havips)
			case "VpcId":
				return w.pick([]string{w.vpc(a, r), "vpc-" + r})
			case "VSwitchId":
				return fmt.Sprintf("vsw-%d", w.rnd.IntN(3))
			}
			return w.pick([]string{HaVipCreating, HaVipAvailable, HaVipInUse, HaVipAssociating, HaVipUnassociating, HaVipDeleting, ""})
		}
		k1, k2 := keys[w.rnd.IntN(5)], keys[w.rnd.IntN(5)]
		hreq := DescribeHaVipsRequest{RegionID: r, Filter1Key: k1, Filter1Value: value(k1), Filter2Key: k2, Filter2Value: value(k2), PageNumber: num, PageSize: size}
		hresp, err := s.DescribeHaVips(ctx, hreq)
		if err != nil {
			t.Fatalf("step %d: %+v: %v", step, hreq, err)
		}
		if total, want := refHaVips(s, a, hreq); hresp.TotalCount != total || !reflect.DeepEqual(hresp.HaVips, want) {
			t.Fatalf("step %d: DescribeHaVips %s %+v:\n got %d %+v\nwant %d %+v", step, a, hreq, hresp.TotalCount, hresp.HaVips, total, want)
		}

		num, size = w.page()
		ereq := DescribeEipAddressesRequest{RegionID: r, AssociatedInstanceID: w.pick(slices.Concat(w.instances, w.nats, w.havips)),
			Status: []Status{"", "", StatusInUse, StatusAssociating}[w.rnd.IntN(4)], PageNumber: num, PageSize: size}
		eresp, err := s.DescribeEipAddresses(ctx, ereq)
		if err != nil {
			t.Fatalf("step %d: %+v: %v", step, ereq, err)
		}
		if total, want := refEIPsByInstance(s, a, ereq); eresp.TotalCount != total || !reflect.DeepEqual(eresp.EipAddresses, want) {
			t.Fatalf("step %d: DescribeEipAddresses %s %+v:\n got %d %+v\nwant %d %+v", step, a, ereq, eresp.TotalCount, eresp.EipAddresses, total, want)
		}

		// The group and Status paths (eipindex.go, synced lazily).
		num, size = w.page()
		greq := DescribeEipAddressesRequest{RegionID: r, PageNumber: num, PageSize: size,
			Status: []Status{"", "", StatusAvailable, StatusAssociating, StatusInUse, StatusUnassociating, StatusReleasing}[w.rnd.IntN(7)]}
		gresp, err := s.DescribeEipAddresses(ctx, greq)
		if err != nil {
			t.Fatalf("step %d: %+v: %v", step, greq, err)
		}
		if total, want := refEIPs(s, a, greq); gresp.TotalCount != total || !reflect.DeepEqual(gresp.EipAddresses, want) {
			t.Fatalf("step %d: DescribeEipAddresses %s %+v:\n got %d %+v\nwant %d %+v", step, a, greq, gresp.TotalCount, gresp.EipAddresses, total, want)
		}

		rtype, _ := w.taggable()
		treq := ListTagResourcesRequest{RegionID: r, ResourceType: rtype, Tag: []Tag{w.tag()}, MaxResults: []int{0, 1, 2, 3}[w.rnd.IntN(4)]}
		if w.rnd.IntN(2) == 0 {
			treq.Tag[0].Value = ""
		}
		if w.rnd.IntN(3) == 0 {
			treq.Tag = append(treq.Tag, w.tag())
		}
		if n := w.rnd.IntN(8); n > 0 {
			treq.NextToken = fmt.Sprint(n)
		}
		want, next, ok := refTagResources(s, a, treq)
		tresp, err := s.ListTagResources(ctx, treq)
		if ok != (err == nil) || ok && (!reflect.DeepEqual(tresp.TagResources, want) || tresp.NextToken != next) {
			t.Fatalf("step %d: ListTagResources %s %+v:\n got %+v %v\nwant %v %q ok %v", step, a, treq, tresp, err, want, next, ok)
		}
		if ok {
			w.tagItems += len(want)
		}

		g := s.world.nats[w.pick(w.nats)]
		if g == nil {
			continue
		}
		ctx = WithAccount(context.Background(), g.account)
		ips := []string{"192.0.2.1"}
		for _, e := range g.eips {
			ips = append(ips, addr4(e.ip).String())
		}
		num, size = w.page()
		sreq := DescribeSnatTableEntriesRequest{RegionID: g.region, SnatEntryID: w.pickOr(w.snats...), SnatIP: w.pickOr(ips...),
			SnatEntryName: w.pickOr("n10", "n11"), PageNumber: num, PageSize: size}
		if w.rnd.IntN(2) == 0 {
			sreq.SnatTableID = g.snatTable
		} else {
			sreq.NatGatewayID = g.id
		}
		sresp, err := s.DescribeSnatTableEntries(ctx, sreq)
		if err != nil {
			t.Fatalf("step %d: %+v: %v", step, sreq, err)
		}
		if total, want := refSnat(s, sreq); sresp.TotalCount != total || !reflect.DeepEqual(sresp.SnatTableEntries, want) {
			t.Fatalf("step %d: DescribeSnatTableEntries %+v:\n got %d %+v\nwant %d %+v", step, sreq, sresp.TotalCount, sresp.SnatTableEntries, total, want)
		}

		num, size = w.page()
		freq := DescribeForwardTableEntriesRequest{RegionID: g.region, ForwardEntryID: w.pickOr(w.fwds...), ExternalIP: w.pickOr(ips...),
			InternalIP: w.pickOr("10.0.0.1", "10.0.0.2"), IPProtocol: w.pickOr("tcp", "UDP"), PageNumber: num, PageSize: size}
		if w.rnd.IntN(2) == 0 {
			freq.ForwardTableID = g.fwdTable
		} else {
			freq.NatGatewayID = g.id
		}
		fresp, err := s.DescribeForwardTableEntries(ctx, freq)
		if err != nil {
			t.Fatalf("step %d: %+v: %v", step, freq, err)
		}
		if total, want := refForward(s, freq); fresp.TotalCount != total || !reflect.DeepEqual(fresp.ForwardTableEntries, want) {
			t.Fatalf("step %d: DescribeForwardTableEntries %+v:\n got %d %+v\nwant %d %+v", step, freq, fresp.TotalCount, fresp.ForwardTableEntries, total, want)
		}
	}
}

// TestListingIndexesMatchBruteForce drives random worlds and, after every
// change, compares each indexed listing with its brute-force reference;
// then checks the indexes against the world (CheckInvariants). An index
// that some write forgets to update gives a wrong page, total or status.
func TestListingIndexesMatchBruteForce(t *testing.T) {
	seeds, steps := 12, 700
	if testing.Short() {
		seeds = 3
	}
	for seed := range uint64(seeds) {
		w := newListWorld(t, seed)
		seen := map[string]int{}
		for i := range steps {
			w.step(i)
			w.compare(i)
			for what, n := range w.coverage() {
				seen[what] += min(n, 1)
			}
		}
		if err := w.sim.CheckInvariants(); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		for what, n := range seen {
			if n == 0 {
				t.Errorf("seed %d: the world never had %s: the test does not cover it", seed, what)
			}
		}
	}
}

// coverage counts what the world holds, so that a generator that stops
// making something is noticed.
func (w *listWorld) coverage() map[string]int {
	n := map[string]int{"NAT gateways": len(w.sim.world.nats), "HaVips": len(w.sim.world.havips),
		"SNAT entries made": len(w.snats), "DNAT entries made": len(w.fwds), "bound EIPs": 0, "HaVips with instances": 0,
		"listed tags": w.tagItems}
	for _, e := range w.sim.EIPs() {
		if e.InstanceID != "" {
			n["bound EIPs"]++
		}
	}
	for _, h := range w.sim.world.havips {
		if len(h.instances) > 0 {
			n["HaVips with instances"]++
		}
	}
	return n
}
