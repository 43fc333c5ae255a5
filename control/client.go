package control

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Client is a typed client of the control API of an eipsim serve at
// BaseURL ("http://127.0.0.1:8080").
type Client struct {
	BaseURL string
	// Token is sent as "Authorization: Bearer Token" when set.
	Token string
	// HTTPClient defaults to http.DefaultClient.
	HTTPClient *http.Client
}

// Error is a refused control call: the HTTP status and the server's message.
type Error struct {
	Status  int
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("eipsim control: %d: %s", e.Status, e.Message) }

// do sends one call and decodes the JSON answer into out (nil: ignore it).
func (c *Client) do(ctx context.Context, method, path, contentType string, body []byte, out any) error {
	raw, err := c.send(ctx, method, path, contentType, body)
	if err != nil || out == nil {
		return err
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("eipsim control: %s %s: decoding the answer: %v", method, path, err)
	}
	return nil
}

func (c *Client) send(ctx context.Context, method, path, contentType string, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimSuffix(c.BaseURL, "/")+Prefix+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	hc := c.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		var e ErrorResponse
		if json.Unmarshal(raw, &e) != nil || e.Error == "" {
			e.Error = strings.TrimSpace(string(raw))
		}
		return nil, &Error{Status: resp.StatusCode, Message: e.Error}
	}
	return raw, nil
}

func (c *Client) json(ctx context.Context, method, path string, in, out any) error {
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return err
		}
	}
	return c.do(ctx, method, path, "application/json", body, out)
}

// Reset replaces the served Sim with a fresh one (same options and world);
// a non-nil seed replaces the seed.
func (c *Client) Reset(ctx context.Context, seed *uint64) (ClockState, error) {
	return c.ResetWith(ctx, ResetRequest{Seed: seed})
}

// ResetWith is Reset with a seed and rate limits for the new run.
func (c *Client) ResetWith(ctx context.Context, req ResetRequest) (ClockState, error) {
	var out ClockState
	err := c.json(ctx, http.MethodPost, "reset", req, &out)
	return out, err
}

// Clock returns the Sim's time.
func (c *Client) Clock(ctx context.Context) (ClockState, error) {
	var out ClockState
	err := c.json(ctx, http.MethodGet, "clock", nil, &out)
	return out, err
}

// Advance moves the Sim's clock d ahead; due tasks apply on the next call.
func (c *Client) Advance(ctx context.Context, d time.Duration) (ClockState, error) {
	var out ClockState
	err := c.json(ctx, http.MethodPost, "clock/advance", AdvanceRequest{By: d.String()}, &out)
	return out, err
}

// SetClock moves the Sim's clock forward to t.
func (c *Client) SetClock(ctx context.Context, t time.Time) (ClockState, error) {
	var out ClockState
	err := c.json(ctx, http.MethodPost, "clock/set", SetClockRequest{To: t}, &out)
	return out, err
}

// Faults lists the injected fault rules.
func (c *Client) Faults(ctx context.Context) ([]FaultRule, error) {
	var out []FaultRule
	err := c.json(ctx, http.MethodGet, "faults", nil, &out)
	return out, err
}

// InjectFaults injects rules in the inject-fault Key=Value form
// ("Action=AssociateEipAddress Error=Throttling Times=1") and returns
// their IDs.
func (c *Client) InjectFaults(ctx context.Context, rules ...string) ([]string, error) {
	var out InjectResponse
	err := c.json(ctx, http.MethodPost, "faults", InjectRequest{Rules: rules}, &out)
	return out.IDs, err
}

// RemoveFault removes the rule with the given ID ("f-0001").
func (c *Client) RemoveFault(ctx context.Context, id string) error {
	return c.json(ctx, http.MethodDelete, "faults/"+id, nil, nil)
}

// ClearFaults removes every rule.
func (c *Client) ClearFaults(ctx context.Context) error {
	return c.json(ctx, http.MethodDelete, "faults", nil, nil)
}

// ReleaseStuck releases the tasks held by Stuck rules (of resourceID, or
// all when it is empty) and returns how many.
func (c *Client) ReleaseStuck(ctx context.Context, resourceID string) (int, error) {
	var out ReleaseStuckResponse
	err := c.json(ctx, http.MethodPost, "faults/release-stuck", ReleaseStuckRequest{ResourceID: resourceID}, &out)
	return out.Released, err
}

// RateLimits lists the rate limits in force.
func (c *Client) RateLimits(ctx context.Context) (RateLimits, error) {
	var out RateLimits
	err := c.json(ctx, http.MethodGet, "ratelimits", nil, &out)
	return out, err
}

// SetRateLimits sets (or replaces) the limits req names and returns the
// limits then in force.
func (c *Client) SetRateLimits(ctx context.Context, req RateLimits) (RateLimits, error) {
	var out RateLimits
	err := c.json(ctx, http.MethodPost, "ratelimits", req, &out)
	return out, err
}

// RemoveRateLimit removes one limit: an Action's, "*" (every Action
// without its own) or "global".
func (c *Client) RemoveRateLimit(ctx context.Context, name string) error {
	return c.json(ctx, http.MethodDelete, "ratelimits/"+url.PathEscape(name), nil, nil)
}

// ClearRateLimits removes every rate limit.
func (c *Client) ClearRateLimits(ctx context.Context) error {
	return c.json(ctx, http.MethodDelete, "ratelimits", nil, nil)
}

// State returns every resource of the Sim.
func (c *Client) State(ctx context.Context) (State, error) {
	var out State
	err := c.json(ctx, http.MethodGet, "state", nil, &out)
	return out, err
}

// Tasks returns the pending tasks.
func (c *Client) Tasks(ctx context.Context) (TasksResponse, error) {
	var out TasksResponse
	err := c.json(ctx, http.MethodGet, "tasks", nil, &out)
	return out, err
}

// History returns the events after sequence number since.
func (c *Client) History(ctx context.Context, since uint64) (HistoryResponse, error) {
	var out HistoryResponse
	err := c.json(ctx, http.MethodGet, "history?since="+strconv.FormatUint(since, 10), nil, &out)
	return out, err
}

// Version returns the Sim's change counter.
func (c *Client) Version(ctx context.Context) (uint64, error) {
	var out VersionResponse
	err := c.json(ctx, http.MethodGet, "version", nil, &out)
	return out.Version, err
}

// Check runs the invariant check.
func (c *Client) Check(ctx context.Context) (CheckResponse, error) {
	var out CheckResponse
	err := c.json(ctx, http.MethodGet, "check", nil, &out)
	return out, err
}

// Recording returns the run since start or the last reset as a scenario
// file.
func (c *Client) Recording(ctx context.Context) ([]byte, error) {
	return c.send(ctx, http.MethodGet, "recording", "", nil)
}

// RunScenario runs a scenario file's commands against the served Sim and
// returns them with their outputs, as a scenario file.
func (c *Client) RunScenario(ctx context.Context, src []byte) (string, error) {
	var out ScenarioResponse
	err := c.do(ctx, http.MethodPost, "scenario", "text/plain", src, &out)
	return out.Output, err
}
