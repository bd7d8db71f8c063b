package scoring_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
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

// TestBookReadersWhileWriting walks a book with All and reads matters
// from it while other goroutines record and amend, and one replaces the
// book's contents from JSON now and then; go test -race checks what they
// share. Every evaluation a walk yields is one that was recorded, as it
// was recorded, once.
func TestBookReadersWhileWriting(t *testing.T) {
	from := time.Date(2020, 1, 1, 9, 0, 0, 0, hardening.CST)
	evaluation := func(prefix string, i int) scoring.Evaluation {
		return scoring.Evaluation{Matter: fmt.Sprintf("%s-%d", prefix, i), Subject: fmt.Sprint("D", i%3), Evaluator: "S", At: from.Add(time.Duration(i) * time.Minute),
			Result: scoring.Result{Grade: "good", Points: decimal.New(85, 0), Policy: "P", Reasons: reason.Texts(fmt.Sprint("reason ", i%7))}}
	}
	book := scoring.NewBook(nil)
	known := map[string]scoring.Evaluation{}
	for i := range 5000 { // more than All reads at a time
		e := evaluation("B", i)
		known[e.Matter] = e
		if err := book.Record(e); err != nil {
			t.Fatal(err)
		}
	}
	for g := range hardening.Goroutines {
		for i := range hardening.Each {
			e := evaluation(fmt.Sprint("N", g), i)
			known[e.Matter] = e
		}
	}
	snapshot, err := json.Marshal(book)
	if err != nil {
		t.Fatal(err)
	}
	hardening.Concurrently(t, "All and Matter while recording, amending and replacing", func(g, i int) {
		switch g {
		case 0, 1:
			e := evaluation(fmt.Sprint("N", g), i)
			_ = book.Record(e) // a book replaced meanwhile may hold it already, or not
			_ = book.Amend(scoring.Amendment{Evaluation: evaluation("B", i), Author: "A", Reason: fmt.Sprint("amended ", g, i)})
		case 2:
			if i%10 == 0 {
				if err := book.UnmarshalJSON(snapshot); err != nil {
					t.Error(err)
				}
			}
			es, _ := book.Matter(fmt.Sprint("B-", i))
			if want := known[fmt.Sprint("B-", i)]; len(es) != 1 || es[0].Matter != want.Matter {
				t.Errorf("Matter(%q) = %v; want its one evaluation", want.Matter, es)
			}
		default:
			if i%5 != 0 { // a walk of the whole book is slow under -race
				return
			}
			seen := map[string]bool{}
			for e := range book.All() {
				want, ok := known[e.Matter]
				if diff := cmp.Diff(want, e); !ok || seen[e.Matter] || diff != "" {
					t.Errorf("All yielded %s (known %v, seen before %v); mismatch with what was recorded (-want +got):\n%s", e.Matter, ok, seen[e.Matter], diff)
					return
				}
				seen[e.Matter] = true
			}
		}
	})
}
