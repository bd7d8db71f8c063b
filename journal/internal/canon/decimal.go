package canon

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// appendDecimal appends d as a JSON string in jsonx.FormatDecimal's form,
// its shortest exact plain form, without allocating for a decimal of up
// to 18 digits. A decimal of more than jsonx.MaxDecimalLen characters is
// refused unwritten, and in no longer for millions of digits than for 65.
func appendDecimal(b []byte, d decimal.Decimal) ([]byte, error) {
	if !jsonx.DecimalFits(d) {
		return b, fmt.Errorf("decimal of more than %d characters", jsonx.MaxDecimalLen)
	}
	start := len(b)
	b = append(b, '"')
	if exp := d.Exponent(); d.NumDigits() <= 18 && exp > -19 && exp < 19 {
		c := d.CoefficientInt64()
		for exp < 0 && c%10 == 0 && c != 0 { // shortest: no trailing zero after the point
			c /= 10
			exp++
		}
		neg := c < 0
		u := uint64(c)
		if neg {
			u = -u
			b = append(b, '-')
		}
		switch {
		case c == 0:
			b = append(b, '0')
		case exp >= 0:
			b = strconv.AppendUint(b, u, 10)
			for ; exp > 0; exp-- {
				b = append(b, '0')
			}
		default:
			var digits [20]byte
			ds := strconv.AppendUint(digits[:0], u, 10)
			point := len(ds) + int(exp)
			if point <= 0 {
				b = append(b, '0', '.')
				for ; point < 0; point++ {
					b = append(b, '0')
				}
				b = append(b, ds...)
			} else {
				b = append(b, ds[:point]...)
				b = append(b, '.')
				b = append(b, ds[point:]...)
			}
		}
	} else {
		b = append(b, jsonx.FormatDecimal(d)...)
	}
	if n := len(b) - start - 1; n > jsonx.MaxDecimalLen {
		return b, fmt.Errorf("decimal of %d characters, over %d", n, jsonx.MaxDecimalLen)
	}
	return append(b, '"'), nil
}

// checkDecimal reports whether b is a decimal as appendDecimal writes it:
// an optional minus sign, an integer part without leading zeros, and
// optionally a point and digits that do not end in 0; "0" for zero (never
// "-0"); at most 64 characters.
func checkDecimal(b []byte) bool {
	if len(b) == 0 || len(b) > jsonx.MaxDecimalLen {
		return false
	}
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	intPart, frac, hasPoint := bytes.Cut(b, []byte{'.'})
	if len(intPart) == 0 || intPart[0] == '0' && len(intPart) > 1 || !digitsOnly(intPart) {
		return false
	}
	if hasPoint && (len(frac) == 0 || frac[len(frac)-1] == '0' || !digitsOnly(frac)) {
		return false
	}
	return !neg || string(intPart) != "0" || hasPoint
}

func digitsOnly(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
