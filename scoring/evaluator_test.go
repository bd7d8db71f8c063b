package scoring_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// fixed returns an evaluator that gives every Facts one grade of Wuhu's scale.
func fixed(grade string) scoring.Evaluator {
	return scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
		g, _ := wuhu.Scale().Grade(grade)
		return scoring.Result{Grade: g.Code, Points: g.Points, Policy: "fixed", Reasons: reason.Texts("fixed")}, nil
	})
}

func TestWeighted(t *testing.T) {
	d := decimal.RequireFromString
	table := wuhu.Table()
	e, err := scoring.Weighted("", wuhu.Scale(), []scoring.Part{
		{Name: "speed", Weight: d("0.6"), Evaluator: table},
		{Name: "citizen", Weight: d("0.4"), Evaluator: fixed("fair")},
	})
	if err != nil {
		t.Fatal(err)
	}
	f := timely()
	f.Quality = 5
	got, err := e.Evaluate(f) // 0.6 × 100 + 0.4 × 70 = 88 → good 85
	if err != nil {
		t.Fatal(err)
	}
	want := scoring.Result{Grade: "good", Points: d("85"), Policy: "weighted", Reasons: reason.Texts(
		`part "speed" (weight 0.6): excellent 100 by wuhu-2020.2`,
		`part "citizen" (weight 0.4): fair 70 by fixed`,
		"weighted sum 88 → good 85",
	)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Weighted mismatch (-want +got):\n%s", diff)
	}
	// Below every grade: the lowest.
	low, err := scoring.Weighted("p", wuhu.Scale(), []scoring.Part{{Name: "x", Weight: d("1"), Evaluator: scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
		return scoring.Result{Grade: "z", Points: d("3"), Reasons: reason.Texts("r")}, nil
	})}})
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := low.Evaluate(scoring.Facts{}); r.Grade != "poor" || r.Policy != "p" {
		t.Errorf("below the scale: %+v", r)
	}
	// Weighted keeps its own copy of the scale and the parts.
	scale := wuhu.Scale()
	parts := []scoring.Part{{Name: "a", Weight: d("1"), Evaluator: fixed("good")}}
	copied, _ := scoring.Weighted("", scale, parts)
	scale[1].Points, parts[0].Evaluator = d("1"), fixed("poor")
	if r, _ := copied.Evaluate(scoring.Facts{}); r.Grade != "good" || !r.Points.Equal(d("85")) {
		t.Errorf("Weighted reads the caller's scale or parts: %+v", r)
	}
	// A part that refuses makes the combination refuse.
	refuse, _ := scoring.Weighted("", wuhu.Scale(), []scoring.Part{{Name: "none", Weight: d("1"), Evaluator: scoring.First()}})
	if r, err := refuse.Evaluate(scoring.Facts{}); !errors.Is(err, scoring.ErrRefused) || !r.IsZero() || !strings.Contains(err.Error(), `"none"`) {
		t.Errorf("refusing part: %v %v", r, err)
	}
}

