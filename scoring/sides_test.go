package scoring

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/qingdan/qingdan/scoring/internal/ratio"
	"github.com/shopspring/decimal"
)

// slowSided is sides.places, shown, done with big.Rat alone: the fewest
// places from 2 at which the figure compares with every threshold as the
// ratio does.
func slowSided(actual, limit int64, thresholds []decimal.Decimal) string {
	r := new(big.Rat).SetFrac64(actual, limit)
	xs := []*big.Rat{big.NewRat(1, 1)}
	for _, x := range thresholds {
		xs = append(xs, x.Rat())
	}
	for places := int32(2); ; places++ {
		d := roundRat(r, places)
		ok := true
		for _, x := range xs {
			if d.Rat().Cmp(x) != r.Cmp(x) {
				ok = false
			}
		}
		if ok {
			return d.StringFixed(places)
		}
	}
}

// TestSidesAgreeWithBigRat: the 128-bit figures of a reason are those
// big.Rat gives, for ratios near thresholds of two and more places and
// far from them.
func TestSidesAgreeWithBigRat(t *testing.T) {
	ths := []decimal.Decimal{decimal.RequireFromString("2"), decimal.RequireFromString("0.755"), decimal.RequireFromString("1.5"),
		decimal.RequireFromString("0.3333333"), decimal.RequireFromString("1e-9")}
	tbl := &Table{Rules: []TableRule{{ResponseOver: &ths[0]}, {ResponseAtMost: &ths[1]}, {ResponseOver: &ths[2]}, {ResponseAtMost: &ths[3]}, {ResponseOver: &ths[4]}}}
	rng := rand.New(rand.NewPCG(3, 5))
	for range 20000 {
		limit := 1 + rng.Int64N(int64(1000*time.Hour))
		x := ths[rng.IntN(len(ths))].Rat()
		near := new(big.Rat).Mul(x, new(big.Rat).SetInt64(limit))
		actual := new(big.Int).Quo(near.Num(), near.Denom()).Int64() + rng.Int64N(5) - 2
		if rng.IntN(4) == 0 {
			actual = rng.Int64N(3 * limit)
		}
		actual = max(actual, 0)
		got := string(ratio.Append(nil, actual, limit, sides{t: tbl}.places(actual, limit)))
		if want := slowSided(actual, limit, ths); got != want {
			t.Fatalf("%d/%d: got %s, want %s", actual, limit, got, want)
		}
	}
}

// TestSidesFinestThreshold: a ratio never reads as on or across a
// threshold of as many places as JSON reads (62: "0." and 62 digits make
// the 64 characters of the longest decimal), however many places that
// takes.
func TestSidesFinestThreshold(t *testing.T) {
	third := decimal.RequireFromString("0." + strings.Repeat("3", 62))           // below 1/3
	twoThirds := decimal.RequireFromString("0." + strings.Repeat("6", 61) + "7") // above 2/3
	for _, tt := range []struct {
		actual, limit int64
		x             decimal.Decimal
	}{
		{int64(time.Hour), int64(3 * time.Hour), third},
		{int64(2 * time.Hour), int64(3 * time.Hour), twoThirds},
		{math.MaxInt64 / 3, math.MaxInt64 - math.MaxInt64%3, third},
	} {
		tbl := &Table{Rules: []TableRule{{ResponseOver: &tt.x}, {ResponseAtMost: &tt.x}}}
		got := string(ratio.Append(nil, tt.actual, tt.limit, sides{t: tbl}.places(tt.actual, tt.limit)))
		if want := slowSided(tt.actual, tt.limit, []decimal.Decimal{tt.x}); got != want {
			t.Errorf("%d/%d against %s: got %s, want %s", tt.actual, tt.limit, tt.x, got, want)
		}
	}
}
