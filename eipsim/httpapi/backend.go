package httpapi

import (
	"context"
	"time"
)

// Backend is what the handler dispatches to; eipsim.Sim will satisfy it
// through an adapter.
type Backend interface {
	// Now is the simulator's clock, for timestamp checks and nonce expiry.
	Now() time.Time
	// NewRequestID returns the next deterministic RequestId. The handler
	// calls it only for answers that carry no RequestId of their own: errors
	// raised before the backend is called, and backend responses or
	// *eipsim.Errors without one.
	NewRequestID() string
	// Call runs action for account with the decoded parameters. It returns
	// a JSON-encodable response (marshalling to a JSON object, ideally with
	// its RequestId) or an error: an *eipsim.Error (possibly wrapped) is
	// sent to the client as is, any other error as InternalError.
	Call(ctx context.Context, account string, action string, p Params) (any, error)
}
