package scoringtest

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
)

// graded is a sound Result of testScale's grade g, with fresh reasons.
func graded(g string) scoring.Result {
	s, _ := testScale.Grade(g)
	return scoring.Result{Grade: g, Points: s.Points, Policy: "broken-1", Reasons: reason.Texts("r")}
}

// TestTestEvaluatorCatchesBroken: each evaluator breaks one promise of
// scoring.Evaluator that the earlier checks let pass, and TestEvaluator
// reports it, every time, naming the facts and the promise.
func TestTestEvaluatorCatchesBroken(t *testing.T) {
	kept := reason.Texts("kept")
	for _, tt := range []struct {
		name string
		e    func() scoring.Evaluator // a new one each run: some keep state
		want []string
	}{
		{"changes the answer Satisfied points to", func() scoring.Evaluator {
			return scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
				if f.Satisfied != nil {
					*f.Satisfied = true // "a late answer counts as satisfied"
				}
				return graded("good"), nil
			})
		}, []string{`scoringtest: sample 1 (matter "late"): Evaluate changed *Facts.Satisfied`}},
		{"keeps Attrs and changes them on a later call", func() scoring.Evaluator {
			var mu sync.Mutex
			var last map[string]string
			return scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
				mu.Lock()
				defer mu.Unlock()
				if last != nil {
					last["seen"] = "yes"
				}
				if f.Attrs != nil {
					last = f.Attrs
				}
				return graded("good"), nil
			})
		}, []string{`scoringtest: sample 8 (matter "attrs"): Evaluate kept Facts.Attrs and changed it after it returned`}},
		{"returns the same Reasons every call", func() scoring.Evaluator {
			return scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
				r := graded("good")
				r.Reasons = kept
				return r, nil
			})
		}, []string{`scoringtest: the zero Facts: two calls returned the same Reasons: the Result must belong to the caller`}},
		{"returns the same Checks every call", func() scoring.Evaluator {
			checks := []reason.Check{{Of: reason.Quality, Op: reason.AtLeast}}
			return scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
				r := graded("good")
				r.Reasons = []reason.Reason{{Text: "r", Checks: checks}}
				return r, nil
			})
		}, []string{`scoringtest: the zero Facts: two calls returned the same Reasons[0].Checks`}},
		{"depends on the order it ranges over Attrs", func() scoring.Evaluator {
			return scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
				for k := range f.Attrs { // the first attribute decides
					if k == "units" {
						return graded("good"), nil
					}
					return graded("poor"), nil
				}
				return graded("fair"), nil
			})
		}, []string{`scoringtest: sample 8 (matter "attrs"): not deterministic`}},
		{"panics on its second call", func() scoring.Evaluator {
			var calls atomic.Int64
			return scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
				if calls.Add(1) == 2 {
					panic("a cache not yet filled")
				}
				return graded("good"), nil
			})
		}, []string{`scoringtest: the zero Facts: Evaluate panicked on call 2: a cache not yet filled`}},
		{"panics when called at once", func() scoring.Evaluator {
			var calls atomic.Int64
			return scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
				if calls.Add(1) == 3 { // the first of the goroutines
					panic("a cache not yet filled")
				}
				return graded("good"), nil
			})
		}, []string{`scoringtest: the zero Facts: not deterministic when called from 4 goroutines at once: Evaluate panicked: a cache not yet filled`}},
		{"grades otherwise when called at once", func() scoring.Evaluator {
			var calls atomic.Int64
			return scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) {
				if calls.Add(1) == 3 {
					return graded("poor"), nil
				}
				return graded("good"), nil
			})
		}, []string{`scoringtest: the zero Facts: not deterministic when called from 4 goroutines at once: good (85 points), <nil>, then poor (40 points), <nil>`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for run := range 20 { // a check that catches by chance fails here
				err := TestEvaluator(tt.e(), testScale)
				if err == nil {
					t.Fatalf("run %d: TestEvaluator = nil, want %q", run, tt.want)
				}
				for _, want := range tt.want {
					if !strings.Contains(err.Error(), want) {
						t.Fatalf("run %d: TestEvaluator error lacks %q:\n%v", run, want, err)
					}
				}
			}
		})
	}
}
