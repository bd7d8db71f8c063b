package staff_test

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/golden"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/staff"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// appraisal is a round with two categories on a four-grade staff scale.
func appraisal() *staff.Appraisal {
	return &staff.Appraisal{
		Categories: []staff.PostCategory{
			{Code: "grid", Name: "网格员", Weights: assessment.Weights{"patrol": d("0.5"), "cases": d("0.3"), "feedback": d("0.2")}},
			{Code: "clerk", Name: "窗口", Weights: assessment.Weights{"service": d("0.7"), "accuracy": d("0.3")}},
		},
		Scale: scoring.Scale{{Code: "优秀", Points: d("90")}, {Code: "称职", Points: d("70")}, {Code: "基本称职", Points: d("60")}, {Code: "不称职", Points: d("0")}},
	}
}

func TestAppraise(t *testing.T) {
	scores := []staff.Score{
		{Person: "张三", Category: "grid", Scores: map[string]decimal.Decimal{"patrol": d("95"), "cases": d("90"), "feedback": d("80")}},
		{Person: "李四", Category: "grid", Scores: map[string]decimal.Decimal{"patrol": d("80"), "cases": d("85"), "feedback": d("100")}},
		{Person: "王五", Category: "clerk", Scores: map[string]decimal.Decimal{"service": d("60"), "accuracy": d("50")}},
		{Person: "赵六", Category: "grid", Scores: map[string]decimal.Decimal{"patrol": d("95"), "cases": d("90"), "feedback": d("80")}},
	}
	got, err := appraisal().Appraise(scores)
	if err != nil {
		t.Fatal(err)
	}
	// The order of the input does not matter.
	eachOrder(scores, func(in []staff.Score) {
		again, err := appraisal().Appraise(in)
		if diff := cmp.Diff(got, again); err != nil || diff != "" {
			t.Errorf("Appraise in another order: %v, mismatch (-want +got):\n%s", err, diff)
		}
	})
	var lines []string
	for _, x := range got {
		lines = append(lines, fmt.Sprintf("%s %s %s %s %d", x.Category, x.Person, x.Total, x.Grade, x.Rank))
	}
	want := []string{"grid 张三 90.5 优秀 1", "grid 赵六 90.5 优秀 1", "grid 李四 85.5 称职 3", "clerk 王五 57 不称职 1"}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("Appraise mismatch (-want +got):\n%s", diff)
	}
	golden.JSON(t, "testdata/appraised.golden", got[0], *update)
}

// TestAppraiseBelowEveryGrade: a total below every grade of the scale gets
// the lowest grade, as Appraised's doc says (scoring.Scale.Floor).
func TestAppraiseBelowEveryGrade(t *testing.T) {
	a := appraisal()
	a.Scale = a.Scale[:3] // 优秀 90, 称职 70, 基本称职 60: no grade at 0
	got, err := a.Appraise([]staff.Score{{Person: "王五", Category: "clerk", Scores: map[string]decimal.Decimal{"service": d("60"), "accuracy": d("50")}}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"57 基本称职"}, []string{got[0].Total.String() + " " + got[0].Grade}); diff != "" {
		t.Errorf("Appraise mismatch (-want +got):\n%s", diff)
	}
}

func TestAppraiseErrors(t *testing.T) {
	for _, tt := range []struct {
		name  string
		a     *staff.Appraisal
		staff []staff.Score
		is    []error
		want  []string
	}{
		{"people", appraisal(), []staff.Score{
			{Person: "甲", Category: "cook"},
			{Person: "乙", Category: "clerk", Scores: map[string]decimal.Decimal{"service": d("60")}},
			{Person: "丙", Category: "clerk", Scores: map[string]decimal.Decimal{"service": d("60"), "accuracy": d("1")}},
			{Person: "丙", Category: "clerk", Scores: map[string]decimal.Decimal{"service": d("60"), "accuracy": d("1")}},
			{Category: "clerk", Scores: map[string]decimal.Decimal{"service": d("60"), "accuracy": d("1")}},
		}, []error{staff.ErrInvalid, assessment.ErrWeights},
			[]string{`person "甲" is in the unknown category "cook"`, `person "乙" in category "clerk": assessment: bad weights: part "accuracy" is missing`,
				`person "丙" is appraised twice in category "clerk"`, `staff[4] in category "clerk" names no person`}},
		{"the round", &staff.Appraisal{Categories: []staff.PostCategory{{}, {Code: "a", Weights: assessment.Weights{"x": d("1")}}, {Code: "a"}}},
			nil, []error{staff.ErrInvalid, assessment.ErrWeights, scoring.ErrInvalid},
			[]string{"categories[0] has no code", `category "": assessment: bad weights: no parts`, `category "a" appears twice`, "appraisal scale: scoring: invalid: scale has no grades"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.a.Appraise(tt.staff)
			if got != nil {
				t.Errorf("Appraise = %v, want nil", got)
			}
			for _, is := range tt.is {
				if !errors.Is(err, is) {
					t.Errorf("Appraise error does not wrap %v:\n%v", is, err)
				}
			}
			for _, want := range tt.want {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("Appraise error lacks %q:\n%v", want, err)
				}
			}
		})
	}
}

// TestResultsBelongToTheCaller: changing the scores or years given after
// Appraise or Select returns changes no result.
func TestResultsBelongToTheCaller(t *testing.T) {
	scores := []staff.Score{
		{Person: "张三", Category: "clerk", Scores: map[string]decimal.Decimal{"service": d("90"), "accuracy": d("80")}},
		{Person: "李四", Category: "clerk", Scores: map[string]decimal.Decimal{"service": d("60"), "accuracy": d("50")}},
	}
	appraised, err := appraisal().Appraise(scores)
	if err != nil {
		t.Fatal(err)
	}
	wantAppraised := []map[string]decimal.Decimal{{"service": d("90"), "accuracy": d("80")}, {"service": d("60"), "accuracy": d("50")}}
	cands := []staff.Candidate{{ID: "C1", Post: "城管", Competition: d("85"), Years: years("70", "80", "90")}}
	placed, err := staff.Select(cands, competitionWeights(), map[string]int{"城管": 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range scores {
		s.Scores["service"] = d("0")
		delete(s.Scores, "accuracy")
	}
	cands[0].Years[0] = d("0")
	var got []map[string]decimal.Decimal
	for _, a := range appraised {
		got = append(got, a.Scores)
	}
	if diff := cmp.Diff(wantAppraised, got); diff != "" {
		t.Errorf("Appraised.Scores after the input changed: mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(years("70", "80", "90"), placed[0].Candidate.Years); diff != "" {
		t.Errorf("Placement.Candidate.Years after the input changed: mismatch (-want +got):\n%s", diff)
	}
}
