package scoringtest

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"sync"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/scoring"
)

// goroutines is how many goroutines evaluate the same facts at once.
const goroutines = 4

// TestEvaluator checks e against the contract of scoring.Evaluator, with
// scale the scale e grades on. It evaluates the zero Facts, samples of its
// own — on time and late, never responded, returned, staged, without
// limits, with negative and huge durations, with quality out of range,
// with and without an answer from the citizen, with attributes — and then
// facts, the caller's: those that reach what the samples do not, such as
// facts that carry the Attrs the evaluator needs. It returns nil, or every
// violation joined, each naming the facts ("the zero Facts", `sample 2
// (matter "never responded")`, `facts[0] (matter "M1")`):
//
//   - Evaluate panics (the panic is recovered and reported);
//   - two calls with the same facts give different results, or one
//     refuses and the other does not, or a later call panics (facts with
//     two or more Attrs are evaluated 64 times, as ranging over a map
//     gives its keys in another order each time); so do calls from
//     several goroutines at once (run the test with -race to catch data
//     races too);
//   - a refusal (an error) comes with a Result that is not zero;
//   - a Result that is not zero has a grade that is not on scale, Points
//     other than exactly that grade's points, no Policy (or one that is
//     not valid UTF-8 or longer than 4 MiB), or no Reasons (or an empty
//     one, or one that fails reason.Reason.Validate): a book refuses such
//     a policy or reason, as JSON could not read it back;
//   - Evaluate changes Facts.Attrs or the answer Facts.Satisfied points
//     to, while it runs or, having kept them, on a later call;
//   - two calls return results that share memory (the same Reasons, or
//     the same Checks or Figures of a reason): the caller owns the Result
//     it gets and may change it.
//
// The zero Result with a nil error ("not evaluated") is allowed. An empty
// scale allows no grade. TestEvaluator panics if e is nil.
func TestEvaluator(e scoring.Evaluator, scale scoring.Scale, facts ...scoring.Facts) error {
	if e == nil {
		panic("scoringtest: TestEvaluator: nil scoring.Evaluator")
	}
	var errs []error
	check := func(name string, f scoring.Facts) {
		bad := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("scoringtest: %s: %s", name, fmt.Sprintf(format, args...)))
		}
		if r, ok, err := checkCalls(e, f, bad); ok {
			checkResult(scale, r, err, bad)
		}
	}
	check("the zero Facts", scoring.Facts{})
	for i, f := range samples() {
		check(fmt.Sprintf("sample %d (matter %q)", i, f.Matter), f)
	}
	for i, f := range facts {
		check(fmt.Sprintf("facts[%d] (matter %q)", i, f.Matter), f)
	}
	return errors.Join(errs...)
}

// checkCalls evaluates f with e, reporting through bad a panic, a call
// that disagrees with the first, alone or from several goroutines at once,
// a change to what the facts refer to and memory two results share. It
// returns the first call's result, and ok false when it panicked. Each
// call gets its own [fresh] copy of the facts, which is compared with f
// after the call and again after all the calls: an evaluator must neither
// change them nor keep them.
func checkCalls(e scoring.Evaluator, f scoring.Facts, bad func(format string, args ...any)) (r scoring.Result, ok bool, err error) {
	first := fresh(f)
	r, p, err := evaluate(e, first)
	if p != nil {
		bad("Evaluate panicked: %v", p)
		return r, false, err
	}
	changedNow := changed(f, first)
	if changedNow != "" {
		bad("Evaluate changed %s", changedNow)
	}
	for call := 2; call <= calls(f); call++ {
		r2, p2, err2 := evaluate(e, fresh(f))
		if p2 != nil {
			bad("Evaluate panicked on call %d: %v", call, p2)
			break
		}
		if why := disagree(r, err, r2, err2); why != "" {
			bad("not deterministic: %s", why)
			break
		}
		if what := shared(r, r2); what != "" {
			bad("two calls returned the same %s: the Result must belong to the caller", what)
			break
		}
	}
	if why := concurrent(e, f, r, err); why != "" {
		bad("not deterministic when called from %d goroutines at once: %s", goroutines, why)
	}
	if what := changed(f, first); changedNow == "" && what != "" {
		bad("Evaluate kept %s and changed it after it returned", what)
	}
	return r, true, err
}

// checkResult reports through bad what is wrong with r and err, the first
// result of an evaluator grading on scale.
func checkResult(scale scoring.Scale, r scoring.Result, err error, bad func(format string, args ...any)) {
	if err != nil {
		if !r.IsZero() {
			bad("refused (%v) but returned %s", err, brief(r))
		}
		return
	}
	if r.IsZero() {
		return // not evaluated
	}
	g, ok := scale.Grade(r.Grade)
	switch {
	case r.Grade == "":
		bad("a Result with no grade")
	case !ok:
		bad("grade %q is not on the scale", r.Grade)
	case !r.Points.Equal(g.Points):
		bad("grade %q with %s points, not exactly its %s", r.Grade, jsonx.FormatDecimal(r.Points), jsonx.FormatDecimal(g.Points))
	}
	switch {
	case r.Policy == "":
		bad("a Result with no Policy")
	case !jsonx.TextFits(r.Policy):
		bad("Policy %s is not valid UTF-8 or is longer than %d bytes: a book refuses it, as JSON could not keep it", errtext.Quote(r.Policy), jsonx.MaxString)
	}
	if len(r.Reasons) == 0 {
		bad("a Result with no Reasons")
	}
	for j, s := range r.Reasons {
		if s.IsZero() {
			bad("Reasons[%d] is empty", j)
		} else if err := s.Validate(); err != nil {
			bad("Reasons[%d] would not read back from JSON, and a book refuses it: %v", j, err)
		}
	}
}

