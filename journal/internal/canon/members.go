package canon

import (
	"slices"
)

// required and omitEmpty tell whether a member is left out when its value
// is empty, as encoding/json's omitempty does; when present, an omitEmpty
// member is never empty.
const (
	required  = false
	omitEmpty = true
)

// text is a string member.
func text(name string, omit bool) member {
	return member{name: name, optional: omit, check: func(s *Scanner) bool {
		empty, ok := s.str()
		return ok && !(omit && empty)
	}}
}

// named is a string member never left out and never empty: a name an
// entry needs, which the encoder refuses to write empty.
func named(name string) member {
	return member{name: name, check: func(s *Scanner) bool {
		empty, ok := s.str()
		return ok && !empty
	}}
}

// integer is an int member, in decimal.
func integer(name string, omit bool) member {
	return member{name: name, optional: omit, check: func(s *Scanner) bool {
		zero, ok := s.integer()
		return ok && !(omit && zero)
	}}
}

// integerIn is an integer member, left out when zero, from lo to hi: a
// count whose decoder refuses the rest.
func integerIn(name string, lo, hi int64) member {
	return member{name: name, optional: true, check: func(s *Scanner) bool {
		n, ok := s.int64()
		return ok && n != 0 && lo <= n && n <= hi
	}}
}

// instant is a time member, never left out: RFC 3339 in UTC.
func instant(name string) member {
	return member{name: name, check: func(s *Scanner) bool {
		t, ok := s.raw()
		return ok && checkTime(t)
	}}
}

// number is a decimal member, never left out: a JSON string.
func number(name string) member {
	return member{name: name, check: func(s *Scanner) bool {
		d, ok := s.raw()
		return ok && checkDecimal(d)
	}}
}

// code is an enumeration member, left out when zero: one of codes.
func code(name string, codes []string) member {
	return member{name: name, optional: true, check: func(s *Scanner) bool {
		c, ok := s.raw()
		return ok && slices.Contains(codes, string(c))
	}}
}

// texts is a list of strings, left out when empty.
func texts(name string) member {
	return member{name: name, optional: true, check: func(s *Scanner) bool {
		if !s.byte('[') {
			return false
		}
		for first := true; first || s.byte(','); first = false {
			if _, ok := s.str(); !ok {
				return false
			}
		}
		return s.byte(']')
	}}
}

// flag is an optional boolean (*bool), left out when nil.
func flag(name string) member {
	return member{name: name, optional: true, check: func(s *Scanner) bool { return s.boolean() }}
}
