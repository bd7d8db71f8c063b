package scoring

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qingdan/qingdan/scoring/internal/ledger/ledgertest"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// These tests check, through the exported API, the edges of how a book
// keeps an evaluation: times far from the present, points that are not
// whole millionths or are huge, runs of reasons, amendments of those, and
// matter IDs at the edges of the book's matter index.

// nanoEdge is the last whole second, either side of 1970, whose times a
// book keeps as int64 nanoseconds: 2^62 ns / 1e9, less one. Its times fall
// in November 1823 and February 2116.
const nanoEdge = 4611686017

// Instants around the edges of the nanosecond range, each with
// nanoseconds so that none is lost unnoticed.
var (
	encFarPast   = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	encFarFuture = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	y1700        = time.Date(1700, 3, 1, 12, 0, 0, 123456789, cst)
	y2300        = time.Date(2300, 6, 1, 0, 0, 0, 5, cst)
	year1        = time.Unix(-62135596800, 0).Add(time.Second + 7) // 0001-01-01 00:00:01.000000007 UTC
)

// encTime is a named instant of the edge cases, with points of its own:
// powers of two, so that the mean of any set of them tells which it holds.
type encTime struct {
	name   string
	at     time.Time
	points string
}

var encTimes = []encTime{
	{"year 1", year1, "1"},
	{"1700", y1700, "2"},
	{"edge-1 (far)", time.Unix(-nanoEdge-1, 999_999_999), "4"},
	{"edge (far)", time.Unix(-nanoEdge, 0), "8"},
	{"edge+ns (far)", time.Unix(-nanoEdge, 999_999_999), "16"},
	{"edge+1 (near)", time.Unix(-nanoEdge+1, 0), "32"},
	{"1823-12-31", time.Date(1823, 12, 31, 23, 59, 59, 999_999_999, cst), "64"},
	{"1824-01-02", time.Date(1824, 1, 2, 0, 0, 0, 1, cst), "128"},
	{"2115-12-31", time.Date(2115, 12, 31, 23, 59, 59, 999_999_999, cst), "256"},
	{"2116-01-02", time.Date(2116, 1, 2, 0, 0, 0, 1, cst), "512"},
	{"+edge-1 (near)", time.Unix(nanoEdge-1, 999_999_999), "1024"},
	{"+edge (far)", time.Unix(nanoEdge, 0), "2048"},
	{"+edge+1 (far)", time.Unix(nanoEdge+1, 1), "4096"},
	{"2300", y2300, "8192"},
}

// encCase is one edge case: evaluations, their amendments in the order
// Amendments returns them (they are recorded in reverse), and the scores
// wanted for some periods.
type encCase struct {
	name   string
	evals  []Evaluation
	amends []Amendment
	scores []encPeriod
}

type encPeriod struct {
	name string
	p    Period
	want []Score
}

// encComposite returns the composite of a subject's matters, each given
// by the points that count of its evaluations in the period: the mean of
// the matters' means, rounded half away from zero to 2 places. It works in
// decimals over a common denominator, so that it is exact.
func encComposite(matters ...[]string) decimal.Decimal {
	l := int64(1)
	for _, m := range matters {
		n := int64(len(m))
		a, b := l, n
		for b != 0 {
			a, b = b, a%b
		}
		l = l / a * n
	}
	num := decimal.Zero
	for _, m := range matters {
		sum := decimal.Zero
		for _, p := range m {
			sum = sum.Add(decimal.RequireFromString(p))
		}
		num = num.Add(sum.Mul(decimal.NewFromInt(l / int64(len(m)))))
	}
	return num.DivRound(decimal.NewFromInt(l*int64(len(matters))), 2)
}

// encScore is the Score of a subject with the given grades and matters
// (see encComposite).
func encScore(subject string, rank int, grades map[string]int, matters ...[]string) Score {
	n := 0
	for _, m := range matters {
		n += len(m)
	}
	return Score{Subject: subject, Matters: len(matters), Evaluations: n, Composite: encComposite(matters...), Grades: grades, Rank: rank}
}

