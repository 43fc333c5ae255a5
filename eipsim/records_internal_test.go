package eipsim

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// churn runs a random but seeded mix of EIP calls on a new Sim: allocate
// (some with tags), associate with every kind of target, unassociate,
// release, tag, Describe pages (which sync the index's trees), instances
// deleted under their EIPs, Stuck faults and their release, and clock
// moves. Every call settles first (Settle), CheckInvariants runs after
// every other compaction and every few calls, and with reuse false the
// records compactEIPs kept are dropped just after, so that no record is
// ever reused: the reference run. It returns what every call answered, the
// history, how many EIPs were allocated and how many of them got a reused
// record.
func churn(t *testing.T, seed uint64, steps int, reuse bool) (transcript []string, hist []Event, allocated, reused int) {
	t.Helper()
	clk := &stepClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	s, err := New(WithClock(clk), WithSeed(seed), WithEIPQuota(100), WithCooldown(0), WithIPPool("100.64.0.0/22"))
	if err != nil {
		t.Fatal(err)
	}
	type target struct {
		id  string
		typ InstanceType
	}
	var targets []target
	for i := range 20 {
		id := fmt.Sprintf("i-%d", i)
		must(t, s.AddInstance(Instance{InstanceID: id, PrivateIPAddresses: []string{fmt.Sprintf("192.168.0.%d", 10+i)}}))
		targets = append(targets, target{id, InstanceTypeEcsInstance})
	}
	must(t, s.AddLoadBalancer(LoadBalancer{LoadBalancerID: "lb-0"}))
	must(t, s.AddNetworkInterface(NetworkInterface{NetworkInterfaceID: "eni-0", PrivateIPAddresses: []string{"192.168.1.1", "192.168.1.2"}}))
	must(t, s.AddNatGateway(NatGateway{NatGatewayID: "ngw-0"}))
	must(t, s.AddHaVip(HaVip{HaVipID: "havip-0"}))
	targets = append(targets, target{"lb-0", InstanceTypeSlbInstance}, target{"eni-0", InstanceTypeNetworkInterface},
		target{"ngw-0", InstanceTypeNat}, target{"ngw-0", InstanceTypeNat}, target{"havip-0", InstanceTypeHaVip})
	ctx := context.Background()
	r := rand.New(rand.NewPCG(seed, 1))
	var ids []string // allocated, not yet released (as far as the answers said)
	seen := map[*eip]bool{}
	pick := func() string {
		if len(ids) == 0 {
			return "eip-none"
		}
		return ids[r.IntN(len(ids))]
	}
	note := func(what string, resp any, err error) {
		transcript = append(transcript, fmt.Sprintf("%s %+v %v", what, resp, err))
	}
	compactions := 0
	for step := range steps {
		dead := s.dead
		s.Settle()
		if s.dead < dead {
			compactions++
		}
		// Every other compaction is checked at once, and every few calls:
		// a check syncs the index, so the others are left for the calls to
		// find out about.
		if s.dead < dead && compactions%2 == 0 || step%37 == 0 {
			if err := s.CheckInvariants(); err != nil {
				t.Fatalf("seed %d step %d: %v", seed, step, err)
			}
		}
		if !reuse {
			s.freeEIPs = s.freeEIPs[:0]
		}
		switch n := r.IntN(100); {
		case n < 25 && len(ids) < 90:
			req := AllocateEipAddressRequest{RegionID: "cn-hangzhou"}
			if r.IntN(4) == 0 {
				req.Tag = []Tag{{Key: "k", Value: fmt.Sprint(r.IntN(3))}}
			}
			resp, err := s.AllocateEipAddress(ctx, req)
			note("allocate", resp, err)
			if err == nil {
				ids = append(ids, resp.AllocationID)
				allocated++
				e := s.eips.get(resp.AllocationID)
				if seen[e] {
					reused++
				}
				seen[e] = true
			}
		case n < 45:
			tg := targets[r.IntN(len(targets))]
			resp, err := s.AssociateEipAddress(ctx, AssociateEipAddressRequest{RegionID: "cn-hangzhou", AllocationID: pick(), InstanceID: tg.id, InstanceType: tg.typ})
			note("associate", resp, err)
		case n < 60:
			id := pick()
			x, _ := s.EIP(id) // its target, mostly; now and then another
			if tg := targets[r.IntN(len(targets))]; x.InstanceID == "" || r.IntN(8) == 0 {
				x.InstanceID, x.InstanceType = tg.id, tg.typ
			}
			resp, err := s.UnassociateEipAddress(ctx, UnassociateEipAddressRequest{RegionID: "cn-hangzhou", AllocationID: id, InstanceID: x.InstanceID, InstanceType: x.InstanceType, Force: r.IntN(2) == 0})
			note("unassociate", resp, err)
		case n < 80 && len(ids) > 0:
			i := r.IntN(len(ids))
			resp, err := s.ReleaseEipAddress(ctx, ReleaseEipAddressRequest{RegionID: "cn-hangzhou", AllocationID: ids[i]})
			note("release", resp, err)
			if err == nil {
				ids = append(ids[:i], ids[i+1:]...)
			}
		case n < 86:
			st := []Status{"", StatusAvailable, StatusInUse, StatusReleasing, StatusAssociating}[r.IntN(5)]
			resp, err := s.DescribeEipAddresses(ctx, DescribeEipAddressesRequest{RegionID: "cn-hangzhou", Status: st, PageNumber: 1 + r.IntN(3), PageSize: 20})
			note("describe", resp, err)
		case n < 89:
			resp, err := s.TagResources(ctx, TagResourcesRequest{RegionID: "cn-hangzhou", ResourceType: TagResourceTypeEIP, ResourceID: []string{pick()}, Tag: []Tag{{Key: "t", Value: "v"}}})
			note("tag", resp, err)
		case n < 91:
			id := fmt.Sprintf("i-%d", r.IntN(20))
			note("delete-instance", nil, s.DeleteInstance(id))
			note("add-instance", nil, s.AddInstance(Instance{InstanceID: id}))
		case n < 93:
			a := []Action{ActionReleaseEipAddress, ActionAssociateEipAddress, ActionUnassociateEipAddress}[r.IntN(3)]
			_, err := s.InjectFault(Fault{Action: a, Effect: FaultStuck, Times: 1})
			note("stuck", nil, err)
		case n < 94:
			note("release-stuck", s.ReleaseStuck(""), nil)
		default:
			clk.now = clk.now.Add(time.Duration(r.IntN(4000)) * time.Millisecond)
		}
	}
	clk.now = clk.now.Add(time.Hour)
	s.ReleaseStuck("")
	if err := s.CheckInvariants(); err != nil {
		t.Fatalf("seed %d at the end: %v", seed, err)
	}
	note("eips", s.EIPs(), nil)
	return transcript, s.History(), allocated, reused
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestEIPRecordReuse: released EIPs' records are handed out again, and
// that changes nothing anyone can see: the same calls answer the same,
// byte for byte, and make the same history as when no record is reused;
// and CheckInvariants (checkFreeEIPs) finds no free record still referred
// to, checked every few calls while the free list, the index queue and the
// trees are in every state the mix brings about.
func TestEIPRecordReuse(t *testing.T) {
	steps := 6000
	if testing.Short() {
		steps = 2000
	}
	for seed := range uint64(3) {
		got, gotHist, allocated, reused := churn(t, seed, steps, true)
		want, wantHist, _, none := churn(t, seed, steps, false)
		if none != 0 {
			t.Fatalf("seed %d: the reference run reused %d records", seed, none)
		}
		if reused < allocated/4 {
			t.Errorf("seed %d: %d of %d EIPs got a reused record, want at least a quarter", seed, reused, allocated)
		}
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("seed %d: call %d answered\n%s\nwithout reuse\n%s", seed, i, got[i], want[i])
			}
		}
		if len(got) != len(want) {
			t.Fatalf("seed %d: %d calls, %d without reuse", seed, len(got), len(want))
		}
		if !reflect.DeepEqual(gotHist, wantHist) {
			t.Fatalf("seed %d: the histories differ", seed)
		}
		t.Logf("seed %d: %d calls, %d EIPs, %d reused records", seed, len(got), allocated, reused)
	}
}

