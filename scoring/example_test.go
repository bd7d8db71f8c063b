package scoring_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

var cst = workday.CST()

// A host's own table: two grades, on time or not. (locality/wuhu's Table
// is a fuller one.)
func ExampleTable_Evaluate() {
	yes := true
	table := &scoring.Table{
		Version: "district-2021.1",
		Scale: scoring.Scale{
			{Code: "pass", Label: "合格", Points: decimal.NewFromInt(100)},
			{Code: "fail", Label: "不合格", Points: decimal.NewFromInt(60)},
		},
		Rules: []scoring.TableRule{
			{Name: "on time", Grade: "pass", ResponseOnTime: &yes, ResolutionOnTime: &yes},
			{Name: "late", Grade: "fail"},
		},
	}
	r, err := table.Evaluate(scoring.Facts{
		Matter: "2020-0042", Subject: "城管执法局",
		Responded: true, Response: 2 * time.Hour, ResponseLimit: 4 * time.Hour,
		Resolved: true, Resolution: 40 * time.Hour, ResolutionLimit: 72 * time.Hour,
		Quality: 5, Satisfied: &yes,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Grade, r.Points, r.Policy)
	fmt.Println(r.Reasons[0])
	// Output:
	// pass 100 district-2021.1
	// rule 1 "on time": response 0.50 of limit, resolution 0.56 of limit, quality 5, satisfied
}

// Grading in bulk: the compiled table gives what the table gives, and a
// later change to the table does not reach it until it is compiled again.
func ExampleTable_Compile() {
	table := wuhu.Table()
	grade, err := table.Compile()
	if err != nil {
		fmt.Println(err)
		return
	}
	yes := true
	facts := scoring.Facts{Matter: "2020-0042", Subject: "城管执法局", Type: "占道经营",
		Responded: true, Response: 5 * time.Hour, ResponseLimit: 4 * time.Hour,
		Resolved: true, Resolution: 40 * time.Hour, ResolutionLimit: 72 * time.Hour, Satisfied: &yes}
	want, _ := table.Evaluate(facts)
	got, _ := grade.Evaluate(facts)
	fmt.Println(got.Grade, got.Points, got.Policy, got.Reasons[0].String() == want.Reasons[0].String())
	fmt.Println(got.Reasons[0])

	table.Version = "wuhu-2021.1" // a new version of the policy
	before, _ := grade.Evaluate(facts)
	regrade, err := table.Compile()
	if err != nil {
		fmt.Println(err)
		return
	}
	after, _ := regrade.Evaluate(facts)
	fmt.Println(before.Policy, "until compiled again, then", after.Policy)
	// Output:
	// fair 70 wuhu-2020.2 true
	// rule 9 "late": response 1.25 of limit, resolution 0.56 of limit, quality not given, satisfied, type "占道经营"
	// wuhu-2020.2 until compiled again, then wuhu-2021.1
}

// A policy kept as data: a table loaded from JSON is validated, and its
// problems are reported row by row.
func ExampleLoadTable() {
	_, err := scoring.LoadTable(strings.NewReader(`{
	  "version": "district-2021.1",
	  "scale": [{"code": "excellent", "points": "100"}, {"code": "good", "points": "85"}],
	  "rules": [
	    {"name": "fast", "grade": "excellent", "responseAtMost": "0.5"},
	    {"name": "faster", "grade": "excellent", "responseAtMost": "0.25"},
	    {"name": "answered", "grade": "good", "responded": true}
	  ]
	}`))
	for _, e := range strings.Split(err.Error(), "\n") {
		e, _, _ = strings.Cut(e, " (") // the gap report goes on with examples
		fmt.Println(e)
	}
	// Output:
	// scoring: invalid: table "district-2021.1" rules[1] "faster" can never fire: every case it matches is taken by rules[0] "fast"
	// scoring: invalid: table "district-2021.1" has gaps: 1728 of 9216 regions match no rule
}

func ExampleBook_Scores() {
	b := scoring.NewBook(nil)
	at := time.Date(2020, 6, 15, 10, 0, 0, 0, cst)
	grade := func(code string) scoring.Result {
		g, _ := wuhu.Scale().Grade(code)
		return scoring.Result{Grade: g.Code, Points: g.Points, Policy: "wuhu-2020.1", Reasons: reason.Texts("…")}
	}
	for _, e := range []scoring.Evaluation{
		{Matter: "0001", Subject: "城管执法局", Evaluator: "赭山街道", At: at, Result: grade("excellent")},
		// A long matter graded in two stages counts as one matter: (85 + 70) / 2.
		{Matter: "0002", Subject: "城管执法局", Evaluator: "赭山街道", Stage: 1, At: at, Result: grade("good")},
		{Matter: "0002", Subject: "城管执法局", Evaluator: "赭山街道", Stage: 2, At: at.AddDate(0, 0, 7), Result: grade("fair")},
		{Matter: "0003", Subject: "住建局", Evaluator: "赭山街道", At: at, Result: grade("good")},
		{Matter: "0004", Subject: "市场监管局", Evaluator: "赭山街道", At: at, Result: grade("excellent")},
		{Matter: "0005", Subject: "市场监管局", Evaluator: "赭山街道", At: at, Result: grade("fair")},
	} {
		if err := b.Record(e); err != nil {
			fmt.Println(err)
		}
	}
	err := b.Record(scoring.Evaluation{Matter: "0001", Subject: "城管执法局", Evaluator: "赭山街道", At: at, Result: grade("poor")})
	fmt.Println(errors.Is(err, scoring.ErrDuplicate))
	for _, s := range b.Scores(scoring.Year(2020)) {
		fmt.Println(s.Rank, s.Subject, s.Matters, s.Evaluations, s.Composite.StringFixed(2))
	}
	// Output:
	// true
	// 1 城管执法局 2 3 88.75
	// 2 住建局 1 1 85.00
	// 2 市场监管局 2 2 85.00
}

func ExampleBook_Amend() {
	b := scoring.NewBook(nil)
	at := time.Date(2020, 6, 15, 10, 0, 0, 0, cst)
	e := scoring.Evaluation{Matter: "0001", Subject: "住建局", Evaluator: "赭山街道", At: at,
		Result: scoring.Result{Grade: "poor", Points: decimal.NewFromInt(40), Reasons: reason.Texts("never responded")}}
	fmt.Println(b.Record(e))
	fix := e
	fix.At = at.Add(48 * time.Hour)
	fix.Result = scoring.Result{Grade: "good", Points: decimal.NewFromInt(85), Reasons: reason.Texts("the Accept was logged late")}
	fmt.Println(b.Amend(scoring.Amendment{Evaluation: fix, Author: "王科长", Reason: "平台记录迟报，核实后更正"}))
	s := b.Scores(scoring.Month(2020, time.June))
	fmt.Println(s[0].Composite, s[0].Grades)
	fmt.Println(b.Evaluations()[0].Result.Grade, len(b.Amendments()))
	other := e
	other.Matter = "0009"
	fmt.Println(errors.Is(b.Amend(scoring.Amendment{Evaluation: other, Author: "王科长", Reason: "?"}), scoring.ErrNotFound))
	// Output:
	// <nil>
	// <nil>
	// 85 map[good:1]
	// poor 1
	// true
}

// A book with the rules a host sets: the scale in force and a window for
// amendments. The graded department cannot amend its own grade, an
// amendment dated 2099 cannot outrank a genuine one, and points must be
// the grade's.
func ExampleNewBook() {
	scale := scoring.Scale{{Code: "good", Points: decimal.NewFromInt(85)}, {Code: "poor", Points: decimal.NewFromInt(40)}}
	now := time.Date(2020, 7, 1, 0, 0, 0, 0, cst)
	b := scoring.NewBook(&scoring.BookOptions{Scale: scale, AmendWithin: 30 * 24 * time.Hour, Now: func() time.Time { return now }})
	at := time.Date(2020, 6, 15, 10, 0, 0, 0, cst)
	e := scoring.Evaluation{Matter: "0001", Subject: "住建局", Evaluator: "赭山街道", At: at,
		Result: scoring.Result{Grade: "poor", Points: decimal.NewFromInt(40)}}
	fmt.Println(b.Record(e))
	fix := func(author string, when time.Time, points int64) scoring.Amendment {
		a := scoring.Amendment{Evaluation: e, Author: author, Reason: "复核"}
		a.At, a.Result = when, scoring.Result{Grade: "good", Points: decimal.NewFromInt(points)}
		return a
	}
	for _, a := range []scoring.Amendment{
		fix("住建局", at.Add(time.Hour), 85),                        // the graded department itself
		fix("区委督查室", time.Date(2099, 1, 1, 0, 0, 0, 0, cst), 85), // dated in the future
		fix("区委督查室", at.Add(time.Hour), 1000),                    // points that are no grade's
		fix("区委督查室", at.Add(time.Hour), 85),
	} {
		fmt.Println(errors.Is(b.Amend(a), scoring.ErrInvalid))
	}
	fmt.Println(b.Scores(scoring.Year(2020))[0].Composite)
	// Output:
	// <nil>
	// true
	// true
	// true
	// false
	// 85
}

func ExampleBook_Merge() {
	at := time.Date(2020, 6, 15, 10, 0, 0, 0, cst)
	r := scoring.Result{Grade: "good", Points: decimal.NewFromInt(85)}
	east, west := scoring.NewBook(nil), scoring.NewBook(nil)
	_ = east.Record(scoring.Evaluation{Matter: "E1", Subject: "水务局", Evaluator: "东街道", At: at, Result: r})
	_ = west.Record(scoring.Evaluation{Matter: "W1", Subject: "水务局", Evaluator: "西街道", At: at, Result: r})
	fmt.Println(east.Merge(west), east.Len())
	fmt.Println(errors.Is(east.Merge(west), scoring.ErrDuplicate), east.Len())
	// Output:
	// <nil> 2
	// true 2
}

// A sharded build uses every core: the year's evaluations, ordered by
// matter, are cut into one part per core at matter boundaries; each part
// fills a book of its own on a goroutine of its own; the books are merged.
// The result is the same however the evaluations are cut and whatever the
// order of the merges.
func ExampleBook_Merge_sharded() {
	at := time.Date(2020, 6, 15, 10, 0, 0, 0, cst)
	subjects := []string{"住建局", "水务局", "市场监管局"}
	grades := []scoring.Result{
		{Grade: "excellent", Points: decimal.NewFromInt(100)},
		{Grade: "good", Points: decimal.NewFromInt(85)},
		{Grade: "poor", Points: decimal.NewFromInt(40)},
	}
	var year []scoring.Evaluation // as a host reads them, ordered by matter
	for i := range 3000 {
		for stage := range 1 + i%2 { // every other matter in two stages
			year = append(year, scoring.Evaluation{Matter: fmt.Sprintf("2020-%07d", i), Subject: subjects[i%3],
				Evaluator: "12345热线", Stage: stage, At: at, Result: grades[(i+stage)%len(grades)]})
		}
	}

	n := runtime.GOMAXPROCS(0)
	books := make([]*scoring.Book, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	from := 0
	for k := range books {
		to := max(from, len(year)*(k+1)/n)
		for to > 0 && to < len(year) && year[to].Matter == year[to-1].Matter {
			to++ // a matter's evaluations stay in one part
		}
		part := year[from:to]
		from = to
		books[k] = scoring.NewBook(nil)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, e := range part {
				errs[k] = errors.Join(errs[k], books[k].Record(e))
			}
		}()
	}
	wg.Wait()
	book := books[0]
	for _, b := range books[1:] {
		errs = append(errs, book.Merge(b))
	}
	fmt.Println(errors.Join(errs...), book.Len())
	for _, s := range book.Scores(scoring.Month(2020, time.June)) {
		fmt.Println(s.Rank, s.Subject, s.Matters, s.Evaluations, s.Composite)
	}
	// Output:
	// <nil> 4500
	// 1 住建局 1000 1500 96.25
	// 2 水务局 1000 1500 73.75
	// 3 市场监管局 1000 1500 55
}

func ExampleWeek() {
	w := scoring.Week(time.Date(2020, 6, 18, 15, 0, 0, 0, cst)) // a Thursday
	fmt.Println(w.From.Format("2006-01-02 Mon"), "to", w.To.Format("2006-01-02 Mon"))
	// Output: 2020-06-15 Mon to 2020-06-22 Mon
}

func ExampleWeighted() {
	// The speed of the answer by Wuhu's table, the citizen's voice by a
	// host's evaluator, 60:40, graded on Wuhu's scale.
	citizen := scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
		if f.Satisfied == nil {
			return scoring.Result{}, nil // not evaluated: no return visit
		}
		g, _ := wuhu.Scale().Grade(map[bool]string{true: "excellent", false: "poor"}[*f.Satisfied])
		return scoring.Result{Grade: g.Code, Points: g.Points, Policy: "citizen-1", Reasons: reason.Texts("return visit")}, nil
	})
	e, err := scoring.Weighted("speed+citizen", wuhu.Scale(), []scoring.Part{
		{Name: "speed", Weight: decimal.RequireFromString("0.6"), Evaluator: wuhu.Table()},
		{Name: "citizen", Weight: decimal.RequireFromString("0.4"), Evaluator: citizen},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	no := false
	r, err := e.Evaluate(scoring.Facts{Responded: true, Resolved: true, Quality: 4, Satisfied: &no})
	fmt.Println(r.Grade, r.Points, err)
	fmt.Println(r.Reasons[2])
	// Output:
	// poor 40 <nil>
	// weighted sum 58 → poor 40
}

// A host's strict evaluator first; Wuhu's table grades what it refuses.
func ExampleFirst() {
	strict := scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
		if f.Quality == 0 {
			return scoring.Result{}, errors.New("quality not judged")
		}
		return scoring.Result{Grade: "excellent", Points: decimal.NewFromInt(100), Reasons: reason.Texts("judged")}, nil
	})
	e := scoring.First(strict, wuhu.Table())
	r, err := e.Evaluate(scoring.Facts{Responded: true, Resolved: true})
	fmt.Println(r.Grade, r.Policy, err)
	// Output: good wuhu-2020.2 <nil>
}