func encEval(matter, subject, evaluator string, stage int, at time.Time, grade, points string) Evaluation {
	return Evaluation{Matter: matter, Subject: subject, Evaluator: evaluator, Stage: stage, At: at,
		Result: Result{Grade: grade, Points: decimal.RequireFromString(points), Policy: "edge", Reasons: reason.Texts("r", grade)}}
}

func encAmend(e Evaluation, at time.Time, grade, points string) Amendment {
	a := Amendment{Evaluation: e, Author: "auditor", Reason: "recheck"}
	a.At = at
	a.Result = Result{Grade: grade, Points: decimal.RequireFromString(points), Policy: "amended"}
	return a
}

// encTimeCases returns the cases of times: each time alone, amended, and
// all of them at once, on a matter each and on one matter.
func encTimeCases(t *testing.T) []encCase {
	var cases []encCase
	for _, tc := range encTimes {
		e := encEval("T", "D1", "S1", 0, tc.at, "good", "85.5")
		late := encAmend(e, tc.at.Add(1), "fair", "70.25")
		early := encAmend(e, tc.at.Add(-time.Second), "poor", "1e30")
		counted := encScore("D1", 1, map[string]int{"fair": 1}, []string{"70.25"})
		cases = append(cases,
			encCase{name: tc.name + " alone", evals: []Evaluation{e}, scores: []encPeriod{
				{"exactly", Period{From: tc.at, To: tc.at.Add(1)}, []Score{encScore("D1", 1, map[string]int{"good": 1}, []string{"85.5"})}},
				{"after", Period{From: tc.at.Add(1), To: encFarFuture}, nil},
				{"before", Period{From: encFarPast, To: tc.at}, nil},
			}},
			encCase{name: tc.name + " amended", evals: []Evaluation{e}, amends: []Amendment{early, late}, scores: []encPeriod{
				{"exactly", Period{From: tc.at, To: tc.at.Add(1)}, []Score{counted}},
				{"all time", Period{From: encFarPast, To: encFarFuture}, []Score{counted}},
				{"at the amendment only", Period{From: tc.at.Add(1), To: tc.at.Add(2)}, nil},
			}})
	}

	// All the times at once; each period names the times it holds.
	in := func(oneMatter bool, names ...string) []Score {
		var ps []string
		for _, n := range names {
			i := slices.IndexFunc(encTimes, func(tc encTime) bool { return tc.name == n })
			if i < 0 {
				t.Fatalf("no time %q", n)
			}
			ps = append(ps, encTimes[i].points)
		}
		if len(ps) == 0 {
			return nil
		}
		grades := map[string]int{"good": len(ps)}
		if oneMatter {
			return []Score{encScore("D1", 1, grades, ps)}
		}
		var ms [][]string
		for _, p := range ps {
			ms = append(ms, []string{p})
		}
		return []Score{encScore("D1", 1, grades, ms...)}
	}
	var allNames []string
	for _, tc := range encTimes {
		allNames = append(allNames, tc.name)
	}
	for _, oneMatter := range []bool{false, true} {
		c := encCase{name: "all times, a matter each"}
		if oneMatter {
			c.name = "all times, one matter"
		}
		for i, tc := range encTimes {
			if oneMatter {
				// Stages and evaluators: still one matter.
				c.evals = append(c.evals, encEval("T", "D1", fmt.Sprint("S", i/3), i%3, tc.at, "good", tc.points))
			} else {
				c.evals = append(c.evals, encEval(fmt.Sprintf("T%02d", i), "D1", "S1", 0, tc.at, "good", tc.points))
			}
		}
		edgeBefore := time.Unix(-nanoEdge, 999_999_999)
		c.scores = []encPeriod{
			{"all time", Period{From: encFarPast, To: encFarFuture}, in(oneMatter, allNames...)},
			{"1700 to 2300", Period{From: time.Date(1700, 1, 1, 0, 0, 0, 0, cst), To: time.Date(2300, 1, 1, 0, 0, 0, 0, cst)},
				in(oneMatter, allNames[1:len(allNames)-1]...)},
			{"1800 to 1900", Period{From: time.Date(1800, 1, 1, 0, 0, 0, 0, cst), To: time.Date(1900, 1, 1, 0, 0, 0, 0, cst)},
				in(oneMatter, "edge-1 (far)", "edge (far)", "edge+ns (far)", "edge+1 (near)", "1823-12-31", "1824-01-02")},
			{"from 1700 to 2300 exactly", Period{From: y1700, To: y2300}, in(oneMatter, allNames[1:len(allNames)-1]...)},
			{"from just after 1700 to just after 2300", Period{From: y1700.Add(1), To: y2300.Add(1)}, in(oneMatter, allNames[2:]...)},
			{"far bounds at the edges", Period{From: edgeBefore, To: time.Unix(nanoEdge, 0)},
				in(oneMatter, "edge+ns (far)", "edge+1 (near)", "1823-12-31", "1824-01-02", "2115-12-31", "2116-01-02", "+edge-1 (near)")},
			{"near bounds at the edges", Period{From: time.Unix(-nanoEdge+1, 0), To: time.Unix(nanoEdge-1, 999_999_999)},
				in(oneMatter, "edge+1 (near)", "1823-12-31", "1824-01-02", "2115-12-31", "2116-01-02")},
			{"between two far times", Period{From: y1700.Add(1), To: time.Unix(-nanoEdge-1, 999_999_999)}, nil},
			{"far, after everything", Period{From: y2300.Add(1), To: encFarFuture}, nil},
			{"far, before everything", Period{From: encFarPast, To: year1}, nil},
			{"far and empty", Period{From: y2300, To: y1700}, nil},
		}
		cases = append(cases, c)
	}
	return cases
}

