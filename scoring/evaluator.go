package scoring

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Result is an evaluator's verdict on one set of [Facts].
//
// The zero Result means "not evaluated" — never "pass", never 0 points. A
// Result that was evaluated names its Grade (a code of the evaluator's
// scale), that grade's Points, the Policy (name and version) that made it,
// and Reasons a person can read: which rule fired on which figures.
type Result struct {
	Grade   string          `json:"grade,omitempty"`
	Points  decimal.Decimal `json:"points"`
	Policy  string          `json:"policy,omitempty"`
	Reasons []string        `json:"reasons,omitempty"`
}

// IsZero reports whether r is the zero Result, "not evaluated".
func (r Result) IsZero() bool {
	return r.Grade == "" && r.Points.IsZero() && r.Policy == "" && len(r.Reasons) == 0
}

type resultJSON struct {
	Grade   string      `json:"grade,omitempty"`
	Points  jsonDecimal `json:"points"`
	Policy  string      `json:"policy,omitempty"`
	Reasons []string    `json:"reasons,omitempty"`
}

// MarshalJSON writes Points as a JSON string in its shortest exact form,
// whatever decimal's package settings are.
func (r Result) MarshalJSON() ([]byte, error) {
	return json.Marshal(resultJSON{r.Grade, jsonDecimal(r.Points), r.Policy, r.Reasons})
}

// Evaluator grades the facts of one unit's answer to one matter.
//
// Evaluate may be called concurrently from several goroutines; an
// implementation that keeps state must guard it. It must be deterministic:
// the same Facts give the same Result.
//
// Evaluate must not change Facts.Attrs or keep a reference to it after it
// returns: the caller owns the map and may reuse it. The Result it returns,
// including Reasons, belongs to the caller.
//
// A Result is one of three things:
//   - a grade: Grade is a code of the evaluator's scale, Points are exactly
//     that grade's points, Policy names the policy and its version, and
//     Reasons say why (at least one);
//   - the zero Result with a nil error: the evaluator has nothing to say
//     about these facts (a combinator such as [First] asks the next one);
//   - the zero Result with an error: the evaluator refuses, for instance
//     because a required figure is missing. The error says why.
//
// Evaluate must not panic, whatever the Facts (including the zero Facts).
// Package scoringtest checks all of this for a host's evaluator.
type Evaluator interface {
	Evaluate(Facts) (Result, error)
}

// EvaluatorFunc adapts an ordinary function to [Evaluator]. It is as safe
// for concurrent use as the function is.
type EvaluatorFunc func(Facts) (Result, error)

// Evaluate calls f(x).
func (f EvaluatorFunc) Evaluate(x Facts) (Result, error) { return f(x) }

// Discard returns an evaluator that evaluates nothing: it returns the zero
// Result and no error for every Facts. It is safe for concurrent use.
func Discard() Evaluator { return discard{} }

type discard struct{}

func (discard) Evaluate(Facts) (Result, error) { return Result{}, nil }

// First returns an evaluator that asks each of es in turn and returns the
// first Result that is not zero. An evaluator that refuses (returns an
// error) or returns the zero Result passes the facts on to the next. When
// none gives a Result, First returns the zero Result, and, if any refused,
// an error wrapping [ErrRefused] and every refusal. Nil evaluators are
// skipped. First copies es; it is safe for concurrent use when every
// evaluator of es is.
func First(es ...Evaluator) Evaluator {
	c := make(first, 0, len(es))
	for _, e := range es {
		if e != nil {
			c = append(c, e)
		}
	}
	return c
}

// Fallback returns First(primary, fallback): the fallback evaluates what
// the primary refuses or leaves unevaluated.
func Fallback(primary, fallback Evaluator) Evaluator { return First(primary, fallback) }

type first []Evaluator

