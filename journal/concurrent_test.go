package journal_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/mod/sumdb/tlog"

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

// TestTreeReadersWhileAppending: one goroutine appends a journal's lines to
// a tree while the others read it — roots, proofs, stored hashes, and the
// first difference from the tree itself and from a tree of the whole
// journal made beforehand — through every reading method; each answer is
// what the tree made beforehand gives for the same size. go test -race
// checks what they share; a reader that holds the tree while it reads
// another tree that waits for the appender would deadlock.
func TestTreeReadersWhileAppending(t *testing.T) {
	const per = 20 // lines appended a call
	j := eventJournal(t, hardening.Each*per)
	ls := lines(j)
	whole, _ := treeOf(t, j)
	tree := journal.NewTree()
	hardening.Concurrently(t, "one appender, readers of the same tree", func(g, i int) {
		if g == 0 {
			for _, l := range ls[i*per : (i+1)*per] {
				if _, err := tree.Append(l[:len(l)-1]); err != nil {
					t.Error(err)
				}
			}
			return
		}
		size := tree.Size()
		if size == 0 {
			return
		}
		seq := 1 + int64(g*hardening.Each+i)%size
		type answer struct {
			Root                     journal.Hash
			Inclusion, Consistency   journal.Proof
			Hashes                   []tlog.Hash
			SelfDiff, WholeDiff, Err string
		}
		read := func(tr *journal.Tree, other tlog.HashReader) answer {
			var a answer
			var errs [6]error
			a.Root, errs[0] = tr.Root(size)
			a.Inclusion, errs[1] = tr.InclusionProof(seq, size)
			a.Consistency, errs[2] = tr.ConsistencyProof(seq, size)
			a.Hashes, errs[3] = tr.ReadHashes([]int64{tlog.StoredHashIndex(0, seq-1)})
			self, err4 := tr.FirstDifference(tr, size)
			againstOther, err5 := tr.FirstDifference(other, size)
			errs[4], errs[5] = err4, err5
			a.SelfDiff, a.WholeDiff, a.Err = fmt.Sprint(self), fmt.Sprint(againstOther), fmt.Sprint(errs)
			return a
		}
		want, got := read(whole, whole), read(tree, whole)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("goroutine %d, call %d, size %d: read while appending; mismatch (-want +got):\n%s", g, i, size, diff)
		}
	})
	if t.Failed() {
		return // a deadlocked appender would hold the tree for good
	}
	if tree.Head() != whole.Head() {
		t.Errorf("the tree appended to ends at %v; want %v", tree.Head(), whole.Head())
	}
}