// encPointCases returns the cases of points at and beyond the fixed-point
// range. Most pair a point with another whose sum with it is 0.01 (or
// -0.01), so that the composite, 0.005 exactly, rounds away from zero only
// when no part of either point was lost; some fall 1e-7 short, so that it
// rounds to 0.00 only when no point was rounded up.
func encPointCases(t *testing.T) []encCase {
	// pair makes a case of two matters: p + q is 0.01 or -0.01, or, with
	// short, 0.0099999 or -0.0099999 (a mean that rounds to 0.00, unless
	// a point was rounded up).
	pair := func(name, p, q string, short ...bool) encCase {
		want := decimal.New(1, -2)
		if len(short) > 0 {
			want = decimal.New(99999, -7)
		}
		if sum := decimal.RequireFromString(p).Add(decimal.RequireFromString(q)); !sum.Abs().Equal(want) {
			t.Fatalf("%s: %s + %s = %s, not ±%s", name, p, q, sum, want)
		}
		return encCase{name: name,
			evals: []Evaluation{encEval("P1", "D1", "S1", 0, june, "good", p), encEval("P2", "D1", "S1", 0, june, "fair", q)},
			scores: []encPeriod{{"2020", Year(2020), []Score{
				encScore("D1", 1, map[string]int{"good": 1, "fair": 1}, []string{p}, []string{q})}}},
		}
	}
	cases := []encCase{
		pair("2^62-1 millionths", "4611686018427.387903", "-4611686018427.377903"),
		pair("2^62 millionths", "4611686018427.387904", "-4611686018427.377904"),
		pair("2^62+1 millionths", "4611686018427.387905", "-4611686018427.377905"),
		pair("-(2^62-1) millionths", "-4611686018427.387903", "4611686018427.397903"),
		pair("-2^62 millionths", "-4611686018427.387904", "4611686018427.397904"),
		pair("-(2^62+1) millionths", "-4611686018427.387905", "4611686018427.397905"),
		// The same edges in few digits: 2^62 millionths lies between these.
		pair("just under 2^62 millionths, 17 digits", "4611686018427.3879", "-4611686018427.3779"),
		pair("just over 2^62 millionths, 13 digits", "4611686018428", "-4611686018427.99"),
		pair("just over -2^62 millionths, 17 digits", "-4611686018427.3879", "4611686018427.3979"),
		pair("just under -2^62 millionths, 13 digits", "-4611686018428", "4611686018428.01"),
		pair("9e12, in int64 millionths but over 2^62", "9e12", "-8999999999999.99"),
		pair("-9e12, in int64 millionths but under -2^62", "-9e12", "9000000000000.01"),
		pair("max int64 millionths", "9223372036854.775807", "-9223372036854.765807"),
		pair("1e-7", "0.0000001", "0.0099999"),
		pair("-1e-7", "-0.0000001", "-0.0099999"),
		pair("1e30", "1e30", "-999999999999999999999999999999.99"),
		pair("1e-30", "1e-30", "0.009999999999999999999999999999"),
		pair("9e-7, short of rounding up", "0.0000009", "0.009999", true),
		pair("-9e-7, short of rounding down", "-0.0000009", "-0.009999", true),
		pair("1e30 and 9e-7, short of rounding up", "1000000000000000000000000000000.0000009", "-999999999999999999999999999999.990001", true),
		pair("a millionth", "0.000001", "0.009999"),
		pair("ordinary", "85", "-84.99"),
		pair("many digits, a whole number", "1.00000000000000000000000", "-0.99"),
		pair("zero", "0", "0.01"),
	}
	cases = append(cases, encCase{name: "ordinary, rounded up",
		evals: []Evaluation{encEval("P1", "D1", "S1", 0, june, "good", "85"), encEval("P2", "D1", "S1", 0, june, "fair", "70.01")},
		scores: []encPeriod{{"2020", Year(2020), []Score{
			encScore("D1", 1, map[string]int{"good": 1, "fair": 1}, []string{"85"}, []string{"70.01"})}}},
	})
	// Fixed-point and exact points mixed in one matter, over stages and
	// evaluators: 4611686018427.387903 + 0.0000001 - 4611686018427.3729031
	// = 0.015, a mean of 0.005.
	three := []string{"4611686018427.387903", "0.0000001", "-4611686018427.3729031"}
	cases = append(cases, encCase{name: "mixed in one matter",
		evals: []Evaluation{encEval("P", "D1", "S1", 0, june, "good", three[0]), encEval("P", "D1", "S2", 0, june, "good", three[1]),
			encEval("P", "D1", "S1", 3, june, "good", three[2])},
		scores: []encPeriod{{"2020", Year(2020), []Score{encScore("D1", 1, map[string]int{"good": 3}, three)}}},
	})
	// The same, short of 0.015 by 1e-7: a mean that rounds to 0.00.
	short := []string{"4611686018427.387903", "0.0000009", "-4611686018427.372904"}
	cases = append(cases, encCase{name: "mixed in one matter, short of rounding up",
		evals: []Evaluation{encEval("P", "D1", "S1", 0, june, "good", short[0]), encEval("P", "D1", "S2", 0, june, "good", short[1]),
			encEval("P", "D1", "S1", 3, june, "good", short[2])},
		scores: []encPeriod{{"2020", Year(2020), []Score{encScore("D1", 1, map[string]int{"good": 3}, short)}}},
	})
	// Big sums: many points at 2^62 millionths in one matter and over
	// matters, far beyond an int64 of millionths.
	var many []Evaluation
	var oneMatter []string
	var perMatterM [][]string
	for i := range 40 {
		p := "4611686018427.387904"
		if i%2 == 1 {
			p = "4611686018427.387903"
		}
		many = append(many, encEval("BIG", "D1", fmt.Sprint("S", i), 0, june, "good", p))
		oneMatter = append(oneMatter, p)
		many = append(many, encEval(fmt.Sprint("BIG", i), "D2", "S1", 0, june, "good", p))
		perMatterM = append(perMatterM, []string{p})
	}
	cases = append(cases, encCase{name: "sums beyond int64", evals: many,
		scores: []encPeriod{{"2020", Year(2020), []Score{
			encScore("D1", 1, map[string]int{"good": 40}, oneMatter),
			encScore("D2", 1, map[string]int{"good": 40}, perMatterM...)}}}})
	return cases
}

