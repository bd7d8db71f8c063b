package scoringtest

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// fakeT records what the helpers report.
type fakeT struct {
	errors, fatals []string
}

func (*fakeT) Helper() {}
func (f *fakeT) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}
func (f *fakeT) Fatalf(format string, args ...any) {
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
}

var _ TB = (*testing.T)(nil)

func TestRunFile(t *testing.T) {
	RunFile(t, wuhu.Table(), "testdata/wuhu_table.json")
}

func TestRunReports(t *testing.T) {
	cases := []Case{
		{Name: "right", Facts: scoring.Facts{}, Want: scoring.Result{Grade: "poor", Points: decimal.RequireFromString("40.0")}},
		{Name: "wrong grade", Facts: scoring.Facts{}, Want: scoring.Result{Grade: "fair", Points: decimal.NewFromInt(70)}},
		{Name: "wrong policy", Facts: scoring.Facts{}, Want: scoring.Result{Grade: "poor", Points: decimal.NewFromInt(40), Policy: "other"}},
		{Name: "wants an error", Facts: scoring.Facts{}, Err: "refused"},
	}
	var ft fakeT
	Run(&ft, wuhu.Table(), cases)
	if len(ft.errors) != 3 {
		t.Fatalf("Run reported %d errors, want 3:\n%s", len(ft.errors), strings.Join(ft.errors, "\n"))
	}
	for i, want := range []string{`case "wrong grade": result mismatch (-want +got):`, `case "wrong policy": result mismatch (-want +got):`,
		`case "wants an error": Evaluate = poor (40.00 points), want an error containing "refused"`} {
		if !strings.HasPrefix(ft.errors[i], want) {
			t.Errorf("report %d = %q, want it to start %q", i, ft.errors[i], want)
		}
	}

	ft = fakeT{}
	panics := scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) { panic("boom") })
	refuses := scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) { return scoring.Result{}, errors.New("no data") })
	Run(&ft, panics, []Case{{Name: "p"}})
	Run(&ft, refuses, []Case{{Name: "r"}, {Name: "e", Err: "no data"}, {Name: "x", Err: "other"}})
	Run(&ft, nil, nil)
	RunFile(&ft, refuses, "testdata/missing.json")
	want := []string{`case "p": Evaluate panicked: boom`, `case "r": Evaluate refused: no data`, `case "x": Evaluate error "no data", want one containing "other"`}
	if diff := cmp.Diff(want, ft.errors); diff != "" {
		t.Errorf("reports mismatch (-want +got):\n%s", diff)
	}
	if len(ft.fatals) != 2 {
		t.Errorf("fatals = %q, want a nil evaluator and a missing file", ft.fatals)
	}
}

func TestReadCases(t *testing.T) {
	if _, err := ReadCases(strings.NewReader(`[{"name":"x","fact":{}}]`)); err == nil || !strings.Contains(err.Error(), "unknown field") {
		t.Errorf("misspelt field: %v", err)
	}
	if _, err := ReadCases(strings.NewReader(`[] []`)); err == nil {
		t.Errorf("trailing data accepted")
	}
}

func TestTestEvaluatorAccepts(t *testing.T) {
	table := wuhu.Table()
	weighted, err := scoring.Weighted("", wuhu.Scale(), []scoring.Part{
		{Name: "a", Weight: decimal.RequireFromString("0.5"), Evaluator: table},
		{Name: "b", Weight: decimal.RequireFromString("0.5"), Evaluator: table},
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, e := range map[string]scoring.Evaluator{
		"table": table, "weighted": weighted, "discard": scoring.Discard(), "first": scoring.First(scoring.Discard(), table),
	} {
		if err := TestEvaluator(e, wuhu.Scale()); err != nil {
			t.Errorf("TestEvaluator(%s): %v", name, err)
		}
	}
}

func TestTestEvaluatorViolations(t *testing.T) {
	var calls atomic.Int64
	tests := []struct {
		name string
		e    scoring.Evaluator
		want []string
	}{
		{"nil", nil, []string{"nil evaluator"}},
		{"panics", scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
			if f.Matter == "" {
				panic("zero facts")
			}
			return scoring.Result{}, nil
		}), []string{"the zero Facts: Evaluate panicked: zero facts"}},
		{"off the scale", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			return scoring.Result{Grade: "superb", Points: decimal.NewFromInt(120), Policy: "p", Reasons: []string{"r"}}, nil
		}), []string{`grade "superb" is not on the scale`}},
		{"wrong points, no reasons, no policy", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			return scoring.Result{Grade: "good", Points: decimal.RequireFromString("85.5")}, nil
		}), []string{`grade "good" with 85.5 points, not exactly its 85`, "no Reasons", "no Policy"}},
		{"result with an error", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			return scoring.Result{Grade: "good", Points: decimal.NewFromInt(85)}, errors.New("half")
		}), []string{"refused (half) but returned good"}},
		{"not deterministic", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			if calls.Add(1)%2 == 0 {
				return scoring.Result{}, nil
			}
			return scoring.Result{Grade: "good", Points: decimal.NewFromInt(85), Policy: "p", Reasons: []string{"r"}}, nil
		}), []string{"not deterministic"}},
		{"changes attrs", scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
			if f.Attrs != nil {
				f.Attrs["seen"] = "yes"
			}
			return scoring.Result{}, nil
		}), []string{`facts[8] (matter "attrs"): Evaluate changed Facts.Attrs`}},
		{"empty reason", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			return scoring.Result{Grade: "poor", Points: decimal.NewFromInt(40), Policy: "p", Reasons: []string{""}}, nil
		}), []string{"Reasons[0] is empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := TestEvaluator(tt.e, wuhu.Scale())
			if !errors.Is(err, ErrViolation) {
				t.Fatalf("TestEvaluator = %v, want ErrViolation", err)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("TestEvaluator error lacks %q:\n%v", want, err)
				}
			}
		})
	}
	// A custom scale and facts.
	err := TestEvaluatorWith(wuhu.Table(), scoring.Scale{{Code: "excellent", Points: decimal.NewFromInt(100)}}, &Config{Facts: []scoring.Facts{}})
	if err == nil || !strings.Contains(err.Error(), `grade "poor" is not on the scale`) {
		t.Errorf("TestEvaluatorWith a one-grade scale: %v", err)
	}
}
