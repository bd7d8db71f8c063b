package reason

import (
	"strconv"
	"unicode/utf8"
)

// Quoting a rule's name and a matter's type is most of the writing of a
// reason when strconv does it, since strconv looks every non-ASCII rune up
// in Unicode's tables; appendQuoted gives the same bytes with a fast path
// for the text reasons quote (ASCII, CJK and the punctuation of rule
// names).

// appendQuoted appends s quoted exactly as strconv.AppendQuote does. It
// copies s as it is when s holds only printable ASCII other than the quote
// and the backslash (checked 8 bytes at a time) and runes of printable3;
// any other rune is asked of strconv.IsPrint, and a string with anything
// to escape is left to strconv.
func appendQuoted(b []byte, s string) []byte {
	if !plain(s) {
		return strconv.AppendQuote(b, s)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// plain reports whether strconv.Quote would copy s as it is between its
// quotes: s holds only printable runes other than the quote and the
// backslash, and is valid UTF-8.
func plain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if i+8 <= len(s) && plainASCII8(s[i:i+8]) {
				i += 8
				continue
			}
			if c < ' ' || c == 0x7f || c == '"' || c == '\\' {
				return false
			}
			i++
			continue
		}
		if c >= 0xE2 && c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r >= cjkFirst && r <= cjkLast || isPrint3(r) {
				i += 3
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 || !strconv.IsPrint(r) { // invalid UTF-8, or a rune to escape
			return false
		}
		i += size
	}
	return true
}

// plainASCII8 reports whether the 8 bytes of s are all printable ASCII
// other than '"' and '\\', the bytes strconv.AppendQuote copies as they
// are. It tests the 8 bytes at once as one word, with the usual tests for
// a zero byte and a byte less than n in a word of bytes each below 0x80.
func plainASCII8(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	_ = s[7]
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	zero := func(v uint64) uint64 { return (v - ones) &^ v & highs }
	return x&highs|(x-' '*ones)&^x&highs|zero(x^0x7f*ones)|zero(x^'"'*ones)|zero(x^'\\'*ones) == 0
}

// cjkFirst and cjkLast bound the CJK Unified Ideographs with Extension A
// and the Yijing hexagrams between them, the runes of Chinese text, which
// appendQuoted checks before the other ranges of printable3.
const (
	cjkFirst = 0x3400
	cjkLast  = 0x9FFF
)

// printable3 are ranges of runes, each encoded in 3 bytes, that are all
// printable, so that appendQuoted passes them without strconv's table
// search: CJK ideographs first, then the punctuation, arrows and
// mathematical signs of rule names, kana and full-width forms. A test
// checks every rune of them against strconv.IsPrint.
var printable3 = [...][2]rune{
	{cjkFirst, cjkLast},
	{0x2010, 0x2027}, // dashes, quotation marks, bullets, ellipsis
	{0x2030, 0x205E}, // per mille, primes, more punctuation
	{0x2190, 0x22FF}, // arrows and mathematical operators (≥, ≤, ×)
	{0x3001, 0x303F}, // CJK symbols and punctuation (、。《》「」【】)
	{0x3041, 0x3096}, // hiragana
	{0x3099, 0x30FF}, // kana marks, katakana
	{0xFF01, 0xFFBE}, // full-width forms (（），：；)
}

// isPrint3 reports whether r, a 3-byte rune, lies in printable3; false
// means "ask strconv", not "not printable".
func isPrint3(r rune) bool {
	for _, p := range &printable3 {
		if r >= p[0] && r <= p[1] {
			return true
		}
	}
	return false
}
