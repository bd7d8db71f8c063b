package scoring_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// outputs computes one of everything the package writes.
func outputs(t *testing.T) string {
	t.Helper()
	june := time.Date(2020, 6, 15, 10, 0, 0, 0, workday.CST())
	b := scoring.NewBook(nil)
	table := wuhu.Table()
	record := func(e scoring.Evaluation) {
		t.Helper()
		if err := b.Record(e); err != nil {
			t.Fatal(err)
		}
	}
	for i, f := range []scoring.Facts{timely(), {}, {Responded: true, Response: 5 * time.Hour, ResponseLimit: 4 * time.Hour}} {
		f.Matter = string(rune('A' + i))
		f.Quality = 4
		r, err := table.Evaluate(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"D1", "D2", "D3"}[i:] {
			record(scoring.Evaluation{Matter: f.Matter, Subject: s, Evaluator: "S1", Stage: i, At: june, Result: r})
		}
	}
	for _, x := range []struct{ matter, points string }{{"X", "70.333"}, {"Y", "1e-30"}} {
		record(scoring.Evaluation{Matter: x.matter, Subject: "D3", Evaluator: "S1", At: june,
			Result: scoring.Result{Grade: "fair", Points: decimal.RequireFromString(x.points), Reasons: reason.Texts("r")}})
	}
	eighth, err := scoring.Weighted("", wuhu.Scale(), []scoring.Part{
		{Name: "a", Weight: decimal.RequireFromString("0.125"), Evaluator: table},
		{Name: "b", Weight: decimal.RequireFromString("0.875"), Evaluator: table},
	})
	if err != nil {
		t.Fatal(err)
	}
	wr, err := eighth.Evaluate(timely())
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(map[string]any{
		"book": b, "scores": b.Scores(scoring.Year(2020)), "weighted": wr, "table": table,
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestExactWhateverDecimalSettings changes shopspring/decimal's package
// settings and shows that no output moves. It must not run in parallel.
func TestExactWhateverDecimalSettings(t *testing.T) {
	hardening.WhateverDecimals(t, func() string { return outputs(t) })
}

// TestBookKeepsLongThresholdsWhateverNotation: a book keeps a reason's
// threshold of more than 18 digits as its text, which it wrote with
// decimal's String: under decimal.UseScientificNotation that text was
// "1.234567890123456789E+23", which the book could not read back, and the
// threshold came back as 0. It must not run in parallel.
func TestBookKeepsLongThresholdsWhateverNotation(t *testing.T) {
	defer func(s, trim bool) { decimal.UseScientificNotation, decimal.TrimTrailingZeros = s, trim }(decimal.UseScientificNotation, decimal.TrimTrailingZeros)
	for _, s := range []struct{ sci, trim bool }{{false, true}, {true, true}, {true, false}, {false, false}} {
		decimal.UseScientificNotation, decimal.TrimTrailingZeros = s.sci, s.trim
		for _, x := range []decimal.Decimal{decimal.New(1234567890123456789, 5), decimal.RequireFromString("0.12345678901234567890"),
			decimal.RequireFromString("123456789012345678900")} {
			e := scoring.Evaluation{Matter: "M", Subject: "D1", Evaluator: "S1", At: time.Date(2020, 6, 1, 0, 0, 0, 0, workday.CST()),
				Result: scoring.Result{Grade: "good", Points: decimal.NewFromInt(85), Reasons: []reason.Reason{
					{Rule: 1, Checks: []reason.Check{{Of: reason.Response, Op: reason.AtMost, Threshold: x}}}}}}
			b := scoring.NewBook(nil)
			if err := b.Record(e); err != nil {
				t.Fatal(err)
			}
			got := b.Evaluations()[0].Result.Reasons[0].Checks[0].Threshold
			if !got.Equal(x) {
				t.Errorf("UseScientificNotation %t, TrimTrailingZeros %t: threshold %s came back as %s", s.sci, s.trim, x.StringFixed(0), got.StringFixed(0))
			}
		}
	}
}
