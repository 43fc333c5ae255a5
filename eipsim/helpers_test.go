package eipsim_test

import (
	"context"
	"errors"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/eipsim/eipsimtest"
)

// Helpers shared by the package's tests.

const (
	hz = "cn-hangzhou"
	sh = "cn-shanghai"
)

var ctx = context.Background()

// wantErr fails the test unless err is an *eipsim.Error with the code, HTTP
// status and message, and a RequestId.
func wantErr(t testing.TB, err error, code eipsim.Code, status int, msg string) {
	t.Helper()
	e, ok := errors.AsType[*eipsim.Error](err)
	if !ok {
		t.Fatalf("got error %v, want *eipsim.Error %s", err, code)
	}
	if e.Code != code || e.HTTPStatus != status || e.Message != msg {
		t.Fatalf("got %s (HTTP %d): %q\nwant %s (HTTP %d): %q", e.Code, e.HTTPStatus, e.Message, code, status, msg)
	}
	if len(e.RequestID) != 36 {
		t.Fatalf("error RequestID %q is not shaped like a RequestId", e.RequestID)
	}
	if !errors.Is(err, code) {
		t.Fatalf("errors.Is(err, %s) = false", code)
	}
}

// mustOK fails the test on an error.
func mustOK(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// alloc allocates a default EIP in region and returns its AllocationId.
func alloc(t testing.TB, sim *eipsim.Sim, region string) string {
	t.Helper()
	r, err := sim.AllocateEipAddress(ctx, eipsim.AllocateEipAddressRequest{RegionID: region})
	mustOK(t, err)
	return r.AllocationID
}

// inUse allocates an EIP and associates it with a new Running instance,
// letting the association complete and the cooldown pass.
func inUse(t testing.TB, sim *eipsim.Sim, clk *eipsimtest.Clock, instanceID string) string {
	t.Helper()
	id := alloc(t, sim, hz)
	eipsimtest.MustAssociate(t, sim, id, instanceID)
	clk.Advance(eipsim.DefaultAssociateDelay)
	eipsimtest.RequireStatus(t, sim, id, eipsim.StatusInUse)
	return id
}

func associate(sim *eipsim.Sim, id, instance string) error {
	_, err := sim.AssociateEipAddress(ctx, eipsim.AssociateEipAddressRequest{AllocationID: id, InstanceID: instance})
	return err
}

func unassociate(sim *eipsim.Sim, id string) error {
	_, err := sim.UnassociateEipAddress(ctx, eipsim.UnassociateEipAddressRequest{AllocationID: id})
	return err
}

func release(sim *eipsim.Sim, id string) error {
	_, err := sim.ReleaseEipAddress(ctx, eipsim.ReleaseEipAddressRequest{AllocationID: id})
	return err
}

func status(t testing.TB, sim *eipsim.Sim, id string) eipsim.Status {
	t.Helper()
	return eipsimtest.MustEIP(t, sim, id).Status
}
