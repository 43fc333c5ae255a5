package httpapi

import (
	"context"

	"github.com/eipsim/eipsim/eipsim"
)

// actionFunc serves one action for an authenticated account: it decodes p
// into the action's request, calls the backend and returns its response.
// Errors from Params accessors (InvalidParameter naming the parameter) may be
// returned as they are.
//
// Adding an action is one actionFunc and one entry in actions.
type actionFunc func(ctx context.Context, b Backend, account string, p Params) (any, error)

// actions is the dispatch table: the actions served. An action not in it is
// answered with 404 InvalidAction.NotFound before authentication, as the
// cloud's gateway resolves the API before it checks the caller.
var actions = map[eipsim.Action]actionFunc{
	eipsim.ActionAllocateEipAddress:        forward(eipsim.ActionAllocateEipAddress),
	eipsim.ActionAssociateEipAddress:       forward(eipsim.ActionAssociateEipAddress),
	eipsim.ActionUnassociateEipAddress:     forward(eipsim.ActionUnassociateEipAddress),
	eipsim.ActionDescribeEipAddresses:      forward(eipsim.ActionDescribeEipAddresses),
	eipsim.ActionReleaseEipAddress:         forward(eipsim.ActionReleaseEipAddress),
	eipsim.ActionModifyEipAddressAttribute: forward(eipsim.ActionModifyEipAddressAttribute),
}

// forward passes the raw Params to Backend.Call, until the action gets a
// typed decoder.
func forward(action eipsim.Action) actionFunc {
	return func(ctx context.Context, b Backend, account string, p Params) (any, error) {
		return b.Call(ctx, account, string(action), p)
	}
}
