package indicators

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/internal/rank"
	"github.com/shopspring/decimal"
)

// Classes say which class each subject is ranked in (区县, 街镇,
// 部门, 国企 …): subject → class, kept as data. A subject with no class
// is ranked with the others that have none, under the class "".
type Classes map[string]string

// Lists say who goes on the red list (红榜) and the black list (黑榜) of
// each class, by position, by threshold, or both. A zero field is not
// used, so the zero Lists puts nobody on either list; a negative position
// is refused, by [Rank] as by the JSON decoder, and so, by Rank, is a
// threshold the decoder could not read back.
//
// Positions count ties as ranks do: Top 3 takes every subject ranked 1 to
// 3 (with ties 1, 2, 2, 4: the first three), and Bottom 1 takes every
// subject that no other in its class is below (two tied last are both
// taken). A subject is on the red list when its rank is at most Top or its
// value at least RedAtLeast; on the black list when it is within the last
// Bottom or its value below BlackBelow. A subject that qualifies for both
// (a class too small to tell them apart) goes on the black list only.
type Lists struct {
	Top        int              `json:"top,omitempty"`
	Bottom     int              `json:"bottom,omitempty"`
	RedAtLeast *decimal.Decimal `json:"redAtLeast,omitempty"`
	BlackBelow *decimal.Decimal `json:"blackBelow,omitempty"`
}

// Standing is one subject's place in its class: its Value, its Rank
// (competition ranking, 1, 2, 2, 4) among the Of subjects of its Class,
// whether it is on the Red or the Black list, and its rank in the previous
// period, Prev (0 when it was not ranked in the same class then).
type Standing struct {
	Subject string          `json:"subject"`
	Class   string          `json:"class,omitempty"`
	Value   decimal.Decimal `json:"value"`
	Rank    int             `json:"rank"`
	Of      int             `json:"of"`
	Red     bool            `json:"red,omitempty"`
	Black   bool            `json:"black,omitempty"`
	Prev    int             `json:"prev,omitempty"`
}

// Move is how many places the subject rose since the previous period:
// Prev − Rank, positive when it rose, negative when it fell, 0 when it
// held its place or was not ranked before (see Prev).
func (s Standing) Move() int {
	if s.Prev == 0 {
		return 0
	}
	return s.Prev - s.Rank
}

// Movement says the move in words, as hotline bulletins print it:
// "上升 2 位", "下降 1 位", "持平", or "新进" for a subject not ranked in
// its class in the previous period.
func (s Standing) Movement() string {
	switch m := s.Move(); {
	case s.Prev == 0:
		return "新进"
	case m > 0:
		return "上升 " + strconv.Itoa(m) + " 位"
	case m < 0:
		return "下降 " + strconv.Itoa(-m) + " 位"
	default:
		return "持平"
	}
}

// Rank ranks the subjects of values (subject → value, higher is better:
// an index, a composite) within their classes, puts them on the lists,
// and takes each one's previous rank from prev, the standings of the
// previous period (nil for none), where it was ranked in the same class
// (the better rank where prev gives it twice there, which Rank's own
// standings never do, so that prev's order does not matter either).
// A value under the subject "" is no subject's, as a part whose group is
// "" is no group's in [Tally]: it is left out, and takes no rank, no
// place on a list and no part in Of (a Standing without a subject would
// not read back from its JSON either).
// A previous rank below 1, which no standing has, is no previous rank.
// The standings come in order of class (by bytes), then rank, then subject, so that
// the result never depends on the order of a map. Rank fails, with an
// error wrapping [ErrInvalid] that names the field or the subject and no
// standings, only where the lists or its standings would not read back
// from their JSON: on a negative Top or Bottom (refused as
// [Lists.UnmarshalJSON] refuses it), and on a threshold or a value of
// more than 64 characters written out (jsonx.MaxDecimalLen).
func Rank(values map[string]decimal.Decimal, classes Classes, lists Lists, prev []Standing) ([]Standing, error) {
	if err := lists.check(); err != nil {
		return nil, fmt.Errorf("%w: lists: %w", ErrInvalid, err)
	}
	out := make([]Standing, 0, len(values))
	var long []string // the subjects whose values JSON could not read back
	for s, v := range values {
		switch {
		case s == "":
			continue
		case !jsonx.DecimalFits(v):
			long = append(long, s)
		}
		out = append(out, Standing{Subject: s, Class: classes[s], Value: v})
	}
	if len(long) > 0 {
		slices.Sort(long)
		errs := make([]error, len(long))
		for i, s := range long {
			errs[i] = fmt.Errorf("%w: subject %s: a value of more than %d characters (JSON could not read it back)", ErrInvalid, errtext.Quote(s), jsonx.MaxDecimalLen)
		}
		return nil, errors.Join(errs...)
	}
	slices.SortFunc(out, func(a, b Standing) int { return cmp.Compare(a.Class, b.Class) })
	type key struct{ class, subject string }
	before := make(map[key]int, len(prev))
	for _, p := range prev {
		k := key{p.Class, p.Subject}
		if r, ok := before[k]; p.Rank >= 1 && (!ok || p.Rank < r) {
			before[k] = p.Rank
		}
	}
	for lo := 0; lo < len(out); {
		hi := lo + 1
		for hi < len(out) && out[hi].Class == out[lo].Class {
			hi++
		}
		class := out[lo:hi]
		rank.By(class, func(s Standing) decimal.Decimal { return s.Value }, func(s Standing) string { return s.Subject },
			func(s *Standing, r int) { s.Rank = r })
		below := 0 // the subjects of the class ranked below class[i]
		for i := len(class) - 1; i >= 0; i-- {
			s := &class[i]
			if i+1 < len(class) && !class[i+1].Value.Equal(s.Value) {
				below = len(class) - 1 - i
			}
			s.Of = len(class)
			s.Prev = before[key{s.Class, s.Subject}]
			s.Black = (lists.Bottom > 0 && below < lists.Bottom) || (lists.BlackBelow != nil && s.Value.LessThan(*lists.BlackBelow))
			s.Red = !s.Black && ((lists.Top > 0 && s.Rank <= lists.Top) || (lists.RedAtLeast != nil && s.Value.GreaterThanOrEqual(*lists.RedAtLeast)))
		}
		lo = hi
	}
	return out, nil
}

// check reports a negative position and a threshold JSON could not read
// back, naming its field.
func (l Lists) check() error {
	var errs []error
	if l.Top < 0 {
		errs = append(errs, fmt.Errorf("top %d is negative", l.Top))
	}
	if l.Bottom < 0 {
		errs = append(errs, fmt.Errorf("bottom %d is negative", l.Bottom))
	}
	for _, t := range []struct {
		name string
		d    *decimal.Decimal
	}{{"redAtLeast", l.RedAtLeast}, {"blackBelow", l.BlackBelow}} {
		if t.d != nil && !jsonx.DecimalFits(*t.d) {
			errs = append(errs, fmt.Errorf("%s has more than %d characters", t.name, jsonx.MaxDecimalLen))
		}
	}
	return errors.Join(errs...)
}
