package main

import (
	"io"
	"net/http"
	"testing"
)

// BenchmarkReceipts measures the requests an outsider makes of the
// service once the wuhu year is posted (about 8,000 entries): the
// receipts of the department graded most, of one matter, and a
// consistency proof from the first entry, each through HTTP against a
// checkpoint kept (the same size each time: no row is written); and,
// beside them, what each request would cost if the service did not keep
// the tree and the index: every row read and its tree made again. The
// year is posted before the timer starts.
func BenchmarkReceipts(b *testing.B) {
	c, year, cfg := withYear(b)
	pool := c.database(b, "bench")
	_, url := serve(b, pool, withKey(b, cfg))
	postAll(b, url, year.subs)
	subject := busiest(b, journalRows(b, pool))
	for _, path := range []string{
		"/receipts?subject=" + subject,
		"/receipts?matter=" + year.subs[0].Event.Matter,
		"/consistency?from=1",
	} {
		b.Run(path, func(b *testing.B) {
			var n int64
			for b.Loop() {
				resp, err := http.Get(url + path)
				if err != nil {
					b.Fatal(err)
				}
				m, err := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Fatalf("GET %s: %s, %v", path, resp.Status, err)
				}
				n = m
			}
			b.ReportMetric(float64(n), "B/reply")
		})
	}
	// What a request would cost without the tree and the index kept:
	// every row read, and its tree made again.
	b.Run("every row, its tree made", func(b *testing.B) {
		for b.Loop() {
			rowsTree(b, pool)
		}
	})
	b.Logf("%d receipts of %s", len(receiptsAt(b, url+"/receipts?subject="+subject)), subject)
}
