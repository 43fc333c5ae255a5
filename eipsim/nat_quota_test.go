package eipsim_test

import (
	"fmt"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
)

const (
	snatQuotaMsg = "SNAT entry in the specified SNAT table reach it's limit."
	dnatQuotaMsg = "Forward entry quota exceeded in this forward table."
)

// createSnat adds SNAT entry number i (its own SourceCIDR).
func createSnat(sim *eipsim.Sim, ip string, i int) error {
	_, err := sim.CreateSnatEntry(ctx, eipsim.CreateSnatEntryRequest{RegionID: region, SnatTableID: "stb-t", SnatIP: ip,
		SourceCIDR: fmt.Sprintf("10.%d.%d.0/24", i/256, i%256)})
	return err
}

// createDnat adds DNAT entry number i (its own ports).
func createDnat(sim *eipsim.Sim, ip string, i int) error {
	port := fmt.Sprint(1000 + i)
	_, err := sim.CreateForwardEntry(ctx, eipsim.CreateForwardEntryRequest{RegionID: region, ForwardTableID: "ftb-t", ExternalIP: ip,
		ExternalPort: port, InternalIP: "10.0.0.9", InternalPort: port, IPProtocol: "TCP"})
	return err
}

// TestNATEntryQuotas fills an SNAT and a DNAT table to quota-1 and quota
// (both accepted), then the next one is refused with the cloud's code, at
// the default quotas and at a configured one.
func TestNATEntryQuotas(t *testing.T) {
	kinds := []struct {
		name   string
		create func(*eipsim.Sim, string, int) error
		def    int
		opt    func(int) eipsim.Option
		code   eipsim.Code
		msg    string
	}{
		{"snat", createSnat, eipsim.DefaultSnatEntryQuota, eipsim.WithSnatEntryQuota,
			eipsim.CodeForbiddenSnatEntryCountLimited, snatQuotaMsg},
		{"dnat", createDnat, eipsim.DefaultForwardEntryQuota, eipsim.WithForwardEntryQuota,
			eipsim.CodeQuotaExceeded, dnatQuotaMsg},
	}
	if eipsim.DefaultSnatEntryQuota != 40 || eipsim.DefaultForwardEntryQuota != 100 {
		t.Fatalf("defaults %d, %d; documented 40 and 100", eipsim.DefaultSnatEntryQuota, eipsim.DefaultForwardEntryQuota)
	}
	for _, k := range kinds {
		for _, quota := range []int{k.def, 3} {
			t.Run(fmt.Sprintf("%s/%d", k.name, quota), func(t *testing.T) {
				var opts []eipsim.Option
				if quota != k.def {
					opts = append(opts, k.opt(quota))
				}
				sim, clk, eips := natWorld(t, 1, opts...)
				ip := eips[0].IPAddress
				for i := range quota {
					if err := k.create(sim, ip, i); err != nil {
						t.Fatalf("entry %d of %d: %v", i+1, quota, err)
					}
					clk.Advance(settleAll)
				}
				wantErr(t, k.create(sim, ip, quota), k.code, 400, k.msg)
				wantErr(t, k.create(sim, ip, quota+1), k.code, 400, k.msg)
			})
		}
	}
}

// TestNATEntryQuotaDeleting: a Deleting entry still counts; once it is gone
// its place is free.
func TestNATEntryQuotaDeleting(t *testing.T) {
	sim, clk, eips := natWorld(t, 1, eipsim.WithSnatEntryQuota(2), eipsim.WithForwardEntryQuota(2))
	ip := eips[0].IPAddress
	var snats, dnats []string
	for i := range 2 {
		snats = append(snats, snat(t, sim, ip, fmt.Sprintf("10.9.%d.0/24", i)))
		clk.Advance(settleAll)
	}
	_, err := sim.DeleteSnatEntry(ctx, eipsim.DeleteSnatEntryRequest{RegionID: region, SnatTableID: "stb-t", SnatEntryID: snats[0]})
	mustOK(t, err)
	wantErr(t, createSnat(sim, ip, 7), eipsim.CodeForbiddenSnatEntryCountLimited, 400, snatQuotaMsg)
	clk.Advance(settleAll)
	mustOK(t, createSnat(sim, ip, 7))

	sim, clk, eips = natWorld(t, 1, eipsim.WithForwardEntryQuota(2))
	ip = eips[0].IPAddress
	for i := range 2 {
		r, err := sim.CreateForwardEntry(ctx, eipsim.CreateForwardEntryRequest{RegionID: region, ForwardTableID: "ftb-t", ExternalIP: ip,
			ExternalPort: fmt.Sprint(80 + i), InternalIP: "10.0.0.9", InternalPort: fmt.Sprint(80 + i), IPProtocol: "TCP"})
		mustOK(t, err)
		dnats = append(dnats, r.ForwardEntryID)
		clk.Advance(settleAll)
	}
	_, err = sim.DeleteForwardEntry(ctx, eipsim.DeleteForwardEntryRequest{RegionID: region, ForwardTableID: "ftb-t", ForwardEntryID: dnats[0]})
	mustOK(t, err)
	wantErr(t, createDnat(sim, ip, 7), eipsim.CodeQuotaExceeded, 400, dnatQuotaMsg)
	clk.Advance(settleAll)
	mustOK(t, createDnat(sim, ip, 7))
}

func TestNATEntryQuotaOptionBounds(t *testing.T) {
	for _, o := range []eipsim.Option{eipsim.WithSnatEntryQuota(-1), eipsim.WithForwardEntryQuota(-1),
		eipsim.WithSnatEntryQuota(1<<20 + 1), eipsim.WithForwardEntryQuota(1 << 30)} {
		if _, err := eipsim.New(o); err == nil {
			t.Errorf("option accepted an out-of-range quota")
		}
	}
}
