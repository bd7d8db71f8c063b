package staff_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/staff"
	"github.com/shopspring/decimal"
)

// placed is a Placement as a line a reader checks by hand: post, ID, exact
// total, rank, selected.
func placed(ps []staff.Placement) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s %s %s %d %t", p.Candidate.Post, p.Candidate.ID, p.Total, p.Rank, p.Selected))
	}
	return out
}

// TestSelectByHand: totals, ranks and who is selected, each worked out by
// hand in the comments, with weights that do not divide evenly, ties at
// the last seat, more seats than candidates and none; and the same for
// every order of the candidates.
func TestSelectByHand(t *testing.T) {
	uneven := assessment.Weights{staff.CompetitionPart: d("0.55"), staff.YearPart(1): d("0.2"), staff.YearPart(2): d("0.15"), staff.YearPart(3): d("0.1")}
	thirds := assessment.Weights{staff.CompetitionPart: d("0.333"), staff.YearPart(1): d("0.333"), staff.YearPart(2): d("0.334")}
	tests := []struct {
		name   string
		w      assessment.Weights
		quotas map[string]int
		cands  []staff.Candidate
		want   []string
	}{
		{"weights that do not divide evenly: exact, not rounded", uneven, map[string]int{"P": 1}, []staff.Candidate{
			// 0.55×87.5 + 0.2×85 + 0.15×100 + 0.1×60 = 48.125 + 17 + 15 + 6 = 86.125
			{ID: "A", Post: "P", Competition: d("87.5"), Years: years("85", "100", "60")},
			// 0.55×90.25 + 0.2×60 + 0.15×85 + 0.1×85 = 49.6375 + 12 + 12.75 + 8.5 = 82.8875
			{ID: "B", Post: "P", Competition: d("90.25"), Years: years("60", "85", "85")},
		}, []string{"P A 86.125 1 true", "P B 82.8875 2 false"}},
		{"a third each, as near as weights summing to 1 come: every place kept", thirds, map[string]int{"P": 1}, []staff.Candidate{
			// 0.333×80.01 + 0.333×85 + 0.334×60 = 26.64333 + 28.305 + 20.04 = 74.98833
			{ID: "A", Post: "P", Competition: d("80.01"), Years: years("85", "60")},
			// 0.333×75 + 0.333×75 + 0.334×75 = 75: the exact total beats A's, which
			// a host rounding to 2 places would print as 74.99
			{ID: "B", Post: "P", Competition: d("75"), Years: years("75", "75")},
		}, []string{"P B 75 1 true", "P A 74.98833 2 false"}},
		{"tie at the last seat: the better competition score wins, both rank 1", competitionWeights(), map[string]int{"P": 1}, []staff.Candidate{
			// 0.7×80 + 0.1×(100+100+80) = 56 + 28 = 84
			{ID: "A", Post: "P", Competition: d("80"), Years: years("100", "100", "80")},
			// 0.7×82 + 0.1×(90+90+86) = 57.4 + 26.6 = 84
			{ID: "B", Post: "P", Competition: d("82"), Years: years("90", "90", "86")},
		}, []string{"P B 84 1 true", "P A 84 1 false"}},
		{"tie in total and competition: last year's result wins", competitionWeights(), map[string]int{"P": 1}, []staff.Candidate{
			// 0.7×80 + 0.1×(85+90+85) = 56 + 26 = 82
			{ID: "A", Post: "P", Competition: d("80"), Years: years("85", "90", "85")},
			// 0.7×80 + 0.1×(90+85+85) = 82, last year 90 > 85
			{ID: "B", Post: "P", Competition: d("80"), Years: years("90", "85", "85")},
		}, []string{"P B 82 1 true", "P A 82 1 false"}},
		{"tie in everything: the lower ID wins", competitionWeights(), map[string]int{"P": 2}, []staff.Candidate{
			{ID: "C", Post: "P", Competition: d("90"), Years: years("90", "90", "90")},      // 63 + 27 = 90
			{ID: "B", Post: "P", Competition: d("80"), Years: years("80", "80", "80")},      // 56 + 24 = 80
			{ID: "A", Post: "P", Competition: d("80.00"), Years: years("80", "80.0", "80")}, // 80, written otherwise
		}, []string{"P C 90 1 true", "P A 80 2 true", "P B 80 2 false"}},
		{"more seats than candidates: all selected", competitionWeights(), map[string]int{"P": 3, "Q": 0}, []staff.Candidate{
			{ID: "A", Post: "P", Competition: d("50"), Years: years("0", "0", "0")},    // 35
			{ID: "B", Post: "P", Competition: d("60"), Years: years("60", "60", "60")}, // 42 + 18 = 60
			{ID: "C", Post: "Q", Competition: d("99"), Years: years("99", "99", "99")}, // 99, on a post of no seat
		}, []string{"P B 60 1 true", "P A 35 2 true", "Q C 99 1 false"}},
		{"a score of 0 (absent from the test) is a score like any other", competitionWeights(), map[string]int{"P": 2}, []staff.Candidate{
			{ID: "A", Post: "P", Competition: d("0"), Years: years("100", "100", "100")}, // 0 + 30 = 30
			{ID: "B", Post: "P", Competition: d("40"), Years: years("0", "0", "0")},      // 28
		}, []string{"P A 30 1 true", "P B 28 2 true"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eachOrder(tt.cands, func(in []staff.Candidate) {
				got, err := staff.Select(in, tt.w, tt.quotas)
				if err != nil {
					t.Fatalf("Select of %v: %v", ids(in), err)
				}
				if diff := cmp.Diff(tt.want, placed(got)); diff != "" {
					t.Errorf("Select of %v mismatch (-want +got):\n%s", ids(in), diff)
				}
			})
		})
	}
}

