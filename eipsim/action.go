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
)

// AsyncActions are the Actions whose effect completes later on the clock
// (their delays are set with [WithTaskDelay]).
var asyncActions = []Action{ActionAssociateEipAddress, ActionUnassociateEipAddress, ActionReleaseEipAddress}
