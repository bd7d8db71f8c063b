package qingdan_test

import (
	"go/build"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestImports holds the import graph that docs/architecture.md and the
// package documentation describe to the code: each library package's
// imports of the module's other packages, its internal plumbing aside.
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
			if p, ok := strings.CutPrefix(imp, module); ok && !strings.HasPrefix(p, "internal/") && !strings.Contains(p, "/internal/") {
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
}
