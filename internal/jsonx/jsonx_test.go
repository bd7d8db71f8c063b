package jsonx_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

type doc struct {
	Limit jsonx.Duration `json:"limit"`
	Score jsonx.Decimal  `json:"score"`
}

func TestDecode(t *testing.T) {
	for _, c := range []struct {
		in   string
		want doc
		err  string
	}{
		{`{"limit":"4h","score":"91.5"}`, doc{jsonx.Duration(4 * time.Hour), jsonx.Decimal(decimal.RequireFromString("91.5"))}, ""},
		{`{"score":-0.35}`, doc{Score: jsonx.Decimal(decimal.RequireFromString("-0.35"))}, ""},
		{`{"limit":null}`, doc{}, ""},
		{`{"limit":"4h"} {}`, doc{}, "trailing data after the JSON value"},
		{`{"limt":"4h"}`, doc{}, `json: unknown field "limt"`},
		{`{"Limit":"4h"}`, doc{}, `json: field "Limit" is spelt "limit" here (field names are case-sensitive)`},
		{`{"limit":14400000000000}`, doc{}, `json: duration "14400000000000" is not a string such as "4h0m0s" at limit`},
		{`{"limit":"4 hours"}`, doc{}, `json: duration "4 hours": not a duration such as "4h0m0s" at limit`},
		{`{"limit":"\u0034 hours"}`, doc{}, `json: duration "4 hours": not a duration such as "4h0m0s" at limit`},
		{`{"limit":true}`, doc{}, `json: duration "true" is not a string such as "4h0m0s" at limit`},
		{`{"limit":["4h"]}`, doc{}, `json: duration is not a string such as "4h0m0s" at limit`},
		{`{"limit":{}}`, doc{}, `json: duration is not a string such as "4h0m0s" at limit`},
		{`{"limit":"` + strings.Repeat("1", 70) + `h"}`, doc{}, `json: duration "1111111111111111111111111111111111111111111111111111111111111111"… longer than 64 characters at limit`},
		{``, doc{}, "json: no value: the input is empty or white space"},
		{" \n\t", doc{}, "json: no value: the input is empty or white space"},
		{`{"score":"1e3"}`, doc{}, `decimal "1e3": want a plain decimal such as "-12.5"`},
		{`{"score":"1."}`, doc{}, `decimal "1.": want a plain decimal such as "-12.5"`},
		{`{"score":".5"}`, doc{}, `decimal ".5": want a plain decimal such as "-12.5"`},
		{`{"score":"` + strings.Repeat("9", 65) + `"}`, doc{}, "longer than 64 characters"},
		{`{"score":` + strings.Repeat("9", 65) + `}`, doc{}, "longer than 64 characters at score"},
		// Escapes count as what they read, as for any string.
		{`{"score":"` + strings.Repeat(`\u0031`, 20) + `"}`, doc{Score: jsonx.Decimal(decimal.RequireFromString(strings.Repeat("1", 20)))}, ""},
		{`{"score":"` + strings.Repeat(`\u0031`, 64) + `"}`, doc{Score: jsonx.Decimal(decimal.RequireFromString(strings.Repeat("1", 64)))}, ""},
		{`{"score":"` + strings.Repeat(`\u0031`, 65) + `"}`, doc{}, "longer than 64 characters at score"},
		{`{"limit":"` + strings.Repeat(`\u0031h`, 10) + `"}`, doc{Limit: jsonx.Duration(10 * time.Hour)}, ""},
		{`{"limit":"` + strings.Repeat(`\u0031h`, 32) + `"}`, doc{Limit: jsonx.Duration(32 * time.Hour)}, ""},
		{`{"limit":"` + strings.Repeat(`\u0031h`, 32) + `1"}`, doc{}, "longer than 64 characters at limit"},
	} {
		var got doc
		err := jsonx.Decode([]byte(c.in), &got)
		if c.err == "" {
			if err != nil {
				t.Errorf("Decode(%s): %v", c.in, err)
			} else if diff := cmp.Diff(c.want, got, cmp.Comparer(func(a, b jsonx.Decimal) bool {
				return decimal.Decimal(a).Equal(decimal.Decimal(b))
			})); diff != "" {
				t.Errorf("Decode(%s) mismatch (-want +got):\n%s", c.in, diff)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("Decode(%s) error = %v, want it to contain %q", c.in, err, c.err)
		}
	}
}

func TestRead(t *testing.T) {
	var d doc
	if err := jsonx.Read(strings.NewReader(`{"score":"1"}`), 13, &d); err != nil {
		t.Errorf("Read at the limit: %v", err)
	}
	if err := jsonx.Read(strings.NewReader(`{"score":"1"} `), 13, &d); err == nil || !strings.Contains(err.Error(), "longer than 13 bytes") {
		t.Errorf("Read over the limit: %v", err)
	}
	// Any positive limit, the largest too, reads the whole input.
	for _, limit := range []int64{math.MaxInt64, math.MaxInt64 - 1, 1 << 40} {
		var got doc
		if err := jsonx.Read(strings.NewReader(`{"score":"1"}`), limit, &got); err != nil || !decimal.Decimal(got.Score).Equal(decimal.New(1, 0)) {
			t.Errorf("Read with limit %d = %v, score %s", limit, err, decimal.Decimal(got.Score))
		}
	}
	// A limit of zero or less is taken as zero: any input but an empty one
	// is over it, and the empty one holds no value.
	for _, limit := range []int64{0, -1, math.MinInt64} {
		if err := jsonx.Read(strings.NewReader(`{}`), limit, &d); err == nil || err.Error() != "input is longer than 0 bytes" {
			t.Errorf("Read of {} with limit %d: %v", limit, err)
		}
		if err := jsonx.Read(strings.NewReader(``), limit, &d); err == nil || !strings.Contains(err.Error(), "no value") {
			t.Errorf("Read of nothing with limit %d: %v", limit, err)
		}
	}
}

func TestFormatDecimal(t *testing.T) {
	defer func(p int, z bool) { decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes = p, z }(decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes)
	decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes = 2, true
	for in, want := range map[string]string{"85": "85", "85.000": "85", "0.30": "0.3", "-12.50": "-12.5", "0": "0", "-0.0": "0", "1200": "1200"} {
		if got := jsonx.FormatDecimal(decimal.RequireFromString(in)); got != want {
			t.Errorf("FormatDecimal(%s) = %s, want %s", in, got, want)
		}
		b, err := json.Marshal(jsonx.Decimal(decimal.RequireFromString(in)))
		if err != nil || string(b) != `"`+want+`"` {
			t.Errorf("Marshal(%s) = %s, %v", in, b, err)
		}
	}
}

func TestMaps(t *testing.T) {
	m := map[string]decimal.Decimal{"a": decimal.New(3, -1)}
	if diff := cmp.Diff(m, jsonx.FromMap(jsonx.Map(m))); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if jsonx.Map(nil) != nil || jsonx.FromMap(nil) != nil {
		t.Error("nil maps do not stay nil")
	}
}

func FuzzDecimal(f *testing.F) {
	for _, s := range []string{`"1"`, `-0.5`, `"1e9"`, `null`, `"` + strings.Repeat("1", 70) + `"`, `"\u0031"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var d jsonx.Decimal
		if err := d.UnmarshalJSON([]byte(s)); err != nil {
			return
		}
		b, err := d.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var back jsonx.Decimal
		if err := back.UnmarshalJSON(b); err != nil || !decimal.Decimal(back).Equal(decimal.Decimal(d)) {
			t.Fatalf("%s → %s does not read back: %v", s, b, err)
		}
	})
}

// FuzzDuration: a duration either is refused or writes as text that reads
// back to the same duration; null leaves the value alone.
func FuzzDuration(f *testing.F) {
	for _, s := range []string{`"4h0m0s"`, `"-2562047h47m16.854775808s"`, `"1.5us"`, `14400000000000`, `null`, `"` + strings.Repeat("1", 70) + `h"`, `"\u0034h"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := jsonx.Duration(7)
		if err := d.UnmarshalJSON([]byte(s)); err != nil {
			if d != 7 {
				t.Fatalf("UnmarshalJSON(%s) refused (%v) but changed the value to %v", s, err, time.Duration(d))
			}
			return
		}
		if s == "null" && d != 7 {
			t.Fatalf("null changed the value to %v", time.Duration(d))
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back jsonx.Duration
		if err := back.UnmarshalJSON(b); err != nil || back != d {
			t.Fatalf("%s → %s reads back as %v, %v; want %v", s, b, time.Duration(back), err, time.Duration(d))
		}
	})
}

func TestTextFits(t *testing.T) {
	for _, c := range []struct {
		s    string
		fits bool
	}{
		{"", true},
		{"赭山街道", true},
		{strings.Repeat("x", jsonx.MaxString), true},
		{strings.Repeat("x", jsonx.MaxString+1), false},
		{"a\xff", false},
		{"\xed\xa0\x80", false}, // half a surrogate pair
		{"\xc0\x80", false},     // an overlong NUL
	} {
		if got := jsonx.TextFits(c.s); got != c.fits {
			t.Errorf("TextFits(%.20q) = %v, want %v", c.s, got, c.fits)
		}
		if !c.fits {
			continue
		}
		b, err := json.Marshal(c.s)
		var back string
		if err == nil {
			err = jsonx.Decode(b, &back)
		}
		if err != nil || back != c.s {
			t.Errorf("%.20q reads back as %.20q, %v", c.s, back, err)
		}
	}
}

func TestTimeFits(t *testing.T) {
	east, west := time.FixedZone("E", 14*3600), time.FixedZone("W", -12*3600)
	for _, c := range []struct {
		t    time.Time
		fits bool
	}{
		{time.Date(2020, 6, 1, 9, 0, 0, 0, time.UTC), true},
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(9999, 12, 31, 15, 59, 59, 999999999, time.UTC), true},
		{time.Date(9999, 12, 31, 16, 0, 0, 0, time.UTC), false}, // 10000-01-01 in China
		{time.Date(9999, 12, 31, 20, 0, 0, 0, time.UTC), false},
		{time.Date(10000, 1, 1, 0, 0, 0, 0, east), false},
		{time.Date(9999, 12, 31, 23, 0, 0, 0, east), true},
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).In(west), false}, // year 0 in its own zone
		{time.Date(0, 12, 31, 23, 0, 0, 0, time.UTC), false},
		// encoding/json writes no offset of 24 hours or more, and an
		// offset's minutes only: 08:05:43 (Shanghai's LMT) would read
		// back 43 seconds off.
		{time.Date(2020, 6, 1, 9, 0, 0, 0, time.FixedZone("far", 24*3600)), false},
		{time.Date(2020, 6, 1, 9, 0, 0, 0, time.FixedZone("far", -24*3600)), false},
		{time.Date(2020, 6, 1, 9, 0, 0, 0, time.FixedZone("LMT", 8*3600+5*60+43)), false},
		{time.Date(2020, 6, 1, 9, 0, 0, 0, time.FixedZone("near", 23*3600+59*60)), true},
		{time.Date(2020, 6, 1, 9, 0, 0, 0, time.FixedZone("near", -(23*3600+59*60))), true},
	} {
		if got := jsonx.TimeFits(c.t); got != c.fits {
			t.Errorf("TimeFits(%s) = %v, want %v", c.t, got, c.fits)
		}
		if c.fits {
			for _, u := range []time.Time{c.t, c.t.UTC(), c.t.In(time.FixedZone("CST", 8*3600))} {
				b, err := json.Marshal(u)
				var back time.Time
				if err == nil {
					err = json.Unmarshal(b, &back)
				}
				if err != nil || !back.Equal(u) {
					t.Errorf("TimeFits(%s) but Marshal(%s) = %s, reading back %s, %v", c.t, u, b, back, err)
				}
			}
		}
	}
}

