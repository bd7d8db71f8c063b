package wuhu_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/shopspring/decimal"
)

func TestWeights(t *testing.T) {
	w := wuhu.Weights()
	if err := w.Validate(); err != nil {
		t.Fatalf("Weights do not validate: %v", err)
	}
	want := assessment.Weights{assessment.SubdistrictPart: decimal.RequireFromString("0.3"), "department": decimal.RequireFromString("0.7")}
	if diff := cmp.Diff(want, w); diff != "" {
		t.Errorf("Weights mismatch (-want +got):\n%s", diff)
	}
}
