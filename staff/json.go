package staff

import (
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

// The JSON forms of the types that decode themselves, registered so that
// jsonx.Decode checks them, inside whatever holds them, in its first pass.
var (
	_ = jsonx.Wire[Score, scoreJSON]()
	_ = jsonx.Wire[Appraised, appraisedJSON]()
	_ = jsonx.Wire[Candidate, candidateJSON]()
	_ = jsonx.Wire[Placement, placementJSON]()
	_ = jsonx.Wire[Appraisal, appraisalJSON]()
	_ = jsonx.Wire[PostCategory, postCategoryJSON]()
)

// appraisalJSON and postCategoryJSON are the JSON forms of an Appraisal
// and a PostCategory: their own fields, each read as its type reads it
// (the weights and the scale's points as bounded decimals).
type (
	appraisalJSON    struct{ *appraisalFields }
	postCategoryJSON struct{ *postCategoryFields }
)

// appraisalFields and postCategoryFields have the fields of an Appraisal
// and a PostCategory and none of their methods.
type (
	appraisalFields    Appraisal
	postCategoryFields PostCategory
)

// UnmarshalJSON reads an Appraisal strictly, as [Score.UnmarshalJSON]
// reads a Score: a field it does not have, at any depth, is an error,
// and so is a weight or a grade's points that is not a plain decimal of at
// most 64 characters. It does not check that the weights sum to 1 or that
// the scale is sound: [Appraisal.Appraise] does. Null leaves a alone.
// Errors wrap [ErrInvalid].
func (a *Appraisal) UnmarshalJSON(b []byte) error {
	var f appraisalFields
	return jsonx.UnmarshalVia(b, &appraisalJSON{&f}, ErrInvalid, "appraisal", func() { *a = Appraisal(f) })
}

// UnmarshalJSON reads a PostCategory strictly, as
// [Appraisal.UnmarshalJSON] does. Null leaves c alone. Errors wrap
// [ErrInvalid].
func (c *PostCategory) UnmarshalJSON(b []byte) error {
	var f postCategoryFields
	return jsonx.UnmarshalVia(b, &postCategoryJSON{&f}, ErrInvalid, "post category", func() { *c = PostCategory(f) })
}

// scoreJSON is the JSON form of a Score: the scores in jsonx's form.
type scoreJSON struct {
	*scoreFields
	Scores map[string]jsonx.Decimal `json:"scores"`
}

// UnmarshalJSON reads what MarshalJSON writes, strictly: a field Score
// does not have, a key given twice or in another case, text that is not
// UTF-8 and a score that is not a plain decimal of at most 64 characters
// ("87.5") are errors, whatever decimal's package settings are. A score
// given as null reads 0: it is a score of 0, not a missing one, which
// [Appraisal.Appraise] would refuse. Null leaves s alone. Errors wrap
// [ErrInvalid].
func (s *Score) UnmarshalJSON(b []byte) error {
	var f scoreFields
	j := scoreJSON{scoreFields: &f}
	return jsonx.UnmarshalVia(b, &j, ErrInvalid, "score", func() { f.Scores = jsonx.FromMap(j.Scores); *s = Score(f) })
}

// appraisedJSON is the JSON form of an Appraised: the decimals in jsonx's
// form.
type appraisedJSON struct {
	*appraisedFields
	Scores map[string]jsonx.Decimal `json:"scores"`
	Total  jsonx.Decimal            `json:"total"`
}

// UnmarshalJSON reads what MarshalJSON writes, strictly, as
// [Score.UnmarshalJSON] does. Null leaves a alone. Errors wrap
// [ErrInvalid].
func (a *Appraised) UnmarshalJSON(b []byte) error {
	var f appraisedFields
	j := appraisedJSON{appraisedFields: &f}
	return jsonx.UnmarshalVia(b, &j, ErrInvalid, "appraised", func() {
		f.Scores, f.Total = jsonx.FromMap(j.Scores), decimal.Decimal(j.Total)
		*a = Appraised(f)
	})
}

// candidateJSON is the JSON form of a Candidate: the decimals in jsonx's
// form.
type candidateJSON struct {
	*candidateFields
	Competition jsonx.Decimal   `json:"competition"`
	Years       []jsonx.Decimal `json:"years"`
}

// UnmarshalJSON reads what MarshalJSON writes, strictly, as
// [Score.UnmarshalJSON] does. A competition score left out or given as
// null, and a year given as null, read 0 (see [Candidate]). Null leaves c
// alone. Errors wrap [ErrInvalid].
func (c *Candidate) UnmarshalJSON(b []byte) error {
	var f candidateFields
	j := candidateJSON{candidateFields: &f}
	return jsonx.UnmarshalVia(b, &j, ErrInvalid, "candidate", func() {
		f.Competition = decimal.Decimal(j.Competition)
		f.Years = nil
		if j.Years != nil {
			f.Years = make([]decimal.Decimal, len(j.Years))
			for i, y := range j.Years {
				f.Years[i] = decimal.Decimal(y)
			}
		}
		*c = Candidate(f)
	})
}

// placementJSON is the JSON form of a Placement: Total in jsonx's form.
type placementJSON struct {
	*placementFields
	Total jsonx.Decimal `json:"total"`
}

// UnmarshalJSON reads what MarshalJSON writes, strictly, as
// [Score.UnmarshalJSON] does. Null leaves p alone. Errors wrap
// [ErrInvalid].
func (p *Placement) UnmarshalJSON(b []byte) error {
	var f placementFields
	j := placementJSON{placementFields: &f}
	return jsonx.UnmarshalVia(b, &j, ErrInvalid, "placement", func() {
		f.Total = decimal.Decimal(j.Total)
		*p = Placement(f)
	})
}
