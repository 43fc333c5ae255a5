package httpapi

import (
	"context"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// NewHandler returns the HTTP handler that serves sim over the VPC RPC
// protocol: every Action of the engine ([eipsim.Actions]), as the account of
// the caller's AccessKey ([WithCredentials]), with responses in the cloud's
// JSON shapes.
//
// With no options it accepts no AccessKey at all; pass
// WithCredentials(DefaultCredential()) for the documented test key, or
// [WithAuth](false) to serve unsigned requests as [DefaultAccountID]. The
// timestamp check compares the SDK's wall-clock x-acs-date with sim's clock:
// when sim runs on a mock clock, add [WithTimestampCheck](false).
func NewHandler(sim *eipsim.Sim, opts ...Option) *Handler {
	return NewBackendHandler(simBackend{sim}, opts...)
}

// simBackend is the Backend of a Sim.
type simBackend struct{ sim *eipsim.Sim }

func (b simBackend) Now() time.Time       { return b.sim.Now() }
func (b simBackend) NewRequestID() string { return b.sim.NewRequestID() }

// listParams are the list parameters the actions accept (Name.N or
// Name.N.Sub); their indexes are checked here, so that a malformed one is
// InvalidParameter whether or not the engine reads it yet.
var (
	listParams   = []string{"SecurityProtectionTypes", "ResourceId", "TagKey"}
	objectParams = []string{"Tag", "Filter"}
)

// Call runs action on the Sim as account. Scalar parameters go through by
// wire name; the engine ignores names it does not know, as the cloud does.
func (b simBackend) Call(ctx context.Context, account, action string, p Params) (any, error) {
	for _, name := range listParams {
		if _, err := p.List(name); err != nil {
			return nil, err
		}
	}
	for _, name := range objectParams {
		if _, err := p.Objects(name); err != nil {
			return nil, err
		}
	}
	resp, err := b.sim.Call(eipsim.WithAccount(ctx, account), eipsim.Action(action), eipsim.Params(p))
	if err != nil {
		return nil, err
	}
	return toWire(action, resp)
}
