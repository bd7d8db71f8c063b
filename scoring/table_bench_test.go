package scoring_test

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/cputime"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
)

// matterTypes are the matter types of the varied facts: Chinese, as a
// host's case system names them, and one matter in eleven without a type.
var matterTypes = []string{"占道经营", "违章搭建", "噪音扰民", "垃圾清运", "道路破损", "路灯故障",
	"井盖缺失", "环境卫生", "违规停车", "油烟污染", ""}

// variedFacts returns n facts spread over every row of Wuhu's table: answered
// or not, early or late against limits of hours to weeks, resolved or open
// (staged), returned, every quality and every answer, over many matters,
// units and matter types. It is deterministic.
func variedFacts(n int) []scoring.Facts {
	rng := rand.New(rand.NewPCG(2020, 16))
	out := make([]scoring.Facts, n)
	answers := []*bool{nil, new(bool), new(bool)}
	*answers[1] = true
	for i := range out {
		respLimit := time.Duration(1+rng.IntN(24)) * time.Hour
		resLimit := time.Duration(1+rng.IntN(15)) * 24 * time.Hour
		f := scoring.Facts{
			Matter:          "2020-" + strconv.Itoa(i),
			Subject:         "D" + strconv.Itoa(rng.IntN(200)),
			Evaluator:       "S",
			Type:            matterTypes[rng.IntN(len(matterTypes))],
			Responded:       rng.IntN(10) != 0,
			Response:        time.Duration(rng.Int64N(int64(3 * respLimit))),
			ResponseLimit:   respLimit,
			Resolved:        rng.IntN(4) != 0,
			Resolution:      time.Duration(rng.Int64N(int64(3 * resLimit))),
			ResolutionLimit: resLimit,
			Returned:        rng.IntN(10) == 0,
			Quality:         rng.IntN(6),
			Satisfied:       answers[rng.IntN(len(answers))],
		}
		if rng.IntN(8) == 0 {
			f.ResponseLimit = 0 // no limit
		}
		if f.Resolved {
			f.Final = true
		} else {
			f.Stage = 1 + rng.IntN(3)
		}
		out[i] = f
	}
	return out
}

// wuhuSwitch is Wuhu's table written by hand as a Go switch: the floor a
// decision table is measured against. It gives the same grade, points and
// policy as wuhu.Table, and a reason naming the rule (its number and
// name, in one allocation as the table's), without the checks and figures
// the table's reason holds.
func wuhuSwitch(scale scoring.Scale) func(f *scoring.Facts) scoring.Result {
	grade := func(code string) scoring.Grade { g, _ := scale.Grade(code); return g }
	excellent, good, fair, poor := grade("excellent"), grade("good"), grade("fair"), grade("poor")
	result := func(g scoring.Grade, rule int, name string) scoring.Result {
		return scoring.Result{Grade: g.Code, Points: g.Points, Policy: "wuhu-2020.2", Reasons: []reason.Reason{{Rule: rule, Name: name, Lang: reason.Chinese}}}
	}
	// over reports actual/limit > 2; a missing limit or time is ratio 0.
	over := func(actual, limit time.Duration) bool { return limit > 0 && actual > 0 && actual > 2*limit }
	return func(f *scoring.Facts) scoring.Result {
		onTime := f.Responded && (f.ResponseLimit <= 0 || f.Response <= f.ResponseLimit) &&
			(f.ResolutionLimit <= 0 || f.Resolution <= f.ResolutionLimit)
		switch {
		case !f.Responded:
			return result(poor, 1, "never responded")
		case over(f.Response, f.ResponseLimit):
			return result(poor, 2, "response over twice its limit")
		case over(f.Resolution, f.ResolutionLimit):
			return result(poor, 3, "resolution over twice its limit")
		case f.Satisfied != nil && !*f.Satisfied:
			return result(fair, 4, "dissatisfied")
		case f.Quality != 0 && f.Quality <= 2:
			return result(fair, 5, "quality 1–2")
		case onTime && f.Quality >= 4 && !f.Returned && f.Supervised == 0:
			return result(excellent, 6, "on time, quality ≥ 4")
		case onTime && f.Quality == 0 && f.Satisfied != nil && !f.Returned && f.Supervised == 0:
			return result(excellent, 7, "on time, satisfied")
		case onTime:
			return result(good, 8, "on time")
		}
		return result(fair, 9, "late")
	}
}

// sink keeps the benchmarks' results alive.
var sink int

// BenchmarkTableVaried grades 4096 varied facts with Chinese matter types
// by Wuhu's table (Evaluate) and by the same rules as a Go switch
// (GoSwitch), one facts per op. Run both in one run to compare them:
//
//	go test ./scoring -run '^$' -bench '^BenchmarkTableVaried$' -benchmem
func BenchmarkTableVaried(b *testing.B) {
	tbl := wuhu.Table()
	facts := variedFacts(4096)
	sw := wuhuSwitch(tbl.Scale)
	rows := make(map[int]int)
	for i := range facts {
		got, err := tbl.Evaluate(facts[i])
		want := sw(&facts[i])
		if err != nil || got.Grade != want.Grade || !got.Points.Equal(want.Points) || got.Policy != want.Policy ||
			len(got.Reasons) != 1 || got.Reasons[0].Rule != want.Reasons[0].Rule || got.Reasons[0].Name != want.Reasons[0].Name {
			b.Fatalf("facts %+v: the table gives %+v, %v; the switch %+v", facts[i], got, err, want)
		}
		rows[want.Reasons[0].Rule]++
	}
	if len(rows) != len(tbl.Rules) {
		b.Fatalf("the varied facts reach %d of %d rows: %v", len(rows), len(tbl.Rules), rows)
	}
	compiled, err := tbl.Compile()
	if err != nil {
		b.Fatal(err)
	}
	// Each op grades the next facts, wrapping round, and keeps the rule of
	// its reason, so that the loop costs neither a division nor a write
	// barrier. The table's reason is written as text by Text, one reason
	// per op, apart: a host writes the text it shows.
	var dst scoring.Result  // the Result Into grades into, again and again
	var rs []scoring.Result // the Results whose text Text writes, made when it runs
	for _, bm := range []struct {
		name string
		op   func(b *testing.B, i int) int
	}{
		{"Evaluate", func(b *testing.B, i int) int { r, err := tbl.Evaluate(facts[i]); return ruleOf(b, &r, err) }},
		{"Compiled", func(b *testing.B, i int) int { r, err := compiled.Evaluate(facts[i]); return ruleOf(b, &r, err) }},
		{"Into", func(b *testing.B, i int) int {
			err := scoring.EvaluateInto(compiled, &dst, facts[i])
			return ruleOf(b, &dst, err)
		}},
		{"Text", func(b *testing.B, i int) int { return len(rs[i].Reasons[0].String()) }},
		{"GoSwitch", func(b *testing.B, i int) int { return sw(&facts[i]).Reasons[0].Rule }},
	} {
		b.Run(bm.name, func(b *testing.B) {
			if bm.name == "Text" && rs == nil {
				rs = make([]scoring.Result, len(facts))
				for i := range facts {
					rs[i], _ = tbl.Evaluate(facts[i])
				}
			}
			b.ReportAllocs()
			defer cputime.Report(b)()
			n, j := 0, 0
			for range b.N {
				n += bm.op(b, j)
				if j++; j == len(facts) {
					j = 0
				}
			}
			sink = n
		})
	}
}

// ruleOf returns the rule of r's reason, and fails b on an error.
func ruleOf(b *testing.B, r *scoring.Result, err error) int {
	if err != nil {
		b.Fatal(err)
	}
	return r.Reasons[0].Rule
}
