package errtext_test

import (
	"fmt"
	"strings"

	"github.com/qingdan/qingdan/internal/errtext"
)

func ExampleQuote() {
	fmt.Println(errtext.Quote("没有这个"))
	fmt.Println(errtext.Quote(strings.Repeat("清", 30)))
	// Output:
	// "没有这个"
	// "清清清清清清清清清清清清清清清清清清清清清"… (90 bytes)
}

func ExampleCut() {
	fmt.Println(errtext.Cut("违法建设"))
	fmt.Println(errtext.Cut(strings.Repeat("清", 30)))
	// Output:
	// 违法建设
	// 清清清清清清清清清清清清清清清清清清清清清… (90 bytes)
}

func ExampleCount() {
	fmt.Println(errtext.Count(1, "working day"))
	fmt.Println(errtext.Count(3, "working day"))
	// Output:
	// 1 working day
	// 3 working days
}
