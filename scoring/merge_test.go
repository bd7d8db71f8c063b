package scoring

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// bookState is everything a book reports, to compare books by.
type bookState struct {
	Scores      [][]Score
	Evaluations []Evaluation
	Amendments  []Amendment
	JSON        string
}

func stateOf(t *testing.T, b *Book) bookState {
	t.Helper()
	s := bookState{Evaluations: b.Evaluations(), Amendments: b.Amendments()}
	for _, p := range periods() {
		s.Scores = append(s.Scores, b.Scores(p))
	}
	data, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	s.JSON = string(data)
	return s
}

// shardByMatter splits evaluations into n parts by matter, as a host
// would: the matters sorted, cut into n contiguous runs, every evaluation
// of a matter in its matter's part. Parts may be empty.
func shardByMatter(es []Evaluation, n int) [][]Evaluation {
	sorted := slices.Clone(es)
	slices.SortStableFunc(sorted, func(x, y Evaluation) int { return strings.Compare(x.Matter, y.Matter) })
	parts := make([][]Evaluation, n)
	from := 0
	for k := range n {
		to := max(from, len(sorted)*(k+1)/n)
		for to > 0 && to < len(sorted) && sorted[to].Matter == sorted[to-1].Matter {
			to++
		}
		parts[k] = sorted[from:to]
		from = to
	}
	return parts
}

// TestShardedBuild builds a book as a host that uses every core does: the
// evaluations split by matter over N books, each filled on a goroutine of
// its own (evaluations and amendments in an order of its own), then the
// books merged — into an empty book, into one of them, or pairwise as a
// tree — in random orders. Every way gives what one book given everything
// gives: the same scores for every period, evaluations, amendments and
// JSON, byte for byte.
func TestShardedBuild(t *testing.T) {
	forRandomHistories(t, 10, 16, 100, 400, func(seed uint64, r *rand.Rand, es []Evaluation, as []Amendment, ref *Book) {
		want := stateOf(t, ref)

		n := 2 + r.IntN(5)
		parts := shardByMatter(es, n)
		partOf := map[string]int{}
		for k, part := range parts {
			for _, e := range part {
				partOf[e.Matter] = k
			}
		}
		build := func() []*Book {
			books := make([]*Book, n)
			seeds := make([]uint64, n)
			for k := range books {
				books[k], seeds[k] = NewBook(nil), r.Uint64()
			}
			var wg sync.WaitGroup
			errs := make([]error, n)
			for k, b := range books {
				wg.Add(1)
				go func() {
					defer wg.Done()
					rk := rand.New(rand.NewPCG(seeds[k], 1))
					part := parts[k]
					for _, i := range rk.Perm(len(part)) {
						errs[k] = errors.Join(errs[k], b.Record(part[i]))
					}
					for _, i := range rk.Perm(len(as)) {
						if partOf[as[i].Matter] == k {
							errs[k] = errors.Join(errs[k], b.Amend(as[i]))
						}
					}
				}()
			}
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				t.Fatalf("seed %d: filling the books: %v", seed, err)
			}
			return books
		}
		merge := func(how string, dst, src *Book) {
			if err := dst.Merge(src); err != nil {
				t.Fatalf("seed %d, %s: Merge = %v", seed, how, err)
			}
		}

		ways := map[string]func() *Book{
			"into an empty book": func() *Book {
				books := build()
				got := NewBook(nil)
				for _, k := range r.Perm(n) {
					merge("into an empty book", got, books[k])
				}
				return got
			},
			"into one of them": func() *Book {
				books := build()
				order := r.Perm(n)
				got := books[order[0]]
				for _, k := range order[1:] {
					merge("into one of them", got, books[k])
				}
				return got
			},
			"pairwise, in parallel": func() *Book {
				books := build()
				r.Shuffle(len(books), func(i, j int) { books[i], books[j] = books[j], books[i] })
				for len(books) > 1 {
					var wg sync.WaitGroup
					for i := 0; i+1 < len(books); i += 2 {
						wg.Add(1)
						go func() {
							defer wg.Done()
							merge("pairwise", books[i], books[i+1])
						}()
					}
					wg.Wait()
					var next []*Book
					for i := 0; i < len(books); i += 2 {
						next = append(next, books[i])
					}
					books = next
				}
				return books[0]
			},
		}
		for _, how := range []string{"into an empty book", "into one of them", "pairwise, in parallel"} {
			got := stateOf(t, ways[how]())
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("seed %d, %d books merged %s: mismatch (-want +got):\n%s", seed, n, how, diff)
			}
		}
	})
}

