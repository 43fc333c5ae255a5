package eipsimtest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"pgregory.net/rapid"

	"github.com/eipsim/eipsim/eipsim"
)

// Machine runs operations on a Sim and on an independent reference model
// side by side, and fails as soon as they disagree: on a response code, a
// replayed response, a Describe page, or any observable state (EIPs, their
// bindings, tasks and due times, instances, load balancers, ENIs). It also
// checks the Sim's own invariants after every operation, that a refused call
// or a ClientToken replay changes nothing, and that replaying the same
// operations on a new Sim gives the same history.
//
// Every operation is logged as a scenario line; on failure the log, with the
// world's set-up lines first, is handed to OnFail.
type Machine struct {
	// OnFail, if set, receives every failure before the driver is failed.
	OnFail func(*Failure)

	world World
	clk   *Clock
	sim   *eipsim.Sim
	m     *model
	ops   []Op
	// checkOps are the Describe calls Check makes, after how many of ops,
	// which the determinism shadow makes too.
	checkOps []checkOp
	// last is the index in ops of the last cloud call, for retries; -1
	// before any.
	last int
	ips  map[string]string
	// rids are the RequestIds of the answers so far.
	rids map[string]struct{}
	// shadow is a second Sim built from the same world, which replays the
	// operations lazily for the determinism check; shadowOps of them so far.
	shadow    *eipsim.Sim
	shadowClk *Clock
	shadowOps int
	// shadowChecks of checkOps the shadow has made.
	shadowChecks int
	// shadowSeq is how far the two histories are known to agree.
	shadowSeq uint64
	// checked is set by the first full comparison of Check, which saw the
	// Sim at checkedVersion; dirty is set when the model changes, by an
	// accepted operation or a completion (model.changes, at changesSeen).
	// While neither the Sim nor the model changes, Check has nothing new
	// to compare; skipped counts those Checks, to compare anyway every
	// fullEvery.
	checked        bool
	checkedVersion uint64
	dirty          bool
	changesSeen    int
	skipped        int
	// Buffers Check reuses.
	seen                map[string]string
	bound               map[string]int
	wantTasks, gotTasks []dueTask
	eipIndex            map[string]*eipsim.EIP
	gwBuf               []*mGateway
	hvBuf               []*mHaVip
	// failing is set once a failure is reported, so that the driver's own
	// panic passes through Run's recover untouched.
	failing bool
	// cov, when set, counts the codes answered and the rules the model
	// applied (coverage.go; the model shares it).
	cov *Coverage
}

// fullEvery bounds the run of Checks skipped because nothing changed: a
// backstop in case the Sim changes without its Version saying so (which
// TestVersionCoversState looks for).
const fullEvery = 8

// checkOp is a Describe call of Check, made after the first after ops.
type checkOp struct {
	after int
	op    Op
}

// Failure is a property failure: what went wrong and the operations that
// led there, as scenario lines.
type Failure struct {
	Message string
	Lines   []string
	Steps   int // operations after the set-up
	// World and Ops are the run: replaying Ops on World's Sim reproduces it.
	World World
	Ops   []Op
}

// NewMachine builds w's Sim on a fresh [Clock] and its model.
func NewMachine(w World) (*Machine, error) {
	clk := NewClock()
	sim, err := w.Build(clk)
	if err != nil {
		return nil, err
	}
	m := newModel(w, clk.Now(), sim.Regions())
	for _, h := range sim.HaVips() { // the world's HaVips: the Sim assigned their addresses
		if mh := m.havip(h.HaVipID); mh != nil {
			mh.ip = h.IPAddress
		}
	}
	return &Machine{world: w, clk: clk, sim: sim, m: m, ips: map[string]string{}, last: -1}, nil
}

// Sim returns the machine's Sim.
func (mc *Machine) Sim() *eipsim.Sim { return mc.sim }

// Lines returns the run so far as a scenario: set-up lines, then one line
// per operation, each followed by an empty expected output (fill them in
// with `eipsim run -rewrite`).
func (mc *Machine) Lines() []string {
	out := mc.world.Lines(max(mc.m.allocations, len(mc.ips))) // the Sim may have allocated more
	for _, op := range mc.ops {
		out = append(out, op.String())
	}
	return out
}

