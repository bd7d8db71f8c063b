package qingdan_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
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
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if path == "examples" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != "." {
			return filepath.SkipDir
		}
		entries, err := os.ReadDir(path)
		if err != nil {
			return err
		}
		fset := token.NewFileSet()
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
				continue
			}
			file := filepath.Join(path, e.Name())
			f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
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
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 30 {
		t.Errorf("%d sentinels checked; the walk missed some", checked)
	}
}
