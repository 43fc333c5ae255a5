package eipsim_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// faultSim is a Sim with one instance, i-0001, and one Available EIP,
// eip-0001, on a fast clock.
func faultSim(t *testing.T, opts ...eipsim.Option) (*eipsim.Sim, *eipsimtest.Clock) {
	t.Helper()
	sim, clk := eipsimtest.New(t, append([]eipsim.Option{eipsim.WithAllocationIDs("eip-0001", "eip-0002", "eip-0003")}, opts...)...)
	for _, id := range []string{"i-0001", "i-0002"} {
		if err := sim.AddInstance(eipsim.Instance{InstanceID: id}); err != nil {
			t.Fatal(err)
		}
	}
	eipsimtest.MustAllocate(t, sim)
	return sim, clk
}

func inject(t *testing.T, sim *eipsim.Sim, line string) eipsim.FaultHandle {
	t.Helper()
	f, err := eipsim.ParseFaultLine(line)
	if err != nil {
		t.Fatal(err)
	}
	h, err := sim.InjectFault(f)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func faultEvents(sim *eipsim.Sim) []eipsim.Event {
	var out []eipsim.Event
	for _, e := range sim.History() {
		if e.Kind == eipsim.EventKindFault {
			out = append(out, e)
		}
	}
	return out
}

func codeOf(err error) eipsim.Code {
	var e *eipsim.Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err != nil {
		return "?"
	}
	return ""
}

func TestFaultErrorRefusesTimesTimes(t *testing.T) {
	sim, _ := faultSim(t)
	h := inject(t, sim, "inject-fault Action=AssociateEipAddress Code=InternalError Times=2")
	for i := range 2 {
		err := associate(sim, "eip-0001", "i-0001")
		var e *eipsim.Error
		if !errors.As(err, &e) || e.Code != eipsim.CodeInternalError || e.HTTPStatus != 500 ||
			e.Message != "The request processing has failed due to some unknown error." || e.RequestID == "" {
			t.Fatalf("call %d: got %v", i, err)
		}
		eipsimtest.RequireStatus(t, sim, "eip-0001", eipsim.StatusAvailable)
	}
	if err := associate(sim, "eip-0001", "i-0001"); err != nil {
		t.Fatalf("third call: %v", err)
	}
	evs := faultEvents(sim)
	if len(evs) != 2 {
		t.Fatalf("fault events: %+v", evs)
	}
	for _, e := range evs {
		if e.Code != eipsim.CodeInternalError || e.Action != eipsim.ActionAssociateEipAddress ||
			e.ResourceID != "eip-0001" || e.Cause != h.ID()+" Error" || e.RequestID == "" {
			t.Fatalf("fault event %+v", e)
		}
	}
	// The refused call is in the history too, right after its fault.
	hist := sim.History()
	for i, e := range hist {
		if e.Kind == eipsim.EventKindFault {
			next := hist[i+1]
			if next.Kind != eipsim.EventKindCall || next.RequestID != e.RequestID || next.Code != e.Code {
				t.Fatalf("after fault %+v: %+v", e, next)
			}
		}
	}
	fs := sim.Faults()
	if len(fs) != 1 || fs[0].Fired != 2 || fs[0].ID != h.ID() || fs[0].ID != "f-0001" {
		t.Fatalf("Faults() = %+v", fs)
	}
}

func TestFaultErrorEveryCatalogueCodeAndHTTPStatus(t *testing.T) {
	for _, tc := range []struct {
		code   eipsim.Code
		status int
	}{
		{eipsim.CodeServiceUnavailable, 503},
		{eipsim.CodeOperationFailedSystemBusy, 400},
		{eipsim.CodeThrottlingUser, 400},
		{eipsim.CodeTaskConflict, 400},
		{eipsim.CodeLastTokenProcessing, 403},
	} {
		sim, _ := faultSim(t)
		inject(t, sim, "Action=UnassociateEipAddress Code="+string(tc.code))
		err := unassociate(sim, "eip-0001")
		var e *eipsim.Error
		if !errors.As(err, &e) || e.Code != tc.code || e.HTTPStatus != tc.status {
			t.Errorf("%s: got %v", tc.code, err)
		}
	}
	// Per-action statuses come from the catalogue too.
	sim, _ := faultSim(t)
	inject(t, sim, "Action=AllocateEipAddress Code=OperationFailed.SystemBusy")
	_, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	if e := (*eipsim.Error)(nil); !errors.As(err, &e) || e.HTTPStatus != 500 {
		t.Fatalf("allocate SystemBusy: %v", err)
	}
}

func TestFaultMatching(t *testing.T) {
	sim, _ := faultSim(t)
	eipsimtest.MustAllocate(t, sim) // eip-0002
	inject(t, sim, "Action=AssociateEipAddress ResourceId=eip-0002 Code=ServiceUnavailable")
	inject(t, sim, "Action=AssociateEipAddress AccountId=other Code=Forbidden")
	inject(t, sim, "Action=AssociateEipAddress Param.InstanceId=i-0002 Code=OperationFailed.SystemBusy")
	if err := associate(sim, "eip-0001", "i-0001"); err != nil {
		t.Fatalf("no rule matches eip-0001 on i-0001: %v", err)
	}
	if got := codeOf(associate(sim, "eip-0002", "i-0002")); got != eipsim.CodeServiceUnavailable {
		t.Fatalf("resource rule first: %v", got)
	}
	_, err := sim.AssociateEipAddress(eipsim.WithAccount(ctx, "other"), eipsim.AssociateEipAddressRequest{AllocationID: "eip-0002", InstanceID: "i-0001"})
	if codeOf(err) != eipsim.CodeServiceUnavailable {
		t.Fatalf("first match wins over the account rule: %v", err)
	}
	_, err = sim.DescribeEipAddresses(eipsim.WithAccount(ctx, "other"), eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
	if err != nil {
		t.Fatalf("rules of another Action do not fire: %v", err)
	}
	eipsimtest.MustAllocate(t, sim) // eip-0003
	if got := codeOf(associate(sim, "eip-0003", "i-0002")); got != eipsim.CodeOperationFailedSystemBusy {
		t.Fatalf("param rule: %v", got)
	}
	// A wildcard rule applies to every Action.
	inject(t, sim, "Action=* AccountId=acct-x Code=InternalError")
	_, err = sim.DescribeEipAddresses(eipsim.WithAccount(ctx, "acct-x"), eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
	if codeOf(err) != eipsim.CodeInternalError {
		t.Fatalf("wildcard: %v", err)
	}
}

func TestFaultParamPredicatesUseWireValues(t *testing.T) {
	sim, clk := faultSim(t)
	eipsimtest.MustAssociate(t, sim, "eip-0001", "i-0001")
	clk.Advance(5 * time.Second)
	inject(t, sim, "Action=UnassociateEipAddress Param.Force=true Code=InternalError")
	if err := unassociate(sim, "eip-0001"); err != nil {
		t.Fatalf("Force=false does not match: %v", err)
	}
	clk.Advance(5 * time.Second)
	eipsimtest.MustAssociate(t, sim, "eip-0001", "i-0001")
	clk.Advance(5 * time.Second)
	_, err := sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: "eip-0001", Force: true})
	if codeOf(err) != eipsim.CodeInternalError {
		t.Fatalf("Force=true matches: %v", err)
	}
	// Later-phase rules match on the request as sent, too.
	inject(t, sim, "Action=UnassociateEipAddress Param.InstanceId=i-0001 Latency=10s")
	if err := unassociate(sim, "eip-0001"); err != nil {
		t.Fatal(err)
	}
	if tasks := sim.Tasks(); len(tasks) != 1 || tasks[0].Due.Sub(clk.Now()) != eipsim.DefaultUnassociateDelay {
		t.Fatalf("no InstanceId in the request: no latency, got %+v", tasks)
	}
	clk.Advance(5 * time.Second)
	eipsimtest.MustAssociate(t, sim, "eip-0001", "i-0001")
	clk.Advance(5 * time.Second)
	_, err = sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: "eip-0001", InstanceID: "i-0001"})
	if err != nil {
		t.Fatal(err)
	}
	if tasks := sim.Tasks(); len(tasks) != 1 || tasks[0].Due.Sub(clk.Now()) != eipsim.DefaultUnassociateDelay+10*time.Second {
		t.Fatalf("InstanceId=i-0001: latency, got %+v", tasks)
	}
}

