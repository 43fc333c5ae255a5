package scenarios

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/simclock"
)

// natSession uses what the NAT, HaVip, fault and rate-limit recorder lines
// cover: their options, setup methods, Actions (typed and through Call),
// fault rules injected, fired, removed and released.
func natSession(t *testing.T) *Recorder {
	t.Helper()
	clk := simclock.New()
	rec := NewRecorder()
	sim, err := eipsim.New(eipsim.WithClock(clk), rec.Option(), eipsim.WithSeed(3),
		eipsim.WithAllocationIDs("eip-0001", "eip-0002", "eip-0003", "eip-0004"),
		eipsim.WithNATEntryDelay(time.Second), eipsim.WithNATGatewayDelay(2*time.Second), eipsim.WithHaVipDelay(time.Second),
		eipsim.WithNATEIPLimits(4, 2), eipsim.WithNATForceMode(eipsim.NATForceKeepEntries),
		eipsim.WithSnatEntryQuota(30), eipsim.WithForwardEntryQuota(90), eipsim.WithNatGatewayQuota(4), eipsim.WithHaVipQuota(9),
		eipsim.WithRateLimit(eipsim.ActionDescribeEipAddresses, eipsim.RateLimit{Requests: 2, Per: time.Second}),
		eipsim.WithRateLimit("", eipsim.RateLimit{Requests: 100, Per: time.Second, Burst: 200}),
		eipsim.WithGlobalRateLimit(eipsim.RateLimit{Requests: 1000, Per: time.Second}),
		eipsim.WithFaults(eipsim.Fault{Action: eipsim.ActionReleaseEipAddress, Code: eipsim.CodeInternalError, Times: 1}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	call := func(a eipsim.Action, p eipsim.Params) { _, _ = sim.Call(ctx, a, p) }
	must(sim.AddVPC(eipsim.VPC{VpcID: "vpc-1"}))
	must(sim.AddInstance(eipsim.Instance{InstanceID: "i-0001", VpcID: "vpc-1"}))
	must(sim.AddInstance(eipsim.Instance{InstanceID: "i-0002", VpcID: "vpc-1", PublicIP: true}))
	must(sim.AddNatGateway(eipsim.NatGateway{NatGatewayID: "ngw-0001", VpcID: "vpc-1", Name: "edge gateway"}))
	must(sim.AddHaVip(eipsim.HaVip{HaVipID: "havip-0001", VpcID: "vpc-1", IPAddress: "10.0.0.100"}))
	if err := sim.AddHaVip(eipsim.HaVip{HaVipID: "havip-0001"}); err == nil {
		t.Fatal("want a duplicate-HaVip error")
	}
	if _, err := sim.ConvertNatPublicIpToEip("i-0002"); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		_, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"})
		must(err)
	}
	for _, id := range []string{"eip-0002", "eip-0003"} {
		_, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: id, InstanceID: "ngw-0001", InstanceType: eipsim.InstanceTypeNat})
		must(err)
	}
	clk.Advance(3 * time.Second)
	ip2, _ := sim.EIP("eip-0002")
	ip3, _ := sim.EIP("eip-0003")
	_, err = sim.CreateSnatEntry(ctx, eipsim.CreateSnatEntryRequest{RegionID: "cn-hangzhou", SnatTableID: "stb-0001", SnatIP: ip2.IPAddress, SourceCIDR: "10.0.0.0/24"})
	must(err)
	clk.Advance(time.Second)
	call(eipsim.ActionCreateForwardEntry, eipsim.Params{"RegionId": "cn-hangzhou", "ForwardTableId": "ftb-0001", "ExternalIp": ip3.IPAddress,
		"ExternalPort": "80", "InternalIp": "10.0.0.5", "InternalPort": "8080", "IpProtocol": "TCP"})
	call(eipsim.ActionUnassociateEipAddress, eipsim.Params{"AllocationId": "eip-0003"}) // Pending DNAT entry
	clk.Advance(time.Second)
	call(eipsim.ActionDescribeSnatTableEntries, eipsim.Params{"RegionId": "cn-hangzhou", "SnatTableId": "stb-0001"})
	call(eipsim.ActionDescribeForwardTableEntries, eipsim.Params{"RegionId": "cn-hangzhou", "ForwardTableId": "ftb-0001"})
	call(eipsim.ActionUnassociateEipAddress, eipsim.Params{"AllocationId": "eip-0002"})
	must(sim.SetNatGatewayFinancialLock("ngw-0001", true))
	call(eipsim.ActionAssociateEipAddress, eipsim.Params{"AllocationId": "eip-0004", "InstanceId": "ngw-0001", "InstanceType": "Nat"})
	must(sim.SetNatGatewayFinancialLock("ngw-0001", false))
	call(eipsim.ActionCreateHaVip, eipsim.Params{"RegionId": "cn-hangzhou", "VSwitchId": "vsw-1", "Description": "two words"})
	call(eipsim.ActionAssociateHaVip, eipsim.Params{"RegionId": "cn-hangzhou", "HaVipId": "havip-0001", "InstanceId": "i-0001"})
	call(eipsim.ActionAssociateEipAddress, eipsim.Params{"AllocationId": "eip-0004", "InstanceId": "havip-0001", "InstanceType": "HaVip"})
	must(sim.SetSystemBusy(eipsim.ActionDescribeHaVips, 1))
	call(eipsim.ActionDescribeHaVips, eipsim.Params{"RegionId": "cn-hangzhou"})
	clk.Advance(2 * time.Second)
	call(eipsim.ActionDescribeHaVips, eipsim.Params{"RegionId": "cn-hangzhou"})
	for range 3 {
		call(eipsim.ActionDescribeEipAddresses, eipsim.Params{"RegionId": "cn-hangzhou"})
	}
	h, err := sim.InjectFault(eipsim.Fault{Action: eipsim.ActionAssociateEipAddress, Effect: eipsim.FaultStuck})
	must(err)
	call(eipsim.ActionAssociateEipAddress, eipsim.Params{"AllocationId": "eip-0004", "InstanceId": "i-0001"})
	clk.Advance(10 * time.Second)
	if n := sim.ReleaseStuck(""); n != 1 {
		t.Errorf("ReleaseStuck released %d tasks, want 1", n)
	}
	sim.RemoveFault(h)
	sim.RemoveFault(h)
	_, err = sim.InjectFault(eipsim.Fault{Action: eipsim.ActionAllocateEipAddress, Code: eipsim.CodeOperationFailedSystemBusy, Probability: 0.5})
	must(err)
	for range 4 {
		call(eipsim.ActionAllocateEipAddress, eipsim.Params{"RegionId": "cn-hangzhou"})
	}
	call(eipsim.ActionReleaseEipAddress, eipsim.Params{"AllocationId": "eip-0001"}) // WithFaults' rule
	sim.ClearFaults()
	call(eipsim.ActionDeleteNatGateway, eipsim.Params{"RegionId": "cn-hangzhou", "NatGatewayId": "ngw-0001", "Force": "true"})
	clk.Advance(3 * time.Second)
	call(eipsim.ActionDescribeNatGateways, eipsim.Params{"RegionId": "cn-hangzhou"})
	must(sim.CheckInvariants())
	return rec
}

