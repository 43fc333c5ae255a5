package eipsimtest

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// Op is one step of an operation sequence: a cloud Action (CamelCase, with
// its wire parameters) or a harness command (kebab-case: advance, lock,
// set-instance-status, ...). Its String form is a scenario line. Fields a
// command does not use are left empty.
type Op struct {
	// Cmd is the Action or harness command.
	Cmd string
	// Account makes the call as an account other than the default one.
	Account string

	RegionID, AllocationID, InstanceID, InstanceType string
	PrivateIPAddress, Mode, ClientToken              string
	// NetworkInterfaceID names the ENI of the ENI harness commands.
	NetworkInterfaceID                  string
	Force                               bool
	Bandwidth, InternetChargeType, Name string
	// Description is ModifyEipAddressAttribute's.
	Description string
	// Status is the Describe filter, or the new status of a set-*-status command.
	Status string
	// Then and D: set-instance-status moves to Then after D; advance moves the clock by D.
	Then       string
	D          time.Duration
	LockReason string
	On         bool // set-deletion-protection
	PageNumber int
	PageSize   int

	// NAT gateways, their entries and HaVips: InstanceID names the gateway
	// (DeleteNatGateway) or the HaVip; Target is the ECS instance of
	// AssociateHaVip/UnassociateHaVip; Table the SNAT or DNAT table; Entry
	// the entry to delete; IP the SnatIp (comma-separated) or ExternalIp.
	Target, Table, Entry, IP, VSwitch string
	// SourceCIDR and EntryName (SnatEntryName) are CreateSnatEntry's.
	SourceCIDR, EntryName          string
	ExtPort, IntIP, IntPort, Proto string
	PortBreak                      bool
	// The listings' filters: DescribeNatGateways' VpcId (its NatGatewayId
	// is InstanceID) and DescribeHaVips' Filter.1 (Key, Value.1). The
	// entry listings filter on Entry, IP (SnatIp, ExternalIp), VSwitch,
	// IntIP and Proto, and name the gateway (NatGatewayId) in InstanceID.
	VpcID, FilterKey, FilterValue string
	// DescribeEipAddresses' ChargeType and DryRun; its
	// AssociatedInstanceType and AssociatedInstanceId are InstanceType
	// and InstanceID.
	ChargeType string
	DryRun     bool
	// AllocateEipAddress's InstanceChargeType, Period, PricingCycle, ISP
	// and IpAddress (model_pool.go).
	InstanceChargeType, PricingCycle, ISP, IPAddress string
	Period                                           int

	// Tags (Tag.N) of TagResources, TagKeys (TagKey.N) and All of
	// UnTagResources; the one resource (ResourceId.1, ResourceType=EIP) of
	// the tag Actions is AllocationID.
	Tags    []eipsim.Tag
	TagKeys []string
	All     bool
}

// The harness commands an Op can be, besides the cloud Actions.
const (
	CmdAdvance               = "advance"
	CmdLock                  = "lock"
	CmdUnlock                = "unlock"
	CmdSetDeletionProtection = "set-deletion-protection"
	CmdSetInstanceStatus     = "set-instance-status"
	CmdSetSLBStatus          = "set-slb-status"
	CmdSetENIStatus          = "set-eni-status"
	CmdAttachENI             = "attach-eni"
	CmdDetachENI             = "detach-eni"
	CmdDeleteInstance        = "delete-instance"
	CmdDeleteSLB             = "delete-slb"
	CmdDeleteENI             = "delete-eni"
	// CmdNatLock is SetNatGatewayFinancialLock, which package scenarios has
	// no command for yet.
	CmdNatLock = "set-nat-gateway-financial-lock"
)

