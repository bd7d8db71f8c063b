package canon

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// omitEmpty marks a member that is left out when its value is empty, as
// encoding/json's omitempty does; when present, it is never empty.
const omitEmpty = true

// text is a string member.
func text[T any](name string, get func(*T) *string, omit bool) member[T] {
	m := member[T]{
		name: name,
		put:  func(b []byte, v *T) ([]byte, error) { return appendString(b, *get(v)) },
		check: func(s *Scanner) bool {
			empty, ok := s.str()
			return ok && !(omit && empty)
		},
	}
	if omit {
		m.omit = func(v *T) bool { return *get(v) == "" }
	}
	return m
}

// integer is an int member, written in decimal.
func integer[T any](name string, get func(*T) *int, omit bool) member[T] {
	m := member[T]{
		name: name,
		put:  func(b []byte, v *T) ([]byte, error) { return strconv.AppendInt(b, int64(*get(v)), 10), nil },
		check: func(s *Scanner) bool {
			zero, ok := s.integer()
			return ok && !(omit && zero)
		},
	}
	if omit {
		m.omit = func(v *T) bool { return *get(v) == 0 }
	}
	return m
}

// instant is a time member, never left out: RFC 3339 in UTC.
func instant[T any](name string, get func(*T) *time.Time) member[T] {
	return member[T]{
		name: name,
		put:  func(b []byte, v *T) ([]byte, error) { return appendTime(b, *get(v)) },
		check: func(s *Scanner) bool {
			t, ok := s.raw()
			return ok && checkTime(t)
		},
	}
}

// number is a decimal member, never left out: a JSON string.
func number[T any](name string, get func(*T) *decimal.Decimal) member[T] {
	return member[T]{
		name: name,
		put:  func(b []byte, v *T) ([]byte, error) { return appendDecimal(b, *get(v)) },
		check: func(s *Scanner) bool {
			d, ok := s.raw()
			return ok && checkDecimal(d)
		},
	}
}

// Enum is an enumeration numbered from 1, whose zero value is "not set":
// it marshals a named value as its code, and refuses any other value.
type Enum interface {
	~int
	MarshalText() ([]byte, error)
}

// code is an enumeration member, left out when zero, written as the code
// of its value; a value that is not named has no form.
func code[T any, E Enum](name string, get func(*T) *E) member[T] {
	var codes []string // by value - 1
	for v := E(1); ; v++ {
		c, err := v.MarshalText()
		if err != nil {
			break
		}
		codes = append(codes, string(c))
	}
	return member[T]{
		name: name,
		omit: func(v *T) bool { return *get(v) == 0 },
		put: func(b []byte, v *T) ([]byte, error) {
			e := *get(v)
			if e < 1 || int(e) > len(codes) {
				return b, fmt.Errorf("%d is not a value with a code: %w", int(e), errNoForm)
			}
			b = append(b, '"')
			b = append(b, codes[e-1]...)
			return append(b, '"'), nil
		},
		check: func(s *Scanner) bool {
			c, ok := s.raw()
			return ok && slices.Contains(codes, string(c))
		},
	}
}

// texts is a list of strings, left out when empty.
func texts[T any](name string, get func(*T) *[]string) member[T] {
	return member[T]{
		name: name,
		omit: func(v *T) bool { return len(*get(v)) == 0 },
		put: func(b []byte, v *T) ([]byte, error) {
			b = append(b, '[')
			for i, x := range *get(v) {
				if i > 0 {
					b = append(b, ',')
				}
				var err error
				if b, err = appendString(b, x); err != nil {
					return b, fmt.Errorf("[%d]: %w", i, err)
				}
			}
			return append(b, ']'), nil
		},
		check: func(s *Scanner) bool {
			if !s.byte('[') {
				return false
			}
			for first := true; first || s.byte(','); first = false {
				if _, ok := s.str(); !ok {
					return false
				}
			}
			return s.byte(']')
		},
	}
}

// flag is an optional boolean (*bool), left out when nil.
func flag[T any](name string, get func(*T) **bool) member[T] {
	return member[T]{
		name: name,
		omit: func(v *T) bool { return *get(v) == nil },
		put:  func(b []byte, v *T) ([]byte, error) { return strconv.AppendBool(b, **get(v)), nil },
		check: func(s *Scanner) bool {
			return s.boolean()
		},
	}
}
