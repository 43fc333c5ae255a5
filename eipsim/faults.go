package eipsim

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// FaultEffect is what a fault rule does to a call it fires on.
type FaultEffect string

// The fault effects.
const (
	// FaultError refuses the call with the rule's Code before anything is
	// checked or changed.
	FaultError FaultEffect = "Error"
	// FaultLatency adds the rule's Latency to the delay of an asynchronous
	// action's completion. The asynchronous Actions are AssociateEipAddress,
	// UnassociateEipAddress, ReleaseEipAddress, CreateNatGateway,
	// DeleteNatGateway, CreateSnatEntry, DeleteSnatEntry,
	// CreateForwardEntry, DeleteForwardEntry, CreateHaVip, DeleteHaVip,
	// AssociateHaVip and UnassociateHaVip (see [WithTaskDelay]).
	FaultLatency FaultEffect = "Latency"
	// FaultStuck holds an asynchronous action's completion back: the
	// resource stays in its transitional status (an EIP Associating, an SNAT
	// entry Pending, a HaVip Associating, ...) until [Sim.ReleaseStuck] or,
	// if the rule has a Deadline, until that long after the call.
	FaultStuck FaultEffect = "Stuck"
	// FaultApplyThenFail lets the call make its change, then answers with the
	// rule's Code: a lost response. With a ClientToken, a retry replays the
	// stored success.
	FaultApplyThenFail FaultEffect = "ApplyThenFail"
)

// Fault is a fault rule: deterministic, on the Sim's clock and its seeded
// generator, it makes calls fail, slow down or get stuck. Add rules with
// [Sim.InjectFault], [WithFaults] or, in wire form, [ParseFault].
//
// Where rules act, and in which order:
//
// A call meets the hooks in this order; each hook looks only at the rules of
// its own effects, in insertion order, and the first rule that fires wins
// that hook:
//
//  1. Rate limits (see [WithRateLimit], [WithGlobalRateLimit]), like a
//     gateway in front of the service: the global bucket (Throttling), then
//     the caller's bucket for the Action (Throttling.User). A throttled call
//     reaches no fault rule and takes no tokens.
//  2. Error rules, before any validation: the call is refused with the rule's
//     code and changes nothing.
//  3. The action's own checks (parameters, existence, status, ...).
//  4. Latency and Stuck rules, when an asynchronous action (see
//     [FaultLatency]) schedules its completion. Tasks another action starts
//     as a consequence (SNAT and DNAT entries deleted by DeleteNatGateway or
//     by UnassociateEipAddress with Force=true) take the plain delay of
//     their kind: rules act only on the task of the action called.
//  5. ApplyThenFail rules, after the change was made and (with a
//     ClientToken) remembered: the caller gets the rule's error although the
//     change happened, as when a response is lost.
//
// A rule fires when everything it names matches (Action, ResourceId,
// AccountId, every Param), the clock is inside its window, it has firings
// left (Times), and, last, its probability draw succeeds. A rule that
// matches but does not fire (spent, outside its window, draw failed) lets
// the next rule be tried. Only a rule that fires counts against Times, and
// the generator is drawn from only for a probabilistic rule that got that
// far, so a run is a function of the seed and the calls. Every firing is a
// history event of kind [EventKindFault] whose Cause starts with the rule's
// ID. Probabilistic rules draw from the same generator as AllocationIds and
// RequestIds, so the IDs after a draw differ from a run without the rule;
// a replay that injects the same rules at the same points reproduces them.
//
// The zero value of each matching field matches everything. In wire form (see [ParseFault]) the fields are written
// Key=Value with the key in parentheses below.
type Fault struct {
	// Action is the Action the rule applies to (Action); empty (or "*" in
	// wire form) means every Action.
	Action Action
	// ResourceID is the resource the call names (ResourceId): the
	// AllocationId for the EIP actions; the VpcId for CreateNatGateway; the
	// SnatTableId or ForwardTableId for CreateSnatEntry and
	// CreateForwardEntry; the NatGatewayId, SnatEntryId, ForwardEntryId or
	// HaVipId for the other NAT and HaVip actions. AllocateEipAddress and
	// CreateHaVip name none, so a rule with a ResourceID never matches them.
	// Every phase matches on the same resource.
	ResourceID string
	// AccountID is the calling account (AccountId).
	AccountID string
	// Params are wire parameter predicates (Param.<Name>=<value>): the
	// request's parameter, formatted as on the wire, must equal the value.
	// An absent parameter is "" (or "false", "0" for booleans and numbers).
	Params map[string]string

	// Effect is what the rule does (Effect). Empty is inferred: FaultError
	// when Code is set, FaultLatency when Latency is.
	Effect FaultEffect
	// Code is the catalogue code of FaultError and FaultApplyThenFail
	// (Code); FaultApplyThenFail defaults to InternalError.
	Code Code
	// Latency is FaultLatency's extra completion time (Latency).
	Latency time.Duration
	// Deadline is how long after the call a FaultStuck task is released by
	// itself (Deadline); zero holds it until [Sim.ReleaseStuck].
	Deadline time.Duration

	// Times is how often the rule fires at most (Times); zero is unlimited.
	Times int
	// Probability is the chance the rule fires when it matches
	// (Probability), drawn from the Sim's seeded generator; zero or one
	// means always.
	Probability float64
	// From and Until bound the window of simulated time in which the rule
	// fires, measured from when it was injected (From, Until): it fires at
	// times t with injected+From <= t < injected+Until. Zero Until means no
	// end.
	From, Until time.Duration
}

