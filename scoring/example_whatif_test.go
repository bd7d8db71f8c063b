package scoring_test

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// A policy owner asks what a stricter table would have done to March:
// the recorded book is left as it is, and the answer lists each changed
// grade, with the rule on each side, and each subject whose composite or
// rank moves.
func ExampleRegrade() {
	scale := scoring.Scale{{Code: "好", Points: decimal.NewFromInt(100)}, {Code: "一般", Points: decimal.NewFromInt(70)}}
	yes, half := true, decimal.RequireFromString("0.5")
	lenient := &scoring.Table{Version: "2026-1", Scale: scale, Rules: []scoring.TableRule{
		{Name: "按时响应", Grade: "好", ResponseOnTime: &yes}, {Name: "其他", Grade: "一般"}}}
	strict := &scoring.Table{Version: "2026-2", Scale: scale, Rules: []scoring.TableRule{
		{Name: "半时限内响应", Grade: "好", Responded: &yes, ResponseAtMost: &half}, {Name: "其他", Grade: "一般"}}}

	book := scoring.NewBook()
	var facts []scoring.Facts
	for i, f := range []struct {
		unit  string
		hours int
	}{{"城管局", 1}, {"城管局", 3}, {"环保局", 1}, {"环保局", 2}} {
		x := scoring.Facts{Matter: fmt.Sprint("M-", i+1), Subject: f.unit, Evaluator: "城东街道", Final: true,
			Responded: true, Response: time.Duration(f.hours) * time.Hour, ResponseLimit: 4 * time.Hour}
		r, _ := lenient.Evaluate(x)
		_ = book.Record(x.Evaluation(time.Date(2026, 3, 2+i, 9, 0, 0, 0, workday.CST()), r))
		facts = append(facts, x)
	}
	w, err := scoring.Regrade(book, facts, strict, scoring.Month(2026, time.March))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range w.Changes {
		fmt.Printf("%s %s: %s (%s) → %s (%s)\n", c.Matter, c.Subject, c.Old.Grade, c.Old.Reasons[0].String()[:len(`rule 1 "按时响应"`)],
			c.New.Grade, c.New.Reasons[0].String()[:len(`rule 2 "其他"`)])
	}
	for _, s := range w.Subjects {
		fmt.Printf("%s: %s 第%d名 → %s 第%d名\n", s.Subject, s.Old.Composite, s.Old.Rank, s.New.Composite, s.New.Rank)
	}
	fmt.Println("recorded book unchanged:", book.Evaluations()[1].Result.Grade)
	// Output:
	// M-2 城管局: 好 (rule 1 "按时响应") → 一般 (rule 2 "其他")
	// 城管局: 100 第1名 → 85 第2名
	// recorded book unchanged: 好
}
