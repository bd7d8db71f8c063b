package whatif_test

import (
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/cputime"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/whatif"
)

// BenchmarkWhatIf compares, in one run, grading 1,000,000 matters once
// (evaluate each and record it in a new book, then score the year) with a
// what-if over the same matters recorded under another table (regrade
// each, record it in the what-if book, and compare the scores of both
// books): two in five of the grades change. The target: the
// what-if within 2× of grading once. On a shared machine compare
// cpu-ns/op, which does not count time spent waiting for a core.
func BenchmarkWhatIf(b *testing.B) {
	const n = 1_000_000
	book, facts := whatIfYear(b, n)
	_, strict := whatIfTables()
	p := scoring.Year(2026)
	// Only the times are kept: holding a million recorded evaluations
	// (their reasons hold pointers) would make every collection of both
	// cases scan them.
	ats := make([]time.Time, 0, n)
	for ev := range book.All() {
		ats = append(ats, ev.At)
	}
	b.Run("grade-once/1M", func(b *testing.B) {
		b.ReportAllocs()
		defer cputime.Report(b)()
		for range b.N {
			once := scoring.NewBook(nil)
			for i, f := range facts {
				r, err := strict.Evaluate(f)
				if err != nil {
					b.Fatal(err)
				}
				if err := once.Record(f.Evaluation(ats[i], r)); err != nil {
					b.Fatal(err)
				}
			}
			_ = once.Scores(p)
		}
	})
	b.Run("regrade/1M", func(b *testing.B) {
		b.ReportAllocs()
		defer cputime.Report(b)()
		for range b.N {
			w, err := whatif.Regrade(book, facts, strict, p)
			if err != nil {
				b.Fatal(err)
			}
			if len(w.Changes) != 2*n/5 {
				b.Fatalf("%d changes, want %d", len(w.Changes), 2*n/5)
			}
		}
	})
}
