package scoring

import (
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

func TestScoresComposite(t *testing.T) {
	b := NewBook(nil)
	recordAll(t, b,
		// D1: a matter in three stages (mean 95) and one in one (40): (95 + 40) / 2.
		eval("M1", "D1", 1, june, "excellent", "100"),
		eval("M1", "D1", 2, june, "excellent", "100"),
		eval("M1", "D1", 3, june, "good", "85"),
		eval("M2", "D1", 0, june, "poor", "40"),
		// D2: 100 and 70.01: 85.005 rounds half up once, at the end.
		eval("M3", "D2", 0, june, "excellent", "100"),
		eval("M4", "D2", 0, june, "fair", "70.01"),
		// D3: thirds, exact until rounded: (100 + 85 + 85) / 3 = 90.
		eval("M5", "D3", 1, june, "excellent", "100"),
		eval("M5", "D3", 2, june, "good", "85"),
		eval("M5", "D3", 3, june, "good", "85"),
		// D4: one matter of two stages, 85 and 70.01: 77.505 → 77.51.
		eval("M6", "D4", 1, june, "good", "85"),
		eval("M6", "D4", 2, june, "fair", "70.01"),
	)
	got := b.Scores(Year(2020))
	want := []Score{
		{Subject: "D3", Matters: 1, Evaluations: 3, Composite: decimal.RequireFromString("90"), Grades: map[string]int{"excellent": 1, "good": 2}, Rank: 1},
		{Subject: "D2", Matters: 2, Evaluations: 2, Composite: decimal.RequireFromString("85.01"), Grades: map[string]int{"excellent": 1, "fair": 1}, Rank: 2},
		{Subject: "D4", Matters: 1, Evaluations: 2, Composite: decimal.RequireFromString("77.51"), Grades: map[string]int{"good": 1, "fair": 1}, Rank: 3},
		{Subject: "D1", Matters: 2, Evaluations: 4, Composite: decimal.RequireFromString("67.5"), Grades: map[string]int{"excellent": 2, "good": 1, "poor": 1}, Rank: 4},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Scores mismatch (-want +got):\n%s", diff)
	}
}

func TestScoresRankTies(t *testing.T) {
	b := NewBook(nil)
	recordAll(t, b,
		eval("M1", "C", 0, june, "excellent", "100"),
		eval("M2", "B", 0, june, "good", "85"),
		eval("M3", "A", 0, june, "good", "85"),
		eval("M4", "D", 0, june, "fair", "70"),
		eval("M5", "E", 0, june, "fair", "70.004"), // rounds to 70.00: ties with D
	)
	var got []string
	for _, s := range b.Scores(Year(2020)) {
		got = append(got, fmt.Sprintf("%d %s %s", s.Rank, s.Subject, jsonx.FormatDecimal(s.Composite)))
	}
	want := []string{"1 C 100", "2 A 85", "2 B 85", "4 D 70", "4 E 70"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ranks mismatch (-want +got):\n%s", diff)
	}
}

func TestScoresPeriods(t *testing.T) {
	// 2020-06-15 is a Monday.
	mon := time.Date(2020, 6, 15, 0, 0, 0, 0, cst)
	b := NewBook(nil)
	recordAll(t, b,
		eval("M1", "D1", 0, mon, "excellent", "100"),                                      // Monday 00:00: in the week and day
		eval("M2", "D1", 0, mon.Add(-time.Nanosecond), "poor", "40"),                      // Sunday: the week before
		eval("M3", "D1", 0, mon.AddDate(0, 0, 7), "fair", "70"),                           // next Monday: not in this week
		eval("M4", "D1", 0, time.Date(2020, 6, 30, 16, 30, 0, 0, time.UTC), "good", "85"), // 1 July 00:30 CST
		eval("M5", "D1", 0, time.Date(2021, 1, 1, 0, 0, 0, 0, cst), "good", "85"),         // next year
	)
	tests := []struct {
		name string
		p    Period
		want int
	}{
		{"year", Year(2020), 4},
		{"june", Month(2020, time.June), 3},
		{"july", Month(2020, time.July), 1},
		{"week", Week(mon.Add(3 * 24 * time.Hour)), 1},
		{"week from UTC Sunday night", Week(time.Date(2020, 6, 14, 16, 0, 0, 0, time.UTC)), 1},
		{"day", Day(mon.Add(23 * time.Hour)), 1},
		{"day in CST of a UTC time", Day(time.Date(2020, 6, 30, 16, 30, 0, 0, time.UTC)), 1},
		{"zero period", Period{}, 0},
		{"backwards", Period{From: Year(2021).From, To: Year(2020).From}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := 0
			for _, s := range b.Scores(tt.p) {
				got += s.Evaluations
			}
			if got != tt.want {
				t.Errorf("Scores(%v) counts %d evaluations, want %d", tt.p, got, tt.want)
			}
		})
	}
	if w := Week(mon.Add(50 * time.Hour)); !w.From.Equal(mon) || !w.To.Equal(mon.AddDate(0, 0, 7)) {
		t.Errorf("Week = %v, want Monday to Monday from %v", w, mon)
	}
}

