package eipsim

// Bug names a deliberate defect of bugs.go, for the tests that prove the
// property tests catch it.
type Bug string

// The deliberate bugs.
const (
	BugEarlyCompletion          Bug = "early-completion"
	BugTokenIgnored             Bug = "token-ignored"
	BugUnassociateLockUnchecked Bug = "unassociate-lock-unchecked"
	BugCooldownIgnored          Bug = "cooldown-ignored"
	BugQuotaOffByOne            Bug = "quota-off-by-one"
	BugPagingOffByOne           Bug = "paging-off-by-one"
	BugNATForceIgnored          Bug = "nat-force-ignored"
	BugNATPendingUnchecked      Bug = "nat-pending-unchecked"
	BugModifyBandwidthWording   Bug = "modify-bandwidth-wording"
	BugNATDependencyWording     Bug = "nat-dependency-wording"
	BugNATEIPLimitOffByOne      Bug = "nat-eip-limit-off-by-one"
	BugUntagAllIgnored          Bug = "untag-all-ignored"
	BugDescribePageSizeShown    Bug = "describe-page-size-shown"
)

// Bugs lists every deliberate bug.
var Bugs = []Bug{BugEarlyCompletion, BugTokenIgnored, BugUnassociateLockUnchecked, BugCooldownIgnored, BugQuotaOffByOne, BugPagingOffByOne, BugNATForceIgnored, BugNATPendingUnchecked, BugModifyBandwidthWording, BugNATDependencyWording, BugNATEIPLimitOffByOne, BugUntagAllIgnored, BugDescribePageSizeShown}

// SetBug switches a deliberate bug on and returns the function that
// switches it off again. Not safe for parallel tests.
func SetBug(b Bug) (restore func()) {
	flags := map[Bug]*bool{
		BugEarlyCompletion:          &bugs.earlyCompletion,
		BugTokenIgnored:             &bugs.tokenIgnored,
		BugUnassociateLockUnchecked: &bugs.unassociateLockUnchecked,
		BugCooldownIgnored:          &bugs.cooldownIgnored,
		BugQuotaOffByOne:            &bugs.quotaOffByOne,
		BugPagingOffByOne:           &bugs.pagingOffByOne,
		BugNATForceIgnored:          &bugs.natForceIgnored,
		BugNATPendingUnchecked:      &bugs.natPendingUnchecked,
		BugModifyBandwidthWording:   &bugs.modifyBandwidthWording,
		BugNATDependencyWording:     &bugs.natDependencyWording,
		BugNATEIPLimitOffByOne:      &bugs.natEIPLimitOffByOne,
		BugUntagAllIgnored:          &bugs.untagAllIgnored,
		BugDescribePageSizeShown:    &bugs.describePageSizeShown,
	}
	p := flags[b]
	if p == nil {
		panic("eipsim: unknown bug " + string(b))
	}
	*p = true
	return func() { *p = false }
}