func TestFaultLatency(t *testing.T) {
	sim, clk := faultSim(t)
	h := inject(t, sim, "Action=AssociateEipAddress Latency=7s Times=1")
	eipsimtest.MustAssociate(t, sim, "eip-0001", "i-0001")
	clk.Advance(eipsim.DefaultAssociateDelay)
	eipsimtest.RequireStatus(t, sim, "eip-0001", eipsim.StatusAssociating)
	clk.Advance(7*time.Second - time.Nanosecond)
	eipsimtest.RequireStatus(t, sim, "eip-0001", eipsim.StatusAssociating)
	clk.Advance(time.Nanosecond)
	eipsimtest.RequireStatus(t, sim, "eip-0001", eipsim.StatusInUse)
	evs := faultEvents(sim)
	if len(evs) != 1 || evs[0].Cause != h.ID()+" Latency Latency=7s" || evs[0].Code != "" {
		t.Fatalf("events %+v", evs)
	}
}

func TestFaultStuckUntilReleased(t *testing.T) {
	sim, clk := faultSim(t)
	inject(t, sim, "Action=AssociateEipAddress Effect=Stuck")
	eipsimtest.MustAssociate(t, sim, "eip-0001", "i-0001")
	clk.Advance(24 * time.Hour)
	eipsimtest.RequireStatus(t, sim, "eip-0001", eipsim.StatusAssociating)
	// Still query-only while stuck.
	eipsimtest.RequireCode(t, unassociate(sim, "eip-0001"), eipsim.CodeIncorrectEipStatus)
	if n := sim.ReleaseStuck("eip-other"); n != 0 {
		t.Fatalf("released %d on another resource", n)
	}
	if n := sim.ReleaseStuck("eip-0001"); n != 1 {
		t.Fatalf("released %d", n)
	}
	// Long overdue: applies at once.
	eipsimtest.RequireStatus(t, sim, "eip-0001", eipsim.StatusInUse)
	if n := sim.ReleaseStuck(""); n != 0 {
		t.Fatalf("released %d twice", n)
	}
}

