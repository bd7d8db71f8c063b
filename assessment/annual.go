package assessment

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/internal/names"
	"github.com/qingdan/qingdan/internal/rank"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// SubdistrictPart names the part of an annual assessment that is the
// sub-district's composite of one matter, one evaluation: the Composite of
// a subject's [scoring.Score].
const SubdistrictPart = "subdistrict"

// Annual is one subject's annual assessment with its breakdown: the parts,
// the weights they were blended with, the exact Total and the Rank among
// the subjects assessed together (equal totals share a rank).
type Annual struct {
	Subject string                     `json:"subject"`
	Parts   map[string]decimal.Decimal `json:"parts"`
	Weights Weights                    `json:"weights"`
	Total   decimal.Decimal            `json:"total"`
	Rank    int                        `json:"rank,omitempty"`
}

// annualFields has the fields of an Annual and none of its methods.
type annualFields Annual

// MarshalJSON writes decimals as JSON strings in their shortest exact form.
func (a Annual) MarshalJSON() ([]byte, error) {
	return json.Marshal(annualJSON{(*annualFields)(&a), jsonx.Map(a.Parts), jsonx.Decimal(a.Total)})
}

// Assess blends each scored subject's composite, as the [SubdistrictPart],
// with its other parts by w, and returns the subjects ranked by Total
// (equal totals share a rank; then by subject). others maps a subject to
// its parts other than the sub-district's. Bad weights are reported
// alone, as [Weights.Validate] reports them, and so are weights without
// the [SubdistrictPart], once, not once for every subject: nothing blends
// by them.
// Otherwise every problem is reported, joined, wrapping [ErrWeights] and
// naming the subject: a score without a subject, a subject not written
// one way (with white space at an end, or a control or invisible
// character: "城管局 " would be ranked apart from 城管局), a subject
// scored twice, a subject in others without
// a Score, a Score whose parts do not match w or blend to a total too
// long for JSON to read back (see [Blend]), and a "subdistrict" entry in
// others. Each
// result's Weights is a copy of w of its own: the results are the caller's.
//
// The sub-district's part is the Composite as the Score holds it, rounded
// to 2 places as published, not the exact mean behind it, and the total
// is not rounded again: it is what an official recomputes by hand from
// the printed parts (0.3 × 93.33 + 0.7 × 90 = 90.999, where the exact
// mean 93.333… would give 91).
//
// No range is enforced on the parts, as [Blend] enforces none: the
// sub-district's part is a composite on the book's scale, whatever its
// points are, and the others are on the host's scales.
func Assess(scores []scoring.Score, w Weights, others map[string]map[string]decimal.Decimal) ([]Annual, error) {
	if err := w.Validate(); err != nil {
		return nil, err
	}
	if _, ok := w[SubdistrictPart]; !ok {
		return nil, fmt.Errorf("%w: the weights have no part %q, the sub-district's composite from the book", ErrWeights, SubdistrictPart)
	}
	var errs []error
	out := make([]Annual, 0, len(scores))
	seen := make(map[string]bool, len(scores))
	for i, s := range scores {
		subject := errtext.Quote(s.Subject)
		switch {
		case s.Subject == "":
			errs = append(errs, fmt.Errorf("%w: scores[%d] has no subject", ErrWeights, i))
			continue
		case !names.Clean(s.Subject):
			errs = append(errs, fmt.Errorf("%w: subject %s %s", ErrWeights, subject, names.Unclean))
			continue
		}
		if seen[s.Subject] {
			errs = append(errs, fmt.Errorf("%w: subject %s scored twice", ErrWeights, subject))
			continue
		}
		seen[s.Subject] = true
		parts := map[string]decimal.Decimal{SubdistrictPart: s.Composite}
		for k, v := range others[s.Subject] {
			if k == SubdistrictPart {
				errs = append(errs, fmt.Errorf("%w: subject %s: the %q part comes from the book, not from others", ErrWeights, subject, k))
				continue
			}
			parts[k] = v
		}
		total, err := Blend(w, parts)
		if err != nil {
			errs = append(errs, fmt.Errorf("subject %s: %w", subject, err))
			continue
		}
		out = append(out, Annual{Subject: s.Subject, Parts: parts, Weights: maps.Clone(w), Total: total})
	}
	for _, name := range absent(others, seen) {
		errs = append(errs, fmt.Errorf("%w: subject %s has no score in the book", ErrWeights, errtext.Quote(name)))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	rank.By(out, func(a Annual) decimal.Decimal { return a.Total }, func(a Annual) string { return a.Subject },
		func(a *Annual, r int) { a.Rank = r })
	return out, nil
}