// Fault wire keys, in canonical order.
const (
	keyAction      = "Action"
	keyResourceID  = "ResourceId"
	keyAccountID   = "AccountId"
	keyParamPrefix = "Param."
	keyEffect      = "Effect"
	keyCode        = "Code"
	keyLatency     = "Latency"
	keyDeadline    = "Deadline"
	keyTimes       = "Times"
	keyProbability = "Probability"
	keyFrom        = "From"
	keyUntil       = "Until"
)

// readActionPrefixes mark Actions that change nothing, so ApplyThenFail
// makes no sense for them.
var readActionPrefixes = []string{"Describe", "List", "Get", "Query"}

func isAsync(a Action) bool { return slices.Contains(asyncActions, a) }

// readPrefixOf is, by first letter, the read prefix that starts with it.
var readPrefixOf = func() (t [256]string) {
	for _, p := range readActionPrefixes {
		t[p[0]] = p
	}
	return t
}()

func isRead(a Action) bool {
	if a == "" {
		return false
	}
	// Each prefix has its own first letter: one table look-up and at most
	// one comparison (an Action is checked on every accepted call).
	p := readPrefixOf[a[0]]
	return p != "" && strings.HasPrefix(string(a), p)
}

// normalize fills in the inferred and default fields and returns the rule
// in the form [Fault.Args] writes, or an error saying what is wrong.
func (f Fault) normalize() (Fault, error) {
	if f.Action == "*" {
		f.Action = ""
	}
	if len(f.Params) == 0 {
		f.Params = nil
	} else {
		f.Params = cloneParams(f.Params)
	}
	if f.Probability == 1 {
		f.Probability = 0
	}
	if f.Effect == "" {
		switch {
		case f.Code != "":
			f.Effect = FaultError
		case f.Latency != 0:
			f.Effect = FaultLatency
		default:
			return f, errors.New("no effect: give Code, Latency or Effect")
		}
	}
	if f.Effect == FaultApplyThenFail && f.Code == "" {
		f.Code = CodeInternalError
	}
	return f, f.validate()
}

