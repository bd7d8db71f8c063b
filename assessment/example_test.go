package assessment_test

import (
	"fmt"

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
// from the book counts 30%, the department's own assessment 70%.
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
		fmt.Println(a.Rank, a.Subject, a.Parts[assessment.SubdistrictPart], "× 0.3 +", a.Parts["department"], "× 0.7 =", a.Total.StringFixed(2))
	}
	// Output:
	// 1 住建局 85 × 0.3 + 93 × 0.7 = 90.60
	// 2 城管执法局 88.75 × 0.3 + 90 × 0.7 = 89.63
}

func ExampleWeights_Validate() {
	w := assessment.Weights{"competition": decimal.RequireFromString("0.6"), "year1": decimal.RequireFromString("0.3"), "year2": decimal.RequireFromString("-0.1")}
	fmt.Println(w.Validate())
	// Output:
	// assessment: bad weights: part "year2" has the negative weight -0.1
	// assessment: bad weights: weights sum to 0.8, not exactly 1
}
