package jsonx

// The checker's check of a value's kind against the Go type it fills: a
// string where an integer is wanted, an integer out of its type's range,
// refused with the path to it rather than left to encoding/json, whose
// error names no index and names the wire types of the library instead.

import (
	"math"
	"strconv"
	"strings"
)

// takes holds, for each kind of plan, the first bytes of the values it
// takes besides null; a kind not listed takes anything.
var takes = [...]string{
	structValue:  "{",
	mapValue:     "{",
	listValue:    "[",
	decimalValue: `"-0123456789`,
	boolValue:    "tf",
	stringValue:  `"`,
	intValue:     "-0123456789",
	uintValue:    "-0123456789",
	floatValue:   "-0123456789",
	timeValue:    `"`,
	textValue:    `"`,
}

// found names the value a byte starts, for messages.
var found = [256]word{'{': "an object", '[': "an array", '"': "a string", 't': "true", 'f': "false",
	'-': "a number", '0': "a number", '1': "a number", '2': "a number", '3': "a number", '4': "a number",
	'5': "a number", '6': "a number", '7': "a number", '8': "a number", '9': "a number"}

// wanted names what a kind of plan takes, for messages.
var wanted = [...]word{
	structValue:  "an object",
	mapValue:     "an object",
	listValue:    "an array",
	decimalValue: "a decimal",
	boolValue:    "true or false",
	stringValue:  "a string",
	intValue:     "an integer",
	uintValue:    "an integer of at least 0",
	floatValue:   "a number",
	timeValue:    "a time",
	textValue:    "a string",
}

// refuses reports whether a value that starts with b cannot fill a value
// of p: an object, an array, a string, a number, true or false of
// another kind than p's. A byte that starts no value is the syntax's to
// refuse, and a type that decodes itself through its wire form (see
// [Wire]) may take other kinds than its wire form's.
func (p *plan) refuses(b byte) bool {
	return found[b] != "" && !p.own && p.kind != durationValue && int(p.kind) < len(takes) && takes[p.kind] != "" &&
		!strings.Contains(takes[p.kind], string(b))
}

// inRange checks the number read from start, for a plan of a number: an
// integer within the range of its type, a float within the range of its.
func (c *checker) inRange(p *plan, start int) error {
	if n, ok := smallInt(c.data[start:c.i]); ok {
		switch {
		case p.kind == intValue && n >= int64(-1)<<(p.bits-1) && n <= math.MaxInt64>>(64-p.bits):
			return nil
		case p.kind == uintValue && c.data[start] != '-' && uint64(n) <= math.MaxUint64>>(64-p.bits):
			return nil
		}
	}
	text := string(c.data[start:c.i]) // allocated only for a float, or an integer to refuse
	var err error
	switch p.kind {
	case intValue:
		_, err = strconv.ParseInt(text, 10, p.bits)
	case uintValue:
		_, err = strconv.ParseUint(text, 10, p.bits)
	default:
		_, err = strconv.ParseFloat(text, p.bits)
	}
	switch {
	case err == nil:
		return nil
	case p.kind == intValue && !strings.ContainsAny(text, ".eE") && err.(*strconv.NumError).Err == strconv.ErrRange:
		lo, hi := int64(-1)<<(p.bits-1), int64(math.MaxInt64>>(64-p.bits))
		return c.fail("integer %s out of range (%d to %d)", text, lo, hi)
	case p.kind == uintValue && !strings.ContainsAny(text, ".eE-") && err.(*strconv.NumError).Err == strconv.ErrRange:
		return c.fail("integer %s out of range (0 to %d)", text, uint64(math.MaxUint64>>(64-p.bits)))
	case p.kind == floatValue:
		return c.fail("number %s out of range", text)
	}
	return c.fail("number %s where %s is wanted", text, wanted[p.kind])
}

// smallInt reads b, a JSON number, as an integer if it is one of at most
// 18 digits, which an int64 holds, without allocating.
func smallInt(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}
