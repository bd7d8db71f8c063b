package qingdan_test

import (
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestImports holds the import graph that docs/architecture.md and the
// package documentation describe to the code: each library package's
// imports of the module's other packages, its internal plumbing aside.
// It also reads the list of docs/architecture.md ("The import graph") and
// holds each of its sentences "`p` imports `a`, `b` and `c`", "`p` and `q`
// import nothing of ours" and "`x` is imported by `p` alone" (or "`y`, …,
// by `p` and `q`") to the code, so that the note cannot fall behind it.
func TestImports(t *testing.T) {
	const module = "github.com/qingdan/qingdan/"
	want := map[string][]string{
		"accountability":                     nil,
		"accountability/accountabilitytest":  {"accountability"},
		"assessment":                         {"scoring"},
		"assessment/assessmenttest":          {"assessment"},
		"grading":                            {"matters", "matters/workday", "scoring"},
		"indicators":                         {"assessment", "matters", "matters/workday", "scoring", "scoring/reason"},
		"journal":                            {"matters", "scoring"},
		"locality/chaohu":                    {"accountability"},
		"locality/shatanglu":                 {"accountability"},
		"locality/wuhu":                      {"accountability", "assessment", "scoring"},
		"matters":                            {"accountability", "matters/workday"},
		"matters/workday":                    nil,
		"scoring":                            {"matters", "matters/workday", "scoring/reason"},
		"scoring/reason":                     nil,
		"scoring/scoringtest":                {"scoring"},
		"staff":                              {"assessment", "scoring"},
		"whatif":                             {"journal", "matters", "matters/workday", "scoring"},
		"internal/hardening/samples":         {"matters", "matters/workday", "scoring", "scoring/reason"},
		"journal/internal/canon":             {"matters", "scoring", "scoring/reason"},
		"scoring/internal/ledger":            {"scoring/reason"},
		"locality/internal/templatetest":     {"accountability"},
		"scoring/internal/ledger/ledgertest": nil,
		"scoring/internal/ratio":             nil,
	}
	got := map[string][]string{}
	importers := map[string][]string{} // package of ours → the packages that import it
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if path == "examples" || path == "cmd" || path == "testdata" || strings.HasSuffix(path, "/testdata") || strings.HasPrefix(d.Name(), ".") && path != "." {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(path, 0)
		if err != nil {
			if _, ok := err.(*build.NoGoError); ok {
				return nil
			}
			return err
		}
		if path == "." || strings.HasPrefix(path, "internal/") && path != "internal/hardening/samples" {
			// The root holds documentation; internal/… imports only internal/….
			for _, imp := range pkg.Imports {
				if p, ok := strings.CutPrefix(imp, module); ok && path != "." && !strings.HasPrefix(p, "internal/") {
					t.Errorf("%s imports %s: internal/… imports nothing of ours but internal/…", path, p)
				}
			}
			return nil
		}
		var ours []string
		for _, imp := range pkg.Imports {
			p, ok := strings.CutPrefix(imp, module)
			if !ok {
				continue
			}
			importers[p] = append(importers[p], filepath.ToSlash(path))
			if !strings.HasPrefix(p, "internal/") && !strings.Contains(p, "/internal/") {
				ours = append(ours, p)
			}
		}
		slices.Sort(ours)
		got[filepath.ToSlash(path)] = ours
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the import graph: mismatch (-want +got):\n%s\n(docs/architecture.md and the root package's doc describe it: change them with it)", diff)
	}

	imports, importedBy := noteImports(t)
	for p, says := range imports {
		if _, ok := got[p]; !ok {
			t.Errorf("docs/architecture.md says what %s imports, but the module has no such package", p)
		} else if diff := cmp.Diff(says, got[p]); diff != "" {
			t.Errorf("docs/architecture.md says %s imports %q of ours; the code: mismatch (-note +code):\n%s", p, says, diff)
		}
	}
	for p, says := range importedBy {
		have := importers[p]
		slices.Sort(have)
		if diff := cmp.Diff(says, have); diff != "" {
			t.Errorf("docs/architecture.md says %s is imported by %q; the code: mismatch (-note +code):\n%s", p, says, diff)
		}
	}
	for _, p := range []string{"accountability", "matters", "matters/workday", "scoring", "grading", "whatif", "indicators", "assessment", "staff", "journal"} {
		if _, ok := imports[p]; !ok {
			t.Errorf("docs/architecture.md's list does not say what %s imports: is the pattern broken?", p)
		}
	}
	if len(importedBy) < 2 {
		t.Errorf("docs/architecture.md's list says who imports %d packages; want scoring/internal/ledger and scoring/internal/ratio: is the pattern broken?", len(importedBy))
	}
}

var (
	notePkg       = "`([a-z][a-z/]*)`"
	noteImportsRe = regexp.MustCompile("^" + notePkg + " imports (.*)$")
	noteNothing   = regexp.MustCompile("^" + notePkg + " and " + notePkg + " import nothing of ours")
	noteBy        = regexp.MustCompile("^" + notePkg + "(?: is imported|, [^`]*,) by (.*?)(?: alone)?$")
	notePkgs      = regexp.MustCompile(notePkg)
)

// noteImports reads the list of docs/architecture.md's "The import graph":
// what each package it names imports of ours, its internal plumbing
// aside, and who imports each package it says is imported by others. The
// names are sorted.
func noteImports(t *testing.T) (imports, importedBy map[string][]string) {
	text, err := os.ReadFile("docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(text), "\n## The import graph\n")
	if !ok {
		t.Fatal("docs/architecture.md has no section \"The import graph\"")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	names := func(s string) []string {
		var out []string
		for _, m := range notePkgs.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		slices.Sort(out)
		return out
	}
	imports, importedBy = map[string][]string{}, map[string][]string{}
	for _, item := range strings.Split(section, "\n- ")[1:] {
		item, _, _ = strings.Cut(item, "\n\n")
		item = strings.Join(strings.Fields(item), " ")
		for _, sentence := range strings.Split(item, ". ") {
			for _, clause := range strings.Split(strings.TrimSuffix(sentence, "."), "; ") {
				if m := noteNothing.FindStringSubmatch(clause); m != nil {
					imports[m[1]], imports[m[2]] = nil, nil
				} else if m := noteImportsRe.FindStringSubmatch(clause); m != nil {
					imports[m[1]] = names(m[2])
				} else if m := noteBy.FindStringSubmatch(clause); m != nil {
					importedBy[m[1]] = names(m[2])
				}
			}
		}
	}
	return imports, importedBy
}
