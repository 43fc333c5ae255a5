package scenarios

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/simclock"
)

// sampleLine writes the command s with every declared word and argument.
func sampleLine(s *syntax) lineWriter {
	w := line(s.name)
	for i := range s.words {
		w = w.word("w" + string(rune('1'+i)))
	}
	for _, p := range s.params {
		switch p.kind {
		case flagArg:
			w = w.flag(p.key, true)
		case listArg:
			w = w.list(p.key, []string{"a", "b c"})
		default:
			w = w.set(p.key, "two words")
		}
	}
	if s.anyParams {
		w = w.raw("Action=AllocateEipAddress")
	}
	return w
}

// readArgs reads c as its handler does, up to the values: the declared
// words, or the named arguments.
func readArgs(c *Command) error {
	s := c.syntax()
	switch {
	case s.anyParams:
		return c.checkArgs(nil, nil)
	case len(s.words) > 0:
		_, err := c.words()
		return err
	}
	_, err := c.values()
	return err
}

// TestGrammarWalk walks the declaration: every harness command, written by
// the writer with all its words and arguments, is read back by the reader
// with the same arguments; and without one of its required arguments it is
// refused.
func TestGrammarWalk(t *testing.T) {
	for i := range harness {
		s := &harness[i]
		src := sampleLine(s).String()
		sc, err := Parse("walk.txt", []byte(src+"\n----\nok\n"))
		if err != nil {
			t.Errorf("%s: the reader cannot parse the writer's %q: %v", s.name, src, err)
			continue
		}
		c := sc.Commands[0]
		if c.Name != s.name {
			t.Errorf("%q reads as command %q", src, c.Name)
		}
		if err := readArgs(c); err != nil {
			t.Errorf("%s: the reader refuses the writer's %q: %v", s.name, src, err)
		}
		var keys []string
		for _, a := range c.Args[len(s.words):] {
			keys = append(keys, a.Key)
		}
		if want := s.keys(); !s.anyParams && !slices.Equal(keys, want) {
			t.Errorf("%s: %q reads arguments %v, want %v in the declared order", s.name, src, keys, want)
		}
		for _, p := range s.params {
			if !p.required {
				continue
			}
			w := sampleLine(s)
			for i := 0; i < len(w.kv); i += 2 {
				if w.kv[i] == p.key {
					w.kv = append(w.kv[:i:i], w.kv[i+2:]...)
					break
				}
			}
			sc, err := Parse("walk.txt", []byte(w.String()+"\n----\nok\n"))
			if err != nil {
				t.Fatal(err)
			}
			if err := readArgs(sc.Commands[0]); err == nil || !strings.Contains(err.Error(), "missing argument "+p.key) {
				t.Errorf("%s without %s: reader says %v, want missing argument", s.name, p.key, err)
			}
		}
	}
}

