package eipsim

import "context"

// The frame every action runs in. An action method is one call of serve
// (an action that changes something) or serveRead (a Describe action),
// naming the action, the method itself (for the journal), the request,
// the resource the request names and the action's body. The frame does,
// in order:
//
//  1. the journal redirect: a Sim with a journal reports the call, with its
//     typed request and response, by calling the method again;
//  2. begin: the Sim's lock, due tasks settled, a RequestId drawn;
//  3. intercept: rate limits and Error fault rules (one test when there
//     are none);
//  4. the body: the action's checks and effects. A refusal (*Error) is
//     recorded as a failed call; errReplayed answers a ClientToken replay;
//  5. outcome (changing actions only): ApplyThenFail rules, after the
//     change was made (one test when no rule is live).
//
// The body gets the request by value, so that it does not leave the stack:
// the body is called through a function value, which would move anything
// passed by pointer to the heap. The call is the Sim's (Sim.cur), already
// on the heap, so the body gets it by pointer; it is valid until the lock
// is released, and nothing may keep it (a scheduled closure copies the
// fields it needs).

// actionBody is an action's checks and effects, run by serve or serveRead.
// It records the accepted call itself (s.ok), before its effects.
type actionBody[Req, Resp any] func(s *Sim, c *call, req Req) (*Resp, *Error)

// actionMethod is an action's exported method, which the journal calls
// again to report the call.
type actionMethod[Req, Resp any] func(s *Sim, ctx context.Context, req Req) (*Resp, error)

// serve runs an action that changes something. Intercept rules match on
// resource, a refusal is recorded on it, and so are ApplyThenFail rules
// (unless the response names the resource the call created).
//
// serve and serveRead are one call of run, which tells them apart by the
// action (isRead, as ok does, set once in call.changes), not by an
// argument: so that they cost at most the inliner's budget (80; an argument
// is one more) and are inlined into the action methods, which then call
// run directly. TestServeActionsChange checks that every action served by
// serve changes something and every one served by serveRead is a read.
func serve[Req, Resp any](s *Sim, ctx context.Context, action Action, self actionMethod[Req, Resp], req Req,
	resource string, body actionBody[Req, Resp]) (*Resp, error) {
	return run(s, ctx, action, self, req, resource, body)
}

// serveRead runs a Describe action: intercept rules match on filter (the
// resource ID the request filters on, if any), a refusal names no resource,
// and there is no outcome (nothing changed).
func serveRead[Req, Resp any](s *Sim, ctx context.Context, action Action, self actionMethod[Req, Resp], req Req,
	filter string, body actionBody[Req, Resp]) (*Resp, error) {
	return run(s, ctx, action, self, req, filter, body)
}

// creation is implemented by the response of an action whose ApplyThenFail
// rules match on the resource it created (AllocateEipAddress), not on the
// resource its request names.
type creation interface{ created() string }

// run is serve and serveRead: intercepted is what intercept rules match on;
// if the action changes something (serve's, c.changes), a refusal is
// recorded on intercepted and outcome runs. It gets the request by value
// (a pointer would be one more node than serve's budget allows): with
// serve inlined, the caller's request is copied into run's arguments, and
// from there into the body's, the two copies there were before with
// serve's own.
func run[Req, Resp any](s *Sim, ctx context.Context, action Action, self actionMethod[Req, Resp], req Req,
	intercepted string, body actionBody[Req, Resp]) (*Resp, error) {
	if j := s.journaled(ctx); j != nil { // journal.go
		return journalAction(s, j, ctx, action, req, self)
	}
	c := &s.cur
	s.start(c, ctx, action)
	changes, refused := c.changes, ""
	if changes {
		refused = intercepted
	}
	defer s.end()
	if s.hooks.intercepts() {
		if err := s.intercept(c, intercepted, &req); err != nil {
			return nil, s.fail(c, refused, err)
		}
	}
	resp, err := body(s, c, req)
	switch {
	case err == errReplayed:
		return resp, nil
	case err != nil:
		return nil, s.fail(c, refused, err)
	case !changes || s.hooks.live == 0: // no rule for outcome
		return resp, nil
	}
	on := refused
	if x, ok := any(resp).(creation); ok {
		on = x.created()
	}
	if err := s.outcome(c, on); err != nil {
		return nil, err
	}
	return resp, nil
}
