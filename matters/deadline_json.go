package matters

// The JSON forms of a matter's clocks and deadlines: durations as Go
// duration strings, a zero due time left out.

import (
	"encoding/json"
	"time"

	"github.com/qingdan/qingdan/internal/jsonx"
)

// clockFields has the fields of a Clock and none of its methods.
type clockFields Clock

// clockJSON is the JSON form of a Clock: the durations as strings, a zero
// Due or Done left out.
type clockJSON struct {
	clockFields
	Limit jsonx.Duration `json:"limit,omitempty"`
	Due   *time.Time     `json:"due,omitempty"`
	Used  jsonx.Duration `json:"used,omitempty"`
	Done  *time.Time     `json:"done,omitempty"`
}

// MarshalJSON writes Limit and Used as duration strings and leaves out a
// zero Due or Done.
func (c Clock) MarshalJSON() ([]byte, error) {
	return json.Marshal(clockJSON{clockFields: clockFields(c),
		Limit: jsonx.Duration(c.Limit), Due: optional(c.Due), Used: jsonx.Duration(c.Used), Done: optional(c.Done)})
}

// UnmarshalJSON reads what MarshalJSON writes; a missing Due or Done is
// zero. A field Clock does not have is an error. It is read within the
// bounds of the library's decoders: a string longer than 4 MiB, a number
// longer than 64 characters and nesting deeper than 64 are errors.
func (c *Clock) UnmarshalJSON(b []byte) error { return unmarshal[clockJSON]("clock", b, c) }

// decoded is the Clock that j, its JSON form, decodes to.
func (j clockJSON) decoded() Clock {
	c := Clock(j.clockFields)
	c.Limit, c.Due, c.Used, c.Done = time.Duration(j.Limit), value(j.Due), time.Duration(j.Used), value(j.Done)
	return c
}

// deadlinesFields has the fields of Deadlines and none of its methods.
type deadlinesFields Deadlines

// deadlinesJSON is the JSON form of Deadlines: a zero due time left out.
type deadlinesJSON struct {
	deadlinesFields
	Respond *time.Time `json:"respond,omitempty"`
	Resolve *time.Time `json:"resolve,omitempty"`
}

// MarshalJSON leaves out a zero Respond or Resolve.
func (d Deadlines) MarshalJSON() ([]byte, error) {
	return json.Marshal(deadlinesJSON{deadlinesFields: deadlinesFields(d), Respond: optional(d.Respond), Resolve: optional(d.Resolve)})
}

// UnmarshalJSON reads what MarshalJSON writes; a missing Respond or Resolve
// is zero. A field Deadlines does not have is an error. It is read within
// the bounds of the library's decoders: a string longer than 4 MiB, a number
// longer than 64 characters and nesting deeper than 64 are errors.
func (d *Deadlines) UnmarshalJSON(b []byte) error { return unmarshal[deadlinesJSON]("deadlines", b, d) }

// decoded is the Deadlines that j, its JSON form, decodes to.
func (j deadlinesJSON) decoded() Deadlines {
	d := Deadlines(j.deadlinesFields)
	d.Respond, d.Resolve = value(j.Respond), value(j.Resolve)
	return d
}

// optional returns nil for the zero time, so that JSON leaves it out.
func optional(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// value returns the time t points at, the zero time for nil.
func value(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}
