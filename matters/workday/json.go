package workday

import (
	"encoding/json"
	"fmt"
)

// calendarJSON is the interchange form of a Calendar.
type calendarJSON struct {
	Hours     []Span     `json:"hours"`
	Schedules []Schedule `json:"schedules"`
}

// MarshalJSON encodes the calendar as the data it was built from:
// {"hours": ["08:30-12:00", …], "schedules": [{"year": 2019, …}, …]}, with
// every schedule, the embedded ones included. The zero Calendar encodes
// with both lists empty.
func (c *Calendar) MarshalJSON() ([]byte, error) {
	v := calendarJSON{Hours: c.Hours(), Schedules: c.Schedules()}
	if v.Hours == nil {
		v.Hours = []Span{}
	}
	if v.Schedules == nil {
		v.Schedules = []Schedule{}
	}
	return json.Marshal(v)
}

// UnmarshalJSON builds the calendar from the form MarshalJSON writes,
// exactly as New(WithoutChina(), WithSchedules(…), WithHours(…)) would, and
// returns New's errors. It decodes only into a zero Calendar (a built
// Calendar never changes); both lists empty leave it zero. Unknown fields
// are errors.
func (c *Calendar) UnmarshalJSON(data []byte) error {
	if c == nil || c.days() != 0 || c.b != nil {
		return fmt.Errorf("%w: JSON decodes only into a zero Calendar; a built Calendar never changes", ErrOption)
	}
	var v calendarJSON
	if err := decodeStrict(data, &v); err != nil {
		return err
	}
	if len(v.Hours) == 0 && len(v.Schedules) == 0 {
		return nil
	}
	built, err := New(WithoutChina(), WithSchedules(v.Schedules...), WithHours(v.Hours...))
	if err != nil {
		return err
	}
	*c = *built
	return nil
}
