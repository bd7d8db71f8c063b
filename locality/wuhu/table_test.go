package wuhu_test

import (
	"bytes"
	"flag"
	"github.com/qingdan/qingdan/internal/jsonx"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/golden"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// timely returns the facts of a matter answered and resolved within its limits.
func timely() scoring.Facts {
	return scoring.Facts{Matter: "M1", Subject: "D1", Responded: true, Response: 2 * time.Hour, ResponseLimit: 4 * time.Hour,
		Resolved: true, Final: true, Resolution: 40 * time.Hour, ResolutionLimit: 50 * time.Hour}
}

func TestTableRows(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		name   string
		change func(*scoring.Facts)
		grade  string
		rule   string
	}{
		{"zero facts", func(f *scoring.Facts) { *f = scoring.Facts{} }, "poor", "rule 1 "},
		{"never responded", func(f *scoring.Facts) { f.Responded = false }, "poor", "rule 1 "},
		{"response just over twice", func(f *scoring.Facts) { f.Response = 8*time.Hour + 1 }, "poor", "rule 2 "},
		{"response exactly twice", func(f *scoring.Facts) { f.Response = 8 * time.Hour; f.Quality = 5 }, "fair", "rule 9 "},
		{"resolution over twice so far", func(f *scoring.Facts) { f.Resolved, f.Final, f.Resolution = false, false, 101*time.Hour }, "poor", "rule 3 "},
		{"dissatisfied", func(f *scoring.Facts) { f.Quality, f.Satisfied = 5, &no }, "fair", "rule 4 "},
		{"poor quality", func(f *scoring.Facts) { f.Quality = 2 }, "fair", "rule 5 "},
		{"on time, quality 4", func(f *scoring.Facts) { f.Quality = 4 }, "excellent", "rule 6 "},
		{"on time, quality 5, satisfied", func(f *scoring.Facts) { f.Quality, f.Satisfied = 5, &yes }, "excellent", "rule 6 "},
		{"on time, quality not judged, satisfied", func(f *scoring.Facts) { f.Satisfied = &yes }, "excellent", "rule 7 "},
		{"on time but returned", func(f *scoring.Facts) { f.Quality, f.Returned = 5, true }, "good", "rule 8 "},
		{"on time, quality 3", func(f *scoring.Facts) { f.Quality = 3 }, "good", "rule 8 "},
		{"on time, no judgement, no feedback", func(*scoring.Facts) {}, "good", "rule 8 "},
		{"a stage on track", func(f *scoring.Facts) { f.Resolved, f.Final, f.Stage, f.Quality = false, false, 1, 4 }, "excellent", "rule 6 "},
		{"late response", func(f *scoring.Facts) { f.Response, f.Quality = 5*time.Hour, 5 }, "fair", "rule 9 "},
		{"no limits at all", func(f *scoring.Facts) { f.ResponseLimit, f.ResolutionLimit, f.Quality = 0, 0, 5 }, "excellent", "rule 6 "},
		{"negative times", func(f *scoring.Facts) { f.Response, f.Resolution, f.Quality = -time.Hour, -time.Hour, 4 }, "excellent", "rule 6 "},
		{"on time, quality 5, urged", func(f *scoring.Facts) { f.Quality, f.Urged = 5, 1 }, "excellent", "rule 6 "},
		{"on time, quality 5, but supervised", func(f *scoring.Facts) { f.Quality, f.Supervised = 5, 1 }, "good", "rule 8 "},
		{"on time, satisfied, but supervised", func(f *scoring.Facts) { f.Satisfied, f.Supervised = &yes, 2 }, "good", "rule 8 "},
		{"late and supervised", func(f *scoring.Facts) { f.Response, f.Quality, f.Supervised = 5*time.Hour, 5, 1 }, "fair", "rule 9 "},
	}
	table := wuhu.Table()
	ignoreReasons := cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Reasons" }, cmp.Ignore())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := timely()
			tt.change(&f)
			got, err := table.Evaluate(f)
			if err != nil {
				t.Fatal(err)
			}
			g, _ := wuhu.Scale().Grade(tt.grade)
			want := scoring.Result{Grade: tt.grade, Points: g.Points, Policy: "wuhu-2020.2"}
			if diff := cmp.Diff(want, got, ignoreReasons); diff != "" {
				t.Errorf("Evaluate mismatch (-want +got):\n%s", diff)
			}
			if len(got.Reasons) != 1 || !strings.HasPrefix(got.Reasons[0].String(), tt.rule) {
				t.Errorf("Reasons = %q, want one starting %q", got.Reasons, tt.rule)
			}
		})
	}
}

// TestTableJSON pins the table's JSON, the form a host keeps a policy in,
// and checks that it loads back to the same table.
func TestTableJSON(t *testing.T) {
	if err := wuhu.Table().Validate(); err != nil {
		t.Fatalf("Table does not validate: %v", err)
	}
	var buf bytes.Buffer
	if err := jsonx.Indent(&buf, wuhu.Table()); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/table.golden", buf.Bytes(), *update)
	back, err := scoring.LoadTable(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wuhu.Table(), back); diff != "" {
		t.Errorf("table round trip mismatch (-want +got):\n%s", diff)
	}
}

// TestFreshValues changes what each function returned and checks that the
// next call is not affected: no two calls, and no two conditions of a
// table, share a value.
func TestFreshValues(t *testing.T) {
	want := string(hardening.MustJSON(t, wuhu.Table())) // bytes: what a shared value becomes later does not reach them
	tab := wuhu.Table()
	*tab.Rules[5].ResolutionAtMost = tab.Rules[5].ResolutionAtMost.Neg()
	*tab.Rules[1].ResponseOver = tab.Rules[1].ResponseOver.Neg()
	*tab.Rules[0].Responded = true
	tab.Scale[0].Code = "changed"
	if err := tab.Validate(); err == nil {
		t.Fatalf("the changed table validates")
	}
	for _, i := range []int{6, 7} {
		if tab.Rules[i].ResolutionAtMost.Sign() < 0 {
			t.Errorf("rules[%d] shares its resolutionAtMost with rules[5]", i)
		}
	}
	if tab.Rules[2].ResolutionOver.Sign() < 0 {
		t.Errorf("rules[2] shares its resolutionOver with rules[1]")
	}
	if !*tab.Rules[5].ResponseOnTime || *tab.Rules[5].Returned {
		t.Errorf("rules[5] shares a flag with rules[0]")
	}
	if diff := cmp.Diff(want, string(hardening.MustJSON(t, wuhu.Table()))); diff != "" || wuhu.Table().Validate() != nil {
		t.Errorf("Table changed after a caller changed its copy: mismatch (-want +got):\n%s", diff)
	}
	s := wuhu.Scale()
	s[0].Code = "changed"
	if wuhu.Scale()[0].Code != "excellent" {
		t.Errorf("Scale changed after a caller changed its copy")
	}
	w := wuhu.Weights()
	delete(w, "department")
	if len(wuhu.Weights()) != 2 {
		t.Errorf("Weights changed after a caller changed its copy")
	}
}
