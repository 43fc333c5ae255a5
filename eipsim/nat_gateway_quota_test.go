package eipsim_test

import (
	"fmt"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

const (
	natQuotaMsg   = "NAT gateway quota exceeded in this VPC."
	havipQuotaMsg = "HaVip quota exceeded in this region."
)

// TestNatGatewayAndHaVipQuotas creates quota-1 and quota NAT gateways in a
// VPC (HaVips in a region), both accepted, then two more, refused with
// QuotaExceeded; another VPC (account) is not affected.
func TestNatGatewayAndHaVipQuotas(t *testing.T) {
	if eipsim.DefaultNatGatewayQuota != 5 || eipsim.DefaultHaVipQuota != 50 {
		t.Fatalf("defaults %d, %d; documented 5 and 50", eipsim.DefaultNatGatewayQuota, eipsim.DefaultHaVipQuota)
	}
	for _, quota := range []int{eipsim.DefaultNatGatewayQuota, 2} {
		t.Run(fmt.Sprintf("nat/%d", quota), func(t *testing.T) {
			var opts []eipsim.Option
			if quota != eipsim.DefaultNatGatewayQuota {
				opts = append(opts, eipsim.WithNatGatewayQuota(quota))
			}
			sim, _ := eipsimtest.New(t, opts...)
			mustOK(t, sim.AddVPC(eipsim.VPC{VpcID: "vpc-a"}))
			mustOK(t, sim.AddVPC(eipsim.VPC{VpcID: "vpc-b"}))
			create := func(vpc string) error {
				_, err := sim.CreateNatGateway(ctx, eipsim.CreateNatGatewayRequest{RegionID: region, VpcID: vpc})
				return err
			}
			for i := range quota {
				if err := create("vpc-a"); err != nil {
					t.Fatalf("gateway %d of %d: %v", i+1, quota, err)
				}
			}
			wantErr(t, create("vpc-a"), eipsim.CodeQuotaExceeded, 400, natQuotaMsg)
			wantErr(t, create("vpc-a"), eipsim.CodeQuotaExceeded, 400, natQuotaMsg)
			mustOK(t, create("vpc-b"))
		})
	}
	for _, quota := range []int{eipsim.DefaultHaVipQuota, 2} {
		t.Run(fmt.Sprintf("havip/%d", quota), func(t *testing.T) {
			var opts []eipsim.Option
			if quota != eipsim.DefaultHaVipQuota {
				opts = append(opts, eipsim.WithHaVipQuota(quota))
			}
			sim, _ := eipsimtest.New(t, opts...)
			create := func(r string) error {
				_, err := sim.CreateHaVip(ctx, eipsim.CreateHaVipRequest{RegionID: r, VSwitchID: "vsw-a"})
				return err
			}
			for i := range quota {
				if err := create(region); err != nil {
					t.Fatalf("HaVip %d of %d: %v", i+1, quota, err)
				}
			}
			wantErr(t, create(region), eipsim.CodeQuotaExceeded, 400, havipQuotaMsg)
			wantErr(t, create(region), eipsim.CodeQuotaExceeded, 400, havipQuotaMsg)
			mustOK(t, create("cn-shanghai"))
		})
	}
}

// TestNatGatewayQuotaDeleting: a Deleting gateway (HaVip) still counts;
// once it is gone its place is free.
func TestNatGatewayQuotaDeleting(t *testing.T) {
	sim, clk := eipsimtest.New(t, eipsim.WithNatGatewayQuota(1), eipsim.WithHaVipQuota(1))
	mustOK(t, sim.AddVPC(eipsim.VPC{VpcID: "vpc-a"}))
	g, err := sim.CreateNatGateway(ctx, eipsim.CreateNatGatewayRequest{RegionID: region, VpcID: "vpc-a"})
	mustOK(t, err)
	h, err := sim.CreateHaVip(ctx, eipsim.CreateHaVipRequest{RegionID: region, VSwitchID: "vsw-a"})
	mustOK(t, err)
	clk.Advance(settleAll)
	_, err = sim.DeleteNatGateway(ctx, eipsim.DeleteNatGatewayRequest{RegionID: region, NatGatewayID: g.NatGatewayID})
	mustOK(t, err)
	_, err = sim.DeleteHaVip(ctx, eipsim.DeleteHaVipRequest{RegionID: region, HaVipID: h.HaVipID})
	mustOK(t, err)
	_, err = sim.CreateNatGateway(ctx, eipsim.CreateNatGatewayRequest{RegionID: region, VpcID: "vpc-a"})
	wantErr(t, err, eipsim.CodeQuotaExceeded, 400, natQuotaMsg)
	_, err = sim.CreateHaVip(ctx, eipsim.CreateHaVipRequest{RegionID: region, VSwitchID: "vsw-a"})
	wantErr(t, err, eipsim.CodeQuotaExceeded, 400, havipQuotaMsg)
	clk.Advance(settleAll)
	_, err = sim.CreateNatGateway(ctx, eipsim.CreateNatGatewayRequest{RegionID: region, VpcID: "vpc-a"})
	mustOK(t, err)
	_, err = sim.CreateHaVip(ctx, eipsim.CreateHaVipRequest{RegionID: region, VSwitchID: "vsw-a"})
	mustOK(t, err)
}

func TestNatGatewayQuotaOptionBounds(t *testing.T) {
	for _, o := range []eipsim.Option{eipsim.WithNatGatewayQuota(-1), eipsim.WithHaVipQuota(-1),
		eipsim.WithNatGatewayQuota(1<<20 + 1), eipsim.WithHaVipQuota(1 << 30)} {
		if _, err := eipsim.New(o); err == nil {
			t.Errorf("option accepted an out-of-range quota")
		}
	}
}
