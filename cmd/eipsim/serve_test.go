package main

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"

	"github.com/eipsim/eipsim/eipsim/httpapi"
)

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// server is one "eipsim serve" run in this process.
type server struct {
	addr           string
	stdout, stderr *syncBuffer
	cancel         context.CancelFunc
	done           chan int
}

var listeningRE = regexp.MustCompile(`listening on http://(\S+) `)

// startServe runs serve with args on 127.0.0.1:0 and waits (at most 10 s)
// until it listens.
func startServe(t testing.TB, args ...string) *server {
	t.Helper()
	t.Setenv(envAccessKeyID, "")
	t.Setenv(envAccessKeySecret, "")
	ctx, cancel := context.WithCancel(context.Background())
	s := &server{stdout: &syncBuffer{}, stderr: &syncBuffer{}, cancel: cancel, done: make(chan int, 1)}
	go func() { s.done <- serve(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), s.stdout, s.stderr) }()
	t.Cleanup(func() { s.stop(t) })
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := listeningRE.FindStringSubmatch(s.stdout.String()); m != nil {
			s.addr = m[1]
			return s
		}
		select {
		case status := <-s.done:
			s.done <- status
			t.Fatalf("serve exited with %d\nstdout:\n%s\nstderr:\n%s", status, s.stdout, s.stderr)
		case <-time.After(5 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not listen within 10s\nstdout:\n%s\nstderr:\n%s", s.stdout, s.stderr)
	return nil
}

// stop cancels serve's context and returns its exit status (waiting at most
// 10 s); it may be called more than once.
func (s *server) stop(t testing.TB) int {
	t.Helper()
	s.cancel()
	select {
	case status := <-s.done:
		s.done <- status
		return status
	case <-time.After(10 * time.Second):
		t.Fatalf("serve did not shut down within 10s")
		return -1
	}
}

// client is an SDK client for s signing with id and secret.
func (s *server) client(t testing.TB, id, secret string) *vpc.Client {
	t.Helper()
	cfg := httpapi.ClientConfig(s.addr)
	cfg.AccessKeyId, cfg.AccessKeySecret = tea.String(id), tea.String(secret)
	c, err := vpc.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func sdkCode(err error) string {
	if se, ok := errors.AsType[*tea.SDKError](err); ok {
		return tea.StringValue(se.Code)
	}
	return ""
}

func TestServeDefaultCredentials(t *testing.T) {
	s := startServe(t)
	c := s.client(t, httpapi.DefaultAccessKeyID, httpapi.DefaultAccessKeySecret)
	a, err := c.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")})
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou")})
	if err != nil || tea.Int32Value(d.Body.TotalCount) != 1 ||
		tea.StringValue(d.Body.EipAddresses.EipAddress[0].AllocationId) != tea.StringValue(a.Body.AllocationId) {
		t.Fatalf("describe: %v %v", d, err)
	}
	_, err = s.client(t, httpapi.DefaultAccessKeyID, "wrong").DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou")})
	if sdkCode(err) != "SignatureDoesNotMatch" {
		t.Errorf("wrong secret: %v", err)
	}
	if status := s.stop(t); status != 0 {
		t.Errorf("exit status %d\nstderr:\n%s", status, s.stderr)
	}
	if !strings.Contains(s.stdout.String(), "eipsim serve: shut down") {
		t.Errorf("no shutdown line:\n%s", s.stdout)
	}
	logs := strings.Split(strings.TrimSpace(s.stderr.String()), "\n")
	if len(logs) != 3 || !strings.Contains(logs[0], " POST AllocateEipAddress 200 ") || !strings.Contains(logs[2], " POST DescribeEipAddresses 400 ") {
		t.Errorf("want 3 request log lines, got:\n%s", s.stderr)
	}
	if _, err := c.DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou")}); err == nil {
		t.Error("served after shutdown")
	}
}

func TestServeKeyFlagsAndEnv(t *testing.T) {
	s := startServe(t, "-access-key-id", "AK1", "-access-key-secret", "S1")
	if _, err := s.client(t, "AK1", "S1").DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou")}); err != nil {
		t.Fatal(err)
	}
	_, err := s.client(t, httpapi.DefaultAccessKeyID, httpapi.DefaultAccessKeySecret).DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou")})
	if sdkCode(err) != "InvalidAccessKeyId.NotFound" {
		t.Errorf("default key with -access-key-id given: %v", err)
	}
	s.stop(t)

	cfg, _, ok := func() (serveConfig, int, bool) {
		t.Setenv(envAccessKeyID, "AK-ENV")
		t.Setenv(envAccessKeySecret, "S-ENV")
		var out, errOut bytes.Buffer
		return parseServeFlags(nil, &out, &errOut)
	}()
	if !ok || len(cfg.creds) != 1 || cfg.creds[0].AccessKeyID != "AK-ENV" || cfg.creds[0].AccessKeySecret != "S-ENV" || cfg.creds[0].AccountID != "default" {
		t.Errorf("from the environment: %+v", cfg.creds)
	}
}

