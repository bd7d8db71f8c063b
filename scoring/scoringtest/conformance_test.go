package scoringtest

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

func TestTestEvaluatorAccepts(t *testing.T) {
	compiled, err := wuhu.Table().Compile()
	if err != nil {
		t.Fatal(err)
	}
	for name, e := range map[string]scoring.Evaluator{
		"wuhu's table": wuhu.Table(), "wuhu's table, compiled": compiled,
		"speed": speed, "discard": scoring.First(), "first": scoring.First(scoring.First(), speed),
		"refuses everything": scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) { return scoring.Result{}, errors.New("no") }),
	} {
		if err := TestEvaluator(e, testScale); err != nil {
			t.Errorf("TestEvaluator(%s): %v", name, err)
		}
	}
	if err := TestEvaluator(scoring.First(), nil); err != nil {
		t.Errorf("TestEvaluator(Discard, no scale): %v", err)
	}
}

func TestTestEvaluatorViolations(t *testing.T) {
	var calls atomic.Int64
	tests := []struct {
		name  string
		e     scoring.Evaluator
		scale scoring.Scale
		facts []scoring.Facts
		want  []string
	}{
		{"panics", scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
			if f.Matter == "" {
				panic("zero facts")
			}
			return scoring.Result{}, nil
		}), testScale, nil, []string{"scoringtest: the zero Facts: Evaluate panicked: zero facts"}},
		{"off the scale", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			return scoring.Result{Grade: "superb", Points: decimal.NewFromInt(120), Policy: "p", Reasons: reason.Texts("r")}, nil
		}), testScale, nil, []string{`grade "superb" is not on the scale`}},
		{"another scale", speed, scoring.Scale{{Code: "excellent", Points: decimal.NewFromInt(100)}}, nil,
			[]string{`sample 2 (matter "never responded"): grade "poor" is not on the scale`}},
		{"wrong points, no reasons, no policy", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			return scoring.Result{Grade: "good", Points: decimal.RequireFromString("85.5")}, nil
		}), testScale, nil, []string{`grade "good" with 85.5 points, not exactly its 85`, "no Reasons", "no Policy"}},
		{"result with an error", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			return scoring.Result{Grade: "good", Points: decimal.NewFromInt(85)}, errors.New("half")
		}), testScale, nil, []string{"refused (half) but returned good"}},
		{"no grade", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			return scoring.Result{Points: decimal.NewFromInt(85)}, nil
		}), testScale, nil, []string{"a Result with no grade"}},
		// A policy named 芜湖-2020 in GB18030 bytes read as they are: every
		// evaluation of it a book refuses, as JSON could not keep it.
		{"a policy that is not UTF-8", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			return scoring.Result{Grade: "good", Points: decimal.NewFromInt(85), Policy: "\xdc\xfa\xba\xfe-2020", Reasons: reason.Texts("r")}, nil
		}), testScale, nil, []string{`Policy "\xdc\xfa\xba\xfe-2020" is not valid UTF-8`}},
		// A policy longer than JSON text may be (4 MiB), which a book
		// refuses too; named cut.
		{"a policy over 4 MiB", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			return scoring.Result{Grade: "good", Points: decimal.NewFromInt(85), Policy: longPolicy, Reasons: reason.Texts("r")}, nil
		}), testScale, nil, []string{`Policy "` + strings.Repeat("p", 64) + `"… (4194305 bytes) is not valid UTF-8 or is longer than 4194304 bytes`}},
		{"not deterministic", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			if calls.Add(1)%2 == 0 {
				return scoring.Result{}, nil
			}
			return scoring.Result{Grade: "good", Points: decimal.NewFromInt(85), Policy: "p", Reasons: reason.Texts("r")}, nil
		}), testScale, nil, []string{"not deterministic"}},
		// Points that differ only past the second place are written in
		// full: rounded to 2 places, the two results would read the same.
		{"not deterministic past the second place", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			p := "85.004"
			if calls.Add(1)%2 == 0 {
				p = "85.001"
			}
			return scoring.Result{Grade: "good", Points: decimal.RequireFromString(p), Policy: "p", Reasons: reason.Texts("r")}, nil
		}), testScale, nil, []string{"not deterministic: good (85.00", "good (85.001 points)", "good (85.004 points)"}},
		{"changes attrs", scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
			if f.Attrs != nil {
				f.Attrs["seen"] = "yes"
			}
			return scoring.Result{}, nil
		}), testScale, nil, []string{`sample 8 (matter "attrs"): Evaluate changed Facts.Attrs`}},
		{"empty reason", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			return scoring.Result{Grade: "poor", Points: decimal.NewFromInt(40), Policy: "p", Reasons: reason.Texts("")}, nil
		}), testScale, nil, []string{"Reasons[0] is empty"}},
		{"a reason a book refuses", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
			return scoring.Result{Grade: "poor", Points: decimal.NewFromInt(40), Policy: "p", Reasons: []reason.Reason{{Rule: -1, Text: "r"}}}, nil
		}), testScale, nil, []string{"Reasons[0] would not read back from JSON, and a book refuses it"}},
		{"the caller's facts", scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
			if f.Attrs["post"] == "执法岗" {
				return scoring.Result{Grade: "superb"}, nil
			}
			return scoring.Result{}, nil
		}), testScale, []scoring.Facts{{Matter: "M0"}, {Matter: "M1", Attrs: map[string]string{"post": "执法岗"}}},
			[]string{`scoringtest: facts[1] (matter "M1"): grade "superb" is not on the scale`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := TestEvaluator(tt.e, tt.scale, tt.facts...)
			if err == nil {
				t.Fatal("TestEvaluator = nil, want violations")
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("TestEvaluator error lacks %q:\n%.4000v", want, err)
				}
			}
		})
	}
}

// longPolicy is a policy one byte longer than JSON text may be.
var longPolicy = strings.Repeat("p", 4<<20+1)

func TestTestEvaluatorNilPanics(t *testing.T) {
	if r, want := hardening.PanicOf(func() { _ = TestEvaluator(nil, testScale) }), "scoringtest: TestEvaluator: nil scoring.Evaluator"; r != want {
		t.Errorf("recovered %v, want %q", r, want)
	}
}

// TestTestEvaluatorWritesPointsExactly: points off their grade's are
// written in their shortest exact form, whatever decimal's package
// settings say. Not parallel: it changes globals.
func TestTestEvaluatorWritesPointsExactly(t *testing.T) {
	off := scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
		return scoring.Result{Grade: "good", Points: decimal.RequireFromString("85.50"), Policy: "p", Reasons: reason.Texts("r")}, nil
	})
	const want = `grade "good" with 85.5 points, not exactly its 85`
	hardening.WhateverDecimals(t, func() string {
		err := TestEvaluator(off, testScale)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("TestEvaluator error lacks %q:\n%v", want, err)
		}
		return fmt.Sprint(err)
	})
}
