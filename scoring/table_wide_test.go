package scoring_test

import (
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
)

// TestTableEvaluateWideThresholds: a table that is not validated may hold
// a threshold of a moderate value written with a million digits, made in
// Go, such as 0.5000…0001. No exact comparison of it with a ratio works
// without working through all its digits, which Evaluate did at each
// comparison (for a million digits, a sixth of a second and 14 MB an
// evaluation, more for more digits). Evaluate now
// refuses a threshold whose coefficient has more than 4096 bits, naming
// the rule and the condition, without reading its digits; a threshold
// within the bound is still compared exactly, as big.Rat compares it.
func TestTableEvaluateWideThresholds(t *testing.T) {
	const n = 1_000_000
	ten := big.NewInt(10)
	pow := func(k int64) *big.Int { return new(big.Int).Exp(ten, big.NewInt(k), nil) }
	c := new(big.Int).Add(new(big.Int).Mul(big.NewInt(5), pow(n-1)), big.NewInt(1))
	for _, x := range []decimal.Decimal{
		decimal.NewFromBigInt(c, -n),                                  // 0.5000…0001, a million places
		decimal.NewFromBigInt(new(big.Int).Sub(c, big.NewInt(2)), -n), // 0.4999…9999
		decimal.NewFromBigInt(pow(n), -n),                             // 1, written with a million zeros
		decimal.NewFromBigInt(pow(2000), 0),                           // far above every ratio, 6,644 bits
	} {
		tbl := &scoring.Table{Version: "wide", Scale: wuhu.Scale(), Rules: []scoring.TableRule{
			{Name: "quick", Grade: "good", ResolutionAtMost: &x},
			{Name: "rest", Grade: "poor"},
		}}
		f := scoring.Facts{Resolved: true, Resolution: time.Hour, ResolutionLimit: 2 * time.Hour}
		var err error
		if b := hardening.Allocated(func() { _, err = tbl.Evaluate(f) }); b > 1<<16 {
			t.Errorf("threshold of exponent %d: Evaluate allocated %d bytes", x.Exponent(), b)
		}
		if !errors.Is(err, scoring.ErrInvalid) || !strings.Contains(err.Error(), `table "wide" rules[0] "quick": resolutionAtMost has a coefficient of more than 4096 bits`) {
			t.Errorf("threshold of exponent %d: Evaluate = %v; want the threshold named", x.Exponent(), err)
		}
	}
	// Within the bound, exactly: 0.5 + 10^-1200 (3,990 bits), 0.5 − 10^-1200
	// and 0.5 written with 1,200 places, against a ratio of exactly 0.5.
	half := new(big.Int).Mul(big.NewInt(5), pow(1199))
	for _, tt := range []struct {
		c    *big.Int
		want string
	}{
		{new(big.Int).Add(half, big.NewInt(1)), "good"},
		{new(big.Int).Sub(half, big.NewInt(1)), "poor"},
		{half, "good"},
	} {
		x := decimal.NewFromBigInt(tt.c, -1200)
		if want := x.Rat().Cmp(big.NewRat(1, 2)) >= 0; want != (tt.want == "good") {
			t.Fatalf("the case %v is wrong", tt)
		}
		tbl := &scoring.Table{Version: "long", Scale: wuhu.Scale(), Rules: []scoring.TableRule{
			{Name: "quick", Grade: "good", ResolutionAtMost: &x},
			{Name: "rest", Grade: "poor"},
		}}
		got, err := tbl.Evaluate(scoring.Facts{Resolved: true, Resolution: time.Hour, ResolutionLimit: 2 * time.Hour})
		if err != nil || got.Grade != tt.want {
			t.Errorf("threshold 0.5 %+d × 10^-1200: Evaluate = %s, %v; want %s", new(big.Int).Sub(tt.c, half), got.Grade, err, tt.want)
		}
	}
	// A negative threshold, however long, is below every ratio: no digit
	// of it is needed.
	neg := decimal.NewFromBigInt(new(big.Int).Neg(c), -n)
	tbl := &scoring.Table{Version: "neg", Scale: wuhu.Scale(), Rules: []scoring.TableRule{
		{Name: "over", Grade: "good", ResolutionOver: &neg},
		{Name: "rest", Grade: "poor"},
	}}
	if got, err := tbl.Evaluate(scoring.Facts{Resolved: true, Resolution: time.Hour, ResolutionLimit: 2 * time.Hour}); err != nil || got.Grade != "good" {
		t.Errorf("negative threshold: Evaluate = %s, %v; want good", got.Grade, err)
	}
}