func (mc *Machine) fail(d Driver, format string, args ...any) {
	mc.failing = true
	f := &Failure{Message: fmt.Sprintf(format, args...), Lines: mc.Lines(), Steps: len(mc.ops), World: mc.world, Ops: slices.Clone(mc.ops)}
	if mc.OnFail != nil {
		mc.OnFail(f)
	}
	d.Fatalf("%s\nafter %d operations:\n  %s", f.Message, f.Steps, strings.Join(f.Lines, "\n  "))
}

// kinds are the operation families, in the order Step draws them.
var kinds = []string{"allocate", "associate", "unassociate", "advance", "describe", "release", "modify", "lock", "retry", "retry-changed", "retry-token", "world", "determinism", "nat", "nat-bind", "entry", "havip", "tag", "eni", "listing", "bind"}

// Step draws one operation and runs it, then checks the invariants.
func (mc *Machine) Step(d Driver) {
	mc.Do(d, pick(d, kinds, "op"))
	mc.Check(d)
}

// Actions returns the machine's operations as rapid actions, with Check as
// the "" invariant, for [rapid.T.Repeat]. Advance and associate are
// and describe are registered twice, to run more often.
//
// With a non-nil t, each operation family but advance is enabled or not by
// a draw from t ("swarm testing": a case that only allocates, describes and
// advances reaches a quota or paging edge far sooner than one that spreads
// its steps over every family).
func (mc *Machine) Actions(t *rapid.T) map[string]func(*rapid.T) {
	acts := map[string]func(*rapid.T){"": func(t *rapid.T) { mc.Check(RapidDriver(t)) }}
	for _, k := range kinds {
		if t != nil && k != "advance" && rapid.IntRange(0, 2).Draw(t, "disable-"+k) == 2 {
			continue
		}
		acts[k] = func(t *rapid.T) { mc.Do(RapidDriver(t), k) }
		if doubled(k) {
			acts[k+"-2"] = acts[k]
		}
	}
	return acts
}

// Do draws an operation of one family and runs it.
func (mc *Machine) Do(d Driver, kind string) {
	switch kind {
	case "determinism":
		mc.checkDeterminism(d)
		return
	case "entry":
		mc.doEntry(d)
		return
	case "retry-token":
		if op, ok := mc.retryToken(d); ok {
			mc.Run(d, op)
			return
		}
		kind = "allocate"
	case "retry", "retry-changed":
		if mc.last < 0 {
			kind = "allocate"
			break
		}
		op := mc.ops[mc.last]
		if kind == "retry-changed" {
			mc.change(d, &op)
		}
		mc.Run(d, op)
		return
	}
	op := mc.draw(d, kind)
	blankRequired(d, &op)
	mc.Run(d, op)
}

// Run runs op on the Sim and the model and compares them.
func (mc *Machine) Run(d Driver, op Op) {
	defer func() {
		if r := recover(); r != nil {
			if mc.failing {
				panic(r)
			}
			mc.fail(d, "%s: panic: %v", op, r)
		}
	}()
	mc.ops = append(mc.ops, op)
	if op.Cmd[0] >= 'A' && op.Cmd[0] <= 'Z' {
		mc.last = len(mc.ops) - 1
		mc.runCall(d, op)
		return
	}
	before := mc.sim.Version()
	refused := mc.m.harness(op)
	_, err := Apply(context.Background(), mc.sim, mc.clk, op)
	if (err != nil) != refused {
		mc.fail(d, "%s: got error %v, model expects refused=%v", op, err, refused)
	}
	if !refused {
		mc.dirty = true
	} else if after := mc.sim.Version(); after != before {
		mc.fail(d, "%s: refused (%v) but changed the state: Version %d, then %d", op, err, before, after)
	}
}

