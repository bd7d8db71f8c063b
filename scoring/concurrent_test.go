package scoring_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
)

// TestConcurrentUse runs, from several goroutines at once, what the
// package documents as safe for concurrent use; go test -race checks it.
func TestConcurrentUse(t *testing.T) {
	const goroutines, each = hardening.Goroutines, hardening.Each
	from := time.Date(2020, 1, 1, 9, 0, 0, 0, hardening.CST)
	book, other := scoring.NewBook(nil), scoring.NewBook(nil)
	evaluation := func(g, i int) scoring.Evaluation {
		return scoring.Evaluation{Matter: fmt.Sprintf("M%d-%d", g, i), Subject: fmt.Sprint("D", i%3), Evaluator: "S", At: from.Add(time.Duration(i) * time.Hour),
			Result: scoring.Result{Grade: "good", Points: decimal.New(85, 0)}}
	}
	hardening.Concurrently(t, "one Book from many goroutines, merged both ways", func(g, i int) {
		if err := book.Record(evaluation(g, i)); err != nil {
			panic(err)
		}
		o := evaluation(g+goroutines, i)
		_ = other.Record(o)
		_ = book.Amend(scoring.Amendment{Evaluation: evaluation(g, i), Author: "A", Reason: "R"})
		_ = book.Scores(scoring.Year(2020))
		_ = book.Evaluations()
		if i%10 == 0 {
			a, b := scoring.NewBook(nil), scoring.NewBook(nil)
			_ = a.Record(evaluation(g, i))
			_ = b.Record(evaluation(g+2*goroutines, i))
			go func() { _ = a.Merge(b) }()
			_ = b.Merge(a)
		}
	})
	if got := book.Len(); got != goroutines*each {
		t.Errorf("the book holds %d evaluations, want %d", got, goroutines*each)
	}

	table := wuhu.Table()
	first := scoring.First(table, scoring.First())
	yes := true
	plain := []scoring.Facts{{}, {Matter: "M", Subject: "D", Evaluator: "S", Final: true, Response: time.Hour, ResponseLimit: 2 * time.Hour,
		Resolution: 50 * time.Hour, ResolutionLimit: 24 * time.Hour, Responded: true, Resolved: true, Quality: 4, Satisfied: &yes}}
	hardening.Agree(t, "one Table and a First evaluator", func(g, i int) any {
		var got []any
		for _, f := range plain {
			r, err := table.Evaluate(f)
			fr, ferr := first.Evaluate(f)
			got = append(got, r, fmt.Sprint(err), fr, fmt.Sprint(ferr))
		}
		return got
	})
}

// TestEvaluatorsConcurrent grades the same facts from several goroutines
// at once with one compiled table — by Evaluate, and by EvaluateInto into
// each goroutine's own Result — with one Weighted combination of it and
// the table, and compiles and writes out the table meanwhile;
// go test -race checks what they share, and each call returns what it
// returns alone.
func TestEvaluatorsConcurrent(t *testing.T) {
	table := wuhu.Table()
	compiled, err := table.Compile()
	if err != nil {
		t.Fatal(err)
	}
	weighted, err := scoring.Weighted("half and half", table.Scale, []scoring.Part{
		{Name: "table", Weight: decimal.New(5, -1), Evaluator: table}, {Name: "compiled", Weight: decimal.New(5, -1), Evaluator: compiled}})
	if err != nil {
		t.Fatal(err)
	}
	facts := variedFacts(hardening.Goroutines * hardening.Each)
	var into [hardening.Goroutines]scoring.Result // each goroutine's own, reused
	hardening.Agree(t, "one compiled table, EvaluateInto, Weighted, and the table's Compile and JSON", func(g, i int) any {
		f := facts[g*hardening.Each+i]
		r, err := compiled.Evaluate(f)
		ierr := scoring.EvaluateInto(compiled, &into[g], f)
		w, werr := weighted.Evaluate(f)
		got := []any{r, fmt.Sprint(err), fmt.Sprint(into[g]), fmt.Sprint(ierr), w, fmt.Sprint(werr)}
		if i%10 == 0 { // Compile validates the table: an exhaustive check, slow under -race
			again, cerr := table.Compile()
			var ar scoring.Result
			if cerr == nil {
				ar, _ = again.Evaluate(f)
			}
			js, jerr := json.Marshal(table)
			got = append(got, ar, fmt.Sprint(cerr), string(js), fmt.Sprint(jerr))
		}
		return got
	})
}
