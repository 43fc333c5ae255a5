package scenarios

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// unreachableCodes are the codes the engine's sources name that no scenario
// can produce, each with the reason.
var unreachableCodes = map[string]string{
	"InvalidAction.NotFound":           "an unknown CamelCase command is a malformed scenario, not a call",
	"InternalError":                    "NewError's answer to an uncatalogued code: an engine bug",
	"InvalidFilterKey.NotFound":        "Describe has no Filter parameter yet",
	"InvalidFilterValue":               "Describe has no Filter parameter yet",
	"OperationFailed.InstanceNotExist": "not used by the current actions",
}

// TestLibraryCoversEngineCodes checks that every error code the engine's
// sources use appears in some library scenario's output.
func TestLibraryCoversEngineCodes(t *testing.T) {
	cat, err := os.ReadFile(filepath.Join("..", "eipsim", "catalogue.go"))
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]string{}
	for _, m := range regexp.MustCompile(`(Code\w+)\s+Code = "([^"]+)"`).FindAllStringSubmatch(string(cat), -1) {
		values[m[1]] = m[2]
	}
	sources, _ := filepath.Glob(filepath.Join("..", "eipsim", "*.go"))
	used := map[string]bool{}
	for _, f := range sources {
		if strings.HasSuffix(f, "_test.go") || strings.HasSuffix(f, "catalogue.go") || strings.HasSuffix(f, "errors.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range regexp.MustCompile(`\bCode[A-Z]\w+`).FindAllString(string(src), -1) {
			if v, ok := values[id]; ok {
				used[v] = true
			}
		}
	}
	files, err := ListFiles("library")
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text.Write(b)
	}
	var missing []string
	for code := range used {
		if _, ok := unreachableCodes[code]; ok {
			continue
		}
		if !regexp.MustCompile(`(?m)^error \d+ ` + regexp.QuoteMeta(code) + `: `).MatchString(text.String()) {
			missing = append(missing, code)
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("no library scenario shows these codes the engine returns: %s", strings.Join(missing, ", "))
	}
}
