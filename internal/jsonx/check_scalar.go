package jsonx

// The checker's scalars: strings and their escapes, numbers, decimals
// written as strings, and the literals.

import (
	"bytes"
	"encoding"
	"errors"
	"reflect"
	"time"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/qingdan/qingdan/internal/errtext"
)

// errLong marks a string over its limit; strError says which.
var errLong = errors.New("too long")

// strError describes an error of str for a string that starts at start:
// a key, a string or a decimal.
func (c *checker) strError(err error, what word, start int) error {
	switch {
	case err == errLong && what == "decimal":
		return c.fail("decimal %s longer than %d characters", c.head(start+1), MaxDecimalLen)
	case err == errLong && what == "duration":
		return c.fail("duration %s longer than %d characters", c.head(start+1), maxDurationLen)
	case err == errLong:
		return c.fail("%s longer than %d bytes (the most a string may hold)", what, MaxString)
	case err == errUTF8:
		return c.fail("%s is not valid UTF-8", what)
	}
	return err
}

// errUTF8 marks a string that is not valid UTF-8.
var errUTF8 = errors.New("not UTF-8")

// str reads a string starting at its opening quote, checking that it is
// valid UTF-8 and at most limit bytes once its escapes are read, and
// returns where its text lies between the quotes and whether it has an
// escape. It stops at the first byte over the limit.
func (c *checker) str(limit int) (start, end int, esc bool, err error) {
	c.i++
	start = c.i
	n := 0 // bytes of the decoded string so far
	d := c.data
	for {
		c.steps++
		// The common case: printable ASCII, no escape.
		stop := min(len(d), c.i+limit-n+1)
		j := c.i
		for j < stop {
			if b := d[j]; b < 0x20 || b >= 0x80 || b == '"' || b == '\\' {
				break
			}
			j++
		}
		n += j - c.i
		c.i = j
		if n > limit {
			return 0, 0, false, errLong
		}
		if c.i >= len(d) {
			return 0, 0, false, errSyntax
		}
		switch b := d[c.i]; {
		case b == '"':
			end = c.i
			c.i++
			return start, end, esc, nil
		case b < 0x20:
			return 0, 0, false, errSyntax
		case b == '\\':
			esc = true
			size, err := c.escape()
			if err != nil {
				return 0, 0, false, err
			}
			n += size
		default:
			r, size := utf8.DecodeRune(d[c.i:])
			if r == utf8.RuneError && size <= 1 {
				return 0, 0, false, errUTF8
			}
			c.i += size
			n += size
		}
		if n > limit {
			return 0, 0, false, errLong
		}
	}
}

// escape reads one escape sequence at its backslash and returns the
// length of its UTF-8. A \u escape of half a surrogate pair, alone, is
// an error: encoding/json would quietly turn it into U+FFFD.
func (c *checker) escape() (int, error) {
	d := c.data
	if c.i+1 >= len(d) {
		return 0, errSyntax
	}
	switch d[c.i+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		c.i += 2
		return 1, nil
	case 'u':
		r, ok := hex4(d, c.i+2)
		if !ok {
			return 0, errSyntax
		}
		c.i += 6
		if !utf16.IsSurrogate(r) {
			return utf8.RuneLen(r), nil
		}
		if r < 0xDC00 && c.i+1 < len(d) && d[c.i] == '\\' && d[c.i+1] == 'u' {
			if r2, ok := hex4(d, c.i+2); ok && r2 >= 0xDC00 && r2 <= 0xDFFF {
				c.i += 6
				return 4, nil
			}
		}
		return 0, errUTF8
	}
	return 0, errSyntax
}

