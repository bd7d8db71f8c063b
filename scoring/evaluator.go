package scoring

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/internal/weights"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// Result is an evaluator's verdict on one set of [Facts].
//
// The zero Result means "not evaluated" — never "pass", never 0 points. A
// Result that was evaluated names its Grade (a code of the evaluator's
// scale), that grade's Points, the Policy (name and version) that made it,
// and Reasons: which rule fired, the comparisons it made and the figures
// it saw, as data a host shows without parsing text (see package reason),
// each written as a sentence in its language when asked for.
type Result struct {
	Grade   string          `json:"grade,omitempty"`
	Points  decimal.Decimal `json:"points"`
	Policy  string          `json:"policy,omitempty"`
	Reasons []reason.Reason `json:"reasons,omitempty"`
}

// IsZero reports whether r is the zero Result, "not evaluated".
func (r Result) IsZero() bool {
	return r.Grade == "" && r.Points.IsZero() && r.Policy == "" && len(r.Reasons) == 0
}

// MarshalJSON writes Points as a JSON string in its shortest exact form,
// whatever decimal's package settings are.
//
// The keys keep the order of the fields: a journal hashes evaluations as
// they are written, so the form is spelt out here rather than shadowed in
// an embedded copy, which would move "points" to the end.
func (r Result) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Grade   string          `json:"grade,omitempty"`
		Points  jsonx.Decimal   `json:"points"`
		Policy  string          `json:"policy,omitempty"`
		Reasons []reason.Reason `json:"reasons,omitempty"`
	}{Grade: r.Grade, Points: jsonx.Decimal(r.Points), Policy: r.Policy, Reasons: r.Reasons})
}

// resultFields has the fields of a Result and none of its methods.
type resultFields Result