func (f Fault) validate() error {
	if f.Action != "" {
		if _, ok := actionTable[f.Action]; !ok {
			return fmt.Errorf("unknown Action %q", f.Action)
		}
	}
	for name := range f.Params {
		if !knownParam(f.Action, name) {
			if f.Action == "" {
				return fmt.Errorf("no Action has parameter %q", name)
			}
			return fmt.Errorf("%s has no parameter %q", f.Action, name)
		}
	}
	switch f.Effect {
	case FaultError, FaultApplyThenFail:
		if !f.Code.Known() {
			return fmt.Errorf("Code %q is not in the catalogue", string(f.Code))
		}
		if f.Latency != 0 || f.Deadline != 0 {
			return fmt.Errorf("Effect=%s takes no Latency or Deadline", f.Effect)
		}
		if f.Effect == FaultApplyThenFail && isRead(f.Action) {
			return fmt.Errorf("Effect=ApplyThenFail: %s changes nothing", f.Action)
		}
	case FaultLatency, FaultStuck:
		if f.Code != "" {
			return fmt.Errorf("Effect=%s takes no Code", f.Effect)
		}
		if f.Action != "" && !isAsync(f.Action) {
			return fmt.Errorf("Effect=%s: %s is not asynchronous (want one of %v)", f.Effect, f.Action, asyncActions)
		}
		if f.Effect == FaultLatency {
			if f.Latency <= 0 || f.Deadline != 0 {
				return errors.New("Effect=Latency wants a positive Latency and no Deadline")
			}
		} else if f.Latency != 0 || f.Deadline < 0 {
			return errors.New("Effect=Stuck takes no Latency and a Deadline of zero or more")
		}
	default:
		return fmt.Errorf("unknown Effect %q (want Error, Latency, Stuck or ApplyThenFail)", string(f.Effect))
	}
	if f.Times < 0 {
		return fmt.Errorf("negative Times %d", f.Times)
	}
	if !(f.Probability >= 0 && f.Probability <= 1) {
		return fmt.Errorf("Probability %v is not in [0, 1]", f.Probability)
	}
	if f.From < 0 || f.Until < 0 {
		return errors.New("negative From or Until")
	}
	if f.Until != 0 && f.Until <= f.From {
		return fmt.Errorf("Until %v is not after From %v", f.Until, f.From)
	}
	for _, d := range []struct {
		name string
		d    time.Duration
	}{{keyLatency, f.Latency}, {keyDeadline, f.Deadline}, {"From", f.From}, {"Until", f.Until}} {
		if d.d > MaxDelay {
			return fmt.Errorf("%s %v is longer than the limit %v (10 years)", d.name, d.d, MaxDelay)
		}
	}
	return nil
}

// knownParam reports whether action (any action when "") has the wire
// parameter name.
func knownParam(action Action, name string) bool {
	if action != "" {
		ps, _ := ActionParams(action)
		return slices.Contains(ps, name)
	}
	for a := range actionTable {
		if ps, _ := ActionParams(a); slices.Contains(ps, name) {
			return true
		}
	}
	return false
}

func cloneParams(p map[string]string) map[string]string {
	out := make(map[string]string, len(p))
	for k, v := range p {
		out[k] = v
	}
	return out
}

// ParseFault builds a rule from wire-style arguments, the form scenario
// files (inject-fault Action=AssociateEipAddress Code=InternalError
// Times=2), fault files and recorders use. The keys are:
//
//	Action=<Action>|*           the Action (default: every Action)
//	ResourceId=<id>             the resource the call names
//	AccountId=<id>              the calling account
//	Param.<Name>=<value>        a wire parameter's value, e.g. Param.InstanceId=i-0001
//	Effect=Error|Latency|Stuck|ApplyThenFail
//	                            default: Error with Code, Latency with Latency
//	Code=<catalogue code>       for Error and ApplyThenFail (default InternalError)
//	Latency=<duration>          for Latency, e.g. 5s, 1m30s
//	Deadline=<duration>         for Stuck: released by itself this long after the call
//	Times=<n>                   fire at most n times (default: unlimited)
//	Probability=<p>             fire with probability p in [0, 1] (default: always)
//	From=<duration>             window start, after injection (default 0)
//	Until=<duration>            window end, after injection (default: none)
//
// Keys are case-sensitive; an unknown key is an error. A value that starts
// with a double quote is a Go quoted string (so values with spaces survive a
// line); [Fault.Args] quotes only such values. The rule is checked as
// [Sim.InjectFault] checks it.
func ParseFault(args map[string]string) (Fault, error) {
	var f Fault
	for _, k := range sortedKeys(args) {
		v, err := unquoteValue(args[k])
		if err != nil {
			return Fault{}, fmt.Errorf("eipsim: fault: %s: %v", k, err)
		}
		if err := f.set(k, v); err != nil {
			return Fault{}, fmt.Errorf("eipsim: fault: %s=%s: %v", k, args[k], err)
		}
	}
	f, err := f.normalize()
	if err != nil {
		return Fault{}, fmt.Errorf("eipsim: fault %s: %v", joinArgs(args), err)
	}
	return f, nil
}

