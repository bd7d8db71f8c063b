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
