package journal

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// yearPayloads returns payloads as a sub-district journals them over a
// year: for each matter its events and, at the end, its evaluation.
func yearPayloads(n int) (payloads []any) {
	cst := time.FixedZone("CST", 8*3600)
	add := func(_ Kind, v any) { payloads = append(payloads, v) }
	for i := 0; len(payloads) < n; i++ {
		id := fmt.Sprintf("WH-2020-%06d", i)
		at := time.Date(2020, 1, 1, 9, 0, 0, 0, cst).Add(time.Duration(i) * 37 * time.Minute).UTC()
		ev := func(seq int, k matters.Kind, actor string, units ...string) {
			add(KindEvent, matters.Event{Matter: id, Seq: seq, At: at.Add(time.Duration(seq) * time.Hour), Kind: k, Actor: actor, Units: units})
		}
		ev(1, matters.Report, "JJ-01")
		ev(2, matters.Whistle, "JJ-01")
		ev(3, matters.Dispatch, "JJ-01", "城管局", "市场监管局")
		ev(4, matters.Accept, "城管局")
		ev(5, matters.Resolve, "城管局")
		add(KindEvaluation, scoring.Evaluation{Matter: id, Subject: "城管局", Evaluator: "JJ-01", Stage: 1, At: at.Add(6 * time.Hour),
			Result: scoring.Result{Grade: "good", Points: decimal.RequireFromString("85"), Policy: "default/2020", Reasons: reason.Texts("按时响应", "质量较好")}})
	}
	return payloads[:n]
}

// yearReader produces a journal of n entries as it is read, so that a
// year's journal can be verified without holding it.
type yearReader struct {
	w        *Writer
	buf      bytes.Buffer
	payloads []any
	n, done  int
	size     int64
	sample   func()
}

func (y *yearReader) Read(p []byte) (int, error) {
	for y.buf.Len() < len(p) && y.done < y.n {
		i := y.done % len(y.payloads)
		var err error
		switch v := y.payloads[i].(type) {
		case matters.Event:
			_, err = y.w.AppendEvent(v)
		case scoring.Evaluation:
			_, err = y.w.AppendEvaluation(v)
		}
		if err != nil {
			return 0, err
		}
		y.done++
		if y.done%(y.n/10) == 0 {
			y.sample()
		}
	}
	if y.buf.Len() == 0 {
		return 0, io.EOF
	}
	n, _ := y.buf.Read(p)
	y.size += int64(n)
	return n, nil
}

// BenchmarkVerifyYear verifies a year's journal of 1,000,000 entries,
// produced as it is read, and reports its size and the live heap while
// verifying (sampled ten times, each after a collection): that of one line
// and the reader's buffer, however long the journal. The time includes
// producing the journal (hashing it once more).
func BenchmarkVerifyYear(b *testing.B) {
	const n = 1_000_000
	payloads := yearPayloads(6000)
	for i := 0; i < b.N; i++ {
		var base, peak uint64
		var ms runtime.MemStats
		y := &yearReader{n: n, payloads: payloads}
		y.w = NewWriter(&y.buf, nil)
		y.sample = func() {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		base = ms.HeapAlloc
		h, err := Verify(y, nil)
		if err != nil || h.Seq != n {
			b.Fatal(h, err)
		}
		b.ReportMetric(float64(y.size), "journal-B")
		b.ReportMetric(float64(y.size)/n, "B/entry")
		b.ReportMetric(float64(peak-min(peak, base)), "live-heap-B")
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "entries/s")
}
