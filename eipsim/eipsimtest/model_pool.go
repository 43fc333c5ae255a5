package eipsimtest

// The model of AllocateEipAddress: its parameters in the engine's order
// (eip-api-facts.md §2: InstanceChargeType, Period, PricingCycle, ISP,
// IpAddress), the EIP quota, and the IP pool the addresses come from. The
// pool is modelled exactly, so that the model knows the address of every
// allocation: addresses are handed out from the pool's prefixes in order,
// skipping each prefix's network and broadcast addresses and the ones in
// use; a released address is free again and found when the cursor wraps
// around (eipsim.WithIPPool). An IpAddress names one address of the pool
// and leaves the cursor alone.

import (
	"net/netip"
	"slices"
	"strconv"

	"github.com/eipsim/eipsim/eipsim"
)

// isps are the documented ISP values (eip-api-facts.md §2).
var isps = []string{"BGP", "BGP_PRO", "ChinaTelecom", "ChinaUnicom", "ChinaMobile", "ChinaTelecom_L2", "ChinaUnicom_L2", "ChinaMobile_L2", "BGP_FinanceCloud"}

// mPool is the model's IP pool.
type mPool struct {
	prefixes []netip.Prefix
	used     map[uint32]bool
	size     int
	p        int    // prefix of the cursor
	off      uint32 // offset of the next candidate in it
	// ips: the address each allocation got, by AllocationId (a replay
	// answers the first call's address, even after a release).
	ips map[string]string
}

func newPool(prefixes []string) *mPool {
	if len(prefixes) == 0 {
		prefixes = eipsim.DefaultIPPool
	}
	pool := &mPool{used: map[uint32]bool{}, off: 1, ips: map[string]string{}}
	for _, s := range prefixes {
		p := netip.MustParsePrefix(s).Masked()
		pool.prefixes = append(pool.prefixes, p)
		pool.size += 1<<(32-p.Bits()) - 2
	}
	return pool
}

func u32(a netip.Addr) uint32 {
	b := a.As4()
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func addrOf(v uint32) string {
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}).String()
}

// hosts is the offset of p's broadcast address.
func hosts(p netip.Prefix) uint32 { return 1<<(32-p.Bits()) - 1 }

// contains: a usable address of the pool (not a network or broadcast one).
func (pool *mPool) contains(v uint32) bool {
	for _, p := range pool.prefixes {
		if base := u32(p.Addr()); v > base && v < base+hosts(p) {
			return true
		}
	}
	return false
}

// take gives the address an allocation gets (want, when IpAddress names
// one) or the code refusing it.
func (pool *mPool) take(want string) (string, string) {
	if want != "" {
		v := u32(netip.MustParseAddr(want))
		switch {
		case !pool.contains(v):
			return "", "ResourceNotFound.Ip"
		case pool.used[v]:
			return "", "Ip.Allocated"
		}
		pool.used[v] = true
		return want, ""
	}
	if len(pool.used) >= pool.size {
		return "", "OperationFailed.InsufficientEIP"
	}
	for {
		p := pool.prefixes[pool.p]
		if pool.off >= hosts(p) {
			pool.p, pool.off = (pool.p+1)%len(pool.prefixes), 1
			continue
		}
		v := u32(p.Addr()) + pool.off
		pool.off++
		if !pool.used[v] {
			pool.used[v] = true
			return addrOf(v), ""
		}
	}
}

// free returns a released EIP's address to the pool.
func (pool *mPool) free(ip string) {
	if a, err := netip.ParseAddr(ip); err == nil {
		delete(pool.used, u32(a))
	}
}

// addresses the generators name in IpAddress: the pool's first and last
// usable ones, its first prefix's network address (not usable), one
// outside every pool, and a malformed one.
func (pool *mPool) addresses() []string {
	first, last := pool.prefixes[0], pool.prefixes[len(pool.prefixes)-1]
	return []string{addrOf(u32(first.Addr()) + 1), addrOf(u32(last.Addr()) + hosts(last) - 1), first.Addr().String(), otherIP, "300.1.1.1"}
}

