package workday_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestConcurrentUse runs, from several goroutines at once, what the
// package documents as safe for concurrent use; go test -race checks it,
// and each call returns what it returns alone.
func TestConcurrentUse(t *testing.T) {
	cal := workday.China()
	from := time.Date(2020, 1, 1, 9, 0, 0, 0, hardening.CST)
	hardening.Agree(t, "one Calendar", func(g, i int) any {
		at := from.Add(time.Duration(g*hardening.Each+i) * 37 * time.Hour)
		between, berr := cal.Between(from, at)
		added, aerr := cal.AddDays(at, i)
		works, werr := cal.IsWorkday(at)
		return []any{between, fmt.Sprint(berr), added, fmt.Sprint(aerr), works, fmt.Sprint(werr), cal.Hours()}
	})
}