func TestFaultStuckReleasedEarlyAppliesAtNormalDue(t *testing.T) {
	sim, clk := faultSim(t)
	inject(t, sim, "Action=UnassociateEipAddress Effect=Stuck")
	eipsimtest.MustAssociate(t, sim, "eip-0001", "i-0001")
	clk.Advance(5 * time.Second)
	if err := unassociate(sim, "eip-0001"); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Second)
	if n := sim.ReleaseStuck(""); n != 1 {
		t.Fatalf("released %d", n)
	}
	eipsimtest.RequireStatus(t, sim, "eip-0001", eipsim.StatusUnassociating)
	clk.Advance(eipsim.DefaultUnassociateDelay - time.Second)
	eipsimtest.RequireStatus(t, sim, "eip-0001", eipsim.StatusAvailable)
}

func TestFaultStuckDeadline(t *testing.T) {
	sim, clk := faultSim(t)
	h := inject(t, sim, "Action=ReleaseEipAddress Effect=Stuck Deadline=1m")
	start := clk.Now()
	if _, err := sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: "eip-0001"}); err != nil {
		t.Fatal(err)
	}
	if tasks := sim.Tasks(); len(tasks) != 1 || !tasks[0].Due.Equal(start.Add(time.Minute)) {
		t.Fatalf("tasks %+v", tasks)
	}
	clk.Advance(time.Minute - time.Nanosecond)
	eipsimtest.RequireStatus(t, sim, "eip-0001", eipsim.StatusReleasing)
	clk.Advance(time.Nanosecond)
	if _, ok := sim.EIP("eip-0001"); ok {
		t.Fatal("still there after the deadline")
	}
	if evs := faultEvents(sim); len(evs) != 1 || evs[0].Cause != h.ID()+" Stuck Deadline=1m0s" {
		t.Fatalf("events %+v", evs)
	}
	// Released early by the test instead.
	eipsimtest.MustAllocate(t, sim)
	start = clk.Now()
	if _, err := sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: "eip-0002"}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(10 * time.Second)
	if n := sim.ReleaseStuck("eip-0002"); n != 1 {
		t.Fatalf("released %d", n)
	}
	if _, ok := sim.EIP("eip-0002"); ok {
		t.Fatal("still there after release")
	}
	_ = start
}

