package scoring

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/shopspring/decimal"
)

// This file holds the exact arithmetic shared by the package: half-up
// rounding of rationals and comparisons of ratios. (The book's fixed-point
// points and 128-bit sums are its ledger's: see internal/ledger.)

// pow10 holds 10^0 … 10^18, every power of ten that fits an int64.
var pow10 = [...]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// roundRat rounds r half away from zero to places decimal places.
func roundRat(r *big.Rat, places int32) decimal.Decimal {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	num := new(big.Int).Mul(r.Num(), scale)
	den := r.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	m.Abs(m).Lsh(m, 1)
	if m.Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return decimal.NewFromBigInt(q, -places)
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
	if x.NumDigits() <= 18 {
		c, e := uint64(x.CoefficientInt64()), int64(x.Exponent())
		switch {
		case e >= 0 && e <= 18:
			if hi, lo := bits.Mul64(c, uint64(pow10[e])); hi == 0 {
				return fraction{n: lo, d: 1, small: true}
			}
		case e < 0 && e >= -18:
			return fraction{n: c, d: uint64(pow10[-e]), small: true}
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
		// actual × d against n × limit, in 128 bits.
		ah, al := bits.Mul64(uint64(actual), f.d)
		bh, bl := bits.Mul64(f.n, uint64(limit))
		switch {
		case ah < bh || ah == bh && al < bl:
			return -1
		case ah == bh && al == bl:
			return 0
		}
		return 1
	}
	lhs := new(big.Rat).SetFrac(big.NewInt(actual), big.NewInt(limit))
	return lhs.Cmp(f.r)
}

// appendRatio appends actual/limit with 2 places, rounded half up, for
// reasons. It needs actual ≥ 0 and limit > 0.
func appendRatio(b []byte, actual, limit int64) []byte {
	hi, lo := bits.Mul64(uint64(actual), 200)
	lo, c := bits.Add64(lo, uint64(limit), 0)
	hi += c
	div := uint64(limit) * 2
	if hi < div {
		if q, _ := bits.Div64(hi, lo, div); q <= math.MaxInt64 {
			b = strconv.AppendUint(b, q/100, 10)
			b = append(b, '.', byte('0'+q/10%10), byte('0'+q%10))
			return b
		}
	}
	r := new(big.Rat).SetFrac(big.NewInt(actual), big.NewInt(limit))
	return append(b, roundRat(r, 2).StringFixed(2)...)
}