func (f *Fault) set(k, v string) error {
	var err error
	switch k {
	case keyAction:
		f.Action = Action(v)
	case keyResourceID:
		f.ResourceID = v
	case keyAccountID:
		f.AccountID = v
	case keyEffect:
		f.Effect = FaultEffect(v)
	case keyCode:
		f.Code = Code(v)
	case keyLatency:
		f.Latency, err = parseDuration(v)
	case keyDeadline:
		f.Deadline, err = parseDuration(v)
	case keyFrom:
		f.From, err = parseDuration(v)
	case keyUntil:
		f.Until, err = parseDuration(v)
	case keyTimes:
		f.Times, err = strconv.Atoi(v)
		if err == nil && f.Times < 0 {
			err = errors.New("negative")
		}
	case keyProbability:
		f.Probability, err = strconv.ParseFloat(v, 64)
		if err == nil && !(f.Probability >= 0 && f.Probability <= 1) {
			err = errors.New("not in [0, 1]")
		}
	default:
		name, ok := strings.CutPrefix(k, keyParamPrefix)
		if !ok || name == "" {
			return errors.New("unknown key")
		}
		if f.Params == nil {
			f.Params = map[string]string{}
		}
		f.Params[name] = v
	}
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) {
			err = ne.Err
		}
	}
	return err
}

func parseDuration(v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, errors.New("not a duration (want e.g. 500ms, 3s, 1m30s)")
	}
	if d < 0 {
		return 0, errors.New("negative duration")
	}
	return d, nil
}

func unquoteValue(v string) (string, error) {
	if !strings.HasPrefix(v, `"`) {
		return v, nil
	}
	u, err := strconv.Unquote(v)
	if err != nil {
		return "", fmt.Errorf("bad quoted value %s", v)
	}
	return u, nil
}

// quoteValue quotes v if it would not read back as itself unquoted.
func quoteValue(v string) string {
	if v == "" || strings.ContainsAny(v, " \t\r\n\v\f") || strings.HasPrefix(v, `"`) || !utf8.ValidString(v) {
		return strconv.Quote(v)
	}
	if q := strconv.Quote(v); q[1:len(q)-1] != v {
		return q
	}
	return v
}

func joinArgs(args map[string]string) string {
	var b strings.Builder
	for i, k := range sortedKeys(args) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k + "=" + args[k])
	}
	return b.String()
}

