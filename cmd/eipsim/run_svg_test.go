package main

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunSVG writes one picture per scenario file, named after it, with a
// lane per resource whose status changed.
func TestRunSVG(t *testing.T) {
	src := t.TempDir()
	a := writeFile(t, src, "assoc.txt", "new-sim ids=(eip-0001)\n----\nok\n\n"+
		"add-instance InstanceId=i-0001\n----\nok\n\n"+
		"AllocateEipAddress RegionId=cn-hangzhou\n----\nAllocationId=eip-0001 EipAddress=203.0.113.1\n\n"+
		"AssociateEipAddress AllocationId=eip-0001 InstanceId=i-0001\n----\nok\n\n"+
		"ReleaseEipAddress AllocationId=eip-0001\n----\nerror 400 TaskConflict: The eip operate too frequent, TaskConflict.\n\n"+
		"advance 3s\n----\n+3s eip-0001 Associating -> InUse\n")
	b := writeFile(t, src, "empty.txt", "advance 1s\n----\nok\n")
	out := filepath.Join(t.TempDir(), "pics") // created by the run
	status, stdout, stderr := eipsim(t, "run", "-svg", out, a, b)
	if status != 0 || stderr != "" {
		t.Fatalf("status %d\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}
	pic, err := os.ReadFile(filepath.Join(out, "assoc.svg"))
	if err != nil {
		t.Fatal(err)
	}
	parseSVG(t, pic)
	for _, want := range []string{"<title>eipsim timeline: assoc.txt</title>", "</title>eip-0001</text>",
		"eip-0001 InUse: +3s to the end", "ReleaseEipAddress refused: TaskConflict"} {
		if !strings.Contains(string(pic), want) {
			t.Errorf("assoc.svg lacks %q:\n%s", want, pic)
		}
	}
	if pic, err := os.ReadFile(filepath.Join(out, "empty.svg")); err != nil {
		t.Error(err)
	} else {
		parseSVG(t, pic)
	}
}

// TestRunSVGErrors: a picture that cannot be written, or two files that
// would share a picture, are errors (exit 2), not silently lost.
func TestRunSVGErrors(t *testing.T) {
	one := writeFile(t, t.TempDir(), "s.txt", "advance 1s\n----\nok\n")
	two := writeFile(t, t.TempDir(), "s.txt", "advance 1s\n----\nok\n")
	out := t.TempDir()
	status, _, stderr := eipsim(t, "run", "-svg", out, one, two)
	if status != 2 || !strings.Contains(stderr, "would both be drawn to "+filepath.Join(out, "s.svg")) {
		t.Errorf("same name: status %d, stderr:\n%s", status, stderr)
	}
	notDir := writeFile(t, t.TempDir(), "file", "")
	status, _, stderr = eipsim(t, "run", "-svg", notDir, one)
	if status != 2 || !strings.Contains(stderr, "ERR  -svg: ") {
		t.Errorf("DIR is a file: status %d, stderr:\n%s", status, stderr)
	}
}

// parseSVG fails t unless b is well-formed XML.
func parseSVG(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(string(b)))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
	}
}