// TestDecimalFits: a decimal fits when FormatDecimal writes it in
// MaxDecimalLen characters or fewer, which ParseDecimal reads back.
func TestDecimalFits(t *testing.T) {
	googol := new(big.Int).Exp(big.NewInt(10), big.NewInt(100), nil)
	for _, d := range []decimal.Decimal{
		{}, decimal.New(85, 0), decimal.New(-125, -1), decimal.New(1, 62), decimal.New(1, 63), decimal.New(-1, 62),
		decimal.New(5, -61), decimal.New(5, -62), decimal.New(-5, -61), decimal.New(50, -63), decimal.New(500, -64),
		decimal.New(1, 1000), decimal.New(-7, -1000), decimal.NewFromBigInt(googol, -100), decimal.NewFromBigInt(googol, -37),
		decimal.NewFromBigInt(googol, -36), decimal.RequireFromString("123456789012345678901234567890.123456789"),
		decimal.RequireFromString(strings.Repeat("9", 63)), decimal.RequireFromString(strings.Repeat("9", 64)),
		decimal.NewFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(1000), nil), -1000),
	} {
		s := jsonx.FormatDecimal(d)
		want := len(s) <= jsonx.MaxDecimalLen
		if got := jsonx.DecimalFits(d); got != want {
			t.Errorf("DecimalFits(%s) = %v; FormatDecimal writes %d characters", s, got, len(s))
		}
		if back, err := jsonx.ParseDecimal(s); want && (err != nil || !back.Equal(d)) {
			t.Errorf("ParseDecimal(FormatDecimal(%s)) = %s, %v", s, back, err)
		}
	}
	// Past 4096 bits it refuses unread, even a 1 that ends in zeros.
	huge := new(big.Int).Exp(big.NewInt(10), big.NewInt(4_000_000), nil)
	took := hardening.Took(func() {
		for _, d := range []decimal.Decimal{decimal.NewFromBigInt(huge, 0), decimal.NewFromBigInt(huge, -4_000_000), decimal.NewFromBigInt(huge.Neg(huge), -2)} {
			if jsonx.DecimalFits(d) {
				t.Errorf("DecimalFits(a coefficient of %d bits, exponent %d) = true", d.Coefficient().BitLen(), d.Exponent())
			}
		}
	})
	if took > hardening.Budget(100*time.Millisecond) {
		t.Errorf("DecimalFits took %s on 4,000,001 digits", took)
	}
}

