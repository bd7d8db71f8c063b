package assessment_test

import (
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

func ExampleBlend() {
	w := assessment.Weights{assessment.SubdistrictPart: decimal.RequireFromString("0.3"), "department": decimal.RequireFromString("0.7")}
	total, err := assessment.Blend(w, map[string]decimal.Decimal{
		assessment.SubdistrictPart: decimal.RequireFromString("91.67"),
		"department":               decimal.RequireFromString("88"),
	})
	fmt.Println(total, err)
	_, err = assessment.Blend(assessment.Weights{"a": decimal.RequireFromString("0.33"), "b": decimal.RequireFromString("0.67"), "c": decimal.RequireFromString("0.01")},
		map[string]decimal.Decimal{"a": decimal.Zero, "b": decimal.Zero})
	fmt.Println(err)
	// Output:
	// 89.101 <nil>
	// assessment: bad weights: weights sum to 1.01, not exactly 1
	// assessment: bad weights: part "c" is missing
}

// The annual assessment of two departments: the sub-districts' composite
// from the book counts 30%, the department's own assessment 70%. The
// total is exact, never rounded: 89.625, not 89.63.
func ExampleAssess() {
	scores := []scoring.Score{ // from a book's Scores for the year
		{Subject: "城管执法局", Composite: decimal.RequireFromString("88.75")},
		{Subject: "住建局", Composite: decimal.RequireFromString("85")},
	}
	w := assessment.Weights{assessment.SubdistrictPart: decimal.RequireFromString("0.3"), "department": decimal.RequireFromString("0.7")}
	annual, err := assessment.Assess(scores, w, map[string]map[string]decimal.Decimal{
		"城管执法局": {"department": decimal.RequireFromString("90")},
		"住建局":   {"department": decimal.RequireFromString("93")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range annual {
		fmt.Println(a.Rank, a.Subject, a.Parts[assessment.SubdistrictPart], "× 0.3 +", a.Parts["department"], "× 0.7 =", a.Total)
	}
	// Output:
	// 1 住建局 85 × 0.3 + 93 × 0.7 = 90.6
	// 2 城管执法局 88.75 × 0.3 + 90 × 0.7 = 89.625
}

func ExampleWeights_Validate() {
	w := assessment.Weights{"competition": decimal.RequireFromString("0.6"), "year1": decimal.RequireFromString("0.3"), "year2": decimal.RequireFromString("-0.1")}
	fmt.Println(w.Validate())
	// Output:
	// assessment: bad weights: part "year2" has the negative weight -0.1
	// assessment: bad weights: weights sum to 0.8, not exactly 1
}

// A sheet of 考核细则: the composite is the base; each 督办 deducts 1
// point; a 响应率 below 0.95 deducts 2; each 表扬 adds 2, at most 3; a
// 重大责任事故 sets the result to 59.
const exampleSheet = `{
  "version": "示例考核细则/2026",
  "base": {"from": "composite"},
  "counts": ["督办", "表扬", "责任事故"],
  "rates": ["响应率"],
  "items": [
    {"name": "被督办", "fact": "督办", "each": "-1"},
    {"name": "响应率", "fact": "响应率", "bands": [{"below": "0.95", "points": "-2"}]},
    {"name": "表扬", "fact": "表扬", "each": "2", "cap": "3"},
    {"name": "重大责任事故", "fact": "责任事故", "veto": {"points": "59"}}
  ]
}`

func ExampleLoadSheet() {
	s, err := assessment.LoadSheet(strings.NewReader(exampleSheet))
	fmt.Println(s.Version, len(s.Items), "items", err)
	_, err = assessment.LoadSheet(strings.NewReader(`{"version": "v", "base": {"from": "index"}, "counts": ["督办"],
		"items": [{"name": "督办", "fact": "督办", "each": "-1", "cpa": "5"}]}`))
	fmt.Println(err)
	// Output:
	// 示例考核细则/2026 4 items <nil>
	// assessment: bad sheet: sheet: json: unknown field "cpa" at items[0]
}

func ExampleSheet_Apply() {
	s, err := assessment.LoadSheet(strings.NewReader(exampleSheet))
	if err != nil {
		fmt.Println(err)
		return
	}
	base := decimal.RequireFromString("91.5")
	r, err := s.Apply(assessment.Facts{
		Unit:   "城管局",
		Base:   &base,
		Counts: map[string]int{"督办": 3, "表扬": 2},
		Rates:  map[string]decimal.Decimal{"响应率": decimal.RequireFromString("0.9312")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Unit, r.Base, "+", r.Bonus, r.Deduction, "=", r.Points)
	for _, why := range r.Reasons {
		fmt.Println(" ", why)
	}
	// Output:
	// 城管局 91.5 + 3 -5 = 89.5
	//   被督办：督办 3 次，每次 -1 分，计 -3 分
	//   响应率：响应率 0.9312，低于 0.95，计 -2 分
	//   表扬：表扬 2 次，每次 +2 分，共 +4 分，单项封顶，计 +3 分
}

func ExampleSheet_Validate() {
	s, err := assessment.LoadSheet(strings.NewReader(exampleSheet))
	if err != nil {
		fmt.Println(err)
		return
	}
	from, below, five, zero := decimal.RequireFromString("0.9"), decimal.RequireFromString("0.98"), decimal.NewFromInt(5), decimal.Zero
	s.Items[0].Each = &zero
	s.Items[1].Bands = append(s.Items[1].Bands, assessment.Band{From: &from, Below: &below, Points: decimal.NewFromInt(-1)})
	s.Items[1].Cap = &five
	s.Items[3].Fact = "安全事故"
	fmt.Println(s.Validate())
	// Output:
	// assessment: bad sheet: sheet "示例考核细则/2026" items[0] "被督办" can never fire: each occurrence moves 0 points
	// assessment: bad sheet: sheet "示例考核细则/2026" items[1] "响应率" bands[0] and bands[1] overlap: a rate of 0.9 falls in both
	// assessment: bad sheet: sheet "示例考核细则/2026" items[1] "响应率" has the cap 5, which can never bind: no band moves more than 2 points
	// assessment: bad sheet: sheet "示例考核细则/2026" items[3] "重大责任事故" reads the unknown fact "安全事故" (not among the sheet's counts and rates)
}
