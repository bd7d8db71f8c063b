package jsonx

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/qingdan/qingdan/internal/errtext"
)

// The bounds of what Decode reads, whatever the type decoded into. Each is
// checked as the input is read, before anything is decoded, so that a
// hostile input costs time in proportion to its length and no more.
const (
	// MaxDepth is how deeply arrays and objects may nest.
	MaxDepth = 64
	// MaxString is the longest string, key or value, in bytes of UTF-8
	// once its escapes are read.
	MaxString = 4 << 20
	// MaxNumber is the longest number, in characters; a decimal is bounded
	// by [MaxDecimalLen] too, which is as long.
	MaxNumber = 64
)

var errTrailing = errors.New("trailing data after the JSON value")

// errSyntax marks input that is not JSON; Decode lets encoding/json say
// what is wrong with it.
var errSyntax = errors.New("json: syntax error")

// checkError is a problem the checker found: what, and where as a path
// such as routes[3].respond.
type checkError struct {
	path string
	msg  string
}

func (e *checkError) Error() string {
	if e.path == "" {
		return "json: " + e.msg
	}
	return "json: " + e.msg + " at " + e.path
}

// A checker reads one JSON value and checks, in a single pass over its
// bytes, what encoding/json does not: that no object has a key twice,
// that every key of an object decoded into a struct names one of its
// fields exactly (not in another case), that strings are valid UTF-8 (no
// lone surrogate escapes either), and the bounds above; and that
// decimals are in [ParseDecimal]'s form and length before anything parses
// them. Its work is linear in the length of the input.
type checker struct {
	data  []byte
	i     int
	depth int
	path  []step
	steps int // work done: each byte is counted at most twice, so steps ≤ 2·len(data)+1 (the tests hold it to that)
}

// A step is one level of the path to the value being read: a key of an
// object (raw, between its quotes) or an index of an array.
type step struct {
	key   []byte
	index int
	isKey bool
}

// check checks data as one JSON value to be decoded by plan p, with
// nothing after it but white space.
func check(data []byte, p *plan) error {
	c := checker{data: data}
	return c.check(p)
}

func (c *checker) check(p *plan) error {
	if err := c.value(p); err != nil {
		return err
	}
	c.space()
	if c.i < len(c.data) {
		return errTrailing
	}
	return nil
}

func (c *checker) fail(format string, args ...any) error {
	return &checkError{path: c.where(), msg: fmt.Sprintf(format, args...)}
}