func TestServeAccountsAndWorld(t *testing.T) {
	dir := t.TempDir()
	accounts := writeFile(t, dir, "accounts.json", `[
		{"accessKeyId": "AK-A", "accessKeySecret": "SA", "accountId": "1000000000000001"},
		{"accessKeyId": "AK-B", "accessKeySecret": "SB", "accountId": "2000000000000002"}
	]`)
	// The same commands and arguments as any scenario file; advance moves
	// the served clock ahead of the wall clock.
	world := writeFile(t, dir, "world.txt", `new-sim seed=9 ids=(eip-0001, eip-0002) associate-delay=1h
----

add-instance InstanceId=i-0001
----

add-nat-gateway NatGatewayId=ngw-0001
----

AllocateEipAddress RegionId=cn-hangzhou
----
ignored output

AllocateEipAddress RegionId=cn-hangzhou
----

AssociateEipAddress AllocationId=eip-0002 InstanceId=ngw-0001 InstanceType=Nat
----

advance 2h
----
`)
	s := startServe(t, "-accounts", accounts, "-world", world, "-associate-delay", "0s", "-cooldown", "0s")
	a := s.client(t, "AK-A", "SA")
	b := s.client(t, "AK-B", "SB")
	desc := &vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou")}
	d, err := a.DescribeEipAddresses(desc)
	if err != nil || tea.Int32Value(d.Body.TotalCount) != 2 || tea.StringValue(d.Body.EipAddresses.EipAddress[0].AllocationId) != "eip-0001" {
		t.Fatalf("the world's EIPs, as the default account: %v %v", d, err)
	}
	if e := d.Body.EipAddresses.EipAddress[1]; tea.StringValue(e.Status) != "InUse" || tea.StringValue(e.InstanceId) != "ngw-0001" {
		t.Errorf("eip-0002 after the world's advance 2h: %v", e)
	}
	if d, err := b.DescribeEipAddresses(desc); err != nil || tea.Int32Value(d.Body.TotalCount) != 0 {
		t.Errorf("another account sees the default account's EIP: %v %v", d, err)
	}
	if _, err := b.ReleaseEipAddress(&vpc.ReleaseEipAddressRequest{AllocationId: tea.String("eip-0001")}); sdkCode(err) != "Forbidden" {
		t.Errorf("another account releases: %v", err)
	}
	// -associate-delay 0s overrides the world's 1h: InUse on the next call.
	if _, err := a.AssociateEipAddress(&vpc.AssociateEipAddressRequest{AllocationId: tea.String("eip-0001"), InstanceId: tea.String("i-0001")}); err != nil {
		t.Fatal(err)
	}
	d, err = a.DescribeEipAddresses(&vpc.DescribeEipAddressesRequest{RegionId: tea.String("cn-hangzhou"), AllocationId: tea.String("eip-0001")})
	if err != nil || tea.StringValue(d.Body.EipAddresses.EipAddress[0].Status) != "InUse" {
		t.Errorf("after associate with -associate-delay 0s: %v %v", d, err)
	}
	if status := s.stop(t); status != 0 {
		t.Errorf("exit status %d", status)
	}
}

