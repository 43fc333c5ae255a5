package control

import (
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// The JSON bodies of the control API, shared by [Server] and [Client].

// ResetRequest is the body of POST reset; every field is optional. A nil
// Seed keeps the options' seed. RateLimits (per Action, in the new-sim
// rate-limit form "AssociateEipAddress:2/1s[:Burst]", "*" for every
// Action) and GlobalRateLimit ("100/1s") are added to the options of this
// run only; the next reset starts from the options again.
type ResetRequest struct {
	Seed            *uint64  `json:"seed,omitempty"`
	RateLimits      []string `json:"rateLimits,omitempty"`
	GlobalRateLimit string   `json:"globalRateLimit,omitempty"`
}

// ClockState is the answer of the clock endpoints.
type ClockState struct {
	Now    time.Time `json:"now"`
	Manual bool      `json:"manual"`
}

// AdvanceRequest is the body of POST clock/advance: a Go duration ("3s").
type AdvanceRequest struct {
	By string `json:"by"`
}

// SetClockRequest is the body of POST clock/set: a time at or after now.
type SetClockRequest struct {
	To time.Time `json:"to"`
}

// FaultRule is one injected rule: its ID, the rule in the inject-fault
// Key=Value form (eipsim.ParseFaultLine reads it), and its state.
type FaultRule struct {
	ID       string    `json:"id"`
	Rule     string    `json:"rule"`
	Injected time.Time `json:"injected"`
	Fired    int       `json:"fired"`
}

// InjectRequest is the body of POST faults: exactly one of Rule (one rule
// in the Key=Value form, as in eipsim serve -faults), Rules (several), or
// Args (one rule as a JSON object of its Key=Value pairs, eipsim.ParseFault).
type InjectRequest struct {
	Rule  string            `json:"rule,omitempty"`
	Rules []string          `json:"rules,omitempty"`
	Args  map[string]string `json:"args,omitempty"`
}

// InjectResponse gives the IDs of the injected rules, in order.
type InjectResponse struct {
	IDs []string `json:"ids"`
}

// RemoveResponse says whether DELETE faults/ID found the rule.
type RemoveResponse struct {
	Removed bool `json:"removed"`
}

// ReleaseStuckRequest is the body of POST faults/release-stuck; an empty
// ResourceID releases every stuck task.
type ReleaseStuckRequest struct {
	ResourceID string `json:"resourceId,omitempty"`
}

// ReleaseStuckResponse says how many stuck tasks were released.
type ReleaseStuckResponse struct {
	Released int `json:"released"`
}

// RateLimits is the answer of GET and POST ratelimits, and the body of
// POST ratelimits, in the new-sim rate-limit form: Limits per Action
// ("AssociateEipAddress:2/1s[:Burst]", "*" for every Action without its
// own), Global for all calls together ("100/1s"). POST sets (or replaces)
// the limits it names and keeps the others; it checks every limit before
// it sets any.
type RateLimits struct {
	Limits []string `json:"limits"`
	Global string   `json:"global,omitempty"`
}

// State is every resource of the Sim, as the engine's typed accessors give
// them (status, binding, locks, tags): GET state. The resources' JSON keys
// are the cloud's spelling (AllocationId, IpAddress, NatGatewayId, ...).
type State struct {
	Now               time.Time                 `json:"now"`
	Version           uint64                    `json:"version"`
	EIPs              []eipsim.EIP              `json:"eips"`
	VPCs              []eipsim.VPC              `json:"vpcs"`
	Instances         []eipsim.Instance         `json:"instances"`
	LoadBalancers     []eipsim.LoadBalancer     `json:"loadBalancers"`
	NetworkInterfaces []eipsim.NetworkInterface `json:"networkInterfaces"`
	NatGateways       []eipsim.NatGateway       `json:"natGateways"`
	HaVips            []eipsim.HaVip            `json:"haVips"`
}

// TasksResponse lists the pending tasks, soonest first.
type TasksResponse struct {
	Now   time.Time     `json:"now"`
	Tasks []eipsim.Task `json:"tasks"`
}

// HistoryResponse lists the events after the asked sequence number; Seq is
// the newest one's, to ask from next time.
type HistoryResponse struct {
	Seq    uint64         `json:"seq"`
	Events []eipsim.Event `json:"events"`
}

// VersionResponse is the Sim's change counter (eipsim.Sim.Version) and the
// run's number (1 from start, one more per reset), so that a poller sees a
// reset even when the new Sim's counter happens to equal the old one's.
type VersionResponse struct {
	Version uint64 `json:"version"`
	Run     int    `json:"run"`
}

// CheckResponse is the invariant check; Violations is the check's text
// when OK is false.
type CheckResponse struct {
	OK         bool   `json:"ok"`
	Violations string `json:"violations,omitempty"`
}

// ScenarioResponse is the posted scenario with each command's actual
// output, as a scenario file.
type ScenarioResponse struct {
	Output string `json:"output"`
}

// ErrorResponse is every refused control call's body.
type ErrorResponse struct {
	Error string `json:"error"`
}
