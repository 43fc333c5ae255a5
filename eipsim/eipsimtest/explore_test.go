package eipsimtest

import (
	"os"
	"strings"
	"testing"
)

func TestExplore(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		f, path, err := Explore(seed, 300, t.TempDir())
		if err != nil || f != nil {
			t.Fatalf("Explore(%d): failure %v at %s, err %v", seed, f, path, err)
		}
	}
}

func TestExploreWritesShrunkScenario(t *testing.T) {
	// A model that disagrees with the Sim: quota one lower than the Sim's.
	dir := t.TempDir()
	var found bool
	for seed := uint64(1); seed <= 20 && !found; seed++ {
		f, path, err := exploreWith(seed, 200, dir, func(m *model) { m.quota-- })
		if err != nil {
			t.Fatal(err)
		}
		if f == nil {
			continue
		}
		found = true
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "AllocateEipAddress") || f.Steps > 10 {
			t.Errorf("scenario %s (%d steps):\n%s", path, f.Steps, b)
		}
		t.Logf("%s, %d operations:\n%s", path, f.Steps, b)
	}
	if !found {
		t.Fatal("no seed found the planted disagreement")
	}
}