// TestAppraiseByHand: totals by hand with weights that do not divide
// evenly, graded at and just below each grade's points (a total is graded
// exact, never rounded up onto a grade), ties sharing a rank, and one
// person in two categories ranked in each.
func TestAppraiseByHand(t *testing.T) {
	a := &staff.Appraisal{
		Categories: []staff.PostCategory{
			{Code: "grid", Weights: assessment.Weights{"a": d("0.45"), "b": d("0.35"), "c": d("0.2")}},
			{Code: "desk", Weights: assessment.Weights{"x": d("0.65"), "y": d("0.35")}},
		},
		Scale: scoring.Scale{{Code: "优秀", Points: d("90")}, {Code: "称职", Points: d("70")}, {Code: "基本称职", Points: d("60")}, {Code: "不称职", Points: d("0")}},
	}
	abc := func(person, x, y, z string) staff.Score {
		return staff.Score{Person: person, Category: "grid", Scores: map[string]decimal.Decimal{"a": d(x), "b": d(y), "c": d(z)}}
	}
	xy := func(person, x, y string) staff.Score {
		return staff.Score{Person: person, Category: "desk", Scores: map[string]decimal.Decimal{"x": d(x), "y": d(y)}}
	}
	scores := []staff.Score{
		abc("p1", "100", "80", "85"),     // 45 + 28 + 17 = 90: exactly 优秀's points
		abc("p2", "100", "80", "84.975"), // 45 + 28 + 16.995 = 89.995: 称职, not rounded up to 90
		abc("p3", "88.5", "92", "79"),    // 39.825 + 32.2 + 15.8 = 87.825
		abc("p4", "70", "70", "70"),      // 70: exactly 称职's points
		abc("p5", "60", "80", "69.95"),   // 27 + 28 + 13.99 = 68.99: 基本称职
		abc("p6", "60", "60", "60"),      // 60: exactly 基本称职's points
		abc("p7", "50", "70", "64.975"),  // 22.5 + 24.5 + 12.995 = 59.995: 不称职
		abc("p8", "-10", "0", "0"),       // -4.5: below every grade, the lowest
		abc("p9", "60", "60", "60.00"),   // 60, tied with p6
		xy("p1", "91.3", "87.7"),         // 59.345 + 30.695 = 90.04
		xy("q1", "89.99", "90.03"),       // 58.4935 + 31.5105 = 90.004
	}
	want := []string{
		"grid p1 90 优秀 1", "grid p2 89.995 称职 2", "grid p3 87.825 称职 3", "grid p4 70 称职 4",
		"grid p5 68.99 基本称职 5", "grid p6 60 基本称职 6", "grid p9 60 基本称职 6", "grid p7 59.995 不称职 8",
		"grid p8 -4.5 不称职 9",
		"desk p1 90.04 优秀 1", "desk q1 90.004 优秀 2",
	}
	got, err := a.Appraise(scores)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, x := range got {
		lines = append(lines, fmt.Sprintf("%s %s %s %s %d", x.Category, x.Person, x.Total, x.Grade, x.Rank))
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("Appraise mismatch (-want +got):\n%s", diff)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		in := slices.Clone(scores)
		r.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		again, err := a.Appraise(in)
		if diff := cmp.Diff(got, again); err != nil || diff != "" {
			t.Fatalf("Appraise shuffled: %v, mismatch (-want +got):\n%s", err, diff)
		}
	}
}

// TestOrderDoesNotMatter: Select and Appraise give the same result for
// every shuffle of many people on few distinct scores, so that ties in
// total, in competition score and in every year abound.
func TestOrderDoesNotMatter(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pick := func(vs ...string) decimal.Decimal { return d(vs[r.IntN(len(vs))]) }
	var cands []staff.Candidate
	var scores []staff.Score
	for i := range 60 {
		id := fmt.Sprintf("C%02d", i)
		post := []string{"P", "Q", "R"}[r.IntN(3)]
		cands = append(cands, staff.Candidate{ID: id, Post: post, Competition: pick("80", "80.0", "87"),
			Years: []decimal.Decimal{pick("85", "100"), pick("85", "100"), pick("60", "85")}})
		scores = append(scores, staff.Score{Person: id, Category: []string{"grid", "clerk"}[i%2]})
		if i%2 == 0 {
			scores[i].Scores = map[string]decimal.Decimal{"patrol": pick("90", "80"), "cases": pick("90", "100"), "feedback": pick("70", "95")}
		} else {
			scores[i].Scores = map[string]decimal.Decimal{"service": pick("90", "70"), "accuracy": pick("70", "90")}
		}
	}
	quotas := map[string]int{"P": 5, "Q": 3, "R": 30}
	wantPlaced, err := staff.Select(cands, competitionWeights(), quotas)
	if err != nil {
		t.Fatal(err)
	}
	wantAppraised, err := appraisal().Appraise(scores)
	if err != nil {
		t.Fatal(err)
	}
	for range 100 {
		r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
		r.Shuffle(len(scores), func(i, j int) { scores[i], scores[j] = scores[j], scores[i] })
		got, err := staff.Select(cands, competitionWeights(), quotas)
		if diff := cmp.Diff(placed(wantPlaced), placed(got)); err != nil || diff != "" {
			t.Fatalf("Select shuffled: %v, mismatch (-want +got):\n%s", err, diff)
		}
		again, err := appraisal().Appraise(scores)
		if diff := cmp.Diff(wantAppraised, again); err != nil || diff != "" {
			t.Fatalf("Appraise shuffled: %v, mismatch (-want +got):\n%s", err, diff)
		}
	}
}
