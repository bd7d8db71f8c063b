package staff_test

import (
	"fmt"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/staff"
	"github.com/shopspring/decimal"
)

func ExampleAppraisal_Appraise() {
	d := decimal.RequireFromString
	a := &staff.Appraisal{
		Categories: []staff.PostCategory{
			{Code: "网格员", Weights: assessment.Weights{"巡查": d("0.5"), "处置": d("0.3"), "群众评价": d("0.2")}},
		},
		Scale: scoring.Scale{{Code: "优秀", Points: d("90")}, {Code: "称职", Points: d("70")}, {Code: "基本称职", Points: d("60")}, {Code: "不称职", Points: d("0")}},
	}
	res, err := a.Appraise([]staff.Score{
		{Person: "张敏", Category: "网格员", Scores: map[string]decimal.Decimal{"巡查": d("95"), "处置": d("90"), "群众评价": d("80")}},
		{Person: "李强", Category: "网格员", Scores: map[string]decimal.Decimal{"巡查": d("80"), "处置": d("85"), "群众评价": d("100")}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range res {
		fmt.Println(x.Rank, x.Person, x.Total, x.Grade)
	}
	// Output:
	// 1 张敏 90.5 优秀
	// 2 李强 85.5 称职
}

func ExampleSelect() {
	d := decimal.RequireFromString
	w := assessment.Weights{staff.CompetitionPart: d("0.7"), staff.YearPart(1): d("0.1"), staff.YearPart(2): d("0.1"), staff.YearPart(3): d("0.1")}
	placed, err := staff.Select([]staff.Candidate{
		{ID: "A01", Name: "陈静", Post: "城市管理办", Competition: d("86"), Years: []decimal.Decimal{d("90"), d("85"), d("85")}},
		{ID: "A02", Name: "刘洋", Post: "城市管理办", Competition: d("88"), Years: []decimal.Decimal{d("85"), d("80"), d("80")}},
		{ID: "A03", Name: "周敏", Post: "城市管理办", Competition: d("80"), Years: []decimal.Decimal{d("95"), d("95"), d("95")}},
	}, w, map[string]int{"城市管理办": 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range placed {
		fmt.Println(p.Rank, p.Candidate.Name, p.Total, p.Selected)
	}
	// Output:
	// 1 陈静 86.2 true
	// 2 刘洋 86.1 true
	// 3 周敏 84.5 false
}

func ExampleYearPart() {
	fmt.Println(staff.CompetitionPart, staff.YearPart(1), staff.YearPart(2))
	// Output: competition year1 year2
}
