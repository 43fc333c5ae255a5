package httpapi

import (
	"fmt"

	"github.com/eipsim/eipsim/eipsim"
)

// wireShapes maps every Action the engine serves to the function that
// writes its response in the shape of the official SDK's XxxResponseBody
// model (github.com/alibabacloud-go/vpc-20160428/v6/client): its field
// names, wrappers and JSON types, and no field the model lacks. There is no
// fallback: an Action without an entry is answered InternalError, and
// TestWireContract fails for it.
var wireShapes = map[eipsim.Action]func(any) (any, bool){
	eipsim.ActionAllocateEipAddress:        shape(allocateWire),
	eipsim.ActionDescribeEipAddresses:      shape(describeWire),
	eipsim.ActionAssociateEipAddress:       shape(func(r *eipsim.AssociateEipAddressResponse) requestOnly { return requestOnly{r.RequestID} }),
	eipsim.ActionUnassociateEipAddress:     shape(func(r *eipsim.UnassociateEipAddressResponse) requestOnly { return requestOnly{r.RequestID} }),
	eipsim.ActionReleaseEipAddress:         shape(func(r *eipsim.ReleaseEipAddressResponse) requestOnly { return requestOnly{r.RequestID} }),
	eipsim.ActionModifyEipAddressAttribute: shape(func(r *eipsim.ModifyEipAddressAttributeResponse) requestOnly { return requestOnly{r.RequestID} }),

	eipsim.ActionCreateNatGateway:            shape(createNatGatewayWire),
	eipsim.ActionDeleteNatGateway:            shape(func(r *eipsim.DeleteNatGatewayResponse) requestOnly { return requestOnly{r.RequestID} }),
	eipsim.ActionDescribeNatGateways:         shape(describeNatGatewaysWire),
	eipsim.ActionCreateSnatEntry:             shape(createSnatEntryWire),
	eipsim.ActionDeleteSnatEntry:             shape(func(r *eipsim.DeleteSnatEntryResponse) requestOnly { return requestOnly{r.RequestID} }),
	eipsim.ActionDescribeSnatTableEntries:    shape(describeSnatTableEntriesWire),
	eipsim.ActionCreateForwardEntry:          shape(createForwardEntryWire),
	eipsim.ActionDeleteForwardEntry:          shape(func(r *eipsim.DeleteForwardEntryResponse) requestOnly { return requestOnly{r.RequestID} }),
	eipsim.ActionDescribeForwardTableEntries: shape(describeForwardTableEntriesWire),
	eipsim.ActionCreateHaVip:                 shape(createHaVipWire),
	eipsim.ActionDeleteHaVip:                 shape(func(r *eipsim.DeleteHaVipResponse) requestOnly { return requestOnly{r.RequestID} }),
	eipsim.ActionAssociateHaVip:              shape(func(r *eipsim.AssociateHaVipResponse) requestOnly { return requestOnly{r.RequestID} }),
	eipsim.ActionUnassociateHaVip:            shape(func(r *eipsim.UnassociateHaVipResponse) requestOnly { return requestOnly{r.RequestID} }),
	eipsim.ActionDescribeHaVips:              shape(describeHaVipsWire),

	eipsim.ActionTagResources:     shape(func(r *eipsim.TagResourcesResponse) requestOnly { return requestOnly{r.RequestID} }),
	eipsim.ActionUnTagResources:   shape(func(r *eipsim.UnTagResourcesResponse) requestOnly { return requestOnly{r.RequestID} }),
	eipsim.ActionListTagResources: shape(listTagResourcesWire),
}

// shape adapts a typed shape function; it reports false for a response of
// another type.
func shape[R, W any](f func(*R) W) func(any) (any, bool) {
	return func(resp any) (any, bool) {
		r, ok := resp.(*R)
		if !ok || r == nil {
			return nil, false
		}
		return f(r), true
	}
}

// requestOnly is the answer of the actions whose model is RequestId alone.
type requestOnly struct {
	RequestID string `json:"RequestId"`
}

// errNoShape is a backend bug: an Action served without a written shape, or
// a response of the wrong type for it. It is answered InternalError.
type errNoShape struct {
	action string
	resp   any
}

func (e errNoShape) Error() string {
	return fmt.Sprintf("httpapi: no wire shape for %s response %T", e.action, e.resp)
}

// toWire returns the wire form of action's engine response.
func toWire(action string, resp any) (any, error) {
	f, ok := wireShapes[eipsim.Action(action)]
	if !ok {
		return nil, errNoShape{action, resp}
	}
	w, ok := f(resp)
	if !ok {
		return nil, errNoShape{action, resp}
	}
	return w, nil
}