// String renders op as one line for failure messages: the Action with its
// wire parameter names, or the harness command with the scenario
// language's argument names. A call made as another account ends in
// account=ID, where a scenario file has an "as-account ID" line before it;
// [Record] writes the replayable scenario file of a run.
func (op Op) String() string {
	var b strings.Builder
	b.WriteString(op.Cmd)
	kv := func(k, v string) {
		if v != "" {
			b.WriteString(" " + k + "=" + v)
		}
	}
	switch op.Cmd {
	case CmdAdvance:
		b.WriteString(" " + op.D.String())
		return b.String()
	case CmdSetInstanceStatus:
		kv("InstanceId", op.InstanceID)
		kv("Status", op.Status)
		if op.Then != "" {
			kv("Then", op.Then)
			kv("After", op.D.String())
		}
		return b.String()
	case CmdSetDeletionProtection:
		kv("AllocationId", op.AllocationID)
		kv("Enabled", strconv.FormatBool(op.On))
		return b.String()
	case CmdSetENIStatus:
		kv("NetworkInterfaceId", op.NetworkInterfaceID)
		if op.Status == "" {
			b.WriteString(" Status=")
		}
		kv("Status", op.Status)
		return b.String()
	case CmdSetSLBStatus, CmdDeleteSLB:
		kv("LoadBalancerId", op.InstanceID)
		kv("Status", op.Status)
		return b.String()
	case CmdAttachENI, CmdDetachENI, CmdDeleteENI:
		kv("NetworkInterfaceId", op.NetworkInterfaceID)
		kv("InstanceId", op.InstanceID)
		return b.String()
	}
	kv("RegionId", op.RegionID)
	if op.isTagCall() {
		op.tagString(&b)
		kv("account", op.Account)
		return b.String()
	}
	kv("AllocationId", op.AllocationID)
	switch op.Cmd {
	case string(eipsim.ActionDeleteNatGateway):
		kv("NatGatewayId", op.InstanceID)
		op.InstanceID = ""
	case string(eipsim.ActionDeleteHaVip), string(eipsim.ActionAssociateHaVip), string(eipsim.ActionUnassociateHaVip):
		kv("HaVipId", op.InstanceID)
		op.InstanceID = op.Target
	case string(eipsim.ActionCreateSnatEntry), string(eipsim.ActionDeleteSnatEntry):
		kv("SnatTableId", op.Table)
		kv("SnatEntryId", op.Entry)
		kv("SnatIp", op.IP)
		kv("SourceVSwitchId", op.VSwitch)
		kv("SourceCIDR", op.SourceCIDR)
		kv("SnatEntryName", op.EntryName)
	case string(eipsim.ActionCreateForwardEntry), string(eipsim.ActionDeleteForwardEntry):
		kv("ForwardTableId", op.Table)
		kv("ForwardEntryId", op.Entry)
		kv("ExternalIp", op.IP)
		kv("ExternalPort", op.ExtPort)
		kv("InternalIp", op.IntIP)
		kv("InternalPort", op.IntPort)
		kv("IpProtocol", op.Proto)
		if op.PortBreak {
			kv("PortBreak", "true")
		}
	case string(eipsim.ActionCreateNatGateway), string(eipsim.ActionCreateHaVip):
		kv("VSwitchId", op.VSwitch)
	case string(eipsim.ActionAllocateEipAddress):
		kv("InstanceChargeType", op.InstanceChargeType)
		if op.Period != 0 {
			kv("Period", strconv.Itoa(op.Period))
		}
		kv("PricingCycle", op.PricingCycle)
		kv("ISP", op.ISP)
		kv("IpAddress", op.IPAddress)
	case string(eipsim.ActionDescribeEipAddresses):
		kv("EipAddress", op.IP)
		kv("AssociatedInstanceType", op.InstanceType)
		kv("AssociatedInstanceId", op.InstanceID)
		kv("ChargeType", op.ChargeType)
		if op.DryRun {
			kv("DryRun", "true")
		}
		op.InstanceID, op.InstanceType = "", ""
	case string(eipsim.ActionDescribeNatGateways):
		kv("NatGatewayId", op.InstanceID)
		kv("VpcId", op.VpcID)
		op.InstanceID = ""
	case string(eipsim.ActionDescribeHaVips):
		kv("Filter.1.Key", op.FilterKey)
		kv("Filter.1.Value.1", op.FilterValue)
	case string(eipsim.ActionDescribeSnatTableEntries):
		kv("SnatTableId", op.Table)
		kv("NatGatewayId", op.InstanceID)
		kv("SnatEntryId", op.Entry)
		kv("SnatIp", op.IP)
		kv("SourceVSwitchId", op.VSwitch)
		op.InstanceID = ""
	case string(eipsim.ActionDescribeForwardTableEntries):
		kv("ForwardTableId", op.Table)
		kv("NatGatewayId", op.InstanceID)
		kv("ForwardEntryId", op.Entry)
		kv("ExternalIp", op.IP)
		kv("InternalIp", op.IntIP)
		kv("IpProtocol", op.Proto)
		op.InstanceID = ""
	}
	kv("InstanceId", op.InstanceID)
	kv("InstanceType", op.InstanceType)
	kv("PrivateIpAddress", op.PrivateIPAddress)
	kv("Mode", op.Mode)
	if op.Force {
		kv("Force", "true")
	}
	kv("Bandwidth", op.Bandwidth)
	kv("InternetChargeType", op.InternetChargeType)
	kv("Name", op.Name)
	kv("Description", op.Description)
	kv("Status", op.Status)
	kv("LockReason", op.LockReason)
	if op.PageNumber != 0 {
		kv("PageNumber", strconv.Itoa(op.PageNumber))
	}
	if op.PageSize != 0 {
		kv("PageSize", strconv.Itoa(op.PageSize))
	}
	kv("ClientToken", op.ClientToken)
	if op.Account != "" {
		kv("account", op.Account)
	}
	return b.String()
}

