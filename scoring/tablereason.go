package scoring

import (
	"strconv"
	"time"
	"unicode/utf8"
)

// This file writes a table's reasons: the one string a Result carries per
// evaluation, and most of the cost of Table.Evaluate. A reason is written
// into one buffer on the stack and copied once into its string. Quoting a
// rule's name and a matter's type is most of the writing when strconv does
// it, since strconv looks every non-ASCII rune up in Unicode's tables;
// appendQuoted gives the same bytes with a fast path for the text reasons
// quote (ASCII, CJK and the punctuation of rule names). Small numbers are
// written without strconv.

// reasonBuf is the stack buffer a reason is written into; longer reasons
// (long names or types) grow on the heap.
const reasonBuf = 192

// reason says which rule fired on which figures.
func (t *Table) reason(i int, r *TableRule, f *Facts) string {
	b := make([]byte, 0, reasonBuf)
	b = append(b, "rule "...)
	b = appendInt(b, i+1)
	if r.Name != "" {
		b = append(b, ' ')
		b = appendQuoted(b, r.Name)
	}
	b = append(b, ": "...)
	return string(appendFigures(b, f, t))
}

// describe lists the figures of f a rule can look at.
func describe(f *Facts) string { return string(appendFigures(make([]byte, 0, reasonBuf), f, nil)) }

// appendFigures lists the figures of f, their ratios rounded so as not to
// read as on or across a threshold of t (nil: the limit only).
func appendFigures(b []byte, f *Facts, t *Table) []byte {
	b = appendFigure(b, "response ", "not responded", f.Responded, f.Response, f.ResponseLimit, sides{t, false})
	b = appendFigure(b, ", resolution ", ", not resolved", f.Resolved, f.Resolution, f.ResolutionLimit, sides{t, true})
	if f.Returned {
		b = append(b, ", returned"...)
	}
	if f.Urged > 0 {
		b = append(b, ", urged "...)
		b = appendInt(b, f.Urged)
	}
	if f.Supervised > 0 {
		b = append(b, ", supervised "...)
		b = appendInt(b, f.Supervised)
	}
	if f.Quality != 0 {
		b = append(b, ", quality "...)
		b = appendInt(b, f.Quality)
	} else {
		b = append(b, ", quality not given"...)
	}
	switch {
	case f.Satisfied == nil:
		b = append(b, ", no feedback"...)
	case *f.Satisfied:
		b = append(b, ", satisfied"...)
	default:
		b = append(b, ", dissatisfied"...)
	}
	if f.Stage > 0 {
		b = append(b, ", stage "...)
		b = appendInt(b, f.Stage)
	}
	if f.Type != "" {
		b = append(b, ", type "...)
		b = appendQuoted(b, f.Type)
	}
	return b
}

// appendFigure writes one time against its limit: done names it (with a
// trailing space), missing says it is not done.
func appendFigure(b []byte, done, missing string, isDone bool, actual, limit time.Duration, s sides) []byte {
	if isDone {
		b = append(b, done...)
	} else {
		b = append(b, missing...)
		if actual <= 0 {
			return b
		}
		b = append(b, ", so far "...)
	}
	if limit <= 0 {
		b = append(b, max(actual, 0).String()...)
		return append(b, ", no limit"...)
	}
	b = s.appendRatio(b, int64(max(actual, 0)), int64(limit))
	return append(b, " of limit"...)
}

// appendInt is strconv.AppendInt for an int, with a fast path for one digit.
func appendInt(b []byte, n int) []byte {
	if uint(n) < 10 {
		return append(b, byte('0'+n))
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// maxRatioTime bounds the times appendRatioFast divides in 64 bits, so
// that 200 × actual + limit cannot overflow: about 260 days.
const maxRatioTime = (1<<63 - 1) / 400

// appendRatioFast is appendRatio (actual/limit with 2 places, rounded half
// up; actual ≥ 0, limit > 0) with a fast path for the times a reason
// meets: one 64-bit division.
func appendRatioFast(b []byte, actual, limit int64) []byte {
	if actual > maxRatioTime || limit > maxRatioTime {
		return appendRatio(b, actual, limit)
	}
	// actual/limit × 100, rounded half up: ⌊(200 × actual + limit) / (2 × limit)⌋.
	q := uint64(200*actual+limit) / uint64(2*limit)
	if q < 1000 {
		b = append(b, byte('0'+q/100))
	} else {
		b = strconv.AppendUint(b, q/100, 10)
	}
	return append(b, '.', byte('0'+q/10%10), byte('0'+q%10))
}

// appendQuoted appends s quoted exactly as strconv.AppendQuote does. It
// copies s as it is when s holds only printable ASCII other than the quote
// and the backslash (checked 8 bytes at a time) and runes of printable3;
// any other rune is asked of strconv.IsPrint, and a string with anything
// to escape is left to strconv.
func appendQuoted(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if i+8 <= len(s) && plainASCII8(s[i:i+8]) {
				i += 8
				continue
			}
			if c < ' ' || c == 0x7f || c == '"' || c == '\\' {
				return strconv.AppendQuote(b, s)
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
			return strconv.AppendQuote(b, s)
		}
		i += size
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
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
