package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipsim/eipsim/control"
	"github.com/eipsim/eipsim/eipsim/httpapi"
	"github.com/eipsim/eipsim/scenarios"
)

// controlClient is a control API client of s.
func (s *server) controlClient(token string) *control.Client {
	return &control.Client{BaseURL: "http://" + s.addr, Token: token}
}

func eipStatus(t *testing.T, c *vpc.Client, id string) string {
	t.Helper()
	d, err := c.DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou"), AllocationId: tea.String(id)})
	if err != nil {
		t.Fatalf("DescribeEipAddresses %s: %v", id, err)
	}
	if len(d.Body.EipAddresses.EipAddress) != 1 {
		t.Fatalf("DescribeEipAddresses %s: %d EIPs", id, len(d.Body.EipAddresses.EipAddress))
	}
	return tea.StringValue(d.Body.EipAddresses.EipAddress[0].Status)
}

// TestServeControlManualClock is the control API's whole story: an
// Associate through the official SDK on a manual clock, InUse as soon as
// the clock is advanced, a fault that fires, a reset, and a recording that
// "eipsim run" replays (exit 0), and that fails (exit 1) with one expected
// output edited.
func TestServeControlManualClock(t *testing.T) {
	dir := t.TempDir()
	world := writeFile(t, dir, "world.txt", "new-sim ids=(eip-0001, eip-0002)\n----\n\nadd-instance InstanceId=i-0001\n----\n")
	s := startServe(t, "-clock=manual", "-world", world)
	ctx := context.Background()
	cc := s.controlClient("")
	sdk := s.client(t, httpapi.DefaultAccessKeyID, httpapi.DefaultAccessKeySecret)

	a, err := sdk.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")})
	if err != nil {
		t.Fatal(err)
	}
	id := tea.StringValue(a.Body.AllocationId)
	if _, err := sdk.AssociateEipAddress(&vpc.AssociateEipAddressRequest{AllocationId: a.Body.AllocationId, InstanceId: tea.String("i-0001")}); err != nil {
		t.Fatal(err)
	}
	// The wall clock moves; the Sim's does not.
	time.Sleep(10 * time.Millisecond)
	if got := eipStatus(t, sdk, id); got != "Associating" {
		t.Fatalf("before the advance: %s, want Associating", got)
	}
	before, _ := cc.Clock(ctx)
	after, err := cc.Advance(ctx, 3*time.Second)
	if err != nil || !after.Manual || after.Now.Sub(before.Now) != 3*time.Second {
		t.Fatalf("advance: %+v -> %+v, %v", before, after, err)
	}
	if got := eipStatus(t, sdk, id); got != "InUse" {
		t.Fatalf("after advance 3s: %s, want InUse", got)
	}

	ids, err := cc.InjectFaults(ctx, "Action=UnassociateEipAddress Code=Throttling Times=1")
	if err != nil || len(ids) != 1 {
		t.Fatalf("inject: %v %v", ids, err)
	}
	_, err = sdk.UnassociateEipAddress(&vpc.UnassociateEipAddressRequest{AllocationId: a.Body.AllocationId, InstanceId: tea.String("i-0001")})
	if sdkCode(err) != "Throttling" {
		t.Fatalf("the fault did not fire: %v", err)
	}
	if !strings.Contains(s.stderr.String(), " POST /_eipsim/clock/advance 200 ") {
		t.Errorf("the request log lacks the control call:\n%s", s.stderr)
	}
	if rules, _ := cc.Faults(ctx); len(rules) != 1 || rules[0].Fired != 1 {
		t.Errorf("faults after firing: %+v", rules)
	}
	if chk, err := cc.Check(ctx); err != nil || !chk.OK {
		t.Errorf("check: %+v %v", chk, err)
	}

	rec, err := cc.Recording(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"AssociateEipAddress AllocationId=eip-0001 InstanceId=i-0001", "advance 3s", "inject-fault", "error 400 Throttling", "check\n"} {
		if !bytes.Contains(rec, []byte(want)) {
			t.Errorf("the recording lacks %q:\n%s", want, rec)
		}
	}
	good := writeFile(t, dir, "run.txt", string(rec))
	if status, stdout, stderr := eipsim(t, "run", good); status != 0 {
		t.Fatalf("eipsim run of the recording: exit %d\n%s%s\n%s", status, stdout, stderr, rec)
	}
	edited := strings.Replace(string(rec), "Status=InUse", "Status=Available", 1)
	if edited == string(rec) {
		t.Fatalf("no Status=InUse to edit in:\n%s", rec)
	}
	bad := writeFile(t, dir, "edited.txt", edited)
	if status, stdout, _ := eipsim(t, "run", bad); status != 1 || !strings.Contains(stdout, "FAIL "+bad) {
		t.Fatalf("eipsim run of the edited recording: exit %d, want 1\n%s", status, stdout)
	}

	// Reset: a fresh Sim with the same world, and a fresh recording.
	if _, err := cc.Reset(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if st, _ := cc.State(ctx); len(st.EIPs) != 0 || len(st.Instances) != 1 {
		t.Fatalf("after reset: %d EIPs, %d instances", len(st.EIPs), len(st.Instances))
	}
	if rules, _ := cc.Faults(ctx); len(rules) != 0 {
		t.Errorf("faults after reset: %+v", rules)
	}
	a2, err := sdk.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")})
	if err != nil || tea.StringValue(a2.Body.AllocationId) != "eip-0001" {
		t.Fatalf("allocate after reset: %v %v", a2, err)
	}
	rec2, _ := cc.Recording(ctx)
	if bytes.Contains(rec2, []byte("AssociateEipAddress")) || !bytes.Contains(rec2, []byte("AllocateEipAddress")) {
		t.Errorf("the recording after reset should hold only the new run:\n%s", rec2)
	}
	if status, stdout, stderr := eipsim(t, "run", writeFile(t, dir, "run2.txt", string(rec2))); status != 0 {
		t.Fatalf("eipsim run of the recording after reset: exit %d\n%s%s", status, stdout, stderr)
	}
}

// TestServeRecordsMixedClients: two accounts, faults, advances, a refused
// signature and a scenario posted to the control API record into a file
// that replays byte for byte, and -record writes the same file on shutdown.
func TestServeRecordsMixedClients(t *testing.T) {
	dir := t.TempDir()
	accounts := writeFile(t, dir, "accounts.json", `[
		{"accessKeyId": "AK-A", "accessKeySecret": "SA", "accountId": "1000000000000001"},
		{"accessKeyId": "AK-B", "accessKeySecret": "SB", "accountId": "2000000000000002"}
	]`)
	recordFile := filepath.Join(dir, "served.txt")
	runOne := filepath.Join(dir, "served.1.txt")
	s := startServe(t, "-clock=manual", "-accounts", accounts, "-seed", "7", "-record", recordFile)
	ctx := context.Background()
	cc := s.controlClient("")
	a, b := s.client(t, "AK-A", "SA"), s.client(t, "AK-B", "SB")

	if _, err := cc.RunScenario(ctx, []byte("add-instance InstanceId=i-0001\n----\n\nadd-instance InstanceId=i-0002 AccountId=2000000000000002\n----\n")); err != nil {
		t.Fatal(err)
	}
	alloc := func(c *vpc.Client) string {
		r, err := c.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")})
		if err != nil {
			t.Fatal(err)
		}
		return tea.StringValue(r.Body.AllocationId)
	}
	ea, eb := alloc(a), alloc(b)
	if _, err := cc.InjectFaults(ctx, "Action=AssociateEipAddress AccountId=2000000000000002 Code=InternalError Times=1"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AssociateEipAddress(&vpc.AssociateEipAddressRequest{AllocationId: tea.String(ea), InstanceId: tea.String("i-0001")}); err != nil {
		t.Fatal(err)
	}
	_, err := b.AssociateEipAddress(&vpc.AssociateEipAddressRequest{AllocationId: tea.String(eb), InstanceId: tea.String("i-0002")})
	if sdkCode(err) != "InternalError" {
		t.Fatalf("b's fault: %v", err)
	}
	cc.Advance(ctx, 1500*time.Millisecond)
	if _, err := b.AssociateEipAddress(&vpc.AssociateEipAddressRequest{AllocationId: tea.String(eb), InstanceId: tea.String("i-0002")}); err != nil {
		t.Fatal(err)
	}
	// Another account's EIP: Forbidden, recorded as a's refused call.
	if _, err := a.ReleaseEipAddress(&vpc.ReleaseEipAddressRequest{AllocationId: tea.String(eb)}); err == nil {
		t.Fatal("a released b's EIP")
	}
	// A wrong signature draws a RequestId outside any recorded call.
	if _, err := s.client(t, "AK-A", "wrong").DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou")}); sdkCode(err) != "SignatureDoesNotMatch" {
		t.Fatalf("wrong secret: %v", err)
	}
	cc.Advance(ctx, 2*time.Second)
	if _, err := cc.SetClock(ctx, time.Date(2026, 1, 1, 0, 1, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if _, err := cc.Check(ctx); err != nil {
		t.Fatal(err)
	}
	d, err := b.DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou")})
	if err != nil || tea.Int32Value(d.Body.TotalCount) != 1 {
		t.Fatalf("b's describe: %v %v", d, err)
	}

	rec, err := cc.Recording(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"as-account 2000000000000002", "as-account 1000000000000001", "skip-request-ids 1", "advance 1.5s", "inject-fault", "error 500 InternalError", "Forbidden"} {
		if !bytes.Contains(rec, []byte(want)) {
			t.Errorf("the recording lacks %q:\n%s", want, rec)
		}
	}
	if os.Getenv("EIPSIM_DUMP") != "" {
		t.Logf("%s", rec)
	}
	requireReplays(t, "served.txt", rec)
	// A reset writes the run it ends to served.1.txt; shutdown writes the
	// last run to served.txt.
	if _, err := cc.Reset(ctx, nil); err != nil {
		t.Fatal(err)
	}
	alloc(a)
	last, _ := cc.Recording(ctx)
	if status := s.stop(t); status != 0 {
		t.Fatalf("exit %d\n%s", status, s.stderr)
	}
	if written, err := os.ReadFile(runOne); err != nil || !bytes.Equal(written, rec) {
		t.Fatalf("-record's run 1 (%v):\n%s\nwant:\n%s", err, written, rec)
	}
	if written, err := os.ReadFile(recordFile); err != nil || !bytes.Equal(written, last) || bytes.Contains(last, []byte("as-account 2000000000000002")) {
		t.Fatalf("-record's last run (%v):\n%s\nwant:\n%s", err, written, last)
	}
}

// TestServeControlErrorsAndAccess: bad input gets a JSON error naming the
// problem; off loopback the control API needs a token.
func TestServeControlErrorsAndAccess(t *testing.T) {
	s := startServe(t, "-clock=manual")
	ctx := context.Background()
	cc := s.controlClient("")
	for _, tc := range []struct {
		call func() error
		want string
	}{
		{func() error { _, err := cc.Advance(ctx, -time.Second); return err }, "only moves forward"},
		{func() error { _, err := cc.SetClock(ctx, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)); return err }, "before the Sim's time"},
		{func() error { _, err := cc.InjectFaults(ctx, "Action=NoSuchAction Code=Throttling"); return err }, "NoSuchAction"},
		{func() error { return cc.RemoveFault(ctx, "f-0042") }, "no fault rule f-0042"},
		{func() error { return cc.RemoveFault(ctx, "bogus") }, "bogus"},
		{func() error { _, err := cc.RunScenario(ctx, []byte("add-instance\n----\n")); return err }, "scenario:1"},
	} {
		err := tc.call()
		var ce *control.Error
		if !errors.As(err, &ce) || !strings.Contains(ce.Message, tc.want) {
			t.Errorf("got %v, want a control error naming %q", err, tc.want)
		}
	}
	resp, err := http.Post("http://"+s.addr+control.Prefix+"clock/advance", "application/json", strings.NewReader(`{"by":"3s","extra":1}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Errorf("unknown field: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for path, status := range map[string]int{"nope": 404, "reset": 405} {
		resp, err := http.Get("http://" + s.addr + control.Prefix + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != status {
			t.Errorf("GET %s: %d, want %d", path, resp.StatusCode, status)
		}
	}

	// A token, when set, is required.
	t2 := startServe(t, "-control-token", "sesame")
	if _, err := t2.controlClient("").Version(ctx); err == nil || !strings.Contains(err.Error(), "401") {
		t.Errorf("no token: %v", err)
	}
	if _, err := t2.controlClient("sesame").Version(ctx); err != nil {
		t.Errorf("with the token: %v", err)
	}
	// Off loopback without a token: refused.
	cfg, _, ok := parseServeFlags(nil, &bytes.Buffer{}, &bytes.Buffer{})
	if !ok {
		t.Fatal("parse")
	}
	srv, err := newServed(context.Background(), cfg, false)
	if err != nil {
		t.Fatal(err)
	}
	w := &respRecorder{header: http.Header{}}
	r, _ := http.NewRequest("GET", control.Prefix+"version", nil)
	srv.ServeHTTP(w, r)
	if w.status != 403 || !strings.Contains(w.body.String(), "non-loopback") {
		t.Errorf("off loopback, no token: %d %s", w.status, w.body.String())
	}
}

// respRecorder is a minimal http.ResponseWriter.
type respRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *respRecorder) Header() http.Header         { return r.header }
func (r *respRecorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *respRecorder) WriteHeader(s int)           { r.status = s }

// TestServeWallClockRecordingReplays: on the wall clock too, a served run
// replays byte for byte (each request sees one time; the time between
// requests is recorded as advance lines).
func TestServeWallClockRecordingReplays(t *testing.T) {
	dir := t.TempDir()
	world := writeFile(t, dir, "world.txt", "new-sim ids=(eip-0001)\n----\n\nadd-instance InstanceId=i-0001\n----\n")
	s := startServe(t, "-world", world, "-associate-delay", "20ms")
	sdk := s.client(t, httpapi.DefaultAccessKeyID, httpapi.DefaultAccessKeySecret)
	if _, err := sdk.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")}); err != nil {
		t.Fatal(err)
	}
	if _, err := sdk.AssociateEipAddress(&vpc.AssociateEipAddressRequest{AllocationId: tea.String("eip-0001"), InstanceId: tea.String("i-0001")}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for eipStatus(t, sdk, "eip-0001") != "InUse" {
		if time.Now().After(deadline) {
			t.Fatal("not InUse after 5s of wall clock")
		}
		time.Sleep(5 * time.Millisecond)
	}
	rec, err := s.controlClient("").Recording(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	requireReplays(t, "wall.txt", rec)
}

// requireReplays replays the recording rec (named name in messages) and
// fails unless it reproduces rec byte for byte.
func requireReplays(t *testing.T, name string, rec []byte) {
	t.Helper()
	sc, err := scenarios.Parse(name, rec)
	if err != nil {
		t.Fatal(err)
	}
	res, err := scenarios.Replay(sc, scenarios.NewEngineHandler, scenarios.Options{Rewrite: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Mismatches) != 0 || !bytes.Equal(res.Rewritten, rec) {
		t.Fatalf("%s: the replay differs from the served run (%d mismatches): %v\n%s", name, len(res.Mismatches), res.Mismatches, rec)
	}
}
