package eipsim

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// declaredCodes returns the Code constants declared in the package's
// non-test files, by constant name.
func declaredCodes(t *testing.T) map[string]Code {
	out := map[string]Code{}
	for _, f := range parseFiles(t, false) {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" {
					continue
				}
				for i, n := range vs.Names {
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						t.Fatalf("%s is not a string literal", n.Name)
					}
					v, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatal(err)
					}
					out[n.Name] = Code(v)
				}
			}
		}
	}
	return out
}

// TestCatalogueComplete: every Code constant has a catalogue entry with a
// status, and a message unless the cloud documents none.
func TestCatalogueComplete(t *testing.T) {
	names := declaredCodes(t)
	if len(names) < 50 {
		t.Fatalf("found only %d Code constants; is the parser looking at the right files?", len(names))
	}
	for n, c := range names {
		info, ok := catalogue[c]
		if !ok {
			t.Errorf("%s (%q) has no catalogue entry", n, c)
			continue
		}
		if info.status < 400 || info.status > 599 {
			t.Errorf("%s: HTTP status %d", n, info.status)
		}
		if info.message == "" && c != CodeInvalidFilterKeyNotFound && c != CodeInvalidFilterValue {
			t.Errorf("%s: empty message", n)
		}
		if !c.Known() || c.HTTPStatus() != info.status {
			t.Errorf("%s: Known=%v HTTPStatus=%d", n, c.Known(), c.HTTPStatus())
		}
	}
	values := map[Code]string{}
	for n, c := range names {
		if other, dup := values[c]; dup {
			t.Errorf("%s and %s are both %q", n, other, c)
		}
		values[c] = n
	}
	if len(catalogue) != len(names) {
		t.Errorf("catalogue has %d entries for %d declared codes", len(catalogue), len(names))
	}
}

// TestCatalogueWellFormed: byAction entries name a served Action and change
// something; alt lists are non-empty strings; messages with a verb take one
// argument; the alt indexes the engine uses are in range.
func TestCatalogueWellFormed(t *testing.T) {
	for c, info := range catalogue {
		for a, v := range info.byAction {
			if _, ok := actionTable[a]; !ok {
				t.Errorf("%s: byAction names unknown action %q", c, a)
			}
			if v.status == 0 && v.message == "" {
				t.Errorf("%s: byAction[%s] changes nothing", c, a)
			}
			if v.byAction != nil || v.alt != nil {
				t.Errorf("%s: byAction[%s] nests further entries", c, a)
			}
			if v.status != 0 && (v.status < 400 || v.status > 599) {
				t.Errorf("%s: byAction[%s] status %d", c, a, v.status)
			}
		}
		for i, m := range info.alt {
			if m == "" {
				t.Errorf("%s: alt[%d] is empty", c, i)
			}
		}
		for _, m := range append([]string{info.message}, info.alt...) {
			if strings.Count(m, "%") != strings.Count(m, "%s") {
				t.Errorf("%s: message %q has an unexpected verb", c, m)
			}
		}
	}
	for _, u := range []struct {
		code Code
		alt  int
	}{
		{CodeOperationDenied, altOperationDeniedNotInVPC},
		{CodeInvalidParameter, altInvalidParameterNamed},
		{CodeInvalidParameter, altInvalidInternetChargeType},
		{CodeInvalidParameter, altInvalidBandwidthAllocate},
		{CodeInvalidParameter, altInvalidBandwidthModify},
		{CodeDependencyViolationSnatEntry, altDependencyViolationSnatDepend},
	} {
		if u.alt >= len(catalogue[u.code].alt) {
			t.Errorf("%s: alt index %d out of range", u.code, u.alt)
		}
	}
}

// TestNewErrorNeverPanics: unknown codes, unknown actions and missing or
// extra arguments give an error value, never a panic.
func TestNewErrorNeverPanics(t *testing.T) {
	e := NewError("No.Such.Code", ActionAssociateEipAddress, "rid")
	if e.Code != CodeInternalError || e.HTTPStatus != 500 || !strings.Contains(e.Message, "No.Such.Code") || e.RequestID != "rid" {
		t.Errorf("unknown code gave %+v", e)
	}
	for c := range catalogue {
		for _, a := range []Action{"", "NoSuchAction", ActionAssociateEipAddress, ActionUnassociateEipAddress} {
			for _, args := range [][]any{nil, {"X"}, {"X", "Y", 3}} {
				e := NewError(c, a, "rid", args...)
				if e.Code != c || e.HTTPStatus == 0 {
					t.Errorf("NewError(%s, %q) = %+v", c, a, e)
				}
			}
		}
	}
	if CodeTaskConflict.Error() != "TaskConflict" || Code("x").HTTPStatus() != 0 || Code("x").Known() {
		t.Error("Code methods")
	}
}

// TestReachableCodesAreTested: every code the engine's non-catalogue files
// can return is named in at least one test file, where a test triggers it.
func TestReachableCodesAreTested(t *testing.T) {
	used := map[string]bool{}
	for name, f := range parseFiles(t, false) {
		if name == "catalogue.go" || name == "errors.go" {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && strings.HasPrefix(id.Name, "Code") {
				used[id.Name] = true
			}
			return true
		})
	}
	tested := map[string]bool{}
	for name, f := range parseFiles(t, true) {
		if name == "catalogue_test.go" {
			continue // naming a code here is not triggering it
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && strings.HasPrefix(id.Name, "Code") {
				tested[id.Name] = true
			}
			return true
		})
	}
	declared := declaredCodes(t)
	var missing []string
	for n := range used {
		if _, ok := declared[n]; ok && !tested[n] && n != "CodeInvalidBindInstanceNotFound" {
			missing = append(missing, n)
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("codes the engine returns but no test names: %v", missing)
	}
}

// parseFiles returns the package's test or non-test files by name.
func parseFiles(t *testing.T, tests bool) map[string]*ast.File {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*ast.File{}
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") != tests {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = f
	}
	return out
}