// TestMergePartialOverlap merges a book of which some evaluations are new
// and some are the book's already: Merge refuses the whole book, names
// the overlaps, and changes nothing; the new evaluations can still be
// merged without the overlapping ones.
func TestMergePartialOverlap(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	es, _ := randomHistory(r, 300)
	b, o := NewBook(nil), NewBook(nil)
	recordAll(t, b, es[:200]...)
	recordAll(t, o, es[150:]...) // 50 of b's, then 100 new
	before := stateOf(t, b)
	err := b.Merge(o)
	if !errors.Is(err, ErrDuplicate) {
		t.Fatalf("Merge of a partly overlapping book = %v, want ErrDuplicate", err)
	}
	// The first ten overlaps o recorded, then "…".
	for _, e := range es[150:160] {
		if want := fmt.Sprintf("matter %q, subject %q, evaluator %q, stage %d", e.Matter, e.Subject, e.Evaluator, e.Stage); !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not name %s:\n%v", want, err)
		}
	}
	if !strings.HasSuffix(err.Error(), "\n…") {
		t.Errorf("the error names more than ten overlaps without saying so:\n%v", err)
	}
	if diff := cmp.Diff(before, stateOf(t, b)); diff != "" {
		t.Fatalf("a refused merge changed the book (-want +got):\n%s", diff)
	}
	rest := NewBook(nil)
	recordAll(t, rest, es[200:]...)
	if err := b.Merge(rest); err != nil {
		t.Fatalf("Merge of the new evaluations after a refused merge = %v", err)
	}
	all := NewBook(nil)
	recordAll(t, all, es...)
	if diff := cmp.Diff(stateOf(t, all), stateOf(t, b)); diff != "" {
		t.Fatalf("after the refused merge and the merge of the rest, mismatch (-want +got):\n%s", diff)
	}
}

// TestMergeWaitsForOther merges a book whose lock another goroutine
// holds: Merge lets go of its own book while it waits, so that two books
// merged into each other at once cannot deadlock, and then merges the
// other book whole.
func TestMergeWaitsForOther(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	es, as := randomHistory(r, 200)
	b, o := NewBook(nil), NewBook(nil)
	recordAll(t, b, es[:100]...)
	recordAll(t, o, es[100:]...)
	for _, a := range as {
		into := b
		if slices.ContainsFunc(es[100:], func(e Evaluation) bool { return keyCmp(&e, &a.Evaluation) == 0 }) {
			into = o
		}
		if err := into.Amend(a); err != nil {
			t.Fatal(err)
		}
	}
	o.mu.Lock() // as another goroutine's Record, Merge or Scores would
	started, done := make(chan struct{}), make(chan error)
	go func() {
		close(started)
		done <- b.Merge(o)
	}()
	<-started
	for range 100 {
		runtime.Gosched() // let Merge get to wait for o
	}
	// Merge lets b go while it waits for o: lock b, as another goroutine
	// would (a Merge that held b would hang the test here), and let it go.
	for !b.mu.TryLock() {
		runtime.Gosched()
	}
	b.mu.Unlock()
	o.mu.Unlock()
	if err := <-done; err != nil {
		t.Fatalf("Merge = %v", err)
	}
	all := NewBook(nil)
	recordAll(t, all, es...)
	for _, a := range as {
		if err := all.Amend(a); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(stateOf(t, all), stateOf(t, b)); diff != "" {
		t.Fatalf("mismatch (-want +got):\n%s", diff)
	}
}
