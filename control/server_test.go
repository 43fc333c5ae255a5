package control_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/eipsim/eipsim/control"
	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/scenarios"
)

func newServer(t testing.TB) (*control.Server, *control.Client) {
	t.Helper()
	srv, err := control.New(control.Config{ManualClock: true, SimOptions: []eipsim.Option{eipsim.WithAllocationIDs("eip-0001", "eip-0002")}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return srv, &control.Client{BaseURL: ts.URL}
}

func TestControlEndpoints(t *testing.T) {
	srv, c := newServer(t)
	ctx := context.Background()
	out, err := c.RunScenario(ctx, []byte("add-instance InstanceId=i-0001\n----\n\nAllocateEipAddress RegionId=cn-hangzhou\n----\n\nAssociateEipAddress AllocationId=eip-0001 InstanceId=i-0001\n----\n"))
	if err != nil || !strings.Contains(out, "AllocationId=eip-0001 EipAddress=") {
		t.Fatalf("scenario: %q %v", out, err)
	}
	v1, _ := c.Version(ctx)
	tasks, err := c.Tasks(ctx)
	if err != nil || len(tasks.Tasks) != 1 || tasks.Tasks[0].ResourceID != "eip-0001" || tasks.Tasks[0].Due.Sub(tasks.Now) != 3*time.Second {
		t.Fatalf("tasks: %+v %v", tasks, err)
	}
	h, _ := c.History(ctx, 0)
	if len(h.Events) == 0 || h.Seq != h.Events[len(h.Events)-1].Seq {
		t.Fatalf("history: %+v", h)
	}
	to := tasks.Now.Add(5 * time.Second)
	if cs, err := c.SetClock(ctx, to); err != nil || !cs.Now.Equal(to) {
		t.Fatalf("set clock: %+v %v", cs, err)
	}
	h2, _ := c.History(ctx, h.Seq)
	if len(h2.Events) != 1 || h2.Events[0].To != "InUse" {
		t.Fatalf("history since %d: %+v", h.Seq, h2)
	}
	if v2, _ := c.Version(ctx); v2 <= v1 {
		t.Errorf("version %d -> %d after a task applied", v1, v2)
	}
	if srv.Sim().EIPs()[0].Status != eipsim.StatusInUse {
		t.Errorf("Server.Sim: %+v", srv.Sim().EIPs())
	}

	// Faults: the three JSON forms, a Stuck rule released, remove, clear.
	for body, want := range map[string]int{
		`{"args": {"Action": "UnassociateEipAddress", "Effect": "Stuck", "Times": "1"}}`: 200,
		`{"rule": "Action=DescribeEipAddresses Code=Throttling Times=1"}`:                200,
		`{"rule": "Code=Throttling", "rules": ["Code=Throttling"]}`:                      400,
		`{}`: 400,
	} {
		resp, err := http.Post(c.BaseURL+control.Prefix+"faults", "application/json", strings.NewReader(body))
		if err != nil || resp.StatusCode != want {
			t.Fatalf("inject %s: %v %v, want %d", body, resp, err, want)
		}
		resp.Body.Close()
	}
	if err := c.ClearFaults(ctx); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(c.BaseURL+control.Prefix+"faults", "application/json",
		strings.NewReader(`{"args": {"Action": "UnassociateEipAddress", "Effect": "Stuck", "Times": "1"}}`))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("inject args: %v %v", resp, err)
	}
	resp.Body.Close()
	if _, err := c.RunScenario(ctx, []byte("UnassociateEipAddress AllocationId=eip-0001 InstanceId=i-0001\n----\n")); err != nil {
		t.Fatal(err)
	}
	c.Advance(ctx, time.Hour)
	if st, _ := c.State(ctx); st.EIPs[0].Status != eipsim.StatusUnassociating {
		t.Fatalf("stuck: %s", st.EIPs[0].Status)
	}
	if n, err := c.ReleaseStuck(ctx, "eip-0001"); err != nil || n != 1 {
		t.Fatalf("release-stuck: %d %v", n, err)
	}
	if st, _ := c.State(ctx); st.EIPs[0].Status != eipsim.StatusAvailable {
		t.Fatalf("released: %s", st.EIPs[0].Status)
	}
	ids, _ := c.InjectFaults(ctx, "Code=Throttling", "Action=ReleaseEipAddress Code=Throttling")
	if len(ids) != 2 {
		t.Fatalf("ids %v", ids)
	}
	if err := c.RemoveFault(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	if rules, _ := c.Faults(ctx); len(rules) != 2 || rules[1].ID != ids[1] {
		t.Fatalf("after remove: %+v", rules)
	}
	if err := c.ClearFaults(ctx); err != nil {
		t.Fatal(err)
	}
	if rules, _ := c.Faults(ctx); len(rules) != 0 {
		t.Fatalf("after clear: %+v", rules)
	}
	rec, _ := c.Recording(ctx)
	for _, want := range []string{"inject-fault Action=UnassociateEipAddress Effect=Stuck Times=1", "release-stuck ResourceId=eip-0001", "remove-fault f-0004", "clear-faults"} {
		if !bytes.Contains(rec, []byte(want)) {
			t.Errorf("recording lacks %q:\n%s", want, rec)
		}
	}

	// Reads between writes (state, tasks, history, faults) settle the Sim
	// but the recording still replays byte for byte.
	requireReplays(t, rec)

	// Reset with a seed and a rate limit for the new run.
	if _, err := c.ResetWith(ctx, control.ResetRequest{RateLimits: []string{"AllocateEipAddress:1/1h"}}); err != nil {
		t.Fatal(err)
	}
	out, _ = c.RunScenario(ctx, []byte("AllocateEipAddress RegionId=cn-hangzhou\n----\n\nAllocateEipAddress RegionId=cn-hangzhou\n----\n"))
	if !strings.Contains(out, "Throttling.User") {
		t.Errorf("rate limit after reset:\n%s", out)
	}
	rec, _ = c.Recording(ctx)
	if !bytes.HasPrefix(rec, []byte("new-sim ")) || !bytes.Contains(rec, []byte("rate-limit=AllocateEipAddress:1/1h")) {
		t.Errorf("recording after reset:\n%s", rec)
	}
	requireReplays(t, rec)
	if _, err := c.ResetWith(ctx, control.ResetRequest{RateLimits: []string{"NoSuch:1/1s"}}); err == nil || !strings.Contains(err.Error(), "NoSuch") {
		t.Errorf("bad rate limit: %v", err)
	}
}

// FuzzControl: any method, path and body gets a JSON answer (or the
// recording's text), never a panic.
func FuzzControl(f *testing.F) {
	f.Add("POST", "clock/advance", `{"by":"3s"}`)
	f.Add("POST", "faults", `{"rule":"Code=Throttling Times=1"}`)
	f.Add("POST", "reset", `{"seed":1}`)
	f.Add("POST", "scenario", "add-instance InstanceId=i-1\n----\n")
	f.Add("DELETE", "faults/f-0001", "")
	f.Add("GET", "history?since=x", "")
	srv, err := control.New(control.Config{ManualClock: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, method, path, body string) {
		r, err := http.NewRequest(method, "http://x"+control.Prefix+path, strings.NewReader(body))
		if err != nil {
			return
		}
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, r)
		if w.Code != 200 || !strings.HasPrefix(r.URL.Path, control.Prefix+"recording") {
			var v any
			if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
				t.Fatalf("%s %s: not JSON (%d): %q", method, path, w.Code, w.Body)
			}
		}
	})
}

