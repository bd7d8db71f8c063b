package staff

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/internal/names"
	"github.com/qingdan/qingdan/internal/rank"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// ErrInvalid reports input that breaks a documented rule. The wrapping
// message names the item. [Appraisal.Appraise] reports with it a category
// without a code or listed twice, a scale that fails
// [scoring.Scale.Validate], a score that names no person, and a person in
// an unknown category or appraised twice in one; [Select], a candidate
// without an ID or without a post or listed twice, a post a candidate
// applies for that has no quota, and a negative quota; both, a category,
// person, candidate or post not written one way (with white space at an
// end, or a control or invisible character such as a zero-width space),
// which would stand apart from the same name written plainly; and every
// UnmarshalJSON of the package, JSON it does not read (a field the type
// does not have, a number that is not a plain decimal of at most 64
// characters, text that is not UTF-8). Weights, indicators or years that
// do not match them, and a total too long for JSON to read back are
// reported with assessment.ErrWeights instead.
var ErrInvalid = errors.New("staff: invalid")

// PostCategory is one category of posts in a quantitative appraisal by
// post category (分类量化考核): the indicators its staff are scored on and
// their weights, which must sum to exactly 1.
type PostCategory struct {
	Code    string             `json:"code"`
	Name    string             `json:"name,omitempty"`
	Weights assessment.Weights `json:"weights"` // indicator code → weight
}

// Score is one person's indicator scores in a category.
type Score struct {
	Person   string                     `json:"person"`
	Category string                     `json:"category"`
	Scores   map[string]decimal.Decimal `json:"scores"` // indicator code → score
}

// scoreFields has the fields of a Score and none of its methods.
type scoreFields Score

// MarshalJSON writes scores as JSON strings in their shortest exact form.
func (s Score) MarshalJSON() ([]byte, error) {
	return json.Marshal(scoreJSON{(*scoreFields)(&s), jsonx.Map(s.Scores)})
}

// Appraisal is one round of staff appraisal by post category: the same
// blending as the annual assessment ([assessment.Blend]), applied to
// people, and a Scale of grades by lowest total, such as 优秀 90, 称职 75,
// 基本称职 60, 不称职 0.
type Appraisal struct {
	Categories []PostCategory `json:"categories"`
	Scale      scoring.Scale  `json:"scale"`
}

// Appraised is one person's result: the Total blended from the scores, the
// Grade it reaches on the scale ([scoring.Scale.Floor]: the grade with the
// most points not above the total, or the lowest grade for a total below
// every grade) and the Rank within the category (equal totals share a
// rank).
type Appraised struct {
	Person   string                     `json:"person"`
	Category string                     `json:"category"`
	Scores   map[string]decimal.Decimal `json:"scores"`
	Total    decimal.Decimal            `json:"total"`
	Grade    string                     `json:"grade"`
	Rank     int                        `json:"rank"`
}

// appraisedFields has the fields of an Appraised and none of its methods.
type appraisedFields Appraised

// MarshalJSON writes decimals as JSON strings in their shortest exact form.
func (a Appraised) MarshalJSON() ([]byte, error) {
	return json.Marshal(appraisedJSON{(*appraisedFields)(&a), jsonx.Map(a.Scores), jsonx.Decimal(a.Total)})
}

// Appraise blends each person's scores with the weights of their category
// and ranks people within each category. The result is ordered by category
// as in a.Categories, then by rank, then by person. Every problem is
// reported, joined, the round's alone when it has any (nothing is blended
// by it): a category without a code, twice or not written one way, or
// with bad weights ([assessment.ErrWeights]), a scale that is not valid
// ([ErrInvalid]); otherwise a score that names no person, a person not
// written one way ("张三 " would be ranked apart from 张三), in an unknown
// category or appraised twice in one category ([ErrInvalid]), a person with a missing or extra indicator
// ([assessment.ErrWeights], naming the person and the indicator) or whose
// scores blend to a total too long for JSON to read back
// ([assessment.Blend]). Each result's Scores is a copy of the person's: the
// results are the caller's.
//
// No range is enforced on a score, as [assessment.Blend] enforces none:
// the reform's quantitative appraisal (分类量化考核) sets its indicators
// no scale, so each is on the appraisal's own — a composite on a book's
// scale, a workload out of 100, points with additions above 100 — and a
// total below every grade gets the lowest (see [Appraised]).
//
// Appraise panics if a is nil: a programmer's error, not input.
func (a *Appraisal) Appraise(staff []Score) ([]Appraised, error) {
	if a == nil {
		panic("staff: Appraise of a nil *Appraisal")
	}
	var errs []error
	cats := make(map[string]int, len(a.Categories))
	for i, c := range a.Categories {
		code := errtext.Quote(c.Code)
		if c.Code == "" {
			errs = append(errs, fmt.Errorf("%w: categories[%d] has no code", ErrInvalid, i))
		} else if _, dup := cats[c.Code]; dup {
			errs = append(errs, fmt.Errorf("%w: category %s appears twice", ErrInvalid, code))
			continue
		} else if !names.Clean(c.Code) {
			errs = append(errs, fmt.Errorf("%w: category %s %s", ErrInvalid, code, names.Unclean))
		}
		if err := c.Weights.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("category %s: %w", code, err))
		}
		cats[c.Code] = i
	}
	if err := a.Scale.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("%w: appraisal scale: %w", ErrInvalid, err))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	groups := make([][]Appraised, len(a.Categories))
	seen := map[[2]string]bool{}
	for j, s := range staff {
		person, category := errtext.Quote(s.Person), errtext.Quote(s.Category)
		if s.Person == "" {
			errs = append(errs, fmt.Errorf("%w: staff[%d] in category %s names no person", ErrInvalid, j, category))
			continue
		}
		i, ok := cats[s.Category]
		if !ok {
			errs = append(errs, fmt.Errorf("%w: person %s is in the unknown category %s", ErrInvalid, person, category))
			continue
		}
		if !names.Clean(s.Person) {
			errs = append(errs, fmt.Errorf("%w: person %s in category %s %s", ErrInvalid, person, category, names.Unclean))
			continue
		}
		if k := [2]string{s.Category, s.Person}; seen[k] {
			errs = append(errs, fmt.Errorf("%w: person %s is appraised twice in category %s", ErrInvalid, person, category))
			continue
		} else {
			seen[k] = true
		}
		total, err := assessment.Blend(a.Categories[i].Weights, s.Scores)
		if err != nil {
			errs = append(errs, fmt.Errorf("person %s in category %s: %w", person, category, err))
			continue
		}
		g, _ := a.Scale.Floor(total)
		groups[i] = append(groups[i], Appraised{Person: s.Person, Category: s.Category, Scores: maps.Clone(s.Scores), Total: total, Grade: g.Code})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var out []Appraised
	for _, g := range groups {
		rank.By(g, func(x Appraised) decimal.Decimal { return x.Total }, func(x Appraised) string { return x.Person },
			func(x *Appraised, r int) { x.Rank = r })
		out = append(out, g...)
	}
	return slices.Clip(out), nil
}
