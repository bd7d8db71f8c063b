package scoring

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// outputs computes one of everything the package writes.
func outputs(t *testing.T) string {
	t.Helper()
	b := NewBook()
	table := DefaultTable()
	for i, f := range []Facts{timely(), {}, {Responded: true, Response: 5 * time.Hour, ResponseLimit: 4 * time.Hour}} {
		f.Matter = string(rune('A' + i))
		f.Quality = 4
		r, err := table.Evaluate(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"D1", "D2", "D3"}[i:] {
			recordAll(t, b, Evaluation{Matter: f.Matter, Subject: s, Evaluator: "S1", Stage: i, At: june, Result: r})
		}
	}
	recordAll(t, b, eval("X", "D3", 0, june, "fair", "70.333"), eval("Y", "D3", 0, june, "fair", "1e-30"))
	third, _ := Weighted([]Part{
		{Name: "a", Weight: d("0.125"), Evaluator: table},
		{Name: "b", Weight: d("0.875"), Evaluator: table},
	}, nil)
	wr, err := third.Evaluate(timely())
	if err != nil {
		t.Fatal(err)
	}
	blend, err := Blend(AnnualWeights(), map[string]decimal.Decimal{"subdistrict": d("91.333"), "department": d("87.1")})
	if err != nil {
		t.Fatal(err)
	}
	scores := b.Scores(Year(2020))
	annual, err := Assess(scores, AnnualWeights(), map[string]map[string]decimal.Decimal{
		"D1": {"department": d("90")}, "D2": {"department": d("80.50")}, "D3": {"department": d("70")}})
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(map[string]any{
		"book": b, "scores": scores, "weighted": wr, "blend": jsonDecimal(blend), "annual": annual,
		"table": DefaultTable(), "scale": DefaultScale(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(out) + "\n" + formatDecimal(blend) + " " + blend.StringFixed(3)
}

// TestExactWhateverDecimalSettings changes shopspring/decimal's package
// settings and shows that no output moves. It must not run in parallel.
func TestExactWhateverDecimalSettings(t *testing.T) {
	want := outputs(t)
	prec, quotes, trim := decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros
	defer func() {
		decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros = prec, quotes, trim
	}()
	for _, s := range []struct {
		prec         int
		quotes, trim bool
	}{{2, true, false}, {40, false, false}, {0, true, true}} {
		decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros = s.prec, s.quotes, s.trim
		if diff := cmp.Diff(want, outputs(t)); diff != "" {
			t.Errorf("with DivisionPrecision %d, MarshalJSONWithoutQuotes %t, TrimTrailingZeros %t: output mismatch (-want +got):\n%s",
				s.prec, s.quotes, s.trim, diff)
		}
	}
}
