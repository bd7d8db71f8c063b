package jsonx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/shopspring/decimal"
)

// MaxDecimalLen is the longest decimal text read: a sign, digits and one
// point, no exponent. A decimal read has therefore at most 64 digits (63
// with a sign or a point), at most 62 of them after the point: its
// exponent is between -62 and 0.
const MaxDecimalLen = 64

// ParseDecimal reads a decimal written plainly ("85", "-0.35"): an optional
// minus sign, digits, and optionally a point followed by digits; at most
// [MaxDecimalLen] characters, so at most 64 digits and 62 places. It
// looks at no more than that before it refuses, and depends on no package
// setting of decimal (it reads neither MaxDecodeExponent nor any other).
func ParseDecimal(s string) (decimal.Decimal, error) {
	if len(s) == 0 || len(s) > MaxDecimalLen {
		return decimal.Decimal{}, fmt.Errorf("decimal %s: want a plain decimal of 1 to %d characters", errtext.Quote(s), MaxDecimalLen)
	}
	d, ok := parsePlain([]byte(s))
	if !ok {
		return decimal.Decimal{}, fmt.Errorf("decimal %s: want a plain decimal such as \"-12.5\"", errtext.Quote(s))
	}
	return d, nil
}

// parsePlain reads b in ParseDecimal's form; ok is false if it is not. It
// allocates only the decimal's coefficient.
func parsePlain(b []byte) (d decimal.Decimal, ok bool) {
	if !plainDecimal(b) {
		return decimal.Decimal{}, false
	}
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	digits, places := 0, 0
	var n int64
	for i, c := range b {
		if c == '.' {
			places = len(b) - i - 1
			continue
		}
		digits++
		n = n*10 + int64(c-'0') // meaningful while digits ≤ 18
	}
	if digits <= 18 {
		if neg {
			n = -n
		}
		return decimal.New(n, int32(-places)), true
	}
	text := make([]byte, 0, len(b))
	for _, c := range b {
		if c != '.' {
			text = append(text, c)
		}
	}
	z, _ := new(big.Int).SetString(string(text), 10)
	if neg {
		z.Neg(z)
	}
	return decimal.NewFromBigInt(z, int32(-places)), true
}

// plainDecimal reports whether b is a decimal in ParseDecimal's form.
func plainDecimal(b []byte) bool {
	if len(b) == 0 || len(b) > MaxDecimalLen {
		return false
	}
	i := 0
	if b[0] == '-' {
		i = 1
	}
	digits, point := 0, -1
	for ; i < len(b); i++ {
		switch c := b[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && point < 0 && digits > 0:
			point = i
		default:
			return false
		}
	}
	return digits > 0 && point != len(b)-1
}

// DecimalFits reports whether d is written by [FormatDecimal] in at most
// [MaxDecimalLen] characters, so that [ParseDecimal] reads it back: a
// decimal that does not fit is refused where it would be kept, rather
// than written and then refused when read. It depends on no package
// setting of decimal, and refuses a coefficient of more than 4096 bits
// (some 1,233 digits) before it counts digits, whatever zeros it ends in,
// so that it takes no longer for four million digits than for four.
func DecimalFits(d decimal.Decimal) bool {
	if d.Sign() == 0 {
		return true
	}
	// The common case, decided without copying the coefficient: at most
	// 18 digits and an exponent within ±18 write in at most 38 characters.
	if e := d.Exponent(); e >= -smallExp && e <= smallExp {
		b := smallBounds[e+smallExp]
		if d.Cmp(b[0]) > 0 && d.Cmp(b[1]) < 0 {
			return true
		}
	}
	c := d.Coefficient() // a copy, but d.NumDigits costs the square of a huge coefficient's length
	if c.Sign() == 0 {
		return true
	}
	if c.BitLen() > 4096 {
		return false
	}
	neg := c.Sign() < 0
	if plainLen(d.NumDigits(), d.Exponent(), neg) <= MaxDecimalLen {
		return true
	}
	if d.Exponent() >= 0 || c.Bit(0) != 0 {
		return false
	}
	d = d.Normalize() // FormatDecimal drops the zeros a negative exponent ends in
	return plainLen(d.NumDigits(), d.Exponent(), neg) <= MaxDecimalLen
}

