package eipsimtest

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Rule is a documented rule of the Sim that the model applies on a step
// beyond the code it answers (a replay, a window, a page): the model marks
// each one it applies, so that a run shows which rules it exercised.
// Marking costs nothing when no [Coverage] is collected.
type Rule string

// The rules the model marks.
const (
	RuleTokenReplay            Rule = "token-replay"              // a ClientToken replay returns the first answer, changes nothing
	RuleTokenReplayNAT         Rule = "token-replay-nat"          // the same, of a NAT gateway, entry or HaVip write
	RuleTokenExpired           Rule = "token-expired"             // a token reused after its TTL runs the call again
	RuleTokenEvicted           Rule = "token-evicted"             // at the token limit, remembering a token forgets the oldest
	RuleMultiBindedSeveral     Rule = "multi-binded-several"      // a second (or later) EIP bound MULTI_BINDED to one ENI
	RuleENIDeletedBound        Rule = "eni-deleted-bound"         // deleting an ENI frees its EIPs at once
	RuleENIDetachedBound       Rule = "eni-detached-bound"        // detaching an ENI keeps its EIPs bound
	RuleTargetDeletedBound     Rule = "target-deleted-bound"      // deleting an instance or SLB frees its EIP at once
	RuleNATForceDeletes        Rule = "nat-force-deletes"         // a forced unassociation deletes the entries using the EIP
	RuleNATForceKeeps          Rule = "nat-force-keeps"           // ... or, in keep-entries mode, leaves them (orphaned)
	RuleNATGatewayForced       Rule = "nat-gateway-forced"        // DeleteNatGateway Force=true with entries or EIPs
	RuleEntryOverDeleting      Rule = "entry-over-deleting"       // a new entry reuses what a Deleting entry holds
	RuleTaskDueExact           Rule = "task-due-exact"            // a task completes with the clock exactly at its due time
	RulePageSecond             Rule = "page-second"               // a listing's page 2 or later, not empty
	RulePageAtLimit            Rule = "page-at-limit"             // a listing at its largest PageSize
	RulePagePastEnd            Rule = "page-past-end"             // a page past the last entry: empty, TotalCount kept
	RuleFilterExcludes         Rule = "filter-excludes"           // a listing's filter leaves something out
	RuleRateLimitRefused       Rule = "rate-limit-refused"        // an empty bucket refuses (Throttling.User)
	RuleRateLimitRefilled      Rule = "rate-limit-refilled"       // a bucket emptied earlier admits again after refilling
	RuleGlobalRateLimitRefused Rule = "global-rate-limit-refused" // the global bucket refuses (Throttling), Check's own Describes included
	RuleFaultError             Rule = "fault-error"               // an Error rule refuses before any check
	RuleFaultLatency           Rule = "fault-latency"             // a Latency rule delays the called action's task
	RuleFaultStuckDeadline     Rule = "fault-stuck-deadline"      // a Stuck rule holds the called action's task until its Deadline
	RuleFaultApplyThenFail     Rule = "fault-apply-then-fail"     // the change is made, the answer is the rule's error
	RuleFaultSpent             Rule = "fault-spent"               // a rule that fired Times times lets the call through
	RuleFaultOutsideWindow     Rule = "fault-outside-window"      // a rule outside From/Until lets the call through
	RuleQuotaFreedByRelease    Rule = "quota-freed-by-release"    // an Allocate at the quota succeeds once a release completed
	RuleHaVipSeveralInstance   Rule = "havip-several-instances"   // a HaVip associated with a second instance
	RuleLostAnswerReplayed     Rule = "lost-answer-replayed"      // a retry of a call whose answer was lost replays its success
)

// Rules lists every Rule, in a fixed order.
var Rules = []Rule{RuleTokenReplay, RuleTokenReplayNAT, RuleTokenExpired, RuleTokenEvicted, RuleMultiBindedSeveral, RuleENIDeletedBound,
	RuleENIDetachedBound, RuleTargetDeletedBound, RuleNATForceDeletes, RuleNATForceKeeps, RuleNATGatewayForced,
	RuleEntryOverDeleting, RuleTaskDueExact, RulePageSecond, RulePageAtLimit, RulePagePastEnd, RuleFilterExcludes,
	RuleRateLimitRefused, RuleRateLimitRefilled, RuleGlobalRateLimitRefused, RuleFaultError, RuleFaultLatency, RuleFaultStuckDeadline, RuleFaultApplyThenFail, RuleFaultSpent,
	RuleFaultOutsideWindow, RuleQuotaFreedByRelease, RuleHaVipSeveralInstance, RuleLostAnswerReplayed}

// Coverage counts, over a run, the catalogue codes the Sim answered (""
// for success) and the rules the model applied.
type Coverage struct {
	Steps int
	Codes map[string]int
	Rules map[Rule]int
}

// NewCoverage returns an empty Coverage.
func NewCoverage() *Coverage { return &Coverage{Codes: map[string]int{}, Rules: map[Rule]int{}} }

func (c *Coverage) code(code string) {
	if c != nil {
		c.Codes[code]++
	}
}

func (m *model) mark(r Rule) {
	if m.cov != nil {
		m.cov.Rules[r]++
	}
}

// Add adds o's counts to c.
func (c *Coverage) Add(o *Coverage) {
	c.Steps += o.Steps
	for k, n := range o.Codes {
		c.Codes[k] += n
	}
	for k, n := range o.Rules {
		c.Rules[k] += n
	}
}

// Missing returns the catalogue codes the Sim can answer to the
// generators' calls (those of [CatalogueCodes] without a reason) and the
// rules that c saw fewer than min times.
func (c *Coverage) Missing(min int) (codes []string, rules []Rule) {
	for _, k := range CatalogueCodes {
		if k.Unreached == "" && c.Codes[k.Code] < min {
			codes = append(codes, k.Code)
		}
	}
	for _, r := range Rules {
		if c.Rules[r] < min {
			rules = append(rules, r)
		}
	}
	return codes, rules
}

// Write prints c as a table: every catalogue code and every rule with its
// count, the codes the generators do not reach with the reason.
func (c *Coverage) Write(w io.Writer) {
	fmt.Fprintf(w, "%d steps\ncodes:\n", c.Steps)
	width := 0
	for _, k := range CatalogueCodes {
		width = max(width, len(k.Code))
	}
	for _, k := range CatalogueCodes {
		note := ""
		if k.Unreached != "" {
			note = "  (not generated: " + k.Unreached + ")"
		} else if c.Codes[k.Code] == 0 {
			note = "  NEVER REACHED"
		}
		fmt.Fprintf(w, "  %-*s %7d%s\n", width, k.Code, c.Codes[k.Code], note)
	}
	fmt.Fprintf(w, "  %-*s %7d\n", width, "(success)", c.Codes[""])
	var other []string
	for k := range c.Codes {
		if k != "" && !slices.ContainsFunc(CatalogueCodes, func(x CatalogueCode) bool { return x.Code == k }) {
			other = append(other, k)
		}
	}
	slices.Sort(other)
	if len(other) > 0 {
		fmt.Fprintf(w, "  codes outside the catalogue: %s\n", strings.Join(other, ", "))
	}
	fmt.Fprintf(w, "rules:\n")
	for _, r := range Rules {
		note := ""
		if c.Rules[r] == 0 {
			note = "  NEVER REACHED"
		}
		fmt.Fprintf(w, "  %-*s %7d%s\n", width, r, c.Rules[r], note)
	}
}
