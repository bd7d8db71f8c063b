package scoring

import (
	"time"

	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// This file writes a table's reasons as data (see package reason): the
// rule, the comparisons it made and the figures it saw. No text is
// written while grading: a reason's text is written from these pieces
// when it is asked for, so Table.Evaluate allocates one block for its
// Result's reason, its checks and its figures — another for the checks
// of a rule of more than two conditions, or for more than six figures —
// and nothing else; the block is smaller for facts of four figures.

// maxFigures is the most figures a reason of a table gives: response,
// resolution, returned, urged, supervised, quality, satisfaction, stage.
const maxFigures = 8

// inlineChecks and inlineFigures are how many checks and figures a
// reason keeps in the block of its reason: most rules of a table check one
// or two conditions, and most facts give four to six figures. (Measured on
// Wuhu's table: room for six checks costs more in bytes cleared and
// scanned than the second allocation it saves.)
const (
	inlineChecks  = 2
	inlineFigures = 6
)

// reasonBlock is the allocation that holds a table's reason, its checks
// and its figures.
type reasonBlock struct {
	rs [1]reason.Reason
	cs [inlineChecks]reason.Check
	fs [inlineFigures]reason.Figure
}

// reasonBlock4 is a reasonBlock with room for four figures, those of
// facts with no return, urge, supervision or stage: 384 bytes against 480.
type reasonBlock4 struct {
	rs [1]reason.Reason
	cs [inlineChecks]reason.Check
	fs [4]reason.Figure
}

// reason says which rule fired, with what comparisons, on which figures.
func (t *Table) reason(i int, r *TableRule, f *Facts) []reason.Reason {
	var rs []reason.Reason
	var cs []reason.Check
	var figures []reason.Figure
	switch n := figureCount(f); {
	case n <= len(reasonBlock4{}.fs):
		blk := new(reasonBlock4)
		rs, cs, figures = blk.rs[:], blk.cs[:0], blk.fs[:0:n]
	case n <= inlineFigures:
		blk := new(reasonBlock)
		rs, cs, figures = blk.rs[:], blk.cs[:0], blk.fs[:0:n]
	default:
		blk := new(reasonBlock)
		rs, cs, figures = blk.rs[:], blk.cs[:0], make([]reason.Figure, 0, n)
	}
	figures = appendFigures(figures, f, t)
	if n := r.conditions(); n > inlineChecks {
		cs = make([]reason.Check, 0, n)
	}
	checks := r.appendChecks(cs)
	if len(checks) == 0 {
		checks = nil // a rule without conditions, as JSON reads it back
	}
	rs[0] = reason.Reason{Rule: i + 1, Name: r.Name, Lang: t.Lang, Checks: checks,
		Figures: figures, Type: f.Type}
	return rs
}

// describe lists the figures of f a rule can look at, in English.
func describe(f *Facts) string {
	var fs [maxFigures]reason.Figure
	return reason.Reason{Figures: appendFigures(fs[:0], f, nil), Type: f.Type}.String()
}

// figureCount counts the figures appendFigures gives.
func figureCount(f *Facts) int {
	n := 4
	for _, ok := range [...]bool{f.Returned, f.Urged > 0, f.Supervised > 0, f.Stage > 0} {
		if ok {
			n++
		}
	}
	return n
}

// appendFigures appends the figures of f, each ratio with the places that
// keep it from reading as on or across a threshold of t (nil: the limit
// only).
func appendFigures(fs []reason.Figure, f *Facts, t *Table) []reason.Figure {
	fs = append(fs, timeFigure(reason.Response, f.Responded, f.Response, f.ResponseLimit, sides{t, false}),
		timeFigure(reason.Resolution, f.Resolved, f.Resolution, f.ResolutionLimit, sides{t, true}))
	return appendCounts(fs, f)
}

// appendCounts appends the figures of f after its times: returned, urged,
// supervised, quality, the answer, the stage. fs has room for them.
func appendCounts(fs []reason.Figure, f *Facts) []reason.Figure {
	n := len(fs)
	fs = fs[:n+figureCount(f)-2]
	setCounts(fs[n:], f)
	return fs
}

// setCounts sets the figures of f after its times in fs, zero figures of
// the right number, field by field: what is zero stays as it is.
func setCounts(fs []reason.Figure, f *Facts) {
	i := 0
	set := func(of reason.Of, v int) {
		fs[i].Of, fs[i].Value = of, v
		i++
	}
	if f.Returned {
		set(reason.Returned, 1)
	}
	if f.Urged > 0 {
		set(reason.Urged, f.Urged)
	}
	if f.Supervised > 0 {
		set(reason.Supervised, f.Supervised)
	}
	answer := 0
	if f.Satisfied != nil {
		answer = -1
		if *f.Satisfied {
			answer = 1
		}
	}
	set(reason.Quality, f.Quality)
	set(reason.Satisfaction, answer)
	if f.Stage > 0 {
		set(reason.Stage, f.Stage)
	}
}

// timeFigure is one time against its limit, with the places its ratio is
// shown with when the text shows it.
func timeFigure(of reason.Of, done bool, actual, limit time.Duration, s sides) reason.Figure {
	fg := reason.Figure{Of: of, Done: done, Actual: actual, Limit: limit}
	if limit > 0 && (done || actual > 0) {
		fg.Places = s.places(int64(max(actual, 0)), int64(limit))
	}
	return fg
}

// conditions counts the conditions of r, the checks of its reason.
func (r *TableRule) conditions() int {
	n := 0
	if len(r.Types) > 0 {
		n++
	}
	for _, p := range [...]*bool{r.Responded, r.Resolved, r.Returned, r.Final, r.Urged, r.Supervised,
		r.ResponseOnTime, r.ResolutionOnTime, r.QualityGiven} {
		if p != nil {
			n++
		}
	}
	for _, x := range [...]*decimal.Decimal{r.ResponseAtMost, r.ResponseOver, r.ResolutionAtMost, r.ResolutionOver} {
		if x != nil {
			n++
		}
	}
	if r.QualityMin != 0 {
		n++
	}
	if r.QualityMax != 0 {
		n++
	}
	if r.Satisfaction != AnySatisfaction {
		n++
	}
	return n
}

// small holds the decimals 0 to 5, the thresholds of flags and qualities,
// made once: a decimal made from an int allocates.
var small = [...]decimal.Decimal{decimal.New(0, 0), decimal.New(1, 0), decimal.New(2, 0), decimal.New(3, 0),
	decimal.New(4, 0), decimal.New(5, 0)}

// minusOne is the answer "dissatisfied" of a satisfaction check.
var minusOne = decimal.New(-1, 0)

func smallDecimal(n int) decimal.Decimal {
	if n >= 0 && n < len(small) {
		return small[n]
	}
	return decimal.New(int64(n), 0)
}

// appendChecks appends the conditions of r as checks, in the order of
// TableRule's fields.
func (r *TableRule) appendChecks(cs []reason.Check) []reason.Check {
	flag := func(of reason.Of, p *bool) {
		if p != nil {
			v := 0
			if *p {
				v = 1
			}
			cs = append(cs, reason.Check{Of: of, Op: reason.Is, Threshold: small[v]})
		}
	}
	count := func(of reason.Of, p *bool) {
		switch {
		case p == nil:
		case *p:
			cs = append(cs, reason.Check{Of: of, Op: reason.AtLeast, Threshold: small[1]})
		default:
			cs = append(cs, reason.Check{Of: of, Op: reason.AtMost, Threshold: small[0]})
		}
	}
	ratio := func(of reason.Of, op reason.Op, x *decimal.Decimal) {
		if x != nil {
			cs = append(cs, reason.Check{Of: of, Op: op, Threshold: *x})
		}
	}
	if len(r.Types) > 0 {
		cs = append(cs, reason.Check{Of: reason.Type, Op: reason.In})
	}
	flag(reason.Responded, r.Responded)
	flag(reason.Resolved, r.Resolved)
	flag(reason.Returned, r.Returned)
	flag(reason.Final, r.Final)
	count(reason.Urged, r.Urged)
	count(reason.Supervised, r.Supervised)
	flag(reason.ResponseOnTime, r.ResponseOnTime)
	flag(reason.ResolutionOnTime, r.ResolutionOnTime)
	if r.QualityGiven != nil {
		if *r.QualityGiven {
			cs = append(cs, reason.Check{Of: reason.Quality, Op: reason.AtLeast, Threshold: small[1]})
		} else {
			cs = append(cs, reason.Check{Of: reason.Quality, Op: reason.Is, Threshold: small[0]})
		}
	}
	if r.QualityMin != 0 {
		cs = append(cs, reason.Check{Of: reason.Quality, Op: reason.AtLeast, Threshold: smallDecimal(r.QualityMin)})
	}
	if r.QualityMax != 0 {
		cs = append(cs, reason.Check{Of: reason.Quality, Op: reason.AtMost, Threshold: smallDecimal(r.QualityMax)})
	}
	switch r.Satisfaction {
	case Satisfied:
		cs = append(cs, reason.Check{Of: reason.Satisfaction, Op: reason.Is, Threshold: small[1]})
	case Dissatisfied:
		cs = append(cs, reason.Check{Of: reason.Satisfaction, Op: reason.Is, Threshold: minusOne})
	case Unsurveyed:
		cs = append(cs, reason.Check{Of: reason.Satisfaction, Op: reason.Is, Threshold: small[0]})
	case NotDissatisfied:
		cs = append(cs, reason.Check{Of: reason.Satisfaction, Op: reason.AtLeast, Threshold: small[0]})
	}
	ratio(reason.Response, reason.AtMost, r.ResponseAtMost)
	ratio(reason.Response, reason.Over, r.ResponseOver)
	ratio(reason.Resolution, reason.AtMost, r.ResolutionAtMost)
	ratio(reason.Resolution, reason.Over, r.ResolutionOver)
	return cs
}