func TestFaultApplyThenFailWithClientTokenReplaysSuccess(t *testing.T) {
	sim, clk := faultSim(t)
	inject(t, sim, "Action=AssociateEipAddress Effect=ApplyThenFail Code=ServiceUnavailable Times=1")
	req := eipsim.AssociateEipAddressRequest{AllocationID: "eip-0001", InstanceID: "i-0001", ClientToken: "tok-1"}
	_, err := sim.AssociateEipAddress(ctx, req)
	var e *eipsim.Error
	if !errors.As(err, &e) || e.Code != eipsim.CodeServiceUnavailable || e.HTTPStatus != 503 {
		t.Fatalf("lost response: %v", err)
	}
	lost := e.RequestID
	// The change happened.
	eipsimtest.RequireStatus(t, sim, "eip-0001", eipsim.StatusAssociating)
	// The retry with the same token replays the stored success, with the
	// first call's RequestId, and changes nothing.
	clk.Advance(500 * time.Millisecond)
	resp, err := sim.AssociateEipAddress(ctx, req)
	if err != nil || resp.RequestID != lost {
		t.Fatalf("retry: %v %+v, want RequestId %s", err, resp, lost)
	}
	// Without a token the retry is a new call and the EIP is taken.
	err = associate(sim, "eip-0001", "i-0001")
	if c := codeOf(err); c != eipsim.CodeTaskConflict && c != eipsim.CodeIncorrectEipStatus {
		t.Fatalf("retry without token: %v", err)
	}
	clk.Advance(eipsim.DefaultAssociateDelay)
	eipsimtest.RequireStatus(t, sim, "eip-0001", eipsim.StatusInUse)
	// The history has the accepted call and the fault with one RequestId.
	var call, fault bool
	for _, ev := range sim.History() {
		if ev.RequestID == lost {
			call = call || ev.Kind == eipsim.EventKindCall && ev.Code == ""
			fault = fault || ev.Kind == eipsim.EventKindFault && ev.Code == eipsim.CodeServiceUnavailable
		}
	}
	if !call || !fault {
		t.Fatalf("history: call %v fault %v", call, fault)
	}
}

func TestFaultApplyThenFailAllocate(t *testing.T) {
	sim, _ := faultSim(t)
	inject(t, sim, "Action=AllocateEipAddress Effect=ApplyThenFail Times=1")
	_, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	eipsimtest.RequireCode(t, err, eipsim.CodeInternalError)
	d, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
	if err != nil || d.TotalCount != 2 {
		t.Fatalf("the EIP was allocated anyway: %v %+v", err, d)
	}
}

