package httpapi

import "strings"

// titledInitialisms are the initialisms that Go spells in capitals and the
// cloud's wire names spell as a word: Go's AllocationID is the cloud's
// AllocationId, IPAddress is IpAddress, SNATEntryID is SnatEntryId. Every
// other capital run (ISP, HDMonitorStatus's HD) is kept as it is, as the
// cloud keeps it.
var titledInitialisms = map[string]string{
	"ID": "Id", "IP": "Ip", "URL": "Url", "VPC": "Vpc", "ECS": "Ecs", "SLB": "Slb",
	"ENI": "Eni", "NAT": "Nat", "SNAT": "Snat", "DNAT": "Dnat", "EIP": "Eip",
}

// WireName converts a Go field name to the cloud's wire name. The rule:
//
//  1. split the name into words: a capital starts a word; a run of
//     capitals is one word, except that its last capital starts the next
//     word when a lower-case letter follows (IPAddress is IP + Address),
//     and a trailing "s" after the run is the run's plural (AllocationIDs is
//     AllocationIDs, one word IDs);
//  2. a word that is one of the initialisms ID, IP, URL, VPC, ECS, SLB,
//     ENI, NAT, SNAT, DNAT, EIP (or its plural) becomes Id, Ip, Url, Vpc,
//     Ecs, Slb, Eni, Nat, Snat, Dnat, Eip (Ids, Ips, ...); every other word
//     is kept.
//
// So RequestID is RequestId, IPAddress is IpAddress, PrivateIPAddresses is
// PrivateIpAddresses, VSwitchID is VSwitchId, ISP stays ISP and EipAddress
// stays EipAddress. A response field tagged `wire:"Name"` is named Name
// instead.
func WireName(goName string) string {
	var b strings.Builder
	for _, w := range splitWords(goName) {
		base, plural := w, ""
		if len(w) > 2 && strings.HasSuffix(w, "s") {
			base, plural = w[:len(w)-1], "s"
		}
		if t, ok := titledInitialisms[base]; ok {
			b.WriteString(t + plural)
			continue
		}
		if t, ok := titledInitialisms[w]; ok {
			b.WriteString(t)
			continue
		}
		b.WriteString(w)
	}
	return b.String()
}

// splitWords splits a Go identifier into words by rule 1 of [WireName].
func splitWords(s string) []string {
	var words []string
	for i := 0; i < len(s); {
		j := i + 1
		switch {
		case !isUpper(s[i]):
			for j < len(s) && !isUpper(s[j]) {
				j++
			}
		default:
			for j < len(s) && isUpper(s[j]) {
				j++
			}
			run := j - i
			switch {
			case j == len(s) || run == 1:
				// "ID" at the end, or an ordinary capitalized word.
				if run == 1 {
					for j < len(s) && !isUpper(s[j]) {
						j++
					}
				}
			case s[j] == 's' && (j+1 == len(s) || isUpper(s[j+1])):
				j++ // "IDs": the plural of the run.
			case isLower(s[j]):
				j-- // "IPAddress": the run's last capital starts "Address".
			}
		}
		words = append(words, s[i:j])
		i = j
	}
	return words
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
