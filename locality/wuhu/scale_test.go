package wuhu_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// wantPublished fails t unless got, what the function name returned,
// validates and is want.
func wantPublished[T interface{ Validate() error }](t *testing.T, name string, got, want T) {
	t.Helper()
	if err := got.Validate(); err != nil {
		t.Fatalf("%s() does not validate: %v", name, err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s() mismatch (-want +got):\n%s", name, diff)
	}
}

func TestScale(t *testing.T) {
	s := wuhu.Scale()
	wantPublished(t, "Scale", s, scoring.Scale{
		{Code: "excellent", Label: "好", Points: decimal.NewFromInt(100)},
		{Code: "good", Label: "较好", Points: decimal.NewFromInt(85)},
		{Code: "fair", Label: "一般", Points: decimal.NewFromInt(70)},
		{Code: "poor", Label: "差", Points: decimal.NewFromInt(40)},
	})
	if diff := cmp.Diff(s, wuhu.Table().Scale); diff != "" {
		t.Errorf("Table().Scale is not Scale() (-want +got):\n%s", diff)
	}
}
