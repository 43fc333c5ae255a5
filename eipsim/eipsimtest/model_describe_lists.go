package eipsimtest

import (
	"fmt"
	"slices"
	"strings"
)

// DescribeEipAddresses' lists: AllocationId and EipAddress take up to 50
// comma-separated values each (more is InvalidParameter). With AllocationId
// given, EipAddress is not looked at (the engine's choice: the IDs are
// looked up one by one).

const maxDescribeList = 50

// describeLists splits op's AllocationId (op.AllocationID) and EipAddress
// (op.IP) lists, or answers the InvalidParameter of one too long.
func describeLists(op Op) (ids, ips []string, w *want) {
	split := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, ",")
	}
	ids, ips = split(op.AllocationID), split(op.IP)
	switch {
	case len(ids) > maxDescribeList:
		r := refuse("InvalidParameter:AllocationId")
		return nil, nil, &r
	case len(ips) > maxDescribeList:
		r := refuse("InvalidParameter:EipAddress")
		return nil, nil, &r
	}
	return ids, ips, nil
}

// listed reports whether e passes the lists.
func listed(e *mEIP, ids, ips []string) bool {
	switch {
	case len(ids) > 0:
		return slices.Contains(ids, e.id)
	case len(ips) > 0:
		return e.ip != "" && slices.Contains(ips, e.ip)
	}
	return true
}

// drawDescribeLists sets, one Describe in four, an AllocationId list of
// two or three IDs (repeats and unknown ones included) or an EipAddress
// list of the model's addresses (with a malformed and an unallocated one),
// and, rarely, one of 51.
func (mc *Machine) drawDescribeLists(d Driver, op *Op) {
	switch d.Int(0, 7, "describe-list") {
	case 0:
		var ids []string
		for range d.Int(2, 3, "ids") {
			ids = append(ids, mc.eipID(d))
		}
		op.AllocationID = strings.Join(ids, ",")
	case 1:
		pool := []string{"203.0.113.250", "1.2.3"}
		for _, e := range mc.m.eips {
			if e.ip != "" {
				pool = append(pool, e.ip)
			}
		}
		var ips []string
		for range d.Int(1, 3, "ips") {
			ips = append(ips, pick(d, pool, "describe-ip"))
		}
		op.AllocationID, op.IP = "", strings.Join(ips, ",")
	case 2:
		if d.Int(0, 3, "long-list") == 0 {
			n := maxDescribeList + d.Int(0, 1, "long-list-len")
			var xs []string
			for i := range n {
				xs = append(xs, fmt.Sprintf("eip-%04d", i+1))
			}
			if d.Int(0, 1, "long-list-kind") == 1 {
				op.AllocationID = strings.Join(xs, ",")
			} else {
				for i := range xs {
					xs[i] = fmt.Sprintf("198.51.100.%d", i+1)
				}
				op.AllocationID, op.IP = "", strings.Join(xs, ",")
			}
		}
	}
}