func hex4(d []byte, at int) (rune, bool) {
	if at+4 > len(d) {
		return 0, false
	}
	var r rune
	for _, b := range d[at : at+4] {
		switch {
		case b >= '0' && b <= '9':
			r = r<<4 | rune(b-'0')
		case b >= 'a' && b <= 'f':
			r = r<<4 | rune(b-'a'+10)
		case b >= 'A' && b <= 'F':
			r = r<<4 | rune(b-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// number reads a JSON number of at most MaxNumber characters.
func (c *checker) number() error {
	d, start := c.data, c.i
	digits := func() bool {
		j := c.i
		for c.i < len(d) && d[c.i] >= '0' && d[c.i] <= '9' && c.i-start <= MaxNumber {
			c.i++
		}
		return c.i > j
	}
	if d[c.i] == '-' {
		c.i++
	}
	switch {
	case c.i < len(d) && d[c.i] == '0':
		c.i++
	case !digits():
		return errSyntax
	}
	if c.i < len(d) && d[c.i] == '.' {
		c.i++
		if !digits() {
			return c.tooLong(start)
		}
	}
	if c.i < len(d) && (d[c.i] == 'e' || d[c.i] == 'E') {
		c.i++
		if c.i < len(d) && (d[c.i] == '+' || d[c.i] == '-') {
			c.i++
		}
		if !digits() {
			return c.tooLong(start)
		}
	}
	return c.tooLong(start)
}

// tooLong reports a number longer than MaxNumber, and otherwise the
// syntax error that stopped it, or nil.
func (c *checker) tooLong(start int) error {
	if c.i-start > MaxNumber {
		return c.fail("number %s longer than %d characters", c.head(start), MaxNumber)
	}
	if c.i > 0 && (c.data[c.i-1] < '0' || c.data[c.i-1] > '9') {
		return errSyntax
	}
	return nil
}

// decimalString reads a string that must hold a decimal of p: a
// decimal.Decimal reads its string's bytes as they are, and so refuses
// an escape ("\u0031"), naming no path; [Decimal] reads escapes.
func (c *checker) decimalString(p *plan) error {
	at := c.i
	text, err := c.text(MaxDecimalLen, "decimal")
	if err != nil {
		return err
	}
	if raw := c.data[at+1 : c.i-1]; p.raw && hasEscape(raw) {
		return c.fail("decimal %s: want a plain decimal without escapes", errtext.Quote(string(raw)))
	}
	if !plainDecimal(text) {
		return c.fail("decimal %s: want a plain decimal such as \"-12.5\"", errtext.Quote(string(text)))
	}
	return nil
}

// duration reads a string that must hold a Duration, as its UnmarshalJSON
// reads it, so that a duration at fault is named by its path.
func (c *checker) duration() error {
	text, err := c.text(maxDurationLen, "duration")
	if err != nil {
		return err
	}
	// time.ParseDuration reads text's bytes in place: the string is kept
	// by nothing but the error, which is dropped.
	if _, err := time.ParseDuration(unsafe.String(unsafe.SliceData(text), len(text))); err != nil {
		return c.fail("duration %s: not a duration such as \"4h0m0s\"", errtext.Quote(string(text)))
	}
	return nil
}

// time reads a string that must hold a time.Time, as its UnmarshalJSON
// reads it (RFC 3339), so that a time at fault is named by its path.
func (c *checker) time() error {
	at := c.i
	start, end, esc, err := c.str(MaxString)
	if err != nil {
		return c.strError(err, "time", at)
	}
	var t time.Time
	if t.UnmarshalJSON(c.data[at:c.i]) != nil {
		if esc { // time.Time reads no escape
			return c.fail("time %s: want RFC 3339 without escapes", errtext.Quote(string(c.data[start:end])))
		}
		return c.fail("time %s: want RFC 3339, such as \"2024-03-04T08:40:00+08:00\"", errtext.Quote(string(c.data[start:end])))
	}
	return nil
}

// text reads a string of at most limit bytes that holds a what, and
// returns its text: its bytes in place, or, when it has an escape, new
// bytes with its escapes read.
func (c *checker) text(limit int, what word) ([]byte, error) {
	at := c.i
	start, end, esc, err := c.str(limit)
	if err != nil {
		return nil, c.strError(err, what, at)
	}
	if esc {
		return []byte(unquote(c.data[start:end])), nil
	}
	return c.data[start:end], nil
}

// textValue reads a string for a type that reads itself from text (an
// enum), and, when the checker is asked to (texts), has a new value of the
// type read it: encoding/json returns such a type's refusal as it is,
// naming no path (which of a register's units has the misspelt kind?),
// so [Decode] checks again with texts set when decoding fails.
func (c *checker) textValue(p *plan) error {
	at := c.i
	if !c.texts {
		_, _, _, err := c.str(MaxString)
		return c.strError(err, "string", at)
	}
	text, err := c.text(MaxString, "string")
	if err != nil {
		return err
	}
	if err := reflect.New(p.text).Interface().(encoding.TextUnmarshaler).UnmarshalText(text); err != nil {
		return &textError{path: c.where(), value: errtext.Quote(string(text)), err: err}
	}
	return nil
}

// textError is a refusal of a type that reads itself from text, with the
// path to its value; it wraps the refusal, and so its sentinel.
type textError struct {
	path  string
	value string // the text refused, quoted, for [Chinese]
	err   error
}

func (e *textError) Error() string {
	if e.path == "" {
		return "json: " + e.err.Error()
	}
	return "json: " + e.err.Error() + " at " + e.path
}
func (e *textError) Unwrap() error { return e.err }

var literals = [][]byte{[]byte("true"), []byte("false"), []byte("null")}

// literal reads true, false or null; a Duration is a string or null.
func (c *checker) literal(p *plan) error {
	for _, lit := range literals {
		if bytes.HasPrefix(c.data[c.i:], lit) {
			if p.kind == durationValue && lit[0] != 'n' {
				return c.fail("duration %s is not a string such as \"4h0m0s\"", errtext.Quote(string(lit)))
			}
			c.i += len(lit)
			return nil
		}
	}
	return errSyntax
}

// unquote returns the text of a string whose bytes between the quotes
// are raw and have been checked.
func unquote(raw []byte) string {
	if !hasEscape(raw) {
		return string(raw)
	}
	var b []byte
	for i := 0; i < len(raw); {
		if raw[i] != '\\' {
			b = append(b, raw[i])
			i++
			continue
		}
		switch e := raw[i+1]; e {
		case 'u':
			r, _ := hex4(raw, i+2)
			i += 6
			if utf16.IsSurrogate(r) {
				r2, _ := hex4(raw, i+2)
				r = utf16.DecodeRune(r, r2)
				i += 6
			}
			b = utf8.AppendRune(b, r)
		default:
			b = append(b, unescaped(e))
			i += 2
		}
	}
	return string(b)
}

func unescaped(e byte) byte {
	switch e {
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return e // " \ /
}

func hasEscape(b []byte) bool {
	for _, c := range b {
		if c == '\\' {
			return true
		}
	}
	return false
}
