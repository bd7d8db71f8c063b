package weights_test

import (
	"fmt"

	"github.com/qingdan/qingdan/internal/weights"
	"github.com/shopspring/decimal"
)

func ExampleCheck() {
	d := decimal.RequireFromString
	fmt.Println(weights.Check(map[string]decimal.Decimal{"subdistrict": d("0.3"), "department": d("0.7")}))
	fmt.Println(weights.Check(map[string]decimal.Decimal{"a": d("0.33"), "b": d("0.33"), "c": d("0.33")}))
	// Output:
	// []
	// [weights sum to 0.99, not exactly 1]
}
