// Package deccmp compares decimals exactly at a cost bounded by the
// lengths of their coefficients, whatever their exponents. decimal's Cmp
// scales one coefficient by ten to the difference of the exponents, so
// that comparing 10^-1000000000, a decimal made in Go, with 85 works out
// a billion-digit number; the decoders of the library read no such
// decimal, but a host may build one, and a function that compares the
// decimals it is given compares them through [Cmp].
package deccmp

import (
	"cmp"

	"github.com/shopspring/decimal"
)

// nearExp is the largest difference of exponents Cmp leaves to decimal's
// Cmp unasked: scaling by 10^64 costs what the decimals JSON reads cost.
const nearExp = 64

// Cmp compares a and b: -1 if a < b, 0 if they are equal, +1 if a > b,
// exactly as a.Cmp(b). When their exponents differ by more than 64 it
// first compares their orders of magnitude, read off the lengths of their
// coefficients in bits, and scales one only when those are within a digit
// or two of each other, where the exponents differ by at most the digits
// of the longer coefficient and a few: its cost is then bounded by the
// lengths of the coefficients, not by their exponents.
func Cmp(a, b decimal.Decimal) int {
	if d := int64(a.Exponent()) - int64(b.Exponent()); d >= -nearExp && d <= nearExp {
		return a.Cmp(b)
	}
	sa, sb := a.Sign(), b.Sign()
	switch {
	case sa != sb:
		return cmp.Compare(sa, sb)
	case sa == 0:
		return 0
	}
	alo, ahi := Magnitude(a)
	blo, bhi := Magnitude(b)
	switch {
	case ahi <= blo: // |a| < 10^ahi ≤ 10^blo ≤ |b|
		return -sa
	case bhi <= alo:
		return sa
	}
	return a.Cmp(b)
}

// Magnitude returns lo and hi with 10^lo ≤ |x| < 10^hi, for x not 0, read
// off the length of its coefficient c in bits, b, at the cost of a copy of
// c: 10^((b-1)·0.301) ≤ 2^(b-1) ≤ |c| < 2^b ≤ 10^(b·0.302). hi - lo is at
// most 2 + b/1000.
func Magnitude(x decimal.Decimal) (lo, hi int64) {
	b := int64(x.Coefficient().BitLen()) // x.NumDigits costs the square of a huge coefficient's length
	e := int64(x.Exponent())
	return (b-1)*301/1000 + e, b*302/1000 + 1 + e
}