// randomHistory returns evaluations and amendments of a synthetic period.
func randomHistory(r *rand.Rand, n int) ([]Evaluation, []Amendment) {
	grades := testScale()
	var es []Evaluation
	keys := map[string]bool{}
	for len(es) < n {
		g := grades[r.IntN(len(grades))]
		e := Evaluation{
			Matter:    fmt.Sprintf("M%d", r.IntN(n)),
			Subject:   fmt.Sprintf("D%d", r.IntN(7)),
			Evaluator: fmt.Sprintf("S%d", r.IntN(2)),
			Stage:     r.IntN(3),
			At:        Year(2020).From.Add(time.Duration(r.Int64N(int64(400 * 24 * time.Hour)))),
			Result:    Result{Grade: g.Code, Points: g.Points, Policy: "p"},
		}
		switch r.IntN(10) {
		case 0: // points that need the exact fallback
			e.Result.Points = decimal.New(r.Int64N(1000)+1, -int32(r.IntN(12)+7))
		case 1: // any decimal
			e.Result.Points = decimal.New(r.Int64N(20000)-1000, -2)
		}
		k := fmt.Sprint(e.Matter, e.Subject, e.Evaluator, e.Stage)
		if keys[k] {
			continue
		}
		keys[k] = true
		es = append(es, e)
	}
	return es, randomAmendments(r, es, func() Result {
		g := grades[r.IntN(len(grades))]
		return Result{Grade: g.Code, Points: g.Points, Policy: "p2"}
	})
}

// randomAmendments returns up to two amendments of some of es, each with
// a result drawn by result, dated up to two hours after the evaluation
// (equal times happen), no two the same.
func randomAmendments(r *rand.Rand, es []Evaluation, result func() Result) []Amendment {
	var as []Amendment
	for _, e := range es {
		for range r.IntN(3) * r.IntN(2) {
			res := result()
			a := Amendment{Evaluation: e, Author: fmt.Sprintf("A%d", r.IntN(3)), Reason: "r"}
			a.At, a.Result = e.At.Add(time.Duration(r.IntN(3))*time.Hour), res
			if !slices.ContainsFunc(as, func(b Amendment) bool {
				return amendmentCmp(a, b) == 0 && keyCmp(&a.Evaluation, &b.Evaluation) == 0
			}) {
				as = append(as, a)
			}
		}
	}
	return as
}

// forRandomHistories calls check with each of seeds random histories,
// drawn from r of the seed and stream, of at least least evaluations and
// fewer than least+spread, and the book that records each whole; check
// may go on drawing from r.
func forRandomHistories(t *testing.T, seeds, stream uint64, least, spread int,
	check func(seed uint64, r *rand.Rand, es []Evaluation, as []Amendment, ref *Book)) {
	t.Helper()
	for seed := range seeds {
		r := rand.New(rand.NewPCG(seed, stream))
		es, as := randomHistory(r, least+r.IntN(spread))
		check(seed, r, es, as, bookOf(t, es, as))
	}
}

