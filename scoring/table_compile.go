package scoring

import (
	"fmt"
	"math/bits"
	"slices"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/scoring/internal/ratio"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// Compile validates t as [Table.Validate] does and returns an evaluator
// that grades exactly as t.Evaluate does — the same Grade, Points, Policy
// and Reasons for every Facts — from a copy of t made now, with what does
// not change from call to call worked out once: each rule's conditions as
// bits, its thresholds as fractions, its grade and points, the checks its
// reason gives, and the thresholds a figure must never be shown on or
// across. It is the evaluator a host grades with; the Table stays the
// policy as data, which a host reads, edits and saves.
//
// The evaluator is safe for concurrent use. A change to t after Compile
// does not reach it: compile the changed table again. Each Result it
// gives is the caller's own, its reason's checks and figures included;
// [EvaluateInto] grades with it into a Result the caller reuses, without
// allocating. Compile panics on a nil table, a programmer's error.
func (t *Table) Compile() (Evaluator, error) {
	if t == nil {
		panic("scoring: Compile of a nil *Table")
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	c := &compiled{t: t.clone(), policy: t.policy(), lang: t.Lang}
	c.sides[0] = c.prepareSide(false)
	c.sides[1] = c.prepareSide(true)
	c.rules = make([]compiledRule, len(c.t.Rules))
	grades := c.t.Scale.byCode()
	for i := range c.t.Rules {
		c.rules[i] = c.compileRule(i, grades)
	}
	return c, nil
}

// clone returns a copy of t that shares no memory with it.
func (t *Table) clone() *Table {
	u := &Table{Version: t.Version, Lang: t.Lang, Scale: slices.Clone(t.Scale), Rules: slices.Clone(t.Rules)}
	for i := range u.Rules {
		r := &u.Rules[i]
		r.Types = slices.Clone(r.Types)
		for _, p := range [...]**bool{&r.Responded, &r.Resolved, &r.Returned, &r.Final, &r.Urged, &r.Supervised,
			&r.ResponseOnTime, &r.ResolutionOnTime, &r.QualityGiven} {
			clonePtr(p)
		}
		for _, p := range [...]**decimal.Decimal{&r.ResponseAtMost, &r.ResponseOver, &r.ResolutionAtMost, &r.ResolutionOver} {
			clonePtr(p)
		}
	}
	return u
}

// clonePtr points *p at a copy of what it points at.
func clonePtr[T any](p **T) {
	if *p != nil {
		v := **p
		*p = &v
	}
}

// The facts' flags a rule may ask for, one bit each.
const (
	flagResponded = 1 << iota
	flagResolved
	flagReturned
	flagFinal
	flagUrged
	flagSupervised
	flagResponseOnTime
	flagResolutionOnTime
	flagQualityGiven
)

// The answers a rule's Satisfaction accepts, one bit each.
const (
	answerNone = 1 << iota
	answerSatisfied
	answerDissatisfied
)

// answersOf holds the answers each Satisfaction of a rule accepts.
var answersOf = [...]uint8{
	AnySatisfaction: answerNone | answerSatisfied | answerDissatisfied,
	Satisfied:       answerSatisfied,
	Dissatisfied:    answerDissatisfied,
	Unsurveyed:      answerNone,
	NotDissatisfied: answerNone | answerSatisfied,
}

// compiled is a Table worked out once (see Table.Compile).
type compiled struct {
	t      *Table // the copy, for what is rare: a figure of more than 2 places, no rule matching
	policy string
	lang   reason.Lang
	rules  []compiledRule
	sides  [2]side // response, resolution
}

// compiledRule is one rule: its conditions and what it gives.
type compiledRule struct {
	mask, want uint16 // the flags it asks for, and their values
	answers    uint8  // the answers it accepts
	qmin, qmax int
	types      []string
	ratios     []ratioCond
	grade      Grade
	name       string
	checks     []reason.Check // copied into each reason
}

// ratioCond is one ratio condition: the response's or the resolution's
// ratio at most, or over, a threshold.
type ratioCond struct {
	resolution, over bool
	sign             int // the threshold's sign: a ratio of 0 compares as -sign
	x                fraction
}

// side is what the places of one figure's ratio are chosen against: the
// thresholds of that figure in the table's rules, with 1 (100
// hundredths), when all are whole hundredths; otherwise (exact) the
// table's own code chooses.
type side struct {
	hundredths []uint64
	exact      bool
	full       sides
}

func (c *compiled) prepareSide(resolution bool) side {
	s := side{full: sides{c.t, resolution}, hundredths: []uint64{100}}
	s.full.thresholds(func(x *decimal.Decimal) bool {
		switch e := x.Exponent(); {
		case x.Sign() < 0:
			// every ratio and figure is above it
		case e >= -2 && e <= 0 && x.NumDigits() <= 18:
			if hi, lo := bits.Mul64(uint64(x.CoefficientInt64()), uint64(ratio.Pow10[e+2])); hi == 0 && lo < 1<<62 {
				s.hundredths = append(s.hundredths, lo)
				break
			}
			s.exact = true
		default:
			s.exact = true
		}
		return true
	})
	return s
}

// compileRule compiles rule i, whose grade is among grades, the table's
// by code.
func (c *compiled) compileRule(i int, grades map[string]Grade) compiledRule {
	r := &c.t.Rules[i]
	cr := compiledRule{qmin: r.QualityMin, qmax: r.QualityMax, types: r.Types, name: r.Name}
	cr.grade = grades[r.Grade] // Validate saw it on the scale
	for _, b := range [...]struct {
		p   *bool
		bit uint16
	}{{r.Responded, flagResponded}, {r.Resolved, flagResolved}, {r.Returned, flagReturned}, {r.Final, flagFinal},
		{r.Urged, flagUrged}, {r.Supervised, flagSupervised}, {r.ResponseOnTime, flagResponseOnTime},
		{r.ResolutionOnTime, flagResolutionOnTime}, {r.QualityGiven, flagQualityGiven}} {
		if b.p != nil {
			cr.mask |= b.bit
			if *b.p {
				cr.want |= b.bit
			}
		}
	}
	if r.Satisfaction >= 0 && int(r.Satisfaction) < len(answersOf) {
		cr.answers = answersOf[r.Satisfaction]
	}
	for _, rc := range [...]struct {
		x                *decimal.Decimal
		resolution, over bool
	}{{r.ResponseAtMost, false, false}, {r.ResponseOver, false, true}, {r.ResolutionAtMost, true, false}, {r.ResolutionOver, true, true}} {
		if rc.x != nil {
			cr.ratios = append(cr.ratios, ratioCond{resolution: rc.resolution, over: rc.over, sign: rc.x.Sign(), x: fractionOf(*rc.x)})
		}
	}
	if cs := r.appendChecks(nil); len(cs) > 0 {
		cr.checks = cs[:len(cs):len(cs)]
	}
	return cr
}

// flags returns the flags of f, and its answer as one bit.
func flags(f *Facts) (fl uint16, answer uint8) {
	set := func(ok bool, bit uint16) {
		if ok {
			fl |= bit
		}
	}
	set(f.Responded, flagResponded)
	set(f.Resolved, flagResolved)
	set(f.Returned, flagReturned)
	set(f.Final, flagFinal)
	set(f.Urged > 0, flagUrged)
	set(f.Supervised > 0, flagSupervised)
	set(onTime(f.Responded, f.Response, f.ResponseLimit), flagResponseOnTime)
	set(onTime(f.Resolved, f.Resolution, f.ResolutionLimit), flagResolutionOnTime)
	set(f.Quality != 0, flagQualityGiven)
	switch {
	case f.Satisfied == nil:
		answer = answerNone
	case *f.Satisfied:
		answer = answerSatisfied
	default:
		answer = answerDissatisfied
	}
	return fl, answer
}

// holds reports whether the ratio condition holds for f.
func (rc *ratioCond) holds(f *Facts) bool {
	actual, limit := f.Response, f.ResponseLimit
	if rc.resolution {
		actual, limit = f.Resolution, f.ResolutionLimit
	}
	c := -rc.sign // the ratio is 0
	switch {
	case limit <= 0 || actual <= 0:
	case rc.x.small: // inlined: most thresholds are
		c = rc.x.cmpSmall(uint64(actual), uint64(limit))
	default:
		c = rc.x.cmpRatio(int64(actual), int64(limit))
	}
	if rc.over {
		return c > 0
	}
	return c <= 0
}

// matches reports whether every condition of r holds for facts f of the
// given flags and answer, as TableRule.matches does. (Evaluate tests the
// flags and the answer first, inline: most rules fail there.)
func (r *compiledRule) matches(f *Facts, fl uint16, answer uint8) bool {
	if fl&r.mask != r.want || answer&r.answers == 0 {
		return false
	}
	if r.qmin != 0 && (f.Quality == 0 || f.Quality < r.qmin) ||
		r.qmax != 0 && (f.Quality == 0 || f.Quality > r.qmax) {
		return false
	}
	if len(r.types) > 0 && !slices.Contains(r.types, f.Type) {
		return false
	}
	for i := range r.ratios {
		if !r.ratios[i].holds(f) {
			return false
		}
	}
	return true
}

// Evaluate grades f as the table it was compiled from does.
func (c *compiled) Evaluate(f Facts) (Result, error) {
	if err := checkFigures(c.t.Version, &f); err != nil {
		return Result{}, err
	}
	i := c.match(&f)
	if i < 0 {
		return Result{}, c.noRule(&f)
	}
	r := &c.rules[i]
	rs, cs, fs := newReason(r, figureCount(&f))
	c.fill(&rs[0], cs, fs, i, r, &f)
	return Result{Grade: r.grade.Code, Points: r.grade.Points, Policy: c.policy, Reasons: rs}, nil
}

// match returns the index of the first rule that holds for f, -1 if none.
func (c *compiled) match(f *Facts) int {
	fl, answer := flags(f)
	for i := range c.rules {
		r := &c.rules[i]
		if fl&r.mask == r.want && answer&r.answers != 0 && r.matches(f, fl, answer) {
			return i
		}
	}
	return -1
}

// noRule is the error for facts f that no rule matches.
func (c *compiled) noRule(f *Facts) error {
	return fmt.Errorf("%w: table %s, matter %s, subject %s: %s", ErrNoRule,
		errtext.Quote(c.t.Version), errtext.Quote(f.Matter), errtext.Quote(f.Subject), describe(f))
}
