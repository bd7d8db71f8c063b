package assessment_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// graded is one grade of a department in the hand-computed cases: the
// matter, the stage (0 for a matter graded once), the month of 2020 it was
// given in and its points (好 100, 较好 85, 一般 70, 差 40, Wuhu's scale;
// any other points are graded "其他").
type graded struct {
	matter, subject string
	stage           int
	month           time.Month
	points          string
}

var handGrades = map[string]string{"100": "好", "85": "较好", "70": "一般", "40": "差"}

// fourMonths are 住建局's grades 100, 85, 70 and 40, one matter a month
// from January.
var fourMonths = []graded{{"M1", "住建局", 0, 1, "100"}, {"M2", "住建局", 0, 2, "85"},
	{"M3", "住建局", 0, 3, "70"}, {"M4", "住建局", 0, 4, "40"}}

// evaluation is g as the sub-district records it, on the 10th of its
// month, or as it corrects it (amended) on the 20th.
func (g graded) evaluation(amended bool) scoring.Evaluation {
	day := 10
	if amended {
		day = 20
	}
	grade, ok := handGrades[g.points]
	if !ok {
		grade = "其他"
	}
	return scoring.Evaluation{Matter: g.matter, Subject: g.subject, Evaluator: "街道", Stage: g.stage,
		At:     time.Date(2020, g.month, day, 9, 0, 0, 0, time.FixedZone("CST", 8*3600)),
		Result: scoring.Result{Grade: grade, Points: d(g.points), Policy: "hand"}}
}

