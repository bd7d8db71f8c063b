package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/qingdan/qingdan/whatif"
)

// TestWhatIfStrict regrades the year under data/policy-strict.json from
// its journal and checks the report against an independent count: each
// recorded facts graded directly under both tables, and the scores of a
// book of the strict grades. The recorded book is byte for byte the same
// before and after.
func TestWhatIfStrict(t *testing.T) {
	w, err := loadWorld()
	if err != nil {
		t.Fatal(err)
	}
	recorded := wuhu.Table()
	a, err := build(w, recorded)
	if err != nil {
		t.Fatal(err)
	}
	strict, err := cli.ReadFile("data/policy-strict.json", scoring.LoadTable)
	if err != nil {
		t.Fatal(err)
	}
	before, err := a.book.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	r, err := whatIfReport(w, a, strict)
	if err != nil {
		t.Fatal(err)
	}
	after, err := a.book.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(before), string(after)); diff != "" {
		t.Errorf("the what-if changed the recorded book: mismatch (-want +got):\n%s", diff)
	}

	type key struct {
		matter, subject, evaluator string
		stage                      int
	}
	want := map[key]whatif.Change{}
	alone := scoring.NewBook(nil)
	evals := map[key]scoring.Evaluation{}
	for _, es := range a.evals {
		for _, e := range es {
			evals[key{e.Matter, e.Subject, e.Evaluator, e.Stage}] = e
		}
	}
	var recordedFacts []scoring.Facts // as graded, in the order recorded
	for _, m := range a.year.matters {
		for _, g := range a.grades[m.ID] {
			if g.Amendment == nil {
				recordedFacts = append(recordedFacts, g.Facts)
			}
		}
	}
	for _, f := range recordedFacts {
		k := key{f.Matter, f.Subject, f.Evaluator, f.Evaluation(time.Time{}, scoring.Result{}).Stage}
		old, err := recorded.Evaluate(f)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(evals[k].Result, old); diff != "" {
			t.Fatalf("%v: the recorded result is not the facts' (-recorded +graded):\n%s", k, diff)
		}
		nw, err := strict.Evaluate(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := alone.Record(f.Evaluation(evals[k].At, nw)); err != nil {
			t.Fatal(err)
		}
		if old.Grade != nw.Grade || !old.Points.Equal(nw.Points) {
			want[k] = whatif.Change{Matter: k.matter, Subject: k.subject, Evaluator: k.evaluator, Stage: k.stage, Old: old, New: nw}
		}
	}
	v := r.WhatIf
	got := map[key]whatif.Change{}
	for _, c := range v.Changes {
		got[key{c.Matter, c.Subject, c.Evaluator, c.Stage}] = c
	}
	if len(want) == 0 {
		t.Fatal("the strict table changes nothing")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("changes mismatch (-independent +what-if):\n%s", diff)
	}
	if v.Evaluations != len(recordedFacts) || len(got) != len(v.Changes) {
		t.Errorf("%d evaluations regraded, %d changes listed (%d distinct); want %d and no repeats", v.Evaluations, len(v.Changes), len(got), len(recordedFacts))
	}

	// The subjects whose composite or rank changes, from the two books'
	// scores.
	year := scoring.Year(w.city.Year)
	oldScores := map[string]scoring.Score{}
	for _, s := range a.book.Scores(year) {
		oldScores[s.Subject] = s
	}
	wantSubjects := map[string]whatif.SubjectChange{}
	for _, s := range alone.Scores(year) {
		if o := oldScores[s.Subject]; o.Rank != s.Rank || !o.Composite.Equal(s.Composite) {
			wantSubjects[s.Subject] = whatif.SubjectChange{Subject: s.Subject, Old: o, New: s}
		}
	}
	gotSubjects := map[string]whatif.SubjectChange{}
	for _, s := range v.Subjects {
		gotSubjects[s.Subject] = s
	}
	if diff := cmp.Diff(wantSubjects, gotSubjects); diff != "" {
		t.Errorf("subjects mismatch (-independent +what-if):\n%s", diff)
	}
}

// TestWhatIfJSON reads the report of -whatif -json back strictly: the
// changes and subjects as whatif.Report reads a saved what-if, the same
// as the text run's counts and as the report built in process.
func TestWhatIfJSON(t *testing.T) {
	t.Parallel()
	got, _ := runReport(t, "-whatif", "data/policy-strict.json", "-json")
	v := got.WhatIf
	if v == nil || v.Policy != "wuhu-strict-2020" || v.Evaluations != 1357 || len(v.Changes) == 0 {
		t.Fatalf("what-if %+v; want wuhu-strict-2020 over 1357 evaluations, with changes", v)
	}
	saved, err := json.Marshal(whatif.Report{Changes: v.Changes, Subjects: v.Subjects})
	if err != nil {
		t.Fatal(err)
	}
	var back whatif.Report
	if err := json.Unmarshal(saved, &back); err != nil {
		t.Fatalf("the what-if of -json is no sound report: %v", err)
	}
	text := runWith("-whatif", "data/policy-strict.json").stdout
	head := fmt.Sprintf("等次变化 %d 次，涉及事项 %d 件；综合评分或排名变化的单位 %d 个", len(v.Changes), v.Matters, len(v.Subjects))
	if !strings.Contains(text, head) {
		t.Errorf("the text run does not say %q", head)
	}
}

// TestWhatIfRuleInChinese checks that the text report names the rule on
// each side of a change as qingdan whatif does, in Chinese (规则 N「名称」),
// not in the English of Reason.String.
func TestWhatIfRuleInChinese(t *testing.T) {
	tab := &scoring.Table{Scale: wuhu.Scale()}
	for _, tt := range []struct {
		res  scoring.Result
		want string
	}{
		{scoring.Result{Grade: "good", Reasons: []reason.Reason{{Rule: 6, Name: "on time, quality ≥ 4", Text: "x"}}}, "较好（规则 6「on time, quality ≥ 4」）"},
		{scoring.Result{Grade: "fair", Reasons: []reason.Reason{{Rule: 9, Name: "按时"}}}, "一般（规则 9「按时」）"},
	} {
		if got := grade(tab.Scale, tt.res); got != tt.want {
			t.Errorf("grade(%v) = %q; want %q", tt.res, got, tt.want)
		}
	}
}