// TestCheckFreeEIPs: checkFreeEIPs reports a free record that a holder
// still refers to, for each kind of holder it looks at.
func TestCheckFreeEIPs(t *testing.T) {
	for _, c := range []struct {
		holder string
		hold   func(s *Sim, e *eip)
	}{
		{"the allocation order", func(s *Sim, e *eip) { s.order = append(s.order, e) }},
		{"the ID table", func(s *Sim, e *eip) { s.eips.put(e) }},
		{"lastEIP", func(s *Sim, e *eip) { s.lastEIP = e }},
		{"the index queue", func(s *Sim, e *eip) { s.idx.queued = append(s.idx.queued, e) }},
		{"the address pages", func(s *Sim, e *eip) { s.idx.byIP.set(e.ip, e) }},
		{"instance i-1", func(s *Sim, e *eip) { s.world.instances["i-1"].eip = e }},
		{"task t-", func(s *Sim, e *eip) {
			s.taskSeq++
			s.tasks.push(&task{due: 1 << 62, seq: s.taskSeq, done: doneRelease, eip: e})
		}},
		{"not a released", func(s *Sim, e *eip) { e.queued = true }},
		{"free twice", func(s *Sim, e *eip) { s.freeEIP(e) }},
	} {
		s, err := New(WithClock(&stepClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}))
		if err != nil {
			t.Fatal(err)
		}
		must(t, s.AddInstance(Instance{InstanceID: "i-1"}))
		e := &eip{id: "eip-test", gone: true, indexed: noState, ip: 42}
		s.freeEIP(e)
		var errs []string
		s.checkFreeEIPs(func(f string, args ...any) { errs = append(errs, fmt.Sprintf(f, args...)) })
		if len(errs) != 0 {
			t.Fatalf("an unreferenced free record: %v", errs)
		}
		c.hold(s, e)
		s.checkFreeEIPs(func(f string, args ...any) { errs = append(errs, fmt.Sprintf(f, args...)) })
		if len(errs) == 0 || !strings.Contains(strings.Join(errs, "\n"), c.holder) {
			t.Errorf("held by %s: reported %q", c.holder, errs)
		}
	}
}
