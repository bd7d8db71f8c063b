// Package rank orders scored items best first and gives them competition
// ranks, in which equal values share a rank and the next rank skips (1, 2,
// 2, 4): the ranking of a book's scores, of an annual assessment and of a
// staff appraisal.
package rank

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/deccmp"
)

// By sorts xs by value, highest first, then by key, ascending, so that the
// order never depends on the order of xs when no two items share a key
// (every caller's keys, subjects and persons, are unique; items of one
// value and one key keep their order in xs); then it gives each item its
// rank with set, as [Shared] does. Values compare exactly through
// deccmp, so two far apart, as 10^-1000000000 and 2 are, cost no more
// than two near.
func By[T any](xs []T, value func(T) decimal.Decimal, key func(T) string, set func(*T, int)) {
	slices.SortStableFunc(xs, func(a, b T) int {
		if c := deccmp.Cmp(value(b), value(a)); c != 0 {
			return c
		}
		return strings.Compare(key(a), key(b))
	})
	Shared(xs, value, set)
}

// Shared gives the items of xs, already in order, their ranks by value:
// the position of the first item with an equal value, counting from 1.
func Shared[T any](xs []T, value func(T) decimal.Decimal, set func(*T, int)) {
	r := 0
	for i := range xs {
		if i == 0 || deccmp.Cmp(value(xs[i]), value(xs[i-1])) != 0 {
			r = i + 1
		}
		set(&xs[i], r)
	}
}