// TestRecordReplayNAT records a session with NAT gateways, HaVips, faults
// and rate limits, replays the recording, and gets identical output.
func TestRecordReplayNAT(t *testing.T) {
	src := natSession(t).Bytes()
	for _, want := range []string{
		"new-sim seed=3 ids=(eip-0001, eip-0002, eip-0003, eip-0004) nat-entry-delay=1s nat-gateway-delay=2s havip-delay=1s " +
			"nat-eip-limits=(4, 2) snat-entry-quota=30 forward-entry-quota=90 nat-gateway-quota=4 havip-quota=9 nat-force-mode=keep-entries rate-limit=(*:100/1s:200, DescribeEipAddresses:2/1s) global-rate-limit=1000/1s\n",
		"\ninject-fault Action=ReleaseEipAddress Code=InternalError Times=1\n----\nf-0001\n",
		"add-nat-gateway NatGatewayId=ngw-0001 Name=(edge gateway) VpcId=vpc-1\n----\nok\n",
		"add-havip HaVipId=havip-0001 IpAddress=10.0.0.100 VpcId=vpc-1\n----\nok\n",
		"add-havip HaVipId=havip-0001\n----\nerror: eipsim: AddHaVip: resource havip-0001 already exists\n",
		"convert-nat-public-ip InstanceId=i-0002\n----\nAllocationId=eip-0001\n",
		"\nCreateSnatEntry RegionId=cn-hangzhou SnatTableId=stb-0001 SnatIp=",
		"error 400 InvalidStatus.SnatOrDnat: ",
		"error 400 InvalidIpStatus.HasBeenUsedBySnatTable: ",
		"set-nat-gateway-financial-lock NatGatewayId=ngw-0001 Locked=true\n----\nok\n",
		"error 400 NATGATEWAY_FINANCIALLOCKED: ",
		"CreateHaVip RegionId=cn-hangzhou VSwitchId=vsw-1 Description=(two words)\n",
		// set-system-busy adds an ordinary fault rule (f-0002), so it takes an ID.
		"set-system-busy Action=DescribeHaVips Times=1\n----\nok\n",
		"error 400 OperationFailed.SystemBusy: ",
		"error 400 Throttling.User: ",
		"inject-fault Action=AssociateEipAddress Effect=Stuck\n----\nf-0003\n",
		"release-stuck\n----\nreleased 1\n+",
		"remove-fault f-0003\n----\nok\n",
		"remove-fault f-0003\n----\nnot found\n",
		"inject-fault Action=AllocateEipAddress Code=OperationFailed.SystemBusy Probability=0.5\n----\nf-0004\n",
		"clear-faults\n----\nok\n",
		"ReleaseEipAddress AllocationId=eip-0001\n----\nerror 500 InternalError: ",
		"\nSnatEntryId=snat-",
		"DeleteNatGateway RegionId=cn-hangzhou NatGatewayId=ngw-0001 Force=true\n",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the recording lacks %q:\n%s", want, src)
		}
	}
	requireReplays(t, "nat.txt", src)
}
