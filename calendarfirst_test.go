package qingdan_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

// TestCalendarFirst holds the library to the convention its packages
// document: a working-day calendar (*workday.Calendar) comes first among
// the parameters of every function, method and function type that takes
// one, as a context does — exported or not, so that the convention does
// not drift inside a package before it shows in its API.
func TestCalendarFirst(t *testing.T) {
	fset := token.NewFileSet()
	checked := 0
	for _, path := range libraryFiles(t) {
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ft, ok := n.(*ast.FuncType)
			if !ok || ft.Params == nil {
				return true
			}
			i := 0
			for _, field := range ft.Params.List {
				if isCalendar(field.Type) {
					checked++
					if i != 0 {
						t.Errorf("%s: a *workday.Calendar is parameter %d, not the first", fset.Position(field.Pos()), i+1)
					}
				}
				i += max(len(field.Names), 1)
			}
			return true
		})
	}
	if checked < 20 {
		t.Errorf("found %d parameters of type *workday.Calendar; the walk missed the packages", checked)
	}
}

// isCalendar reports whether e is *workday.Calendar (or *Calendar, inside
// package workday).
func isCalendar(e ast.Expr) bool {
	star, ok := e.(*ast.StarExpr)
	if !ok {
		return false
	}
	switch x := star.X.(type) {
	case *ast.SelectorExpr:
		id, ok := x.X.(*ast.Ident)
		return ok && id.Name == "workday" && x.Sel.Name == "Calendar"
	case *ast.Ident:
		return x.Name == "Calendar"
	}
	return false
}
