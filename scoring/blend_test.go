package scoring

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestBlend(t *testing.T) {
	tests := []struct {
		name  string
		w     Weights
		parts map[string]decimal.Decimal
		want  string   // the exact blend
		errs  []string // else every one of these in the error
	}{
		{"annual", AnnualWeights(), map[string]decimal.Decimal{"subdistrict": d("91.67"), "department": d("88")}, "89.101", nil},
		{"thirds do not sum to 1", Weights{"a": d("0.33"), "b": d("0.33"), "c": d("0.33")},
			map[string]decimal.Decimal{"a": d("1"), "b": d("1"), "c": d("1")}, "", []string{"sum to 0.99"}},
		{"negative", Weights{"a": d("1.5"), "b": d("-0.5")},
			map[string]decimal.Decimal{"a": d("1"), "b": d("1")}, "", []string{`part "b" has the negative weight -0.5`}},
		{"missing and extra", AnnualWeights(), map[string]decimal.Decimal{"subdistrict": d("90"), "bonus": d("5")}, "",
			[]string{`part "department" is missing`, `part "bonus" has no weight`}},
		{"no weights", nil, nil, "", []string{"no parts"}},
		{"empty name", Weights{"": d("1")}, map[string]decimal.Decimal{"": d("1")}, "", []string{"empty name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Blend(tt.w, tt.parts)
			if tt.errs == nil {
				if err != nil || !got.Equal(d(tt.want)) {
					t.Errorf("Blend = %s, %v, want %s", got, err, tt.want)
				}
				return
			}
			if !errors.Is(err, ErrWeights) {
				t.Fatalf("Blend: %v, want ErrWeights", err)
			}
			for _, want := range tt.errs {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
		})
	}
}

func TestAssess(t *testing.T) {
	scores := []Score{
		{Subject: "城管局", Composite: d("91.5")},
		{Subject: "住建局", Composite: d("85")},
		{Subject: "水务局", Composite: d("95")},
	}
	others := map[string]map[string]decimal.Decimal{
		"城管局": {"department": d("90")},
		"住建局": {"department": d("92")},
		"水务局": {"department": d("88.5")},
	}
	got, err := Assess(scores, AnnualWeights(), others)
	if err != nil {
		t.Fatal(err)
	}
	w := AnnualWeights()
	want := []Annual{
		{Subject: "城管局", Parts: map[string]decimal.Decimal{"subdistrict": d("91.5"), "department": d("90")}, Weights: w, Total: d("90.45"), Rank: 1},
		{Subject: "水务局", Parts: map[string]decimal.Decimal{"subdistrict": d("95"), "department": d("88.5")}, Weights: w, Total: d("90.45"), Rank: 1},
		{Subject: "住建局", Parts: map[string]decimal.Decimal{"subdistrict": d("85"), "department": d("92")}, Weights: w, Total: d("89.9"), Rank: 3},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Assess mismatch (-want +got):\n%s", diff)
	}
	b, err := json.Marshal(got[0])
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "annual.golden", append(b, '\n'))
	var back Annual
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got[0], back); diff != "" {
		t.Errorf("Annual round trip mismatch (-want +got):\n%s", diff)
	}

	_, err = Assess(scores[:1], AnnualWeights(), map[string]map[string]decimal.Decimal{
		"城管局": {"department": d("90"), "subdistrict": d("1")},
		"交通局": {"department": d("90")},
	})
	for _, want := range []string{`"交通局" has no score`, `the "subdistrict" part comes from the book`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Assess error %v lacks %q", err, want)
		}
	}
}

