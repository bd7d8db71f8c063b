package scoring

import (
	"math/big"
	"math/bits"

	"github.com/qingdan/qingdan/internal/deccmp"
	"github.com/qingdan/qingdan/scoring/internal/ratio"
	"github.com/shopspring/decimal"
)

// This file holds the exact arithmetic shared by the package: half-up
// rounding of rationals and comparisons of ratios. (The book's fixed-point
// points and 128-bit sums are its ledger's: see internal/ledger.)

// roundRat rounds r half away from zero to places decimal places.
func roundRat(r *big.Rat, places int32) decimal.Decimal {
	var q big.Int
	return decimal.NewFromBigInt(ratio.RoundRat(&q, r, int(places)), -places)
}

// fraction is a non-negative decimal threshold n/d, held as uint64s when it
// fits and as a big.Rat otherwise.
type fraction struct {
	n, d  uint64
	small bool
	neg   bool
	r     *big.Rat
}

// fractionOf converts a decimal threshold. It allocates only when the
// decimal does not fit 18 digits.
func fractionOf(x decimal.Decimal) fraction {
	if x.Sign() < 0 {
		return fraction{neg: true}
	}
	if x.IsZero() {
		return fraction{n: 0, d: 1, small: true}
	}
	if e := x.Exponent(); e < -farExp || e > farExp {
		if f, ok := farFraction(x); ok {
			return f
		}
	}
	if x.NumDigits() <= 18 {
		c, e := uint64(x.CoefficientInt64()), int64(x.Exponent())
		switch {
		case e >= 0 && e <= 18:
			if hi, lo := bits.Mul64(c, uint64(ratio.Pow10[e])); hi == 0 {
				return fraction{n: lo, d: 1, small: true}
			}
		case e < 0 && e >= -18:
			return fraction{n: c, d: uint64(ratio.Pow10[-e]), small: true}
		}
	}
	return fraction{r: x.Rat()}
}

// cmpRatio compares actual/limit with f: -1, 0 or +1. It needs actual ≥ 0
// and limit > 0.
func (f fraction) cmpRatio(actual, limit int64) int {
	if f.neg {
		return 1
	}
	if f.small {
		return f.cmpSmall(uint64(actual), uint64(limit))
	}
	lhs := new(big.Rat).SetFrac(big.NewInt(actual), big.NewInt(limit))
	return lhs.Cmp(f.r)
}

// cmpSmall compares x/y with f, a small fraction n/d, as x × d against
// n × y in 128 bits: -1, 0 or +1.
func (f fraction) cmpSmall(x, y uint64) int {
	ah, al := bits.Mul64(x, f.d)
	bh, bl := bits.Mul64(f.n, y)
	switch {
	case ah < bh || ah == bh && al < bl:
		return -1
	case ah == bh && al == bl:
		return 0
	}
	return 1
}

// farExp is the exponent beyond which fractionOf asks farFraction first.
const farExp = 200

// farFraction returns, for a positive x below 10^-100 or above 10^100,
// 10^-100 or 10^100: every figure a threshold is compared with — 0, a
// ratio of two durations, that ratio rounded to at most ratio.MaxPlaces
// places — is 0 or between 10^-82 and 10^19, so it compares with x as
// with these, and a threshold of millions of places, such as a table not
// validated may hold, is compared without working them out. ok is false
// for an x between the two.
func farFraction(x decimal.Decimal) (f fraction, ok bool) {
	switch lo, hi := deccmp.Magnitude(x); {
	case hi < -100:
		return fraction{r: new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(100), nil))}, true
	case lo > 100:
		return fraction{r: new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(100), nil))}, true
	}
	return fraction{}, false
}
