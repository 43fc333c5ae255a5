package eipsim_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eipsim/eipsim/eipsim"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

const goldenDiagram = "testdata/lifecycle.mmd"

// TestLifecycleDiagram pins the Mermaid diagram generated from
// LifecycleEvents. Regenerate with: go test ./eipsim -run TestLifecycleDiagram -update
func TestLifecycleDiagram(t *testing.T) {
	got, err := eipsim.LifecycleDiagram("mermaid")
	mustOK(t, err)
	if *update {
		mustOK(t, os.WriteFile(goldenDiagram, []byte(got), 0o644))
	}
	want, err := os.ReadFile(goldenDiagram)
	mustOK(t, err)
	if got != string(want) {
		t.Fatalf("diagram differs from %s (rerun with -update):\ngot:\n%s\nwant:\n%s", goldenDiagram, got, want)
	}
	for _, s := range []eipsim.Status{eipsim.StatusAvailable, eipsim.StatusAssociating, eipsim.StatusInUse, eipsim.StatusUnassociating, eipsim.StatusReleasing} {
		if !strings.Contains(got, string(s)) {
			t.Errorf("diagram lacks status %s", s)
		}
	}
	dot, err := eipsim.LifecycleDiagram("dot")
	mustOK(t, err)
	if !strings.HasPrefix(dot, "digraph") {
		t.Errorf("dot diagram starts %q", dot[:min(20, len(dot))])
	}
	if _, err := eipsim.LifecycleDiagram("svg"); err == nil || !strings.Contains(err.Error(), `"svg"`) {
		t.Errorf("LifecycleDiagram(svg) error = %v, want one naming the format", err)
	}
}

// TestReadmeEmbedsDiagram checks that README.md at the repository root
// carries the golden diagram verbatim. It is skipped while there is no README.
func TestReadmeEmbedsDiagram(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if os.IsNotExist(err) {
		t.Skip("no README.md at the repository root yet")
	}
	mustOK(t, err)
	want, err := os.ReadFile(goldenDiagram)
	mustOK(t, err)
	if !strings.Contains(string(readme), strings.TrimRight(string(want), "\n")) {
		t.Fatalf("README.md does not embed %s verbatim; paste it into the ```mermaid block", goldenDiagram)
	}
}