func (mc *Machine) runCall(d Driver, op Op) {
	// A refused call, a Describe or a replay must change nothing, and an
	// accepted write must change something: the Sim's Version says which
	// (Check compares the whole state with the model's when either
	// changed).
	before := mc.sim.Version()
	w := mc.m.call(op)
	if !w.refused {
		mc.dirty = true
	}
	resp, err := Apply(context.Background(), mc.sim, mc.clk, op)
	after := mc.sim.Version()
	code := ""
	if err != nil {
		var e *eipsim.Error
		if !errors.As(err, &e) {
			mc.fail(d, "%s: error %v is not an *eipsim.Error", op, err)
		}
		code = string(e.Code)
	}
	if code != w.code {
		mc.fail(d, "%s: got code %q (%v), model expects %q", op, code, err, w.code)
	}
	mc.cov.code(code)
	if e := (*eipsim.Error)(nil); errors.As(err, &e) {
		mc.checkRequestID(d, op, want{}, e.RequestID)
		if bad := answerMismatch(op.Cmd, w, e); bad != "" {
			mc.fail(d, "%s: %s: %s", op, code, bad)
		}
		if w.lost {
			mc.lostAnswer(d, op, w, e)
		}
	}
	if w.refused && after != before {
		mc.fail(d, "%s: changed the state (Version %d, then %d), the model expects no change (code %q, replay %v)", op, before, after, code, w.replay)
	}
	if !w.refused && after == before {
		mc.fail(d, "%s: accepted, but the Sim's Version stayed %d", op, before)
	}
	if err != nil {
		return
	}
	mc.checkAnswer(d, op, w, resp)
}

// checkReplay: a replay returns the first call's RequestId; a first call's
// RequestId is what later replays must return.
func (mc *Machine) checkReplay(d Driver, op Op, w want, rid string) {
	if w.replay {
		if rid != w.resp {
			mc.fail(d, "%s: replay returned RequestId %s, first call had %s", op, rid, w.resp)
		}
		return
	}
	if op.ClientToken != "" {
		mc.m.tokens[[3]string{mc.m.account(op), op.Cmd, op.ClientToken}].resp = rid
	}
}

// Check compares every observable state of the Sim with the model's and
// checks the Sim's invariants. When neither changed since the last
// comparison (the Sim's Version is the same, the model accepted no
// operation and completed nothing), there is nothing new to compare, and
// Check skips the comparison (but makes it at least every fullEvery
// Checks).
func (mc *Machine) Check(d Driver) {
	m, sim := mc.m, mc.sim
	now := mc.clk.Now()
	m.now = now
	m.settle()
	version := sim.Version()
	if m.changes != mc.changesSeen {
		mc.changesSeen, mc.dirty = m.changes, true
	}
	if mc.checked && !mc.dirty && version == mc.checkedVersion && mc.skipped < fullEvery-1 {
		mc.skipped++
		return
	}
	mc.checked, mc.checkedVersion, mc.dirty, mc.skipped = true, version, false, 0
	if err := sim.CheckInvariants(); err != nil {
		mc.fail(d, "CheckInvariants: %v", err)
	}
	got := sim.EIPs()
	if len(got) != len(m.eips) {
		mc.fail(d, "the Sim has %d EIPs, the model %d (allocated %d)", len(got), len(m.eips), m.allocations)
	}
	if mc.seen == nil {
		mc.seen, mc.bound = map[string]string{}, map[string]int{}
	}
	seen, bound := mc.seen, mc.bound
	clear(seen)
	clear(bound)
	for i := range got {
		g, e := &got[i], m.eips[i]
		v := m.eipView(e)
		if !sameEIP(g, &v) {
			mc.fail(d, "EIP %d differs:\nsim:   %+v\nmodel: %+v", i, *g, v)
		}
		if other, dup := seen[g.IPAddress]; dup {
			mc.fail(d, "EIPs %s and %s share address %s", other, g.AllocationID, g.IPAddress)
		}
		seen[g.IPAddress] = g.AllocationID
		if (g.InstanceID != "") != (g.Status == eipsim.StatusAssociating || g.Status == eipsim.StatusInUse || g.Status == eipsim.StatusUnassociating) {
			mc.fail(d, "EIP %s is %s with InstanceId %q", g.AllocationID, g.Status, g.InstanceID)
		}
		if g.InstanceID != "" {
			bound[g.AllocationID] = 0
		}
	}
	want := mc.wantTasks[:0]
	for _, e := range m.eips {
		if !e.due.IsZero() {
			want = append(want, dueTask{e.id, e.due.UnixNano()})
		}
	}
	for _, in := range m.instances {
		if in.then != "" && !in.gone {
			want = append(want, dueTask{in.id, in.thenAt.UnixNano()})
		}
	}
	for _, g := range m.gateways {
		if !g.gone {
			if !g.due.IsZero() {
				want = append(want, dueTask{g.id, g.due.UnixNano()})
			}
			for _, x := range g.entries {
				if !x.due.IsZero() {
					want = append(want, dueTask{x.id, x.due.UnixNano()})
				}
			}
		}
	}
	for _, h := range m.havips {
		if !h.gone && !h.due.IsZero() {
			want = append(want, dueTask{h.id, h.due.UnixNano()})
		}
	}
	have := mc.gotTasks[:0]
	for _, t := range sim.Tasks() {
		if !t.Due.After(now) {
			mc.fail(d, "task %s of %s is due at %v, not after now %v", t.ID, t.ResourceID, t.Due, now)
		}
		have = append(have, dueTask{t.ResourceID, t.Due.UnixNano()})
	}
	slices.SortFunc(want, dueTask.compare)
	slices.SortFunc(have, dueTask.compare)
	mc.wantTasks, mc.gotTasks = want, have
	if !slices.Equal(have, want) {
		mc.fail(d, "pending tasks differ:\nsim:   %v\nmodel: %v", have, want)
	}
	holds := func(kind, id, eip string) {
		if eip != "" {
			bound[eip]++
			if bound[eip] > 1 {
				mc.fail(d, "EIP %s is held by more than one target (%s %s is another)", eip, kind, id)
			}
		}
	}
	ins, lbs, enis := sim.Instances(), sim.LoadBalancers(), sim.NetworkInterfaces()
	for _, in := range ins {
		holds("instance", in.InstanceID, in.AllocationID)
	}
	for _, lb := range lbs {
		holds("load balancer", lb.LoadBalancerID, lb.AllocationID)
	}
	for _, n := range enis {
		for _, id := range n.AllocationIDs {
			holds("ENI", n.NetworkInterfaceID, id)
		}
		limit := len(n.PrivateIPAddresses)
		if len(n.AllocationIDs) > 0 {
			if e := findEIP(got, n.AllocationIDs[0]); e != nil && e.Mode == eipsim.ModeMultiBinded {
				limit = mc.world.MultiBinded
			}
		}
		if len(n.AllocationIDs) > limit {
			mc.fail(d, "ENI %s holds %d EIPs, over its limit %d", n.NetworkInterfaceID, len(n.AllocationIDs), limit)
		}
	}
	if !mc.targetsAgree(ins, lbs, enis) {
		gi, gl, ge, wi, wl, we := mc.targetLines(ins, lbs, enis)
		mc.fail(d, "targets differ:\nsim:   %v %v %v\nmodel: %v %v %v", gi, gl, ge, wi, wl, we)
	}
	mc.checkNAT(d, got, holds)
	for id, n := range bound {
		if n != 1 {
			mc.fail(d, "EIP %s is bound but held by %d targets", id, n)
		}
	}
}

