package jsonx_test

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

func ExampleDecode() {
	var v struct {
		Limit jsonx.Duration `json:"limit"`
		Score jsonx.Decimal  `json:"score"`
	}
	fmt.Println(jsonx.Decode([]byte(`{"limit":"2h","score":"90.50"}`), &v))
	fmt.Println(time.Duration(v.Limit), jsonx.FormatDecimal(decimal.Decimal(v.Score)))
	fmt.Println(jsonx.Decode([]byte(`{"limt":"2h"}`), &v))
	// Output:
	// <nil>
	// 2h0m0s 90.5
	// json: unknown field "limt"
}
