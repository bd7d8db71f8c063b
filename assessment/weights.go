package assessment

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/internal/weights"
	"github.com/shopspring/decimal"
)

// ErrWeights reports weights that do not sum to exactly 1 or are negative,
// parts that do not match the weights, and subjects that do not match the
// scores.
var ErrWeights = errors.New("assessment: bad weights")

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
	return json.Marshal(jsonx.Map(w))
}

// Validate reports every problem, joined, each wrapping [ErrWeights]: no
// parts, a part with an empty name, a negative weight (naming it), a
// weight longer than 64 characters written out (naming it), and a sum
// other than exactly 1 (giving the sum).
func (w Weights) Validate() error {
	var errs []error
	for _, err := range weights.Check(w) {
		errs = append(errs, fmt.Errorf("%w: %w", ErrWeights, err))
	}
	return errors.Join(errs...)
}

// Blend returns Σ w[name] × parts[name], exactly: it is not rounded, and a
// caller that prints it chooses the places. The weights must be valid (see
// [Weights.Validate]) and parts must have exactly the weights' names, each
// value no longer than 64 characters written out (so that no sum allocates
// without bound); every problem — a bad weight, a missing part, an extra
// part, a part too long, each named — is reported, joined, wrapping
// [ErrWeights]. So is a total longer than 64 characters written out (the
// product of a short weight and a short part can be longer than either),
// which no JSON of this library reads back.
//
// Blend enforces no range on a part's value: a blend is a weighted sum of
// parts on whatever scale each source uses — a book's composite on its
// scale's points, an index of rates from 0 to 1, an assessment sheet's
// result, which additions (加分) may take above 100 and deductions below
// 0 — and neither the reform (年末累计形成综合评分, 街道评价占30%) nor
// this package sets them a 0–100 (百分制) scale. Valid weights keep the
// total between the least and the greatest part, so a total is on its
// parts' scale when they share one; a host whose parts have a range
// checks it where it knows that range.
func Blend(w Weights, parts map[string]decimal.Decimal) (decimal.Decimal, error) {
	var errs []error
	if err := w.Validate(); err != nil {
		errs = append(errs, err)
	}
	for _, name := range absent(w, parts) {
		errs = append(errs, fmt.Errorf("%w: part %s is missing", ErrWeights, errtext.Quote(name)))
	}
	for _, name := range absent(parts, w) {
		errs = append(errs, fmt.Errorf("%w: part %s has no weight", ErrWeights, errtext.Quote(name)))
	}
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		if !jsonx.DecimalFits(parts[name]) {
			errs = append(errs, fmt.Errorf("%w: part %s has a value of more than %d characters", ErrWeights, errtext.Quote(name), jsonx.MaxDecimalLen))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return decimal.Zero, err
	}
	sum := decimal.Zero
	for _, name := range slices.Sorted(maps.Keys(w)) {
		sum = sum.Add(w[name].Mul(parts[name]))
	}
	if !jsonx.DecimalFits(sum) {
		return decimal.Zero, fmt.Errorf("%w: the blend is longer than %d characters", ErrWeights, jsonx.MaxDecimalLen)
	}
	return sum, nil
}

// absent returns the names of m that other does not have, sorted.
func absent[V, W any](m map[string]V, other map[string]W) []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(m)) {
		if _, ok := other[name]; !ok {
			out = append(out, name)
		}
	}
	return out
}