// TestHandComputed follows one-matter grades to a department's annual
// assessment, each figure computed by hand in the comments: the book's
// Composite is the mean over matters of each matter's mean over its
// evaluations in the period, exact until it is rounded half away from
// zero to 2 places, once; Assess blends that published composite exactly
// and does not round, so that the total is what an official recomputes
// from the printed parts.
func TestHandComputed(t *testing.T) {
	w3070 := annualWeights()
	w352 := assessment.Weights{assessment.SubdistrictPart: d("0.3"), "department": d("0.5"), "index": d("0.2")}
	dept := func(v string) map[string]decimal.Decimal { return map[string]decimal.Decimal{"department": d(v)} }
	type want struct {
		subject     string
		matters     int
		evaluations int
		composite   string
		grades      map[string]int
		rank        int
		total       string // "" when not assessed
		annualRank  int
	}
	tests := []struct {
		name    string
		grades  []graded
		amended []graded // amendments, in the month given
		period  scoring.Period
		w       assessment.Weights
		others  map[string]map[string]decimal.Decimal
		want    []want // in the book's order: by rank, then subject
		errs    []string
	}{{
		// Four matters, one a month: (100 + 85 + 70 + 40) / 4 = 295 / 4
		// = 73.75. Annual: 0.3 × 73.75 + 0.7 × 90 = 22.125 + 63 = 85.125,
		// printed to 3 places as it is.
		name:   "grades 100, 85, 70, 40 across the year",
		grades: fourMonths,
		period: scoring.Year(2020), w: w3070, others: map[string]map[string]decimal.Decimal{"住建局": dept("90")},
		want: []want{{"住建局", 4, 4, "73.75", map[string]int{"好": 1, "较好": 1, "一般": 1, "差": 1}, 1, "85.125", 1}},
	}, {
		// The same book over February alone: the one matter of February, 85.
		// 0.3 × 85 + 0.7 × 90 = 25.5 + 63 = 88.5.
		name:   "the same grades over one month",
		grades: fourMonths,
		period: scoring.Month(2020, 2), w: w3070, others: map[string]map[string]decimal.Decimal{"住建局": dept("90")},
		want: []want{{"住建局", 1, 1, "85", map[string]int{"较好": 1}, 1, "88.5", 1}},
	}, {
		// A matter graded in two stages and at its close counts once, as
		// the mean of its three grades: (100 + 70 + 85) / 3 = 85; with a
		// matter of 40, (85 + 40) / 2 = 62.5 — not the mean of the four
		// evaluations, 295 / 4 = 73.75. 0.3 × 62.5 + 0.7 × 80 = 18.75 + 56
		// = 74.75.
		name: "the stages of a long matter count as one matter",
		grades: []graded{{"M1", "城管局", 1, 3, "100"}, {"M1", "城管局", 2, 4, "70"},
			{"M1", "城管局", 0, 5, "85"}, {"M2", "城管局", 0, 6, "40"}},
		period: scoring.Year(2020), w: w3070, others: map[string]map[string]decimal.Decimal{"城管局": dept("80")},
		want: []want{{"城管局", 2, 4, "62.5", map[string]int{"好": 1, "较好": 1, "一般": 1, "差": 1}, 1, "74.75", 1}},
	}, {
		// 100, 85, 85 would be 270 / 3 = 90; M2 amended to 40 counts as
		// 40: (100 + 40 + 85) / 3 = 225 / 3 = 75, and Grades count the
		// amended grade (差), not the original (较好). 0.3 × 75 + 0.7 ×
		// 90 = 22.5 + 63 = 85.5.
		name:    "an amendment changes one grade",
		grades:  []graded{{"M1", "水务局", 0, 3, "100"}, {"M2", "水务局", 0, 3, "85"}, {"M3", "水务局", 0, 3, "85"}},
		amended: []graded{{"M2", "水务局", 0, 3, "40"}},
		period:  scoring.Year(2020), w: w3070, others: map[string]map[string]decimal.Decimal{"水务局": dept("90")},
		want: []want{{"水务局", 3, 3, "75", map[string]int{"好": 1, "较好": 1, "差": 1}, 1, "85.5", 1}},
	}, {
		// Graded 100 in January, amended to 70 in February: the grade
		// stays in January, as amended (70), and February has none.
		name:    "an amendment corrects the grade in its own month",
		grades:  []graded{{"M1", "水务局", 0, 1, "100"}},
		amended: []graded{{"M1", "水务局", 0, 2, "70"}},
		period:  scoring.Month(2020, 1), w: w3070, others: map[string]map[string]decimal.Decimal{"水务局": dept("90")},
		// 0.3 × 70 + 0.7 × 90 = 21 + 63 = 84.
		want: []want{{"水务局", 1, 1, "70", map[string]int{"一般": 1}, 1, "84", 1}},
	}, {
		// The book scores only the departments graded in the period; a
		// department the host assesses without one is refused by name,
		// neither counted as 0 nor left out in silence: the host decides.
		name:    "a department with no evaluation in the period",
		grades:  []graded{{"M1", "水务局", 0, 1, "100"}, {"M2", "交通局", 0, 2, "85"}},
		amended: []graded{{"M1", "水务局", 0, 2, "70"}},
		period:  scoring.Month(2020, 1), w: w3070,
		others: map[string]map[string]decimal.Decimal{"水务局": dept("90"), "交通局": dept("95")},
		want:   []want{{"水务局", 1, 1, "70", map[string]int{"一般": 1}, 1, "", 0}},
		errs:   []string{`assessment: bad weights: subject "交通局" has no score in the book`},
	}, {
		// A third part: 0.3 × 73.75 + 0.5 × 90 + 0.2 × 95.5 = 22.125 + 45
		// + 19.1 = 86.225.
		name:   "weights 0.3, 0.5 and 0.2",
		grades: fourMonths,
		period: scoring.Year(2020), w: w352,
		others: map[string]map[string]decimal.Decimal{"住建局": {"department": d("90"), "index": d("95.5")}},
		want:   []want{{"住建局", 4, 4, "73.75", map[string]int{"好": 1, "较好": 1, "一般": 1, "差": 1}, 1, "86.225", 1}},
	}, {
		// M1's stages are 100, 100 and 90: 290 / 3 = 96.666…; M2 is 90.
		// Exactly, (290/3 + 90) / 2 = 560 / 6 = 93.333… → 93.33, rounded
		// once; rounding M1 first (96.67) would give (96.67 + 90) / 2 =
		// 93.335 → 93.34. The blend takes the published 93.33: 0.3 × 93.33
		// + 0.7 × 90 = 27.999 + 63 = 90.999, which the printed parts give
		// by hand (the unrounded composite would give 28 + 63 = 91).
		name: "thirds are exact until the composite is rounded, once",
		grades: []graded{{"M1", "公安局", 1, 5, "100"}, {"M1", "公安局", 2, 6, "100"},
			{"M1", "公安局", 0, 7, "90"}, {"M2", "公安局", 0, 7, "90"}},
		period: scoring.Year(2020), w: w3070, others: map[string]map[string]decimal.Decimal{"公安局": dept("90")},
		want: []want{{"公安局", 2, 4, "93.33", map[string]int{"好": 2, "其他": 2}, 1, "90.999", 1}},
	}, {
		// Seven 好 and one 较好: 785 / 8 = 98.125, a half: up to 98.13
		// (half to even would give 98.12). 0.3 × 98.13 + 0.7 × 90 =
		// 29.439 + 63 = 92.439.
		name: "a half rounds up, not to even",
		grades: []graded{{"M1", "供电公司", 0, 1, "100"}, {"M2", "供电公司", 0, 2, "100"}, {"M3", "供电公司", 0, 3, "100"},
			{"M4", "供电公司", 0, 4, "100"}, {"M5", "供电公司", 0, 5, "100"}, {"M6", "供电公司", 0, 6, "100"},
			{"M7", "供电公司", 0, 7, "100"}, {"M8", "供电公司", 0, 8, "85"}},
		period: scoring.Year(2020), w: w3070, others: map[string]map[string]decimal.Decimal{"供电公司": dept("90")},
		want: []want{{"供电公司", 8, 8, "98.13", map[string]int{"好": 7, "较好": 1}, 1, "92.439", 1}},
	}, {
		// Points below zero (a book without a scale takes them): −0.005
		// is a half, away from zero: −0.01. 0.3 × −0.01 + 0.7 × 0 =
		// −0.003.
		name:   "a negative half rounds away from zero",
		grades: []graded{{"M1", "扣分局", 0, 1, "-0.005"}},
		period: scoring.Year(2020), w: w3070, others: map[string]map[string]decimal.Decimal{"扣分局": dept("0")},
		want: []want{{"扣分局", 1, 1, "-0.01", map[string]int{"其他": 1}, 1, "-0.003", 1}},
	}, {
		// A: (100 + 85) / 2 = 92.5; B: (85 + 100) / 2 = 92.5: they share
		// rank 1. C: (91 + 91 + 92) / 3 = 274 / 3 = 91.333… → 91.33; D:
		// 91.33 exactly: equal composites as published, so they share
		// rank 3 though the exact means differ. Annual: A 0.3 × 92.5 +
		// 0.7 × 80 = 27.75 + 56 = 83.75; B 0.3 × 92.5 + 0.7 × 85 = 27.75
		// + 59.5 = 87.25; C 0.3 × 91.33 + 0.7 × 86 = 27.399 + 60.2 =
		// 87.599; D the same parts, 87.599: B 3, C and D share 1.
		name: "ties share a rank",
		grades: []graded{{"A1", "A", 0, 1, "100"}, {"A2", "A", 0, 2, "85"}, {"B1", "B", 0, 1, "85"}, {"B2", "B", 0, 2, "100"},
			{"C1", "C", 0, 1, "91"}, {"C2", "C", 0, 2, "91"}, {"C3", "C", 0, 3, "92"}, {"D1", "D", 0, 1, "91.33"}},
		period: scoring.Year(2020), w: w3070,
		others: map[string]map[string]decimal.Decimal{"A": dept("80"), "B": dept("85"), "C": dept("86"), "D": dept("86")},
		want: []want{
			{"A", 2, 2, "92.5", map[string]int{"好": 1, "较好": 1}, 1, "83.75", 4},
			{"B", 2, 2, "92.5", map[string]int{"好": 1, "较好": 1}, 1, "87.25", 3},
			{"C", 3, 3, "91.33", map[string]int{"其他": 3}, 3, "87.599", 1},
			{"D", 1, 1, "91.33", map[string]int{"其他": 1}, 3, "87.599", 1},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := scoring.NewBook(nil)
			for _, g := range tt.grades {
				if err := b.Record(g.evaluation(false)); err != nil {
					t.Fatal(err)
				}
			}
			for _, g := range tt.amended {
				if err := b.Amend(scoring.Amendment{Evaluation: g.evaluation(true), Author: "街道", Reason: "复核"}); err != nil {
					t.Fatal(err)
				}
			}
			scores := b.Scores(tt.period)
			var wantScores []scoring.Score
			wantTotals := map[string]assessment.Annual{}
			for _, x := range tt.want {
				wantScores = append(wantScores, scoring.Score{Subject: x.subject, Matters: x.matters, Evaluations: x.evaluations,
					Composite: d(x.composite), Grades: x.grades, Rank: x.rank})
				if x.total != "" {
					parts := map[string]decimal.Decimal{assessment.SubdistrictPart: d(x.composite)}
					for k, v := range tt.others[x.subject] {
						parts[k] = v
					}
					wantTotals[x.subject] = assessment.Annual{Subject: x.subject, Parts: parts, Weights: tt.w, Total: d(x.total), Rank: x.annualRank}
				}
			}
			// Composites compare exactly, places and all: a composite is
			// published to 2 places (93.33, 62.50).
			if diff := cmp.Diff(wantScores, scores, cmp.Comparer(func(x, y decimal.Decimal) bool { return x.Equal(y) })); diff != "" {
				t.Errorf("Scores mismatch (-want +got):\n%s", diff)
			}
			for _, s := range scores {
				if s.Composite.Exponent() != -2 {
					t.Errorf("%s: composite %s has exponent %d, not -2", s.Subject, s.Composite, s.Composite.Exponent())
				}
			}
			annual, err := assessment.Assess(scores, tt.w, tt.others)
			if len(tt.errs) > 0 {
				if !errors.Is(err, assessment.ErrWeights) {
					t.Fatalf("Assess: %v, want an error wrapping ErrWeights", err)
				}
				for _, e := range tt.errs {
					if !strings.Contains(err.Error(), e) {
						t.Errorf("Assess: %v, want %q in it", err, e)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]assessment.Annual{}
			for _, a := range annual {
				got[a.Subject] = a
				// What the report prints recomputes by hand: the total
				// from the printed parts, composite to 2 places.
				printed := decimal.Zero
				for k, v := range a.Parts {
					printed = printed.Add(tt.w[k].Mul(d(v.StringFixed(2))))
				}
				if !printed.Equal(a.Total) {
					t.Errorf("%s: total %s, but its printed parts give %s", a.Subject, a.Total, printed)
				}
			}
			if diff := cmp.Diff(wantTotals, got); diff != "" {
				t.Errorf("Assess mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// handSheet is a 考核细则 that starts from the unit's composite: 被督办 −10
// each, uncapped; 市级表扬 +2 each, capped at 4; 响应率 below 0.9 −3; vetoes
// 重大事故 (at most 60 points) and 响应率过低 (below 0.6: at most 不合格);
// scale 优秀 90, 良好 80, 合格 60, 不合格 0; maxBonus and maxDeduction as
// given ("" for none).
func handSheet(maxBonus, maxDeduction string) *assessment.Sheet {
	opt := func(s string) *decimal.Decimal {
		if s == "" {
			return nil
		}
		return dp(s)
	}
	return &assessment.Sheet{Version: "hand/2020", Base: assessment.Base{From: assessment.CompositeBase},
		Counts: []string{"督办", "表扬", "事故"}, Rates: []string{"响应率"},
		MaxBonus: opt(maxBonus), MaxDeduction: opt(maxDeduction),
		Scale: scoring.Scale{{Code: "excellent", Label: "优秀", Points: d("90")}, {Code: "good", Label: "良好", Points: d("80")},
			{Code: "pass", Label: "合格", Points: d("60")}, {Code: "fail", Label: "不合格", Points: d("0")}},
		Items: []assessment.Item{
			{Name: "被督办", Fact: "督办", Each: dp("-10")},
			{Name: "市级表扬", Fact: "表扬", Each: dp("2"), Cap: dp("4")},
			{Name: "响应率", Fact: "响应率", Bands: []assessment.Band{{Below: dp("0.9"), Points: d("-3")}}},
			{Name: "重大事故", Fact: "事故", Veto: &assessment.Veto{Points: dp("60")}},
			{Name: "响应率过低", Fact: "响应率", Veto: &assessment.Veto{Grade: "fail", Below: dp("0.6")}},
		}}
}

// TestHandComputedSheet applies handSheet to the composite of the first
// case of TestHandComputed, 73.75, and checks each figure by hand:
// deductions beyond the base, the caps, the vetoes.
func TestHandComputedSheet(t *testing.T) {
	tests := []struct {
		name                    string
		maxBonus, maxDeduction  string
		counts                  map[string]int
		rate                    string // "" for none
		bonus, deduction, total string
		bonusCap, deductionCap  bool
		grade                   string
		items                   []int // the items that moved the result or fired
	}{
		// 10 × −10 = −100, no cap: 73.75 − 100 = −26.25. Nothing floors a
		// result at 0 (Blend's doc: deductions may take it below 0); below
		// every grade it is graded with the lowest, 不合格.
		{name: "deductions beyond the base", counts: map[string]int{"督办": 10},
			deduction: "-100", total: "-26.25", grade: "fail", items: []int{1}},
		// The same, the deductions capped at 20: 73.75 − 20 = 53.75 < 60.
		{name: "the total cap on deductions", maxDeduction: "20", counts: map[string]int{"督办": 10},
			deduction: "-20", deductionCap: true, total: "53.75", grade: "fail", items: []int{1}},
		// 3 × 2 = 6, capped at 4 by the item, at 3 by the sheet: 73.75 + 3
		// = 76.75, 合格 (60 ≤ 76.75 < 80).
		{name: "the item's cap, then the sheet's", maxBonus: "3", counts: map[string]int{"表扬": 3},
			bonus: "3", bonusCap: true, total: "76.75", grade: "pass", items: []int{2}},
		// 重大事故 sets the points to at most 60: 73.75 → 60, 合格.
		{name: "a veto sets the points", counts: map[string]int{"事故": 1}, total: "60", grade: "pass", items: []int{4}},
		// 2 × −10 = −20: 53.75, already under 60: the veto never raises it.
		{name: "a veto never raises", counts: map[string]int{"督办": 2, "事故": 1},
			deduction: "-20", total: "53.75", grade: "fail", items: []int{1, 4}},
		// 响应率 0.5 < 0.9: −3, 73.75 − 3 = 70.75 (合格); 0.5 < 0.6 vetoes
		// the grade to 不合格, and the points stay 70.75.
		{name: "a veto sets the grade", rate: "0.5", deduction: "-3", total: "70.75", grade: "fail", items: []int{3, 5}},
	}
	b := scoring.NewBook(nil)
	for _, g := range fourMonths {
		if err := b.Record(g.evaluation(false)); err != nil {
			t.Fatal(err)
		}
	}
	composite := b.Scores(scoring.Year(2020))[0].Composite // (100 + 85 + 70 + 40) / 4 = 73.75
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := handSheet(tt.maxBonus, tt.maxDeduction)
			if err := s.Validate(); err != nil {
				t.Fatal(err)
			}
			f := assessment.Facts{Unit: "住建局", Base: &composite, Counts: tt.counts}
			if tt.rate != "" {
				f.Rates = map[string]decimal.Decimal{"响应率": d(tt.rate)}
			}
			r := apply(t, s, f)
			orZero := func(s string) decimal.Decimal {
				if s == "" {
					return decimal.Zero
				}
				return d(s)
			}
			var items []int
			for _, why := range r.Reasons {
				items = append(items, why.Item)
			}
			type figures struct {
				Base, Bonus, Deduction, Points string
				BonusCapped, DeductionCapped   bool
				Grade                          string
				Items                          []int
			}
			want := figures{"73.75", orZero(tt.bonus).String(), orZero(tt.deduction).String(), tt.total, tt.bonusCap, tt.deductionCap, tt.grade, tt.items}
			got := figures{r.Base.String(), r.Bonus.String(), r.Deduction.String(), r.Points.String(), r.BonusCapped, r.DeductionCapped, r.Grade, items}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Apply mismatch (-want +got):\n%s", diff)
			}
			// Points = Base + Bonus + Deduction, unless a veto lowered them.
			if sum := r.Base.Add(r.Bonus).Add(r.Deduction); r.Points.GreaterThan(sum) {
				t.Errorf("points %s above base + bonus + deduction = %s", r.Points, sum)
			}
		})
	}
}
