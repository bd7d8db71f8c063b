package scoring_test

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// This file reads TableRule's documentation literally, with big.Rat and
// no cleverness, and holds Table.Evaluate, the compiled evaluator and
// Validate's claims (no gaps; a rule that can never fire) to that reading.

// naiveRatio is actual ÷ limit as TableRule's documentation defines it: 0
// for a limit of 0 or less ("no limit") and for a negative actual time.
func naiveRatio(actual, limit time.Duration) *big.Rat {
	if limit <= 0 || actual < 0 {
		return new(big.Rat)
	}
	return big.NewRat(int64(actual), int64(limit))
}

// naiveMatches reports whether every condition of r holds for f, as the
// documentation of TableRule, Facts and Satisfaction says.
func naiveMatches(r *scoring.TableRule, f *scoring.Facts) bool {
	is := func(cond *bool, v bool) bool { return cond == nil || *cond == v }
	one := big.NewRat(1, 1)
	resp, res := naiveRatio(f.Response, f.ResponseLimit), naiveRatio(f.Resolution, f.ResolutionLimit)
	answer := map[scoring.Satisfaction]bool{
		scoring.AnySatisfaction: true,
		scoring.Satisfied:       f.Satisfied != nil && *f.Satisfied,
		scoring.Dissatisfied:    f.Satisfied != nil && !*f.Satisfied,
		scoring.Unsurveyed:      f.Satisfied == nil,
		scoring.NotDissatisfied: f.Satisfied == nil || *f.Satisfied,
	}
	ratio := func(x *decimal.Decimal, of *big.Rat, over bool) bool {
		if x == nil {
			return true
		}
		t, ok := new(big.Rat).SetString(x.String())
		if !ok {
			panic(x.String())
		}
		if over {
			return of.Cmp(t) > 0
		}
		return of.Cmp(t) <= 0
	}
	return (len(r.Types) == 0 || slices.Contains(r.Types, f.Type)) &&
		is(r.Responded, f.Responded) && is(r.Resolved, f.Resolved) && is(r.Returned, f.Returned) && is(r.Final, f.Final) &&
		is(r.Urged, f.Urged >= 1) && is(r.Supervised, f.Supervised >= 1) &&
		is(r.ResponseOnTime, f.Responded && resp.Cmp(one) <= 0) &&
		is(r.ResolutionOnTime, f.Resolved && res.Cmp(one) <= 0) &&
		is(r.QualityGiven, f.Quality != 0) &&
		(r.QualityMin == 0 || f.Quality != 0 && f.Quality >= r.QualityMin) &&
		(r.QualityMax == 0 || f.Quality != 0 && f.Quality <= r.QualityMax) &&
		answer[r.Satisfaction] &&
		ratio(r.ResponseAtMost, resp, false) && ratio(r.ResponseOver, resp, true) &&
		ratio(r.ResolutionAtMost, res, false) && ratio(r.ResolutionOver, res, true)
}

// naiveFirst is the 0-based index of the first rule of t that matches f,
// -1 if none.
func naiveFirst(t *scoring.Table, f *scoring.Facts) int {
	for i := range t.Rules {
		if naiveMatches(&t.Rules[i], f) {
			return i
		}
	}
	return -1
}

// naiveThresholds are thresholds of every form: zero and one written
// several ways, whole hundredths, finer ones, a positive exponent, one
// too fine for 18 places, one too large for any ratio of durations, and
// a negative one, which Validate refuses and Evaluate compares as it is.
var naiveThresholds = []decimal.Decimal{
	decimal.Zero, decimal.RequireFromString("0.00"), decimal.NewFromInt(1), decimal.RequireFromString("1.000"),
	decimal.RequireFromString("0.5"), decimal.RequireFromString("0.50"), decimal.New(25, -1), decimal.RequireFromString("1.25"),
	decimal.RequireFromString("0.9995"), decimal.New(1, 1), decimal.New(3, 2), decimal.RequireFromString("0.333333333333333333333"),
	decimal.New(1, -30), decimal.New(1, 19), decimal.New(9223372036854775807, 0), decimal.RequireFromString("1.000000000000000000001"),
	decimal.New(-5, -1),
}