// TestParseDecimalSettings: what ParseDecimal reads does not depend on
// decimal's MaxDecodeExponent, whatever it is set to, and a decimal over
// the bound is refused whatever it is set to.
func TestParseDecimalSettings(t *testing.T) {
	defer func(m int) { decimal.MaxDecodeExponent = m }(decimal.MaxDecodeExponent)
	long := "0." + strings.Repeat("0", 60) + "1"
	for _, m := range []int{0, 1, 10000, math.MaxInt32} {
		decimal.MaxDecodeExponent = m
		d, err := jsonx.ParseDecimal(long)
		if err != nil || d.Exponent() != -61 || d.CoefficientInt64() != 1 {
			t.Errorf("MaxDecodeExponent %d: ParseDecimal(%s) = %s, %v", m, long, d, err)
		}
		var v struct {
			D jsonx.Decimal `json:"d"`
		}
		if err := jsonx.Decode([]byte(`{"d":"`+long+`"}`), &v); err != nil {
			t.Errorf("MaxDecodeExponent %d: Decode: %v", m, err)
		}
		in := []byte(`{"d":"1` + strings.Repeat("0", 8_000_000) + `"}`)
		took := hardening.Took(func() { err = jsonx.Decode(in, &v) })
		if err == nil || !strings.Contains(err.Error(), "longer than 64 characters at d") || took > hardening.Budget(time.Second) {
			t.Errorf("MaxDecodeExponent %d: a decimal of 8,000,001 digits: %.200v after %s", m, err, took)
		}
	}
}

