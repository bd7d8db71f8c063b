package scoring

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// PostCategory is one category of posts in a quantitative appraisal by
// post category (分类量化考核): the indicators its staff are scored on and
// their weights, which must sum to exactly 1.
type PostCategory struct {
	Code    string  `json:"code"`
	Name    string  `json:"name,omitempty"`
	Weights Weights `json:"weights"` // indicator code → weight
}

// StaffScore is one person's indicator scores in a category.
type StaffScore struct {
	Person   string                     `json:"person"`
	Category string                     `json:"category"`
	Scores   map[string]decimal.Decimal `json:"scores"` // indicator code → score
}

type staffScoreJSON struct {
	Person   string                 `json:"person"`
	Category string                 `json:"category"`
	Scores   map[string]jsonDecimal `json:"scores"`
}

// MarshalJSON writes scores as JSON strings in their shortest exact form.
func (s StaffScore) MarshalJSON() ([]byte, error) {
	return json.Marshal(staffScoreJSON{s.Person, s.Category, decimalMap(s.Scores)})
}

// Appraisal is one round of staff appraisal by post category: the same
// machinery as the annual assessment ([Blend] with [Weights]), applied to
// people. A nil Scale means [DefaultScale]; a host appraising staff usually
// gives its own (优秀, 称职, 基本称职, 不称职 with their lowest totals).
type Appraisal struct {
	Categories []PostCategory `json:"categories"`
	Scale      Scale          `json:"scale,omitempty"`
}

// Appraised is one person's result: the Total blended from the scores, the
// Grade it reaches on the scale ([Scale.Floor]: the grade with the most
// points not above the total) and the Rank within the category (equal
// totals share a rank).
type Appraised struct {
	Person   string                     `json:"person"`
	Category string                     `json:"category"`
	Scores   map[string]decimal.Decimal `json:"scores"`
	Total    decimal.Decimal            `json:"total"`
	Grade    string                     `json:"grade"`
	Rank     int                        `json:"rank"`
}

type appraisedJSON struct {
	Person   string                 `json:"person"`
	Category string                 `json:"category"`
	Scores   map[string]jsonDecimal `json:"scores"`
	Total    jsonDecimal            `json:"total"`
	Grade    string                 `json:"grade"`
	Rank     int                    `json:"rank"`
}

// MarshalJSON writes decimals as JSON strings in their shortest exact form.
func (a Appraised) MarshalJSON() ([]byte, error) {
	return json.Marshal(appraisedJSON{a.Person, a.Category, decimalMap(a.Scores), jsonDecimal(a.Total), a.Grade, a.Rank})
}

// Appraise blends each person's scores with the weights of their category
// and ranks people within each category. The result is ordered by category
// as in a.Categories, then by rank, then by person. Every problem is
// reported, joined: a category without a code, twice, or with bad weights
// (wrapping [ErrWeights]); a person in an unknown category, appraised twice
// in one category, or with a missing or extra indicator (naming the person
// and the indicator).
func (a *Appraisal) Appraise(staff []StaffScore) ([]Appraised, error) {
	if a == nil {
		return nil, fmt.Errorf("%w: nil appraisal", ErrInvalid)
	}
	var errs []error
	cats := make(map[string]int, len(a.Categories))
	for i, c := range a.Categories {
		if c.Code == "" {
			errs = append(errs, fmt.Errorf("%w: categories[%d] has no code", ErrInvalid, i))
		} else if _, dup := cats[c.Code]; dup {
			errs = append(errs, fmt.Errorf("%w: category %q appears twice", ErrInvalid, c.Code))
			continue
		}
		if err := c.Weights.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("category %q: %w", c.Code, err))
		}
		cats[c.Code] = i
	}
	scale := a.Scale.orDefault()
	if err := scale.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	groups := make([][]Appraised, len(a.Categories))
	seen := map[[2]string]bool{}
	for _, s := range staff {
		i, ok := cats[s.Category]
		if !ok {
			errs = append(errs, fmt.Errorf("%w: person %q is in the unknown category %q", ErrInvalid, s.Person, s.Category))
			continue
		}
		if k := [2]string{s.Category, s.Person}; seen[k] {
			errs = append(errs, fmt.Errorf("%w: person %q is appraised twice in category %q", ErrDuplicate, s.Person, s.Category))
			continue
		} else {
			seen[k] = true
		}
		total, err := Blend(a.Categories[i].Weights, s.Scores)
		if err != nil {
			errs = append(errs, fmt.Errorf("person %q in category %q: %w", s.Person, s.Category, err))
			continue
		}
		g, _ := scale.Floor(total)
		groups[i] = append(groups[i], Appraised{Person: s.Person, Category: s.Category, Scores: s.Scores, Total: total, Grade: g.Code})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var out []Appraised
	for _, g := range groups {
		rankBy(g, func(x Appraised) decimal.Decimal { return x.Total }, func(x Appraised) string { return x.Person },
			func(x *Appraised, r int) { x.Rank = r })
		out = append(out, g...)
	}
	return slices.Clip(out), nil
}
