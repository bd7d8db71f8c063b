package indicators_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/shopspring/decimal"
)

// TestDecimalSettingsChangeNothing sets decimal's package-level settings
// as a careless program might and checks that the rates, the index, the
// ranking and their JSON are what they were. Not parallel: it changes
// globals.
func TestDecimalSettingsChangeNothing(t *testing.T) {
	ps := parts(t)
	w := assessment.Weights{"response": d("0.3"), "resolution": d("0.35"), "satisfaction": d("0.35")}
	figures := func() ([]indicators.Rates, decimal.Decimal, []indicators.Standing, string) {
		rs := indicators.Tally(ps, indicators.BySubDistrict, decimal.NewFromInt(85))
		index, err := rs[0].Index(w)
		if err != nil {
			t.Fatal(err)
		}
		st := rankOK(t, map[string]decimal.Decimal{"s1": index, "s2": d("0.5")}, nil, indicators.Lists{Top: 1}, nil)
		b, err := json.Marshal(struct {
			R []indicators.Rates
			S []indicators.Standing
		}{rs, st})
		if err != nil {
			t.Fatal(err)
		}
		return rs, index, st, string(b)
	}
	wantRates, wantIndex, wantStandings, wantJSON := figures()
	hardening.SetDecimals(t, 2, true, false)
	gotRates, gotIndex, gotStandings, gotJSON := figures()
	if diff := cmp.Diff(wantRates, gotRates); diff != "" {
		t.Errorf("rates mismatch (-want +got):\n%s", diff)
	}
	if !gotIndex.Equal(wantIndex) || gotIndex.StringFixed(4) != "0.6750" {
		t.Errorf("index = %s, was %s, want 0.6750", gotIndex, wantIndex)
	}
	if diff := cmp.Diff(wantStandings, gotStandings); diff != "" {
		t.Errorf("standings mismatch (-want +got):\n%s", diff)
	}
	if gotJSON != wantJSON {
		t.Errorf("JSON moved: %s, was %s", gotJSON, wantJSON)
	}
}