func TestWeightedErrors(t *testing.T) {
	d := decimal.RequireFromString
	table := wuhu.Table()
	part := func(name, w string) scoring.Part { return scoring.Part{Name: name, Weight: d(w), Evaluator: table} }
	for _, tt := range []struct {
		name  string
		scale scoring.Scale
		parts []scoring.Part
		want  []string // every problem, in order
	}{
		{"no parts", wuhu.Scale(), nil, []string{"scoring: invalid: no parts"}},
		{"no scale", nil, []scoring.Part{part("a", "1")}, []string{"scoring: invalid: scale has no grades"}},
		{"every problem", wuhu.Scale(), []scoring.Part{part("a", "0.5"), part("a", "0.6"), part("", "-0.2")}, []string{
			`scoring: invalid: part 1 repeats the name "a"`,
			"scoring: invalid: a part has an empty name",
			`scoring: invalid: part "" has the negative weight -0.2`,
			"scoring: invalid: weights sum to 0.9, not exactly 1",
		}},
		// The sum is of every part given, a name given twice included: these
		// sum to exactly 1, and a name repeated is the only problem (the
		// sum of the last weight given for each name was reported as 0.5).
		{"a repeated name", wuhu.Scale(), []scoring.Part{part("a", "0.5"), part("a", "0.6"), part("b", "-0.1")}, []string{
			`scoring: invalid: part 1 repeats the name "a"`,
			`scoring: invalid: part "b" has the negative weight -0.1`,
		}},
		{"two empty names", wuhu.Scale(), []scoring.Part{part("", "0.5"), part("", "0.5")}, []string{
			"scoring: invalid: a part has an empty name",
			"scoring: invalid: a part has an empty name",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, err := scoring.Weighted("", tt.scale, tt.parts)
			if e != nil || !errors.Is(err, scoring.ErrInvalid) {
				t.Fatalf("Weighted = %v, %v; want an error wrapping ErrInvalid", e, err)
			}
			var got []string
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWeightedRefusesLongPoints: a part whose evaluator (a host's) gives
// points too long for a book is refused at once, naming the part and the
// matter, not summed into a number (and a reason) of any length.
func TestWeightedRefusesLongPoints(t *testing.T) {
	long := scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
		return scoring.Result{Grade: "good", Points: decimal.New(1, -10_000_000), Policy: "host"}, nil
	})
	e, err := scoring.Weighted("p", wuhu.Scale(), []scoring.Part{{Name: "host", Weight: decimal.NewFromInt(1), Evaluator: long}})
	if err != nil {
		t.Fatal(err)
	}
	var got scoring.Result
	hardening.Linear(t, 64, func() { got, err = e.Evaluate(scoring.Facts{Matter: "M1"}) })
	if !errors.Is(err, scoring.ErrRefused) || !got.IsZero() || !strings.Contains(err.Error(), `part "host" gave matter "M1" points over 64 characters long`) {
		t.Errorf("Evaluate gave a zero result: %v, and %s; want a refusal naming the part and the matter", got.IsZero(), errtext.Cut(fmt.Sprint(err)))
	}
}

func TestFirst(t *testing.T) {
	refuse := scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) { return scoring.Result{}, errors.New("no figures") })
	got, err := scoring.First(scoring.First(), refuse, wuhu.Table()).Evaluate(scoring.Facts{})
	if err != nil || got.Grade != "poor" {
		t.Errorf("First = %+v, %v, want the table's poor", got, err)
	}
	got, err = scoring.First(refuse, scoring.First()).Evaluate(scoring.Facts{Matter: "M1"})
	if !errors.Is(err, scoring.ErrRefused) || !got.IsZero() || !strings.Contains(err.Error(), "no figures") || !strings.Contains(err.Error(), `"M1"`) {
		t.Errorf("all refuse: %+v, %v", got, err)
	}
	for _, e := range []scoring.Evaluator{scoring.First(), scoring.First(scoring.First())} {
		if got, err := e.Evaluate(scoring.Facts{}); err != nil || !got.IsZero() {
			t.Errorf("none evaluates: %+v, %v", got, err)
		}
	}
	// First keeps its own copy of the evaluators.
	es := []scoring.Evaluator{fixed("good")}
	e := scoring.First(es...)
	es[0] = fixed("poor")
	if r, _ := e.Evaluate(scoring.Facts{}); r.Grade != "good" {
		t.Errorf("First reads the caller's slice: %+v", r)
	}
}

// TestMisusePanics checks that a nil evaluator, a programmer's error,
// panics when the combination is built, with a message that says where,
// and that a nil table panics naming the method.
func TestMisusePanics(t *testing.T) {
	for _, tt := range []struct {
		name string
		f    func()
		want string
	}{
		{"First", func() { scoring.First(scoring.First(), nil) }, "scoring: First: nil Evaluator at 1"},
		{"Weighted", func() {
			_, _ = scoring.Weighted("", wuhu.Scale(), []scoring.Part{{Name: "speed", Weight: decimal.NewFromInt(1)}})
		}, `scoring: Weighted: nil Evaluator in part "speed"`},
		{"Table.Evaluate", func() { _, _ = (*scoring.Table)(nil).Evaluate(scoring.Facts{}) }, "scoring: Evaluate of a nil *Table"},
		{"Table.Validate", func() { _ = (*scoring.Table)(nil).Validate() }, "scoring: Validate of a nil *Table"},
		{"Table.Compile", func() { _, _ = (*scoring.Table)(nil).Compile() }, "scoring: Compile of a nil *Table"},
	} {
		if got := hardening.PanicOf(tt.f); got != tt.want {
			t.Errorf("%s: panic %v, want %q", tt.name, got, tt.want)
		}
	}
}
