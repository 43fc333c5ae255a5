package eipsimtest

import (
	"errors"
	"time"

	"github.com/eipsim/eipsim/eipsim"
)

// drawGlobalLimit draws a World's global rate limit
// ([eipsim.WithGlobalRateLimit]): none five times in six, otherwise one
// to five requests a second with a burst of 20 to 60, which a case spends
// in its last steps (Check's calls count). The global bucket counts every call, Check's Describes of the
// NAT tables included (they are calls like any other): the model takes
// their tokens too and predicts when one of them is throttled
// (Machine.checkEntries).
func drawGlobalLimit(d Driver) eipsim.RateLimit {
	if d.Int(0, 5, "global-rate-limit") < 5 {
		return eipsim.RateLimit{}
	}
	return eipsim.RateLimit{Requests: d.Int(1, 5, "global-requests"), Per: time.Second, Burst: usually(d, []int{40, 20, 60}, "global-burst")}
}

// checkThrottled checks the answer of one of Check's Describes that the
// model expects refused with code by a rate limit: the whole answer, and
// that the tables are compared again at the next Check.
func (mc *Machine) checkThrottled(d Driver, op Op, code string, err error) {
	var e *eipsim.Error
	if !errors.As(err, &e) {
		mc.fail(d, "%s: got %v, the model expects %s", op, err, code)
	}
	if string(e.Code) != code {
		mc.fail(d, "%s: got code %q (%v), model expects %q", op, e.Code, err, code)
	}
	mc.cov.code(code)
	if bad := answerMismatch(op.Cmd, refuse(code), e); bad != "" {
		mc.fail(d, "%s: %s: %s", op, code, bad)
	}
	mc.dirty = true
}
