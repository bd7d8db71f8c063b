package staff_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/staff"
)

// TestSelectWeightsParts: weights whose parts are not the competition and
// the years from last year back without a gap are bad weights, reported
// once, before any candidate is looked at, as Appraise reports a
// category's bad weights: with no candidate as with many, and without
// the candidates' and quotas' own problems.
func TestSelectWeightsParts(t *testing.T) {
	for _, tt := range []struct {
		name string
		w    assessment.Weights
		want []string // the lines of the error
	}{
		{"no competition", assessment.Weights{"year1": d("0.5"), "year2": d("0.5")},
			[]string{`assessment: bad weights: competition weights have no part "competition"`}},
		{"a year skipped", assessment.Weights{"competition": d("0.5"), "year1": d("0.2"), "year3": d("0.3")},
			[]string{`assessment: bad weights: competition weights skip "year2" but have "year3"`}},
		{"years from the year before last", assessment.Weights{"competition": d("0.5"), "year2": d("0.5")},
			[]string{`assessment: bad weights: competition weights skip "year1" but have "year2"`}},
		{"parts neither the competition nor a year", assessment.Weights{"competition": d("0.5"), "interview": d("0.2"), "year0": d("0.1"), "year01": d("0.1"), "year1": d("0.1")},
			[]string{`assessment: bad weights: competition weights have the parts ["interview" "year0" "year01"], neither "competition" nor a year ("year1", "year2", …)`}},
		{"every problem, and the sum's", assessment.Weights{"Competition": d("0.5"), "year2": d("0.6")},
			[]string{
				`assessment: bad weights: weights sum to 1.1, not exactly 1`,
				`assessment: bad weights: competition weights have no part "competition"`,
				`assessment: bad weights: competition weights skip "year1" but have "year2"`,
				`assessment: bad weights: competition weights have the parts ["Competition"], neither "competition" nor a year ("year1", "year2", …)`,
			}},
	} {
		for _, cands := range [][]staff.Candidate{
			nil,
			{{ID: "C1", Post: "P", Years: years("80", "90")}, {ID: "C2", Post: "P"}, {Post: "P"}},
		} {
			_, err := staff.Select(cands, tt.w, map[string]int{"P": -1})
			if !errors.Is(err, assessment.ErrWeights) || errors.Is(err, staff.ErrInvalid) {
				t.Errorf("%s, %d candidates: Select error %v; want one wrapping assessment.ErrWeights, the weights' alone", tt.name, len(cands), err)
			}
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s, %d candidates: Select error mismatch (-want +got):\n%s", tt.name, len(cands), diff)
			}
		}
	}
}
