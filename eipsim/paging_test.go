package eipsim_test

import (
	"reflect"
	"strconv"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
)

// TestPagingNeverOverflows: a PageNumber whose offset (PageNumber-1)*PageSize
// overflows int used to panic slicing the listing. Every listing now refuses
// a PageNumber beyond int32 (what the SDK can send) with InvalidParameter and
// answers the largest accepted page with an empty page.
func TestPagingNeverOverflows(t *testing.T) {
	listings := []struct {
		action eipsim.Action
		params eipsim.Params
	}{
		{eipsim.ActionDescribeEipAddresses, eipsim.Params{"RegionId": region}},
		{eipsim.ActionDescribeNatGateways, eipsim.Params{"RegionId": region}},
		{eipsim.ActionDescribeHaVips, eipsim.Params{"RegionId": region}},
		{eipsim.ActionDescribeSnatTableEntries, eipsim.Params{"RegionId": region, "SnatTableId": "stb-t"}},
		{eipsim.ActionDescribeForwardTableEntries, eipsim.Params{"RegionId": region, "ForwardTableId": "ftb-t"}},
	}
	sim, _, eips := natWorld(t, 2)
	snat(t, sim, eips[0].IPAddress, "10.0.0.0/24")
	dnat(t, sim, eips[1].IPAddress, "80", false)
	for _, l := range listings {
		t.Run(string(l.action), func(t *testing.T) {
			call := func(num, size string) (any, error) {
				p := eipsim.Params{"PageNumber": num, "PageSize": size}
				for k, v := range l.params {
					p[k] = v
				}
				return sim.Call(ctx, l.action, p)
			}
			for _, num := range []string{"4611686018427387905", "9223372036854775807", strconv.Itoa(1 << 31)} {
				_, err := call(num, "2")
				wantErr(t, err, eipsim.CodeInvalidParameter, 400, invalidMsg("PageNumber"))
			}
			resp, err := call("2147483647", "50")
			mustOK(t, err)
			v := reflect.ValueOf(resp).Elem()
			if v.FieldByName("PageNumber").Int() != 2147483647 || v.FieldByName("TotalCount").Int() < 1 && l.action != eipsim.ActionDescribeHaVips {
				t.Fatalf("last page: %+v", resp)
			}
			for i := range v.NumField() {
				if f := v.Field(i); f.Kind() == reflect.Slice && f.Len() != 0 {
					t.Fatalf("last page lists %s: %+v", v.Type().Field(i).Name, resp)
				}
			}
		})
	}
}
