package scoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
)

// Grade is one grade of a scale: a code, a label for people and its points.
// The zero Grade is "not set".
type Grade struct {
	Code   string          `json:"code"`
	Label  string          `json:"label,omitempty"`
	Points decimal.Decimal `json:"points"`
}

// MarshalJSON writes Points as a JSON string in its shortest exact form,
// whatever decimal's package settings are.
func (g Grade) MarshalJSON() ([]byte, error) {
	return json.Marshal(gradeJSON{g.Code, g.Label, ptr(jsonDecimal(g.Points))})
}

// UnmarshalJSON reads a grade; its points are required.
func (g *Grade) UnmarshalJSON(b []byte) error {
	var w gradeJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if w.Points == nil {
		return fmt.Errorf("%w: grade %q has no points", ErrInvalid, w.Code)
	}
	*g = Grade{Code: w.Code, Label: w.Label, Points: decimal.Decimal(*w.Points)}
	return nil
}

type gradeJSON struct {
	Code   string       `json:"code"`
	Label  string       `json:"label,omitempty"`
	Points *jsonDecimal `json:"points"`
}

func ptr[T any](v T) *T { return &v }

// Scale is a set of grades, best first by convention. A nil Scale, where a
// type documents it, means [DefaultScale].
type Scale []Grade

// defaultScale is never written: DefaultScale returns a copy.
var defaultScale = [...]Grade{
	{Code: "excellent", Label: "好", Points: decimal.NewFromInt(100)},
	{Code: "good", Label: "较好", Points: decimal.NewFromInt(85)},
	{Code: "fair", Label: "一般", Points: decimal.NewFromInt(70)},
	{Code: "poor", Label: "差", Points: decimal.NewFromInt(40)},
}

// DefaultScale returns the grades of the Wuhu one-matter-one-evaluation
// scheme: excellent 好 100, good 较好 85, fair 一般 70, poor 差 40. Each call
// returns a new slice that the caller may change.
func DefaultScale() Scale { return append(Scale(nil), defaultScale[:]...) }

// orDefault returns s, or the default grades when s is empty.
func (s Scale) orDefault() Scale {
	if len(s) == 0 {
		return defaultScale[:]
	}
	return s
}

// Grade returns the grade with the given code.
func (s Scale) Grade(code string) (Grade, bool) {
	for _, g := range s {
		if g.Code == code {
			return g, true
		}
	}
	return Grade{}, false
}

// Lookup returns the grade whose code or label is name.
func (s Scale) Lookup(name string) (Grade, bool) {
	for _, g := range s {
		if g.Code == name || g.Label != "" && g.Label == name {
			return g, true
		}
	}
	return Grade{}, false
}

// Floor returns the grade with the most points not above p, or the grade
// with the fewest points when p is below every grade. It is how a combined
// figure is graded back onto the scale. ok is false for an empty scale.
func (s Scale) Floor(p decimal.Decimal) (g Grade, ok bool) {
	var low Grade
	for _, c := range s {
		if !ok || c.Points.LessThan(low.Points) {
			low = c
		}
		if c.Points.LessThanOrEqual(p) && (g.Code == "" || c.Points.GreaterThan(g.Points)) {
			g = c
		}
		ok = true
	}
	if g.Code == "" {
		g = low
	}
	return g, ok
}

// Validate reports every problem of the scale, joined: no grades, a grade
// without a code, two grades with one code or one label, two grades with
// the same points (which Floor could not tell apart). Each wraps
// [ErrInvalid] and names the grade.
func (s Scale) Validate() error {
	if len(s) == 0 {
		return fmt.Errorf("%w: scale has no grades", ErrInvalid)
	}
	var errs []error
	codes := map[string]int{}
	labels := map[string]int{}
	for i, g := range s {
		if g.Code == "" {
			errs = append(errs, fmt.Errorf("%w: scale[%d] has no code", ErrInvalid, i))
		} else if j, dup := codes[g.Code]; dup {
			errs = append(errs, fmt.Errorf("%w: scale[%d] repeats code %q of scale[%d]", ErrInvalid, i, g.Code, j))
		} else {
			codes[g.Code] = i
		}
		if g.Label != "" {
			if j, dup := labels[g.Label]; dup {
				errs = append(errs, fmt.Errorf("%w: scale[%d] %q repeats label %q of scale[%d]", ErrInvalid, i, g.Code, g.Label, j))
			} else {
				labels[g.Label] = i
			}
		}
		for j := range i {
			if s[j].Points.Equal(g.Points) {
				errs = append(errs, fmt.Errorf("%w: scale[%d] %q has the points %s of scale[%d] %q", ErrInvalid, i, g.Code, formatDecimal(g.Points), j, s[j].Code))
				break
			}
		}
	}
	return errors.Join(errs...)
}

// decodeStrict decodes b into v, rejecting unknown fields and trailing data.
func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("%w: trailing data after JSON value", ErrInvalid)
	}
	return nil
}
