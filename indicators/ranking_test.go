package indicators_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func dp(s string) *decimal.Decimal { v := d(s); return &v }

// rankOK is Rank for lists it takes.
func rankOK(t *testing.T, values map[string]decimal.Decimal, classes indicators.Classes, lists indicators.Lists, prev []indicators.Standing) []indicators.Standing {
	t.Helper()
	out, err := indicators.Rank(values, classes, lists, prev)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// st is a standing by hand.
func st(subject, class, value string, rank, of int, red, black bool, prev int) indicators.Standing {
	return indicators.Standing{Subject: subject, Class: class, Value: d(value), Rank: rank, Of: of, Red: red, Black: black, Prev: prev}
}

var classes = indicators.Classes{"甲街道": "街镇", "乙街道": "街镇", "丙镇": "街镇", "丁镇": "街镇",
	"城管局": "部门", "环保局": "部门", "水务局": "部门"}

func TestRank(t *testing.T) {
	march := map[string]decimal.Decimal{"甲街道": d("0.91"), "乙街道": d("0.88"), "丙镇": d("0.88"), "丁镇": d("0.70"),
		"城管局": d("0.80"), "环保局": d("0.95"), "水务局": d("0.80"), "无类": d("0.5")}
	// Every case ranks the same: it marks other subjects red or black.
	ranked := []indicators.Standing{
		st("无类", "", "0.5", 1, 1, false, false, 0),
		st("甲街道", "街镇", "0.91", 1, 4, false, false, 0),
		st("丙镇", "街镇", "0.88", 2, 4, false, false, 0),
		st("乙街道", "街镇", "0.88", 2, 4, false, false, 0),
		st("丁镇", "街镇", "0.70", 4, 4, false, false, 0),
		st("环保局", "部门", "0.95", 1, 3, false, false, 0),
		st("城管局", "部门", "0.80", 2, 3, false, false, 0),
		st("水务局", "部门", "0.80", 2, 3, false, false, 0),
	}
	for _, tt := range []struct {
		name       string
		lists      indicators.Lists
		red, black []string
	}{
		{"no lists", indicators.Lists{}, nil, nil},
		// By position: the first and the last of each class; the two tied
		// last departments are both last; a class of one is black only.
		{"top 1, bottom 1", indicators.Lists{Top: 1, Bottom: 1}, []string{"甲街道", "环保局"}, []string{"无类", "丁镇", "城管局", "水务局"}},
		// Top 2 takes the tied seconds too; bottom 2 in 街镇 reaches the
		// tied seconds (one subject below them) as well — black wins.
		{"top 2, bottom 2", indicators.Lists{Top: 2, Bottom: 2}, []string{"甲街道", "环保局"}, []string{"无类", "丙镇", "乙街道", "丁镇", "城管局", "水务局"}},
		// By threshold: red at 0.9 or more, black below 0.8.
		{"thresholds", indicators.Lists{RedAtLeast: dp("0.9"), BlackBelow: dp("0.8")}, []string{"甲街道", "环保局"}, []string{"无类", "丁镇"}},
	} {
		want := slices.Clone(ranked)
		for i := range want {
			want[i].Red, want[i].Black = slices.Contains(tt.red, want[i].Subject), slices.Contains(tt.black, want[i].Subject)
		}
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(want, rankOK(t, march, classes, tt.lists, nil)); diff != "" {
				t.Errorf("Rank mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRankMovement(t *testing.T) {
	feb := rankOK(t, map[string]decimal.Decimal{"甲街道": d("0.7"), "乙街道": d("0.9"), "丙镇": d("0.8"), "城管局": d("1")}, classes, indicators.Lists{}, nil)
	// In February: 乙街道 1, 丙镇 2, 甲街道 3 (街镇); 城管局 1 (部门).
	mar := rankOK(t, map[string]decimal.Decimal{"甲街道": d("0.95"), "乙街道": d("0.9"), "丙镇": d("0.6"), "丁镇": d("0.7"), "城管局": d("1")}, classes, indicators.Lists{}, feb)
	type move struct {
		Subject  string
		Rank     int
		Prev     int
		Move     int
		Movement string
	}
	var got []move
	for _, s := range mar {
		got = append(got, move{s.Subject, s.Rank, s.Prev, s.Move(), s.Movement()})
	}
	want := []move{
		{"甲街道", 1, 3, 2, "上升 2 位"},
		{"乙街道", 2, 1, -1, "下降 1 位"},
		{"丁镇", 3, 0, 0, "新进"},
		{"丙镇", 4, 2, -2, "下降 2 位"},
		{"城管局", 1, 1, 0, "持平"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("movement mismatch (-want +got):\n%s", diff)
	}
	// A subject that changed class is new in its new class.
	moved := rankOK(t, map[string]decimal.Decimal{"城管局": d("1")}, indicators.Classes{"城管局": "国企"}, indicators.Lists{}, feb)
	if moved[0].Prev != 0 || moved[0].Movement() != "新进" {
		t.Errorf("a subject in a new class: Prev %d, %s; want 0, 新进", moved[0].Prev, moved[0].Movement())
	}
}

// TestRankOrderDoesNotMatter: the same values give the same standings
// whatever the map's iteration order, and Rank leaves prev alone.
func TestRankOrderDoesNotMatter(t *testing.T) {
	values := map[string]decimal.Decimal{}
	for i, s := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		values[s] = decimal.NewFromInt(int64(i % 3))
	}
	prev := rankOK(t, values, nil, indicators.Lists{Top: 1}, nil)
	keep := append([]indicators.Standing(nil), prev...)
	want := rankOK(t, values, nil, indicators.Lists{Top: 1, Bottom: 2}, prev)
	for range 20 {
		if diff := cmp.Diff(want, rankOK(t, values, nil, indicators.Lists{Top: 1, Bottom: 2}, prev)); diff != "" {
			t.Fatalf("mismatch (-want +got):\n%s", diff)
		}
	}
	if diff := cmp.Diff(keep, prev); diff != "" {
		t.Errorf("Rank changed prev (-want +got):\n%s", diff)
	}
	if got := rankOK(t, nil, nil, indicators.Lists{Top: 1}, nil); len(got) != 0 {
		t.Errorf("Rank(nil) = %v, want none", got)
	}
}

func TestStandingJSON(t *testing.T) {
	b, err := json.Marshal(st("甲街道", "街镇", "0.910", 1, 4, true, false, 3))
	want := `{"subject":"甲街道","class":"街镇","rank":1,"of":4,"red":true,"prev":3,"value":"0.91"}`
	if err != nil || string(b) != want {
		t.Errorf("Marshal = %s, %v; want %s", b, err, want)
	}
}

// TestRankPrevGivenTwice: where prev gives a subject twice in one class,
// its better rank counts, whatever prev's order.
func TestRankPrevGivenTwice(t *testing.T) {
	values := map[string]decimal.Decimal{"a": d("0.9"), "b": d("0.8")}
	prev := []indicators.Standing{
		{Subject: "a", Class: "街镇", Rank: 2},
		{Subject: "a", Class: "街镇", Rank: 1},
		{Subject: "a", Class: "其他", Rank: 5}, // another class: not a's previous rank in 街镇
		{Subject: "b", Class: "街镇", Rank: 3},
	}
	classes := indicators.Classes{"a": "街镇", "b": "街镇"}
	want := []indicators.Standing{st("a", "街镇", "0.9", 1, 2, false, false, 1), st("b", "街镇", "0.8", 2, 2, false, false, 3)}
	for _, order := range [][]int{{0, 1, 2, 3}, {1, 0, 2, 3}, {3, 2, 1, 0}} {
		p := make([]indicators.Standing, len(order))
		for i, j := range order {
			p[i] = prev[j]
		}
		if diff := cmp.Diff(want, rankOK(t, values, classes, indicators.Lists{}, p)); diff != "" {
			t.Errorf("prev in order %v: mismatch (-want +got):\n%s", order, diff)
		}
	}
}

// TestRankRefusesNegativePositions: a negative Top or Bottom is refused by
// Rank as by the JSON decoder, with ErrInvalid naming the field; the two
// give one answer to the same lists.
func TestRankRefusesNegativePositions(t *testing.T) {
	values := map[string]decimal.Decimal{"a": d("0.9"), "b": d("0.8")}
	for _, tt := range []struct {
		name  string
		lists indicators.Lists
		json  string
		want  []string
	}{
		{"top", indicators.Lists{Top: -1}, `{"top":-1}`, []string{"top -1"}},
		{"bottom", indicators.Lists{Bottom: -2}, `{"bottom":-2}`, []string{"bottom -2"}},
		{"both", indicators.Lists{Top: -3, Bottom: -4}, `{"top":-3,"bottom":-4}`, []string{"top -3", "bottom -4"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := indicators.Rank(values, nil, tt.lists, nil)
			var decoded indicators.Lists
			jerr := json.Unmarshal([]byte(tt.json), &decoded)
			for how, err := range map[string]error{"Rank": err, "UnmarshalJSON": jerr} {
				if !errors.Is(err, indicators.ErrInvalid) {
					t.Errorf("%s: %v, want ErrInvalid", how, err)
					continue
				}
				for _, w := range tt.want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("%s: %v, want it to name %q", how, err, w)
					}
				}
			}
			if err != nil && jerr != nil && err.Error() != jerr.Error() {
				t.Errorf("Rank says %q, the decoder %q: two answers", err, jerr)
			}
			if got != nil {
				t.Errorf("Rank gave %d standings with its error", len(got))
			}
		})
	}
	// Zero positions are not used, as before.
	if got, err := indicators.Rank(values, nil, indicators.Lists{}, nil); err != nil || len(got) != 2 {
		t.Errorf("Rank with zero lists = %v, %v", got, err)
	}
}

// TestRankStandingsReadBack: every standing Rank gives reads back from its
// JSON. A previous rank below 1, which no standing has (a hand-built prev),
// is no previous rank: the subject is new (新进), not "下降" by a rank
// that JSON refuses. A value JSON could not read back (more than
// jsonx.MaxDecimalLen characters written out) is refused, naming its
// subject, as is a list threshold JSON could not read back.
func TestRankStandingsReadBack(t *testing.T) {
	values := map[string]decimal.Decimal{"a": d("0.9"), "b": d("0.8")}
	prev := []indicators.Standing{{Subject: "a", Rank: -3}, {Subject: "b", Rank: 0}}
	got := rankOK(t, values, nil, indicators.Lists{}, prev)
	want := []indicators.Standing{st("a", "", "0.9", 1, 2, false, false, 0), st("b", "", "0.8", 2, 2, false, false, 0)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Rank with previous ranks below 1: mismatch (-want +got):\n%s", diff)
	}
	for _, s := range got {
		hardening.JSONRoundTrip(t, s)
	}
	huge := decimal.New(1, 70) // 71 digits written out
	for _, tt := range []struct {
		name   string
		values map[string]decimal.Decimal
		lists  indicators.Lists
		names  string
	}{
		{"a value", map[string]decimal.Decimal{"a": d("0.9"), "巨": huge}, indicators.Lists{}, `"巨"`},
		{"a red threshold", values, indicators.Lists{RedAtLeast: &huge}, "redAtLeast"},
		{"a black threshold", values, indicators.Lists{BlackBelow: &huge}, "blackBelow"},
	} {
		out, err := indicators.Rank(tt.values, nil, tt.lists, nil)
		if !errors.Is(err, indicators.ErrInvalid) || !strings.Contains(err.Error(), tt.names) || out != nil {
			t.Errorf("Rank with %s too long for JSON = %d standings, %v; want none and ErrInvalid naming %s", tt.name, len(out), err, tt.names)
		}
	}
}
