package eipsimtest

// The model of the NAT and HaVip listings: DescribeNatGateways,
// DescribeHaVips, DescribeSnatTableEntries and DescribeForwardTableEntries,
// with their filters and pages (PageSize 1 to 50, default 10; eipsim's
// documented choices).

import (
	"slices"
	"strings"
)

// natPageSize is the largest PageSize of the NAT and HaVip listings.
const natPageSize = 50

// page cuts a listing: the page of op's PageNumber and PageSize, or the
// InvalidParameter of a PageSize out of range.
func (m *model) page(op Op, ids []string) want {
	pn, ps := op.PageNumber, op.PageSize
	if pn == 0 {
		pn = 1
	}
	if ps == 0 {
		ps = 10
	}
	if ps < 1 || ps > m.maxPage(op.Cmd) {
		return refuse("InvalidParameter:PageSize")
	}
	lo := min((pn-1)*ps, len(ids))
	switch {
	case ps == m.maxPage(op.Cmd):
		m.mark(RulePageAtLimit)
	case pn >= 2 && lo < len(ids):
		m.mark(RulePageSecond)
	case lo == len(ids) && len(ids) > 0:
		m.mark(RulePagePastEnd)
	}
	return want{page: ids[lo:min(lo+ps, len(ids))], total: len(ids), refused: true}
}

func (m *model) maxPage(action string) int {
	if action == "DescribeEipAddresses" {
		return 100
	}
	return natPageSize
}

// describeNAT predicts the four listings; ok is false for other ops.
func (m *model) describeNAT(op Op, acct string) (w want, ok bool) {
	switch op.Cmd {
	case "DescribeNatGateways", "DescribeHaVips", "DescribeSnatTableEntries", "DescribeForwardTableEntries":
	default:
		return want{}, false
	}
	if op.RegionID == "" {
		return want{code: "MissingParameter", args: []any{"RegionId"}, refused: true}, true
	}
	region := m.regionIndex(op.RegionID)
	if region < 0 {
		return want{code: "Forbidden.RegionNotFound", refused: true}, true
	}
	var ids []string
	var tbl *mGateway // the listed table's gateway
	filtered := false
	keep := func(id string, ok bool) {
		if ok {
			ids = append(ids, id)
		} else {
			filtered = true
		}
	}
	switch op.Cmd {
	case "DescribeNatGateways":
		for _, g := range m.gateways {
			if !g.gone && g.account == acct && g.region == region {
				keep(g.id, (op.InstanceID == "" || op.InstanceID == g.id) && (op.Status == "" || op.Status == g.status) &&
					(op.VpcID == "" || op.VpcID == implicitVPC(m.regions[g.region], g.account)))
			}
		}
		slices.Sort(ids)
	case "DescribeHaVips":
		if op.FilterKey != "" && !slices.Contains([]string{"HaVipId", "VpcId", "VSwitchId", "Status"}, op.FilterKey) {
			return want{code: "InvalidFilterKey.NotFound", refused: true}, true
		}
		for _, h := range m.havips {
			if !h.gone && h.account == acct && h.region == region {
				v := map[string]string{"HaVipId": h.id, "VpcId": implicitVPC(m.regions[h.region], h.account), "VSwitchId": h.vsw, "Status": h.status}[op.FilterKey]
				keep(h.id, op.FilterKey == "" || op.FilterValue == "" || v == op.FilterValue)
			}
		}
		slices.Sort(ids)
	default:
		snat := op.Cmd == "DescribeSnatTableEntries"
		g, code := m.listedTable(op, acct, snat)
		if code.code != "" {
			return code, true
		}
		tbl = g
		for _, x := range g.entries {
			if x.snat != snat {
				continue
			}
			ok := op.Entry == "" || op.Entry == x.id
			if snat {
				ok = ok && (op.IP == "" || slices.Contains(x.ips, op.IP)) && (op.VSwitch == "" || op.VSwitch == x.vsw)
			} else {
				ok = ok && (op.IP == "" || op.IP == x.ips[0]) && (op.IntIP == "" || op.IntIP == x.intIP) &&
					(op.Proto == "" || strings.EqualFold(op.Proto, x.proto))
			}
			keep(x.id, ok)
		}
	}
	if filtered {
		m.mark(RuleFilterExcludes)
	}
	// The whole answer: the page's items, and the page asked for echoed,
	// defaults applied.
	w = m.page(op, ids)
	if w.code == "" {
		ps := op.PageSize
		if ps == 0 {
			ps = 10
		}
		w.answer = m.listingAnswer(w.page, w.total, max(op.PageNumber, 1), ps, tbl, op.Cmd)
	}
	return w, true
}

// listedTable finds the table a Describe*TableEntries names by its ID or
// its gateway's (NatGatewayId, in InstanceID), any region of the caller's.
func (m *model) listedTable(op Op, acct string, snat bool) (*mGateway, want) {
	param := map[bool]string{true: "SnatTableId", false: "ForwardTableId"}[snat]
	notFound := map[bool]string{true: "InvalidSnatTableId.NotFound", false: "InvalidForwardTableId.NotFound"}[snat]
	if op.Table == "" && op.InstanceID == "" {
		return nil, want{code: "MissingParameter", args: []any{param}, refused: true}
	}
	if op.Table == "" {
		g := m.gateway(op.InstanceID)
		if g == nil || g.account != acct {
			return nil, want{code: "InvalidNatGatewayId.NotFound", refused: true}
		}
		return g, want{}
	}
	g := m.table(op.Table, snat)
	if g == nil || g.account != acct {
		return nil, want{code: notFound, refused: true}
	}
	if op.InstanceID != "" && op.InstanceID != g.id {
		return nil, want{code: "InvalidNatGatewayId.NotFound", refused: true}
	}
	return g, want{}
}
