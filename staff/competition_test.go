package staff_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/golden"
	"github.com/qingdan/qingdan/staff"
	"github.com/shopspring/decimal"
)

func years(ys ...string) []decimal.Decimal {
	var out []decimal.Decimal
	for _, y := range ys {
		out = append(out, d(y))
	}
	return out
}

func competitionWeights() assessment.Weights {
	return assessment.Weights{staff.CompetitionPart: d("0.7"), staff.YearPart(1): d("0.1"), staff.YearPart(2): d("0.1"), staff.YearPart(3): d("0.1")}
}

func TestYearPart(t *testing.T) {
	for n, want := range map[int]string{1: "year1", 3: "year3", 10: "year10"} {
		if got := staff.YearPart(n); got != want {
			t.Errorf("YearPart(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestSelect(t *testing.T) {
	w := competitionWeights()
	cands := []staff.Candidate{
		{ID: "C4", Post: "城管", Competition: d("80"), Years: years("90", "90", "90")}, // 83
		{ID: "C1", Post: "城管", Competition: d("85"), Years: years("70", "80", "90")}, // 83.5
		{ID: "C3", Post: "城管", Competition: d("80"), Years: years("95", "85", "90")}, // 83, last year better than C4
		{ID: "C2", Post: "城管", Competition: d("85"), Years: years("70", "80", "90")}, // 83.5, same as C1: ID decides
		{ID: "C5", Post: "社区", Competition: d("60"), Years: years("60", "60", "60")},
	}
	quotas := map[string]int{"城管": 2, "社区": 1}
	got, err := staff.Select(cands, w, quotas)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range got {
		lines = append(lines, fmt.Sprintf("%s %s %s %d %t", p.Candidate.Post, p.Candidate.ID, p.Total, p.Rank, p.Selected))
	}
	want := []string{"城管 C1 83.5 1 true", "城管 C2 83.5 1 true", "城管 C3 83 3 false", "城管 C4 83 3 false", "社区 C5 60 1 true"}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("Select mismatch (-want +got):\n%s", diff)
	}
	// The order of the input does not matter.
	eachOrder(cands, func(in []staff.Candidate) {
		again, err := staff.Select(in, w, quotas)
		if diff := cmp.Diff(got, again); err != nil || diff != "" {
			t.Errorf("Select of %v: %v, mismatch (-want +got):\n%s", ids(in), err, diff)
		}
	})
	golden.JSON(t, "testdata/placement.golden", got[0], *update)
}

func TestSelectErrors(t *testing.T) {
	w := competitionWeights()
	_, err := staff.Select([]staff.Candidate{{ID: "X", Post: "城管", Years: years("1", "2")}, {ID: "X", Post: "城管"}, {ID: "Y", Post: "消防"}, {Post: "城管"}},
		w, map[string]int{"城管": -1})
	if !errors.Is(err, staff.ErrInvalid) || !errors.Is(err, assessment.ErrWeights) {
		t.Errorf("Select error does not wrap ErrInvalid and ErrWeights: %v", err)
	}
	for _, want := range []string{`candidate "X": `, `part "year3" is missing`, `candidate "X" appears twice`,
		`post "消防", which has no quota`, `post "城管" has the negative quota -1`, "candidates[3] has no ID"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Select error lacks %q:\n%v", want, err)
		}
	}
	if _, err := staff.Select(nil, assessment.Weights{}, nil); !errors.Is(err, assessment.ErrWeights) {
		t.Errorf("Select with no weights: %v", err)
	}
}

// TestSelectNoPost: a candidate without a post is refused, as Select's doc
// says, even where the quotas hold an entry under the empty name.
func TestSelectNoPost(t *testing.T) {
	cands := []staff.Candidate{{ID: "C1", Competition: d("80"), Years: years("90", "90", "90")}}
	got, err := staff.Select(cands, competitionWeights(), map[string]int{"": 1})
	if !errors.Is(err, staff.ErrInvalid) || !strings.Contains(err.Error(), `candidate "C1" has no post`) {
		t.Errorf("Select of a candidate without a post = %v, %v; want an error wrapping ErrInvalid naming the candidate", got, err)
	}
}

func TestJSON(t *testing.T) {
	for _, tt := range []struct {
		v    any
		want string
	}{
		{staff.Score{Person: "p", Category: "c", Scores: map[string]decimal.Decimal{"a": d("90.50")}}, `{"person":"p","category":"c","scores":{"a":"90.5"}}`},
		{staff.Candidate{ID: "C1", Post: "P", Competition: d("80.0"), Years: years("90", "85.5")}, `{"id":"C1","post":"P","competition":"80","years":["90","85.5"]}`},
		{staff.Candidate{ID: "C1", Post: "P"}, `{"id":"C1","post":"P","competition":"0","years":null}`},
		{staff.PostCategory{Code: "c", Weights: assessment.Weights{"a": d("1.0")}}, `{"code":"c","weights":{"a":"1"}}`},
	} {
		b, err := json.Marshal(tt.v)
		if err != nil || string(b) != tt.want {
			t.Errorf("Marshal(%T) = %s, %v; want %s", tt.v, b, err, tt.want)
		}
	}
	for _, v := range []any{
		&staff.Score{Person: "p", Category: "c", Scores: map[string]decimal.Decimal{"a": d("90")}},
		&staff.Appraisal{Categories: []staff.PostCategory{{Code: "c", Weights: assessment.Weights{"a": d("1")}}}, Scale: appraisal().Scale},
		&staff.Appraised{Person: "p", Category: "c", Scores: map[string]decimal.Decimal{"a": d("90")}, Total: d("90"), Grade: "good", Rank: 1},
		&staff.Candidate{ID: "C1", Post: "P", Competition: d("80"), Years: years("90")},
		&staff.Placement{Candidate: staff.Candidate{ID: "C1", Post: "P"}, Total: d("80"), Rank: 1, Selected: true},
	} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%T: %v", v, err)
		}
		back := newOf(v)
		if err := json.Unmarshal(b, back); err != nil {
			t.Fatalf("%T: %s: %v", v, b, err)
		}
		if diff := cmp.Diff(v, back); diff != "" {
			t.Errorf("%T round trip mismatch (-want +got):\n%s", v, diff)
		}
	}
}