func ExampleFactsFor() {
	at := func(day, hour int) time.Time { return time.Date(2020, 6, day, hour, 0, 0, 0, cst) }
	var events []matters.Event
	for i, e := range []matters.Event{
		{Kind: matters.Report, Actor: "赭山街道", Type: "占道经营", At: at(1, 9)},
		{Kind: matters.Whistle, Actor: "赭山街道", At: at(1, 9)},
		{Kind: matters.Dispatch, Actor: "赭山街道", Units: []string{"城管执法局"}, At: at(1, 10)},
		{Kind: matters.Accept, Actor: "城管执法局", At: at(1, 12)},
		{Kind: matters.Resolve, Actor: "城管执法局", At: at(3, 10)},
	} {
		e.Matter, e.Seq = "2020-0042", i+1
		events = append(events, e)
	}
	m, err := matters.Replay(events)
	if err != nil {
		fmt.Println(err)
		return
	}
	route := matters.Route{Type: "占道经营", Lead: "城管执法局", Respond: 4 * time.Hour, ResolveDays: 3}
	f, err := scoring.FactsFor(workday.China(), m, "城管执法局", route)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Response, f.ResponseLimit, f.Resolution, f.ResolutionLimit, f.Final)
	f.Quality = 4 // the sub-district's judgement
	r, _ := wuhu.Table().Evaluate(f)
	fmt.Println(r.Grade)
	// Output:
	// 2h0m0s 4h0m0s 48h0m0s 72h0m0s true
	// excellent
}

func ExampleTable_json() {
	t := &scoring.Table{Version: "mini-1", Scale: scoring.Scale{
		{Code: "good", Label: "较好", Points: decimal.NewFromInt(85)},
		{Code: "fair", Label: "一般", Points: decimal.NewFromInt(70)},
	}, Rules: []scoring.TableRule{
		{Name: "answered", Grade: "good", Responded: new(bool)},
		{Name: "else", Grade: "fair"},
	}}
	*t.Rules[0].Responded = true
	b, err := json.MarshalIndent(t, "", "  ") // the form LoadTable reads
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(string(b))
	// Output:
	// {
	//   "version": "mini-1",
	//   "scale": [
	//     {
	//       "code": "good",
	//       "label": "较好",
	//       "points": "85"
	//     },
	//     {
	//       "code": "fair",
	//       "label": "一般",
	//       "points": "70"
	//     }
	//   ],
	//   "rules": [
	//     {
	//       "name": "answered",
	//       "grade": "good",
	//       "responded": true
	//     },
	//     {
	//       "name": "else",
	//       "grade": "fair"
	//     }
	//   ]
	// }
}
