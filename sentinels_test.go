package qingdan_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
)

// TestSentinelsNamePackage: every exported sentinel error of the module's
// packages (a var Err… = errors.New("…")) says which package it is from,
// "matters: invalid", "journal: tampered", as the errors that wrap it are
// read in a host's log among those of other packages. Before,
// accountability's said "invalid", "bad cell", so a message read
// "accountabilitytest: …: reading cases: invalid: …".
func TestSentinelsNamePackage(t *testing.T) {
	checked := 0
	fset := token.NewFileSet()
	for _, file := range libraryFiles(t) {
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		want := f.Name.Name + ": "
		ast.Inspect(f, func(n ast.Node) bool {
			s, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, name := range s.Names {
				if !strings.HasPrefix(name.Name, "Err") || i >= len(s.Values) {
					continue
				}
				call, ok := s.Values[i].(*ast.CallExpr)
				if !ok || len(call.Args) != 1 {
					continue
				}
				if sel, ok := call.Fun.(*ast.SelectorExpr); !ok || sel.Sel.Name != "New" {
					continue
				}
				lit, ok := call.Args[0].(*ast.BasicLit)
				if !ok {
					continue
				}
				text, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatalf("%s: %s: %v", file, name.Name, err)
				}
				checked++
				if !strings.HasPrefix(text, want) {
					t.Errorf("%s: %s is %q, which does not begin %q", file, name.Name, text, want)
				}
			}
			return false
		})
	}
	if checked < 30 {
		t.Errorf("%d sentinels checked; the walk missed some", checked)
	}
}