// Clocked is a clock the harness can move: *Clock and *clock.Mock.
type Clocked interface {
	eipsim.Clock
	Add(time.Duration)
}

// Apply runs op on sim (moving clk for advance) and returns the cloud's
// response, or its error: an *eipsim.Error for a cloud Action, a plain
// error for a harness command the Sim refused.
func Apply(ctx context.Context, sim *eipsim.Sim, clk Clocked, op Op) (any, error) {
	if op.Account != "" {
		ctx = eipsim.WithAccount(ctx, op.Account)
	}
	switch op.Cmd {
	case string(eipsim.ActionAllocateEipAddress):
		return sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: op.RegionID, Bandwidth: op.Bandwidth,
			InternetChargeType: op.InternetChargeType, ClientToken: op.ClientToken, InstanceChargeType: op.InstanceChargeType,
			Period: op.Period, PricingCycle: op.PricingCycle, ISP: op.ISP, IPAddress: op.IPAddress})
	case string(eipsim.ActionAssociateEipAddress):
		return sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{RegionID: op.RegionID, AllocationID: op.AllocationID,
			InstanceID: op.InstanceID, InstanceType: eipsim.InstanceType(op.InstanceType), PrivateIPAddress: op.PrivateIPAddress,
			Mode: op.Mode, ClientToken: op.ClientToken})
	case string(eipsim.ActionUnassociateEipAddress):
		return sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{RegionID: op.RegionID, AllocationID: op.AllocationID,
			InstanceID: op.InstanceID, InstanceType: eipsim.InstanceType(op.InstanceType), PrivateIPAddress: op.PrivateIPAddress,
			Force: op.Force, ClientToken: op.ClientToken})
	case string(eipsim.ActionReleaseEipAddress):
		return sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{RegionID: op.RegionID, AllocationID: op.AllocationID})
	case string(eipsim.ActionModifyEipAddressAttribute):
		return sim.ModifyEipAddressAttribute(ctx, eipsim.ModifyEipAddressAttributeRequest{RegionID: op.RegionID,
			AllocationID: op.AllocationID, Bandwidth: op.Bandwidth, Name: op.Name, Description: op.Description})
	case string(eipsim.ActionDescribeEipAddresses):
		return sim.DescribeEipAddresses(ctx, eipsim.DescribeEipAddressesRequest{RegionID: op.RegionID, AllocationID: op.AllocationID, EipAddress: op.IP,
			Status: eipsim.Status(op.Status), LockReason: eipsim.LockReason(op.LockReason), PageNumber: op.PageNumber, PageSize: op.PageSize,
			AssociatedInstanceType: eipsim.InstanceType(op.InstanceType), AssociatedInstanceID: op.InstanceID, ChargeType: op.ChargeType, DryRun: op.DryRun})
	case string(eipsim.ActionCreateNatGateway):
		return sim.CreateNatGateway(ctx, eipsim.CreateNatGatewayRequest{RegionID: op.RegionID, VpcID: implicitVPC(op.RegionID, eipsim.AccountFrom(ctx)), VSwitchID: op.VSwitch,
			ClientToken: op.ClientToken})
	case string(eipsim.ActionDeleteNatGateway):
		return sim.DeleteNatGateway(ctx, eipsim.DeleteNatGatewayRequest{RegionID: op.RegionID, NatGatewayID: op.InstanceID, Force: op.Force})
	case string(eipsim.ActionCreateSnatEntry):
		return sim.CreateSnatEntry(ctx, eipsim.CreateSnatEntryRequest{RegionID: op.RegionID, SnatTableID: op.Table, SnatIP: op.IP, SourceVSwitchID: op.VSwitch,
			SourceCIDR: op.SourceCIDR, SnatEntryName: op.EntryName, ClientToken: op.ClientToken})
	case string(eipsim.ActionDeleteSnatEntry):
		return sim.DeleteSnatEntry(ctx, eipsim.DeleteSnatEntryRequest{RegionID: op.RegionID, SnatTableID: op.Table, SnatEntryID: op.Entry, ClientToken: op.ClientToken})
	case string(eipsim.ActionCreateForwardEntry):
		return sim.CreateForwardEntry(ctx, eipsim.CreateForwardEntryRequest{RegionID: op.RegionID, ForwardTableID: op.Table, ExternalIP: op.IP,
			ExternalPort: op.ExtPort, InternalIP: op.IntIP, InternalPort: op.IntPort, IPProtocol: op.Proto, PortBreak: op.PortBreak, ClientToken: op.ClientToken})
	case string(eipsim.ActionDeleteForwardEntry):
		return sim.DeleteForwardEntry(ctx, eipsim.DeleteForwardEntryRequest{RegionID: op.RegionID, ForwardTableID: op.Table, ForwardEntryID: op.Entry,
			ClientToken: op.ClientToken})
	case string(eipsim.ActionCreateHaVip):
		return sim.CreateHaVip(ctx, eipsim.CreateHaVipRequest{RegionID: op.RegionID, VSwitchID: op.VSwitch, ClientToken: op.ClientToken})
	case string(eipsim.ActionDeleteHaVip):
		return sim.DeleteHaVip(ctx, eipsim.DeleteHaVipRequest{RegionID: op.RegionID, HaVipID: op.InstanceID, ClientToken: op.ClientToken})
	case string(eipsim.ActionAssociateHaVip):
		return sim.AssociateHaVip(ctx, eipsim.AssociateHaVipRequest{RegionID: op.RegionID, HaVipID: op.InstanceID, InstanceID: op.Target, ClientToken: op.ClientToken})
	case string(eipsim.ActionUnassociateHaVip):
		return sim.UnassociateHaVip(ctx, eipsim.UnassociateHaVipRequest{RegionID: op.RegionID, HaVipID: op.InstanceID, InstanceID: op.Target, Force: op.Force,
			ClientToken: op.ClientToken})
	case string(eipsim.ActionDescribeNatGateways):
		return sim.DescribeNatGateways(ctx, eipsim.DescribeNatGatewaysRequest{RegionID: op.RegionID, NatGatewayID: op.InstanceID, VpcID: op.VpcID,
			Status: op.Status, PageNumber: op.PageNumber, PageSize: op.PageSize})
	case string(eipsim.ActionDescribeHaVips):
		return sim.DescribeHaVips(ctx, eipsim.DescribeHaVipsRequest{RegionID: op.RegionID, Filter1Key: op.FilterKey, Filter1Value: op.FilterValue,
			PageNumber: op.PageNumber, PageSize: op.PageSize})
	case string(eipsim.ActionDescribeSnatTableEntries):
		return sim.DescribeSnatTableEntries(ctx, eipsim.DescribeSnatTableEntriesRequest{RegionID: op.RegionID, SnatTableID: op.Table,
			NatGatewayID: op.InstanceID, SnatEntryID: op.Entry, SnatIP: op.IP, SourceVSwitchID: op.VSwitch, PageNumber: op.PageNumber, PageSize: op.PageSize})
	case string(eipsim.ActionDescribeForwardTableEntries):
		return sim.DescribeForwardTableEntries(ctx, eipsim.DescribeForwardTableEntriesRequest{RegionID: op.RegionID, ForwardTableID: op.Table,
			NatGatewayID: op.InstanceID, ForwardEntryID: op.Entry, ExternalIP: op.IP, InternalIP: op.IntIP, IPProtocol: op.Proto,
			PageNumber: op.PageNumber, PageSize: op.PageSize})
	case string(eipsim.ActionTagResources):
		return sim.TagResources(ctx, eipsim.TagResourcesRequest{RegionID: op.RegionID, ResourceType: eipsim.TagResourceTypeEIP,
			ResourceID: []string{op.AllocationID}, Tag: op.Tags})
	case string(eipsim.ActionUnTagResources):
		return sim.UnTagResources(ctx, eipsim.UnTagResourcesRequest{RegionID: op.RegionID, ResourceType: eipsim.TagResourceTypeEIP,
			ResourceID: []string{op.AllocationID}, TagKey: op.TagKeys, All: op.All})
	case string(eipsim.ActionListTagResources):
		return sim.ListTagResources(ctx, eipsim.ListTagResourcesRequest{RegionID: op.RegionID, ResourceType: eipsim.TagResourceTypeEIP,
			ResourceID: []string{op.AllocationID}})
	case CmdNatLock:
		return nil, sim.SetNatGatewayFinancialLock(op.InstanceID, op.On)
	case CmdAdvance:
		clk.Add(op.D)
		sim.Settle()
		return nil, nil
	case CmdLock:
		return nil, sim.Lock(op.AllocationID, eipsim.LockReason(op.LockReason))
	case CmdUnlock:
		return nil, sim.Unlock(op.AllocationID, eipsim.LockReason(op.LockReason))
	case CmdSetDeletionProtection:
		return nil, sim.SetDeletionProtection(op.AllocationID, op.On)
	case CmdSetInstanceStatus:
		return nil, sim.ScheduleInstanceStatus(op.InstanceID, eipsim.InstanceStatus(op.Status), op.D, eipsim.InstanceStatus(op.Then))
	case CmdSetSLBStatus:
		return nil, sim.SetLoadBalancerStatus(op.InstanceID, op.Status)
	case CmdSetENIStatus:
		return nil, sim.SetNetworkInterfaceStatus(op.NetworkInterfaceID, op.Status)
	case CmdAttachENI:
		return nil, sim.AttachNetworkInterface(op.NetworkInterfaceID, op.InstanceID)
	case CmdDetachENI:
		return nil, sim.DetachNetworkInterface(op.NetworkInterfaceID)
	case CmdDeleteInstance:
		return nil, sim.DeleteInstance(op.InstanceID)
	case CmdDeleteSLB:
		return nil, sim.DeleteLoadBalancer(op.InstanceID)
	case CmdDeleteENI:
		return nil, sim.DeleteNetworkInterface(op.NetworkInterfaceID)
	}
	return nil, fmt.Errorf("eipsimtest: unknown command %q", op.Cmd)
}
