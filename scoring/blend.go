package scoring

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// Weights give each named part its share of a blend. Valid weights are not
// negative and sum to exactly 1 (0.3 + 0.7, never 0.33 + 0.67 + a rounding
// error). A nil Weights has no parts and is not valid.
type Weights map[string]decimal.Decimal

// MarshalJSON writes each weight as a JSON string in its shortest exact
// form, whatever decimal's package settings are.
func (w Weights) MarshalJSON() ([]byte, error) {
	if w == nil {
		return []byte("null"), nil
	}
	return json.Marshal(decimalMap(w))
}

// Validate reports every problem, joined, each wrapping [ErrWeights]: no
// parts, a part with an empty name, a negative weight (naming it), and a
// sum other than exactly 1 (giving the sum).
func (w Weights) Validate() error {
	if len(w) == 0 {
		return fmt.Errorf("%w: no parts", ErrWeights)
	}
	var errs []error
	sum := decimal.Zero
	for _, name := range w.names() {
		v := w[name]
		if name == "" {
			errs = append(errs, fmt.Errorf("%w: a part has an empty name", ErrWeights))
		}
		if v.Sign() < 0 {
			errs = append(errs, fmt.Errorf("%w: part %q has the negative weight %s", ErrWeights, name, formatDecimal(v)))
		}
		sum = sum.Add(v)
	}
	if !sum.Equal(decimal.NewFromInt(1)) {
		errs = append(errs, fmt.Errorf("%w: weights sum to %s, not exactly 1", ErrWeights, formatDecimal(sum)))
	}
	return errors.Join(errs...)
}

// names returns the part names in order.
func (w Weights) names() []string { return sortedKeys(w) }

// Blend returns Σ w[name] × parts[name], exactly: it is not rounded, and a
// caller that prints it chooses the places. The weights must be valid (see
// [Weights.Validate]) and parts must have exactly the weights' names; every
// problem — a bad weight, a missing part, an extra part, each named — is
// reported, joined, wrapping [ErrWeights].
func Blend(w Weights, parts map[string]decimal.Decimal) (decimal.Decimal, error) {
	var errs []error
	if err := w.Validate(); err != nil {
		errs = append(errs, err)
	}
	for _, name := range w.names() {
		if _, ok := parts[name]; !ok {
			errs = append(errs, fmt.Errorf("%w: part %q is missing", ErrWeights, name))
		}
	}
	for _, name := range sortedKeys(parts) {
		if _, ok := w[name]; !ok {
			errs = append(errs, fmt.Errorf("%w: part %q has no weight", ErrWeights, name))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return decimal.Zero, err
	}
	sum := decimal.Zero
	for _, name := range w.names() {
		sum = sum.Add(w[name].Mul(parts[name]))
	}
	return sum, nil
}

// SubdistrictPart names the part of an annual assessment that is the
// sub-district's composite of one matter, one evaluation.
const SubdistrictPart = "subdistrict"

// AnnualWeights returns the weights of the Wuhu annual assessment of a
// department: the sub-district's composite counts 30% ("subdistrict"), the
// department's own assessment 70% ("department"). Each call returns a new
// map.
func AnnualWeights() Weights {
	return Weights{SubdistrictPart: decimal.New(3, -1), "department": decimal.New(7, -1)}
}

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

type annualJSON struct {
	Subject string                 `json:"subject"`
	Parts   map[string]jsonDecimal `json:"parts"`
	Weights Weights                `json:"weights"`
	Total   jsonDecimal            `json:"total"`
	Rank    int                    `json:"rank,omitempty"`
}

// MarshalJSON writes decimals as JSON strings in their shortest exact form.
func (a Annual) MarshalJSON() ([]byte, error) {
	return json.Marshal(annualJSON{a.Subject, decimalMap(a.Parts), a.Weights, jsonDecimal(a.Total), a.Rank})
}

// Assess blends each scored subject's composite, as the [SubdistrictPart],
// with its other parts, and returns the subjects ranked by Total (equal
// totals share a rank; then by subject). others maps a subject to its parts
// other than the sub-district's; a subject in others without a Score, or a
// Score without others where w needs more parts, is an error naming it, and
// so is an "subdistrict" entry in others. Every problem is reported,
// joined, wrapping [ErrWeights].
func Assess(scores []Score, w Weights, others map[string]map[string]decimal.Decimal) ([]Annual, error) {
	if err := w.Validate(); err != nil {
		return nil, err
	}
	var errs []error
	out := make([]Annual, 0, len(scores))
	seen := make(map[string]bool, len(scores))
	for _, s := range scores {
		if seen[s.Subject] {
			errs = append(errs, fmt.Errorf("%w: subject %q scored twice", ErrWeights, s.Subject))
			continue
		}
		seen[s.Subject] = true
		parts := map[string]decimal.Decimal{SubdistrictPart: s.Composite}
		for k, v := range others[s.Subject] {
			if k == SubdistrictPart {
				errs = append(errs, fmt.Errorf("%w: subject %q: the %q part comes from the book, not from others", ErrWeights, s.Subject, k))
				continue
			}
			parts[k] = v
		}
		total, err := Blend(w, parts)
		if err != nil {
			errs = append(errs, fmt.Errorf("subject %q: %w", s.Subject, err))
			continue
		}
		out = append(out, Annual{Subject: s.Subject, Parts: parts, Weights: w, Total: total})
	}
	for _, name := range sortedKeys(others) {
		if !seen[name] {
			errs = append(errs, fmt.Errorf("%w: subject %q has no score in the book", ErrWeights, name))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	rankBy(out, func(a Annual) decimal.Decimal { return a.Total }, func(a Annual) string { return a.Subject },
		func(a *Annual, r int) { a.Rank = r })
	return out, nil
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// rankBy sorts xs by value, highest first, then by key, and sets ranks so
// that equal values share one (1, 2, 2, 4).
func rankBy[T any](xs []T, value func(T) decimal.Decimal, key func(T) string, set func(*T, int)) {
	slices.SortStableFunc(xs, func(a, b T) int {
		if c := value(b).Cmp(value(a)); c != 0 {
			return c
		}
		switch ka, kb := key(a), key(b); {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return 0
	})
	rank := 0
	for i := range xs {
		if i == 0 || !value(xs[i]).Equal(value(xs[i-1])) {
			rank = i + 1
		}
		set(&xs[i], rank)
	}
}
