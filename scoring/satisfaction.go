package scoring

import (
	"database/sql/driver"

	"github.com/qingdan/qingdan/internal/enum"
)

// Satisfaction is a table condition on the citizen's answer at the return
// visit (回访). The zero value, AnySatisfaction ("any", 不限), sets no
// condition: it is written as the empty text, so that a rule's JSON omits
// it, and the empty text reads as it. The others are written as their codes;
// parsing accepts the code or the Chinese label.
type Satisfaction int

// The satisfaction conditions.
const (
	AnySatisfaction Satisfaction = iota // "any" 不限: no condition
	Satisfied                           // "satisfied" 满意: the answer is yes
	Dissatisfied                        // "dissatisfied" 不满意: the answer is no
	Unsurveyed                          // "unsurveyed" 未回访: no answer
	NotDissatisfied                     // "notDissatisfied" 非不满意: yes, or no answer
)

var satisfactions = enum.New(enum.Spec[Satisfaction]{
	Package: "scoring", Type: "Satisfaction", What: "satisfaction",
	Codes:  []string{"any", "satisfied", "dissatisfied", "unsurveyed", "notDissatisfied"},
	Labels: []string{"不限", "满意", "不满意", "未回访", "非不满意"},
	Err:    ErrInvalid,
})

// String returns the code, or "Satisfaction(n)" for a value out of range.
func (s Satisfaction) String() string { return satisfactions.String(s) }

// Label returns the Chinese name, or String's form for a value out of range.
func (s Satisfaction) Label() string { return satisfactions.Label(s) }

// ParseSatisfaction parses a code or a Chinese label, ignoring surrounding
// white space; anything else, the empty text included, is an error wrapping
// [ErrInvalid] that names it.
func ParseSatisfaction(text string) (Satisfaction, error) { return satisfactions.Parse(text) }

// MarshalText writes the code, and the empty text for AnySatisfaction; a
// value out of range is an error wrapping [ErrInvalid].
func (s Satisfaction) MarshalText() ([]byte, error) { return satisfactions.MarshalText(s) }

// UnmarshalText reads what [ParseSatisfaction] reads; the empty text is
// AnySatisfaction.
func (s *Satisfaction) UnmarshalText(b []byte) error { return satisfactions.Unmarshal(b, s) }

// Value writes the code to a database column (database/sql/driver.Valuer),
// AnySatisfaction's too ("any"); a value out of range is an error wrapping
// [ErrInvalid].
func (s Satisfaction) Value() (driver.Value, error) { return satisfactions.Value(s) }

// Scan reads a database column (database/sql.Scanner): text as
// UnmarshalText reads it, and NULL as AnySatisfaction; any other type of
// value, such as a number, is an error wrapping [ErrInvalid], and leaves s
// alone.
func (s *Satisfaction) Scan(src any) error { return satisfactions.Scan(src, s) }

// matches reports whether the answer meets the condition.
func (s Satisfaction) matches(answer *bool) bool {
	switch s {
	case AnySatisfaction:
		return true
	case Satisfied:
		return answer != nil && *answer
	case Dissatisfied:
		return answer != nil && !*answer
	case Unsurveyed:
		return answer == nil
	case NotDissatisfied:
		return answer == nil || *answer
	}
	return false
}