func newOf(v any) any {
	switch v.(type) {
	case *staff.Score:
		return new(staff.Score)
	case *staff.Appraisal:
		return new(staff.Appraisal)
	case *staff.Appraised:
		return new(staff.Appraised)
	case *staff.Candidate:
		return new(staff.Candidate)
	case *staff.Placement:
		return new(staff.Placement)
	}
	panic(fmt.Sprintf("newOf: add %T", v))
}

// eachOrder calls f with every permutation of xs, each a new slice.
func eachOrder[T any](xs []T, f func([]T)) {
	var walk func(k int)
	walk = func(k int) {
		if k == len(xs) {
			f(slices.Clone(xs))
			return
		}
		for i := k; i < len(xs); i++ {
			xs[k], xs[i] = xs[i], xs[k]
			walk(k + 1)
			xs[k], xs[i] = xs[i], xs[k]
		}
	}
	walk(0)
}

func ids(cs []staff.Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

// TestRoundProblemsReportedAlone: bad weights of a competition, or a bad
// category or scale of an appraisal, are reported alone, as the docs say:
// nothing is blended by them, so no candidate or person is looked at.
func TestRoundProblemsReportedAlone(t *testing.T) {
	_, err := staff.Select([]staff.Candidate{{Post: "城管"}}, assessment.Weights{"competition": d("0.5")}, map[string]int{"城管": -1})
	if !errors.Is(err, assessment.ErrWeights) || errors.Is(err, staff.ErrInvalid) {
		t.Errorf("Select with bad weights: %v; want the weights' problems alone", err)
	}
	a := appraisal()
	a.Scale = nil
	_, err = a.Appraise([]staff.Score{{Person: "甲", Category: "cook"}})
	if !errors.Is(err, staff.ErrInvalid) || strings.Contains(err.Error(), "甲") {
		t.Errorf("Appraise with no scale: %v; want the round's problems alone", err)
	}
}

// TestScoresOnAnyScale: Appraise and Select enforce no range on scores,
// as their docs say: a competition written out of 150, an indicator with
// points added above 100, a year's points below 0 are blended and ranked
// like any other.
func TestScoresOnAnyScale(t *testing.T) {
	placed, err := staff.Select([]staff.Candidate{
		{ID: "c1", Post: "p", Competition: d("132"), Years: years("100", "90", "-10")},
		{ID: "c2", Post: "p", Competition: d("95"), Years: years("100", "100", "100")},
	}, competitionWeights(), map[string]int{"p": 1})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range placed {
		got = append(got, fmt.Sprintf("%s %s %d %v", p.Candidate.ID, p.Total, p.Rank, p.Selected))
	}
	if diff := cmp.Diff([]string{"c1 110.4 1 true", "c2 96.5 2 false"}, got); diff != "" {
		t.Errorf("Select mismatch (-want +got):\n%s", diff)
	}
	appraised, err := appraisal().Appraise([]staff.Score{
		{Person: "甲", Category: "clerk", Scores: map[string]decimal.Decimal{"service": d("110"), "accuracy": d("90")}},
		{Person: "乙", Category: "clerk", Scores: map[string]decimal.Decimal{"service": d("-5"), "accuracy": d("50")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, a := range appraised {
		got = append(got, fmt.Sprintf("%s %s %s %d", a.Person, a.Total, a.Grade, a.Rank))
	}
	if diff := cmp.Diff([]string{"甲 104 优秀 1", "乙 11.5 不称职 2"}, got); diff != "" {
		t.Errorf("Appraise mismatch (-want +got):\n%s", diff)
	}
}
