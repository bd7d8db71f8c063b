package scoring

import (
	"errors"
	"runtime"
	"sync"
	"testing"

	"github.com/qingdan/qingdan/internal/cputime"
)

// The benchmarks of merging books: a sharded build against one book, and
// merging against recording. They use the book benchmarks' input (see
// benchMatters and benchEvaluation in bench_test.go).

// shardOf returns the evaluations [from, to) of shard k of n of a year of
// total evaluations (see benchEvaluation): contiguous runs of matters, cut
// at a multiple of 8 so that both stages of a matter fall in one shard.
func shardOf(k, n, total int) (from, to int) {
	per := (total/n + 7) / 8 * 8
	return min(k*per, total), min((k+1)*per, total)
}

// recordRange records evaluations [from, to) of a benchmark year into
// book, and returns the first error.
func recordRange(book *Book, from, to int, ms benchIDs, subjects []string, results []Result) error {
	year := Year(2020).From
	for i := from; i < to; i++ {
		if err := book.Record(benchEvaluation(i, ms, subjects, results, year)); err != nil {
			return err
		}
	}
	return nil
}

// benchmarkSharded builds a book of n evaluations from shards books, each
// filled with its share of the matters on a goroutine of its own, merged
// into the first. With one shard, it records every evaluation into one
// book on the benchmark's goroutine. One build, untimed, comes first and
// is collected, so that every case starts from the same state of the
// heap: memory the collector freed, which the timed builds reuse. Without
// it, the case run first in a process pays the operating system's page
// faults for all of its memory, and the cases after it reuse that memory
// and run faster for it (see BenchmarkBook).
func benchmarkSharded(b *testing.B, kind, n, shards int) {
	ms, subjects, results := benchMatters(b, kind, n)
	buildSharded(b, n, shards, ms, subjects, results)
	runtime.GC()
	b.ReportAllocs()
	stop := cputime.Report(b)
	var book *Book
	for range b.N {
		book = buildSharded(b, n, shards, ms, subjects, results)
	}
	stop()
	if book.Len() != n {
		b.Fatalf("the book holds %d evaluations, want %d", book.Len(), n)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "evaluations/s")
}

// buildSharded builds the book of benchmarkSharded once.
func buildSharded(b *testing.B, n, shards int, ms benchIDs, subjects []string, results []Result) *Book {
	books := make([]*Book, shards)
	for k := range books {
		books[k] = NewBook(nil)
	}
	if shards == 1 {
		if err := recordRange(books[0], 0, n, ms, subjects, results); err != nil {
			b.Fatal(err)
		}
		return books[0]
	}
	var wg sync.WaitGroup
	errs := make([]error, shards)
	for k, bk := range books {
		from, to := shardOf(k, shards, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[k] = recordRange(bk, from, to, ms, subjects, results)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		b.Fatal(err)
	}
	for _, o := range books[1:] {
		if err := books[0].Merge(o); err != nil {
			b.Fatal(err)
		}
	}
	return books[0]
}

// BenchmarkShardedBuild builds a book of 1,000,000 evaluations in two
// ways, to be compared in one run with -cpu 2: 2-books records each half
// of the matters into a book of its own on a goroutine of its own, then
// merges the two, as a host that uses every core does; 1-book records
// them all into one book on one goroutine. Neither scores (see
// BenchmarkBook). Each case builds once untimed before it is timed, so
// that both start from the same state of the heap, whichever runs first
// (see benchmarkSharded); cpu-ns/op is the CPU time of both cores, which,
// beside 1-book's, is what sharding and merging cost in work. The -opaque
// cases give UUIDs.
func BenchmarkShardedBuild(b *testing.B) {
	b.Run("2-books", func(b *testing.B) { benchmarkSharded(b, seqIDs, 1_000_000, 2) })
	b.Run("1-book", func(b *testing.B) { benchmarkSharded(b, seqIDs, 1_000_000, 1) })
	b.Run("2-books-opaque", func(b *testing.B) { benchmarkSharded(b, opaqueIDs, 1_000_000, 2) })
	b.Run("1-book-opaque", func(b *testing.B) { benchmarkSharded(b, opaqueIDs, 1_000_000, 1) })
}

// benchmarkJoin times how the second half of a year of n evaluations
// joins a book with opts that holds the first: recorded one by one, or
// merged from a book without options that holds them. Building the book
// of the first half is not timed.
func benchmarkJoin(b *testing.B, kind, n int, merge bool, opts *BookOptions) {
	ms, subjects, results := benchMatters(b, kind, n)
	_, half := shardOf(0, 2, n)
	first, second := NewBook(nil), NewBook(nil)
	if err := errors.Join(recordRange(first, 0, half, ms, subjects, results),
		recordRange(second, half, n, ms, subjects, results)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		dst := NewBook(opts)
		if err := dst.Merge(first); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if merge {
			if err := dst.Merge(second); err != nil {
				b.Fatal(err)
			}
		} else if err := recordRange(dst, half, n, ms, subjects, results); err != nil {
			b.Fatal(err)
		}
		if dst.Len() != n {
			b.Fatalf("the book holds %d evaluations, want %d", dst.Len(), n)
		}
	}
	b.ReportMetric(float64(n-half)*float64(b.N)/b.Elapsed().Seconds(), "evaluations/s")
}

// BenchmarkMerge compares merging a book of 500,000 evaluations into a
// book that holds 500,000 others with recording the same evaluations into
// it, in one run: merge-500k against record-500k, run in that order so
// that the ratio errs against the merge. The -opaque cases give UUIDs.
// The -scale cases do the same into a book whose options set the scale
// in force, which Merge, like Record, checks each evaluation against.
func BenchmarkMerge(b *testing.B) {
	scale := &BookOptions{Scale: testScale()}
	b.Run("merge-500k", func(b *testing.B) { benchmarkJoin(b, seqIDs, 1_000_000, true, nil) })
	b.Run("record-500k", func(b *testing.B) { benchmarkJoin(b, seqIDs, 1_000_000, false, nil) })
	b.Run("merge-500k-opaque", func(b *testing.B) { benchmarkJoin(b, opaqueIDs, 1_000_000, true, nil) })
	b.Run("record-500k-opaque", func(b *testing.B) { benchmarkJoin(b, opaqueIDs, 1_000_000, false, nil) })
	b.Run("merge-500k-scale", func(b *testing.B) { benchmarkJoin(b, seqIDs, 1_000_000, true, scale) })
	b.Run("record-500k-scale", func(b *testing.B) { benchmarkJoin(b, seqIDs, 1_000_000, false, scale) })
}
