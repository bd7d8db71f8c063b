// Package canon writes and checks the canonical payloads of journal
// entries: a matters.Event, a scoring.Evaluation or a scoring.Amendment as
// one JSON object, each member in a fixed order, with one spelling for each
// value (the package documentation of journal states the rules).
//
// Each payload type is described once, by a schema: a list of members,
// each with its name, whether it is left out when empty, and the field it
// holds. The same list writes a payload ([Schema.Append]) and checks that
// bytes are a payload written so ([Schema.Check]), so that the two cannot
// drift apart. A field added to a payload type is one row of its schema.
package canon

import (
	"errors"
	"fmt"
)

// Schema describes the canonical form of one payload type T: a JSON object
// whose members are those of the list, in its order. A Schema is built
// once, at package initialisation, and is read-only after.
type Schema[T any] struct {
	members []member[T]
}

// member is one member of an object: how it is written and checked.
type member[T any] struct {
	key   string // `"name":`
	name  string
	omit  func(*T) bool                    // whether the member is left out; nil: never
	put   func([]byte, *T) ([]byte, error) // appends the value
	check func(*Scanner) bool              // reads a canonical value, never an empty one of an omitted member
}

// newSchema builds a schema from its members.
func newSchema[T any](ms ...member[T]) *Schema[T] {
	seen := map[string]bool{}
	for i := range ms {
		if seen[ms[i].name] {
			panic("canon: member " + ms[i].name + " twice") // a programmer's error, found at initialisation
		}
		seen[ms[i].name] = true
		ms[i].key = `"` + ms[i].name + `":`
	}
	return &Schema[T]{members: ms}
}

// Names returns the names of the members in order.
func (s *Schema[T]) Names() []string {
	out := make([]string, len(s.members))
	for i, m := range s.members {
		out[i] = m.name
	}
	return out
}

// Append appends the canonical form of v to b. An error (naming the
// member) is returned for a value that has no canonical form: a string
// that is not valid UTF-8, a time outside the years 0000 to 9999, an
// enumeration value that is not named, a decimal longer than 64
// characters.
func (s *Schema[T]) Append(b []byte, v *T) ([]byte, error) {
	b = append(b, '{')
	first := true
	for i := range s.members {
		m := &s.members[i]
		if m.omit != nil && m.omit(v) {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, m.key...)
		var err error
		if b, err = m.put(b, v); err != nil {
			return b, fmt.Errorf("%s: %w", m.name, err)
		}
	}
	return append(b, '}'), nil
}

// Check reports whether payload is exactly the canonical form of some value
// of T: nothing before or after the object.
func (s *Schema[T]) Check(payload []byte) bool { return s.CheckWith(new(Scanner), payload) }

// CheckWith is Check reading with sc, which it resets: a caller that checks
// many payloads keeps one Scanner and allocates nothing.
func (s *Schema[T]) CheckWith(sc *Scanner, payload []byte) bool {
	*sc = Scanner{b: payload}
	return s.check(sc) && sc.i == len(payload)
}

func (s *Schema[T]) check(sc *Scanner) bool {
	if !sc.byte('{') {
		return false
	}
	first := true
	for i := range s.members {
		m := &s.members[i]
		if !sc.member(m.key, first) {
			if m.omit == nil {
				return false
			}
			continue
		}
		if !m.check(sc) {
			return false
		}
		first = false
	}
	return sc.byte('}')
}

// object makes a member that holds a nested object of schema sub.
func object[T, U any](name string, get func(*T) *U, sub *Schema[U]) member[T] {
	return member[T]{
		name:  name,
		put:   func(b []byte, v *T) ([]byte, error) { return sub.Append(b, get(v)) },
		check: sub.check,
	}
}

// lift makes the members of an embedded struct's schema members of the
// embedding struct's, as encoding/json promotes an embedded struct's
// fields.
func lift[T, U any](get func(*T) *U, sub *Schema[U]) []member[T] {
	out := make([]member[T], len(sub.members))
	for i, m := range sub.members {
		out[i] = member[T]{name: m.name, check: m.check}
		put := m.put
		out[i].put = func(b []byte, v *T) ([]byte, error) { return put(b, get(v)) }
		if omit := m.omit; omit != nil {
			out[i].omit = func(v *T) bool { return omit(get(v)) }
		}
	}
	return out
}

// errNoForm is wrapped by the errors of values that have no canonical form.
var errNoForm = errors.New("no canonical form")
