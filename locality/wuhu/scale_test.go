package wuhu_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

func TestScale(t *testing.T) {
	s := wuhu.Scale()
	if err := s.Validate(); err != nil {
		t.Fatalf("Scale does not validate: %v", err)
	}
	want := scoring.Scale{
		{Code: "excellent", Label: "好", Points: decimal.NewFromInt(100)},
		{Code: "good", Label: "较好", Points: decimal.NewFromInt(85)},
		{Code: "fair", Label: "一般", Points: decimal.NewFromInt(70)},
		{Code: "poor", Label: "差", Points: decimal.NewFromInt(40)},
	}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("Scale mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(s, wuhu.Table().Scale); diff != "" {
		t.Errorf("Table().Scale is not Scale() (-want +got):\n%s", diff)
	}
}
