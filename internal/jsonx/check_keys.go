package jsonx

// The checker's keys of a free object (a map, or a value checked only as
// JSON): each given once. A map whose keys are not strings reads each key
// as its type does, and two spellings of one key ("1" and "01" of an
// integer, two cases of a letter an enum reads alike) are one key given
// twice, of which encoding/json would silently keep the last.

import (
	"bytes"
	"encoding"
	"encoding/json"
	"math"
	"reflect"
	"strconv"

	"github.com/qingdan/qingdan/internal/errtext"
)

// smallKeys is how many keys of a free object are compared one by one
// before a map of them is built.
const smallKeys = 8

// freeKeys holds the keys of one free object met so far: each as it is
// read (its canonical form) and as it was spelt, for messages.
type freeKeys struct {
	small [smallKeys][2][]byte // read, spelt
	n     int                  // of small
	big   map[string][]byte    // read → spelt, past smallKeys
	texts map[any][]byte       // of a map keyed by a type that reads itself from text: the key read → spelt
}

// add records a key read as read and spelt as spelt, and returns how the
// key read as read was spelt before, if it was.
func (s *freeKeys) add(read, spelt []byte) (before []byte, twice bool) {
	if s.big == nil {
		for _, k := range s.small[:s.n] {
			if bytes.Equal(k[0], read) {
				return k[1], true
			}
		}
		if s.n < smallKeys {
			s.small[s.n] = [2][]byte{read, spelt}
			s.n++
			return nil, false
		}
		s.big = make(map[string][]byte, 2*smallKeys)
		for _, k := range s.small {
			s.big[string(k[0])] = k[1]
		}
	}
	if before, ok := s.big[string(read)]; ok {
		return before, true
	}
	s.big[string(read)] = spelt
	return nil, false
}

// addText records a key of a type that reads itself from text, read as
// the value read and spelt as spelt, as add does.
func (s *freeKeys) addText(read any, spelt []byte) (before []byte, twice bool) {
	if before, ok := s.texts[read]; ok {
		return before, true
	}
	if s.texts == nil {
		s.texts = map[any][]byte{}
	}
	s.texts[read] = spelt
	return nil, false
}

// keyPlan returns the plan of the keys of a map of key type t, as
// encoding/json reads them: a type that reads itself from text by its
// text, whatever its kind; an integer by strconv, in base 10; nil for
// anything else (a string), whose key is its text as it is.
func keyPlan(t reflect.Type) *plan {
	switch k := t.Kind(); {
	case reflect.PointerTo(t).Implements(textUnmarshalerType):
		return &plan{kind: textValue, text: t}
	case k >= reflect.Int && k <= reflect.Int64:
		return &plan{kind: intValue, bits: t.Bits()}
	case k >= reflect.Uint && k <= reflect.Uintptr:
		return &plan{kind: uintValue, bits: t.Bits()}
	}
	return nil
}

// freeKey records key, of a free object whose keys kp plans (nil: as they
// are), in keys, and refuses a key given before in any spelling, or one
// that its type does not read. quoted is the key as written, quotes and
// all. The error names the object.
func (c *checker) freeKey(keys *freeKeys, kp *plan, key, quoted []byte) error {
	var (
		before []byte
		twice  bool
	)
	switch {
	case kp == nil:
		before, twice = keys.add(key, key)
	case kp.kind == textValue:
		read, err := c.textKey(kp, key, quoted)
		if err != nil || read == nil {
			return err
		}
		before, twice = keys.addText(read, key)
	default:
		read, err := c.intKey(kp, key)
		if err != nil {
			return err
		}
		before, twice = keys.add(read, key)
	}
	switch {
	case !twice:
		return nil
	case !bytes.Equal(before, key):
		c.path = c.path[:len(c.path)-1]
		return c.fail("duplicate key %s (read as the key %s before it: a repeated key would silently take the last value)", errtext.Quote(string(key)), errtext.Quote(string(before)))
	}
	return c.duplicate(key)
}

// intKey reads key as an integer of kp, as encoding/json reads it
// (strconv, in base 10: "+1", "01" and "1" are one key), and returns it
// in its shortest form.
func (c *checker) intKey(kp *plan, key []byte) ([]byte, error) {
	lo, hi := int64(-1)<<(kp.bits-1), uint64(math.MaxInt64>>(64-kp.bits))
	if kp.kind == uintValue {
		lo, hi = 0, math.MaxUint64>>(64-kp.bits)
	}
	if kp.kind == intValue {
		if n, err := strconv.ParseInt(string(key), 10, 64); err == nil && n >= lo && n <= int64(hi) {
			return strconv.AppendInt(nil, n, 10), nil
		}
	} else if n, err := strconv.ParseUint(string(key), 10, 64); err == nil && n <= hi {
		return strconv.AppendUint(nil, n, 10), nil
	}
	c.path = c.path[:len(c.path)-1]
	return nil, c.fail("key %s is not an integer from %d to %d", errtext.Quote(string(key)), lo, hi)
}

// textKey has a new value of kp's type read key, as encoding/json does
// (by its UnmarshalJSON, given quoted, if it has one), and returns the
// value; nil for a value no map can be keyed by, which encoding/json
// refuses.
func (c *checker) textKey(kp *plan, key, quoted []byte) (any, error) {
	v := reflect.New(kp.text)
	var err error
	if u, ok := v.Interface().(json.Unmarshaler); ok {
		err = u.UnmarshalJSON(quoted)
	} else {
		err = v.Interface().(encoding.TextUnmarshaler).UnmarshalText(key)
	}
	if err != nil {
		c.path = c.path[:len(c.path)-1]
		return nil, &textError{path: c.where(), value: errtext.Quote(string(key)), err: err}
	}
	if !v.Elem().Comparable() {
		return nil, nil
	}
	return v.Elem().Interface(), nil
}
