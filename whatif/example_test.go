package whatif_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/whatif"
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

	book := scoring.NewBook(nil)
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
	w, err := whatif.Regrade(book, facts, strict, scoring.Month(2026, time.March))
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

// A policy owner regrades last year's journal under a stricter table.
// The journal holds the matters' events and the evaluations; the facts
// of each evaluation are read off its matter as it stood when the
// evaluation was appended, and the sub-district's quality judgement,
// which the events do not hold (nor, here, the journal: its evaluations
// were appended without their facts), is added from the host's own records.
func ExampleRegradeJournal() {
	scale := scoring.Scale{{Code: "好", Points: decimal.NewFromInt(100)}, {Code: "一般", Points: decimal.NewFromInt(70)}}
	yes := true
	lenient := &scoring.Table{Version: "2026-1", Scale: scale, Rules: []scoring.TableRule{
		{Name: "按时响应", Grade: "好", ResponseOnTime: &yes}, {Name: "其他", Grade: "一般"}}}
	strict := &scoring.Table{Version: "2026-2", Scale: scale, Rules: []scoring.TableRule{
		{Name: "按时响应且质量 4 以上", Grade: "好", ResponseOnTime: &yes, QualityMin: 4}, {Name: "其他", Grade: "一般"}}}
	route := func(m *matters.Matter) (matters.Route, error) {
		return matters.Route{Type: m.Type, Respond: 2 * time.Hour, ResolveDays: 5}, nil
	}
	at := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, workday.CST()) }
	quality := map[string]int{"M-1": 5, "M-2": 3} // the sub-district's judgements, kept by the host

	var log bytes.Buffer
	w := journal.NewWriter(&log, nil)
	for _, id := range []string{"M-1", "M-2"} {
		m := &matters.Matter{}
		for i, e := range []matters.Event{
			{At: at(2, 9), Kind: matters.Report, Actor: "城东街道", Type: "噪音"},
			{At: at(2, 9), Kind: matters.Whistle, Actor: "城东街道"},
			{At: at(2, 9), Kind: matters.Dispatch, Actor: "城东街道", Units: []string{"生态环境局"}},
			{At: at(2, 10), Kind: matters.Accept, Actor: "生态环境局"},
			{At: at(3, 11), Kind: matters.Resolve, Actor: "生态环境局"},
		} {
			e.Matter, e.Seq = id, i+1
			_ = m.Apply(e)
			_, _ = w.AppendEvent(e)
		}
		r, _ := route(m)
		f, _ := scoring.FactsFor(workday.China(), m, "生态环境局", r)
		f.Quality = quality[id]
		res, _ := lenient.Evaluate(f)
		_, _ = w.AppendEvaluation(f.Evaluation(at(3, 12), res))
	}

	base := whatif.FactsFor(workday.China(), route)
	withQuality := func(m *matters.Matter, ev scoring.Evaluation) (scoring.Facts, error) {
		f, err := base(m, ev)
		f.Quality = quality[ev.Matter]
		return f, err
	}
	report, err := whatif.RegradeJournal(&log, nil, withQuality, strict, scoring.Year(2026))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range report.Changes {
		fmt.Printf("%s %s: %s %s (%s) → %s %s (%s)\n", c.Matter, c.Subject, c.Old.Grade, c.Old.Points, c.Old.Policy,
			c.New.Grade, c.New.Points, c.New.Policy)
	}
	for _, s := range report.Subjects {
		fmt.Printf("%s: %s → %s\n", s.Subject, s.Old.Composite, s.New.Composite)
	}
	// Output:
	// M-2 生态环境局: 好 100 (2026-1) → 一般 70 (2026-2)
	// 生态环境局: 100 → 85
}
