// Package canon writes and checks the canonical payloads of journal
// entries: a matters.Event, a scoring.Evaluation or a scoring.Amendment as
// one JSON object, each member in a fixed order, with one spelling for each
// value (the package documentation of journal states the rules).
//
// Each payload type is written by one function (AppendEvent,
// AppendEvaluation, AppendAmendment), member after member, and checked by
// one schema (Event, Evaluation, Amendment): the list of its members, each
// with its name, whether it is left out when empty, and the kind of its
// value. A field added to a payload type is a member added to its function
// and a row added to its schema; TestAppendIsEncodingJSON then holds the
// function to encoding/json's form, and to the schema.
package canon

import (
	"errors"
)

// Schema describes the canonical form of a payload: a JSON object whose
// members are those of the list, in its order. A Schema is built once, at
// package initialisation, and is read-only after.
type Schema struct {
	members []member
}

// member is one member of an object: its name, and how its value is
// checked.
type member struct {
	name     string
	first    string // `"name":`, the member's key when it is the first written
	next     string // `,"name":`, its key after another member
	optional bool   // left out when its value is empty
	// check reads a canonical value, never an empty one of an optional
	// member.
	check func(*Scanner) bool
}

// newSchema builds a schema from its members.
func newSchema(ms ...member) *Schema {
	seen := map[string]bool{}
	for i := range ms {
		if seen[ms[i].name] {
			panic("canon: member " + ms[i].name + " twice") // a programmer's error, found at initialisation
		}
		seen[ms[i].name] = true
		ms[i].first = `"` + ms[i].name + `":`
		ms[i].next = "," + ms[i].first
	}
	return &Schema{members: ms}
}

// Names returns the names of the members in order.
func (s *Schema) Names() []string {
	out := make([]string, len(s.members))
	for i, m := range s.members {
		out[i] = m.name
	}
	return out
}

// Check reports whether payload is exactly the canonical form of some value
// of the schema's type: nothing before or after the object.
func (s *Schema) Check(payload []byte) bool { return s.CheckWith(new(Scanner), payload) }

// CheckWith is Check reading with sc, which it resets: a caller that checks
// many payloads keeps one Scanner and allocates nothing.
func (s *Schema) CheckWith(sc *Scanner, payload []byte) bool {
	*sc = Scanner{b: payload}
	return s.check(sc) && sc.i == len(payload)
}

func (s *Schema) check(sc *Scanner) bool {
	if !sc.byte('{') {
		return false
	}
	first := true
	for i := range s.members {
		m := &s.members[i]
		key := m.next
		if first {
			key = m.first
		}
		if !sc.lit(key) {
			if !m.optional {
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

// object is a member that holds a nested object of schema sub.
func object(name string, sub *Schema) member {
	return member{name: name, check: sub.check}
}

// errNoForm is wrapped by the errors of values that have no canonical form.
var errNoForm = errors.New("no canonical form")
