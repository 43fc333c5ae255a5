package eipsimtest

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CreateSnatEntry's parameter forms, which the engine checks before the
// region, the ClientToken and the table: one of SourceVSwitchId and
// SourceCIDR (an IPv4 prefix), a SnatIp list of 1 to 64 distinct IPv4
// addresses (empty items dropped), and a SnatEntryName of 2 to 128
// letters, digits, '.', '_' or '-' starting with a letter.

// snatParams answers the refusal of op's forms, if any.
func snatParams(op Op) *want {
	var w want
	switch {
	case op.Table == "":
		w = want{code: "MissingParameter", args: []any{"SnatTableId"}, refused: true}
	case op.IP == "":
		w = want{code: "MissingParameter", args: []any{"SnatIp"}, refused: true}
	case op.VSwitch != "" && op.SourceCIDR != "":
		w = refuse("InvalidParameter:SourceCIDR")
	case op.VSwitch == "" && op.SourceCIDR == "":
		w = want{code: "MissingParameter", args: []any{"SourceVSwitchId"}, refused: true}
	case op.SourceCIDR != "" && !validPrefix4(op.SourceCIDR):
		w = refuse("InvalidParameter:SourceCIDR")
	case !validSnatIPs(splitItems(op.IP)):
		w = refuse("InvalidParameter:SnatIp")
	case op.EntryName != "" && !validEntryName(op.EntryName):
		w = refuse("InvalidParameter:SnatEntryName")
	default:
		return nil
	}
	return &w
}

func validPrefix4(s string) bool {
	p, err := netip.ParsePrefix(s)
	return err == nil && p.Addr().Is4()
}

func validSnatIPs(ips []string) bool {
	if len(ips) == 0 || len(ips) > 64 {
		return false
	}
	for i, ip := range ips {
		a, err := netip.ParseAddr(ip)
		if err != nil || !a.Is4() || slices.Contains(ips[:i], ip) {
			return false
		}
	}
	return true
}

// splitItems splits a comma-separated list, dropping empty items.
func splitItems(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func validEntryName(s string) bool {
	if n := utf8.RuneCountInString(s); n < 2 || n > 128 {
		return false
	}
	for i, r := range s {
		if i == 0 && !unicode.IsLetter(r) || !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-", r) {
			return false
		}
	}
	return true
}

// drawSnatParams varies, one CreateSnatEntry in three, the forms of op's
// parameters: a SourceCIDR instead of (or beside) the vSwitch, neither,
// SnatIp lists with an empty item, a repeat, a malformed address or 65
// addresses, and entry names at and past their limits.
func drawSnatParams(d Driver, op *Op) {
	switch d.Int(0, 8, "snat-params") {
	case 0, 1, 5:
		op.SourceCIDR = usually(d, []string{"10.0.0.0/24", "10.0.1.0/24", "10.0.0.0/33", "fe80::/64", "10.0.0.1"}, "source-cidr")
		if d.Int(0, 5, "cidr-and-vswitch") > 0 {
			op.VSwitch = ""
		}
	case 2:
		op.VSwitch = ""
	case 3:
		first, _, _ := strings.Cut(op.IP, ",")
		op.IP = pick(d, []string{first + ",", first + "," + first, first + ",203.0.113", ",", manyIPs(65), manyIPs(64)}, "snat-ip-form")
	case 4:
		op.EntryName = pick(d, []string{"ab", "a", "1ab", "snat_1.x-y", "é" + strings.Repeat("e", 127), strings.Repeat("e", 129), "a b"}, "entry-name")
	}
}

func manyIPs(n int) string {
	ips := make([]string, n)
	for i := range ips {
		ips[i] = fmt.Sprintf("198.51.100.%d", i+1)
	}
	return strings.Join(ips, ",")
}