// Args returns the rule in canonical wire form, one Key=Value per element,
// in a fixed order (Action, ResourceId, AccountId, Param.* by name, Effect,
// Code, Latency, Deadline, Times, Probability, From, Until), leaving out
// defaults. Effect is left out when it is inferred (Error with a Code,
// Latency with a Latency). [ParseFault] reads it back to the same rule, so a
// recorder writes "inject-fault " + strings.Join(f.Args(), " "). Args of a
// rule that does not validate is best effort.
func (f Fault) Args() []string {
	if n, err := f.normalize(); err == nil {
		f = n
	}
	var out []string
	add := func(k, v string) { out = append(out, k+"="+quoteValue(v)) }
	if f.Action != "" {
		add(keyAction, string(f.Action))
	}
	if f.ResourceID != "" {
		add(keyResourceID, f.ResourceID)
	}
	if f.AccountID != "" {
		add(keyAccountID, f.AccountID)
	}
	for _, k := range sortedKeys(f.Params) {
		add(keyParamPrefix+k, f.Params[k])
	}
	if f.Effect != FaultError && f.Effect != FaultLatency {
		add(keyEffect, string(f.Effect))
	}
	if f.Code != "" {
		add(keyCode, string(f.Code))
	}
	if f.Latency != 0 {
		add(keyLatency, f.Latency.String())
	}
	if f.Deadline != 0 {
		add(keyDeadline, f.Deadline.String())
	}
	if f.Times != 0 {
		add(keyTimes, strconv.Itoa(f.Times))
	}
	if f.Probability != 0 {
		add(keyProbability, strconv.FormatFloat(f.Probability, 'g', -1, 64))
	}
	if f.From != 0 {
		add(keyFrom, f.From.String())
	}
	if f.Until != 0 {
		add(keyUntil, f.Until.String())
	}
	return out
}

// String is the rule's Args joined by spaces.
func (f Fault) String() string { return strings.Join(f.Args(), " ") }

// faultCommand is the scenario command a fault line may start with.
const faultCommand = "inject-fault"

// ParseFaultLine parses one rule written as space-separated Key=Value
// arguments (see [ParseFault]), optionally after the word inject-fault, so
// a scenario line can be pasted into a fault file and back. A value may be
// a Go quoted string, which may contain spaces.
func ParseFaultLine(line string) (Fault, error) {
	args, err := splitFaultLine(line)
	if err != nil {
		return Fault{}, fmt.Errorf("eipsim: fault: %v", err)
	}
	return ParseFault(args)
}

func splitFaultLine(line string) (map[string]string, error) {
	args := map[string]string{}
	first := true
	for {
		line = strings.TrimLeft(line, " \t\r\n")
		if line == "" {
			return args, nil
		}
		eq := strings.IndexByte(line, '=')
		sp := strings.IndexAny(line, " \t\r\n")
		if eq < 0 || sp >= 0 && sp < eq {
			word := line
			if sp >= 0 {
				word = line[:sp]
			}
			if first && word == faultCommand {
				line = line[len(word):]
				first = false
				continue
			}
			return nil, fmt.Errorf("%q is not Key=Value", word)
		}
		first = false
		key := line[:eq]
		if key == "" {
			return nil, errors.New("empty key")
		}
		line = line[eq+1:]
		var val string
		if strings.HasPrefix(line, `"`) {
			n, err := quotedLen(line)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", key, err)
			}
			val, line = line[:n], line[n:]
			if line != "" && !strings.ContainsAny(line[:1], " \t\r\n") {
				return nil, fmt.Errorf("%s: text after the closing quote", key)
			}
		} else {
			end := strings.IndexAny(line, " \t\r\n")
			if end < 0 {
				end = len(line)
			}
			val, line = line[:end], line[end:]
		}
		if _, dup := args[key]; dup {
			return nil, fmt.Errorf("%s given twice", key)
		}
		args[key] = val
	}
}

// quotedLen returns the length of the Go quoted string s starts with.
func quotedLen(s string) (int, error) {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1, nil
		}
	}
	return 0, errors.New("unterminated quoted value")
}

// ParseFaultFile reads a fault file, the format of eipsim serve -faults:
// one rule per line as for [ParseFaultLine]; blank lines and lines whose
// first non-blank character is # are ignored. Errors name the line.
func ParseFaultFile(r io.Reader) ([]Fault, error) {
	var out []Fault
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f, err := ParseFaultLine(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, f)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	return out, nil
}

// FaultHandle names an injected rule; pass it to [Sim.RemoveFault].
type FaultHandle struct{ id uint64 }