// TestServeFaults injects the rules of a fault file at start.
func TestServeFaults(t *testing.T) {
	faults := writeFile(t, t.TempDir(), "faults.txt", `# the first allocation fails
Action=AllocateEipAddress Code=OperationFailed.SystemBusy Times=1

inject-fault Action=ReleaseEipAddress Code=InternalError
`)
	s := startServe(t, "-faults", faults)
	c := s.client(t, httpapi.DefaultAccessKeyID, httpapi.DefaultAccessKeySecret)
	alloc := &vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")}
	if _, err := c.AllocateEipAddress(alloc); sdkCode(err) != "OperationFailed.SystemBusy" {
		t.Errorf("first allocation: %v, want the rule's OperationFailed.SystemBusy", err)
	}
	a, err := c.AllocateEipAddress(alloc)
	if err != nil {
		t.Fatalf("second allocation (Times=1 spent): %v", err)
	}
	if _, err := c.ReleaseEipAddress(&vpc.ReleaseEipAddressRequest{AllocationId: a.Body.AllocationId}); sdkCode(err) != "InternalError" {
		t.Errorf("release: %v, want the second rule's InternalError", err)
	}
}

func TestServeV2Signature(t *testing.T) {
	s := startServe(t)
	cfg := httpapi.ClientConfig(s.addr)
	cfg.SignatureAlgorithm = tea.String("v2")
	c, err := vpc.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.AllocateEipAddress(&vpc.AllocateEipAddressRequest{RegionId: tea.String("cn-hangzhou")}); err != nil {
		t.Fatal(err)
	}
}

func TestServeBadSetup(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"accounts and key", []string{"-accounts", writeFile(t, dir, "a.json", `[{"accessKeyId":"A","accessKeySecret":"S"}]`), "-access-key-id", "X"}, "exclude each other"},
		{"empty accounts", []string{"-accounts", writeFile(t, dir, "e.json", `[]`)}, "no accounts"},
		{"accounts typo", []string{"-accounts", writeFile(t, dir, "t.json", `[{"accessKeyId":"A","accessKeySecret":"S","account":"x"}]`)}, "unknown field"},
		{"duplicate key", []string{"-accounts", writeFile(t, dir, "d.json", `[{"accessKeyId":"A","accessKeySecret":"S"},{"accessKeyId":"A","accessKeySecret":"T"}]`)}, "given twice"},
		{"missing accounts file", []string{"-accounts", dir + "/nope.json"}, "no such file"},
		{"failing world", []string{"-world", writeFile(t, dir, "w.txt", "ReleaseEipAddress AllocationId=eip-404\n----\n")}, "w.txt:1: ReleaseEipAddress: fails"},
		{"old world arguments", []string{"-world", writeFile(t, dir, "i.txt", "add-instance id=i-1\n----\n")}, "i.txt:1: add-instance: unknown argument id; valid arguments: AccountId, "},
		{"bad faults", []string{"-faults", writeFile(t, dir, "f.txt", "# rules\nAction=AssociateEipAddress Code=NoSuchCode\n")}, "f.txt: line 2: eipsim: fault"},
		{"missing faults", []string{"-faults", dir + "/nope.txt"}, "-faults: open"},
		{"bad world option", []string{"-world", writeFile(t, dir, "o.txt", "new-sim quota=-1\n----\n")}, "negative quota"},
		{"empty key", []string{"-access-key-id", ""}, "must not be empty"},
		{"busy address", nil, "address already in use"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"-addr", "127.0.0.1:0"}, tc.args...)
			if tc.name == "busy address" {
				s := startServe(t)
				args = []string{"-addr", s.addr}
			}
			var out, errOut syncBuffer
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			status := serve(ctx, args, &out, &errOut)
			if status == 0 || !strings.Contains(errOut.String(), tc.want) {
				t.Errorf("status %d, stderr %q, want it to contain %q", status, errOut.String(), tc.want)
			}
		})
	}
}