// encAmendCases returns amendments of far and wide records, far and wide
// themselves.
func encAmendCases() []encCase {
	e := encEval("A", "D1", "S1", 0, y1700, "good", "0.0000001")
	near := encEval("A", "D1", "S1", 0, june, "good", "85")
	other := encEval("B", "D1", "S1", 0, june, "fair", "0.0099999")
	return []encCase{
		{name: "far and wide, amended far and wide", evals: []Evaluation{e},
			amends: []Amendment{
				encAmend(e, y1700.Add(1), "fair", "4611686018427.387905"),
				encAmend(e, time.Date(2115, 12, 31, 0, 0, 0, 0, cst), "fair", "70"),
				encAmend(e, y2300, "poor", "1e30"),
			},
			scores: []encPeriod{
				{"the 1700s", Period{From: time.Date(1700, 1, 1, 0, 0, 0, 0, cst), To: time.Date(1800, 1, 1, 0, 0, 0, 0, cst)},
					[]Score{encScore("D1", 1, map[string]int{"poor": 1}, []string{"1e30"})}},
				{"the 2300s", Period{From: time.Date(2300, 1, 1, 0, 0, 0, 0, cst), To: time.Date(2400, 1, 1, 0, 0, 0, 0, cst)}, nil},
			}},
		{name: "far, amended near to fixed points", evals: []Evaluation{encEval("A", "D1", "S1", 0, y2300, "good", "1e30")},
			amends: []Amendment{encAmend(encEval("A", "D1", "S1", 0, y2300, "good", "1e30"), june, "fair", "70.5")},
			scores: []encPeriod{
				{"the 2300s", Period{From: time.Date(2300, 1, 1, 0, 0, 0, 0, cst), To: time.Date(2400, 1, 1, 0, 0, 0, 0, cst)},
					[]Score{encScore("D1", 1, map[string]int{"fair": 1}, []string{"70.5"})}},
				{"2020", Year(2020), nil},
			}},
		{name: "near, amended to wide points", evals: []Evaluation{near, other},
			amends: []Amendment{encAmend(near, june.Add(time.Hour), "excellent", "0.0000001")},
			scores: []encPeriod{{"2020", Year(2020), []Score{
				encScore("D1", 1, map[string]int{"excellent": 1, "fair": 1}, []string{"0.0000001"}, []string{"0.0099999"})}}}},
		{name: "far amendments at one instant: the one whose JSON sorts last counts", evals: []Evaluation{e},
			amends: []Amendment{
				encAmend(e, y2300, "excellent", "1e-9"),
				encAmend(e, y2300, "fair", "1e30"),
				encAmend(e, y2300, "poor", "-4611686018427.387905"),
			},
			scores: []encPeriod{{"all time", Period{From: encFarPast, To: encFarFuture},
				[]Score{encScore("D1", 1, map[string]int{"poor": 1}, []string{"-4611686018427.387905"})}}}},
		{name: "amended within a matter of several evaluations", evals: []Evaluation{e, encEval("A", "D1", "S2", 0, y1700, "good", "1"),
			encEval("A", "D1", "S1", 1, june, "good", "4611686018427.387904")},
			amends: []Amendment{
				encAmend(e, year1, "fair", "5"),
				encAmend(encEval("A", "D1", "S1", 1, june, "good", "1"), y2300, "poor", "-4611686018427.387904"),
			},
			scores: []encPeriod{
				{"all time", Period{From: encFarPast, To: encFarFuture},
					[]Score{encScore("D1", 1, map[string]int{"fair": 1, "good": 1, "poor": 1}, []string{"5", "1", "-4611686018427.387904"})}},
				{"1700 to 2300", Period{From: y1700, To: y2300},
					[]Score{encScore("D1", 1, map[string]int{"fair": 1, "good": 1, "poor": 1}, []string{"5", "1", "-4611686018427.387904"})}},
				{"the 1700s", Period{From: time.Date(1700, 1, 1, 0, 0, 0, 0, cst), To: time.Date(1800, 1, 1, 0, 0, 0, 0, cst)},
					[]Score{encScore("D1", 1, map[string]int{"fair": 1, "good": 1}, []string{"5", "1"})}},
			}},
	}
}

