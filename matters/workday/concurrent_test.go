package workday_test

import (
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestConcurrentUse runs, from several goroutines at once, what the
// package documents as safe for concurrent use; go test -race checks it.
func TestConcurrentUse(t *testing.T) {
	cal := workday.China()
	from := time.Date(2020, 1, 1, 9, 0, 0, 0, hardening.CST)
	hardening.Concurrently(t, "one Calendar", func(g, i int) {
		at := from.Add(time.Duration(g*hardening.Each+i) * 37 * time.Hour)
		_, _ = cal.Between(from, at)
		_, _ = cal.AddDays(at, i)
		_, _ = cal.IsWorkday(at)
		_ = cal.Hours()
	})
}