// UnmarshalJSON reads what MarshalJSON writes, strictly (a field Result
// does not have, a key given twice or in another case, text that is not
// UTF-8, points not in the plain form of at most 64 characters, such as
// "91.5", are errors), whatever decimal's package settings are. Null
// leaves r alone. Errors wrap [ErrInvalid].
func (r *Result) UnmarshalJSON(b []byte) error {
	var w resultWire
	return jsonx.UnmarshalVia(b, &w, ErrInvalid, "result", func() { *r = w.result() })
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

// EvaluateInto grades f with e and leaves the Result in *dst, as
// *dst, err = e.Evaluate(f) would; on an error *dst is the zero Result
// when e is a compiled table, and what e returned otherwise.
//
// An evaluator made by [Table.Compile] allocates its reason's memory on
// the first call into dst and writes each later reason into that memory,
// instead of allocating on each call: a host that grades many facts into
// one Result, and records each in a [Book] (which copies what it records)
// before the next, allocates nothing per evaluation after the first. The
// next call overwrites that memory, so a Result kept from an earlier call
// must not share it: record it, or copy its Reasons and their Checks and
// Figures, first. Memory that dst got elsewhere (from another evaluator,
// a Book, JSON) is never written over: the first call replaces it. Other
// evaluators allocate as Evaluate does. It panics if e or dst is nil.
func EvaluateInto(e Evaluator, dst *Result, f Facts) error {
	switch {
	case e == nil:
		panic("scoring: EvaluateInto: nil Evaluator")
	case dst == nil:
		panic("scoring: EvaluateInto: nil *Result")
	}
	if c, ok := e.(*compiled); ok {
		return c.evaluateInto(dst, &f)
	}
	r, err := e.Evaluate(f)
	*dst = r
	return err
}

// EvaluatorFunc adapts an ordinary function to [Evaluator]. It is as safe
// for concurrent use as the function is.
type EvaluatorFunc func(Facts) (Result, error)

// Evaluate calls f(x).
func (f EvaluatorFunc) Evaluate(x Facts) (Result, error) { return f(x) }

// First returns an evaluator that asks each of es in turn and returns the
// first Result that is not zero: a later evaluator grades what the earlier
// ones refuse or leave unevaluated. An evaluator that refuses (returns an
// error) or returns the zero Result passes the facts on to the next. When
// none gives a Result, First returns the zero Result, and, if any refused,
// an error wrapping [ErrRefused] and every refusal. First copies es; it is
// safe for concurrent use when every evaluator of es is. It panics if an
// evaluator of es is nil.
func First(es ...Evaluator) Evaluator {
	for i, e := range es {
		if e == nil {
			panic(fmt.Sprintf("scoring: First: nil Evaluator at %d", i))
		}
	}
	return first(append([]Evaluator(nil), es...))
}

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
		return Result{}, fmt.Errorf("%w: matter %s, subject %s: %w", ErrRefused, errtext.Quote(f.Matter), errtext.Quote(f.Subject), errors.Join(errs...))
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

// Weighted returns an evaluator that asks every part, combines their points
// exactly as Σ weight × points, and grades the sum back onto scale with
// [Scale.Floor]: the Result is the grade with the most points not above
// the sum (the lowest grade when the sum is below them all), with exactly
// that grade's points. Its Policy is policy, or "weighted" when policy is
// empty; its Reasons give each part's grade and the exact sum.
//
// The scale must pass [Scale.Validate], the weights must be non-negative
// and sum to exactly 1 (over every part given), each no longer than 64
// characters written out, and the names must be unique and not empty;
// otherwise Weighted returns an error wrapping [ErrInvalid] that names
// every problem. When a part refuses or returns the zero Result, the
// combination refuses with an error wrapping [ErrRefused] that names the
// part. Weighted copies scale and parts; it is safe for concurrent use
// when every part's evaluator is. It panics if a part's evaluator is nil.
func Weighted(policy string, scale Scale, parts []Part) (Evaluator, error) {
	for _, p := range parts {
		if p.Evaluator == nil {
			panic(fmt.Sprintf("scoring: Weighted: nil Evaluator in part %s", errtext.Quote(p.Name)))
		}
	}
	if policy == "" {
		policy = "weighted"
	}
	var errs []error
	if err := scale.Validate(); err != nil {
		errs = append(errs, err)
	}
	seen := make(map[string]bool, len(parts))
	for i, p := range parts {
		if seen[p.Name] && p.Name != "" {
			errs = append(errs, fmt.Errorf("%w: part %d repeats the name %s", ErrInvalid, i, errtext.Quote(p.Name)))
		}
		seen[p.Name] = true
	}
	all := func(yield func(string, decimal.Decimal) bool) {
		for _, p := range parts {
			if !yield(p.Name, p.Weight) {
				return
			}
		}
	}
	for _, err := range weights.CheckParts(all) {
		errs = append(errs, fmt.Errorf("%w: %w", ErrInvalid, err))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &weighted{policy: policy, scale: append(Scale(nil), scale...), parts: append([]Part(nil), parts...)}, nil
}

type weighted struct {
	policy string
	scale  Scale
	parts  []Part
}

func (c *weighted) Evaluate(f Facts) (Result, error) {
	sum := decimal.Zero
	reasons := make([]reason.Reason, 0, len(c.parts)+1)
	for _, p := range c.parts {
		r, err := p.Evaluator.Evaluate(f)
		if err != nil {
			return Result{}, fmt.Errorf("%w: part %s on matter %s: %w", ErrRefused, errtext.Quote(p.Name), errtext.Quote(f.Matter), err)
		}
		if r.IsZero() {
			return Result{}, fmt.Errorf("%w: part %s did not evaluate matter %s", ErrRefused, errtext.Quote(p.Name), errtext.Quote(f.Matter))
		}
		if !jsonx.DecimalFits(r.Points) { // a sum of such points, and its reason, could take any memory
			return Result{}, fmt.Errorf("%w: part %s gave matter %s points over %d characters long", ErrRefused, errtext.Quote(p.Name), errtext.Quote(f.Matter), jsonx.MaxDecimalLen)
		}
		sum = sum.Add(p.Weight.Mul(r.Points))
		reasons = append(reasons, reason.Text(fmt.Sprintf("part %q (weight %s): %s %s by %s", p.Name,
			jsonx.FormatDecimal(p.Weight), r.Grade, jsonx.FormatDecimal(r.Points), r.Policy)))
	}
	g, _ := c.scale.Floor(sum)
	reasons = append(reasons, reason.Text(fmt.Sprintf("weighted sum %s → %s %s", jsonx.FormatDecimal(sum), g.Code, jsonx.FormatDecimal(g.Points))))
	return Result{Grade: g.Code, Points: g.Points, Policy: c.policy, Reasons: reasons}, nil
}
