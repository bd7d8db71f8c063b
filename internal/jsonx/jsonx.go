// Package jsonx holds the JSON plumbing every package of the library
// shares: strict decoding, and the wire forms of durations and exact
// decimals. Errors from this package carry no sentinel of their own; each
// package wraps them in its own at its boundary.
package jsonx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"reflect"
	"strconv"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/shopspring/decimal"
)

// Decode decodes exactly one JSON value from data into v, strictly, and
// within bounds. Before anything is decoded, one pass over data, linear
// in its length, refuses
//
//   - a key that names no field of the struct it would fill (encoding/json
//     would drop it), and a key spelt in another case than its field's
//     ("creditcode" for "creditCode", which encoding/json would accept);
//   - a key given twice in one object (encoding/json would keep the last);
//   - a string that is not valid UTF-8, or holds half a UTF-16 surrogate
//     pair (encoding/json would turn either into U+FFFD);
//   - a string or key longer than [MaxString] bytes, a number longer than
//     [MaxNumber] characters, arrays and objects nested deeper than
//     [MaxDepth];
//   - a decimal ([Decimal], or a decimal.Decimal) not in [ParseDecimal]'s
//     form and length;
//   - an array of another length than the Go array it fills (encoding/json
//     would drop the elements over it, or leave the ones missing zero);
//   - anything after the value but white space.
//
// The error names the bound or the key and the path to the value, such as
// `json: unknown field "respnd" at routes[3]`. A type that decodes itself
// (a json.Unmarshaler) is checked for all but its keys, which are its own
// decoder's to check: every such decoder of this library decodes through
// Decode again.
func Decode(data []byte, v any) error {
	err := check(data, planOf(reflect.TypeOf(v)))
	switch {
	case err == errSyntax:
		// Not JSON: encoding/json's decoder says what is wrong ("unexpected
		// EOF", "invalid character …"), having read no more than the value.
		if derr := json.NewDecoder(bytes.NewReader(data)).Decode(v); derr != nil {
			return derr
		}
		return err
	case err != nil:
		return err
	}
	// The check has refused every key that names no field of the struct it
	// would fill (TestFieldsAsEncodingJSON holds it to encoding/json's
	// choice of fields), so json.Unmarshal, which reads data in place, has
	// none to drop; a type that decodes itself checks its own.
	return json.Unmarshal(data, v)
}

// UnmarshalVia is an UnmarshalJSON method of a type that reads through w,
// its wire form (a pointer to a struct that embeds a pointer to the
// type's fields and shadows those with a form of their own, say): null
// changes nothing; anything else is decoded into w with [Decode], then
// done copies w back and stores the value. An error, before done is
// called, is wrapped as [WrapPart] wraps it.
func UnmarshalVia(b []byte, w any, sentinel error, what string, done func()) error {
	if string(b) == "null" {
		return nil
	}
	if err := Decode(b, w); err != nil {
		return WrapPart(err, sentinel, what)
	}
	done()
	return nil
}

// WrapPart returns err, an error reading a what, naming the what and
// wrapping sentinel once: an error that wraps it already, from a part
// that decodes itself, is returned as it is ("invalid: score: json:
// unknown field …", not "invalid: score: invalid: …"). It returns nil for
// a nil err.
func WrapPart(err, sentinel error, what string) error {
	if err == nil || errors.Is(err, sentinel) {
		return err
	}
	return fmt.Errorf("%w: %s: %w", sentinel, what, err)
}

// Wrap is the boundary of a package that reads with [Read] or [Decode]:
// it returns err after context ("matters: loading admission lists"),
// wrapping sentinel once. An error that wraps sentinel already, from a
// type that decodes itself, is not wrapped again:
//
//	matters: loading admission lists: matters: invalid: json: unknown field "x"
//	matters: loading admission lists: matters: invalid: route: …
//
// It returns nil for a nil err.
func Wrap(err error, context string, sentinel error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, sentinel):
		return fmt.Errorf("%s: %w", context, err)
	}
	return fmt.Errorf("%s: %w: %w", context, sentinel, err)
}

// Read reads all of r, at most limit bytes, and decodes it as [Decode]
// does. A longer input is an error that says the limit.
func Read(r io.Reader, limit int64, v any) error {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return err
	}
	if int64(len(data)) > limit {
		return fmt.Errorf("input is longer than %d bytes", limit)
	}
	return Decode(data, v)
}

// Duration is a time.Duration on the wire: a Go duration string such as
// "4h0m0s". Only strings are read; null leaves the value unchanged.
type Duration time.Duration

// MarshalText writes the duration string.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// maxDurationLen bounds a duration string: the longest a time.Duration
// prints is "-2562047h47m16.854775808s", 25 characters.
const maxDurationLen = 64

// UnmarshalJSON reads a duration string of at most 64 characters.
func (d *Duration) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	if len(b) > maxDurationLen+2 {
		return fmt.Errorf("duration %s: longer than %d characters", errtext.Quote(string(b)), maxDurationLen)
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("duration %s is not a string such as \"4h0m0s\"", errtext.Quote(string(b)))
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("duration %s: not a duration such as \"4h0m0s\"", errtext.Quote(s))
	}
	*d = Duration(v)
	return nil
}

// MaxDecimalLen is the longest decimal text read: a sign, digits and one
// point, no exponent. A decimal read has therefore at most 63 digits, at
// most 62 of them after the point: its exponent is between -62 and 0.
const MaxDecimalLen = 64

// ParseDecimal reads a decimal written plainly ("85", "-0.35"): an optional
// minus sign, digits, and optionally a point followed by digits; at most
// [MaxDecimalLen] characters, so at most 63 digits and 62 places. It
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
// looking at no more than [MaxDecimalLen] characters of it before it
// refuses.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	if len(b) > MaxDecimalLen+2 {
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

// TimeFits reports whether encoding/json writes t and reads it back in
// its own zone, in UTC (as a journal writes it) and in China Standard
// Time, UTC+8 (as a book gives it back): whether its year is 1 to 9999 in
// all three. A time that does not fit is refused where it would be kept,
// rather than kept and then impossible to write.
func TimeFits(t time.Time) bool {
	const (
		first = -62135596800 // 0001-01-01T00:00:00Z in Unix seconds
		end   = 253402300800 // 10000-01-01T00:00:00Z
		cst   = 8 * 3600
	)
	u := t.Unix()
	_, off := t.Zone()
	return u >= first && u+cst < end && u+int64(off) >= first && u+int64(off) < end
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

// Indent writes v to w as json.MarshalIndent writes it with two spaces,
// and a line feed: the form of the tables and sheets kept in files.
func Indent(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