// naiveDurations are times and limits at the edges: 0, ±1, the largest
// and smallest durations, an hour.
var naiveDurations = []time.Duration{0, 1, -1, 2, time.Hour, 4 * time.Hour, math.MaxInt64, math.MinInt64, -time.Hour}

// naiveThreshold draws one of naiveThresholds.
func naiveThreshold(rng *rand.Rand) *decimal.Decimal {
	x := naiveThresholds[rng.IntN(len(naiveThresholds))]
	return &x
}

// naiveFacts are facts whose times are at the edges, on a threshold of
// naiveThresholds over a limit (±1), or anywhere.
func naiveFacts(rng *rand.Rand) scoring.Facts {
	yes, no := true, false
	at := func() (time.Duration, time.Duration) {
		limit := naiveDurations[rng.IntN(len(naiveDurations))]
		switch rng.IntN(3) {
		case 0:
			return naiveDurations[rng.IntN(len(naiveDurations))], limit
		case 1:
			return time.Duration(rng.Int64()), time.Duration(rng.Int64N(int64(1000 * time.Hour)))
		}
		limit = time.Duration(1 + rng.Int64N(int64(1000*time.Hour)))
		a := naiveThreshold(rng).Mul(decimal.NewFromInt(int64(limit))).Truncate(0)
		if !a.BigInt().IsInt64() {
			return math.MaxInt64, limit
		}
		return time.Duration(a.IntPart() + rng.Int64N(3) - 1), limit
	}
	f := scoring.Facts{Matter: "M", Subject: "D", Type: []string{"a", "b", "", "c"}[rng.IntN(4)],
		Responded: rng.IntN(2) == 0, Resolved: rng.IntN(2) == 0, Returned: rng.IntN(2) == 0, Final: rng.IntN(2) == 0,
		Urged: rng.IntN(3), Supervised: rng.IntN(3), Quality: rng.IntN(6), Satisfied: []*bool{nil, &yes, &no}[rng.IntN(3)]}
	f.Response, f.ResponseLimit = at()
	f.Resolution, f.ResolutionLimit = at()
	return f
}

// neverFires finds the rules Validate says can never fire.
var neverFires = regexp.MustCompile(`rules\[(\d+)\] .*? can never fire`)

// TestTablesGradeAsTheirDocSays: over random tables of every condition,
// valid or not, and facts at every edge (no limit, negative and the
// largest times, exactly on a threshold and one nanosecond either side),
// Table.Evaluate grades by the first rule that a literal reading of
// TableRule's documentation matches, or refuses with ErrNoRule when none
// does; a table that compiles grades the same; a table Validate accepts
// has no facts that no rule matches, and a rule Validate says can never
// fire is never the first to match.
func TestTablesGradeAsTheirDocSays(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 2026))
	var valid, graded, none, deadRules int
	for n := range 600 {
		tbl := &scoring.Table{Version: fmt.Sprint("naive-", n), Lang: reason.Lang(rng.IntN(2)), Scale: wuhu.Scale()}
		for i := range 1 + rng.IntN(6) {
			tbl.Rules = append(tbl.Rules, randomRuleOf(rng, i, rng.IntN(6), naiveThreshold, []string{"a", "b", ""}))
		}
		compiled, cerr := tbl.Compile()
		if cerr == nil {
			valid++
		}
		dead := map[int]bool{}
		if err := tbl.Validate(); err != nil {
			for _, m := range neverFires.FindAllStringSubmatch(err.Error(), -1) {
				i, _ := strconv.Atoi(m[1])
				dead[i] = true
			}
			deadRules += len(dead)
		}
		for range 120 {
			f := naiveFacts(rng)
			want := naiveFirst(tbl, &f)
			got, err := tbl.Evaluate(f)
			switch {
			case want < 0 && !errors.Is(err, scoring.ErrNoRule):
				t.Fatalf("%s: no rule matches %+v by the doc, yet Evaluate = %+v, %v\nrules %+v", tbl.Version, f, got, err, tbl.Rules)
			case want >= 0 && (err != nil || len(got.Reasons) != 1 || got.Reasons[0].Rule != want+1 || got.Grade != tbl.Rules[want].Grade):
				t.Fatalf("%s: rule %d matches %+v first by the doc, yet Evaluate = %+v, %v\nrules %+v", tbl.Version, want+1, f, got, err, tbl.Rules)
			case want >= 0 && dead[want]:
				t.Fatalf("%s: Validate says rules[%d] can never fire, yet it is the first to match %+v\nrules %+v", tbl.Version, want, f, tbl.Rules)
			case want < 0 && cerr == nil:
				t.Fatalf("%s: Validate found no gap, yet no rule matches %+v\nrules %+v", tbl.Version, f, tbl.Rules)
			}
			if want < 0 {
				none++
			} else {
				graded++
			}
			if cerr == nil {
				c, err := compiled.Evaluate(f)
				if err != nil || !sameResult(got, c) {
					t.Fatalf("%s: the compiled table grades %+v as %+v, %v; Evaluate as %+v", tbl.Version, f, c, err, got)
				}
			}
		}
	}
	t.Logf("%d valid tables, %d rules that can never fire; %d facts graded, %d matched by no rule", valid, deadRules, graded, none)
	if valid < 50 || deadRules < 100 || graded < 40000 || none < 10000 {
		t.Errorf("the random tables gave %d valid tables, %d rules that can never fire, %d facts graded and %d matched by no rule; want more of each",
			valid, deadRules, graded, none)
	}
}

