package main

import (
	"testing"

	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipsim/eipsim/eipsim/httpapi"
)

// BenchmarkServe is the official SDK calling "eipsim serve" over loopback:
// one signed DescribeEipAddresses (ACS3) of one EIP per op, with the request
// log written (to a buffer that is discarded at the end).
func BenchmarkServe(b *testing.B) {
	s := startServe(b)
	c := s.client(b, httpapi.DefaultAccessKeyID, httpapi.DefaultAccessKeySecret)
	a, err := c.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")})
	if err != nil {
		b.Fatal(err)
	}
	req := &vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou"), AllocationId: a.Body.AllocationId}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.DescribeEipAddresses(req); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
}
