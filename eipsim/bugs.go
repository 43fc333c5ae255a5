package eipsim

// bugs are deliberate defects that only tests switch on (through
// export_test.go), to prove that the property tests catch each of them.
// They are all off in every build; each is read at exactly one place
// (natPendingUnchecked: one check, its two loops).
var bugs struct {
	// earlyCompletion makes every task apply one nanosecond before its due time.
	earlyCompletion bool
	// tokenIgnored makes ClientToken replay a no-op: a retried call runs again.
	tokenIgnored bool
	// unassociateLockUnchecked skips the lock check of UnassociateEipAddress.
	unassociateLockUnchecked bool
	// cooldownIgnored never starts the write cooldown (no TaskConflict).
	cooldownIgnored bool
	// quotaOffByOne lets an account hold one EIP more than its quota.
	quotaOffByOne bool
	// pagingOffByOne starts every Describe page one entry late.
	pagingOffByOne bool
	// natForceIgnored lets UnassociateEipAddress detach a NAT gateway's EIP
	// that SNAT or DNAT entries use without Force=true.
	natForceIgnored bool
	// natPendingUnchecked lets UnassociateEipAddress detach a NAT EIP whose
	// entries are Pending or Deleting (no InvalidStatus.SnatOrDnat); read in
	// the two loops of one check.
	natPendingUnchecked bool
	// modifyBandwidthWording answers ModifyEipAddressAttribute's bandwidth
	// out of range with AllocateEipAddress's wording of InvalidParameter
	// ("not valid" for "not supported"): right code, wrong message.
	modifyBandwidthWording bool
	// natDependencyWording makes DeleteNatGateway's DependencyViolation name
	// the gateway's EIPs before its entries ("Eip" for "SnatEntry").
	natDependencyWording bool
	// natEIPLimitOffByOne lets a NAT gateway take one EIP more than its
	// limit (WithNATEIPLimits).
	natEIPLimitOffByOne bool
	// untagAllIgnored makes UnTagResources with All=true (and no TagKey.N)
	// remove nothing.
	untagAllIgnored bool
	// describePageSizeShown makes DescribeEipAddresses answer PageSize as
	// the number of EIPs on the page, not the page size asked for: right
	// EIPs, right TotalCount, one wrong field of the answer.
	describePageSizeShown bool
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
