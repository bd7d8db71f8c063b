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
	"math"
	"reflect"
)

// Decode decodes exactly one JSON value from data into v, strictly, and
// within bounds. Before anything is decoded, one pass over data, linear
// in its length, refuses
//
//   - a key that names no field of the struct it would fill (encoding/json
//     would drop it), and a key spelt in another case than its field's
//     ("creditcode" for "creditCode", which encoding/json would accept);
//   - a key given twice in one object (encoding/json would keep the last),
//     in any spelling its map reads alike ("1" and "01" of a map keyed by
//     integers; two texts an enum keying a map reads as one), and a key
//     of a map keyed by integers that is not one of its range;
//   - a string that is not valid UTF-8, or holds half a UTF-16 surrogate
//     pair (encoding/json would turn either into U+FFFD);
//   - a string or key longer than [MaxString] bytes, a number longer than
//     [MaxNumber] characters, arrays and objects nested deeper than
//     [MaxDepth];
//   - a decimal ([Decimal], or a decimal.Decimal) not in [ParseDecimal]'s
//     form and length, a decimal.Decimal written with an escape ("\u0031",
//     which [Decimal] reads but decimal.Decimal refuses, naming no
//     path), and a [Duration] that is not a string
//     time.ParseDuration reads, of at most 64 characters;
//   - an array of another length than the Go array it fills (encoding/json
//     would drop the elements over it, or leave the ones missing zero);
//   - a value of another kind than the Go value it fills (a string for an
//     integer, say), and an integer out of its type's range (encoding/json
//     would refuse them too, but name no index, and name the Go types of
//     a wire form where the path is wanted);
//   - anything after the value but white space.
//
// The error names the bound, the key or the value and the path to the
// value, such as `json: unknown field "respnd" at routes[3]`; input of
// white space alone is an error that says so. A string that a type which
// reads itself from text (an enum: an encoding.TextUnmarshaler) refuses
// is found once encoding/json has refused it, by a second pass, and its
// error, wrapped, is named by its path too: `json: unknown unit kind
// "bogus" (…): invalid at units[0].kind`. A type that decodes itself
// (a json.Unmarshaler) is checked for all but its keys, which are its own
// decoder's to check: every such decoder of this library decodes through
// Decode again. An interface in v that holds a pointer when Decode is
// called (a field filled with &Config{}) is decoded, as encoding/json
// decodes it, into what it points to, and checked as that type, strictly;
// an empty one (any) that holds anything else takes any JSON, which
// replaces it, and a non-empty one (a fmt.Stringer) only null: it is
// encoding/json's to refuse anything else, which it does.
// Interfaces that hold pointers to one another in a ring, which
// encoding/json would follow forever, are refused where a value but null
// would be decoded into them.
func Decode(data []byte, v any) error {
	p := planOf(reflect.TypeOf(v))
	var root reflect.Value
	if p.live {
		root = reflect.ValueOf(v)
	}
	c := checker{data: data, root: root}
	err := c.check(p)
	switch {
	case err == errSyntax:
		// Not JSON: encoding/json's decoder says what is wrong ("unexpected
		// EOF", "invalid character …"), having read no more than the value.
		// An input of white space alone is one it would call "EOF".
		if derr := json.NewDecoder(bytes.NewReader(data)).Decode(v); derr == io.EOF {
			return errEmpty
		} else if derr != nil {
			return derr
		}
		return err
	case err != nil:
		return err
	}
	// The check has refused every key that names no field of the struct it
	// would fill (TestFieldsAsEncodingJSON holds it to encoding/json's
	// choice of fields), so json.Unmarshal, which reads data in place, has
	// none to drop; a type that decodes itself checks its own.
	err = json.Unmarshal(data, v)
	if err != nil {
		// A type that reads itself from text (an enum) refused its string,
		// and encoding/json names no path: check again, having each such
		// type read its string, to find the value and name its path. Sound
		// input never pays for this second pass. What the pass finds is
		// the error only if it is the refusal encoding/json stopped at,
		// not a later value's after another refusal (of a type that
		// decodes itself, say).
		c := checker{data: data, texts: true, root: root}
		if terr := c.check(p); terr != nil && sameRefusal(err, terr) {
			return terr
		}
	}
	return err
}

// sameRefusal reports whether err, encoding/json's, is the refusal that
// the second pass of [Decode] found, terr: the text type's error itself,
// or, from a type that decodes itself through Decode, that error named by
// its path inside the type. The refusals are compared by their text, for
// the second pass has a new value of the type read the string again.
func sameRefusal(err, terr error) bool {
	te, ok := terr.(*textError)
	if !ok {
		return false
	}
	if inner, ok := errors.AsType[*textError](err); ok {
		return inner.err.Error() == te.err.Error()
	}
	return err.Error() == te.err.Error()
}

// errEmpty is the error for an input that holds no JSON value.
var errEmpty = errors.New("json: no value: the input is empty or white space")

// UnmarshalVia is an UnmarshalJSON method of a type that reads through w,
// its wire form (a pointer to a struct that embeds a pointer to the
// type's fields and shadows those with a form of their own, say): null
// changes nothing; anything else is decoded into w with [Decode], then
// done copies w back and stores the value. An error, before done is
// called, is wrapped as [WrapPart] wraps it.
func UnmarshalVia(b []byte, w any, sentinel error, what string, done func()) error {
	if string(b) == "null" {
		return nil
	}
	if err := Decode(b, w); err != nil {
		return WrapPart(err, sentinel, what)
	}
	done()
	return nil
}

// WrapPart returns err, an error reading a what, naming the what and
// wrapping sentinel once: an error that wraps it already, from a part
// that decodes itself, is returned as it is ("invalid: score: json:
// unknown field …", not "invalid: score: invalid: …"). It returns nil for
// a nil err.
func WrapPart(err, sentinel error, what string) error {
	if err == nil || errors.Is(err, sentinel) {
		return err
	}
	return fmt.Errorf("%w: %s: %w", sentinel, what, err)
}

// Wrap is the boundary of a package that reads with [Read] or [Decode]:
// it returns err after context ("matters: loading admission lists"),
// wrapping sentinel once. An error that wraps sentinel already, from a
// type that decodes itself, is not wrapped again:
//
//	matters: loading admission lists: matters: invalid: json: unknown field "x"
//	matters: loading admission lists: matters: invalid: route: …
//
// It returns nil for a nil err.
func Wrap(err error, context string, sentinel error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, sentinel):
		return fmt.Errorf("%s: %w", context, err)
	}
	return fmt.Errorf("%s: %w: %w", context, sentinel, err)
}

// Read reads all of r, at most limit bytes, and decodes it as [Decode]
// does. A longer input is an error that says the limit; it is found by
// reading one byte over the limit, and no more. Any positive limit works,
// math.MaxInt64 (no limit) too. A limit of zero or less is taken as zero:
// every input but an empty one is then over it, and the empty one holds
// no value, so that Read refuses whatever r holds.
func Read(r io.Reader, limit int64, v any) error {
	limit = max(limit, 0)
	// One byte over the limit, to tell an input over it from one at it;
	// no input is over math.MaxInt64, which limit+1 would overflow.
	data, err := io.ReadAll(io.LimitReader(r, min(limit, math.MaxInt64-1)+1))
	if err != nil {
		return err
	}
	if int64(len(data)) > limit {
		return &longError{limit: limit}
	}
	return Decode(data, v)
}

// Indent writes v to w as json.MarshalIndent writes it with two spaces,
// and a line feed: the form of the tables and sheets kept in files.
func Indent(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