// dueTask is a pending task as Check compares them: the resource it
// changes and its due time.
type dueTask struct {
	id  string
	due int64
}

func (a dueTask) compare(b dueTask) int {
	if c := strings.Compare(a.id, b.id); c != 0 {
		return c
	}
	return cmp.Compare(a.due, b.due)
}

func (a dueTask) String() string { return a.id + "@" + strconv.FormatInt(a.due, 10) }

// locksAre reports whether an EIP's LockReasons are the financial and
// security locks given, in that order.
func locksAre(got []eipsim.LockReason, fin, sec bool) bool {
	n := 0
	if fin {
		if len(got) <= n || got[n] != eipsim.LockFinancial {
			return false
		}
		n++
	}
	if sec {
		if len(got) <= n || got[n] != eipsim.LockSecurity {
			return false
		}
		n++
	}
	return len(got) == n
}

// findEIP returns the EIP of all with the AllocationId, or nil.
func findEIP(all []eipsim.EIP, id string) *eipsim.EIP {
	for i := range all {
		if all[i].AllocationID == id {
			return &all[i]
		}
	}
	return nil
}

// targetsAgree compares the Sim's instances, load balancers and ENIs with
// the model's, field by field (targetLines is the same as text, for the
// failure message).
func (mc *Machine) targetsAgree(ins []eipsim.Instance, lbs []eipsim.LoadBalancer, enis []eipsim.NetworkInterface) bool {
	m := mc.m
	i := 0
	for _, in := range m.instances {
		if in.gone {
			continue
		}
		if i >= len(ins) || ins[i].InstanceID != in.id || string(ins[i].Status) != in.status || ins[i].AllocationID != in.eip {
			return false
		}
		i++
	}
	if i != len(ins) {
		return false
	}
	i = 0
	for _, lb := range m.lbs {
		if lb.gone {
			continue
		}
		if i >= len(lbs) || lbs[i].LoadBalancerID != lb.id || lbs[i].Status != lb.status || lbs[i].AllocationID != lb.eip {
			return false
		}
		i++
	}
	if i != len(lbs) {
		return false
	}
	i = 0
	for _, n := range m.enis {
		if n.gone {
			continue
		}
		if i >= len(enis) {
			return false
		}
		g := &enis[i]
		if g.NetworkInterfaceID != n.id || g.Status != n.status() || g.InstanceID != n.instance || len(g.AllocationIDs) != len(n.bound) {
			return false
		}
		for _, id := range g.AllocationIDs { // the Sim's are sorted, the model's in binding order
			if !slices.Contains(n.bound, id) {
				return false
			}
		}
		i++
	}
	return i == len(enis)
}

