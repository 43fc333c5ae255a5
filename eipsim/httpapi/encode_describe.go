package httpapi

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// DescribeEipAddresses, the listing a client pages through, is encoded
// without reflection: appendJSON writes the bytes encodeJSON writes for the
// same value (TestDescribeJSONMatchesEncodingJSON compares them over random
// answers), field by field in the struct's order.

// jsonAppender is a wire shape that appends its own JSON, byte for byte
// what encodeJSON gives for it.
type jsonAppender interface {
	appendJSON(b []byte) []byte
}

var _ jsonAppender = (*describeResponse)(nil)

func (r *describeResponse) appendJSON(b []byte) []byte {
	if r == nil {
		return append(b, "null"...)
	}
	b = appendKeyString(append(b, '{'), "RequestId", r.RequestID)
	b = appendKeyInt(append(b, ','), "TotalCount", int64(r.TotalCount))
	b = appendKeyInt(append(b, ','), "PageNumber", int64(r.PageNumber))
	b = appendKeyInt(append(b, ','), "PageSize", int64(r.PageSize))
	b = append(b, `,"EipAddresses":{"EipAddress":`...)
	b = appendList(b, r.EipAddresses.EipAddress, (*eipItem).appendJSON)
	return append(b, "}}"...)
}

func (it *eipItem) appendJSON(b []byte) []byte {
	b = append(b, '{')
	for i, f := range [...]struct{ k, v string }{
		{"AllocationId", it.AllocationID}, {"IpAddress", it.IPAddress}, {"RegionId", it.RegionID},
		{"Status", it.Status}, {"InstanceId", it.InstanceID}, {"InstanceType", it.InstanceType},
		{"InstanceRegionId", it.InstanceRegionID}, {"PrivateIpAddress", it.PrivateIPAddress}, {"Mode", it.Mode},
		{"ChargeType", it.ChargeType}, {"InternetChargeType", it.InternetChargeType}, {"Bandwidth", it.Bandwidth},
		{"EipBandwidth", it.EipBandwidth}, {"ISP", it.ISP}, {"Netmode", it.Netmode}, {"Name", it.Name},
		{"Description", it.Description}, {"ResourceGroupId", it.ResourceGroupID}, {"BusinessStatus", it.BusinessStatus},
	} {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendKeyString(b, f.k, f.v)
	}
	b = appendKeyBool(append(b, ','), "DeletionProtection", it.DeletionProtection)
	b = appendKeyString(append(b, ','), "AllocationTime", it.AllocationTime)
	b = appendKeyString(append(b, ','), "ExpiredTime", it.ExpiredTime)
	b = append(b, `,"OperationLocks":{"LockReason":`...)
	b = appendList(b, it.OperationLocks.LockReason, func(l *lockReason, b []byte) []byte {
		return append(appendKeyString(append(b, '{'), "LockReason", l.LockReason), '}')
	})
	b = append(b, `},"Tags":{"Tag":`...)
	b = appendList(b, it.Tags.Tag, func(t *tag, b []byte) []byte {
		b = appendKeyString(append(b, '{'), "Key", t.Key)
		return append(appendKeyString(append(b, ','), "Value", t.Value), '}')
	})
	b = append(b, `},"SecurityProtectionTypes":{"SecurityProtectionType":`...)
	b = appendList(b, it.SecurityProtectionTypes.SecurityProtectionType, appendStringItem)
	b = append(b, '}')
	b = appendKeyString(append(b, ','), "VpcId", it.VpcID)
	b = appendKeyString(append(b, ','), "Zone", it.Zone)
	b = appendKeyString(append(b, ','), "HDMonitorStatus", it.HDMonitorStatus)
	b = appendKeyInt(append(b, ','), "ServiceManaged", int64(it.ServiceManaged))
	b = appendKeyBool(append(b, ','), "SecondLimited", it.SecondLimited)
	for _, f := range [...]struct{ k, v string }{
		{"HasReservationData", it.HasReservationData}, {"BandwidthPackageId", it.BandwidthPackageID},
		{"BandwidthPackageType", it.BandwidthPackageType}, {"BandwidthPackageBandwidth", it.BandwidthPackageBandwidth},
		{"PublicIpAddressPoolId", it.PublicIPAddressPoolID}, {"SegmentInstanceId", it.SegmentInstanceID},
	} {
		b = appendKeyString(append(b, ','), f.k, f.v)
	}
	b = append(b, `,"AvailableRegions":{"AvailableRegion":`...)
	b = appendList(b, it.AvailableRegions.AvailableRegion, appendStringItem)
	return append(b, "}}"...)
}

// appendList appends a JSON array of vs, each by item; a nil slice is null.
func appendList[T any](b []byte, vs []T, item func(*T, []byte) []byte) []byte {
	if vs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		b = item(&vs[i], b)
	}
	return append(b, ']')
}

func appendStringItem(s *string, b []byte) []byte { return appendJSONString(b, *s) }

func appendKeyString(b []byte, key, v string) []byte {
	return appendJSONString(appendKey(b, key), v)
}

func appendKeyInt(b []byte, key string, v int64) []byte {
	return strconv.AppendInt(appendKey(b, key), v, 10)
}

func appendKeyBool(b []byte, key string, v bool) []byte {
	return strconv.AppendBool(appendKey(b, key), v)
}

// appendKey appends "key": (keys are plain ASCII names).
func appendKey(b []byte, key string) []byte {
	b = append(b, '"')
	b = append(b, key...)
	return append(b, '"', ':')
}

// appendJSONString appends s quoted as encodeJSON quotes it: printable
// ASCII other than '"' and '\' as is (with HTML escaping off, <, > and &
// too); anything else through encoding/json itself, so that control
// characters, invalid UTF-8 and U+2028/U+2029 are escaped exactly as it
// does.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return appendJSONStringSlow(b, s)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendJSONStringSlow(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}
