package scoring_test

import (
	"testing"

	"github.com/qingdan/qingdan/scoring"
)

// BenchmarkRegrade compares, in one run, grading n matters once (evaluate
// each and record it in a new book) with a what-if over the same matters
// recorded under another table (regrade each, record it in the what-if
// book, and compare the scores). The target: the what-if within 2×
// of grading once.
func BenchmarkRegrade(b *testing.B) {
	const n = 1_000_000
	book, facts := whatIfYear(b, n)
	_, strict := whatIfTables()
	p := scoring.Year(2026)
	evs := book.Evaluations()
	b.Run("grade-once/1e6-matters", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			once := scoring.NewBook()
			for i, f := range facts {
				r, err := strict.Evaluate(f)
				if err != nil {
					b.Fatal(err)
				}
				if err := once.Record(f.Evaluation(evs[i].At, r)); err != nil {
					b.Fatal(err)
				}
			}
			_ = once.Scores(p)
		}
	})
	b.Run("whatif/1e6-matters", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := scoring.Regrade(book, facts, strict, p); err != nil {
				b.Fatal(err)
			}
		}
	})
}
