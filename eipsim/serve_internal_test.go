package eipsim

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// TestServeActionsChange checks what serve and serveRead rely on now that
// run tells them apart by the action (isRead, in call.changes): every
// action served through serve changes something and every one served
// through serveRead is a read. It reads the package's source for the calls,
// so an action added to the wrong one, or named so that isRead misjudges
// it, fails here.
func TestServeActionsChange(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi os.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Action{}
	for a := range actionTable {
		byName["Action"+string(a)] = a
	}
	served := map[Action]bool{}
	for _, f := range pkgs["eipsim"].Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := call.Fun.(*ast.Ident)
			if !ok || (fn.Name != "serve" && fn.Name != "serveRead") || len(call.Args) < 3 {
				return true
			}
			id, ok := call.Args[2].(*ast.Ident)
			if !ok {
				t.Errorf("%s: %s's action is not a constant", fset.Position(call.Pos()), fn.Name)
				return true
			}
			a, ok := byName[id.Name]
			if !ok {
				t.Errorf("%s: %s serves %s, not an Action of actionTable", fset.Position(call.Pos()), fn.Name, id.Name)
				return true
			}
			served[a] = true
			if read := fn.Name == "serveRead"; isRead(a) != read {
				t.Errorf("%s: %s serves %s, but isRead(%s) = %v", fset.Position(call.Pos()), fn.Name, a, a, isRead(a))
			}
			return true
		})
	}
	if len(served) != len(actionTable) {
		t.Errorf("serve and serveRead serve %d Actions, actionTable has %d", len(served), len(actionTable))
	}
}
