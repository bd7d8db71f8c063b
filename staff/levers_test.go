package staff_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/staff"
)

// TestLeverGradeThePrintedTotal proves docs/policy.md, "shatanglu prints
// totals to 2 places and grades them exact": a host prints the total as
// it likes, or grades it rounded with scoring.Scale.Floor. On shatanglu's
// staff scale (优秀 90, 称职 75, 基本称职 60, 不称职), a total of 89.995 is
// 称职 as Appraise grades it exact; printed to 2 places it reads "90.00",
// and graded so rounded half up, 优秀. A total of 89.994 rounds to 89.99
// and stays 称职.
func TestLeverGradeThePrintedTotal(t *testing.T) {
	d := decimal.RequireFromString
	a := &staff.Appraisal{
		Categories: []staff.PostCategory{{Code: "grid", Weights: assessment.Weights{"a": d("0.45"), "b": d("0.35"), "c": d("0.2")}}},
		Scale: scoring.Scale{{Code: "优秀", Points: d("90")}, {Code: "称职", Points: d("75")},
			{Code: "基本称职", Points: d("60")}, {Code: "不称职", Points: d("0")}},
	}
	got, err := a.Appraise([]staff.Score{
		{Person: "p1", Category: "grid", Scores: map[string]decimal.Decimal{"a": d("100"), "b": d("80"), "c": d("84.975")}},
		{Person: "p2", Category: "grid", Scores: map[string]decimal.Decimal{"a": d("100"), "b": d("80"), "c": d("84.97")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	type line struct{ Person, Exact, Grade, Printed, PrintedGrade string }
	var lines []line
	for _, x := range got {
		printed := x.Total.Round(2)
		g, ok := a.Scale.Floor(printed)
		if !ok {
			t.Fatal("Floor of an empty scale")
		}
		lines = append(lines, line{x.Person, x.Total.String(), x.Grade, printed.StringFixed(2), g.Code})
	}
	want := []line{{"p1", "89.995", "称职", "90.00", "优秀"}, {"p2", "89.994", "称职", "89.99", "称职"}}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("totals mismatch (-want +got):\n%s", diff)
	}
}
