package main

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/scoring"
)

// TestCompositeAsTheReportSaysIt: the report says how a composite is
// found, and every department's composite of the year and of June is what
// that rule gives from the book's evaluations (the amended grade where
// one is amended): the mean over matters of each matter's mean, rounded
// half up to 2 places. The rule must be said: an official who averages the
// printed grade counts, evaluation by evaluation, gets another figure for
// a department with staged matters (生态环境局's 62 好, 30 较好 and 3 一般
// give 8,960 / 95 = 94.32; the composite is 94.89).
func TestCompositeAsTheReportSaysIt(t *testing.T) {
	a := gradedYear(t)
	w, err := loadWorld()
	if err != nil {
		t.Fatal(err)
	}
	year, err := annualReport(w, a)
	if err != nil {
		t.Fatal(err)
	}
	june, err := monthReport(w, a, time.June)
	if err != nil {
		t.Fatal(err)
	}
	var yearRows []row
	for _, d := range year.Departments {
		yearRows = append(yearRows, d.row)
	}
	for _, tc := range []struct {
		name   string
		p      scoring.Period
		rows   []row
		write  func(*strings.Builder, report)
		r      report
		states string
	}{
		{"year", scoring.Year(w.city.Year), yearRows, writeAnnual, year, "街道评分 = 本年各事项得分的平均，四舍五入保留 2 位；事项得分为该事项本年各次评价（含分时段的阶段评价）的平均"},
		{"June", scoring.Month(w.city.Year, time.June), june.Month.Departments, writeMonth, june, "综合评分 = 本月各事项得分的平均，四舍五入保留 2 位；事项得分为该事项本月各次评价（含分时段的阶段评价）的平均"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, got := map[string]string{}, map[string]string{}
			byCounts := 0 // the rows whose grade counts, averaged, give the composite
			for _, r := range tc.rows {
				want[r.ID] = compositeByHand(a.book, r.ID, tc.p)
				got[r.ID] = r.Composite.StringFixed(2)
				sum, n := decimal.Zero, 0
				for _, g := range a.scale {
					sum = sum.Add(g.Points.Mul(decimal.NewFromInt(int64(r.Grades[g.Code]))))
					n += r.Grades[g.Code]
				}
				if sum.DivRound(decimal.NewFromInt(int64(n)), 2).Equal(r.Composite) {
					byCounts++
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("composites mismatch (-by hand +reported):\n%s", diff)
			}
			if byCounts == len(tc.rows) {
				t.Errorf("every composite is the mean of its grade counts: the case for saying the rule is gone")
			}
			var b strings.Builder
			tc.write(&b, tc.r)
			if !strings.Contains(b.String(), tc.states) {
				t.Errorf("the report does not say how its composites are found: want %q in it", tc.states)
			}
		})
	}
}

// compositeByHand finds subject's composite over p from the book's
// evaluations and amendments (the last of each evaluation's counts), as
// the report says: each matter's mean over its evaluations in p, then the
// mean of those, rounded half away from zero to 2 places.
func compositeByHand(b *scoring.Book, subject string, p scoring.Period) string {
	type key struct {
		matter, evaluator string
		stage             int
	}
	points, matterOf := map[key]decimal.Decimal{}, map[key]string{}
	for _, e := range b.Evaluations() {
		if e.Subject == subject && within(p, e.At) {
			k := key{e.Matter, e.Evaluator, e.Stage}
			points[k], matterOf[k] = e.Result.Points, e.Matter
		}
	}
	for _, am := range b.Amendments() { // earliest to latest: the last counts
		k := key{am.Matter, am.Evaluator, am.Stage}
		if _, ok := points[k]; ok && am.Subject == subject {
			points[k] = am.Result.Points
		}
	}
	sums, counts := map[string]*big.Rat{}, map[string]int64{}
	for k, v := range points {
		m := matterOf[k]
		if sums[m] == nil {
			sums[m] = new(big.Rat)
		}
		sums[m].Add(sums[m], v.Rat())
		counts[m]++
	}
	total := new(big.Rat)
	for m, s := range sums {
		total.Add(total, new(big.Rat).Quo(s, big.NewRat(counts[m], 1)))
	}
	return total.Quo(total, big.NewRat(int64(len(sums)), 1)).FloatString(2)
}