func TestFaultOrderFirstFiringRuleWins(t *testing.T) {
	sim, _ := faultSim(t)
	inject(t, sim, "Action=DescribeEipAddresses Code=ServiceUnavailable Times=1")
	inject(t, sim, "Code=InternalError Times=1") // every Action
	inject(t, sim, "Action=DescribeEipAddresses Code=OperationFailed.SystemBusy")
	describe := func() eipsim.Code {
		_, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
		return codeOf(err)
	}
	got := []eipsim.Code{describe(), describe(), describe(), describe()}
	want := []eipsim.Code{eipsim.CodeServiceUnavailable, eipsim.CodeInternalError, eipsim.CodeOperationFailedSystemBusy, eipsim.CodeOperationFailedSystemBusy}
	if !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestFaultOrderAcrossPhases(t *testing.T) {
	// A Latency rule and an ApplyThenFail rule both fire on one call; an
	// Error rule stops it before either.
	sim, clk := faultSim(t)
	inject(t, sim, "Action=AssociateEipAddress Latency=1s Times=1")
	inject(t, sim, "Action=AssociateEipAddress Effect=ApplyThenFail Code=ServiceUnavailable Times=1")
	eipsimtest.RequireCode(t, associate(sim, "eip-0001", "i-0001"), eipsim.CodeServiceUnavailable)
	if tasks := sim.Tasks(); len(tasks) != 1 || tasks[0].Due.Sub(clk.Now()) != eipsim.DefaultAssociateDelay+time.Second {
		t.Fatalf("tasks %+v", tasks)
	}
	sim2, _ := faultSim(t)
	inject(t, sim2, "Action=AssociateEipAddress Code=InternalError Times=1")
	inject(t, sim2, "Action=AssociateEipAddress Latency=1s Times=1")
	eipsimtest.RequireCode(t, associate(sim2, "eip-0001", "i-0001"), eipsim.CodeInternalError)
	if fs := sim2.Faults(); fs[1].Fired != 0 {
		t.Fatalf("the Latency rule fired on a refused call: %+v", fs)
	}
}

func TestFaultRuleOnFailingCallIsNotConsumed(t *testing.T) {
	// Times counts effects, not matches: a Stuck rule is not used up by a
	// call the action itself refuses.
	sim, _ := faultSim(t)
	inject(t, sim, "Action=UnassociateEipAddress Effect=Stuck Times=1")
	eipsimtest.RequireCode(t, unassociate(sim, "eip-0001"), eipsim.CodeIncorrectEipStatus)
	if fs := sim.Faults(); fs[0].Fired != 0 {
		t.Fatalf("fired on a refused call: %+v", fs)
	}
}

func TestFaultWindow(t *testing.T) {
	sim, clk := faultSim(t)
	inject(t, sim, "Action=DescribeEipAddresses Code=ServiceUnavailable From=10s Until=20s")
	describe := func() eipsim.Code {
		_, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
		return codeOf(err)
	}
	var got []eipsim.Code
	for _, step := range []time.Duration{0, 10*time.Second - 1, 1, 10*time.Second - 1, 1} {
		clk.Advance(step)
		got = append(got, describe())
	}
	want := []eipsim.Code{"", "", eipsim.CodeServiceUnavailable, eipsim.CodeServiceUnavailable, ""}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// pattern returns which of n calls a probabilistic rule refused.
func pattern(t *testing.T, seed uint64, n int) string {
	sim, _ := eipsimtest.New(t, eipsim.WithSeed(seed))
	inject(t, sim, "Action=DescribeEipAddresses Code=ServiceUnavailable Probability=0.5")
	var b strings.Builder
	for range n {
		_, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
		if err != nil {
			b.WriteByte('x')
		} else {
			b.WriteByte('.')
		}
	}
	return b.String()
}

func TestFaultProbabilityIsSeeded(t *testing.T) {
	a, b := pattern(t, 7, 64), pattern(t, 7, 64)
	if a != b {
		t.Fatalf("same seed, different runs:\n%s\n%s", a, b)
	}
	if c := pattern(t, 8, 64); c == a {
		t.Fatalf("seeds 7 and 8 gave the same pattern %s", a)
	}
	if n := strings.Count(a, "x"); n < 16 || n > 48 {
		t.Fatalf("p=0.5 fired %d of 64: %s", n, a)
	}
}

func TestFaultProbabilityMissFallsThrough(t *testing.T) {
	sim, _ := eipsimtest.New(t, eipsim.WithSeed(3))
	inject(t, sim, "Action=DescribeEipAddresses Code=ServiceUnavailable Probability=0.25")
	inject(t, sim, "Action=DescribeEipAddresses Code=InternalError")
	seen := map[eipsim.Code]int{}
	for range 200 {
		_, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
		seen[codeOf(err)]++
	}
	if seen[""] != 0 || seen[eipsim.CodeServiceUnavailable] == 0 || seen[eipsim.CodeInternalError] == 0 {
		t.Fatalf("%v", seen)
	}
}

func TestRemoveAndClearFaults(t *testing.T) {
	sim, _ := faultSim(t)
	h1 := inject(t, sim, "Action=DescribeEipAddresses Code=ServiceUnavailable")
	h2 := inject(t, sim, "Action=DescribeEipAddresses Code=InternalError")
	if !sim.RemoveFault(h1) || sim.RemoveFault(h1) {
		t.Fatal("RemoveFault")
	}
	_, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
	eipsimtest.RequireCode(t, err, eipsim.CodeInternalError)
	if fs := sim.Faults(); len(fs) != 1 || fs[0].ID != h2.ID() {
		t.Fatalf("%+v", fs)
	}
	sim.ClearFaults()
	if _, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"}); err != nil {
		t.Fatal(err)
	}
	if len(sim.Faults()) != 0 {
		t.Fatal("ClearFaults")
	}
}

func TestWithFaults(t *testing.T) {
	fs, err := eipsim.ParseFaultFile(strings.NewReader("# faults\n\nAction=DescribeEipAddresses Code=ServiceUnavailable Times=1\n"))
	if err != nil {
		t.Fatal(err)
	}
	sim, _ := eipsimtest.New(t, eipsim.WithFaults(fs...))
	_, err = sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
	eipsimtest.RequireCode(t, err, eipsim.CodeServiceUnavailable)
	if _, err := eipsim.New(eipsim.WithFaults(eipsim.Fault{Code: "NoSuchCode"})); err == nil {
		t.Fatal("bad fault accepted")
	}
}

func TestInjectFaultRejects(t *testing.T) {
	sim, _ := faultSim(t)
	for _, f := range []eipsim.Fault{
		{},
		{Code: "NoSuchCode"},
		{Action: "NoSuchAction", Code: eipsim.CodeInternalError},
		{Action: eipsim.ActionAllocateEipAddress, Effect: eipsim.FaultStuck},
		{Action: eipsim.ActionModifyEipAddressAttribute, Latency: time.Second},
		{Action: eipsim.ActionDescribeEipAddresses, Effect: eipsim.FaultApplyThenFail},
		{Code: eipsim.CodeInternalError, Latency: time.Second},
		{Effect: eipsim.FaultLatency},
		{Effect: eipsim.FaultStuck, Deadline: -1},
		{Code: eipsim.CodeInternalError, Times: -1},
		{Code: eipsim.CodeInternalError, Probability: 1.5},
		{Code: eipsim.CodeInternalError, From: 2 * time.Second, Until: time.Second},
		{Action: eipsim.ActionAssociateEipAddress, Code: eipsim.CodeInternalError, Params: map[string]string{"Force": "true"}},
		{Code: eipsim.CodeInternalError, Params: map[string]string{"NoSuchParam": "x"}},
		{Effect: "Explode"},
	} {
		if h, err := sim.InjectFault(f); err == nil {
			t.Errorf("accepted %#v as %s", f, h.ID())
		}
	}
	if len(sim.Faults()) != 0 {
		t.Fatal("a rejected rule was added")
	}
}

func TestParseFaultRoundTrip(t *testing.T) {
	for _, tc := range []struct{ in, canon string }{
		{"inject-fault Action=AssociateEipAddress Code=InternalError Times=2", "Action=AssociateEipAddress Code=InternalError Times=2"},
		{"Times=2 Code=InternalError Action=AssociateEipAddress", "Action=AssociateEipAddress Code=InternalError Times=2"},
		{"Action=* Code=Throttling.User Probability=1", "Code=Throttling.User"},
		{"Action=UnassociateEipAddress Latency=1500ms", "Action=UnassociateEipAddress Latency=1.5s"},
		{"Action=AssociateEipAddress Effect=Stuck Deadline=90s ResourceId=eip-0001", "Action=AssociateEipAddress ResourceId=eip-0001 Effect=Stuck Deadline=1m30s"},
		{"Effect=ApplyThenFail Action=ReleaseEipAddress", "Action=ReleaseEipAddress Effect=ApplyThenFail Code=InternalError"},
		{"Effect=Error Code=TaskConflict AccountId=acct-1 Probability=0.25 From=1s Until=1m", "AccountId=acct-1 Code=TaskConflict Probability=0.25 From=1s Until=1m0s"},
		{`Action=ModifyEipAddressAttribute Param.Name="web 1" Param.Bandwidth=10 Code=InternalError`, `Action=ModifyEipAddressAttribute Param.Bandwidth=10 Param.Name="web 1" Code=InternalError`},
		{`Action=ModifyEipAddressAttribute Param.Name="" Code=InternalError`, `Action=ModifyEipAddressAttribute Param.Name="" Code=InternalError`},
	} {
		f, err := eipsim.ParseFaultLine(tc.in)
		if err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		if got := f.String(); got != tc.canon {
			t.Errorf("%s:\n got %s\nwant %s", tc.in, got, tc.canon)
		}
		g, err := eipsim.ParseFaultLine(f.String())
		if err != nil || !reflect.DeepEqual(f, g) {
			t.Errorf("%s: round trip %#v != %#v (%v)", tc.in, g, f, err)
		}
	}
	// ParseFault takes a datadriven-style argument map, too.
	f, err := eipsim.ParseFault(map[string]string{"Action": "AssociateEipAddress", "Code": "InternalError", "Times": "2"})
	if err != nil || f.Action != eipsim.ActionAssociateEipAddress || f.Code != eipsim.CodeInternalError || f.Times != 2 || f.Effect != eipsim.FaultError {
		t.Fatalf("%+v %v", f, err)
	}
}

func TestParseFaultErrors(t *testing.T) {
	for _, in := range []string{
		"",
		"Action=AssociateEipAddress",
		"Action=AssociateEipAddress Code=InternalError Code=InternalError",
		"Action=AssociateEipAddress Code=InternalError Bogus=1",
		"Action=AssociateEipAddress Code=InternalError Times=x",
		"Action=AssociateEipAddress Code=InternalError Times=-1",
		"Action=AssociateEipAddress Latency=soon",
		"Action=AssociateEipAddress Latency=-1s",
		"Code=InternalError Probability=NaN",
		`Code=InternalError Param.Name="unterminated`,
		`Code=InternalError Param.Name="a"b`,
		"inject-fault inject-fault Code=InternalError",
		"Code=InternalError stray",
		"=x Code=InternalError",
		"Param.=x Code=InternalError",
	} {
		if f, err := eipsim.ParseFaultLine(in); err == nil {
			t.Errorf("%q accepted as %s", in, f)
		}
	}
}

func TestParseFaultFile(t *testing.T) {
	src := `# Faults for the staging run.
Action=AssociateEipAddress Code=ServiceUnavailable Times=3

   # indented comment
inject-fault Action=UnassociateEipAddress Latency=10s
Action=ReleaseEipAddress Effect=Stuck Deadline=5m
`
	fs, err := eipsim.ParseFaultFile(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.String())
	}
	want := []string{
		"Action=AssociateEipAddress Code=ServiceUnavailable Times=3",
		"Action=UnassociateEipAddress Latency=10s",
		"Action=ReleaseEipAddress Effect=Stuck Deadline=5m0s",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q", got)
	}
	_, err = eipsim.ParseFaultFile(strings.NewReader("# ok\nCode=InternalError\nCode=Nope\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "line 3: ") {
		t.Fatalf("error %v", err)
	}
}

func FuzzParseFaultLine(f *testing.F) {
	for _, s := range []string{
		"inject-fault Action=AssociateEipAddress Code=InternalError Times=2",
		"Action=AssociateEipAddress Effect=Stuck Deadline=90s ResourceId=eip-0001",
		`Action=ModifyEipAddressAttribute Param.Name="web \t1" Code=InternalError Probability=0.3`,
		"Effect=ApplyThenFail AccountId=a From=1s Until=2s",
		"Latency=1ns Times=0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		fault, err := eipsim.ParseFaultLine(line)
		if err != nil {
			return
		}
		canon := fault.String()
		again, err := eipsim.ParseFaultLine(canon)
		if err != nil {
			t.Fatalf("%q parsed, but its canonical form %q does not: %v", line, canon, err)
		}
		if !reflect.DeepEqual(fault, again) {
			t.Fatalf("%q: %#v != %#v", canon, fault, again)
		}
		if again.String() != canon {
			t.Fatalf("canonical form not stable: %q then %q", canon, again.String())
		}
		args := map[string]string{}
		for _, a := range fault.Args() {
			k, v, _ := strings.Cut(a, "=")
			args[k] = v
		}
		if m, err := eipsim.ParseFault(args); err != nil || !reflect.DeepEqual(m, fault) {
			t.Fatalf("map form of %q: %v", canon, err)
		}
	})
}