// where formats the path to the current value: units[0].creditCode.
func (c *checker) where() string {
	var b strings.Builder
	for _, s := range c.path {
		if s.isKey && s.key == nil {
			continue // a key being read
		}
		if !s.isKey {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		key := unquote(s.key)
		if plainKey(key) {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(key)
		} else {
			b.WriteByte('[')
			b.WriteString(errtext.Quote(key))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// plainKey reports whether a key can stand in a path unquoted.
func plainKey(k string) bool {
	if k == "" || len(k) > errtext.MaxQuoted {
		return false
	}
	for _, r := range k {
		if r <= ' ' || strings.ContainsRune(`."[]\`, r) || r == utf8.RuneError {
			return false
		}
	}
	return true
}

func (c *checker) space() {
	for c.i < len(c.data) {
		switch c.data[c.i] {
		case ' ', '\t', '\n', '\r':
			c.i++
		default:
			return
		}
	}
}

func (c *checker) value(p *plan) error {
	c.steps++
	c.space()
	if c.i >= len(c.data) {
		return errSyntax
	}
	switch b := c.data[c.i]; {
	case b == '{':
		return c.object(p)
	case b == '[':
		return c.array(p)
	case b == '"':
		switch p.kind {
		case decimalValue:
			return c.decimalString()
		case durationValue:
			at := c.i
			if _, _, _, err := c.str(maxDurationLen); err != nil {
				if err == errLong {
					return c.fail("duration %s longer than %d characters", c.head(at+1), maxDurationLen)
				}
				return c.strError(err, "duration", at)
			}
			return nil
		}
		start := c.i
		if _, _, _, err := c.str(MaxString); err != nil {
			return c.strError(err, "string", start)
		}
		return nil
	case b == '-' || b >= '0' && b <= '9':
		start := c.i
		if err := c.number(); err != nil {
			return err
		}
		if p.kind == decimalValue {
			if !plainDecimal(c.data[start:c.i]) {
				return c.fail("decimal %s: want a plain decimal such as \"-12.5\", of at most %d characters", errtext.Quote(string(c.data[start:c.i])), MaxDecimalLen)
			}
		}
		return nil
	default:
		return c.literal()
	}
}

func (c *checker) enter() error {
	if c.depth++; c.depth > MaxDepth {
		return c.fail("arrays and objects nested deeper than %d", MaxDepth)
	}
	c.i++
	c.space()
	return nil
}

func (c *checker) array(p *plan) error {
	if err := c.enter(); err != nil {
		return err
	}
	elem, length := anyPlan, -1
	if p.kind == listValue {
		elem, length = p.elem, p.length
	}
	n := 0
	if c.i < len(c.data) && c.data[c.i] == ']' {
		c.i++
		c.depth--
	} else {
		c.path = append(c.path, step{})
		for more := true; more; n++ {
			c.steps++
			c.path[len(c.path)-1].index = n
			var err error
			if more, err = c.member(elem, ']'); err != nil {
				return err
			}
		}
		c.path = c.path[:len(c.path)-1]
		c.depth--
	}
	if length >= 0 && n != length {
		// encoding/json would drop the elements over a Go array's length
		// and leave the ones missing zero.
		elements := "elements"
		if n == 1 {
			elements = "element"
		}
		return c.fail("array of %d %s where %d are wanted", n, elements, length)
	}
	return nil
}

// member reads a member of an array or object, as p plans it, and what
// follows it: a comma, when more members follow, or close.
func (c *checker) member(p *plan, close byte) (more bool, err error) {
	if err := c.value(p); err != nil {
		return false, err
	}
	c.space()
	if c.i >= len(c.data) {
		return false, errSyntax
	}
	switch c.data[c.i] {
	case ',':
		c.i++
		return true, nil
	case close:
		c.i++
		return false, nil
	}
	return false, errSyntax
}

// leave ends an array or object after its last member, or returns err.
func (c *checker) leave(err error) error {
	if err != nil {
		return err
	}
	c.path = c.path[:len(c.path)-1]
	c.depth--
	return nil
}

// smallKeys is how many keys of a free object are compared one by one
// before a map of them is built.
const smallKeys = 8

func (c *checker) object(p *plan) error {
	if err := c.enter(); err != nil {
		return err
	}
	if c.i < len(c.data) && c.data[c.i] == '}' {
		c.i++
		c.depth--
		return nil
	}
	var (
		seen    uint64 // the fields met so far, for a struct of up to 64 fields
		seenBig []bool // for a larger struct
		keys    [smallKeys][]byte
		nkeys   int
		keySet  map[string]bool // the keys met so far, past smallKeys, of a free object
	)
	if p.kind == structValue && len(p.names) > 64 {
		seenBig = make([]bool, len(p.names))
	}
	c.path = append(c.path, step{isKey: true})
	for {
		c.steps++
		c.space()
		if c.i >= len(c.data) || c.data[c.i] != '"' {
			return errSyntax
		}
		c.path[len(c.path)-1].key = nil
		at := c.i
		start, end, esc, err := c.str(MaxString)
		if err != nil {
			return c.strError(err, "key", at)
		}
		raw := c.data[start:end]
		c.path[len(c.path)-1].key = raw
		key := raw
		if esc {
			key = []byte(unquote(raw))
		}
		child := anyPlan
		switch p.kind {
		case structValue:
			f, ok := p.fields[string(key)]
			if !ok {
				c.path = c.path[:len(c.path)-1]
				for _, name := range p.names {
					if strings.EqualFold(name, string(key)) {
						return c.fail("field %s is spelt %q here (field names are case-sensitive)", errtext.Quote(string(key)), name)
					}
				}
				return c.fail("unknown field %s", errtext.Quote(string(key)))
			}
			if seenBig != nil {
				if seenBig[f.index] {
					return c.duplicate(key)
				}
				seenBig[f.index] = true
			} else {
				if seen&(1<<f.index) != 0 {
					return c.duplicate(key)
				}
				seen |= 1 << f.index
			}
			child = f.plan
		default:
			if p.kind == mapValue {
				child = p.elem
			}
			switch {
			case keySet != nil:
				if keySet[string(key)] {
					return c.duplicate(key)
				}
				keySet[string(key)] = true
			case nkeys < smallKeys:
				for _, k := range keys[:nkeys] {
					if bytes.Equal(k, key) {
						return c.duplicate(key)
					}
				}
				keys[nkeys] = key
				nkeys++
			default:
				keySet = make(map[string]bool, 2*smallKeys)
				for _, k := range keys {
					keySet[string(k)] = true
				}
				if keySet[string(key)] {
					return c.duplicate(key)
				}
				keySet[string(key)] = true
			}
		}
		c.space()
		if c.i >= len(c.data) || c.data[c.i] != ':' {
			return errSyntax
		}
		c.i++
		if more, err := c.member(child, '}'); err != nil || !more {
			return c.leave(err)
		}
	}
}

// head quotes the start of a value read from start to c.i that is over
// its bound: its first bytes, and an ellipsis for the rest.
func (c *checker) head(start int) string {
	end := min(c.i, len(c.data), start+errtext.MaxQuoted)
	for end > start && end < len(c.data) && !utf8.RuneStart(c.data[end]) {
		end--
	}
	return strconv.Quote(string(c.data[start:end])) + "…"
}

// duplicate reports a key given twice in one object; the path names the
// object.
func (c *checker) duplicate(key []byte) error {
	c.path = c.path[:len(c.path)-1]
	return c.fail("duplicate key %s (a repeated key would silently take the last value)", errtext.Quote(string(key)))
}

// errLong marks a string over its limit; strError says which.
var errLong = errors.New("too long")

// strError describes an error of str for a string that starts at start:
// a key, a string or a decimal.
func (c *checker) strError(err error, what string, start int) error {
	switch {
	case err == errLong && what == "decimal":
		return c.fail("decimal %s longer than %d characters", c.head(start+1), MaxDecimalLen)
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

// decimalString reads a string that must hold a decimal.
func (c *checker) decimalString() error {
	at := c.i
	start, end, esc, err := c.str(MaxDecimalLen)
	if err != nil {
		return c.strError(err, "decimal", at)
	}
	s := string(c.data[start:end])
	if esc {
		s = unquote(c.data[start:end])
	}
	if !plainDecimal([]byte(s)) {
		return c.fail("decimal %s: want a plain decimal such as \"-12.5\"", errtext.Quote(s))
	}
	return nil
}

var literals = [][]byte{[]byte("true"), []byte("false"), []byte("null")}

func (c *checker) literal() error {
	for _, lit := range literals {
		if bytes.HasPrefix(c.data[c.i:], lit) {
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