// encReasonCases returns reasons kept once per run of identical lists of
// one grade and policy: runs broken by other lists, by another grade or
// policy, and by amendments; empty lists and lists of an empty string.
func encReasonCases() []encCase {
	long := strings.Repeat("长", 100) // 300 bytes: a two-byte length
	lists := [][]string{nil, {""}, {"a"}, {"a"}, {"a", ""}, {"a"}, {}, {"", ""}, {long}, {long}, {"a", long}, {"a"}}
	var es []Evaluation
	var amends []Amendment
	for i, rs := range lists {
		for j, grade := range []string{"good", "good", "fair"} {
			e := encEval(fmt.Sprintf("R%02d", i), "D1", fmt.Sprint("S", j), 0, june, grade, "85")
			e.Result.Reasons = reason.Texts(rs...)
			if j == 1 {
				e.Result.Policy = "other"
			}
			es = append(es, e)
		}
		if i%4 == 3 {
			a := encAmend(es[len(es)-1], june.Add(time.Hour), "good", "85")
			a.Result.Policy = "edge"
			a.Result.Reasons = reason.Texts(lists[len(lists)-1-i]...)
			amends = append(amends, a)
		}
	}
	return []encCase{{name: "runs of reasons", evals: es, amends: amends,
		scores: []encPeriod{{"2020", Year(2020), []Score{func() Score {
			var ms [][]string
			for range lists {
				ms = append(ms, []string{"85", "85", "85"})
			}
			return encScore("D1", 1, map[string]int{"good": 2*len(lists) + len(amends), "fair": len(lists) - len(amends)}, ms...)
		}()}}}}}
}

