package scoring_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/scoring"
)

// BenchmarkBookMatter looks up one matter's grades, amendments applied,
// in books of 10^4 and 10^6 evaluations: the time stays with the matter.
func BenchmarkBookMatter(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		book := scoring.NewBook(nil)
		at := time.Date(2020, 1, 1, 9, 0, 0, 0, cst)
		for i := range n {
			e := scoring.Evaluation{Matter: fmt.Sprintf("2020-%07d", i/4), Subject: fmt.Sprint("D", i%4), Evaluator: "S1", At: at.Add(time.Duration(i) * time.Minute),
				Result: scoring.Result{Grade: "good", Points: decimal.NewFromInt(85), Policy: "p-1"}}
			if err := book.Record(e); err != nil {
				b.Fatal(err)
			}
			if i%40 == 0 {
				e.At, e.Result.Grade, e.Result.Points = e.At.Add(time.Hour), "fair", decimal.NewFromInt(70)
				if err := book.Amend(scoring.Amendment{Evaluation: e, Author: "S1", Reason: "回访不满意"}); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if es, _ := book.Matter(fmt.Sprintf("2020-%07d", i%(n/4))); len(es) != 4 {
					b.Fatalf("%d evaluations", len(es))
				}
			}
		})
	}
}