func (c first) Evaluate(f Facts) (Result, error) {
	var errs []error
	for i, e := range c {
		r, err := e.Evaluate(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("evaluator %d: %w", i, err))
			continue
		}
		if !r.IsZero() {
			return r, nil
		}
	}
	if len(errs) > 0 {
		return Result{}, fmt.Errorf("%w: matter %q, subject %q: %w", ErrRefused, f.Matter, f.Subject, errors.Join(errs...))
	}
	return Result{}, nil
}

// Part is one evaluator of a [Weighted] combination with its name and
// weight.
type Part struct {
	Name      string
	Weight    decimal.Decimal
	Evaluator Evaluator
}

// Options configure [Weighted]. A nil *Options, and each zero field, means
// the default.
type Options struct {
	// Scale grades the combined points; nil means DefaultScale().
	Scale Scale
	// Policy names the combination in each Result; "" means "weighted".
	Policy string
}

// Weighted returns an evaluator that asks every part, combines their points
// exactly as Σ weight × points, and grades the sum back onto the scale with
// [Scale.Floor]: the Result is the grade with the most points not above
// the sum (the lowest grade when the sum is below them all), with exactly
// that grade's points. The Reasons give each part's grade and the exact sum.
//
// The weights must be non-negative and sum to exactly 1, the names unique
// and not empty, and every evaluator non-nil; otherwise Weighted returns an
// error wrapping [ErrWeights] or [ErrInvalid] that names every bad part.
// When a part refuses or returns the zero Result, the combination refuses
// with an error wrapping [ErrRefused] that names the part. Weighted copies
// parts; it is safe for concurrent use when every part's evaluator is.
func Weighted(parts []Part, opts *Options) (Evaluator, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Policy == "" {
		o.Policy = "weighted"
	}
	if len(o.Scale) == 0 {
		o.Scale = DefaultScale()
	} else {
		o.Scale = append(Scale(nil), o.Scale...)
	}
	var errs []error
	if err := o.Scale.Validate(); err != nil {
		errs = append(errs, err)
	}
	w := make(Weights, len(parts))
	for i, p := range parts {
		if p.Name == "" {
			errs = append(errs, fmt.Errorf("%w: part %d has no name", ErrInvalid, i))
		}
		if _, dup := w[p.Name]; dup {
			errs = append(errs, fmt.Errorf("%w: part %d repeats the name %q", ErrInvalid, i, p.Name))
		}
		if p.Evaluator == nil {
			errs = append(errs, fmt.Errorf("%w: part %q has no evaluator", ErrInvalid, p.Name))
		}
		w[p.Name] = p.Weight
	}
	if err := w.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &weighted{parts: append([]Part(nil), parts...), o: o}, nil
}

type weighted struct {
	parts []Part
	o     Options
}

func (c *weighted) Evaluate(f Facts) (Result, error) {
	sum := decimal.Zero
	reasons := make([]string, 0, len(c.parts)+1)
	for _, p := range c.parts {
		r, err := p.Evaluator.Evaluate(f)
		if err != nil {
			return Result{}, fmt.Errorf("%w: part %q on matter %q: %w", ErrRefused, p.Name, f.Matter, err)
		}
		if r.IsZero() {
			return Result{}, fmt.Errorf("%w: part %q did not evaluate matter %q", ErrRefused, p.Name, f.Matter)
		}
		sum = sum.Add(p.Weight.Mul(r.Points))
		reasons = append(reasons, fmt.Sprintf("part %q (weight %s): %s %s by %s", p.Name,
			formatDecimal(p.Weight), r.Grade, formatDecimal(r.Points), r.Policy))
	}
	g, _ := c.o.Scale.Floor(sum)
	var b strings.Builder
	fmt.Fprintf(&b, "weighted sum %s → %s %s", formatDecimal(sum), g.Code, formatDecimal(g.Points))
	reasons = append(reasons, b.String())
	return Result{Grade: g.Code, Points: g.Points, Policy: c.o.Policy, Reasons: reasons}, nil
}
