package ledger

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Points are kept as int64 fixed-point millionths when they fit (see
// toFixed) and summed in 128 bits, so that a sum of 10^8 of them never
// overflows and nothing is rounded.

// fixedExp is the exponent of the fixed-point points: millionths.
const fixedExp = -6

// pow10 holds 10^0 … 10^18, every power of ten that fits an int64.
var pow10 = [...]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// toFixed returns d × 10^6 as an int64 when that is an exact integer that
// fits; ok is false otherwise and the caller keeps the decimal.
func toFixed(d decimal.Decimal) (v int64, ok bool) {
	if d.IsZero() {
		return 0, true
	}
	if d.NumDigits() > 18 {
		return 0, false
	}
	c := d.CoefficientInt64()
	shift := int64(d.Exponent()) - fixedExp
	switch {
	case shift == 0:
		return c, true
	case shift > 0:
		if shift > 18 {
			return 0, false
		}
		m := pow10[shift]
		if c > math.MaxInt64/m || c < math.MinInt64/m {
			return 0, false
		}
		return c * m, true
	default:
		if -shift > 18 {
			return 0, false
		}
		m := pow10[-shift]
		if c%m != 0 {
			return 0, false
		}
		return c / m, true
	}
}

// int128 is a signed 128-bit integer, enough to sum 10^8 fixed-point points
// of any int64 size without overflow. The zero value is 0.
type int128 struct {
	hi int64
	lo uint64
}

func (a *int128) add(x int64) {
	var carry uint64
	a.lo, carry = bits.Add64(a.lo, uint64(x), 0)
	a.hi += int64(carry) + x>>63
}

func (a *int128) addWide(x int128) {
	var carry uint64
	a.lo, carry = bits.Add64(a.lo, x.lo, 0)
	a.hi += x.hi + int64(carry)
}

func (a int128) isZero() bool { return a.hi == 0 && a.lo == 0 }

func (a int128) big() *big.Int {
	z := new(big.Int).SetInt64(a.hi)
	z.Lsh(z, 64)
	return z.Add(z, new(big.Int).SetUint64(a.lo))
}