// TestGrammarUndeclared checks that the writer does not drop an argument
// the grammar lacks: it writes it, and the reader refuses the line.
func TestGrammarUndeclared(t *testing.T) {
	src := line("delete-instance").set("InstanceId", "i-1").set("Bogus", "x").String()
	sc, err := Parse("u.txt", []byte(src+"\n----\nok\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := readArgs(sc.Commands[0]); err == nil || !strings.Contains(err.Error(), "unknown argument Bogus") {
		t.Errorf("%q: reader says %v, want unknown argument Bogus", src, err)
	}
}

// TestGrammarCoversEngine checks that the engine handles exactly the
// declared harness commands (besides the Actions).
func TestGrammarCoversEngine(t *testing.T) {
	var handled []string
	for name := range NewEngine().cmds {
		if _, ok := eipsim.ActionParams(eipsim.Action(name)); !ok {
			handled = append(handled, name)
		}
	}
	var declared []string
	for _, s := range harness {
		declared = append(declared, s.name)
	}
	slices.Sort(handled)
	slices.Sort(declared)
	if !slices.Equal(handled, declared) {
		t.Errorf("the engine handles %v,\nthe grammar declares %v", handled, declared)
	}
}

// notJournaled are the Sim's exported methods that are not setup methods:
// reads, and SetInstanceStatus (journaled as ScheduleInstanceStatus).
var notJournaled = []string{"Call", "EIP", "EIPs", "Faults", "HaVips", "History", "HistoryDropped", "HistorySeq",
	"HistorySince", "Instance", "Instances", "LoadBalancers", "NatGateways", "NetworkInterfaces", "NewRequestID",
	"Now", "RateLimits", "Regions", "Settle", "Tasks", "VPCs", "Version", "SetInstanceStatus", "SnatEntries", "ForwardEntries"}

// TestSetupWriters checks that the recorder can write every setup method
// of the Sim (an exported method that is neither an Action nor a read),
// and that a session calling each records lines the reader accepts and
// that replay.
func TestSetupWriters(t *testing.T) {
	simType := reflect.TypeFor[*eipsim.Sim]()
	for i := range simType.NumMethod() {
		name := simType.Method(i).Name
		if _, action := eipsim.ActionParams(eipsim.Action(name)); action || slices.Contains(notJournaled, name) {
			continue
		}
		if _, ok := setupWriters[name]; !ok {
			t.Errorf("the recorder has no writer for the setup method Sim.%s (add one to setupWriters, or the method to notJournaled if it is a read)", name)
		}
	}

	clk := simclock.New()
	rec := NewRecorder()
	seen := map[string]bool{}
	sim, err := eipsim.New(eipsim.WithClock(clk), eipsim.WithAllocationIDs("eip-0001"), eipsim.WithJournal(func(e eipsim.Entry) {
		rec.Observe(e)
		if e.Kind == eipsim.EntrySetup {
			seen[e.Method] = true
		}
	}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_ = sim.AddVPC(eipsim.VPC{VpcID: "vpc-1", IsDefault: true})
	_ = sim.AddInstance(eipsim.Instance{InstanceID: "i-1", VpcID: "vpc-1", PublicIP: true})
	_ = sim.AddInstance(eipsim.Instance{InstanceID: "i-2", VpcID: "vpc-1"})
	_ = sim.ScheduleInstanceStatus("i-2", eipsim.InstanceStopping, time.Second, eipsim.InstanceStopped)
	_ = sim.AddLoadBalancer(eipsim.LoadBalancer{LoadBalancerID: "lb-1", VpcID: "vpc-1"})
	_ = sim.SetLoadBalancerStatus("lb-1", "inactive")
	_ = sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-1", VpcID: "vpc-1"})
	_ = sim.AttachNetworkInterface("eni-1", "i-2")
	_ = sim.SetNetworkInterfaceStatus("eni-1", "Attaching")
	_ = sim.DetachNetworkInterface("eni-1")
	_ = sim.DeleteNetworkInterface("eni-1")
	_ = sim.AddNatGateway(eipsim.NatGateway{NatGatewayID: "ngw-1", VpcID: "vpc-1"})
	_ = sim.SetNatGatewayFinancialLock("ngw-1", true)
	_ = sim.AddHaVip(eipsim.HaVip{HaVipID: "havip-1", VpcID: "vpc-1"})
	_, _ = sim.ConvertNatPublicIpToEip("i-1")
	a, _ := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
	if a != nil {
		_ = sim.Lock(a.AllocationID, eipsim.LockSecurity)
		_ = sim.Unlock(a.AllocationID, eipsim.LockSecurity)
		_ = sim.SetDeletionProtection(a.AllocationID, true)
	}
	_ = sim.SetSystemBusy(eipsim.ActionDescribeEipAddresses, 1)
	h, _ := sim.InjectFault(eipsim.Fault{Action: eipsim.ActionReleaseEipAddress, Code: eipsim.CodeInternalError})
	sim.RemoveFault(h)
	sim.ClearFaults()
	sim.ReleaseStuck("")
	_ = sim.SetRateLimit(eipsim.ActionDescribeEipAddresses, eipsim.RateLimit{Requests: 2, Per: time.Second})
	sim.RemoveRateLimit(eipsim.ActionDescribeEipAddresses)
	_ = sim.SetGlobalRateLimit(eipsim.RateLimit{Requests: 9, Per: time.Second})
	sim.RemoveGlobalRateLimit()
	_ = sim.DeleteLoadBalancer("lb-1")
	_ = sim.DeleteInstance("i-2")
	_ = sim.CheckInvariants()
	for name := range setupWriters {
		if !seen[name] {
			t.Errorf("the session does not call Sim.%s", name)
		}
	}
	src := rec.Bytes()
	if strings.Contains(string(src), "cannot write") {
		t.Errorf("the recorder could not write a call:\n%s", src)
	}
	requireReplays(t, "setup.txt", src)
}