// ID returns the rule's ID, "f-0001" for the first rule a Sim took; history
// events of the rule's firings carry it at the start of their Cause.
func (h FaultHandle) ID() string {
	if h.id == 0 {
		return ""
	}
	return faultID(h.id)
}

func faultID(n uint64) string { return "f-" + pad4(n) }

// InjectedFault is a value snapshot of an injected rule.
type InjectedFault struct {
	ID    string
	Fault Fault
	// Injected is the simulated time the rule was injected at; its window
	// is measured from it.
	Injected time.Time
	// Fired counts the rule's firings; a rule with Times is spent once
	// Fired reaches it.
	Fired int
}

// InjectFault adds a rule after the ones already there (see the order in
// this file's documentation) and returns its handle. An invalid rule gives
// an error and changes nothing.
func (s *Sim) InjectFault(f Fault) (h FaultHandle, err error) {
	nf, err := f.normalize()
	if err != nil {
		return FaultHandle{}, fmt.Errorf("eipsim: InjectFault %s: %v", f, err)
	}
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "InjectFault", &h, nf)(nil)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	s.settle(now)
	s.changed()
	return s.hooks.add(nf, now), nil
}

// RemoveFault removes an injected rule; it reports whether the rule was
// still there. Tasks a Stuck rule holds stay stuck until [Sim.ReleaseStuck]
// or their deadline.
func (s *Sim) RemoveFault(h FaultHandle) (removed bool) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "RemoveFault", &removed, h)(nil)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	removed = s.hooks.remove(h.id)
	if removed {
		s.changed()
	}
	return removed
}

// ClearFaults removes every injected rule.
func (s *Sim) ClearFaults() {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "ClearFaults", nil)(nil)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	if len(s.hooks.rules) > 0 {
		s.changed()
	}
	s.hooks.rules = nil
	s.hooks.reindex()
}

// Faults returns the injected rules in the order they are tried, spent ones
// included.
func (s *Sim) Faults() []InjectedFault {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.clock.Now())
	out := make([]InjectedFault, len(s.hooks.rules))
	for i, r := range s.hooks.rules {
		out[i] = InjectedFault{ID: faultID(r.id), Fault: r.f, Injected: time.Unix(0, r.injected).UTC(), Fired: r.fired}
		out[i].Fault.Params = cloneParamsOrNil(r.f.Params)
	}
	return out
}

func cloneParamsOrNil(p map[string]string) map[string]string {
	if p == nil {
		return nil
	}
	return cloneParams(p)
}

// ReleaseStuck releases the tasks that Stuck rules hold on resourceID (on
// every resource when it is ""): those whose call named it (see
// [Fault.ResourceID]) and those that change it, so a CreateSnatEntry held
// back is released by its table's ID or by the new entry's. Each applies at the later of its normal
// due time and now, so one already overdue applies before ReleaseStuck
// returns. It returns how many tasks it released. While held without a
// deadline, a task's Due in [Sim.Tasks] is the largest time there is; with
// a deadline, it is the deadline.
func (s *Sim) ReleaseStuck(resourceID string) (n int) {
	if s.jr != nil { // journal.go
		defer s.jr.setup(s, "ReleaseStuck", &n, resourceID)(nil)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	s.settle(now)
	n = s.releaseStuck(resourceID, now)
	if n > 0 {
		s.changed()
	}
	s.settle(now)
	return n
}

// WithFaults injects rules when the Sim is created, in order, as
// [Sim.InjectFault] would at the clock's time then (what eipsim serve
// -faults FILE does with [ParseFaultFile]'s rules). Default: none.
func WithFaults(faults ...Fault) Option {
	return func(cfg *config) error {
		for _, f := range faults {
			nf, err := f.normalize()
			if err != nil {
				return fmt.Errorf("eipsim: WithFaults %s: %v", f, err)
			}
			cfg.faults = append(cfg.faults, nf)
		}
		return nil
	}
}

// noDeadline marks a stuck task released only by ReleaseStuck.
const noDeadline = math.MaxInt64
