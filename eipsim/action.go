package eipsim

// Action is a cloud API operation name, spelled as the cloud spells it.
// The Sim's methods are named after their Actions.
type Action string

// The Actions of the VPC API (2016-04-28) that the Sim serves.
const (
	ActionAllocateEipAddress        Action = "AllocateEipAddress"
	ActionAssociateEipAddress       Action = "AssociateEipAddress"
	ActionUnassociateEipAddress     Action = "UnassociateEipAddress"
	ActionDescribeEipAddresses      Action = "DescribeEipAddresses"
	ActionReleaseEipAddress         Action = "ReleaseEipAddress"
	ActionModifyEipAddressAttribute Action = "ModifyEipAddressAttribute"

	ActionCreateNatGateway            Action = "CreateNatGateway"
	ActionDeleteNatGateway            Action = "DeleteNatGateway"
	ActionDescribeNatGateways         Action = "DescribeNatGateways"
	ActionCreateSnatEntry             Action = "CreateSnatEntry"
	ActionDeleteSnatEntry             Action = "DeleteSnatEntry"
	ActionDescribeSnatTableEntries    Action = "DescribeSnatTableEntries"
	ActionCreateForwardEntry          Action = "CreateForwardEntry"
	ActionDeleteForwardEntry          Action = "DeleteForwardEntry"
	ActionDescribeForwardTableEntries Action = "DescribeForwardTableEntries"
	ActionCreateHaVip                 Action = "CreateHaVip"
	ActionDeleteHaVip                 Action = "DeleteHaVip"
	ActionAssociateHaVip              Action = "AssociateHaVip"
	ActionUnassociateHaVip            Action = "UnassociateHaVip"
	ActionDescribeHaVips              Action = "DescribeHaVips"

	ActionTagResources     Action = "TagResources"
	ActionUnTagResources   Action = "UnTagResources"
	ActionListTagResources Action = "ListTagResources"
)

// asyncActions are the Actions whose effect completes later on the clock, as
// a task. Each has its own delay ([WithTaskDelay]; [WithNATEntryDelay],
// [WithNATGatewayDelay] and [WithHaVipDelay] set a group) and takes Latency
// and Stuck fault rules.
var asyncActions = []Action{
	ActionAssociateEipAddress, ActionUnassociateEipAddress, ActionReleaseEipAddress,
	ActionCreateNatGateway, ActionDeleteNatGateway,
	ActionCreateSnatEntry, ActionDeleteSnatEntry, ActionCreateForwardEntry, ActionDeleteForwardEntry,
	ActionCreateHaVip, ActionDeleteHaVip, ActionAssociateHaVip, ActionUnassociateHaVip,
}

// The groups of asynchronous Actions that share a shorthand delay option.
var (
	natEntryActions   = []Action{ActionCreateSnatEntry, ActionDeleteSnatEntry, ActionCreateForwardEntry, ActionDeleteForwardEntry}
	natGatewayActions = []Action{ActionCreateNatGateway, ActionDeleteNatGateway}
	haVipActions      = []Action{ActionCreateHaVip, ActionDeleteHaVip, ActionAssociateHaVip, ActionUnassociateHaVip}
)