// smallExp bounds the exponents of DecimalFits's fast path.
const smallExp = 18

// smallBounds[e+smallExp] holds -10^18 and 10^18 with exponent e: a
// decimal of exponent e strictly between them has at most 18 digits, and
// comparing decimals of one exponent allocates nothing. Never written.
var smallBounds = func() (b [2*smallExp + 1][2]decimal.Decimal) {
	for e := -smallExp; e <= smallExp; e++ {
		b[e+smallExp] = [2]decimal.Decimal{decimal.New(-1e18, int32(e)), decimal.New(1e18, int32(e))}
	}
	return b
}()

// plainLen is the length of the plain form of a decimal of k digits and
// exponent e, without trailing zeros after a point.
func plainLen(k int, e int32, neg bool) int64 {
	n := int64(k) + int64(e) // "1200"
	if e < 0 {
		n = max(int64(k)+1, 2-int64(e)) // "12.5", "0.005"
	}
	if neg {
		n++
	}
	return n
}

// FormatDecimal writes d in its shortest exact plain form ("85", "0.3",
// "-12.5"), whatever decimal's package settings say.
func FormatDecimal(d decimal.Decimal) string {
	if d.Exponent() >= 0 || d.IsZero() {
		return d.StringFixed(0)
	}
	n := d.Normalize()
	if n.Exponent() >= 0 {
		return n.StringFixed(0)
	}
	return n.StringFixed(-n.Exponent())
}

// Decimal is a decimal.Decimal on the wire: a JSON string in
// [FormatDecimal]'s form. It reads a string or a bare number in
// [ParseDecimal]'s form.
type Decimal decimal.Decimal

// MarshalJSON writes the decimal as a JSON string.
func (d Decimal) MarshalJSON() ([]byte, error) {
	return strconv.AppendQuote(nil, FormatDecimal(decimal.Decimal(d))), nil
}

// UnmarshalJSON reads a JSON string or number in [ParseDecimal]'s form,
// looking at no more than [MaxDecimalLen] characters of it (six times as
// many for a string with escapes) before it refuses.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	if overLong(b, MaxDecimalLen) {
		return fmt.Errorf("decimal %s: longer than %d characters", errtext.Quote(string(b[:MaxDecimalLen+2])), MaxDecimalLen)
	}
	text := b
	if len(b) > 0 && b[0] == '"' {
		if len(b) >= 2 && b[len(b)-1] == '"' && bytes.IndexByte(b, '\\') < 0 {
			text = b[1 : len(b)-1] // the common case: no escape
		} else {
			var s string
			if err := json.Unmarshal(b, &s); err != nil {
				return fmt.Errorf("decimal %s: %v", errtext.Quote(string(b)), err)
			}
			text = []byte(s)
		}
	}
	v, ok := parsePlain(text)
	if !ok {
		_, err := ParseDecimal(string(text)) // for its message
		return err
	}
	*d = Decimal(v)
	return nil
}

// Ptr converts an optional decimal field for its wire form.
func Ptr(d *decimal.Decimal) *Decimal { return (*Decimal)(d) }

// Map converts a map of decimals for its wire form; nil stays nil.
func Map(m map[string]decimal.Decimal) map[string]Decimal {
	if m == nil {
		return nil
	}
	out := make(map[string]Decimal, len(m))
	for k, v := range m {
		out[k] = Decimal(v)
	}
	return out
}

// FromMap converts a decoded map back; nil stays nil.
func FromMap(m map[string]Decimal) map[string]decimal.Decimal {
	if m == nil {
		return nil
	}
	out := make(map[string]decimal.Decimal, len(m))
	for k, v := range m {
		out[k] = decimal.Decimal(v)
	}
	return out
}