// FuzzParseDecimal: what ParseDecimal reads is what decimal reads, digit
// for digit and with the same exponent, without its package settings.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"0", "-0.0", "85", "-12.50", "123456789012345678", "1234567890123456789", "0." + strings.Repeat("0", 61) + "1", "-" + strings.Repeat("9", 63), "1e3", ".5", "1."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := jsonx.ParseDecimal(s)
		if err != nil {
			return
		}
		want, werr := decimal.NewFromString(s)
		if werr != nil || !got.Equal(want) || got.Exponent() != want.Exponent() {
			t.Fatalf("ParseDecimal(%q) = %s (exponent %d); decimal reads %s (exponent %d), %v", s, got, got.Exponent(), want, want.Exponent(), werr)
		}
	})
}

// FuzzDecimalFits: DecimalFits says whether FormatDecimal writes a
// decimal in at most MaxDecimalLen characters, which ParseDecimal reads
// back as the same number, for coefficients of up to 4096 bits (past
// them it refuses unread, as its doc says).
func FuzzDecimalFits(f *testing.F) {
	for _, c := range []struct {
		coef []byte
		neg  bool
		exp  int16
	}{{[]byte{85}, false, 0}, {[]byte{125}, true, -1}, {[]byte{1}, false, 63}, {[]byte{50}, false, -63},
		{[]byte{0x0d, 0xe0, 0xb6, 0xb3, 0xa7, 0x64, 0x00, 0x00}, false, -18}, {[]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, true, -30}} {
		f.Add(c.coef, c.neg, c.exp)
	}
	f.Fuzz(func(t *testing.T, coef []byte, neg bool, exp int16) {
		if len(coef) > 512 {
			return
		}
		z := new(big.Int).SetBytes(coef)
		if neg {
			z.Neg(z)
		}
		d := decimal.NewFromBigInt(z, int32(exp))
		s := jsonx.FormatDecimal(d)
		want := len(s) <= jsonx.MaxDecimalLen
		if got := jsonx.DecimalFits(d); got != want {
			t.Fatalf("DecimalFits(%s × 10^%d) = %v; FormatDecimal writes %d characters", z, exp, got, len(s))
		}
		if back, err := jsonx.ParseDecimal(s); want && (err != nil || !back.Equal(d)) {
			t.Fatalf("ParseDecimal(FormatDecimal(%s × 10^%d)) = %s, %v", z, exp, back, err)
		}
	})
}

