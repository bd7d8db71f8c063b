package jsonx

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"unicode"
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

// errSyntax marks input that is not JSON; Decode lets encoding/json say
// what is wrong with it.
var errSyntax = errors.New("json: syntax error")

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
	steps int           // work done: each byte is counted at most twice, so steps ≤ 2·len(data)+1 (the tests hold it to that)
	texts bool          // have each type that reads itself from text read its string (textValue), to name the path of one it refuses
	root  reflect.Value // the value decoded into, where its plan holds an interface (see filled); else the zero Value
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
	if err := c.value(p, c.root); err != nil {
		return err
	}
	c.space()
	if c.i < len(c.data) {
		return &trailingError{offset: c.i}
	}
	return nil
}

func (c *checker) fail(format string, args ...any) error {
	return &checkError{path: c.where(), format: format, args: args}
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
		if r <= ' ' || strings.ContainsRune(`."[]\`, r) || r == utf8.RuneError || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
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

// value reads a value of plan p into v, the value it fills, where that
// matters (see filled), or the zero Value. null fills nothing: encoding/json
// stores it where v is without following v's interfaces.
func (c *checker) value(p *plan, v reflect.Value) error {
	c.steps++
	c.space()
	if c.i >= len(c.data) {
		return errSyntax
	}
	if v.IsValid() && c.data[c.i] != 'n' {
		var loops bool
		if p, v, loops = filled(p, v); loops {
			return c.fail("the value decoded into loops: interfaces in it point to one another in a ring")
		}
	}
	switch b := c.data[c.i]; {
	case p.kind == durationValue && (b == '{' || b == '['):
		return c.fail("duration is not a string such as \"4h0m0s\"")
	case p.refuses(b):
		return c.fail("%s where %s is wanted", found[b], wanted[p.kind])
	case b == '{':
		return c.object(p, v)
	case b == '[':
		return c.array(p, v)
	case b == '"':
		switch p.kind {
		case decimalValue:
			return c.decimalString(p)
		case durationValue:
			return c.duration()
		case timeValue:
			return c.time()
		case textValue:
			return c.textValue(p)
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
		switch p.kind {
		case decimalValue:
			if !plainDecimal(c.data[start:c.i]) {
				return c.fail("decimal %s: want a plain decimal such as \"-12.5\", of at most %d characters", errtext.Quote(string(c.data[start:c.i])), MaxDecimalLen)
			}
		case durationValue:
			return c.fail("duration %s is not a string such as \"4h0m0s\"", errtext.Quote(string(c.data[start:c.i])))
		case intValue, uintValue, floatValue:
			return c.inRange(p, start)
		}
		return nil
	default:
		return c.literal(p)
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

func (c *checker) array(p *plan, v reflect.Value) error {
	if err := c.enter(); err != nil {
		return err
	}
	elem, length := anyPlan, -1
	if p.kind == listValue {
		elem, length = p.elem, p.length
	}
	v = elements(v)
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
			if more, err = c.member(elem, element(v, n), ']'); err != nil {
				return err
			}
		}
		c.path = c.path[:len(c.path)-1]
		c.depth--
	}
	if length >= 0 && n != length {
		// encoding/json would drop the elements over a Go array's length
		// and leave the ones missing zero.
		elements := word("elements")
		if n == 1 {
			elements = "element"
		}
		return c.fail("array of %d %s where %d are wanted", n, elements, length)
	}
	return nil
}

// member reads a member of an array or object, as p plans it, into v (see
// value), and what follows it: a comma, when more members follow, or
// close.
func (c *checker) member(p *plan, v reflect.Value, close byte) (more bool, err error) {
	if err := c.value(p, v); err != nil {
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

func (c *checker) object(p *plan, v reflect.Value) error {
	if err := c.enter(); err != nil {
		return err
	}
	if c.i < len(c.data) && c.data[c.i] == '}' {
		c.i++
		c.depth--
		return nil
	}
	var (
		seen    uint64   // the fields met so far, for a struct of up to 64 fields
		seenBig []bool   // for a larger struct
		keys    freeKeys // the keys met so far, of a free object
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
		child, cv := anyPlan, reflect.Value{}
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
			child, cv = f.plan, fieldOf(v, f.path)
		default:
			if p.kind == mapValue {
				child = p.elem
			}
			if err := c.freeKey(&keys, p.key, key, c.data[at:c.i]); err != nil {
				return err
			}
		}
		c.space()
		if c.i >= len(c.data) || c.data[c.i] != ':' {
			return errSyntax
		}
		c.i++
		if more, err := c.member(child, cv, '}'); err != nil || !more {
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