// encOpts compares books' contents: nil and empty alike, times and
// decimals by their Equal methods.
var encOpts = cmp.Options{cmpopts.EquateEmpty()}

func encKeyCmp(x, y Evaluation) int { return keyCmp(&x, &y) }

// encCheck checks a book against a case through Evaluations, Amendments
// and Scores.
func encCheck(t *testing.T, how string, b *Book, c encCase) {
	t.Helper()
	want := slices.Clone(c.evals)
	slices.SortStableFunc(want, encKeyCmp)
	got := b.Evaluations()
	if diff := cmp.Diff(want, got, encOpts); diff != "" {
		t.Errorf("%s: Evaluations() mismatch (-want +got):\n%s", how, diff)
	}
	for _, e := range got {
		if _, off := e.At.Zone(); off != 8*3600 {
			t.Errorf("%s: evaluation of %s at %v is not in China Standard Time", how, e.Matter, e.At)
		}
	}
	if diff := cmp.Diff(c.amends, b.Amendments(), encOpts); diff != "" {
		t.Errorf("%s: Amendments() mismatch (-want +got):\n%s", how, diff)
	}
	for _, p := range c.scores {
		if diff := cmp.Diff(p.want, b.Scores(p.p), encOpts); diff != "" {
			t.Errorf("%s: Scores(%s) mismatch (-want +got):\n%s", how, p.name, diff)
		}
	}
}