// referenceScores computes scores the slow, obvious way.
func referenceScores(es []Evaluation, as []Amendment, p Period) map[string][2]any {
	type key struct {
		m, s, v string
		st      int
	}
	latest := map[key]Amendment{}
	for _, a := range as {
		k := key{a.Matter, a.Subject, a.Evaluator, a.Stage}
		if l, ok := latest[k]; !ok || amendmentCmp(l, a) < 0 {
			latest[k] = a
		}
	}
	perMatter := map[[2]string][]*big.Rat{}
	for _, e := range es {
		if e.At.Before(p.From) || !e.At.Before(p.To) {
			continue
		}
		pts := e.Result.Points
		if a, ok := latest[key{e.Matter, e.Subject, e.Evaluator, e.Stage}]; ok {
			pts = a.Result.Points
		}
		k := [2]string{e.Subject, e.Matter}
		perMatter[k] = append(perMatter[k], pts.Rat())
	}
	sums := map[string]*big.Rat{}
	counts := map[string]int{}
	for k, ps := range perMatter {
		mean := new(big.Rat)
		for _, x := range ps {
			mean.Add(mean, x)
		}
		mean.Quo(mean, big.NewRat(int64(len(ps)), 1))
		if sums[k[0]] == nil {
			sums[k[0]] = new(big.Rat)
		}
		sums[k[0]].Add(sums[k[0]], mean)
		counts[k[0]]++
	}
	out := map[string][2]any{}
	for s, sum := range sums {
		c := new(big.Rat).Quo(sum, big.NewRat(int64(counts[s]), 1))
		out[s] = [2]any{counts[s], c.FloatString(2)}
	}
	return out
}

func periods() []Period {
	ps := []Period{Year(2020), Year(2021), Month(2020, time.February), Week(june), Day(june)}
	for m := time.January; m <= time.December; m += 3 {
		ps = append(ps, Month(2020, m))
	}
	return ps
}

// TestBookOrderIndependent records the same history in random orders and
// shards, and checks that every score, the evaluations, the amendments and
// the JSON are the same, and that the scores agree with a slow reference.
func TestBookOrderIndependent(t *testing.T) {
	forRandomHistories(t, 12, 7, 60, 200, func(seed uint64, r *rand.Rand, es []Evaluation, as []Amendment, ref *Book) {
		refJSON, err := json.Marshal(ref)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range periods() {
			want := referenceScores(es, as, p)
			got := map[string][2]any{}
			for _, s := range ref.Scores(p) {
				got[s.Subject] = [2]any{s.Matters, s.Composite.StringFixed(2)}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("seed %d, %v: scores against the reference mismatch (-want +got):\n%s", seed, p.From, diff)
			}
		}

		// Shard and shuffle: each shard holds some evaluations and their
		// amendments; shards are merged in random order.
		shards := make([]*Book, 1+r.IntN(5))
		for i := range shards {
			shards[i] = NewBook(nil)
		}
		where := map[string]int{}
		perm := r.Perm(len(es))
		for _, i := range perm {
			e := es[i]
			s := r.IntN(len(shards))
			where[fmt.Sprint(e.Matter, e.Subject, e.Evaluator, e.Stage)] = s
			recordAll(t, shards[s], e)
		}
		for _, i := range r.Perm(len(as)) {
			a := as[i]
			if err := shards[where[fmt.Sprint(a.Matter, a.Subject, a.Evaluator, a.Stage)]].Amend(a); err != nil {
				t.Fatal(err)
			}
		}
		got := shards[0]
		for _, i := range r.Perm(len(shards) - 1) {
			if err := got.Merge(shards[i+1]); err != nil {
				t.Fatal(err)
			}
		}
		for _, p := range periods() {
			if diff := cmp.Diff(ref.Scores(p), got.Scores(p)); diff != "" {
				t.Fatalf("seed %d, %v: sharded scores mismatch (-want +got):\n%s", seed, p.From, diff)
			}
		}
		gotJSON, err := json.Marshal(got)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(refJSON), string(gotJSON)); diff != "" {
			t.Fatalf("seed %d: sharded book JSON mismatch (-want +got):\n%s", seed, diff)
		}
		// And the JSON round-trips.
		var back Book
		if err := json.Unmarshal(refJSON, &back); err != nil {
			t.Fatal(err)
		}
		if backJSON, _ := json.Marshal(&back); string(backJSON) != string(refJSON) {
			t.Fatalf("seed %d: book JSON round trip mismatch (-want +got):\n%s", seed, cmp.Diff(string(refJSON), string(backJSON)))
		}
		if diff := cmp.Diff(ref.Evaluations(), back.Evaluations()); diff != "" {
			t.Fatalf("seed %d: evaluations after a round trip mismatch (-want +got):\n%s", seed, diff)
		}
	})
}
