package eipsim_test

import (
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// TestNATLookupCodes drives the NotFound and Malformed codes of the NAT and
// HaVip actions through Call, by wire parameter names, and checks code,
// HTTP status and message against the catalogue.
func TestNATLookupCodes(t *testing.T) {
	tests := []struct {
		name   string
		action eipsim.Action
		params eipsim.Params
		code   eipsim.Code
	}{
		{"DeleteNatGateway unknown gateway", "DeleteNatGateway",
			eipsim.Params{"RegionId": hz, "NatGatewayId": "ngw-none"}, eipsim.CodeInvalidNatGatewayIDNotFound},
		{"DescribeSnatTableEntries unknown gateway", "DescribeSnatTableEntries",
			eipsim.Params{"RegionId": hz, "NatGatewayId": "ngw-none"}, eipsim.CodeInvalidNatGatewayIDNotFound},
		{"CreateForwardEntry unknown table", "CreateForwardEntry",
			eipsim.Params{"RegionId": hz, "ForwardTableId": "ftb-none", "ExternalIp": "203.0.113.1", "ExternalPort": "80",
				"InternalIp": "10.0.0.2", "InternalPort": "80", "IpProtocol": "TCP"}, eipsim.CodeInvalidForwardTableIDNotFound},
		{"CreateForwardEntry malformed InternalIp", "CreateForwardEntry",
			eipsim.Params{"RegionId": hz, "ForwardTableId": "ftb-t", "ExternalIp": "203.0.113.1", "ExternalPort": "80",
				"InternalIp": "10.0.0", "InternalPort": "80", "IpProtocol": "TCP"}, eipsim.CodeInvalidInternalIPMalformed},
		{"DeleteForwardEntry unknown entry", "DeleteForwardEntry",
			eipsim.Params{"RegionId": hz, "ForwardTableId": "ftb-t", "ForwardEntryId": "fwd-none"}, eipsim.CodeInvalidForwardEntryIDNotFound},
		{"DeleteSnatEntry unknown entry", "DeleteSnatEntry",
			eipsim.Params{"RegionId": hz, "SnatTableId": "stb-t", "SnatEntryId": "snat-none"}, eipsim.CodeInvalidSnatEntryIDNotFound},
		{"DescribeHaVips unknown filter key", "DescribeHaVips",
			eipsim.Params{"RegionId": hz, "Filter.1.Key": "Color", "Filter.1.Value.1": "red"}, eipsim.CodeInvalidFilterKeyNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sim, _ := eipsimtest.New(t)
			mustOK(t, sim.AddNatGateway(eipsim.NatGateway{NatGatewayID: "ngw-t"}))
			_, err := sim.Call(ctx, tt.action, tt.params)
			want := eipsim.NewError(tt.code, tt.action, "")
			wantErr(t, err, tt.code, want.HTTPStatus, want.Message)
		})
	}
}
