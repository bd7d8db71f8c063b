package deccmp_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/deccmp"
)

func ExampleCmp() {
	tiny := decimal.New(1, -1_000_000_000) // 10^-1000000000, made in Go
	fmt.Println(deccmp.Cmp(tiny, decimal.NewFromInt(85)), deccmp.Cmp(decimal.RequireFromString("85.0"), decimal.NewFromInt(85)))
	// Output:
	// -1 0
}
