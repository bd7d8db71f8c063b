package scoring_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// TestEvaluateIntoGradesAsEvaluate grades varied and edge facts, one after
// another, into one Result with each table's compiled evaluator: after
// each call the Result is what Table.Evaluate gives, reasons, checks,
// figures and places included, and the errors are the same. The facts
// move between rules of no checks, of one or two, and of four (more than
// a reason holds inline), and between four figures and more.
func TestEvaluateIntoGradesAsEvaluate(t *testing.T) {
	facts := append(variedFacts(20000), edgeFacts()...)
	for _, tbl := range []*scoring.Table{wuhu.Table(), thresholdTable(), hundredthsTable()} {
		compiled, err := tbl.Compile()
		if err != nil {
			t.Fatalf("%s: Compile: %v", tbl.Version, err)
		}
		var dst scoring.Result
		for i, f := range facts {
			want, werr := tbl.Evaluate(f)
			gerr := scoring.EvaluateInto(compiled, &dst, f)
			if diff := cmp.Diff(want, dst, decimalEqual); diff != "" || fmt.Sprint(werr) != fmt.Sprint(gerr) {
				t.Fatalf("%s, facts %d %+v: errors %v, %v; mismatch (-Evaluate +EvaluateInto):\n%s", tbl.Version, i, f, werr, gerr, diff)
			}
		}
	}
}

// TestEvaluateIntoAllocatesOnce: after the first call into a Result, a
// compiled table grades every later facts into it without allocating,
// whatever rule each meets.
func TestEvaluateIntoAllocatesOnce(t *testing.T) {
	for _, tbl := range []*scoring.Table{wuhu.Table(), thresholdTable()} {
		compiled, err := tbl.Compile()
		if err != nil {
			t.Fatal(err)
		}
		facts := variedFacts(4096)
		var dst scoring.Result
		for _, f := range facts { // the first call, and the room for a rule of four checks
			if err := scoring.EvaluateInto(compiled, &dst, f); err != nil {
				t.Fatal(err)
			}
		}
		allocs := testing.AllocsPerRun(3, func() {
			for _, f := range facts {
				if err := scoring.EvaluateInto(compiled, &dst, f); err != nil {
					t.Fatal(err)
				}
			}
		})
		if allocs != 0 {
			t.Errorf("%s: %v allocations grading %d facts into one Result, want 0", tbl.Version, allocs, len(facts))
		}
	}
}

// cloneResult returns a copy of r that shares no memory with it.
func cloneResult(r scoring.Result) scoring.Result {
	r.Reasons = slices.Clone(r.Reasons)
	for i := range r.Reasons {
		r.Reasons[i].Checks = slices.Clone(r.Reasons[i].Checks)
		r.Reasons[i].Figures = slices.Clone(r.Reasons[i].Figures)
	}
	return r
}

// TestEvaluateIntoLeavesForeignMemory: a Result that dst got elsewhere —
// from Evaluate, from a host's evaluator, from a Book, with a reason
// appended — is never written over; EvaluateInto replaces it.
func TestEvaluateIntoLeavesForeignMemory(t *testing.T) {
	tbl := thresholdTable()
	compiled, err := tbl.Compile()
	if err != nil {
		t.Fatal(err)
	}
	facts := edgeFacts()
	book := scoring.NewBook(nil)
	at := time.Date(2020, 6, 3, 17, 0, 0, 0, time.UTC)
	for i, f := range facts {
		f.Matter, f.Subject, f.Evaluator = fmt.Sprint("M", i), "S", "E"
		r, err := tbl.Evaluate(f)
		if err != nil {
			continue
		}
		if err := book.Record(f.Evaluation(at, r)); err != nil {
			t.Fatal(err)
		}
	}
	var fromBook []scoring.Result
	for e := range book.All() {
		fromBook = append(fromBook, e.Result)
	}
	figures := make([]reason.Figure, 8)
	kept := []scoring.Result{
		{Reasons: []reason.Reason{{Rule: 1, Checks: []reason.Check{{Of: reason.Stage, Op: reason.Is}}, Figures: figures}}},
		{Reasons: append(make([]reason.Reason, 0, 2), reason.Reason{Rule: 1, Figures: figures})},
	}
	kept = append(kept, fromBook...)
	for _, f := range facts {
		r, err := compiled.Evaluate(f)
		if err == nil {
			kept = append(kept, r)
		}
	}
	var withAppended scoring.Result
	if err := scoring.EvaluateInto(compiled, &withAppended, facts[0]); err != nil {
		t.Fatal(err)
	}
	withAppended.Reasons = append(withAppended.Reasons, reason.Text("the host's own"))
	kept = append(kept, withAppended)
	for i, k := range kept {
		before := cloneResult(k)
		for _, f := range facts {
			dst := k
			_ = scoring.EvaluateInto(compiled, &dst, f)
		}
		if diff := cmp.Diff(before, k, decimalEqual); diff != "" {
			t.Errorf("result %d: EvaluateInto wrote over memory it did not make; mismatch (-before +after):\n%s", i, diff)
		}
	}
}

// TestEvaluateIntoOtherEvaluators: an evaluator not compiled from a table
// leaves in dst what it returns, error and all.
func TestEvaluateIntoOtherEvaluators(t *testing.T) {
	refuse := errors.New("no figures")
	graded := scoring.Result{Grade: "good", Points: decimal.New(85, 0), Policy: "p-1", Reasons: reason.Texts("given")}
	for _, c := range []struct {
		name    string
		e       scoring.Evaluator
		want    scoring.Result
		wantErr error
	}{
		{"grades", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) { return graded, nil }), graded, nil},
		{"nothing to say", scoring.First(), scoring.Result{}, nil},
		{"refuses", scoring.EvaluatorFunc(func(scoring.Facts) (scoring.Result, error) { return scoring.Result{}, refuse }), scoring.Result{}, refuse},
		{"table", wuhu.Table(), mustEvaluate(t, wuhu.Table(), variedFacts(1)[0]), nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			dst := scoring.Result{Grade: "poor", Reasons: reason.Texts("before")}
			err := scoring.EvaluateInto(c.e, &dst, variedFacts(1)[0])
			if !errors.Is(err, c.wantErr) || (err == nil) != (c.wantErr == nil) {
				t.Errorf("error %v, want %v", err, c.wantErr)
			}
			if diff := cmp.Diff(c.want, dst, decimalEqual); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func mustEvaluate(t *testing.T, e scoring.Evaluator, f scoring.Facts) scoring.Result {
	t.Helper()
	r, err := e.Evaluate(f)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestEvaluateIntoMisuse: a nil evaluator or a nil Result is the caller's
// mistake, and panics saying so.
func TestEvaluateIntoMisuse(t *testing.T) {
	compiled, err := wuhu.Table().Compile()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		call func()
		want string
	}{
		{"nil evaluator", func() { _ = scoring.EvaluateInto(nil, new(scoring.Result), scoring.Facts{}) }, "nil Evaluator"},
		{"nil result", func() { _ = scoring.EvaluateInto(compiled, nil, scoring.Facts{}) }, "nil *Result"},
	} {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				if msg := fmt.Sprint(recover()); !strings.Contains(msg, c.want) {
					t.Errorf("panic %q, want one saying %q", msg, c.want)
				}
			}()
			c.call()
		})
	}
}