// TestDecimalFitsAllocates: the check every recorded evaluation passes
// through copies no coefficient for points of ordinary size.
func TestDecimalFitsAllocates(t *testing.T) {
	for _, d := range []decimal.Decimal{decimal.New(85, 0), decimal.New(-125, -1), decimal.New(999999999999999999, -18), decimal.New(-999999999999999999, 18)} {
		if n := testing.AllocsPerRun(100, func() { jsonx.DecimalFits(d) }); n != 0 {
			t.Errorf("DecimalFits(%s) allocates %v times; want 0", d, n)
		}
	}
}

// part decodes itself, refusing anything but 1 with an error that wraps
// errPart.
type part int

var errPart = errors.New("pkg: invalid")

func (p *part) UnmarshalJSON(b []byte) error {
	if string(b) != "1" {
		return fmt.Errorf("%w: part: %s is not 1", errPart, b)
	}
	*p = 1
	return nil
}

// TestUnmarshalVia: null changes nothing, a value is decoded and handed
// to done, and an error, which leaves done uncalled, wraps the sentinel
// once and names what was read unless a part named it already.
func TestUnmarshalVia(t *testing.T) {
	for _, tt := range []struct {
		in, err string
		done    bool
	}{
		{in: "null"},
		{in: `{"a":2,"p":1}`, done: true},
		{in: `{"b":1}`, err: `pkg: invalid: thing: json: unknown field "b"`},
		{in: `{"p":2}`, err: `pkg: invalid: part: 2 is not 1`},
	} {
		var w struct {
			A int  `json:"a"`
			P part `json:"p"`
		}
		done := false
		err := jsonx.UnmarshalVia([]byte(tt.in), &w, errPart, "thing", func() { done = w.A == 2 && w.P == 1 })
		switch {
		case done != tt.done:
			t.Errorf("UnmarshalVia(%s): done %t, want %t", tt.in, done, tt.done)
		case tt.err == "" && err != nil:
			t.Errorf("UnmarshalVia(%s): %v", tt.in, err)
		case tt.err != "" && (!errors.Is(err, errPart) || err == nil || !strings.HasPrefix(err.Error(), tt.err)):
			t.Errorf("UnmarshalVia(%s) = %v, want %q… wrapping the sentinel", tt.in, err, tt.err)
		}
	}
}

// TestWrap: an error is wrapped in the sentinel once, after the context,
// whether or not a type that decodes itself wrapped it already.
func TestWrap(t *testing.T) {
	errBad := errors.New("pkg: invalid")
	inner := fmt.Errorf("%w: route: no code", errBad)
	plain := errors.New(`json: unknown field "x"`)
	for _, tt := range []struct {
		err  error
		want string
	}{
		{plain, `pkg: loading list: pkg: invalid: json: unknown field "x"`},
		{inner, `pkg: loading list: pkg: invalid: route: no code`},
	} {
		got := jsonx.Wrap(tt.err, "pkg: loading list", errBad)
		if !errors.Is(got, errBad) || !errors.Is(got, tt.err) || got.Error() != tt.want {
			t.Errorf("Wrap(%v) = %v, want %s wrapping both errors", tt.err, got, tt.want)
		}
	}
	if err := jsonx.Wrap(nil, "pkg: loading list", errBad); err != nil {
		t.Errorf("Wrap(nil) = %v, want nil", err)
	}
}

// TestWrapPart: an error is wrapped in the sentinel once, before the
// name of what was read, unless a part that decodes itself wrapped it
// already; nil stays nil.
func TestWrapPart(t *testing.T) {
	plain := errors.New(`json: unknown field "x"`)
	inner := fmt.Errorf("%w: part: 2 is not 1", errPart)
	for _, tt := range []struct {
		err  error
		want string // "" for nil
	}{
		{nil, ""},
		{plain, `pkg: invalid: thing: json: unknown field "x"`},
		{inner, `pkg: invalid: part: 2 is not 1`},
	} {
		got := jsonx.WrapPart(tt.err, errPart, "thing")
		if tt.want == "" {
			if got != nil {
				t.Errorf("WrapPart(nil) = %v, want nil", got)
			}
			continue
		}
		if !errors.Is(got, errPart) || !errors.Is(got, tt.err) {
			t.Errorf("WrapPart(%v) = %v, which does not wrap both errors", tt.err, got)
		}
		if diff := cmp.Diff(tt.want, got.Error()); diff != "" {
			t.Errorf("WrapPart(%v) mismatch (-want +got):\n%s", tt.err, diff)
		}
	}
}
