package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const twoCounts = "# two counts\ncount\n----\ncount=1\n\ncount\n----\ncount=2\n"

func TestRunPasses(t *testing.T) {
	useTestHandler(t)
	dir := t.TempDir()
	b := writeFile(t, dir, "b.txt", twoCounts)
	a := writeFile(t, dir, "a.txt", "count\n----\ncount=1\n")
	writeFile(t, dir, "notes.md", "not a scenario")

	status, stdout, stderr := eipsim(t, "run", dir)
	want := "ok   " + a + " (1 command)\nok   " + b + " (2 commands)\nok   total: 2 files, 3 commands\n"
	if status != 0 || stdout != want || stderr != "" {
		t.Errorf("status %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", status, stdout, want, stderr)
	}
}

func TestRunMismatch(t *testing.T) {
	useTestHandler(t)
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", twoCounts)
	bad := writeFile(t, dir, "bad.txt", strings.Replace(twoCounts, "count=2", "count=3", 1))

	status, stdout, _ := eipsim(t, "run", good, bad)
	if status != 1 {
		t.Errorf("status = %d, want 1", status)
	}
	want := bad + ":6: count\n--- want\n+++ got\n@@ -1 +1 @@\n-count=3\n+count=2\n" +
		"FAIL " + bad + " (1 of 2 mismatched)\n"
	if !strings.Contains(stdout, want) {
		t.Errorf("stdout lacks the diff and verdict:\n%s\nwant:\n%s", stdout, want)
	}
	if !strings.HasSuffix(stdout, "FAIL total: 2 files, 4 commands, 1 mismatched in 1 file\n") {
		t.Errorf("stdout lacks the total line:\n%s", stdout)
	}
}

func TestRunMalformed(t *testing.T) {
	useTestHandler(t)
	dir := t.TempDir()
	tests := []struct{ name, text, want string }{
		{"syntax.txt", "count\n----\ncount=1\n\ncount x=(1\n----\n", ":5: cannot parse command line"},
		{"argument.txt", "count\n----\ncount=1\n\ncount x=1\n----\n", ":5: count: unknown argument x: takes no arguments"},
		{"command.txt", "advance 3s\n----\n", `:1: advance: unknown command "advance"; valid commands: count`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, dir, tt.name, tt.text)
			status, stdout, stderr := eipsim(t, "run", path)
			if status != 2 {
				t.Errorf("status = %d, want 2", status)
			}
			if !strings.Contains(stderr, path+tt.want) {
				t.Errorf("stderr lacks %q:\n%s", path+tt.want, stderr)
			}
			if !strings.Contains(stdout, "FAIL total: 0 files, 0 commands, 1 malformed") {
				t.Errorf("stdout lacks the total line:\n%s", stdout)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		status, _, stderr := eipsim(t, "run", filepath.Join(dir, "nope.txt"))
		if status != 2 || !strings.Contains(stderr, "nope.txt") {
			t.Errorf("status %d, stderr:\n%s", status, stderr)
		}
	})
	t.Run("empty directory", func(t *testing.T) {
		status, _, stderr := eipsim(t, "run", t.TempDir())
		if status != 2 || !strings.Contains(stderr, "no *.txt files") {
			t.Errorf("status %d, stderr:\n%s", status, stderr)
		}
	})
}

func TestRunRewrite(t *testing.T) {
	useTestHandler(t)
	dir := t.TempDir()
	path := writeFile(t, dir, "s.txt", "# keep\ncount\n----\nwrong\n\n  count  \n----\n")

	status, stdout, stderr := eipsim(t, "run", "-rewrite", path)
	if status != 0 || !strings.Contains(stdout, "rewrote "+path+" (2 of 2 outputs changed)\n") {
		t.Errorf("status %d\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := "# keep\ncount\n----\ncount=1\n\ncount\n----\ncount=2\n"; string(got) != want {
		t.Errorf("rewritten file:\n%s\nwant:\n%s", got, want)
	}

	status, stdout, _ = eipsim(t, "run", path)
	if status != 0 || !strings.Contains(stdout, "ok   "+path+" (2 commands)") {
		t.Errorf("second run: status %d\n%s", status, stdout)
	}
}

func TestRunVerbose(t *testing.T) {
	useTestHandler(t)
	path := writeFile(t, t.TempDir(), "s.txt", twoCounts)
	status, stdout, _ := eipsim(t, "run", "-v", path)
	want := path + ":2: count\n  count=1\n" + path + ":6: count\n  count=2\nok   " + path
	if status != 0 || !strings.HasPrefix(stdout, want) {
		t.Errorf("status %d\nstdout:\n%s\nwant prefix:\n%s", status, stdout, want)
	}
}

// TestRunEngine replays a scenario on the real engine handler.
func TestRunEngine(t *testing.T) {
	path := writeFile(t, t.TempDir(), "s.txt", "new-sim seed=7 ids=(eip-0001)\n----\nok\n\n"+
		"AllocateEipAddress RegionId=cn-hangzhou\n----\nAllocationId=eip-0001 EipAddress=203.0.113.1\n\n"+
		"ReleaseEipAddress AllocationId=eip-0001\n----\nok\n\n"+
		"ReleaseEipAddress AllocationId=eip-0001\n----\nerror 400 TaskConflict: The eip operate too frequent, TaskConflict.\n")
	status, stdout, stderr := eipsim(t, "run", path)
	if status != 0 || !strings.Contains(stdout, "ok   "+path+" (4 commands)") {
		t.Errorf("status %d\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}
	bad := writeFile(t, t.TempDir(), "bad.txt", "advance 3s\n----\nok\n\nFrob X=1\n----\n")
	status, _, stderr = eipsim(t, "run", bad)
	if want := bad + `:5: Frob: unknown command "Frob"; valid commands: AllocateEipAddress, `; status != 2 || !strings.Contains(stderr, want) {
		t.Errorf("status %d, stderr:\n%s\nwant %s", status, stderr, want)
	}
}

// TestRunTimeline prints each resource's states over simulated time.
func TestRunTimeline(t *testing.T) {
	path := writeFile(t, t.TempDir(), "s.txt", "new-sim ids=(eip-0001)\n----\nok\n\n"+
		"add-instance InstanceId=i-0001\n----\nok\n\n"+
		"AllocateEipAddress RegionId=cn-hangzhou\n----\nAllocationId=eip-0001 EipAddress=203.0.113.1\n\n"+
		"AssociateEipAddress AllocationId=eip-0001 InstanceId=i-0001\n----\nok\n\n"+
		"advance 3s\n----\n+3s eip-0001 Associating -> InUse\n\n"+
		"set-instance-status InstanceId=i-0001 Status=Stopping Then=Stopped After=5s\n----\nok\n\n"+
		"advance 5s\n----\n+8s i-0001 Stopping -> Stopped\n")
	status, stdout, stderr := eipsim(t, "run", "-timeline", path)
	want := "timeline of " + path + ":\n" +
		"eip-0001  +0s Available → +0s Associating → +3s InUse\n" +
		"i-0001    Running → +3s Stopping → +8s Stopped\n"
	if status != 0 || !strings.Contains(stdout, want) {
		t.Errorf("status %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", status, stdout, want, stderr)
	}
}
