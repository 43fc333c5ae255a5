package scenarios

import (
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

const worldFile = `# a world for eipsim serve
new-sim seed=7 ids=(eip-0001, eip-0002) associate-delay=0s cooldown=0s regions=(cn-hangzhou, cn-beijing)
----
this expected output is ignored

add-vpc id=vpc-1
----

add-instance id=i-0001 vpc=vpc-1
----

add-instance id=i-0002 account=other status=Stopped
----

add-slb id=lb-1
----

add-eni id=eni-1 private-ips=(10.0.0.9)
----

AllocateEipAddress RegionId=cn-hangzhou Bandwidth=8
----
anything

AssociateEipAddress AllocationId=eip-0001 InstanceId=i-0001
----

AllocateEipAddress RegionId=cn-beijing
----

lock id=eip-0002 reason=security
----

set-instance-status id=i-0001 status=Stopping
----

describe-state
----
`

func TestLoadWorld(t *testing.T) {
	s, err := Parse("world.txt", []byte(worldFile))
	if err != nil {
		t.Fatal(err)
	}
	opts, err := SimOptions(s)
	if err != nil {
		t.Fatal(err)
	}
	sim, clk := eipsimtest.New(t, opts...)
	if err := LoadWorld(sim, s); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Second)
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
	if len(sim.LoadBalancers()) != 1 || len(sim.NetworkInterfaces()) != 1 {
		t.Errorf("slb %v eni %v", sim.LoadBalancers(), sim.NetworkInterfaces())
	}
}

func TestLoadWorldAs(t *testing.T) {
	s, err := Parse("w.txt", []byte("AllocateEipAddress RegionId=cn-hangzhou\n----\n\nadd-instance id=i-9\n----\n"))
	if err != nil {
		t.Fatal(err)
	}
	sim, _ := eipsimtest.New(t)
	if err := LoadWorldAs(sim, s, "acct-2"); err != nil {
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
		{"new-sim not first", "add-vpc id=v\n----\n\nnew-sim seed=1\n----\n", "w.txt:4: new-sim: must be the first command"},
		{"bad new-sim arg", "new-sim speed=1\n----\n", "unknown argument speed"},
		{"bad seed", "new-sim seed=-1\n----\n", "seed=-1"},
		{"bad delay", "new-sim cooldown=soon\n----\n", "cooldown=soon"},
		{"bad option", "new-sim quota=-1\n----\n", "negative quota"},
		{"advance", "advance 3s\n----\n", "w.txt:1: advance: not supported in a world file"},
		{"refused action", "ReleaseEipAddress AllocationId=eip-404\n----\n", "w.txt:1: ReleaseEipAddress: eipsim: InvalidAllocationId.NotFound"},
		{"unknown action", "DescribeVpcs\n----\n", "InvalidAction.NotFound"},
		{"list value", "AllocateEipAddress RegionId=(a, b)\n----\n", "exactly one value"},
		{"missing id", "add-instance region=cn-hangzhou\n----\n", "missing argument id"},
		{"engine refuses", "add-instance id=i-1 region=mars\n----\n", "w.txt:1: add-instance:"},
		{"unknown lock", "lock id=eip-1 reason=financial\n----\n", "w.txt:1: lock:"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Parse("w.txt", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			opts, err := SimOptions(s)
			if err == nil {
				var sim *eipsim.Sim
				sim, err = eipsim.New(append(opts, eipsim.WithClock(eipsimtest.NewClock()))...)
				if err == nil {
					err = LoadWorld(sim, s)
				}
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}
