package assessment_test

import (
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/golden"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestAssess(t *testing.T) {
	scores := []scoring.Score{
		{Subject: "城管局", Composite: d("91.5")},
		{Subject: "住建局", Composite: d("85")},
		{Subject: "水务局", Composite: d("95")},
	}
	others := map[string]map[string]decimal.Decimal{
		"城管局": {"department": d("90")},
		"住建局": {"department": d("92")},
		"水务局": {"department": d("88.5")},
	}
	got, err := assessment.Assess(scores, annualWeights(), others)
	if err != nil {
		t.Fatal(err)
	}
	w := annualWeights()
	want := []assessment.Annual{
		{Subject: "城管局", Parts: map[string]decimal.Decimal{"subdistrict": d("91.5"), "department": d("90")}, Weights: w, Total: d("90.45"), Rank: 1},
		{Subject: "水务局", Parts: map[string]decimal.Decimal{"subdistrict": d("95"), "department": d("88.5")}, Weights: w, Total: d("90.45"), Rank: 1},
		{Subject: "住建局", Parts: map[string]decimal.Decimal{"subdistrict": d("85"), "department": d("92")}, Weights: w, Total: d("89.9"), Rank: 3},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Assess mismatch (-want +got):\n%s", diff)
	}
	b := golden.JSON(t, "testdata/annual.golden", got[0], *update)
	var back assessment.Annual
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got[0], back); diff != "" {
		t.Errorf("Annual round trip mismatch (-want +got):\n%s", diff)
	}
}

// TestAssessIgnoresOrder: the same scores in any order give the same
// assessment, ties included (城管局 and 水务局 both 90.45: 0.3 × 91.5 +
// 0.7 × 90 = 27.45 + 63 and 0.3 × 95 + 0.7 × 88.5 = 28.5 + 61.95).
func TestAssessIgnoresOrder(t *testing.T) {
	scores := []scoring.Score{
		{Subject: "城管局", Composite: d("91.5")},
		{Subject: "住建局", Composite: d("85")},
		{Subject: "水务局", Composite: d("95")},
		{Subject: "交通局", Composite: d("70")},
	}
	others := map[string]map[string]decimal.Decimal{
		"城管局": {"department": d("90")}, "住建局": {"department": d("92")},
		"水务局": {"department": d("88.5")}, "交通局": {"department": d("100")},
	}
	want, err := assessment.Assess(scores, annualWeights(), others)
	if err != nil {
		t.Fatal(err)
	}
	for _, order := range [][]int{{3, 2, 1, 0}, {2, 0, 3, 1}, {1, 3, 0, 2}} {
		in := make([]scoring.Score, len(order))
		for i, j := range order {
			in[i] = scores[j]
		}
		got, err := assessment.Assess(in, annualWeights(), others)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("scores in order %v: mismatch (-want +got):\n%s", order, diff)
		}
	}
}

func TestAssessErrors(t *testing.T) {
	scores := []scoring.Score{{Subject: "城管局", Composite: d("91.5")}, {Subject: "住建局", Composite: d("85")}, {Subject: "城管局"}}
	for _, tt := range []struct {
		name   string
		w      assessment.Weights
		others map[string]map[string]decimal.Decimal
		want   []string
	}{
		{"bad weights", assessment.Weights{"a": d("0.5")}, nil, []string{"weights sum to 0.5"}},
		{"every problem", annualWeights(), map[string]map[string]decimal.Decimal{
			"城管局": {"department": d("90"), "subdistrict": d("1")},
			"交通局": {"department": d("90")},
		}, []string{
			`subject "城管局" scored twice`,
			`subject "城管局": the "subdistrict" part comes from the book, not from others`,
			`subject "住建局": assessment: bad weights: part "department" is missing`,
			`subject "交通局" has no score in the book`,
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := assessment.Assess(scores, tt.w, tt.others)
			if got != nil || !errors.Is(err, assessment.ErrWeights) {
				t.Fatalf("Assess = %v, %v; want nil and ErrWeights", got, err)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("Assess error lacks %q:\n%v", want, err)
				}
			}
		})
	}
	if got, err := assessment.Assess(nil, annualWeights(), nil); err != nil || len(got) != 0 {
		t.Errorf("Assess(nil) = %v, %v", got, err)
	}
}

// TestAssessTotalsReadBack: a total longer than 64 characters, which an
// Annual's JSON could not read back, is refused, naming the subject.
func TestAssessTotalsReadBack(t *testing.T) {
	scores := []scoring.Score{{Subject: "城管局", Composite: d(strings.Repeat("9", 63))}, {Subject: "住建局", Composite: d("85")}}
	others := map[string]map[string]decimal.Decimal{"城管局": {"department": d("0")}, "住建局": {"department": d("90")}}
	got, err := assessment.Assess(scores, annualWeights(), others)
	want := `subject "城管局": assessment: bad weights: the blend is longer than 64 characters`
	if got != nil || !errors.Is(err, assessment.ErrWeights) || err.Error() != want {
		t.Errorf("Assess = %v, %v; want nil and %q", got, err, want)
	}
}

