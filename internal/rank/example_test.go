package rank_test

import (
	"fmt"

	"github.com/qingdan/qingdan/internal/rank"
	"github.com/shopspring/decimal"
)

type score struct {
	name  string
	total decimal.Decimal
	rank  int
}

func ExampleBy() {
	d := decimal.RequireFromString
	xs := []score{{"住建局", d("85"), 0}, {"城管局", d("91.5"), 0}, {"水务局", d("85.0"), 0}, {"交通局", d("70"), 0}}
	rank.By(xs, func(s score) decimal.Decimal { return s.total }, func(s score) string { return s.name },
		func(s *score, r int) { s.rank = r })
	for _, s := range xs {
		fmt.Println(s.rank, s.name, s.total)
	}
	// Output:
	// 1 城管局 91.5
	// 2 住建局 85
	// 2 水务局 85
	// 4 交通局 70
}