// TestRecordEncodingEdges records each edge case and checks it through
// the API, as recorded, after a JSON round trip, after a merge into an
// empty book and after a merge of two halves.
func TestRecordEncodingEdges(t *testing.T) {
	var cases []encCase
	cases = append(cases, encTimeCases(t)...)
	cases = append(cases, encPointCases(t)...)
	cases = append(cases, encAmendCases()...)
	cases = append(cases, encReasonCases()...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			amend := func(b *Book, keep func(Amendment) bool) {
				for i := len(c.amends) - 1; i >= 0; i-- {
					if keep(c.amends[i]) {
						if err := b.Amend(c.amends[i]); err != nil {
							t.Fatalf("Amend(%+v): %v", c.amends[i], err)
						}
					}
				}
			}
			all := func(Amendment) bool { return true }

			b := NewBook(nil)
			for _, e := range c.evals {
				if err := b.Record(e); err != nil {
					t.Fatalf("Record(%+v): %v", e, err)
				}
			}
			amend(b, all)
			encCheck(t, "Record", b, c)

			data, err := b.MarshalJSON()
			if err != nil {
				t.Fatalf("MarshalJSON: %v", err)
			}
			var back Book
			if err := back.UnmarshalJSON(data); err != nil {
				t.Fatalf("UnmarshalJSON: %v", err)
			}
			encCheck(t, "JSON round trip", &back, c)
			if again, err := back.MarshalJSON(); err != nil || string(again) != string(data) {
				t.Errorf("JSON round trip: MarshalJSON = %s, %v; want %s", again, err, data)
			}

			merged := NewBook(nil)
			if err := merged.Merge(b); err != nil {
				t.Fatalf("Merge into an empty book: %v", err)
			}
			encCheck(t, "Merge into an empty book", merged, c)

			// Two halves, each with side tables of its own.
			halves := [2]*Book{NewBook(nil), NewBook(nil)}
			for i, e := range c.evals {
				if err := halves[i%2].Record(e); err != nil {
					t.Fatal(err)
				}
			}
			for i := range halves {
				amend(halves[i], func(a Amendment) bool {
					return slices.IndexFunc(c.evals, func(e Evaluation) bool { return encKeyCmp(e, a.Evaluation) == 0 })%2 == i
				})
			}
			if err := halves[1].Merge(halves[0]); err != nil {
				t.Fatalf("Merge of halves: %v", err)
			}
			encCheck(t, "Merge of halves", halves[1], c)
			encCheck(t, "Record, after merges", b, c)
		})
	}
}

// TestAmendAtTheEdgesOfJSONYears amends an evaluation made at the first
// and the last instant JSON can write, twice at one instant with
// different grades: the amendments are not identical, so both are
// recorded, and the one that counts does not depend on their order.
// (amendmentCmp once ordered such amendments by their JSON, so that every
// such pair beyond those years compared equal and the second was refused;
// Record now refuses those years.)
func TestAmendAtTheEdgesOfJSONYears(t *testing.T) {
	last := time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, cst).Add(-2 * time.Hour)
	for _, at := range []time.Time{last, year1} {
		t.Run(fmt.Sprint(at.Year()), func(t *testing.T) {
			e := encEval("M", "D1", "S1", 0, at, "good", "85")
			fair := encAmend(e, at.Add(time.Hour), "fair", "70")
			poor := encAmend(e, at.Add(time.Hour), "poor", "40")
			all := Period{From: time.Date(-100, 1, 1, 0, 0, 0, 0, cst), To: time.Date(20000, 1, 1, 0, 0, 0, 0, cst)}
			var books []*Book
			for _, order := range [][]Amendment{{fair, poor}, {poor, fair}} {
				b := NewBook(nil)
				if err := b.Record(e); err != nil {
					t.Fatalf("Record: %v", err)
				}
				for _, a := range order {
					if err := b.Amend(a); err != nil {
						t.Errorf("Amend(%s at %v) = %v, want nil: it is not identical to the other amendment", a.Result.Grade, a.At, err)
					}
				}
				books = append(books, b)
			}
			if n := len(books[0].Amendments()); n != 2 {
				t.Errorf("Amendments() holds %d, want 2", n)
			}
			if diff := cmp.Diff(books[0].Amendments(), books[1].Amendments()); diff != "" {
				t.Errorf("Amendments() depend on the order of Amend (-fair first +poor first):\n%s", diff)
			}
			if diff := cmp.Diff(books[0].Scores(all), books[1].Scores(all)); diff != "" {
				t.Errorf("Scores depend on the order of Amend (-fair first +poor first):\n%s", diff)
			}
		})
	}
}

