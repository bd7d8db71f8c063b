package journal_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/journal"
	"github.com/qingdan/qingdan/scoring"
)

// TestConcurrentUse runs, from several goroutines at once, what the
// package documents as safe for concurrent use; go test -race checks it.
func TestConcurrentUse(t *testing.T) {
	from := time.Date(2020, 1, 1, 9, 0, 0, 0, hardening.CST)
	evaluation := func(g, i int) scoring.Evaluation {
		return scoring.Evaluation{Matter: fmt.Sprintf("M%d-%d", g, i), Subject: fmt.Sprint("D", i%3), Evaluator: "S", At: from.Add(time.Duration(i) * time.Hour),
			Result: scoring.Result{Grade: "good", Points: decimal.New(85, 0)}}
	}
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, nil)
	hardening.Concurrently(t, "one Writer", func(g, i int) {
		if _, err := w.AppendEvaluation(evaluation(g, i)); err != nil {
			panic(err)
		}
		_ = w.Head()
	})
	if h, err := journal.Verify(bytes.NewReader(buf.Bytes()), nil); err != nil || h.Seq != hardening.Goroutines*hardening.Each {
		t.Errorf("the journal written concurrently verifies as %v, %v; want %d entries", h, err, hardening.Goroutines*hardening.Each)
	}
}
