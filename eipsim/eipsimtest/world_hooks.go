package eipsimtest

import (
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// The rate limits and fault rules a World draws: deterministic ones only
// (no Probability), on the Actions the generators call, so that the model
// predicts every refusal, extra delay and lost response (model_hooks.go).
// The Describe calls Check makes on every gateway's tables
// (DescribeSnatTableEntries, DescribeForwardTableEntries) are never
// faulted, and limited only by the limit of every Action and the global
// one (world_global.go), which the model predicts for them too.
var (
	limitedActions = []eipsim.Action{eipsim.ActionAssociateEipAddress, eipsim.ActionAllocateEipAddress, eipsim.ActionUnassociateEipAddress,
		eipsim.ActionDescribeEipAddresses, eipsim.ActionModifyEipAddressAttribute, eipsim.ActionCreateSnatEntry, eipsim.ActionCreateForwardEntry,
		eipsim.ActionTagResources, eipsim.ActionCreateHaVip, eipsim.ActionDescribeNatGateways, eipsim.ActionDescribeHaVips,
		"" /* every Action without a limit of its own, Check's Describes included */}
	limitPers    = []time.Duration{time.Second, 3 * time.Second, 10 * time.Second}
	errorActions = []eipsim.Action{eipsim.ActionAssociateEipAddress, eipsim.ActionAllocateEipAddress, eipsim.ActionUnassociateEipAddress,
		eipsim.ActionReleaseEipAddress, eipsim.ActionDescribeEipAddresses, eipsim.ActionCreateNatGateway, eipsim.ActionCreateSnatEntry,
		eipsim.ActionDeleteForwardEntry, eipsim.ActionCreateHaVip, eipsim.ActionDescribeHaVips, eipsim.ActionTagResources}
	errorCodes = []eipsim.Code{eipsim.CodeInternalError, eipsim.CodeServiceUnavailable, eipsim.CodeOperationFailedSystemBusy,
		eipsim.CodeThrottling, eipsim.CodeLastTokenProcessing}
	// latencyActions are asynchronous Actions whose task the model dates
	// with the rule's Latency (model.taskDue).
	latencyActions = []eipsim.Action{eipsim.ActionAssociateEipAddress, eipsim.ActionUnassociateEipAddress, eipsim.ActionReleaseEipAddress,
		eipsim.ActionCreateNatGateway, eipsim.ActionDeleteNatGateway, eipsim.ActionCreateSnatEntry, eipsim.ActionDeleteSnatEntry,
		eipsim.ActionCreateHaVip, eipsim.ActionAssociateHaVip}
	// applyThenFailActions change state and create nothing the model must
	// learn the ID of from the response (an AllocationId it predicts);
	// a lost answer's ClientToken replays the success (Machine.lostAnswer).
	applyThenFailActions = []eipsim.Action{eipsim.ActionAssociateEipAddress, eipsim.ActionUnassociateEipAddress, eipsim.ActionAllocateEipAddress,
		eipsim.ActionReleaseEipAddress, eipsim.ActionModifyEipAddressAttribute, eipsim.ActionDeleteNatGateway, eipsim.ActionDeleteSnatEntry,
		eipsim.ActionDeleteForwardEntry, eipsim.ActionDeleteHaVip, eipsim.ActionAssociateHaVip, eipsim.ActionUnassociateHaVip,
		eipsim.ActionTagResources, eipsim.ActionUnTagResources}
)

// drawHooks draws a World's rate limits (none half of the time, one or two
// otherwise) and fault rules (none a quarter of the time, one or two).
func drawHooks(d Driver) ([]ActionLimit, []eipsim.Fault) {
	var limits []ActionLimit
	for range []int{0, 0, 1, 2}[d.Int(0, 3, "rate-limits")] {
		a := pick(d, limitedActions, "rate-limit-action")
		dup := false
		for _, l := range limits {
			dup = dup || l.Action == a
		}
		if dup {
			continue
		}
		limits = append(limits, ActionLimit{a, eipsim.RateLimit{Requests: d.Int(1, 2, "rate-limit-requests"),
			Per: pick(d, limitPers, "rate-limit-per"), Burst: d.Int(0, 3, "rate-limit-burst")}})
	}
	var faults []eipsim.Fault
	for range []int{0, 1, 2, 2}[d.Int(0, 3, "faults")] {
		var f eipsim.Fault
		switch d.Int(0, 3, "fault-effect") {
		case 0, 1:
			f = eipsim.Fault{Action: pick(d, errorActions, "fault-action"), Effect: eipsim.FaultError, Code: pick(d, errorCodes, "fault-code")}
		case 2:
			f = eipsim.Fault{Action: pick(d, latencyActions, "fault-action"), Effect: eipsim.FaultLatency,
				Latency: time.Duration(d.Int(1, 5, "fault-latency")) * time.Second}
			if d.Int(0, 1, "fault-stuck") == 1 {
				// Stuck with a Deadline: held in its transitional status
				// until then (ReleaseStuck is not drawn).
				f.Effect, f.Latency, f.Deadline = eipsim.FaultStuck, 0, time.Duration(d.Int(1, 30, "fault-deadline"))*time.Second
			}
		default:
			// AssociateEipAddress half of the time: the lost answer a
			// ClientToken retry recovers from.
			f = eipsim.Fault{Action: usually(d, applyThenFailActions, "fault-action"), Effect: eipsim.FaultApplyThenFail,
				Code: pick(d, errorCodes[:2], "fault-code")}
		}
		if f.Effect != eipsim.FaultLatency && d.Int(0, 2, "fault-account") == 2 {
			f.AccountID = Accounts[1]
		}
		// A rule without a window fires one to three times; one with a
		// window may fire every time inside it.
		f.Times = d.Int(1, 5, "fault-times")
		if d.Int(0, 1, "fault-window") == 1 {
			f.Times = d.Int(0, 3, "fault-times")
			f.From = time.Duration(d.Int(0, 10, "fault-from")) * time.Second
			f.Until = f.From + time.Duration(d.Int(1, 20, "fault-until"))*time.Second
		}
		faults = append(faults, f)
	}
	return limits, faults
}
