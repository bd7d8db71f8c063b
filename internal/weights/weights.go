// Package weights checks weights that share out a whole: none negative,
// summing to exactly 1. Package assessment's Weights and package scoring's
// Weighted both rely on it. Its errors carry no sentinel; each package
// wraps them in its own.
package weights

import (
	"errors"
	"iter"
	"maps"
	"slices"
	"strconv"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/shopspring/decimal"
)

var one = decimal.NewFromInt(1)

// Check returns every problem of w, by part name: no parts, a part with an
// empty name, a negative weight (naming the part), a weight that does not
// fit jsonx.MaxDecimalLen characters (naming the part: it is neither
// written nor added, so that a weight such as 1e-99999999 cannot make the
// sum allocate without bound), and a sum other than exactly 1 (giving the
// sum, when every weight fits). It returns nil for valid weights.
func Check(w map[string]decimal.Decimal) []error {
	return CheckParts(func(yield func(string, decimal.Decimal) bool) {
		for _, name := range slices.Sorted(maps.Keys(w)) {
			if !yield(name, w[name]) {
				return
			}
		}
	})
}

// CheckParts is [Check] of parts given in order, as a list of parts holds
// them: a name given twice is two parts, both summed (the caller reports
// the repeated name).
func CheckParts(parts iter.Seq2[string, decimal.Decimal]) []error {
	var errs []error
	n, sum, huge := 0, decimal.Zero, false
	for name, v := range parts {
		n++
		if name == "" {
			errs = append(errs, errors.New("a part has an empty name"))
		}
		if !jsonx.DecimalFits(v) {
			errs = append(errs, errors.New("part "+errtext.Quote(name)+" has a weight of more than "+strconv.Itoa(jsonx.MaxDecimalLen)+" characters"))
			huge = true
			continue
		}
		if v.Sign() < 0 {
			errs = append(errs, errors.New("part "+errtext.Quote(name)+" has the negative weight "+jsonx.FormatDecimal(v)))
		}
		sum = sum.Add(v)
	}
	if n == 0 {
		return []error{errors.New("no parts")}
	}
	if !huge && !sum.Equal(one) {
		errs = append(errs, errors.New("weights sum to "+jsonx.FormatDecimal(sum)+", not exactly 1"))
	}
	return errs
}
