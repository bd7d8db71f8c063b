package scoring

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// TestCmpRatioFastPath checks cmpRatio's fast path for ordinary thresholds
// against fractionOf, which every threshold went through before, for
// thresholds of every sign, size and exponent around its edges.
func TestCmpRatioFastPath(t *testing.T) {
	var xs []decimal.Decimal
	for _, s := range []string{"0", "1", "2", "0.5", "1.25", "0.000000000000000001", "0.0000000000000000001",
		"999999999999999999", "1000000000000000000", "123456789012345678.9", "1e3", "2e18", "-1", "-0.5"} {
		xs = append(xs, decimal.RequireFromString(s))
	}
	xs = append(xs, decimal.New(1, -18), decimal.New(1, -19), decimal.New(math.MaxInt64, -18), decimal.New(7, 2))
	rng := rand.New(rand.NewPCG(16, 3))
	times := []int64{-1, 0, 1, 2, 3, int64(time.Hour), 1e18, math.MaxInt64}
	for range 20000 {
		x := xs[rng.IntN(len(xs))]
		a, l := times[rng.IntN(len(times))], times[rng.IntN(len(times))]
		if rng.IntN(2) == 0 {
			a, l = rng.Int64N(1e15), 1+rng.Int64N(1e15)
		}
		want := -x.Sign()
		if l > 0 && a > 0 {
			want = fractionOf(x).cmpRatio(a, l)
		}
		if got, ok := cmpRatio(time.Duration(a), time.Duration(l), &x); got != want || !ok {
			t.Fatalf("cmpRatio(%d, %d, %s) = %d, %v, want %d, true", a, l, x, got, ok, want)
		}
	}
}
