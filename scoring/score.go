package scoring

import (
	"encoding/json"

	"github.com/qingdan/qingdan/internal/jsonx"

	"github.com/shopspring/decimal"
)

// Score is one subject's score over a period.
//
// Matters counts the matters with at least one evaluation of the subject
// in the period, Evaluations those evaluations (stages and evaluators
// alike). Composite is the mean over those matters of each matter's mean
// over its evaluations in the period — the stages of a long matter count
// as one matter — computed exactly and rounded half away from zero to 2
// places once, at the end. Grades counts the evaluations by grade code,
// amendments applied. Rank is the subject's place by Composite among the
// subjects scored together; equal composites share a rank (1, 2, 2, 4).
type Score struct {
	Subject     string          `json:"subject"`
	Matters     int             `json:"matters"`
	Evaluations int             `json:"evaluations"`
	Composite   decimal.Decimal `json:"composite"`
	Grades      map[string]int  `json:"grades,omitempty"`
	Rank        int             `json:"rank"`
}

// scoreFields has the fields of a Score and none of its methods.
type scoreFields Score

// MarshalJSON writes Composite as a JSON string in its shortest exact form
// ("91.5"), whatever decimal's package settings are.
func (s Score) MarshalJSON() ([]byte, error) {
	return json.Marshal(scoreJSON{(*scoreFields)(&s), jsonx.Decimal(s.Composite)})
}

// UnmarshalJSON reads what MarshalJSON writes, strictly, as
// [Result.UnmarshalJSON] does. Null leaves s alone. Errors wrap
// [ErrInvalid].
func (s *Score) UnmarshalJSON(b []byte) error {
	var f scoreFields
	w := scoreJSON{scoreFields: &f}
	return jsonx.UnmarshalVia(b, &w, ErrInvalid, "score", func() {
		f.Composite = decimal.Decimal(w.Composite)
		*s = Score(f)
	})
}
