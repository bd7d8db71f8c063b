package scoring

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestSatisfactionText(t *testing.T) {
	for s := AnySatisfaction + 1; s <= NotDissatisfied; s++ {
		for _, text := range []string{s.String(), s.Label()} {
			got, err := ParseSatisfaction(text)
			if err != nil || got != s {
				t.Errorf("ParseSatisfaction(%q) = %v, %v, want %v", text, got, err, s)
			}
		}
		b, err := s.MarshalText()
		if err != nil || string(b) != s.String() {
			t.Errorf("MarshalText(%v) = %s, %v", s, b, err)
		}
	}
	for _, bad := range []string{"", "Satisfied", "happy", "满意 "} {
		if _, err := ParseSatisfaction(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseSatisfaction(%q): %v, want ErrInvalid", bad, err)
		}
	}
	if _, err := Satisfaction(99).MarshalText(); err == nil {
		t.Errorf("an unknown satisfaction marshals")
	}
	if Satisfaction(-1).String() != "Satisfaction(-1)" || Satisfaction(99).Label() != "Satisfaction(99)" {
		t.Errorf("out-of-range String/Label")
	}
}

// TestJSONRoundTrip writes each exported type as JSON and reads it back.
func TestJSONRoundTrip(t *testing.T) {
	yes := true
	at := time.Date(2020, 6, 15, 10, 0, 0, 123, cst)
	r := Result{Grade: "good", Points: decimal.RequireFromString("85.50"), Policy: "p", Reasons: []string{"r"}}
	values := []any{
		&Grade{Code: "good", Label: "较好", Points: decimal.NewFromInt(85)},
		&Scale{{Code: "a", Points: decimal.RequireFromString("0.5")}},
		&r,
		&Facts{Matter: "M", Response: time.Hour, Satisfied: &yes, Attrs: map[string]string{"k": "v"}},
		&Evaluation{Matter: "M", Subject: "D", Evaluator: "S", Stage: 2, At: at, Result: r},
		&Amendment{Evaluation: Evaluation{Matter: "M", Subject: "D", Evaluator: "S", At: at, Result: r}, Author: "王", Reason: "复核"},
		&Score{Subject: "D", Matters: 2, Evaluations: 3, Composite: decimal.RequireFromString("91.25"), Grades: map[string]int{"good": 3}, Rank: 1},
		&Period{From: Year(2020).From, To: Year(2020).To},
		&Weights{"a": decimal.RequireFromString("0.25"), "b": decimal.RequireFromString("0.75")},
		&Annual{Subject: "D", Parts: map[string]decimal.Decimal{"a": decimal.NewFromInt(1)}, Weights: Weights{"a": decimal.NewFromInt(1)}, Total: decimal.NewFromInt(1), Rank: 1},
		&TableRule{Name: "n", Grade: "good", ResponseAtMost: ptr(decimal.RequireFromString("1.5")), Satisfaction: NotDissatisfied, Types: []string{"x"}},
		&PostCategory{Code: "c", Weights: Weights{"a": decimal.NewFromInt(1)}},
		&StaffScore{Person: "p", Category: "c", Scores: map[string]decimal.Decimal{"a": decimal.NewFromInt(90)}},
		&Appraisal{Categories: []PostCategory{{Code: "c", Weights: Weights{"a": decimal.NewFromInt(1)}}}},
		&Appraised{Person: "p", Category: "c", Total: decimal.NewFromInt(90), Grade: "good", Rank: 1},
		&Candidate{ID: "C1", Post: "P", Competition: decimal.NewFromInt(80), Years: []decimal.Decimal{decimal.NewFromInt(90)}},
		&Placement{Candidate: Candidate{ID: "C1", Post: "P"}, Total: decimal.NewFromInt(80), Rank: 1, Selected: true},
	}
	for _, v := range values {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%T: %v", v, err)
		}
		back := newOf(v)
		if err := json.Unmarshal(b, back); err != nil {
			t.Fatalf("%T: %s: %v", v, b, err)
		}
		if diff := cmp.Diff(v, back); diff != "" {
			t.Errorf("%T round trip mismatch (-want +got):\n%s", v, diff)
		}
	}
}

func newOf(v any) any {
	switch v.(type) {
	case *Grade:
		return new(Grade)
	case *Scale:
		return new(Scale)
	case *Result:
		return new(Result)
	case *Facts:
		return new(Facts)
	case *Evaluation:
		return new(Evaluation)
	case *Amendment:
		return new(Amendment)
	case *Score:
		return new(Score)
	case *Period:
		return new(Period)
	case *Weights:
		return new(Weights)
	case *Annual:
		return new(Annual)
	case *TableRule:
		return new(TableRule)
	case *PostCategory:
		return new(PostCategory)
	case *StaffScore:
		return new(StaffScore)
	case *Appraisal:
		return new(Appraisal)
	case *Appraised:
		return new(Appraised)
	case *Candidate:
		return new(Candidate)
	case *Placement:
		return new(Placement)
	}
	panic("newOf: add the type")
}
