package qingdan_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestDocNames holds the names the README and docs/ quote in code spans to
// the code: each `pkg.Name`, `pkg.Type.Method` or `pkg.Type.Field` of a
// package of the module is declared there, and each `Type.Method` or
// `Type.Field` without a package in some package of the module.
func TestDocNames(t *testing.T) {
	// The packages by the name a doc calls them, each with its names:
	// "Name", "Type.Method" and "Type.Field".
	pkgs := map[string]map[string]bool{}
	all := map[string]bool{} // the names of every package
	for _, path := range libraryDirs(t) {
		names := declared(t, path)
		if len(names) == 0 {
			continue
		}
		pkgs[filepath.Base(path)] = names
		for n := range names {
			all[n] = true
		}
	}
	span := regexp.MustCompile("`([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)+)")
	checked := 0
	for file, text := range docTexts(t) {
		seen := map[string]bool{}
		for _, m := range span.FindAllStringSubmatch(string(text), -1) {
			if seen[m[1]] {
				continue
			}
			seen[m[1]] = true
			parts := strings.Split(m[1], ".")
			if names, ok := pkgs[parts[0]]; ok && len(parts) <= 3 && token.IsExported(parts[1]) {
				checked++
				if name := strings.Join(parts[1:], "."); !names[name] {
					t.Errorf("%s names %s, which package %s does not declare", file, m[1], parts[0])
				}
			} else if token.IsExported(parts[0]) && len(parts) == 2 {
				checked++
				if !all[m[1]] {
					t.Errorf("%s names %s, which no package of the module declares", file, m[1])
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d names checked: is the pattern broken?", checked)
	}
}

// docTexts yields the README and each file of docs/ with its text.
func docTexts(t *testing.T) iter.Seq2[string, []byte] {
	docs, err := filepath.Glob("docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	return func(yield func(string, []byte) bool) {
		for _, file := range append([]string{"README.md"}, docs...) {
			text, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !yield(file, text) {
				return
			}
		}
	}
}

// TestDocTests holds the tests the docs cite to the code: each `TestX`
// followed by the file it is in, "(grading/games6_test.go)", or by
// several tests and then the file, is a test function of that file; and a
// test cited with no file is a function of that name somewhere in the
// module (a test, or a helper such as scoringtest.TestEvaluator). A test
// renamed or moved would otherwise leave docs/policy.md pointing at
// nothing.
func TestDocTests(t *testing.T) {
	tests := map[string][]string{} // function named Test… → files that declare it
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != "."):
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(path, ".go"): // a test helper such as scoringtest.TestEvaluator too
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Test") {
				tests[fn.Name.Name] = append(tests[fn.Name.Name], filepath.ToSlash(path))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A run of cited tests, "`TestA`, `TestB` (a/b_test.go)", with the file
	// after them if there is one.
	cite := regexp.MustCompile("((?:`Test[A-Za-z0-9_]+`(?:,? (?:and )?)?)+)(?:\\s*\\(([a-z0-9_/]+_test\\.go)\\))?")
	name := regexp.MustCompile("`(Test[A-Za-z0-9_]+)`")
	checked := 0
	for file, text := range docTexts(t) {
		for _, m := range cite.FindAllStringSubmatch(string(text), -1) {
			for _, n := range name.FindAllStringSubmatch(m[1], -1) {
				checked++
				files := tests[n[1]]
				switch {
				case len(files) == 0:
					t.Errorf("%s cites %s, which no file of the module declares", file, n[1])
				case m[2] != "" && !slices.Contains(files, m[2]):
					t.Errorf("%s cites %s in %s, but it is in %s", file, n[1], m[2], strings.Join(files, ", "))
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d tests checked: is the pattern broken?", checked)
	}
}

// declared returns the exported names the non-test files of the package in
// dir declare, with each type's methods and fields as "Type.Name".
func declared(t *testing.T, dir string) map[string]bool {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				name := d.Name.Name
				if d.Recv != nil {
					typ := d.Recv.List[0].Type
					if s, ok := typ.(*ast.StarExpr); ok {
						typ = s.X
					}
					if g, ok := typ.(*ast.IndexExpr); ok {
						typ = g.X
					}
					if id, ok := typ.(*ast.Ident); ok {
						name = id.Name + "." + name
					}
				}
				names[name] = true
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names[n.Name] = true
						}
					case *ast.TypeSpec:
						names[s.Name.Name] = true
						if st, ok := s.Type.(*ast.StructType); ok {
							for _, fl := range st.Fields.List {
								for _, n := range fl.Names {
									names[s.Name.Name+"."+n.Name] = true
								}
								if len(fl.Names) == 0 { // embedded: T or *T or pkg.T
									typ := fl.Type
									if s, ok := typ.(*ast.StarExpr); ok {
										typ = s.X
									}
									if sel, ok := typ.(*ast.SelectorExpr); ok {
										typ = sel.Sel
									}
									if id, ok := typ.(*ast.Ident); ok {
										names[s.Name.Name+"."+id.Name] = true
									}
								}
							}
						}
						if it, ok := s.Type.(*ast.InterfaceType); ok {
							for _, m := range it.Methods.List {
								for _, n := range m.Names {
									names[s.Name.Name+"."+n.Name] = true
								}
							}
						}
					}
				}
			}
		}
	}
	return names
}

// TestPackageLists holds the README's table of packages and the root
// package's list to the module's packages: every library package (not
// internal, not a command or an example) is in both, and neither names a
// package that does not exist.
func TestPackageLists(t *testing.T) {
	var lib []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() || path == "." {
			return nil
		}
		if d.Name() == "internal" || d.Name() == "testdata" || path == "examples" || path == "cmd" || strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if len(declared(t, path)) > 0 {
			lib = append(lib, filepath.ToSlash(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	inTable := map[string]bool{}
	cell := regexp.MustCompile("`([a-z/]+)`")
	for l := range strings.SplitSeq(string(readme), "\n") {
		if first, _, ok := strings.Cut(strings.TrimPrefix(l, "| "), " |"); ok && strings.HasPrefix(l, "| `") {
			for _, m := range cell.FindAllStringSubmatch(first, -1) {
				inTable[m[1]] = true
			}
		}
	}
	inDoc := map[string]bool{}
	entry := regexp.MustCompile(`^//\t([a-z][a-z/]*) {2,}`)
	for l := range strings.SplitSeq(string(doc), "\n") {
		if m := entry.FindStringSubmatch(l); m != nil {
			inDoc[m[1]] = true
		}
	}
	for _, p := range lib {
		if !inTable[p] {
			t.Errorf("README.md's table of packages lacks %s", p)
		}
		if !inDoc[p] {
			t.Errorf("doc.go's list of packages lacks %s", p)
		}
	}
	for _, list := range []map[string]bool{inTable, inDoc} {
		for p := range list {
			if _, err := os.Stat(p); err != nil {
				t.Errorf("a list of packages names %s: %v", p, err)
			}
		}
	}
}
