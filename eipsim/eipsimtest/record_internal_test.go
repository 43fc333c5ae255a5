package eipsimtest

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
	"github.com/eipsim/eipsim/scenarios"
)

type failedTest struct {
	name string
	logs []string
}

func (f *failedTest) Name() string { return f.name }
func (f *failedTest) Failed() bool { return true }
func (f *failedTest) Logf(format string, a ...any) {
	f.logs = append(f.logs, fmt.Sprintf(format, a...))
}

// TestWriteOnFailurePicture: a failed test's scenario file gets its
// timeline picture next to it.
func TestWriteOnFailurePicture(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(ScenarioDirEnv, dir)
	rec := scenarios.NewRecorder()
	sim, err := eipsim.New(rec.Option(), eipsim.WithAllocationIDs("eip-0001"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.AllocateEipAddress(context.Background(), eipsim.AllocateEipAddressRequest{RegionID: "cn-hangzhou"}); err != nil {
		t.Fatal(err)
	}
	r := &failedTest{name: "TestX/case"}
	writeOnFailure(r, sim, rec)
	pic := filepath.Join(dir, "TestX__case.svg")
	b, err := os.ReadFile(pic)
	if err != nil {
		t.Fatalf("%v; logs: %q", err, r.logs)
	}
	if !strings.Contains(string(b), "</title>eip-0001</text>") {
		t.Errorf("no lane for eip-0001:\n%s", b)
	}
	d := xml.NewDecoder(strings.NewReader(string(b)))
	for {
		if _, err := d.Token(); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
	}
	if logs := strings.Join(r.logs, "\n"); !strings.Contains(logs, "\nits timeline picture: "+pic) {
		t.Errorf("logs do not name the picture:\n%s", logs)
	}
}
