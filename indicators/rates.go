package indicators

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/internal/deccmp"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/matters"
	"github.com/shopspring/decimal"
)

// ErrNoData reports an index asked of rates one of which has nothing to
// count (a denominator of 0) and a weight other than 0.
var ErrNoData = errors.New("indicators: no data")

// Ratio is one rate: Num of Den, and Value = Num ÷ Den computed exactly
// and rounded half-up to 4 places (0.8298); 0 when Den is 0 — check Den
// before publishing a rate of nothing. In JSON Value is a decimal string.
type Ratio struct {
	Num   int             `json:"num"`
	Den   int             `json:"den"`
	Value decimal.Decimal `json:"value"`
}

// ratio makes a Ratio of num and den.
func ratio(num, den int) Ratio {
	r := Ratio{Num: num, Den: den, Value: decimal.New(0, -4)}
	if den > 0 {
		r.Value = decimal.NewFromInt(int64(num)).DivRound(decimal.NewFromInt(int64(den)), 4)
	}
	return r
}

// Rates are the figures of one group of parts (see [Tally]):
//
//   - Parts, the parts counted, and Matters, the matters they belong to,
//     a matter of several units once (see [Tally] for a part given
//     twice);
//   - Response (响应率): of the parts, those whose unit accepted within
//     the response limit (Facts.Responded, and Response ≤ ResponseLimit,
//     or no limit);
//   - Resolution (解决率): of the group's matters with a Solved answer
//     (回访), those whose latest answer says solved;
//   - Satisfaction (满意率): of the group's matters with a Satisfied
//     answer, those whose latest answer is yes;
//   - Street (街道满意率): of the parts the owning sub-district graded
//     (Part.Street), those graded with at least the points Tally is
//     given.
//
// A matter dispatched to several units counts once in Resolution and
// Satisfaction of each group it falls in, however many of its parts the
// group holds; Response and Street count each part.
type Rates struct {
	Group        string `json:"group"`
	Parts        int    `json:"parts"`
	Matters      int    `json:"matters"`
	Response     Ratio  `json:"response"`
	Resolution   Ratio  `json:"resolution"`
	Satisfaction Ratio  `json:"satisfaction"`
	Street       Ratio  `json:"street"`
}

// The names of the three rates in the weights of an index.
const (
	ResponsePart     = "response"
	ResolutionPart   = "resolution"
	SatisfactionPart = "satisfaction"
)

