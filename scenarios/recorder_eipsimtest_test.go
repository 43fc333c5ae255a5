package scenarios_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
	"github.com/eipsim/eipsim/scenarios"
)

// failingTB is a test that has failed: eipsimtest.New writes its recording
// when its cleanups run.
type failingTB struct {
	*testing.T
	name     string
	cleanups []func()
	logs     []string
}

func (f *failingTB) Name() string                 { return f.name }
func (f *failingTB) Failed() bool                 { return true }
func (f *failingTB) Cleanup(fn func())            { f.cleanups = append(f.cleanups, fn) }
func (f *failingTB) Logf(format string, a ...any) { f.logs = append(f.logs, fmt.Sprintf(format, a...)) }

func (f *failingTB) runCleanups() {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
}

// session does a bit of everything the recorder records: options, world
// setup, typed calls and Call, errors, clock moves that complete tasks,
// another account, locks, scheduled status changes, RequestIds drawn
// outside calls.
func session(t *testing.T, tb eipsimtest.TB) {
	sim, clk := eipsimtest.New(tb, eipsim.WithSeed(42), eipsim.WithAllocationIDs("eip-0001"),
		eipsim.WithTaskDelay(eipsim.ActionAssociateEipAddress, 5*time.Second), eipsim.WithRegions("cn-hangzhou", "cn-beijing"))
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(sim.AddVPC(eipsim.VPC{VpcID: "vpc-1"}))
	must(sim.AddInstance(eipsim.Instance{InstanceID: "i-0001", VpcID: "vpc-1", PrivateIPAddresses: []string{"10.0.0.5", "10.0.0.6"}}))
	must(sim.AddLoadBalancer(eipsim.LoadBalancer{LoadBalancerID: "lb-1"}))
	must(sim.AddNetworkInterface(eipsim.NetworkInterface{NetworkInterfaceID: "eni-1"}))
	if err := sim.AddInstance(eipsim.Instance{InstanceID: "i-0001"}); err == nil {
		t.Fatal("want a duplicate-instance error")
	}
	a := eipsimtest.MustAllocate(tb, sim)
	eipsimtest.MustAssociate(tb, sim, a.AllocationID, "i-0001")
	_, err := sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: a.AllocationID})
	eipsimtest.RequireCode(tb, err, eipsim.CodeTaskConflict)
	clk.Advance(2 * time.Second)
	sim.NewRequestID() // as an HTTP authentication failure would
	sim.NewRequestID()
	eipsimtest.Advance(sim, clk, 3*time.Second)
	eipsimtest.RequireStatus(tb, sim, a.AllocationID, eipsim.StatusInUse)
	if _, err := sim.Call(ctx, eipsim.ActionDescribeEipAddresses, eipsim.Params{"RegionId": "cn-hangzhou", "PageSize": "5"}); err != nil {
		t.Fatal(err)
	}
	must(sim.ScheduleInstanceStatus("i-0001", eipsim.InstanceStopping, 4*time.Second, eipsim.InstanceStopped))
	acct2 := eipsim.WithAccount(ctx, "acct-2")
	b, err := sim.AllocateEipAddress(acct2, eipsim.AllocateEipAddressRequest{RegionID: "cn-beijing", Description: "two words", ClientToken: "t1"})
	must(err)
	_, _ = sim.AllocateEipAddress(acct2, eipsim.AllocateEipAddressRequest{RegionID: "cn-beijing", Description: "two words", ClientToken: "t1"})
	must(sim.Lock(b.AllocationID, eipsim.LockSecurity))
	_, err = sim.ModifyEipAddressAttribute(acct2, eipsim.ModifyEipAddressAttributeRequest{AllocationID: b.AllocationID, Bandwidth: "10"})
	eipsimtest.RequireCode(tb, err, eipsim.CodeInvalidEIPStatusBizDisabled)
	clk.Advance(10 * time.Second)
	_, err = sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: a.AllocationID, Force: true})
	must(err)
	must(sim.SetDeletionProtection(a.AllocationID, true))
	clk.Advance(time.Minute)
	_, err = sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: a.AllocationID})
	eipsimtest.RequireCode(tb, err, eipsim.CodeInvalidOperationDeletionProtect)
}

// TestRecordReplay records a Go test's session, writes it as a failing test
// would, replays the file, and gets identical output.
func TestRecordReplay(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(eipsimtest.ScenarioDirEnv, dir)
	tb := &failingTB{T: t, name: "TestSession/case_1"}
	session(t, tb)
	tb.runCleanups()

	path := filepath.Join(dir, "TestSession__case_1.txt")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the failing test's scenario was not written: %v (logs: %q)", err, tb.logs)
	}
	if len(tb.logs) != 1 || !strings.Contains(tb.logs[0], path) || !strings.Contains(tb.logs[0], "cmd/eipsim run "+path) {
		t.Errorf("logs = %q, want the path and the eipsim run command", tb.logs)
	}
	for _, want := range []string{
		"new-sim seed=42 region=(cn-hangzhou, cn-beijing) associate-delay=5s ids=eip-0001\n",
		"error: eipsim: AddInstance: resource i-0001 already exists\n",
		"skip-request-ids 2\n",
		"advance 5s\n----\n+5s eip-0001 Associating -> InUse\n",
		"as-account acct-2\n",
		"Description=(two words) ClientToken=t1\n",
		"set-instance-status InstanceId=i-0001 Status=Stopping Then=Stopped After=4s\n",
		"\ncheck\n----\nok\n",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the recording lacks %q:\n%s", want, src)
		}
	}

	scenarios.RequireReplays(t, path, src)
}

// TestRecordPassingTestWritesNothing checks that a passing test leaves no file.
func TestRecordPassingTestWritesNothing(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(eipsimtest.ScenarioDirEnv, dir)
	t.Run("passes", func(t *testing.T) {
		sim, _ := eipsimtest.New(t)
		eipsimtest.MustAllocate(t, sim)
		if eipsimtest.Recording(sim) == nil {
			t.Error("eipsimtest.New did not record")
		}
	})
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a passing test wrote %v", entries)
	}
}
