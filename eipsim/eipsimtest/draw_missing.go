package eipsimtest

import "github.com/eipsim/eipsim/eipsim"

// blankRequired empties, one call in missingEvery, a parameter the EIP
// writes require (AllocationId; AssociateEipAddress's InstanceId too): the
// MissingParameter checks that come before everything else, which no other
// draw reaches (the drawn IDs are never empty).
func blankRequired(d Driver, op *Op) {
	switch op.Cmd {
	case string(eipsim.ActionAssociateEipAddress), string(eipsim.ActionUnassociateEipAddress),
		string(eipsim.ActionReleaseEipAddress), string(eipsim.ActionModifyEipAddressAttribute):
	default:
		return
	}
	switch d.Int(0, missingEvery-1, "blank-required") {
	case 0:
		op.AllocationID = ""
	case 1:
		if op.Cmd == string(eipsim.ActionAssociateEipAddress) {
			op.InstanceID = ""
		}
	}
}

const missingEvery = 40

// missingCode is the MissingParameter answer of an EIP write that lacks a
// required parameter, or nil.
func missingCode(op Op) *want {
	name := ""
	switch {
	case op.AllocationID == "":
		name = "AllocationId"
	case op.Cmd == string(eipsim.ActionAssociateEipAddress) && op.InstanceID == "":
		name = "InstanceId"
	default:
		return nil
	}
	return &want{code: "MissingParameter", args: []any{name}, refused: true}
}
