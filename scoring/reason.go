package scoring

import (
	"math/big"
	"math/bits"

	"github.com/qingdan/qingdan/scoring/internal/ratio"
	"github.com/shopspring/decimal"
)

// sides are the thresholds a ratio of a reason must not be rounded onto or
// across: 1, the limit that "on time" compares with, and the ratios of the
// table's rules for one figure (the resolution's, or the response's).
type sides struct {
	t          *Table // nil: the limit only
	resolution bool
}

// places returns the decimals with which actual/limit is shown: 2, where
// that figure, rounded half up, is on the same side of every threshold as
// the ratio itself (and on a threshold only where the ratio is); else the
// fewest more places that make it so, up to ratio.MaxPlaces. It needs
// actual ≥ 0 and limit > 0. Figures of up to 18 places are found in
// 128-bit integers; only a ratio that needs more goes to big.Rat.
func (s sides) places(actual, limit int64) int {
	if q, ok := ratio.RoundedAt(actual, limit, 2); ok && s.agreeHundredths(actual, limit, q) {
		return 2
	}
	for places := 3; places <= 18; places++ {
		q, ok := ratio.RoundedAt(actual, limit, places)
		if !ok {
			break
		}
		if s.agreeAt(actual, limit, q, places) {
			return places
		}
	}
	r := new(big.Rat).SetFrac(big.NewInt(actual), big.NewInt(limit))
	for places := 2; places < ratio.MaxPlaces; places++ {
		shown := new(big.Rat).SetFrac(ratio.RoundRat(new(big.Int), r, places), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
		if s.agreeShown(actual, limit, shown) {
			return places
		}
	}
	return ratio.MaxPlaces
}

// agreeAt reports whether q / 10^places compares with 1 and every
// threshold as actual/limit does.
func (s sides) agreeAt(actual, limit int64, q uint64, places int) bool {
	p := uint64(ratio.Pow10[places])
	same := func(f fraction) bool {
		if f.neg {
			return true // every ratio and figure is above it
		}
		if !f.small {
			return f.cmpRatio(actual, limit) == new(big.Rat).SetFrac(new(big.Int).SetUint64(q), new(big.Int).SetUint64(p)).Cmp(f.rat())
		}
		// q × d against n × 10^places, in 128 bits.
		ah, al := bits.Mul64(q, f.d)
		bh, bl := bits.Mul64(f.n, p)
		shown := 1
		switch {
		case ah < bh || ah == bh && al < bl:
			shown = -1
		case ah == bh && al == bl:
			shown = 0
		}
		return f.cmpRatio(actual, limit) == shown
	}
	return same(fraction{n: 1, d: 1, small: true}) && s.thresholds(func(x *decimal.Decimal) bool { return same(fractionOf(*x)) })
}

// thresholds calls f with each threshold of the figure in the table's
// rules (not 1), until f returns false; it reports whether f never did.
func (s sides) thresholds(f func(x *decimal.Decimal) bool) bool {
	if s.t == nil {
		return true
	}
	for i := range s.t.Rules {
		at, over := s.pair(&s.t.Rules[i])
		if at != nil && !f(at) || over != nil && !f(over) {
			return false
		}
	}
	return true
}

// pair returns the thresholds of the figure in rule r: at most, over.
func (s sides) pair(r *TableRule) (at, over *decimal.Decimal) {
	if s.resolution {
		return r.ResolutionAtMost, r.ResolutionOver
	}
	return r.ResponseAtMost, r.ResponseOver
}

// agreeHundredths reports whether q hundredths, actual/limit rounded,
// compares with 1 and every threshold as actual/limit does. The rounded
// figure is within half a hundredth of the ratio, so it can only fall on
// or across a threshold x with 100x within half of q; for x of at most
// two places, 100x is a whole number X, and that happens only when q is X
// and the ratio is not exactly q hundredths.
func (s sides) agreeHundredths(actual, limit int64, q uint64) bool {
	ah, al := bits.Mul64(uint64(actual), 100)
	if qh, ql := bits.Mul64(q, uint64(limit)); ah == qh && al == ql {
		return true // the figure is the ratio itself
	}
	if q == 100 {
		return false // the limit itself
	}
	if s.t == nil {
		return true
	}
	for i := range s.t.Rules { // not thresholds: a call of a closure for each is a fifth of a reason's cost
		at, over := s.pair(&s.t.Rules[i])
		if at != nil && !clearOf(at, actual, limit, q) || over != nil && !clearOf(over, actual, limit, q) {
			return false
		}
	}
	return true
}

// clearOf reports whether q hundredths compares with the threshold x as
// actual/limit does (see agreeHundredths).
//
// A threshold of at most two places is q hundredths only if its
// coefficient times 10^(2+exponent) is q in 64-bit arithmetic, which wraps
// — so a product other than q clears it (a coefficient beyond 64 bits is
// a threshold beyond any q), and a product equal to q is decided exactly.
func clearOf(x *decimal.Decimal, actual, limit int64, q uint64) bool {
	if e := x.Exponent(); e >= -2 && e <= 0 && uint64(x.CoefficientInt64())*uint64(ratio.Pow10[e+2]) != q {
		return true
	}
	f := fractionOf(*x)
	return f.cmpRatio(actual, limit) == f.cmpHundredths(q)
}

// agreeShown reports whether shown compares with 1 and every threshold as
// actual/limit does.
func (s sides) agreeShown(actual, limit int64, shown *big.Rat) bool {
	same := func(f fraction) bool { return f.cmpRatio(actual, limit) == shown.Cmp(f.rat()) }
	return same(fraction{n: 1, d: 1, small: true}) && s.thresholds(func(x *decimal.Decimal) bool { return same(fractionOf(*x)) })
}

// cmpHundredths compares q/100 with f: -1, 0 or +1.
func (f fraction) cmpHundredths(q uint64) int {
	if f.neg {
		return 1
	}
	if f.small {
		return f.cmpSmall(q, 100)
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
