package wuhu_test

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

func ExampleScale() {
	for _, g := range wuhu.Scale() {
		fmt.Println(g.Code, g.Label, g.Points)
	}
	// Output:
	// excellent 好 100
	// good 较好 85
	// fair 一般 70
	// poor 差 40
}

func ExampleTable() {
	yes := true
	r, err := wuhu.Table().Evaluate(scoring.Facts{
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
	// excellent 100 wuhu-2020.2
	// rule 6 "on time, quality ≥ 4": response 0.50 of limit, resolution 0.56 of limit, quality 5, satisfied
}

func ExampleWeights() {
	// A department whose sub-district composite is 91.67 and whose own
	// assessment is 88.
	total, err := assessment.Blend(wuhu.Weights(), map[string]decimal.Decimal{
		assessment.SubdistrictPart: decimal.RequireFromString("91.67"),
		"department":               decimal.RequireFromString("88"),
	})
	fmt.Println(total, err)
	// Output: 89.101 <nil>
}
