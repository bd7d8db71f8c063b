package scoring

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/qingdan/qingdan/scoring/reason"
)

// benchInput holds the matter IDs and results shared by the book
// benchmarks, built once for the largest size asked. The IDs of a kind are
// substrings of one string, as they would be of a file a host reads, cut
// at ends: one object without pointers for the collector, not millions of
// strings.
var benchInput struct {
	sync.Mutex
	ids      [benchKinds]benchIDs
	subjects []string
	results  []Result
}

// The kinds of matter IDs the book benchmarks give, in the order they
// give them.
const (
	// seqIDs are "2020-0", "2020-1", …, in that order: numbered IDs as a
	// case system issues them, evaluated in the order they were issued.
	seqIDs = iota
	// windowIDs are seqIDs evaluated out of order: each matter waits for
	// its evaluation among a pool of benchWindow open matters, one of which
	// is evaluated at random at each step, as matters are resolved at
	// different speeds.
	windowIDs
	// opaqueIDs are UUIDs (version 4 in form), as of IDs without a
	// number: they are the hash table's whole load.
	opaqueIDs
	benchKinds
)

// benchWindow is the pool of open matters of windowIDs: about four days of
// a national year of 10^7.
const benchWindow = 100_000

// benchIDs are the matter IDs of a benchmark, by the index of the matter.
type benchIDs struct {
	ids  string
	ends []int32
}

func (b benchIDs) len() int { return len(b.ends) }

func (b benchIDs) at(i int) string {
	from := int32(0)
	if i > 0 {
		from = b.ends[i-1]
	}
	return b.ids[from:b.ends[i]]
}

// makeBenchIDs makes n IDs of a kind.
func makeBenchIDs(kind, n int) benchIDs {
	var order []int
	if kind == windowIDs {
		order = windowOrder(n, benchWindow)
	}
	var all []byte
	ends := make([]int32, n)
	for i := range n {
		switch kind {
		case seqIDs:
			all = strconv.AppendInt(append(all, "2020-"...), int64(i), 10)
		case windowIDs:
			all = strconv.AppendInt(append(all, "2020-"...), int64(order[i]), 10)
		case opaqueIDs:
			// The last 48 bits are i times an odd number modulo 2^48, a
			// bijection, so that no two IDs are alike.
			x := uint64(i) * 0x9E3779B97F4A7C15
			all = fmt.Appendf(all, "%08x-%04x-4%03x-%x%03x-%012x", x>>32, x>>16&0xffff, x>>4&0xfff,
				8|x>>2&3, x>>52, x&(1<<48-1))
		}
		ends[i] = int32(len(all))
	}
	return benchIDs{string(all), ends}
}

// windowOrder returns 0, …, n-1 in the order of a pool of w: at each step
// one number of the pool, picked at random, leaves it, and the next number
// joins.
func windowOrder(n, w int) []int {
	rng := rand.New(rand.NewPCG(2020, 6))
	pool := make([]int, 0, w)
	next := 0
	for ; next < min(n, w); next++ {
		pool = append(pool, next)
	}
	out := make([]int, 0, n)
	for len(pool) > 0 {
		j := rng.IntN(len(pool))
		out = append(out, pool[j])
		if next < n {
			pool[j] = next
			next++
		} else {
			pool[j] = pool[len(pool)-1]
			pool = pool[:len(pool)-1]
		}
	}
	return out
}

func benchMatters(tb testing.TB, kind, n int) (benchIDs, []string, []Result) {
	in := &benchInput
	in.Lock()
	defer in.Unlock()
	if in.subjects == nil {
		for i := range benchSubjects {
			in.subjects = append(in.subjects, "D"+strconv.Itoa(i))
		}
		for _, g := range testScale() {
			in.results = append(in.results, Result{Grade: g.Code, Points: g.Points, Policy: "wuhu-2020.1", Reasons: reason.Texts("rule")})
		}
		if len(in.results) != benchGrades {
			tb.Fatalf("the test scale has %d grades, benchGrades says %d", len(in.results), benchGrades)
		}
	}
	if in.ids[kind].len() < n {
		in.ids[kind] = makeBenchIDs(kind, n)
	}
	ids := in.ids[kind]
	return benchIDs{ids.ids, ids.ends[:n]}, in.subjects, in.results
}

// benchSubjects is the number of subjects the book benchmarks score, and
// benchGrades the grades of the test scale they give.
const (
	benchSubjects = 200
	benchGrades   = 4
)

// benchEvaluation returns the i-th evaluation of a synthetic year: one
// matter in eight is graded in two stages. It divides by constants only,
// so that making evaluations costs the benchmark little.
func benchEvaluation(i int, ms benchIDs, subjects []string, results []Result, year time.Time) Evaluation {
	stage := 0
	m := i
	if i%8 == 7 {
		m, stage = i-1, 1
	}
	return Evaluation{
		Matter:    ms.at(m),
		Subject:   subjects[uint(m/8)%benchSubjects],
		Evaluator: "S" + "1",
		Stage:     stage,
		At:        year.Add(time.Duration(uint(i)%365*24) * time.Hour),
		Result:    results[uint(i*31)%benchGrades],
	}
}