// requireReplays replays rec and fails unless it reproduces rec exactly.
func requireReplays(t *testing.T, rec []byte) {
	t.Helper()
	sc, err := scenarios.Parse("recording", rec)
	if err != nil {
		t.Fatal(err)
	}
	res, err := scenarios.Replay(sc, scenarios.NewEngineHandler, scenarios.Options{Rewrite: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Mismatches) != 0 || !bytes.Equal(res.Rewritten, rec) {
		t.Fatalf("the recording does not replay (%d mismatches): %v\n%s", len(res.Mismatches), res.Mismatches, rec)
	}
}

// TestControlConcurrentUse: resets, clock moves, fault rules, scenarios and
// reads from several goroutines at once (run with -race); every call
// answers, and the last run's recording replays.
func TestControlConcurrentUse(t *testing.T) {
	_, c := newServer(t)
	ctx := context.Background()
	done := make(chan error, 4)
	for g := range 4 {
		go func() {
			var err error
			for i := 0; i < 20 && err == nil; i++ {
				switch (g + i) % 5 {
				case 0:
					_, err = c.Advance(ctx, time.Second)
				case 1:
					_, err = c.RunScenario(ctx, []byte("AllocateEipAddress RegionId=cn-hangzhou\n----\n"))
				case 2:
					_, err = c.InjectFaults(ctx, "Action=DescribeEipAddresses Code=Throttling Times=1")
				case 3:
					_, err = c.State(ctx)
				case 4:
					if i%10 == 4 {
						_, err = c.Reset(ctx, nil)
					} else {
						_, err = c.Version(ctx)
					}
				}
			}
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	rec, err := c.Recording(ctx)
	if err != nil {
		t.Fatal(err)
	}
	requireReplays(t, rec)
}
