package main

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

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
	// A department's final grade by the owning sub-district, satisfied.
	var graded *scoring.Evaluation
	for _, m := range a.year.received() {
		for _, e := range a.evals[m.ID] {
			if e.Evaluator == m.Owner && e.Facts != nil && e.Facts.Final && e.Result.Points.Cmp(decimal.Decimal(w.rate.StreetMin)) >= 0 {
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
