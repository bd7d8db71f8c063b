package indicators_test

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// A sub-district dispatches one matter to two departments; the lead
// answers at once, the support unit the next day. The citizen says the
// problem is solved and is satisfied; the sub-district grades the lead 100
// and the support unit 70.
func ExampleTally() {
	day := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, workday.CST()) }
	yes := true
	m := &matters.Matter{}
	for i, e := range []matters.Event{
		{At: day(2, 9), Kind: matters.Report, Actor: "城东街道", Type: "噪音"},
		{At: day(2, 9), Kind: matters.Whistle, Actor: "城东街道"},
		{At: day(2, 9), Kind: matters.Dispatch, Actor: "城东街道", Units: []string{"生态环境局", "城管局"}},
		{At: day(2, 10), Kind: matters.Accept, Actor: "生态环境局"},
		{At: day(3, 10), Kind: matters.Accept, Actor: "城管局"},
		{At: day(3, 11), Kind: matters.Resolve, Actor: "生态环境局"},
		{At: day(3, 15), Kind: matters.Feedback, Actor: "城东街道", Satisfied: &yes, Solved: &yes},
	} {
		e.Matter, e.Seq = "M-1", i+1
		if err := m.Apply(e); err != nil {
			fmt.Println(err)
			return
		}
	}
	route := func(m *matters.Matter) (matters.Route, error) {
		return matters.Route{Type: m.Type, Respond: 2 * time.Hour, ResolveDays: 5}, nil
	}
	grade := func(unit string, points int64) scoring.Evaluation {
		return scoring.Evaluation{Matter: "M-1", Subject: unit, Evaluator: "城东街道", At: day(4, 9),
			Result: scoring.Result{Grade: "g", Points: decimal.NewFromInt(points)}}
	}
	parts, err := indicators.Parts(workday.China(), []*matters.Matter{m}, route,
		[]scoring.Evaluation{grade("生态环境局", 100), grade("城管局", 70)})
	if err != nil {
		fmt.Println(err)
		return
	}
	weights := assessment.Weights{"response": decimal.RequireFromString("0.30"),
		"resolution": decimal.RequireFromString("0.35"), "satisfaction": decimal.RequireFromString("0.35")}
	for _, r := range indicators.Tally(parts, indicators.ByUnit, decimal.NewFromInt(85)) {
		index, _ := r.Index(weights)
		show := func(x indicators.Ratio) string { return fmt.Sprintf("%d/%d=%s", x.Num, x.Den, x.Value.StringFixed(4)) }
		fmt.Printf("%s 响应率 %s 解决率 %s 满意率 %s 街道满意率 %s 指数 %s\n", r.Group,
			show(r.Response), show(r.Resolution), show(r.Satisfaction), show(r.Street), index.StringFixed(4))
	}
	for _, r := range indicators.Tally(parts, indicators.BySubDistrict, decimal.NewFromInt(85)) {
		fmt.Printf("%s: %d matter, %d parts, 响应率 %s, 满意率 %d/%d\n", r.Group, r.Matters, r.Parts, r.Response.Value.StringFixed(4),
			r.Satisfaction.Num, r.Satisfaction.Den)
	}
	// Output:
	// 城管局 响应率 0/1=0.0000 解决率 1/1=1.0000 满意率 1/1=1.0000 街道满意率 0/1=0.0000 指数 0.7000
	// 生态环境局 响应率 1/1=1.0000 解决率 1/1=1.0000 满意率 1/1=1.0000 街道满意率 1/1=1.0000 指数 1.0000
	// 城东街道: 1 matter, 2 parts, 响应率 0.5000, 满意率 1/1
}

// A monthly ranking by class, with the first of each class on the red
// list, the last on the black list, and the move since last month.
func ExampleRank() {
	classes := indicators.Classes{"甲街道": "街镇", "乙街道": "街镇", "丙镇": "街镇", "城管局": "部门", "环保局": "部门"}
	lists := indicators.Lists{Top: 1, Bottom: 1}
	d := decimal.RequireFromString
	february, err := indicators.Rank(map[string]decimal.Decimal{
		"甲街道": d("0.8800"), "乙街道": d("0.9100"), "丙镇": d("0.8500"), "城管局": d("0.9000"), "环保局": d("0.8000")}, classes, lists, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	march, err := indicators.Rank(map[string]decimal.Decimal{
		"甲街道": d("0.9300"), "乙街道": d("0.9000"), "丙镇": d("0.9000"), "城管局": d("0.8200"), "环保局": d("0.8700")}, classes, lists, february)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range march {
		list := ""
		switch {
		case s.Red:
			list = " 红榜"
		case s.Black:
			list = " 黑榜"
		}
		fmt.Printf("%s 第%d/%d名 %s %s%s\n", s.Class, s.Rank, s.Of, s.Subject, s.Movement(), list)
	}
	// Output:
	// 街镇 第1/3名 甲街道 上升 1 位 红榜
	// 街镇 第2/3名 丙镇 上升 1 位 黑榜
	// 街镇 第2/3名 乙街道 下降 1 位 黑榜
	// 部门 第1/2名 环保局 上升 1 位 红榜
	// 部门 第2/2名 城管局 下降 1 位 黑榜
}
