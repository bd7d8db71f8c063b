package journal_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/qingdan/qingdan/journal"
)

// benchSteps is a realistic mix of events, evaluations and amendments.
var benchSteps = history(7, 2000, 2020)

func BenchmarkAppend(b *testing.B) {
	w := journal.NewWriter(io.Discard, nil)
	var sample bytes.Buffer
	_ = write(b, benchSteps[:1000])
	sample.Write(write(b, benchSteps[:1000]))
	b.SetBytes(int64(sample.Len() / 1000))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := appendStep(w, benchSteps[i%len(benchSteps)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}

func BenchmarkVerify(b *testing.B) {
	j := write(b, benchSteps)
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
	j := write(b, benchSteps)
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
