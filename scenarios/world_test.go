package scenarios

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/simclock"
)

// worldFile uses the argument names of every scenario file.
const worldFile = `# a world for eipsim serve
new-sim seed=7 ids=(eip-0001, eip-0002, eip-0003) associate-delay=0s cooldown=0s region=(cn-hangzhou, cn-beijing) nat-eip-limits=(5, 2)
----
this expected output is ignored

add-vpc VpcId=vpc-1
----

add-instance InstanceId=i-0001 VpcId=vpc-1
----

add-instance InstanceId=i-0002 AccountId=other Status=Stopped
----

add-slb LoadBalancerId=lb-1
----

add-eni NetworkInterfaceId=eni-1 PrivateIpAddresses=(10.0.0.9)
----

add-nat-gateway NatGatewayId=ngw-1 VpcId=vpc-1
----

add-havip HaVipId=havip-1 VpcId=vpc-1
----

AllocateEipAddress RegionId=cn-hangzhou Bandwidth=8
----
anything

AssociateEipAddress AllocationId=eip-0001 InstanceId=i-0001
----

AllocateEipAddress RegionId=cn-beijing
----

lock AllocationId=eip-0002 LockReason=security
----

AllocateEipAddress RegionId=cn-hangzhou
----

AssociateEipAddress AllocationId=eip-0003 InstanceId=ngw-1 InstanceType=Nat
----

advance 1s
----

CreateSnatEntry RegionId=cn-hangzhou SnatTableId=stb-1 SnatIp=203.0.113.3 SourceCIDR=10.0.0.0/24
----

set-instance-status InstanceId=i-0001 Status=Stopping
----

inject-fault Action=ReleaseEipAddress Code=InternalError
----

describe-state
----
`

func loadWorld(t *testing.T, name, src string) (*eipsim.Sim, *simclock.Clock, error) {
	t.Helper()
	s, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	opts, err := SimOptions(s)
	if err != nil {
		return nil, nil, err
	}
	clk := simclock.New()
	sim, err := eipsim.New(append(opts, eipsim.WithClock(clk))...)
	if err != nil {
		return nil, nil, err
	}
	return sim, clk, LoadWorldFile(sim, clk, s, "")
}

func TestLoadWorld(t *testing.T) {
	sim, clk, err := loadWorld(t, "w.txt", worldFile)
	if err != nil {
		t.Fatal(err)
	}
	if got := clk.Now().Sub(simclock.Epoch); got != time.Second {
		t.Errorf("advance moved the clock by %v, want 1s", got)
	}
	e1, ok := sim.EIP("eip-0001")
	if !ok || e1.Status != eipsim.StatusInUse || e1.InstanceID != "i-0001" || e1.Bandwidth != 8 || e1.AccountID != eipsim.DefaultAccountID {
		t.Errorf("eip-0001: %+v", e1)
	}
	e2, ok := sim.EIP("eip-0002")
	if !ok || e2.RegionID != "cn-beijing" || len(e2.LockReasons) != 1 || e2.LockReasons[0] != eipsim.LockSecurity {
		t.Errorf("eip-0002: %+v", e2)
	}
	if in, _ := sim.Instance("i-0002"); in.AccountID != "other" || in.Status != eipsim.InstanceStopped {
		t.Errorf("i-0002: %+v", in)
	}
	if in, _ := sim.Instance("i-0001"); in.Status != eipsim.InstanceStopping || in.VpcID != "vpc-1" {
		t.Errorf("i-0001: %+v", in)
	}
	if ngs := sim.NatGateways(); len(ngs) != 1 || len(ngs[0].AllocationIDs) != 1 || ngs[0].AllocationIDs[0] != "eip-0003" {
		t.Errorf("NAT gateways %+v", ngs)
	}
	if hv := sim.HaVips(); len(hv) != 1 || hv[0].VpcID != "vpc-1" {
		t.Errorf("HaVips %+v", hv)
	}
	if fs := sim.Faults(); len(fs) != 1 || fs[0].ID != "f-0001" {
		t.Errorf("faults %+v", fs)
	}
	if len(sim.LoadBalancers()) != 1 || len(sim.NetworkInterfaces()) != 1 {
		t.Errorf("slb %v eni %v", sim.LoadBalancers(), sim.NetworkInterfaces())
	}
}

