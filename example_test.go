package qingdan_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// Example is the README's quickstart: one whistled matter routed by the
// governance matter list, run through its lifecycle on the China calendar,
// graded one matter one evaluation by Wuhu's decision table, recorded in the
// book, scored for the year and blended 30% into the department's annual
// assessment.
func Example() {
	dir := &matters.Directory{Routes: []matters.Route{
		{Type: "占道经营", Lead: "城管局", Support: []string{"市场监管局"}, Respond: 4 * time.Hour, ResolveDays: 3},
	}}
	route, err := dir.Route("占道经营")
	if err != nil {
		fmt.Println(err)
		return
	}

	at := func(day, hour int) time.Time { return time.Date(2020, 6, day, hour, 0, 0, 0, workday.CST()) }
	m := &matters.Matter{}
	for _, e := range []matters.Event{
		{Kind: matters.Report, Actor: "赭山街道", Type: "占道经营", At: at(1, 9)},                                         // the grid centre reports
		{Kind: matters.Whistle, Actor: "赭山街道", At: at(1, 9)},                                                      // 吹哨
		{Kind: matters.Dispatch, Actor: "赭山街道", Units: []string{route.Lead}, At: at(1, 10)},                       // 派单
		{Kind: matters.Accept, Actor: "城管局", At: at(1, 12)},                                                       // 应哨
		{Kind: matters.Resolve, Actor: "城管局", At: at(3, 10)},                                                      // 办结
		{Kind: matters.Feedback, Actor: "赭山街道", Satisfied: func() *bool { t := true; return &t }(), At: at(4, 9)}, // 回访
	} {
		e.Matter, e.Seq = "2020-0601-001", len(m.Events)+1
		if err := m.Apply(e); err != nil {
			fmt.Println(err)
			return
		}
	}

	facts, err := scoring.FactsFor(workday.China(), m, "城管局", route)
	if err != nil {
		fmt.Println(err)
		return
	}
	facts.Quality = 5 // the sub-district's judgement of the work
	result, err := wuhu.Table().Evaluate(facts)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(result.Grade, result.Points)

	book := scoring.NewBook(nil)
	if err := book.Record(facts.Evaluation(at(4, 9), result)); err != nil { // one matter, one evaluation
		fmt.Println(err)
		return
	}
	scores := book.Scores(scoring.Year(2020))
	fmt.Println(scores[0].Subject, scores[0].Composite, scores[0].Rank)

	annual, err := assessment.Blend(wuhu.Weights(), map[string]decimal.Decimal{
		assessment.SubdistrictPart: scores[0].Composite,             // 30%: one matter, one evaluation
		"department":               decimal.RequireFromString("88"), // 70%: the rest of the assessment
	})
	fmt.Println(annual, err)
	// Output:
	// excellent 100
	// 城管局 100 1
	// 91.6 <nil>
}