func TestFaultOrderWithManyRules(t *testing.T) {
	// Enough rules for the Sim to index them by resource and account; the
	// order must still be insertion order across all kinds of rules.
	sim, _ := faultSim(t)
	var want []string
	for i := range 40 {
		var line string
		switch i % 5 {
		case 0:
			line = "Action=DescribeEipAddresses ResourceId=eip-0001 Code=InternalError Times=1"
		case 1:
			line = "AccountId=default Code=ServiceUnavailable Times=1"
		case 2:
			line = "Code=OperationFailed.SystemBusy Times=1"
		case 3:
			line = "ResourceId=eip-9999 Code=TaskConflict" // never matches
		case 4:
			line = "Action=DescribeEipAddresses AccountId=nobody Code=TaskConflict" // never matches
		}
		h := inject(t, sim, line)
		if i%5 < 3 {
			want = append(want, h.ID())
		}
	}
	for range want {
		_, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou", AllocationID: "eip-0001"})
		if err == nil {
			t.Fatal("no rule fired")
		}
	}
	if _, err := sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou", AllocationID: "eip-0001"}); err != nil {
		t.Fatalf("all spent, yet %v", err)
	}
	var got []string
	for _, e := range faultEvents(sim) {
		got = append(got, strings.Fields(e.Cause)[0])
	}
	if !slices.Equal(got, want) {
		t.Fatalf("fired in order\n%v\nwant\n%v", got, want)
	}
}

func TestFaultsConcurrentUse(t *testing.T) {
	sim, _ := faultSim(t, eipsim.WithRateLimit("", eipsim.RateLimit{Requests: 1000, Per: time.Second}))
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 200 {
			h := inject(t, sim, "Action=DescribeEipAddresses Code=ServiceUnavailable Probability=0.5")
			_ = sim.Faults()
			sim.RemoveFault(h)
			sim.ReleaseStuck("")
		}
	}()
	for range 200 {
		_, _ = sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: "cn-hangzhou"})
	}
	<-done
}
