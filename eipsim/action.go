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
)

// AsyncActions are the Actions whose effect completes later on the clock
// (their delays are set with [WithTaskDelay]).
var asyncActions = []Action{ActionAssociateEipAddress, ActionUnassociateEipAddress, ActionReleaseEipAddress}
