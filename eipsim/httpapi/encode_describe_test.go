package httpapi

import (
	"bytes"
	"encoding/json"
	"testing"

	"pgregory.net/rapid"
)

// reflectJSON is encodeJSON by encoding/json alone (no jsonAppender).
func reflectJSON(t *rapid.T, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// wireString draws the strings an answer may hold: plain ones, HTML
// characters, control characters, any Unicode (U+2028 included), and
// invalid UTF-8.
func wireString() *rapid.Generator[string] {
	return rapid.OneOf(
		rapid.SampledFrom([]string{"", "eip-0001", "203.0.113.7", "a<b>&c", "q\"uote\\", "tab\tnl\n\b\f\r\x00\x1f\x7f", "\u2028\u2029", "名字", "\xff\xfe", "a\xc3"}),
		rapid.String(),
		rapid.Map(rapid.SliceOf(rapid.Byte()), func(b []byte) string { return string(b) }),
	)
}

// TestDescribeJSONMatchesEncodingJSON: the hand-written encoding of
// DescribeEipAddresses's answer writes exactly encoding/json's bytes (HTML
// escaping off), for any strings, numbers, booleans, and nil or empty lists.
func TestDescribeJSONMatchesEncodingJSON(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		str := wireString()
		strs := func(label string) []string {
			if rapid.Bool().Draw(t, label+"-nil") {
				return nil
			}
			return rapid.SliceOfN(str, 0, 3).Draw(t, label)
		}
		r := &describeResponse{
			RequestID:  str.Draw(t, "rid"),
			TotalCount: rapid.Int().Draw(t, "total"),
			PageNumber: rapid.Int().Draw(t, "page"),
			PageSize:   rapid.Int().Draw(t, "size"),
		}
		if !rapid.Bool().Draw(t, "nil-items") {
			r.EipAddresses.EipAddress = []eipItem{}
		}
		for range rapid.IntRange(0, 3).Draw(t, "items") {
			it := eipItem{}
			for _, p := range []*string{&it.AllocationID, &it.IPAddress, &it.RegionID, &it.Status, &it.InstanceID,
				&it.InstanceType, &it.InstanceRegionID, &it.PrivateIPAddress, &it.Mode, &it.ChargeType,
				&it.InternetChargeType, &it.Bandwidth, &it.EipBandwidth, &it.ISP, &it.Netmode, &it.Name,
				&it.Description, &it.ResourceGroupID, &it.BusinessStatus, &it.AllocationTime, &it.ExpiredTime,
				&it.VpcID, &it.Zone, &it.HDMonitorStatus, &it.HasReservationData, &it.BandwidthPackageID,
				&it.BandwidthPackageType, &it.BandwidthPackageBandwidth, &it.PublicIPAddressPoolID, &it.SegmentInstanceID} {
				*p = str.Draw(t, "field")
			}
			it.DeletionProtection = rapid.Bool().Draw(t, "dp")
			it.SecondLimited = rapid.Bool().Draw(t, "sl")
			it.ServiceManaged = rapid.Int().Draw(t, "sm")
			for _, l := range strs("locks") {
				it.OperationLocks.LockReason = append(it.OperationLocks.LockReason, lockReason{l})
			}
			if keys := strs("tags"); keys != nil {
				it.Tags.Tag = []tag{}
				for _, k := range keys {
					it.Tags.Tag = append(it.Tags.Tag, tag{k, str.Draw(t, "tag-value")})
				}
			}
			it.SecurityProtectionTypes.SecurityProtectionType = strs("spt")
			it.AvailableRegions.AvailableRegion = strs("regions")
			r.EipAddresses.EipAddress = append(r.EipAddresses.EipAddress, it)
		}
		got, want := r.appendJSON(nil), reflectJSON(t, r)
		if !bytes.Equal(got, want) {
			t.Fatalf("appendJSON\n got %s\nwant %s", got, want)
		}
	})
	if got := (*describeResponse)(nil).appendJSON(nil); string(got) != "null" {
		t.Errorf("nil: %s", got)
	}
}
