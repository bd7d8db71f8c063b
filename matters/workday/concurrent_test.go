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

// TestNewConcurrent builds calendars from several goroutines at once, from
// the embedded schedules and from the caller's copy of them, and changes
// every copy it is given afterwards — the schedules, a calendar's
// schedules and hours — as a caller may; go test -race checks that no
// copy shares memory with the embedded schedules or a calendar, and each
// call returns what it returns alone.
func TestNewConcurrent(t *testing.T) {
	am, _ := workday.ParseSpan("08:30-12:00")
	pm, _ := workday.ParseSpan("14:30-17:30")
	shared := workday.China()
	hardening.Agree(t, "New, ChinaSchedules and a calendar's copies", func(g, i int) any {
		ss := workday.ChinaSchedules()
		office, oerr := workday.New(workday.Config{Hours: []workday.Span{am, pm}})
		own, werr := workday.New(workday.Config{Schedules: ss[i%len(ss):], NoChina: true})
		var got []any
		for _, c := range []*workday.Calendar{office, own, shared} {
			if c == nil {
				continue
			}
			first, last := c.Years()
			from := time.Date(last, 1, 1, 9, 0, 0, 0, hardening.CST)
			between, berr := c.Between(from, from.AddDate(0, 0, g+i))
			schedules, hours := c.Schedules(), c.Hours()
			got = append(got, first, last, c.Day(), between, fmt.Sprint(berr), fmt.Sprint(schedules, hours)) // as given, before the change below
			schedules[0].Holidays[0], hours[0].End = "changed", 0
		}
		ss[0].Holidays[0], ss[0].Notice = "changed", "changed"
		return append(got, fmt.Sprint(oerr), fmt.Sprint(werr))
	})
}