func TestLoadWorldAsAccount(t *testing.T) {
	s, err := Parse("w.txt", []byte("AllocateEipAddress RegionId=cn-hangzhou\n----\n\nadd-instance InstanceId=i-9\n----\n"))
	if err != nil {
		t.Fatal(err)
	}
	sim, err := eipsim.New(eipsim.WithClock(simclock.New()))
	if err != nil {
		t.Fatal(err)
	}
	if err := LoadWorldFile(sim, nil, s, "acct-2"); err != nil {
		t.Fatal(err)
	}
	if eips := sim.EIPs(); len(eips) != 1 || eips[0].AccountID != "acct-2" {
		t.Errorf("EIPs %+v", eips)
	}
	if in, _ := sim.Instance("i-9"); in.AccountID != "acct-2" {
		t.Errorf("instance %+v", in)
	}
}

func TestLoadWorldErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"new-sim not first", "add-vpc VpcId=v\n----\n\nnew-sim seed=1\n----\n", "w.txt:4: new-sim: must be the first command"},
		{"bad new-sim arg", "new-sim speed=1\n----\n", "unknown argument speed; valid arguments:"},
		{"bad seed", "new-sim seed=-1\n----\n", "seed=-1"},
		{"bad delay", "new-sim cooldown=soon\n----\n", "cooldown=soon"},
		{"bad option", "new-sim quota=-1\n----\n", "negative quota"},
		{"bad rate limit", "new-sim rate-limit=(AssociateEipAddress:x/1s)\n----\n", "Requests \"x\""},
		{"old argument names", "add-instance id=i-1\n----\n", "w.txt:1: add-instance: unknown argument id; valid arguments:"},
		{"refused action", "ReleaseEipAddress AllocationId=eip-404\n----\n", "w.txt:1: ReleaseEipAddress: fails, and a world is built only of what succeeds: error 404 InvalidAllocationId.NotFound"},
		{"refused setup", "add-instance InstanceId=i-1 RegionId=mars\n----\n", "w.txt:1: add-instance: fails, and a world is built only of what succeeds: error: eipsim: AddInstance"},
		{"unknown action", "DescribeVpcs\n----\n", `w.txt:1: DescribeVpcs: unknown command "DescribeVpcs"; valid commands:`},
		{"bad fault", "inject-fault Action=Nope Code=InternalError\n----\n", "w.txt:1: inject-fault: eipsim: fault"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := loadWorld(t, "w.txt", tc.src)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// TestLibraryAsWorld loads every library file as a world file: it loads
// exactly when none of its expected outputs reports a failure, and else
// stops at the first command whose does.
func TestLibraryAsWorld(t *testing.T) {
	files, err := ListFiles("library")
	if err != nil {
		t.Fatal(err)
	}
	loaded := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Parse(f, src)
		if err != nil {
			t.Fatal(err)
		}
		want := ""
		for _, c := range s.Commands {
			if _, failed := failure(strings.TrimSuffix(c.Expected, "\n")); failed {
				want = c.Pos + ": "
				break
			}
		}
		_, _, err = loadWorld(t, f, string(src))
		var serr *Error
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: no failing command, but: %v", f, err)
		case want != "" && (err == nil || !errors.As(err, &serr) || !strings.HasPrefix(err.Error(), want)):
			t.Errorf("%s: got %v, want the error at %s", f, err, want)
		case err == nil:
			loaded++
		}
	}
	if loaded == 0 {
		t.Error("no library file loads as a world")
	}
}
