package indicators_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// TestIndexOfTheReadme recomputes by hand the index the README quotes for
// 生态环境局 in Wuhu's annual report: 响应率 0.9868 (75 of 76, say), 解决率 and
// 满意率 1.0000, weighed 0.30 / 0.35 / 0.35:
//
//	0.30 × 0.9868 = 0.29604
//	0.35 × 1      = 0.35
//	0.35 × 1      = 0.35
//	sum             0.99604, rounded half-up to 4 places: 0.9960
//
// and 城管局's: 0.30 × 0.9735 + 0.35 × 1 + 0.35 × 0.9779 = 0.29205 + 0.35
// + 0.342265 = 0.984315, rounded: 0.9843.
func TestIndexOfTheReadme(t *testing.T) {
	w := assessment.Weights{"response": d("0.30"), "resolution": d("0.35"), "satisfaction": d("0.35")}
	for _, tt := range []struct {
		rates indicators.Rates
		want  string
	}{
		{indicators.Rates{Group: "生态环境局", Response: r(75, 76, "0.9868"), Resolution: r(20, 20, "1.0000"), Satisfaction: r(20, 20, "1.0000")}, "0.9960"},
		{indicators.Rates{Group: "城管局", Response: r(367, 377, "0.9735"), Resolution: r(90, 90, "1"), Satisfaction: r(266, 272, "0.9779")}, "0.9843"},
	} {
		got, err := tt.rates.Index(w)
		if err != nil || got.StringFixed(4) != tt.want || got.Exponent() != -4 {
			t.Errorf("%s: Index = %s (exponent %d), %v; want %s", tt.rates.Group, jsonx.FormatDecimal(got), got.Exponent(), err, tt.want)
		}
	}
	// The hand figures' 4-place rates are the ratios' own, and so are the
	// README's headline rates: 办结率 619 of 746 = 0.829758… → 0.8298,
	// 街道满意率 745 of 823 = 0.905224… → 0.9052, 回访满意率 512 of 524 =
	// 0.977099… → 0.9771 (Ratio's JSON refuses any other value).
	for _, c := range []struct {
		num, den int
		want     string
	}{{75, 76, "0.9868"}, {367, 377, "0.9735"}, {266, 272, "0.9779"}, {619, 746, "0.8298"}, {745, 823, "0.9052"}, {512, 524, "0.9771"}} {
		var got indicators.Ratio
		if err := json.Unmarshal([]byte(`{"num":`+strconv.Itoa(c.num)+`,"den":`+strconv.Itoa(c.den)+`,"value":"`+c.want+`"}`), &got); err != nil {
			t.Errorf("%d of %d is not %s: %v", c.num, c.den, c.want, err)
		}
	}
}

// TestIndexWeightZero: a rate weighed 0 is not part of the index, so that
// it having nothing to count (a denominator of 0) does not keep the index
// of the other two from being computed; a rate with nothing to count and
// a weight is still refused, named.
func TestIndexWeightZero(t *testing.T) {
	// No 回访: resolution and satisfaction are 0 of 0.
	rs := indicators.Rates{Group: "g", Parts: 4, Response: r(3, 4, "0.75"), Resolution: r(0, 0, "0"), Satisfaction: r(0, 0, "0")}
	onlyResponse := assessment.Weights{"response": d("1"), "resolution": d("0"), "satisfaction": d("0")}
	// 1 × 0.75 + 0 + 0 = 0.75
	got, err := rs.Index(onlyResponse)
	if err != nil || got.StringFixed(4) != "0.7500" {
		t.Errorf("Index weighing resolution and satisfaction 0 = %s, %v; want 0.7500", jsonx.FormatDecimal(got), err)
	}
	_, err = rs.Index(assessment.Weights{"response": d("0.5"), "resolution": d("0"), "satisfaction": d("0.5")})
	if !errors.Is(err, indicators.ErrNoData) || !strings.Contains(err.Error(), "satisfaction") || strings.Contains(err.Error(), "resolution") {
		t.Errorf("Index weighing satisfaction of nothing: error %v, want ErrNoData naming satisfaction alone", err)
	}
}

// TestRatioErrorWhateverDecimalSettings: the message of a ratio whose
// value is not its num ÷ den writes both exactly, whatever decimal's
// package settings say. Not parallel: it changes globals.
func TestRatioErrorWhateverDecimalSettings(t *testing.T) {
	const want = "2 of 4 is 0.5, not 0.6"
	msg := func() string {
		var got indicators.Ratio
		err := json.Unmarshal([]byte(`{"num":2,"den":4,"value":"0.6"}`), &got)
		if !errors.Is(err, indicators.ErrInvalid) {
			t.Fatalf("error %v, want ErrInvalid", err)
		}
		return err.Error()
	}
	if m := msg(); !strings.Contains(m, want) {
		t.Fatalf("message %q does not say %q", m, want)
	}
	hardening.WhateverDecimals(t, msg)
	defer func(s bool) { decimal.UseScientificNotation = s }(decimal.UseScientificNotation)
	decimal.UseScientificNotation = true
	if m := msg(); !strings.Contains(m, want) {
		t.Errorf("with UseScientificNotation: message %q does not say %q", m, want)
	}
}

// TestRankLeavesOutNoSubject: a value under the subject "" is no
// subject's — as Tally leaves out a part whose group is "" — so it takes
// no rank, no place on a list and no part in Of; every standing Rank
// gives reads back from its JSON.
func TestRankLeavesOutNoSubject(t *testing.T) {
	values := map[string]decimal.Decimal{"": d("0.1"), "a": d("0.9"), "b": d("0.8")}
	want := []indicators.Standing{st("a", "", "0.9", 1, 2, false, false, 0), st("b", "", "0.8", 2, 2, false, true, 0)}
	got := rankOK(t, values, nil, indicators.Lists{Bottom: 1}, nil)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Rank mismatch (-want +got):\n%s", diff)
	}
	b, _ := json.Marshal(got)
	var back []indicators.Standing
	if err := json.Unmarshal(b, &back); err != nil {
		t.Errorf("standings %s do not read back: %v", b, err)
	}
}

// TestIndexWeightsBeforeNoData: weights that are not valid are refused as
// such (assessment.ErrWeights) whatever the rates count, and not as
// ErrNoData, which a host reads as "no index to show": a rate with nothing
// to count must not hide weights that would fail every other group.
func TestIndexWeightsBeforeNoData(t *testing.T) {
	noResponse := indicators.Rates{Group: "g", Response: r(0, 0, "0"), Resolution: r(1, 1, "1"), Satisfaction: r(1, 1, "1")}
	for _, tt := range []struct {
		name string
		w    assessment.Weights
	}{
		{"a negative weight", assessment.Weights{"response": d("0.5"), "resolution": d("0.6"), "satisfaction": d("-0.1")}},
		{"a sum other than 1", assessment.Weights{"response": d("0.5"), "resolution": d("0.35"), "satisfaction": d("0.35")}},
		{"a part missing", assessment.Weights{"response": d("0.5"), "resolution": d("0.5")}},
	} {
		_, err := noResponse.Index(tt.w)
		if !errors.Is(err, assessment.ErrWeights) || errors.Is(err, indicators.ErrNoData) {
			t.Errorf("%s: error %v, want one wrapping assessment.ErrWeights and not ErrNoData", tt.name, err)
		}
	}
}
