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
	"reflect"
	"strconv"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/shopspring/decimal"
)

// Decode decodes exactly one JSON value from data into v. A field that v
// does not have is an error, so is a field name spelt with another case
// than v's (encoding/json alone would accept "creditcode" for
// "creditCode"), and so is anything after the value but white space.
func Decode(data []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		return err
	}
	if _, err := d.Token(); err != io.EOF {
		return errors.New("trailing data after the JSON value")
	}
	return exactKeys(data, reflect.TypeOf(v))
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

// UnmarshalJSON reads a duration string.
func (d *Duration) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
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
// point, no exponent.
const MaxDecimalLen = 64

// ParseDecimal reads a decimal written plainly ("85", "-0.35"): an optional
// minus sign, digits, and optionally a point followed by digits. It reads
// at most MaxDecimalLen bytes and depends on no package setting of decimal.
func ParseDecimal(s string) (decimal.Decimal, error) {
	if len(s) == 0 || len(s) > MaxDecimalLen {
		return decimal.Decimal{}, fmt.Errorf("decimal %s: want a plain decimal of 1 to %d characters", errtext.Quote(s), MaxDecimalLen)
	}
	i := 0
	if s[0] == '-' {
		i = 1
	}
	digits, point := 0, -1
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && point < 0 && digits > 0:
			point = i
		default:
			return decimal.Decimal{}, fmt.Errorf("decimal %s: want a plain decimal such as \"-12.5\"", errtext.Quote(s))
		}
	}
	if digits == 0 || point == len(s)-1 {
		return decimal.Decimal{}, fmt.Errorf("decimal %s: want a plain decimal such as \"-12.5\"", errtext.Quote(s))
	}
	return decimal.NewFromString(s)
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

// UnmarshalJSON reads a JSON string or number.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		if len(b) > MaxDecimalLen+2 {
			return fmt.Errorf("decimal %s: longer than %d characters", errtext.Quote(s), MaxDecimalLen)
		}
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("decimal %s: %v", errtext.Quote(string(b)), err)
		}
	}
	v, err := ParseDecimal(s)
	if err != nil {
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
