package wuhu

import (
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// Scale returns the grades of Wuhu's one-matter-one-evaluation scheme
// (一事一评): excellent 好 100, good 较好 85, fair 一般 70, poor 差 40. The
// source says only that the sub-district gives a grade (等次评价); these
// four grades and their points are illustrative. Each call returns a new
// slice that the caller may change.
func Scale() scoring.Scale {
	return scoring.Scale{
		{Code: "excellent", Label: "好", Points: decimal.NewFromInt(100)},
		{Code: "good", Label: "较好", Points: decimal.NewFromInt(85)},
		{Code: "fair", Label: "一般", Points: decimal.NewFromInt(70)},
		{Code: "poor", Label: "差", Points: decimal.NewFromInt(40)},
	}
}
