package journal_test

import (
	"bytes"
	"io"
	"sync"
	"testing"

	"github.com/qingdan/qingdan/journal"
)

// benchSteps returns a realistic mix of events, evaluations and
// amendments, made once and only when a benchmark runs.
var benchSteps = sync.OnceValue(func() []step { return history(7, 2000, 2020) })

func BenchmarkAppend(b *testing.B) {
	steps := benchSteps()
	w := journal.NewWriter(io.Discard, nil)
	b.SetBytes(int64(len(write(b, steps[:1000])) / 1000))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := appendStep(w, steps[i%len(steps)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}

func BenchmarkVerify(b *testing.B) {
	j := write(b, benchSteps())
	n := bytes.Count(j, []byte("\n"))
	b.SetBytes(int64(len(j)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h, err := journal.Verify(bytes.NewReader(j), nil)
		if err != nil || h.Seq != int64(n) {
			b.Fatal(h, err)
		}
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "entries/s")
}

func BenchmarkRebuild(b *testing.B) {
	j := write(b, benchSteps())
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
