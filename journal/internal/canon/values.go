package canon

import (
	"bytes"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// Scanner reads a payload from its start; it never panics on any bytes.
type Scanner struct {
	b []byte
	i int
}

func (s *Scanner) byte(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

func (s *Scanner) lit(x string) bool {
	if len(s.b)-s.i >= len(x) && string(s.b[s.i:s.i+len(x)]) == x {
		s.i += len(x)
		return true
	}
	return false
}

// plain[c] is true for the bytes a canonical string holds as they are:
// printable ASCII but the quotation mark and the backslash. <, > and & are
// plain: HTML escaping is off.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// pairs holds the two digits of each number from 00 to 99.
const pairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// appendString appends s as a canonical JSON string: encoding/json's form
// with HTML escaping off. Invalid UTF-8 has no canonical form: encoding/json
// would replace it, and the journal keeps text exactly or not at all.
func appendString(b []byte, s string) ([]byte, error) {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if plain[c] {
			i = plainRun(s, i+1)
			continue
		}
		if c >= utf8.RuneSelf {
			// Most text beyond ASCII is three bytes a character (CJK),
			// checked here; the rest by runeAt.
			size, sep := 3, false
			if (c >= 0xE1 && c <= 0xEC || c >= 0xEE && c <= 0xEF) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				sep = c == 0xE2 && s[i+1] == 0x80 && s[i+2]&0xFE == 0xA8
			} else if size, sep = runeAt(s, i); size == 0 {
				return b, fmt.Errorf("text is not valid UTF-8: %w", errNoForm)
			}
			if sep { // U+2028 and U+2029, which encoding/json escapes
				b = append(b, s[start:i]...)
				b = append(b, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]&0xF])
				start = i + size
			}
			i += size
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"'), nil
}

// plainRun returns the index of the first byte of s from i on that is not
// plain (printable ASCII but the quotation mark and the backslash), or
// len(s): eight bytes at a time, then one at a time.
func plainRun[S string | []byte](s S, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A byte is special if its high bit is set, if it is below 0x20,
		// or if it is '"' or '\\' (the zero-byte test of x^"""...).
		q, bs := x^(ones*'"'), x^(ones*'\\')
		special := x | (x - ones*0x20) | ((q - ones) &^ q) | ((bs - ones) &^ bs)
		if special&highs != 0 {
			break
		}
	}
	for ; i < len(s) && plain[s[i]]; i++ {
	}
	return i
}

// runeAt returns the size of the valid UTF-8 encoding of a rune that
// starts at s[i], a byte of 0x80 or more, or 0 for invalid UTF-8; and
// whether the rune is U+2028 or U+2029.
func runeAt[S string | []byte](s S, i int) (size int, sep bool) {
	c := s[i]
	cont := func(j int, lo, hi byte) bool { return j < len(s) && lo <= s[j] && s[j] <= hi }
	switch {
	case c < 0xC2:
		return 0, false
	case c < 0xE0:
		if cont(i+1, 0x80, 0xBF) {
			return 2, false
		}
	case c < 0xF0:
		lo, hi := byte(0x80), byte(0xBF)
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F // no surrogates
		}
		if cont(i+1, lo, hi) && cont(i+2, 0x80, 0xBF) {
			return 3, c == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9)
		}
	case c < 0xF5:
		lo, hi := byte(0x80), byte(0xBF)
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
		if cont(i+1, lo, hi) && cont(i+2, 0x80, 0xBF) && cont(i+3, 0x80, 0xBF) {
			return 4, false
		}
	}
	return 0, false
}

// str reads a canonical JSON string, and reports whether it is empty.
func (s *Scanner) str() (empty, ok bool) {
	if !s.byte('"') {
		return false, false
	}
	start := s.i
	for {
		s.i = plainRun(s.b, s.i)
		if s.i == len(s.b) {
			return false, false
		}
		switch c := s.b[s.i]; {
		case c == '"':
			s.i++
			return s.i-start == 1, true
		case c == '\\':
			if !s.escape() {
				return false, false
			}
		case c < utf8.RuneSelf: // a control character, not escaped
			return false, false
		default:
			size, sep := runeAt(s.b, s.i)
			if size == 0 || sep {
				return false, false
			}
			s.i += size
		}
	}
}

// escape reads one escape as appendString writes it, and no other.
func (s *Scanner) escape() bool {
	if len(s.b)-s.i < 2 {
		return false
	}
	switch s.b[s.i+1] {
	case '"', '\\', 'b', 'f', 'n', 'r', 't':
		s.i += 2
		return true
	case 'u':
	default:
		return false
	}
	if len(s.b)-s.i < 6 {
		return false
	}
	u := string(s.b[s.i+2 : s.i+6])
	ok := u == "2028" || u == "2029"
	if !ok && u[0] == '0' && u[1] == '0' && (u[2] == '0' || u[2] == '1') && isLowerHex(u[3]) {
		switch u[2:] {
		case "08", "09", "0a", "0c", "0d": // written \b, \t, \n, \f, \r
		default:
			ok = true
		}
	}
	if ok {
		s.i += 6
	}
	return ok
}

func isLowerHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' }

// raw reads a JSON string of plain bytes (no escape) and returns its
// content: the form of codes, times and decimals.
func (s *Scanner) raw() ([]byte, bool) {
	if !s.byte('"') {
		return nil, false
	}
	start := s.i
	for s.i < len(s.b) && plain[s.b[s.i]] {
		s.i++
	}
	if !s.byte('"') {
		return nil, false
	}
	return s.b[start : s.i-1], true
}

// integer reads a canonical int64: an optional minus sign and digits
// without leading zeros, "0" for zero (never "-0").
func (s *Scanner) integer() (zero, ok bool) {
	start := s.i
	s.byte('-')
	digits := s.i
	for s.i < len(s.b) && '0' <= s.b[s.i] && s.b[s.i] <= '9' {
		s.i++
	}
	text := s.b[start:s.i]
	if s.i == digits || s.b[digits] == '0' && (s.i-digits > 1 || digits > start) {
		return false, false
	}
	if _, err := strconv.ParseInt(string(text), 10, 64); err != nil {
		return false, false
	}
	return string(text) == "0", true
}

// boolean reads true or false.
func (s *Scanner) boolean() bool { return s.lit("true") || s.lit("false") }

// appendTime appends t as encoding/json writes it once converted to UTC:
// RFC 3339 with as many fractional digits as it needs, what
// t.UTC().AppendFormat(b, time.RFC3339Nano) gives, without its cost.
func appendTime(b []byte, t time.Time) ([]byte, error) {
	sec, nsec := t.Unix(), t.Nanosecond()
	days, clock := sec/86400, sec%86400
	if clock < 0 {
		days, clock = days-1, clock+86400
	}
	y, m, d := civil(days)
	if y < 0 || y > 9999 {
		return b, fmt.Errorf("year %d is outside 0000 to 9999: %w", y, errNoForm)
	}
	h, mi, s := int(clock/3600), int(clock/60%60), int(clock%60)
	b = append(b, '"', pairs[2*(y/100)], pairs[2*(y/100)+1], pairs[2*(y%100)], pairs[2*(y%100)+1], '-',
		pairs[2*m], pairs[2*m+1], '-', pairs[2*d], pairs[2*d+1], 'T',
		pairs[2*h], pairs[2*h+1], ':', pairs[2*mi], pairs[2*mi+1], ':', pairs[2*s], pairs[2*s+1])
	if nsec > 0 {
		// Nine digits, then cut the zeros at the end.
		var frac [10]byte
		frac[0] = '.'
		for i := 9; i > 1; i -= 2 {
			p := nsec % 100
			nsec /= 100
			frac[i-1], frac[i] = pairs[2*p], pairs[2*p+1]
		}
		frac[1] = byte('0' + nsec)
		n := 10
		for frac[n-1] == '0' {
			n--
		}
		b = append(b, frac[:n]...)
	}
	return append(b, 'Z', '"'), nil
}

// civil returns the proleptic Gregorian date of a day counted from
// 1970-01-01 (Howard Hinnant's civil_from_days).
func civil(days int64) (y, m, d int) {
	z := days + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	m = int(mp + 3)
	if mp >= 10 {
		m = int(mp - 9)
	}
	y = int(yoe + era*400)
	if m <= 2 {
		y++
	}
	return y, m, d
}

// checkTime reports whether b is a time as appendTime writes it:
// YYYY-MM-DDTHH:MM:SS, then a point and 1 to 9 digits, the last not 0,
// unless the nanoseconds are 0, then Z; a date of the proleptic Gregorian
// calendar, hours 00–23, minutes and seconds 00–59.
func checkTime(b []byte) bool {
	const layout = "dddd-dd-ddTdd:dd:dd"
	if len(b) < len(layout)+1 || b[len(b)-1] != 'Z' {
		return false
	}
	for i := 0; i < len(layout); i++ {
		if layout[i] == 'd' {
			if b[i] < '0' || b[i] > '9' {
				return false
			}
		} else if b[i] != layout[i] {
			return false
		}
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range b[i : i+n] {
			v = v*10 + int(c-'0')
		}
		return v
	}
	year, month, day := num(0, 4), num(5, 2), num(8, 2)
	if month < 1 || month > 12 || day < 1 || day > daysIn(month, year) ||
		num(11, 2) > 23 || num(14, 2) > 59 || num(17, 2) > 59 {
		return false
	}
	frac := b[len(layout) : len(b)-1]
	if len(frac) == 0 {
		return true
	}
	if len(frac) < 2 || len(frac) > 10 || frac[0] != '.' || frac[len(frac)-1] == '0' {
		return false
	}
	for _, c := range frac[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// appendDecimal appends d as a JSON string in jsonx.FormatDecimal's form,
// its shortest exact plain form, without allocating for a decimal of up
// to 18 digits.
func appendDecimal(b []byte, d decimal.Decimal) ([]byte, error) {
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
		return b, fmt.Errorf("decimal of %d characters, over %d: %w", n, jsonx.MaxDecimalLen, errNoForm)
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