// TestExactWhateverDecimalSettings changes shopspring/decimal's package
// settings and shows that no output moves. It must not run in parallel.
func TestExactWhateverDecimalSettings(t *testing.T) {
	outputs := func() string {
		blend, err := assessment.Blend(annualWeights(), map[string]decimal.Decimal{"subdistrict": d("91.333"), "department": d("87.1")})
		if err != nil {
			t.Fatal(err)
		}
		annual, err := assessment.Assess([]scoring.Score{{Subject: "D1", Composite: d("91.333")}, {Subject: "D2", Composite: d("1e-30")}},
			annualWeights(), map[string]map[string]decimal.Decimal{"D1": {"department": d("80.50")}, "D2": {"department": d("70")}})
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(map[string]any{"annual": annual, "weights": annualWeights()})
		if err != nil {
			t.Fatal(err)
		}
		return string(b) + " " + blend.StringFixed(4)
	}
	hardening.WhateverDecimals(t, outputs)
}

// TestStrictJSON: an Annual, and the Weights inside it, refuse a misspelt
// key, a key in another case, a key given twice and text that is not
// UTF-8, and a weight of more than 64 characters, whatever decimal's
// MaxDecodeExponent is.
func TestStrictJSON(t *testing.T) {
	sound, err := os.ReadFile("testdata/annual.golden")
	if err != nil {
		t.Fatal(err)
	}
	free := func(path string) bool { return path == "weights" || path == "parts" }
	hardening.Strict(t, []byte(strings.TrimSpace(string(sound))), hardening.StrictOptions{Free: free, Flat: true}, assessment.ErrWeights, // its objects inside are maps
		func(b []byte) error { return json.Unmarshal(b, new(assessment.Annual)) })
	defer func(m int) { decimal.MaxDecodeExponent = m }(decimal.MaxDecodeExponent)
	for _, m := range []int{1, math.MaxInt32} {
		decimal.MaxDecodeExponent = m
		var w assessment.Weights
		if err := json.Unmarshal([]byte(`{"a":"0.`+strings.Repeat("0", 60)+`1","b":"0.3"}`), &w); err != nil || w["a"].Exponent() != -61 {
			t.Errorf("MaxDecodeExponent %d: %v, %v", m, w, err)
		}
		err := json.Unmarshal([]byte(`{"a":"1`+strings.Repeat("0", 4_000_000)+`"}`), &w)
		if !errors.Is(err, assessment.ErrWeights) || !strings.Contains(err.Error(), "longer than 64 characters at a") {
			t.Errorf("MaxDecodeExponent %d: a weight of 4,000,001 digits: %.300v", m, err)
		}
	}
}

// TestAssessResultsBelongToTheCaller: changing the weights given after
// Assess returns, or one result's weights, changes no result's Weights.
func TestAssessResultsBelongToTheCaller(t *testing.T) {
	w := annualWeights()
	got, err := assessment.Assess([]scoring.Score{{Subject: "城管局", Composite: d("91.5")}, {Subject: "住建局", Composite: d("85")}}, w,
		map[string]map[string]decimal.Decimal{"城管局": {"department": d("90")}, "住建局": {"department": d("92")}})
	if err != nil {
		t.Fatal(err)
	}
	for k := range w {
		w[k] = d("0")
	}
	got[0].Weights[assessment.SubdistrictPart] = d("1")
	want := annualWeights()
	if diff := cmp.Diff(want, got[1].Weights); diff != "" {
		t.Errorf("Annual.Weights after the weights given and another result changed: mismatch (-want +got):\n%s", diff)
	}
}

// TestAssessWeightsWithoutSubdistrict: weights without the "subdistrict"
// part can blend no subject's composite; that is a problem of the weights,
// reported alone and once, not once for every subject scored.
func TestAssessWeightsWithoutSubdistrict(t *testing.T) {
	scores := []scoring.Score{{Subject: "城管局", Composite: d("91.5")}, {Subject: "住建局", Composite: d("85")}}
	others := map[string]map[string]decimal.Decimal{"城管局": {"department": d("90")}, "住建局": {"department": d("92")}}
	got, err := assessment.Assess(scores, assessment.Weights{"department": d("1")}, others)
	if got != nil || !errors.Is(err, assessment.ErrWeights) {
		t.Fatalf("Assess = %v, %v; want nil and ErrWeights", got, err)
	}
	want := `assessment: bad weights: the weights have no part "subdistrict", the sub-district's composite from the book`
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("Assess error mismatch (-want +got):\n%s", diff)
	}
}

// TestAssessSubjectNames: a score without a subject would be ranked as a
// nameless row, and one whose subject has white space at an end or an
// invisible character would be ranked apart from the same subject written
// plainly (城管局 twice); Assess refuses both, naming them.
func TestAssessSubjectNames(t *testing.T) {
	scores := []scoring.Score{{Subject: "", Composite: d("90")}, {Subject: "城管局 ", Composite: d("80")}, {Subject: "城管局", Composite: d("80")},
		{Subject: "住建\u200b局", Composite: d("70")}}
	got, err := assessment.Assess(scores, assessment.Weights{"subdistrict": d("1")}, nil)
	if got != nil || !errors.Is(err, assessment.ErrWeights) {
		t.Fatalf("Assess = %v, %v; want nil and ErrWeights", got, err)
	}
	for _, want := range []string{"scores[0] has no subject", `subject "城管局 " has white space at an end`, `subject "住建\u200b局" has white space at an end`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Assess error lacks %q:\n%v", want, err)
		}
	}
}