// benchReasons returns reason lists as a decision table writes them, each
// with its own figures, so that no two evaluations in a row share theirs.
func benchReasons() [][]reason.Reason {
	out := make([][]reason.Reason, 4096)
	for i := range out {
		f := Facts{Responded: true, Response: time.Duration(i%97+1) * time.Hour, ResponseLimit: 100 * time.Hour,
			Resolved: true, Resolution: time.Duration(i/97+1) * time.Hour, ResolutionLimit: 50 * time.Hour, Quality: i%5 + 1}
		out[i] = (&Table{Lang: reason.Lang(i % 2)}).reason(i%7, &TableRule{Name: "on time"}, &f)
	}
	return out
}

func benchmarkBook(b *testing.B, kind, n int, reasons [][]reason.Reason) {
	ms, subjects, results := benchMatters(b, kind, n)
	year := Year(2020).From
	runBookBench(b, n, len(subjects), func(book *Book) {
		for i := range n {
			e := benchEvaluation(i, ms, subjects, results, year)
			if reasons != nil {
				e.Result.Reasons = reasons[i%len(reasons)]
			}
			if err := book.Record(e); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// runBookBench times loading n evaluations into a new book with load and
// scoring the year, and checks that every subject is scored.
func runBookBench(b *testing.B, n, subjects int, load func(*Book)) {
	b.ReportAllocs()
	b.ResetTimer()
	var scores []Score
	for range b.N {
		book := NewBook(nil)
		load(book)
		scores = book.Scores(Year(2020))
	}
	b.StopTimer()
	if len(scores) != subjects {
		b.Fatalf("%d scores, want %d", len(scores), subjects)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "evaluations/s")
}

// BenchmarkBook records a year of evaluations across 200 subjects and
// scores the year. For comparison, SQLite, measured in-process
// on this kind of machine: inserting 1,000,000 rows ≈ 1.7 s and grouping
// them ≈ 1.1 s, 2.8 s in all, where this benchmark's 1M case records and
// scores the same rows (with the duplicate check and exact arithmetic).
// The 1M and 10M cases give numbered IDs in the order they were issued
// (seqIDs); -window gives them out of order (windowIDs), -opaque gives
// IDs without a number (opaqueIDs), which all go to the book's hash table.
// They give every evaluation the same one-line reasons, which the book
// stores once per grade and policy; 1M-own-reasons gives each its own
// reason text with figures, as a decision table does, which the book copies.
// Run the 10M cases with -benchtime 1x: each takes a few seconds and about
// a GB. Cases run in one process do not compare with one another: the
// first gets its memory fresh from the operating system, later ones reuse
// what the collector freed, and run faster for it (by a fifth to two
// fifths on the CI machine). Compare a case with itself, or run each case
// in a process of its own.
func BenchmarkBook(b *testing.B) {
	b.Run("1M", func(b *testing.B) { benchmarkBook(b, seqIDs, 1_000_000, nil) })
	b.Run("1M-own-reasons", func(b *testing.B) { benchmarkBook(b, seqIDs, 1_000_000, benchReasons()) })
	b.Run("1M-window", func(b *testing.B) { benchmarkBook(b, windowIDs, 1_000_000, nil) })
	b.Run("1M-opaque", func(b *testing.B) { benchmarkBook(b, opaqueIDs, 1_000_000, nil) })
	b.Run("10M", func(b *testing.B) { benchmarkBook(b, seqIDs, 10_000_000, nil) })
	b.Run("10M-window", func(b *testing.B) { benchmarkBook(b, windowIDs, 10_000_000, nil) })
	b.Run("10M-opaque", func(b *testing.B) { benchmarkBook(b, opaqueIDs, 10_000_000, nil) })
}

// BenchmarkRecord is one Record into a book that grows to b.N evaluations.
func BenchmarkRecord(b *testing.B) {
	ms, subjects, results := benchMatters(b, seqIDs, min(b.N, 10_000_000))
	year := Year(2020).From
	book := NewBook(nil)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		e := benchEvaluation(i%ms.len(), ms, subjects, results, year)
		e.Stage += 2 * (i / ms.len())
		if err := book.Record(e); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "evaluations/s")
}

// BenchmarkScoresYear scores a year of 1,000,000 evaluations.
func BenchmarkScoresYear(b *testing.B) {
	const n = 1_000_000
	ms, subjects, results := benchMatters(b, seqIDs, n)
	year := Year(2020).From
	book := NewBook(nil)
	for i := range n {
		if err := book.Record(benchEvaluation(i, ms, subjects, results, year)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if s := book.Scores(Year(2020)); len(s) != len(subjects) {
			b.Fatalf("%d scores", len(s))
		}
	}
}
