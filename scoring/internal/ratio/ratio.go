// Package ratio writes a ratio of two times, actual/limit, as a decimal
// figure rounded half up: the arithmetic that package scoring uses to
// choose how many places a reason shows and that package reason uses to
// show them, in one place.
package ratio

import (
	"math/big"
	"math/bits"
	"strconv"
)

// Pow10 holds 10^0 … 10^18, every power of ten that fits an int64.
var Pow10 = [...]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// MaxPlaces is the most places a figure is shown with: enough to keep a
// ratio of two int64 durations off every threshold of at most 62 places
// (the most a decimal of JSON's 64 characters has) that it is not on, as
// they differ by at least 1/(2^63 × 10^62) > 10^-82.
const MaxPlaces = 82

// RoundedAt returns actual/limit × 10^places rounded half up, where it
// fits a uint64: ⌊(2 × actual × 10^places + limit) / (2 × limit)⌋. It
// needs actual ≥ 0, limit > 0 and places ≤ 18.
func RoundedAt(actual, limit int64, places int) (uint64, bool) {
	hi, lo := bits.Mul64(uint64(actual), 2*uint64(Pow10[places]))
	lo, c := bits.Add64(lo, uint64(limit), 0)
	hi += c
	if den := 2 * uint64(limit); hi < den {
		q, _ := bits.Div64(hi, lo, den)
		return q, true
	}
	return 0, false
}

// AppendFixed appends q / 10^places with places decimals.
func AppendFixed(b []byte, q uint64, places int) []byte {
	if places == 2 && q < 1000 {
		return append(b, byte('0'+q/100), '.', byte('0'+q/10%10), byte('0'+q%10))
	}
	p := uint64(Pow10[places])
	b = strconv.AppendUint(b, q/p, 10)
	b = append(b, '.')
	frac := strconv.AppendUint(make([]byte, 0, 20), q%p+p, 10) // a leading 1 keeps the zeros
	return append(b, frac[1:]...)
}

// Append appends actual/limit rounded half up to places decimals (0 to
// MaxPlaces; fewer are taken as 0, more as MaxPlaces). It needs actual ≥ 0
// and limit > 0. Figures of up to 18 places are found in 128-bit
// integers; only one that needs more goes to big.Int.
func Append(b []byte, actual, limit int64, places int) []byte {
	places = min(max(places, 0), MaxPlaces)
	if places <= 18 {
		if q, ok := RoundedAt(actual, limit, places); ok {
			if places == 0 {
				return strconv.AppendUint(b, q, 10)
			}
			return AppendFixed(b, q, places)
		}
	}
	r := RoundRat(new(big.Int), new(big.Rat).SetFrac(big.NewInt(actual), big.NewInt(limit)), places)
	s := r.String()
	if places == 0 {
		return append(b, s...)
	}
	for len(s) <= places { // at least one digit before the point
		s = "0" + s
	}
	b = append(b, s[:len(s)-places]...)
	b = append(b, '.')
	return append(b, s[len(s)-places:]...)
}

// RoundRat sets q to r × 10^places rounded half away from zero, and
// returns q (a caller's q on its stack costs no allocation).
func RoundRat(q *big.Int, r *big.Rat, places int) *big.Int {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	num := new(big.Int).Mul(r.Num(), scale)
	den := r.Denom()
	q, m := q.QuoRem(num, den, new(big.Int))
	m.Abs(m).Lsh(m, 1)
	if m.Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}
