package qingdan_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// benchCommand finds a benchmark command in a document's text: an
// optional "cd DIR && ", the package, and the -bench pattern (quoted or
// not).
var benchCommand = regexp.MustCompile("`(?:cd ([^ `]+) && )?(?:[A-Z_]+=[^ `]+ )*go test (\\./[^ `]*|\\.) [^`]*?-bench (?:'([^']+)'|([^ `']+))")

// TestREADMEBenchmarks holds every benchmark command the README and
// docs/performance.md quote to the benchmarks that exist: its package is a
// directory of the tree, the first level of its -bench pattern matches a
// Benchmark function of that package's tests, and a second level, where it
// has one, the name of a sub-benchmark (a b.Run literal) there. A figure
// quoted with a command that runs nothing could not be measured again.
func TestREADMEBenchmarks(t *testing.T) {
	for _, file := range []string{"README.md", "docs/performance.md"} {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		found := benchCommand.FindAllStringSubmatch(string(text), -1)
		if len(found) < 20 {
			t.Fatalf("found %d benchmark commands in %s, want its tables' (20 or more)", len(found), file)
		}
		for _, m := range found {
			dir := filepath.Join(m[1], m[2])
			pattern := m[3] + m[4]
			pattern = strings.ReplaceAll(pattern, `\|`, "|") // a | inside a Markdown table
			names, subs, err := benchmarks(dir)
			if err != nil {
				t.Errorf("%s: %s: %v", file, m[0], err)
				continue
			}
			levels := splitBench(pattern)
			if !anyMatch(t, m[0], levels[0], names) {
				t.Errorf("%s: %s: -bench %q matches no Benchmark function in %s (it has %v)", file, m[0], pattern, dir, names)
			}
			if len(levels) > 1 && !anyMatch(t, m[0], levels[1], subs) {
				t.Errorf("%s: %s: -bench %q matches no sub-benchmark in %s (it runs %v)", file, m[0], pattern, dir, subs)
			}
		}
	}
}

// anyMatch reports whether the regular expression re matches one of names.
func anyMatch(t *testing.T, cmd, re string, names []string) bool {
	t.Helper()
	rx, err := regexp.Compile(re)
	if err != nil {
		t.Errorf("%s: -bench level %q: %v", cmd, re, err)
		return true
	}
	for _, n := range names {
		if rx.MatchString(n) {
			return true
		}
	}
	return false
}

// splitBench splits a -bench pattern at the slashes outside brackets and
// parentheses, as the testing package does.
func splitBench(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case '\\':
			i++
		case '/':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// benchmarks returns the names of the Benchmark functions of the test
// files in dir and the string literals its tests pass to b.Run.
func benchmarks(dir string) (names, subs []string, err error) {
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil || len(files) == 0 {
		return nil, nil, os.ErrNotExist
	}
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if strings.HasPrefix(n.Name.Name, "Benchmark") && n.Recv == nil {
					names = append(names, n.Name.Name)
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Run" || len(n.Args) != 2 {
					break
				}
				if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil {
						subs = append(subs, s)
					}
				}
			}
			return true
		})
	}
	return names, subs, nil
}