// TestTableEvaluateFarThresholds: a table that is not validated may hold
// a threshold far below or above any ratio of durations, such as
// 10^-10000000 made in Go, and Evaluate compares with it exactly, as the
// doc reads, without working out its ten million places.
func TestTableEvaluateFarThresholds(t *testing.T) {
	facts := []scoring.Facts{
		{Responded: true, Response: 0, ResponseLimit: time.Hour, Resolution: time.Hour, ResolutionLimit: 4 * time.Hour},
		{Responded: true, Response: 1, ResponseLimit: math.MaxInt64, Resolution: 1, ResolutionLimit: math.MaxInt64},
		{Responded: true, Response: math.MaxInt64, ResponseLimit: 1, Resolution: math.MaxInt64, ResolutionLimit: 1},
		{Responded: true, Response: 3 * time.Hour, ResponseLimit: 4 * time.Hour},
	}
	for _, tt := range []struct {
		x    decimal.Decimal
		want []int // the rule that grades each of facts
	}{
		{decimal.New(1, -10_000_000), []int{1, 2, 2, 3}}, // only a ratio of 0 is at most it
		{decimal.New(5, -100_000_000), []int{1, 2, 2, 3}},
		{decimal.New(3, 10_000_000), []int{1, 1, 1, 1}},           // every ratio is at most it
		{decimal.New(-1, 100_000_000), []int{2, 2, 2, 2}},         // every ratio is over it
		{decimal.RequireFromString("1e-9999"), []int{1, 2, 2, 3}}, // as small as decimal's parser reads
	} {
		tbl := &scoring.Table{Version: "far", Scale: wuhu.Scale(), Rules: []scoring.TableRule{
			{Name: "at most", Grade: "good", ResponseAtMost: &tt.x},
			{Name: "over", Grade: "fair", ResolutionOver: &tt.x},
			{Name: "rest", Grade: "poor"},
		}}
		for i, f := range facts {
			start := time.Now()
			got, err := tbl.Evaluate(f)
			if took := time.Since(start); took > time.Second {
				t.Errorf("threshold %se%d, facts %d: Evaluate took %v", tt.x.Coefficient(), tt.x.Exponent(), i, took)
			}
			if err != nil || got.Reasons[0].Rule != tt.want[i] {
				t.Errorf("threshold %se%d, facts %d: Evaluate = %+v, %v; want rule %d", tt.x.Coefficient(), tt.x.Exponent(), i, got, err, tt.want[i])
			}
		}
	}
}
