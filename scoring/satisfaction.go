package scoring

import "fmt"

// Satisfaction is a table condition on the citizen's answer at the return
// visit (回访). The zero value, AnySatisfaction, sets no condition and is
// omitted from JSON; the others marshal as their codes, and parsing accepts
// the code or the Chinese label.
type Satisfaction int

// The satisfaction conditions.
const (
	AnySatisfaction Satisfaction = iota // no condition
	Satisfied                           // "satisfied" 满意: the answer is yes
	Dissatisfied                        // "dissatisfied" 不满意: the answer is no
	Unsurveyed                          // "unsurveyed" 未回访: no answer
	NotDissatisfied                     // "notDissatisfied" 非不满意: yes, or no answer
)

var satisfactionNames = [...]struct{ code, label string }{
	{"", ""},
	{"satisfied", "满意"},
	{"dissatisfied", "不满意"},
	{"unsurveyed", "未回访"},
	{"notDissatisfied", "非不满意"},
}

func (s Satisfaction) valid() bool { return s >= 0 && int(s) < len(satisfactionNames) }

// String returns the code, or "Satisfaction(n)" for a value out of range.
func (s Satisfaction) String() string {
	if !s.valid() {
		return fmt.Sprintf("Satisfaction(%d)", int(s))
	}
	return satisfactionNames[s].code
}

// Label returns the Chinese name.
func (s Satisfaction) Label() string {
	if !s.valid() {
		return s.String()
	}
	return satisfactionNames[s].label
}

// ParseSatisfaction parses a code or a Chinese label; anything else is an
// error wrapping [ErrInvalid] that names it.
func ParseSatisfaction(text string) (Satisfaction, error) {
	if text != "" {
		for i, n := range satisfactionNames {
			if text == n.code || text == n.label {
				return Satisfaction(i), nil
			}
		}
	}
	return 0, fmt.Errorf("%w: satisfaction %q", ErrInvalid, text)
}

// MarshalText writes the code; a value out of range is an error.
func (s Satisfaction) MarshalText() ([]byte, error) {
	if !s.valid() {
		return nil, fmt.Errorf("%w: satisfaction %d", ErrInvalid, int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText parses a code or a Chinese label; empty text is
// AnySatisfaction, the zero value.
func (s *Satisfaction) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = AnySatisfaction
		return nil
	}
	v, err := ParseSatisfaction(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

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
