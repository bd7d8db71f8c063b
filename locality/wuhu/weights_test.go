package wuhu_test

import (
	"testing"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/shopspring/decimal"
)

func TestWeights(t *testing.T) {
	wantPublished(t, "Weights", wuhu.Weights(),
		assessment.Weights{assessment.SubdistrictPart: decimal.RequireFromString("0.3"), "department": decimal.RequireFromString("0.7")})
}
