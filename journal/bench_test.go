package journal_test

import (
	"bytes"
	"crypto/sha256"
	"sync"
	"testing"
	"time"

	"github.com/qingdan/qingdan/journal"
)

// benchSteps returns a realistic mix of events, evaluations and
// amendments, made once and only when a benchmark runs.
var benchSteps = sync.OnceValue(func() []step { return history(7, 2000, 2020) })

// benchJournal is the journal of benchSteps.
var benchJournal = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	w := journal.NewWriter(&buf, nil)
	for _, s := range benchSteps() {
		if err := appendStep(w, s); err != nil {
			panic(err)
		}
	}
	return buf.Bytes()
})

// BenchmarkAppend appends entries (encoding, hashing and writing each line
// to io.Discard) and, in the same run, hashes the same lines with SHA-256:
// one call per line, as the journal hashes them, and all in one call. The
// two are timed in alternating rounds of 256 entries, so that a change in
// the machine's load falls on both. It reports the append rate (MB/s of
// lines), and its ratio to each SHA-256 rate. The entries are the first
// 512 of benchSteps, over and over, so that what is appended is in the
// processor's cache as the lines hashed are: a host appends what it has
// just made.
func BenchmarkAppend(b *testing.B) {
	steps := benchSteps()[:512]
	ls := lines(write(b, steps))
	var out counter
	w := journal.NewWriter(&out, nil)
	var appendTime, lineTime, bulkTime time.Duration
	size := 0
	d := sha256.New()
	var sum [32]byte
	b.ResetTimer()
	for i := 0; i < b.N; {
		round := min(256, b.N-i)
		start := time.Now()
		for k := i; k < i+round; k++ {
			if err := appendStep(w, steps[k%len(steps)]); err != nil {
				b.Fatal(err)
			}
		}
		appendTime += time.Since(start)
		start = time.Now()
		for k := i; k < i+round; k++ {
			l := ls[k%len(ls)]
			sum = sha256.Sum256(l[:len(l)-1])
		}
		lineTime += time.Since(start)
		start = time.Now()
		d.Reset()
		for k := i; k < i+round; k++ {
			d.Write(ls[k%len(ls)])
		}
		d.Sum(sum[:0])
		bulkTime += time.Since(start)
		for k := i; k < i+round; k++ {
			size += len(ls[k%len(ls)])
		}
		i += round
	}
	b.StopTimer()
	rate := func(d time.Duration) float64 { return float64(size) / d.Seconds() }
	appendRate := float64(out) / appendTime.Seconds()
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(float64(appendTime.Nanoseconds())/float64(b.N), "append-ns/entry")
	b.ReportMetric(appendRate/1e6, "append-MB/s")
	b.ReportMetric(rate(lineTime)/1e6, "sha256-line-MB/s")
	b.ReportMetric(rate(bulkTime)/1e6, "sha256-bulk-MB/s")
	b.ReportMetric(appendRate/rate(lineTime), "ratio-line")
	b.ReportMetric(appendRate/rate(bulkTime), "ratio-bulk")
}

// counter counts the bytes written to it.
type counter int64

func (c *counter) Write(p []byte) (int, error) {
	*c += counter(len(p))
	return len(p), nil
}

// BenchmarkVerify verifies a journal of about 100,000 entries (40 MB) on
// one worker and on two, in alternating rounds so that a change in the
// machine's load falls on both, and reports the rate of each and their
// ratio, the speedup. The machine has two cores, which others share: as a
// control, each round also hashes the journal with SHA-256 in eight
// pieces, on one goroutine and on two, whose ratio is what the machine
// could give two goroutines then (machine-speedup); and SHA-256's rate
// over the same bytes in one call.
func BenchmarkVerify(b *testing.B) {
	j := benchJournal()
	for range 3 {
		j = append(bytes.Clone(j), j...)
	}
	j = rewrite(b, j) // as one journal
	n := bytes.Count(j, []byte("\n"))
	var one, two, sha, sha1, sha2 time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		sum := sha256.Sum256(j)
		sha += time.Since(start)
		_ = sum
		for _, workers := range []int{1, 2} {
			start := time.Now()
			h, err := journal.Verify(bytes.NewReader(j), &journal.Options{Workers: workers})
			if err != nil || h.Seq != int64(n) {
				b.Fatal(h, err)
			}
			if workers == 1 {
				one += time.Since(start)
			} else {
				two += time.Since(start)
			}
			start = time.Now()
			hashPieces(j, workers)
			if workers == 1 {
				sha1 += time.Since(start)
			} else {
				sha2 += time.Since(start)
			}
		}
	}
	b.StopTimer()
	rate := func(d time.Duration) float64 { return float64(b.N*len(j)) / d.Seconds() / 1e6 }
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(rate(one), "1-core-MB/s")
	b.ReportMetric(rate(two), "2-cores-MB/s")
	b.ReportMetric(float64(b.N*n)/one.Seconds(), "1-core-entries/s")
	b.ReportMetric(float64(b.N*n)/two.Seconds(), "2-cores-entries/s")
	b.ReportMetric(one.Seconds()/two.Seconds(), "speedup")
	b.ReportMetric(sha1.Seconds()/sha2.Seconds(), "machine-speedup")
	b.ReportMetric(rate(sha), "sha256-bulk-MB/s")
}

// hashPieces hashes j in eight pieces on the given number of goroutines.
func hashPieces(j []byte, goroutines int) {
	var wg sync.WaitGroup
	piece := len(j)/8 + 1
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := g; k*piece < len(j); k += goroutines {
				sha256.Sum256(j[k*piece : min(len(j), (k+1)*piece)])
			}
		}()
	}
	wg.Wait()
}

// rewrite journals again the payloads of the lines of j, as one journal:
// a long journal made of a short one's entries.
func rewrite(t testing.TB, j []byte) []byte {
	var buf bytes.Buffer
	rewriteTo(t, journal.NewWriter(&buf, nil), j)
	return buf.Bytes()
}

// rewriteTo appends the payloads of the lines of j to w.
func rewriteTo(t testing.TB, w *journal.Writer, j []byte) {
	t.Helper()
	for _, l := range lines(j) {
		e, err := journal.ParseLine(l[:len(l)-1])
		if err != nil {
			t.Fatal(err)
		}
		if err := appendEntry(w, e); err != nil {
			t.Fatal(err)
		}
	}
}

// appendEntry appends the payload of e.
func appendEntry(w *journal.Writer, e journal.Entry) error {
	var err error
	switch e.Kind {
	case journal.KindEvent:
		v, derr := e.Event()
		if derr != nil {
			return derr
		}
		_, err = w.AppendEvent(v)
	case journal.KindEvaluation:
		v, derr := e.Evaluation()
		if derr != nil {
			return derr
		}
		_, err = w.AppendEvaluation(v)
	default:
		v, derr := e.Amendment()
		if derr != nil {
			return derr
		}
		_, err = w.AppendAmendment(v)
	}
	return err
}

func BenchmarkRebuild(b *testing.B) {
	j := benchJournal()
	n := bytes.Count(j, []byte("\n"))
	b.SetBytes(int64(len(j)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := journal.Rebuild(bytes.NewReader(j), nil)
		if err != nil || s.Head.Seq != int64(n) {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "entries/s")
}
