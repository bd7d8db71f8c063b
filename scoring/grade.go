package scoring

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/qingdan/qingdan/internal/deccmp"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// Grade is one grade of a scale: a code, a label for people and its points.
// The zero Grade is "not set".
type Grade struct {
	Code   string          `json:"code"`
	Label  string          `json:"label,omitempty"`
	Points decimal.Decimal `json:"points"`
}

// gradeFields has the fields of a Grade and none of its methods.
type gradeFields Grade

// gradeJSON is the JSON form of a Grade: Points in jsonx's form, required.
type gradeJSON struct {
	*gradeFields
	Points *jsonx.Decimal `json:"points"`
}

// MarshalJSON writes Points as a JSON string in its shortest exact form,
// whatever decimal's package settings are.
func (g Grade) MarshalJSON() ([]byte, error) {
	return json.Marshal(gradeJSON{(*gradeFields)(&g), jsonx.Ptr(&g.Points)})
}

// UnmarshalJSON reads a grade, rejecting unknown fields; its points are
// required. It is read within the bounds of the library's decoders: a string
// longer than 4 MiB, a number longer than 64 characters and nesting deeper
// than 64 are errors. Errors wrap [ErrInvalid].
func (g *Grade) UnmarshalJSON(b []byte) error {
	*g = Grade{}
	w := gradeJSON{gradeFields: (*gradeFields)(g)}
	if err := jsonx.Decode(b, &w); err != nil {
		return fmt.Errorf("%w: grade: %w", ErrInvalid, err)
	}
	if w.Points == nil {
		return fmt.Errorf("%w: grade %s has no points", ErrInvalid, errtext.Quote(g.Code))
	}
	g.Points = decimal.Decimal(*w.Points)
	return nil
}

// Scale is a set of grades, best first by convention: the grades an
// evaluator gives and their points. Every [Table] carries its own; the
// scale of a locality's scheme comes from its package, such as
// locality/wuhu's Scale.
type Scale []Grade

// Grade returns the grade with the given code.
func (s Scale) Grade(code string) (Grade, bool) {
	for _, g := range s {
		if g.Code == code {
			return g, true
		}
	}
	return Grade{}, false
}

// byCode returns the grades of s by code, as Grade finds them (the first
// of a code): a table looks up each rule's grade once, in one map, rather
// than walk the scale for each.
func (s Scale) byCode() map[string]Grade {
	m := make(map[string]Grade, len(s))
	for i := len(s) - 1; i >= 0; i-- {
		m[s[i].Code] = s[i]
	}
	return m
}

// Floor returns the grade with the most points not above p, or the grade
// with the fewest points when p is below every grade. It is how a combined
// figure is graded back onto the scale. ok is false for an empty scale.
// It needs no [Scale.Validate]: a grade without a code is a grade like any
// other, of grades with the same points (which Validate refuses) it gives
// the first, and it compares points at a cost bounded by the lengths of
// their coefficients, whatever their exponents (10^-1000000000, made in
// Go, costs what 85 does).
func (s Scale) Floor(p decimal.Decimal) (g Grade, ok bool) {
	if len(s) == 0 {
		return Grade{}, false
	}
	best, low := -1, 0
	for i := range s {
		c := s[i].Points
		if deccmp.Cmp(c, s[low].Points) < 0 {
			low = i
		}
		if deccmp.Cmp(c, p) <= 0 && (best < 0 || deccmp.Cmp(c, s[best].Points) > 0) {
			best = i
		}
	}
	if best < 0 {
		best = low
	}
	return s[best], true
}

// Validate reports every problem of the scale, joined: no grades, a grade
// without a code, two grades with one code or one label, two grades with
// the same points (which Floor could not tell apart), points of more than
// 64 characters (which JSON could not read back, and which are not
// compared). Each wraps [ErrInvalid] and names the grade. It takes time
// linear in the number of grades.
func (s Scale) Validate() error {
	if len(s) == 0 {
		return fmt.Errorf("%w: scale has no grades", ErrInvalid)
	}
	var errs []error
	codes := map[string]int{}
	labels := map[string]int{}
	points := map[string]int{} // by value, in FormatDecimal's form
	for i, g := range s {
		code := errtext.Quote(g.Code)
		if g.Code == "" {
			errs = append(errs, fmt.Errorf("%w: scale[%d] has no code", ErrInvalid, i))
		} else if j, dup := codes[g.Code]; dup {
			errs = append(errs, fmt.Errorf("%w: scale[%d] repeats code %s of scale[%d]", ErrInvalid, i, code, j))
		} else {
			codes[g.Code] = i
		}
		if g.Label != "" {
			if j, dup := labels[g.Label]; dup {
				errs = append(errs, fmt.Errorf("%w: scale[%d] %s repeats label %s of scale[%d]", ErrInvalid, i, code, errtext.Quote(g.Label), j))
			} else {
				labels[g.Label] = i
			}
		}
		if !jsonx.DecimalFits(g.Points) {
			errs = append(errs, fmt.Errorf("%w: scale[%d] %s has points of more than %d characters (JSON could not read them back)", ErrInvalid, i, code, jsonx.MaxDecimalLen))
			continue
		}
		p := jsonx.FormatDecimal(g.Points)
		if j, dup := points[p]; dup {
			errs = append(errs, fmt.Errorf("%w: scale[%d] %s has the points %s of scale[%d] %s", ErrInvalid, i, code,
				p, j, errtext.Quote(s[j].Code)))
		} else {
			points[p] = i
		}
	}
	return errors.Join(errs...)
}