// calls is how many times checkCalls evaluates f one call after another:
// twice, or, when f has Attrs enough to range over in another order, as
// many times as make it all but sure that an evaluator that depends on
// that order gives two results.
func calls(f scoring.Facts) int {
	if len(f.Attrs) < 2 {
		return 2
	}
	return 64
}

// disagree says how r2, err2 differ from r, err, the first call's, or
// returns "" when they agree.
func disagree(r scoring.Result, err error, r2 scoring.Result, err2 error) string {
	if (err == nil) != (err2 == nil) || !cmp.Equal(r, r2) {
		return fmt.Sprintf("%s, %v, then %s, %v", brief(r), err, brief(r2), err2)
	}
	return ""
}

// concurrent evaluates f from several goroutines at once and says how a
// call disagrees with r and err, the first call's, or returns "" when
// every call agrees.
func concurrent(e scoring.Evaluator, f scoring.Facts, r scoring.Result, err error) string {
	var wg sync.WaitGroup
	why := make([]string, goroutines)
	for i := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r2, p, err2 := evaluate(e, fresh(f))
			if p != nil {
				why[i] = fmt.Sprintf("Evaluate panicked: %v", p)
			} else {
				why[i] = disagree(r, err, r2, err2)
			}
		}()
	}
	wg.Wait()
	for _, w := range why {
		if w != "" {
			return w
		}
	}
	return ""
}

// fresh returns f with its own copy of what it refers to: the Attrs map
// and the answer Satisfied points to.
func fresh(f scoring.Facts) scoring.Facts {
	f.Attrs = maps.Clone(f.Attrs)
	if f.Satisfied != nil {
		f.Satisfied = new(*f.Satisfied)
	}
	return f
}

// changed names what of g, a [fresh] copy of f passed to Evaluate, differs
// from f: "Facts.Attrs", "*Facts.Satisfied", or "" for nothing.
func changed(f, g scoring.Facts) string {
	switch {
	case !maps.Equal(f.Attrs, g.Attrs):
		return "Facts.Attrs"
	case f.Satisfied != nil && *f.Satisfied != *g.Satisfied:
		return "*Facts.Satisfied"
	}
	return ""
}

// shared names the memory two results of two calls share — "Reasons",
// "Reasons[0].Checks", "Reasons[0].Figures" — or returns "" when they
// share none: the caller owns a Result and may change it, which must not
// change another.
func shared(a, b scoring.Result) string {
	if same(a.Reasons, b.Reasons) {
		return "Reasons"
	}
	for i := range min(len(a.Reasons), len(b.Reasons)) {
		switch {
		case same(a.Reasons[i].Checks, b.Reasons[i].Checks):
			return fmt.Sprintf("Reasons[%d].Checks", i)
		case same(a.Reasons[i].Figures, b.Reasons[i].Figures):
			return fmt.Sprintf("Reasons[%d].Figures", i)
		}
	}
	return ""
}

// same reports whether a and b, both not empty, begin at the same element.
func same[E any](a, b []E) bool { return len(a) > 0 && len(b) > 0 && &a[0] == &b[0] }

// samples returns the facts TestEvaluator tries besides the zero Facts and
// the caller's. Each call returns new values.
func samples() []scoring.Facts {
	yes, no := true, false
	h := time.Hour
	return []scoring.Facts{
		{Matter: "on time", Subject: "D1", Evaluator: "S1", Type: "占道经营", Final: true, Responded: true, Resolved: true,
			Response: 2 * h, ResponseLimit: 4 * h, Resolution: 40 * h, ResolutionLimit: 72 * h, Quality: 5, Satisfied: &yes},
		{Matter: "late", Subject: "D1", Evaluator: "S1", Final: true, Responded: true, Resolved: true,
			Response: 6 * h, ResponseLimit: 4 * h, Resolution: 100 * h, ResolutionLimit: 72 * h, Quality: 3, Satisfied: &no},
		{Matter: "never responded", Subject: "D2", Evaluator: "S1", Response: 30 * h, ResponseLimit: 4 * h, ResolutionLimit: 72 * h},
		{Matter: "returned", Subject: "D3", Evaluator: "S1", Returned: true, Response: h, ResponseLimit: 4 * h},
		{Matter: "stage", Subject: "D1", Evaluator: "S1", Stage: 2, Responded: true, Response: h, ResponseLimit: 4 * h,
			Resolution: 30 * h, ResolutionLimit: 72 * h, Quality: 4},
		{Matter: "no limits", Subject: "D1", Responded: true, Resolved: true, Final: true, Response: h, Resolution: h},
		{Matter: "negative", Subject: "D1", Responded: true, Resolved: true, Response: -h, ResponseLimit: -h, Resolution: -h, ResolutionLimit: -h, Quality: -3},
		{Matter: "huge", Subject: "D1", Responded: true, Resolved: true, Response: math.MaxInt64, ResponseLimit: 1,
			Resolution: 1, ResolutionLimit: math.MaxInt64, Quality: 9, Stage: math.MaxInt},
		{Matter: "attrs", Subject: "D1", Responded: true, Attrs: map[string]string{"units": "3", "answered": "2", "": "\x00"}},
	}
}