// status is the ENI's status as the Sim shows it.
func (n *mENI) status() string {
	switch {
	case n.override != "":
		return n.override
	case n.instance != "":
		return eipsim.ENIInUse
	}
	return eipsim.ENIAvailable
}

// targetLines are the targets of the Sim and of the model as text.
func (mc *Machine) targetLines(ins []eipsim.Instance, lbs []eipsim.LoadBalancer, enis []eipsim.NetworkInterface) (gi, gl, ge, wi, wl, we []string) {
	for _, in := range ins {
		gi = append(gi, in.InstanceID+":"+string(in.Status)+":"+in.AllocationID)
	}
	for _, lb := range lbs {
		gl = append(gl, lb.LoadBalancerID+":"+lb.Status+":"+lb.AllocationID)
	}
	for _, n := range enis {
		ge = append(ge, n.NetworkInterfaceID+":"+n.Status+":"+n.InstanceID+":"+strings.Join(n.AllocationIDs, ","))
	}
	for _, in := range mc.m.instances {
		if !in.gone {
			wi = append(wi, in.id+":"+in.status+":"+in.eip)
		}
	}
	for _, lb := range mc.m.lbs {
		if !lb.gone {
			wl = append(wl, lb.id+":"+lb.status+":"+lb.eip)
		}
	}
	for _, n := range mc.m.enis {
		if !n.gone {
			we = append(we, n.id+":"+n.status()+":"+n.instance+":"+strings.Join(slices.Sorted(slices.Values(n.bound)), ","))
		}
	}
	return gi, gl, ge, wi, wl, we
}

// checkDeterminism replays the operations so far on a second Sim built
// from the same world (catching up from where it last stopped) and compares
// the two histories.
func (mc *Machine) checkDeterminism(d Driver) {
	if mc.shadow == nil {
		mc.shadowClk = NewClock()
		sim, err := mc.world.Build(mc.shadowClk)
		if err != nil {
			mc.fail(d, "rebuilding the world: %v", err)
		}
		mc.shadow = sim
	}
	for i := mc.shadowOps; i < len(mc.ops); i++ {
		for mc.shadowChecks < len(mc.checkOps) && mc.checkOps[mc.shadowChecks].after <= i {
			describeEntries(mc.shadow, mc.checkOps[mc.shadowChecks].op) //nolint:errcheck // compared through the history
			mc.shadowChecks++
		}
		Apply(context.Background(), mc.shadow, mc.shadowClk, mc.ops[i]) //nolint:errcheck // compared through the history
	}
	for ; mc.shadowChecks < len(mc.checkOps); mc.shadowChecks++ {
		describeEntries(mc.shadow, mc.checkOps[mc.shadowChecks].op) //nolint:errcheck // compared through the history
	}
	mc.shadowOps = len(mc.ops)
	// The histories agreed up to shadowSeq last time; compare what came
	// after.
	a, b := mc.sim.HistorySince(mc.shadowSeq), mc.shadow.HistorySince(mc.shadowSeq)
	if !slices.Equal(a, b) {
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				mc.fail(d, "same seed and calls, different history at event %d:\n%+v\n%+v", a[i].Seq, a[i], b[i])
			}
		}
		mc.fail(d, "same seed and calls, histories of %d and %d events", mc.shadowSeq+uint64(len(a)), mc.shadowSeq+uint64(len(b)))
	}
	if len(a) > 0 {
		mc.shadowSeq = a[len(a)-1].Seq
	}
}