// TestRecordEdgeMatters records one evaluation of each edge ID, then each
// again: a valid ID is recorded once and found a duplicate the second
// time, whichever other IDs split like it but for a zero; an ID that is not
// valid UTF-8 (or empty) is refused as invalid. The book then merges and
// round-trips through JSON with every matter intact.
func TestRecordEdgeMatters(t *testing.T) {
	const prefixes = 4096 + 10 // past the most prefixes the index takes (maxPrefixes)
	var ids []string
	for i := range prefixes {
		ids = append(ids, fmt.Sprintf("q%d-1", i)) // fill the prefixes on the way
		if i%400 == 0 {
			ids = append(ids, ledgertest.EdgeIDs()...)
		}
	}
	ev := func(m string) Evaluation { return eval(m, "D1", 0, june, "good", "85") }
	b := NewBook(nil)
	wantMatters := map[string]bool{}
	for _, m := range ids {
		err := b.Record(ev(m))
		first := !wantMatters[m]
		valid := m != "" && utf8.ValidString(m)
		switch {
		case !valid:
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Record(matter %q) = %v, want ErrInvalid", m, err)
			}
		case first:
			if err != nil {
				t.Fatalf("Record(matter %q) = %v, want nil", m, err)
			}
			wantMatters[m] = true
		default:
			if !errors.Is(err, ErrDuplicate) {
				t.Fatalf("Record(matter %q) again = %v, want ErrDuplicate", m, err)
			}
		}
		if valid {
			if err := b.Record(ev(m)); !errors.Is(err, ErrDuplicate) {
				t.Fatalf("Record(matter %q) at once again = %v, want ErrDuplicate", m, err)
			}
		}
	}
	gotMatters := func(what string, b *Book) {
		t.Helper()
		got := map[string]bool{}
		for _, e := range b.Evaluations() {
			if got[e.Matter] {
				t.Fatalf("%s: matter %q twice", what, e.Matter)
			}
			got[e.Matter] = true
		}
		if diff := cmp.Diff(wantMatters, got); diff != "" {
			t.Fatalf("%s: matters mismatch (-want +got):\n%s", what, diff)
		}
	}
	gotMatters("recorded", b)
	m := NewBook(nil)
	if err := m.Merge(b); err != nil {
		t.Fatalf("Merge = %v", err)
	}
	gotMatters("merged", m)
	if err := m.Merge(b); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("Merge again = %v, want ErrDuplicate", err)
	}
	data, err := b.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var back Book
	if err := back.UnmarshalJSON(data); err != nil {
		t.Fatalf("UnmarshalJSON = %v", err)
	}
	gotMatters("round trip", &back)
}

// TestNilBookIsEmpty: a nil *Book reports an empty book, as Book's
// documentation says: the same JSON, evaluations, amendments, scores and
// length as an empty one (it wrote "evaluations": null, and gave nil
// lists where an empty book gives empty ones).
func TestNilBookIsEmpty(t *testing.T) {
	var nilBook *Book
	empty := NewBook(nil)
	type report struct {
		JSON        string
		Evaluations []Evaluation
		Amendments  []Amendment
		Scores      []Score
		Len         int
	}
	reportOf := func(b *Book) report {
		data, err := b.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		return report{string(data), b.Evaluations(), b.Amendments(), b.Scores(Year(2020)), b.Len()}
	}
	if diff := cmp.Diff(reportOf(empty), reportOf(nilBook)); diff != "" {
		t.Errorf("a nil book against an empty one: mismatch (-want +got):\n%s", diff)
	}
}
