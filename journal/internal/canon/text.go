package canon

import (
	"unicode/utf8"

	"github.com/qingdan/qingdan/internal/jsonx"
)

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
// with HTML escaping off, and reports whether s is valid UTF-8. Invalid
// UTF-8 has no canonical form: encoding/json would replace it, and the
// journal keeps text exactly or not at all.
func appendString(b []byte, s string) ([]byte, bool) {
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
				return b, false
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
	return append(b, '"'), true
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

// str reads a canonical JSON string, and reports whether it is empty. A
// string of more than jsonx.MaxString bytes once its escapes are read is
// not canonical: the decoder refuses it.
func (s *Scanner) str() (empty, ok bool) {
	if !s.byte('"') {
		return false, false
	}
	start := s.i
	saved := 0 // bytes the escapes so far take beyond what they stand for
	for {
		s.i = plainRun(s.b, s.i)
		if s.i == len(s.b) {
			return false, false
		}
		switch c := s.b[s.i]; {
		case c == '"':
			s.i++
			return s.i-start == 1, s.i-1-start-saved <= jsonx.MaxString
		case c == '\\':
			at := s.i
			if !s.escape() {
				return false, false
			}
			if s.i-at == 6 && s.b[at+2] == '2' { // \u2028 or \u2029: 3 bytes
				saved += 3
			} else { // one byte
				saved += s.i - at - 1
			}
		case c < utf8.RuneSelf: // a control character, not escaped
			return false, false
		default:
			// Three bytes a character, as CJK is, checked here; the rest
			// by runeAt.
			if i := s.i; (c >= 0xE1 && c <= 0xEC || c >= 0xEE) && i+2 < len(s.b) &&
				s.b[i+1]&0xC0 == 0x80 && s.b[i+2]&0xC0 == 0x80 && c != 0xE2 && c <= 0xEF {
				s.i += 3
				continue
			}
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
