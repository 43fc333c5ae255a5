package eipsimtest

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// minCoverage is how often a default run must reach each code and rule.
const minCoverage = 3

// TestCoverage runs the standard generators at their default budget
// (ExploreCoverage with CoverageRuns and CoverageSteps) and fails if a
// catalogue code the generators can reach, or a rule the model marks, was
// reached fewer than minCoverage times. The run is deterministic (fixed
// seeds), so the test fails or passes the same way every time.
func TestCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the coverage budget is the full one")
	}
	if raceDetector {
		t.Skip("under -race: one goroutine, nothing for the detector; the plain run checks the coverage")
	}
	cov, f := ExploreCoverage(1, CoverageRuns, CoverageSteps)
	if f != nil {
		path, err := WriteFailure(t.Name(), f)
		t.Fatalf("a coverage run disagreed with the model: %s\nshrunk to %d operations, written to %s (%v)", f.Message, f.Steps, path, err)
	}
	var b strings.Builder
	cov.Write(&b)
	codes, rules := cov.Missing(minCoverage)
	if len(codes)+len(rules) > 0 {
		t.Errorf("a default run reached codes %v and rules %v fewer than %d times:\n%s", codes, rules, minCoverage, b.String())
	}
}

// TestCatalogueCodesListed keeps CatalogueCodes equal to the codes the
// catalogue declares (../catalogue.go), in its order.
func TestCatalogueCodesListed(t *testing.T) {
	src, err := os.ReadFile("../catalogue.go")
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, m := range regexp.MustCompile(`(?m)^\s*Code\w+\s+Code = "([^"]+)"`).FindAllStringSubmatch(string(src), -1) {
		want = append(want, m[1])
	}
	for _, c := range CatalogueCodes {
		got = append(got, c.Code)
	}
	if !slices.Equal(got, want) {
		t.Errorf("CatalogueCodes differ from catalogue.go's codes:\ngot  %v\nwant %v", got, want)
	}
}
