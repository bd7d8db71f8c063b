package main

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
)

// TestStreetRateCountsAmendments: the 街道满意率 counts each grade as it
// counts in the book: a sub-district's grade of a department amended to
// 差 after the Close counts as 差, not as the grade first recorded.
func TestStreetRateCountsAmendments(t *testing.T) {
	a := gradedYear(t)
	w, err := loadWorld()
	if err != nil {
		t.Fatal(err)
	}
	street := func() int {
		all, err := ratesOf(w, a, w.rate, 0, false)
		if err != nil {
			t.Fatal(err)
		}
		return all["all"].rates.Street.Num
	}
	before := street()
	streetMin, _, err := w.rate.satisfied(a.scale)
	if err != nil {
		t.Fatal(err)
	}
	// A department's final grade by the owning sub-district, satisfied.
	var graded *scoring.Evaluation
	for _, m := range a.year.received() {
		for _, e := range a.evals[m.ID] {
			if e.Evaluator == m.Owner && e.Facts != nil && e.Facts.Final && e.Result.Points.Cmp(streetMin) >= 0 {
				graded = &e
				break
			}
		}
		if graded != nil {
			break
		}
	}
	if graded == nil {
		t.Fatal("no satisfied final grade of a department in the year")
	}
	amended := *graded
	amended.At = amended.At.Add(time.Hour)
	amended.Result = scoring.Result{Grade: "差", Points: decimal.NewFromInt(40), Policy: graded.Result.Policy}
	if err := a.book.Amend(scoring.Amendment{Evaluation: amended, Author: graded.Evaluator, Reason: "复核"}); err != nil {
		t.Fatal(err)
	}
	if got := street(); got != before-1 {
		t.Errorf("街道满意 %d grades after amending one to 差, %d before; want one fewer", got, before)
	}
}

// TestStreetRateCountsGrades: the 街道满意率 counts the grades the report
// says it counts, 好 and 较好, on the scale of the table that graded the
// year: a table that gives the same grades on other points and labels
// (较好 as 良, 80 points, not 85) gives the same rate, and the report's
// note names the grades it counts by their labels.
func TestStreetRateCountsGrades(t *testing.T) {
	w, err := loadWorld()
	if err != nil {
		t.Fatal(err)
	}
	street := func(a *graded) indicators.Ratio {
		t.Helper()
		all, err := ratesOf(w, a, w.rate, 0, false)
		if err != nil {
			t.Fatal(err)
		}
		return all["all"].rates.Street
	}
	want := street(gradedYear(t))
	table := *wuhu.Table()
	table.Scale = slices.Clone(table.Scale)
	for i, g := range table.Scale {
		if g.Code == "good" {
			table.Scale[i].Points, table.Scale[i].Label = decimal.NewFromInt(80), "良"
		}
	}
	a, err := build(w, &table)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, street(a)); diff != "" {
		t.Errorf("街道满意率 with 较好 at 80 points mismatch (-want +got):\n%s", diff)
	}
	r, err := annualReport(w, a)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	writeAnnual(&b, r)
	if note := "街道满意率：街道对部门办理的评价为“好”“良”的份额"; !strings.Contains(b.String(), note) {
		t.Errorf("the annual report does not say %q:\n%s", note, b.String())
	}
}

// TestRankingNoteFollowsLists: the month's ranking says who goes on its
// red and black lists as data/indicators.json's lists say, not as typed
// beside them.
func TestRankingNoteFollowsLists(t *testing.T) {
	w, err := loadWorld()
	if err != nil {
		t.Fatal(err)
	}
	a := gradedYear(t)
	d := decimal.RequireFromString("95.5")
	for _, tc := range []struct {
		lists indicators.Lists
		want  string
	}{
		{indicators.Lists{Top: 1, Bottom: 1}, "各类第一上红榜、末位上黑榜"},
		{indicators.Lists{Top: 2, Bottom: 3}, "各类前 2 名上红榜、后 3 名上黑榜"},
		{indicators.Lists{RedAtLeast: &d, Bottom: 1}, "各类综合评分不低于 95.5 分上红榜、末位上黑榜"},
		{indicators.Lists{Top: 1, BlackBelow: &d}, "各类第一上红榜、综合评分低于 95.5 分上黑榜"},
	} {
		w.rate.Lists = tc.lists
		r, err := monthReport(w, a, time.June)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		writeMonth(&b, r)
		if want := "（示例的类别与红黑榜：按综合评分，" + tc.want + "；与上月比）"; !strings.Contains(b.String(), want) {
			t.Errorf("lists %+v: the month's review does not say %q:\n%s", tc.lists, want, b.String())
		}
	}
}
