package main

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// A host builds its own policy: here two post categories, with weights
// that sum to 1, checked before use.
func ExamplePostEvaluator() {
	e := &PostEvaluator{
		Policy: "示例街道/2021",
		Scale:  wuhu.Scale(),
		Posts: map[string]PostWeights{
			"执法岗": {
				Response:     decimal.RequireFromString("0.3"),
				Resolution:   decimal.RequireFromString("0.5"),
				Quality:      decimal.RequireFromString("0.2"),
				Satisfaction: decimal.Zero,
			},
		},
	}
	if err := e.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	r, err := e.Evaluate(scoring.Facts{
		Matter: "M-001", Subject: "CG01",
		Responded: true, Response: 90 * time.Minute, ResponseLimit: time.Hour,
		Resolved: true, Resolution: 20 * time.Hour, ResolutionLimit: 24 * time.Hour,
		Quality: 4,
		Attrs:   map[string]string{PostAttr: "执法岗"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Grade, r.Points, r.Policy)
	for _, why := range r.Reasons {
		fmt.Println(why)
	}
	// Output:
	// good 85 示例街道/2021
	// 岗位类别 执法岗
	// 响应 70（用时 1小时30分，时限 1小时，超时不到一半）
	// 办结 100（用时 20小时，时限 24小时）
	// 质量 80（4 级）
	// 满意 80（未回访）
	// 量化得分 87.0（权重 0.3/0.5/0.2/0）
}
