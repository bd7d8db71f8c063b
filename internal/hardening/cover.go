package hardening

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Covered parses the Go files of the package in dir, leaving out its
// tests, and reports each exported function, and each exported method of
// an exported type, that has no row: "pkg.Function" or "pkg.Type.Method".
// A package's hardening test calls it with dir ".", its own directory.
func Covered(t testing.TB, dir string, rows []Row) {
	t.Helper()
	have := map[string]bool{}
	for _, r := range rows {
		have[r.Name] = true
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	parsed := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(fset, f, src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		parsed++
		for _, d := range af.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || !fd.Name.IsExported() {
				continue
			}
			name := af.Name.Name + "." + fd.Name.Name
			if fd.Recv != nil {
				typ := fd.Recv.List[0].Type
				if s, ok := typ.(*ast.StarExpr); ok {
					typ = s.X
				}
				switch g := typ.(type) { // a generic type's receiver
				case *ast.IndexExpr:
					typ = g.X
				case *ast.IndexListExpr:
					typ = g.X
				}
				id, ok := typ.(*ast.Ident)
				if !ok || !id.IsExported() {
					continue
				}
				name = af.Name.Name + "." + id.Name + "." + fd.Name.Name
			}
			if !have[name] {
				t.Errorf("%s (%s) has no hardening row", name, f)
			}
		}
	}
	if parsed == 0 {
		t.Fatalf("no Go files but tests in %s", dir)
	}
}
