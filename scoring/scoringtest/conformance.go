package scoringtest

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"sync"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/scoring"
)

// ErrViolation is wrapped by every violation [TestEvaluator] reports.
var ErrViolation = errors.New("scoringtest: evaluator breaks the contract")

// Config configures [TestEvaluatorWith]. A nil *Config, and each zero
// field, means the default.
type Config struct {
	// Facts are evaluated besides the zero Facts, which is always first;
	// nil means [SampleFacts].
	Facts []scoring.Facts
	// Goroutines evaluate each Facts at once to check concurrent use; 0
	// means 4.
	Goroutines int
}

// TestEvaluator checks e against the contract of scoring.Evaluator over
// the zero Facts and [SampleFacts], on scale, the evaluator's. It returns
// nil, or every violation joined, each wrapping [ErrViolation] and naming
// the facts:
//
//   - Evaluate panics (the panic is recovered and reported);
//   - two calls with the same facts give different results, or one
//     refuses and the other does not; so do calls from several goroutines
//     at once (run the test with -race to catch data races too);
//   - a refusal (an error) comes with a Result that is not zero;
//   - a Result that is not zero has a grade that is not on the scale,
//     Points other than exactly that grade's points, no Policy, or no
//     Reasons (or an empty one);
//   - Evaluate changes Facts.Attrs.
//
// The zero Result with a nil error ("not evaluated") is allowed.
func TestEvaluator(e scoring.Evaluator, scale scoring.Scale) error {
	return TestEvaluatorWith(e, scale, nil)
}

// TestEvaluatorWith is [TestEvaluator] with a configuration.
func TestEvaluatorWith(e scoring.Evaluator, scale scoring.Scale, c *Config) error {
	var cfg Config
	if c != nil {
		cfg = *c
	}
	if cfg.Facts == nil {
		cfg.Facts = SampleFacts()
	}
	if cfg.Goroutines <= 0 {
		cfg.Goroutines = 4
	}
	if e == nil {
		return fmt.Errorf("%w: nil evaluator", ErrViolation)
	}
	var errs []error
	for i, f := range append([]scoring.Facts{{}}, cfg.Facts...) {
		name := "the zero Facts"
		if i > 0 {
			name = fmt.Sprintf("facts[%d] (matter %q)", i-1, f.Matter)
		}
		bad := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("%w: %s: %s", ErrViolation, name, fmt.Sprintf(format, args...)))
		}
		attrs := maps.Clone(f.Attrs)
		r, p, err := evaluate(e, f)
		if p != nil {
			bad("Evaluate panicked: %v", p)
			continue
		}
		if !maps.Equal(attrs, f.Attrs) {
			bad("Evaluate changed Facts.Attrs")
			f.Attrs = maps.Clone(attrs)
		}
		r2, p2, err2 := evaluate(e, f)
		if p2 != nil || (err == nil) != (err2 == nil) || !cmp.Equal(r, r2) {
			bad("not deterministic: %s, %v, then %s, %v", brief(r), err, brief(r2), err2)
		}
		if !concurrent(e, f, r, err, cfg.Goroutines) {
			bad("not deterministic when called from %d goroutines at once", cfg.Goroutines)
		}
		if err != nil {
			if !r.IsZero() {
				bad("refused (%v) but returned %s", err, brief(r))
			}
			continue
		}
		if r.IsZero() {
			continue // not evaluated
		}
		g, ok := scale.Grade(r.Grade)
		switch {
		case r.Grade == "":
			bad("a Result with no grade")
		case !ok:
			bad("grade %q is not on the scale", r.Grade)
		case !r.Points.Equal(g.Points):
			bad("grade %q with %s points, not exactly its %s", r.Grade, r.Points.String(), g.Points.String())
		}
		if r.Policy == "" {
			bad("a Result with no Policy")
		}
		if len(r.Reasons) == 0 {
			bad("a Result with no Reasons")
		}
		for j, s := range r.Reasons {
			if s == "" {
				bad("Reasons[%d] is empty", j)
			}
		}
	}
	return errors.Join(errs...)
}

// concurrent evaluates f from n goroutines at once and reports whether
// every call agrees with r and err.
func concurrent(e scoring.Evaluator, f scoring.Facts, r scoring.Result, err error, n int) bool {
	var wg sync.WaitGroup
	ok := make([]bool, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := f
			g.Attrs = maps.Clone(f.Attrs)
			r2, p, err2 := evaluate(e, g)
			ok[i] = p == nil && (err == nil) == (err2 == nil) && cmp.Equal(r, r2)
		}()
	}
	wg.Wait()
	for _, v := range ok {
		if !v {
			return false
		}
	}
	return true
}

// SampleFacts returns the facts TestEvaluator tries besides the zero
// Facts: on time and late, never responded, returned, staged, without
// limits, with negative and huge durations, with quality out of range,
// with and without an answer from the citizen, with attributes. Each call
// returns new values.
func SampleFacts() []scoring.Facts {
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
