package scoring_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/scoring"
)

// TestScaleFloorFarPoints: a scale not validated may hold points, or be
// asked about a figure, far from any JSON reads, such as 10^-1000000000
// made in Go; Floor compares them exactly and at once, not through the
// billion-digit numbers decimal's Cmp would scale one of them to.
func TestScaleFloorFarPoints(t *testing.T) {
	tiny, huge := decimal.New(1, -1_000_000_000), decimal.New(9, 1_000_000_000)
	s := scoring.Scale{{Code: "huge", Points: huge}, {Code: "good", Points: decimal.NewFromInt(85)}, {Code: "tiny", Points: tiny}, {Code: "neg", Points: tiny.Neg()}}
	for _, tt := range []struct {
		p    decimal.Decimal
		want string
	}{
		{decimal.NewFromInt(100), "good"}, {decimal.NewFromInt(1), "tiny"}, {decimal.Zero, "neg"},
		{decimal.NewFromInt(-5), "neg"}, {huge, "huge"}, {tiny, "tiny"}, {decimal.New(1, 2_000_000_000), "huge"},
	} {
		var g scoring.Grade
		if b := hardening.Allocated(func() { g, _ = s.Floor(tt.p) }); b > 1<<16 {
			t.Errorf("Floor(%se%d) allocated %d bytes", tt.p.Coefficient(), tt.p.Exponent(), b)
		}
		if g.Code != tt.want {
			t.Errorf("Floor(%se%d) = %s, want %s", tt.p.Coefficient(), tt.p.Exponent(), g.Code, tt.want)
		}
	}
}
