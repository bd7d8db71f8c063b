package scoring

import (
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// sides are the thresholds a ratio of a reason must not be rounded onto or
// across: 1, the limit that "on time" compares with, and the ratios of the
// table's rules for one figure (the resolution's, or the response's).
type sides struct {
	t          *Table // nil: the limit only
	resolution bool
}

// each calls f with 1 and each threshold of the figure, until f returns
// false.
func (s sides) each(f func(fraction) bool) {
	if !f(fraction{n: 1, d: 1, small: true}) || s.t == nil {
		return
	}
	for i := range s.t.Rules {
		r := &s.t.Rules[i]
		at, over := r.ResponseAtMost, r.ResponseOver
		if s.resolution {
			at, over = r.ResolutionAtMost, r.ResolutionOver
		}
		for _, x := range [2]*decimal.Decimal{at, over} {
			if x != nil && !f(fractionOf(*x)) {
				return
			}
		}
	}
}

// appendRatio appends actual/limit with 2 places, rounded half up, where
// that figure is on the same side of every threshold as the ratio itself
// (and on a threshold only where the ratio is); else with the fewest more
// places that make it so. It needs actual ≥ 0 and limit > 0.
func (s sides) appendRatio(b []byte, actual, limit int64) []byte {
	if q, ok := hundredths(actual, limit); ok && s.agrees(actual, limit, func(f fraction) int { return f.cmpHundredths(q) }) {
		return appendRatioFast(b, actual, limit)
	}
	r := new(big.Rat).SetFrac(big.NewInt(actual), big.NewInt(limit))
	for places := int32(2); places <= 40; places++ {
		d := roundRat(r, places)
		dr := d.Rat()
		if s.agrees(actual, limit, func(f fraction) int { return dr.Cmp(f.rat()) }) {
			return append(b, d.StringFixed(places)...)
		}
	}
	return append(b, r.FloatString(40)...)
}

// agrees reports whether, for every threshold, the rounded figure compares
// with it (cmp) as actual/limit does.
func (s sides) agrees(actual, limit int64, cmp func(fraction) int) bool {
	ok := true
	s.each(func(f fraction) bool {
		ok = f.cmpRatio(actual, limit) == cmp(f)
		return ok
	})
	return ok
}

// hundredths returns actual/limit in hundredths rounded half up, as
// appendRatio prints it; ok is false where that does not fit a uint64.
func hundredths(actual, limit int64) (uint64, bool) {
	hi, lo := bits.Mul64(uint64(actual), 200)
	lo, c := bits.Add64(lo, uint64(limit), 0)
	hi += c
	div := uint64(limit) * 2
	if hi >= div {
		return 0, false
	}
	q, _ := bits.Div64(hi, lo, div)
	return q, true
}

// cmpHundredths compares q/100 with f: -1, 0 or +1.
func (f fraction) cmpHundredths(q uint64) int {
	if f.neg {
		return 1
	}
	if f.small {
		ah, al := bits.Mul64(q, f.d)
		bh, bl := bits.Mul64(f.n, 100)
		switch {
		case ah < bh || ah == bh && al < bl:
			return -1
		case ah == bh && al == bl:
			return 0
		}
		return 1
	}
	return new(big.Rat).SetFrac(new(big.Int).SetUint64(q), big.NewInt(100)).Cmp(f.r)
}

// rat returns f as a big.Rat (a negative threshold as -1: every ratio is
// above it).
func (f fraction) rat() *big.Rat {
	switch {
	case f.neg:
		return big.NewRat(-1, 1)
	case f.small:
		return new(big.Rat).SetFrac(new(big.Int).SetUint64(f.n), new(big.Int).SetUint64(f.d))
	}
	return f.r
}