func TestWeighted(t *testing.T) {
	table := DefaultTable()
	fixed := func(grade string) Evaluator {
		return EvaluatorFunc(func(Facts) (Result, error) {
			g, _ := DefaultScale().Grade(grade)
			return Result{Grade: g.Code, Points: g.Points, Policy: "fixed", Reasons: []string{"fixed"}}, nil
		})
	}
	e, err := Weighted([]Part{
		{Name: "speed", Weight: d("0.6"), Evaluator: table},
		{Name: "citizen", Weight: d("0.4"), Evaluator: fixed("fair")},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := timely()
	f.Quality = 5
	got, err := e.Evaluate(f) // 0.6 × 100 + 0.4 × 70 = 88 → good 85
	if err != nil {
		t.Fatal(err)
	}
	want := Result{Grade: "good", Points: d("85"), Policy: "weighted", Reasons: []string{
		`part "speed" (weight 0.6): excellent 100 by wuhu-2020.1`,
		`part "citizen" (weight 0.4): fair 70 by fixed`,
		"weighted sum 88 → good 85",
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Weighted mismatch (-want +got):\n%s", diff)
	}
	// Below every grade: the lowest.
	low, _ := Weighted([]Part{{Name: "x", Weight: d("1"), Evaluator: EvaluatorFunc(func(Facts) (Result, error) {
		return Result{Grade: "z", Points: d("3"), Reasons: []string{"r"}}, nil
	})}}, &Options{Policy: "p"})
	if r, _ := low.Evaluate(Facts{}); r.Grade != "poor" || r.Policy != "p" {
		t.Errorf("below the scale: %+v", r)
	}
	// A part that refuses makes the combination refuse.
	refuse, _ := Weighted([]Part{{Name: "none", Weight: d("1"), Evaluator: Discard()}}, nil)
	if r, err := refuse.Evaluate(Facts{}); !errors.Is(err, ErrRefused) || !r.IsZero() || !strings.Contains(err.Error(), `"none"`) {
		t.Errorf("refusing part: %v %v", r, err)
	}
	_, err = Weighted([]Part{{Name: "a", Weight: d("0.5")}, {Name: "a", Weight: d("0.6"), Evaluator: table}, {Weight: d("-0.1"), Evaluator: table}}, nil)
	for _, want := range []string{`part "a" has no evaluator`, `repeats the name "a"`, "has no name", "negative weight"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Weighted error %v lacks %q", err, want)
		}
	}
}

func TestFirst(t *testing.T) {
	refuse := EvaluatorFunc(func(Facts) (Result, error) { return Result{}, errors.New("no figures") })
	table := DefaultTable()
	got, err := First(nil, Discard(), refuse, table).Evaluate(Facts{})
	if err != nil || got.Grade != "poor" {
		t.Errorf("First = %+v, %v, want the table's poor", got, err)
	}
	got, err = Fallback(refuse, Discard()).Evaluate(Facts{Matter: "M1"})
	if !errors.Is(err, ErrRefused) || !got.IsZero() || !strings.Contains(err.Error(), "no figures") || !strings.Contains(err.Error(), `"M1"`) {
		t.Errorf("all refuse: %+v, %v", got, err)
	}
	if got, err := First(Discard()).Evaluate(Facts{}); err != nil || !got.IsZero() {
		t.Errorf("none evaluates: %+v, %v", got, err)
	}
}

func TestAppraise(t *testing.T) {
	a := &Appraisal{
		Categories: []PostCategory{
			{Code: "grid", Name: "网格员", Weights: Weights{"patrol": d("0.5"), "cases": d("0.3"), "feedback": d("0.2")}},
			{Code: "clerk", Name: "窗口", Weights: Weights{"service": d("0.7"), "accuracy": d("0.3")}},
		},
		Scale: Scale{{Code: "优秀", Points: d("90")}, {Code: "称职", Points: d("70")}, {Code: "基本称职", Points: d("60")}, {Code: "不称职", Points: d("0")}},
	}
	got, err := a.Appraise([]StaffScore{
		{Person: "张三", Category: "grid", Scores: map[string]decimal.Decimal{"patrol": d("95"), "cases": d("90"), "feedback": d("80")}},
		{Person: "李四", Category: "grid", Scores: map[string]decimal.Decimal{"patrol": d("80"), "cases": d("85"), "feedback": d("100")}},
		{Person: "王五", Category: "clerk", Scores: map[string]decimal.Decimal{"service": d("60"), "accuracy": d("50")}},
		{Person: "赵六", Category: "grid", Scores: map[string]decimal.Decimal{"patrol": d("95"), "cases": d("90"), "feedback": d("80")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, x := range got {
		lines = append(lines, x.Category+" "+x.Person+" "+formatDecimal(x.Total)+" "+x.Grade+" "+string(rune('0'+x.Rank)))
	}
	want := []string{"grid 张三 90.5 优秀 1", "grid 赵六 90.5 优秀 1", "grid 李四 85.5 称职 3", "clerk 王五 57 不称职 1"}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("Appraise mismatch (-want +got):\n%s", diff)
	}
	_, err = a.Appraise([]StaffScore{
		{Person: "甲", Category: "cook"},
		{Person: "乙", Category: "clerk", Scores: map[string]decimal.Decimal{"service": d("60")}},
	})
	for _, want := range []string{`unknown category "cook"`, `person "乙" in category "clerk"`, `part "accuracy" is missing`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Appraise error %v lacks %q", err, want)
		}
	}
}

func TestSelect(t *testing.T) {
	w := Weights{CompetitionPart: d("0.7"), YearPart(1): d("0.1"), YearPart(2): d("0.1"), YearPart(3): d("0.1")}
	years := func(ys ...string) []decimal.Decimal {
		var out []decimal.Decimal
		for _, y := range ys {
			out = append(out, d(y))
		}
		return out
	}
	cands := []Candidate{
		{ID: "C4", Post: "城管", Competition: d("80"), Years: years("90", "90", "90")}, // 83
		{ID: "C1", Post: "城管", Competition: d("85"), Years: years("70", "80", "90")}, // 83.5
		{ID: "C3", Post: "城管", Competition: d("80"), Years: years("95", "85", "90")}, // 83, last year better than C4
		{ID: "C2", Post: "城管", Competition: d("85"), Years: years("70", "80", "90")}, // 83.5, same as C1: ID decides
		{ID: "C5", Post: "社区", Competition: d("60"), Years: years("60", "60", "60")},
	}
	got, err := Select(cands, w, map[string]int{"城管": 2, "社区": 1})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range got {
		lines = append(lines, p.Candidate.Post+" "+p.Candidate.ID+" "+formatDecimal(p.Total)+" "+string(rune('0'+p.Rank))+" "+map[bool]string{true: "selected", false: "-"}[p.Selected])
	}
	want := []string{"城管 C1 83.5 1 selected", "城管 C2 83.5 1 selected", "城管 C3 83 3 -", "城管 C4 83 3 -", "社区 C5 60 1 selected"}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("Select mismatch (-want +got):\n%s", diff)
	}
	// The order of the input does not matter.
	rev := append([]Candidate(nil), cands...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	if again, _ := Select(rev, w, map[string]int{"城管": 2, "社区": 1}); !cmp.Equal(got, again) {
		t.Errorf("Select depends on input order")
	}
	b, _ := json.Marshal(got[0])
	golden(t, "placement.golden", append(b, '\n'))
	_, err = Select([]Candidate{{ID: "X", Post: "城管", Years: years("1", "2")}, {ID: "X", Post: "城管"}, {ID: "Y", Post: "消防"}}, w, map[string]int{"城管": -1})
	for _, want := range []string{`candidate "X": `, `part "year3" is missing`, `"X" appears twice`, `post "消防", which has no quota`, "negative quota"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Select error %v lacks %q", err, want)
		}
	}
}