// Index returns the weighted index of the three rates: Σ w[part] × rate,
// with the parts named [ResponsePart], [ResolutionPart] and
// [SatisfactionPart] (one county publishes 0.30 / 0.35 / 0.35), over the
// rates' 4-place Values, rounded half-up to 4 places. The weights must be
// valid and name exactly the three parts (errors wrap
// assessment.ErrWeights, and only it: weights are checked first, so that
// a host that shows no index for [ErrNoData] never hides bad weights); a
// rate with a denominator of 0 has no value to weigh, and Index refuses
// with [ErrNoData], naming it, unless its weight is 0: a rate weighed 0 is
// not part of the index, whatever it counts. The sum is assessment.Blend's,
// exact before it is rounded, and Index refuses it, wrapping
// assessment.ErrWeights, where Blend does: when, written out, it is longer
// than 64 characters, which only weights of some 59 places or more make
// (0.1 + 10^-60 of 0.6667 has 64 places), however valid they are.
func (r Rates) Index(w assessment.Weights) (decimal.Decimal, error) {
	v, err := assessment.Blend(w, map[string]decimal.Decimal{
		ResponsePart: r.Response.Value, ResolutionPart: r.Resolution.Value, SatisfactionPart: r.Satisfaction.Value})
	if err != nil {
		return decimal.Zero, fmt.Errorf("indicators: index of group %s: %w", errtext.Quote(r.Group), err)
	}
	var errs []error
	for _, p := range []struct {
		name string
		r    Ratio
	}{{ResponsePart, r.Response}, {ResolutionPart, r.Resolution}, {SatisfactionPart, r.Satisfaction}} {
		if p.r.Den == 0 && !w[p.name].IsZero() {
			errs = append(errs, fmt.Errorf("%w: group %s: no %s to count", ErrNoData, errtext.Quote(r.Group), p.name))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return decimal.Zero, err
	}
	return v.Round(4), nil
}

// counts are a group's running figures.
type counts struct {
	parts, matters             int
	responded                  int
	solvedNum, solvedDen       int
	satisfiedNum, satisfiedDen int
	streetNum, streetDen       int
}

// Tally groups the parts by group — a part goes to the group whose name
// group returns, and is left out when it returns "" — and counts each
// group's [Rates]. An owner's grade (Part.Street) counts as satisfied for
// the 街道满意率 when its points are at least streetMin (for a scale of
// 100 / 85 / 70 / 40, a streetMin of 85 counts 好 and 较好).
//
// A matter of several units — one whose Dispatch events name more than
// one unit, or none (parts built by hand on a matter without its
// history) — counts once a group in Matters (parts whose Matter has one ID
// are parts of one matter, whether or not they share the pointer; parts
// of a Matter with no ID, only if they do), and so do its citizen's
// answers in Resolution and Satisfaction; where that group's parts of the
// matter disagree on them (parts built by hand; [Parts] gives every part
// of a matter the same answers), those of the part whose unit sorts first
// count, and among parts of one unit those whose answers sort first
// (Solved, then Satisfied; none, then no, then yes). A matter whose
// Dispatch events name one unit (once, or again after its return) counts,
// with its answers, for each of its parts given; Parts, Response and Street count each part given. So a
// part given twice counts twice in every figure, but for a matter of
// several units, which it counts once in Matters, Resolution and
// Satisfaction. Groups come in order of name, and no figure depends on the
// order of the parts. Tally is exact and never fails; it panics if group
// is nil. It compares points at a cost bounded by the lengths of their
// coefficients, whatever their exponents: a streetMin or points such as
// 10^-1000000000, built in Go, cost what 85 does.
func Tally(parts []Part, group func(Part) string, streetMin decimal.Decimal) []Rates {
	if group == nil {
		panic("indicators: Tally: nil group function")
	}
	type seen struct {
		c      *counts
		matter identity
	}
	byName := make(map[string]*counts)
	var once map[seen]int // the part whose answers count, by index
	for i := range parts {
		p := &parts[i]
		g := group(*p)
		if g == "" {
			continue
		}
		c := byName[g]
		if c == nil {
			c = &counts{}
			byName[g] = c
		}
		c.parts++
		f := &p.Facts
		if f.Responded && (f.ResponseLimit <= 0 || f.Response <= f.ResponseLimit) {
			c.responded++
		}
		if s := p.Street; s != nil {
			c.streetDen++
			if deccmp.Cmp(s.Points, streetMin) >= 0 {
				c.streetNum++
			}
		}
		// The citizen's answers are the matter's: count them once a group,
		// from the part that sorts first (answersCmp), whatever the order.
		if shared(p.Matter) {
			if once == nil {
				once = make(map[seen]int)
			}
			k := seen{c: c, matter: identify(p.Matter)}
			if j, dup := once[k]; dup {
				if q := &parts[j]; answersCmp(p, q) < 0 {
					c.answers(q, -1)
					c.answers(p, 1)
					once[k] = i
				}
				continue
			}
			once[k] = i
		}
		c.matters++
		c.answers(p, 1)
	}
	out := make([]Rates, 0, len(byName))
	for g, c := range byName {
		out = append(out, Rates{Group: g, Parts: c.parts, Matters: c.matters,
			Response:     ratio(c.responded, c.parts),
			Resolution:   ratio(c.solvedNum, c.solvedDen),
			Satisfaction: ratio(c.satisfiedNum, c.satisfiedDen),
			Street:       ratio(c.streetNum, c.streetDen)})
	}
	slices.SortFunc(out, func(a, b Rates) int { return cmp.Compare(a.Group, b.Group) })
	return out
}

// answers adds (by 1) or takes back (by -1) the citizen's answers of p.
func (c *counts) answers(p *Part, by int) {
	if p.Solved != nil {
		c.solvedDen += by
		if *p.Solved {
			c.solvedNum += by
		}
	}
	if s := p.Facts.Satisfied; s != nil {
		c.satisfiedDen += by
		if *s {
			c.satisfiedNum += by
		}
	}
}

// answersCmp orders two parts of one matter by unit, then by their
// answers (none, no, yes), Solved first: of the parts of a matter that
// disagree on its answers, Tally counts those of the first.
func answersCmp(p, q *Part) int {
	return cmp.Or(strings.Compare(p.Unit, q.Unit), cmp.Compare(answer(p.Solved), answer(q.Solved)),
		cmp.Compare(answer(p.Facts.Satisfied), answer(q.Facts.Satisfied)))
}

// answer ranks an answer: none, no, yes.
func answer(b *bool) int {
	switch {
	case b == nil:
		return 0
	case *b:
		return 2
	}
	return 1
}

// shared reports whether m, the matter of a part, may have parts of
// other units: its Dispatch events name other units than one (more, or
// none: parts built by hand on a matter without its history). A unit
// named by several dispatches (dispatched again after its return) is one
// unit. A part without a matter is its own.
func shared(m *matters.Matter) bool {
	if m == nil {
		return false
	}
	var one string // the unit named, once named is true
	named := false
	for j := range m.Events {
		if m.Events[j].Kind != matters.Dispatch {
			continue
		}
		for _, u := range m.Events[j].Units {
			if !named {
				one, named = u, true
			} else if u != one {
				return true
			}
		}
	}
	return !named
}
