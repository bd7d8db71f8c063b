package workday

import (
	"fmt"
	"testing"
	"time"
)

// The spans of the benchmarks: Between and AddDays must cost the same
// whatever the span, since both read precomputed prefix counts.
var benchSpans = []int{1, 30, 365}

func BenchmarkBetween(b *testing.B) {
	c := office(b)
	from := mustDay(b, "2025-03-03", 10, 15)
	for _, days := range benchSpans {
		to := from.AddDate(0, 0, days).Add(3 * time.Hour)
		b.Run(fmt.Sprintf("days=%d", days), func(b *testing.B) {
			b.ReportAllocs()
			var w time.Duration
			for i := 0; i < b.N; i++ {
				var err error
				if w, err = c.Between(from, to); err != nil {
					b.Fatal(err)
				}
			}
			if w <= 0 {
				b.Fatal(w)
			}
		})
	}
}

func BenchmarkAddDays(b *testing.B) {
	c := office(b)
	from := mustDay(b, "2025-03-03", 10, 15)
	for _, n := range benchSpans {
		b.Run(fmt.Sprintf("days=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var last time.Time
			for i := 0; i < b.N; i++ {
				t, err := c.AddDays(from, n)
				if err != nil {
					b.Fatal(err)
				}
				last = t
			}
			if last.Before(from) {
				b.Fatal(last)
			}
		})
	}
}

func BenchmarkIsWorkday(b *testing.B) {
	c := China()
	at := mustDay(b, "2026-02-14", 9, 0)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if ok, err := c.IsWorkday(at); err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}

// BenchmarkNew measures building a calendar (2019–2027) with office hours.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := New(Config{Hours: officeHours}); err != nil {
			b.Fatal(err)
		}
	}
}