// allocate predicts and applies an AllocateEipAddress.
func (m *model) allocate(op Op, acct string) want {
	region := m.regionIndex(op.RegionID)
	if op.RegionID == "" {
		return want{code: "MissingParameter", args: []any{"RegionId"}, refused: true}
	}
	if region < 0 {
		return want{code: "InvalidRegionId.NotFound", refused: true}
	}
	if len(op.ClientToken) > 64 { // a ClientToken is at most 64 ASCII characters
		return refuse("InvalidParameter:ClientToken")
	}
	inst := op.InstanceChargeType
	if inst == "" {
		inst = eipsim.ChargeTypePostPaid
	}
	if inst != eipsim.ChargeTypePostPaid && inst != eipsim.ChargeTypePrePaid {
		return refuse("InvalidParameter:InstanceChargeType")
	}
	prepaid := inst == eipsim.ChargeTypePrePaid
	charge := op.InternetChargeType
	if charge == "" {
		charge = "PayByBandwidth"
	}
	if charge != "PayByBandwidth" && charge != "PayByTraffic" || prepaid && charge != "PayByBandwidth" {
		return want{code: "InvalidParameter", msg: `Specified value of "InternetChargeType" is not valid`, refused: true}
	}
	bw := op.Bandwidth
	if bw == "" {
		bw = "5"
	}
	n, err := strconv.Atoi(bw)
	if err != nil {
		return want{code: "InvalidBandwidth.Malformed", refused: true}
	}
	max := 500
	switch {
	case prepaid:
		max = 1000
	case charge == "PayByTraffic":
		max = 200
	}
	if n < 1 || n > max {
		return want{code: "InvalidParameter", msg: `Specified value of "Bandwidth" is not valid.`, refused: true}
	}
	period, cycle := 0, ""
	if prepaid {
		period, cycle = op.Period, op.PricingCycle
		if cycle == "" {
			cycle = "Month"
		}
		if cycle != "Month" && cycle != "Year" {
			return refuse("InvalidParameter:PricingCycle")
		}
		if period == 0 {
			return want{code: "MissingParameter", args: []any{"Period"}, refused: true}
		}
		if top := map[string]int{"Month": 9, "Year": 5}[cycle]; period < 1 || period > top {
			return refuse("InvalidParameter:Period")
		}
	}
	isp := op.ISP
	if isp == "" {
		isp = "BGP"
	}
	if !slices.Contains(isps, isp) {
		return want{code: "IllegalParam.Isp", args: []any{"ISP"}, refused: true}
	}
	if a, err := netip.ParseAddr(op.IPAddress); op.IPAddress != "" && (err != nil || !a.Is4()) {
		return refuse("InvalidParameter:IpAddress")
	}
	fp := op.RegionID + "|" + bw + "|" + charge + "|" + inst + "|" + strconv.Itoa(period) + "|" + cycle + "|" + isp + "|" + op.IPAddress
	if t, bad := m.token(acct, op.Cmd, op.ClientToken, fp); bad {
		return want{code: "IdempotentParameterMismatch", refused: true}
	} else if t != nil {
		return want{replay: true, resp: t.resp, ip: m.pool.ips[t.resp], refused: true}
	}
	if m.held(acct, region) >= m.quota {
		m.quotaHit[[2]string{acct, op.RegionID}] = true
		return want{code: "QuotaExceeded.Eip", refused: true}
	}
	ip, code := m.pool.take(op.IPAddress)
	if code != "" {
		return refuse(code)
	}
	if m.quotaHit[[2]string{acct, op.RegionID}] && m.held(acct, region) == m.quota-1 {
		m.mark(RuleQuotaFreedByRelease)
	}
	m.allocations++
	e := &mEIP{id: allocationID(m.allocations), account: acct, region: region, n: m.allocations, status: "Available", bandwidth: n,
		traffic: charge == "PayByTraffic", ip: ip, prepaid: prepaid, isp: isp, allocated: m.now}
	if prepaid { // the end of the paid period: Period months or years after the allocation
		e.expired = m.now.AddDate(0, period, 0)
		if cycle == "Year" {
			e.expired = m.now.AddDate(period, 0, 0)
		}
	}
	m.eips = append(m.eips, e)
	m.pool.ips[e.id] = ip
	m.remember(acct, op.Cmd, op.ClientToken, fp, e.id)
	return want{resp: e.id, ip: ip}
}
