package workday_test

// Hardening: every exported function and method of package workday, called
// with zero values, nil slices and maps, zero times, negative durations and
// huge inputs, returns an error or a sound result and never panics.
// TestHardening also keeps the rows complete: a new exported function
// without a row here fails it.

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/matters/workday"
)

// TestHardening checks that every exported function of the package, and
// every exported method of an exported type, has a row, and runs the rows:
// each makes its calls, failing on a panic or an unsound result.
func TestHardening(t *testing.T) {
	hardening.Test(t, []hardening.Row{
		{Name: "workday.CST", Run: func(c *hardening.Caller) { c.Call("CST()", func() { _ = workday.CST() }) }},
		{Name: "workday.New", Run: func(c *hardening.Caller) {
			configs := []workday.Config{{}, {NoChina: true}, {Hours: []workday.Span{}}, {Hours: []workday.Span{{Start: -time.Hour, End: 30 * time.Hour}}},
				{Hours: []workday.Span{{Start: math.MaxInt64, End: math.MinInt64}, {}}}, {Schedules: []workday.Schedule{{}}},
				{Schedules: []workday.Schedule{{Year: math.MaxInt, Holidays: []string{hardening.Huge}, Workdays: []string{"2020-13-45"}}}},
				{NoChina: true, Schedules: []workday.Schedule{}}, {Hours: make([]workday.Span, 100000)}, {Schedules: make([]workday.Schedule, 1000)}}
			for i, cfg := range configs {
				c.Call(fmt.Sprintf("New(config %d)", i), func() {
					if cal, err := workday.New(cfg); err == nil && cal == nil {
						c.Fail("New", "nil calendar and no error")
					}
				})
			}
		}},
		hardening.Method("workday.Calendar.Day", samples.Calendars(), func(cal *workday.Calendar) { _ = cal.Day() }),
		{Name: "workday.Calendar.Years", Run: func(c *hardening.Caller) {
			for i, cal := range samples.Calendars() {
				c.Call(fmt.Sprintf("calendar %d .Years()", i), func() { _, _ = cal.Years() })
			}
		}},
		hardening.Method("workday.Calendar.Hours", samples.Calendars(), func(cal *workday.Calendar) { _ = cal.Hours() }),
		hardening.Method("workday.Calendar.Schedules", samples.Calendars(), func(cal *workday.Calendar) { _ = cal.Schedules() }),
		{Name: "workday.Calendar.IsWorkday", Run: func(c *hardening.Caller) {
			for i, cal := range samples.Calendars() {
				for _, t := range hardening.Times {
					c.Call(fmt.Sprintf("calendar %d .IsWorkday(%v)", i, t), func() { _, _ = cal.IsWorkday(t) })
				}
			}
		}},
		{Name: "workday.Calendar.Between", Run: func(c *hardening.Caller) {
			for i, cal := range samples.Calendars() {
				for _, a := range hardening.Times {
					for _, b := range hardening.Times {
						desc := fmt.Sprintf("calendar %d .Between(%v, %v)", i, a, b)
						c.Call(desc, func() {
							if d, err := cal.Between(a, b); err == nil && !b.Before(a) && d < 0 {
								c.Fail(desc, "negative working time %v", d)
							}
						})
					}
				}
			}
		}},
		{Name: "workday.Calendar.AddDays", Run: func(c *hardening.Caller) {
			for i, cal := range samples.Calendars() {
				for _, t := range hardening.Times {
					for _, n := range hardening.Ints {
						c.Call(fmt.Sprintf("calendar %d .AddDays(%v, %d)", i, t, n), func() { _, _ = cal.AddDays(t, n) })
					}
				}
			}
		}},
		{Name: "workday.ChinaSchedules", Run: func(c *hardening.Caller) { c.Call("ChinaSchedules()", func() { _ = workday.ChinaSchedules() }) }},
		{Name: "workday.China", Run: func(c *hardening.Caller) { c.Call("China()", func() { _ = workday.China() }) }},
		{Name: "workday.Schedule.Validate", Run: func(c *hardening.Caller) {
			for i, s := range []workday.Schedule{{}, {Year: -1, Holidays: []string{""}, Workdays: []string{hardening.Huge}}, {Year: math.MaxInt, Holidays: make([]string, 1000)}} {
				c.Call(fmt.Sprintf("schedule %d .Validate()", i), func() { _ = s.Validate() })
			}
			c.Call("the zero Schedule is invalid", func() { c.WantErr("Schedule{}.Validate()", workday.Schedule{}.Validate()) })
		}},
		{Name: "workday.ParseSchedules", Run: func(c *hardening.Caller) {
			for _, in := range hardening.JSONInputs {
				c.Call(fmt.Sprintf("ParseSchedules(%q)", in), func() { _, _ = workday.ParseSchedules(in) })
			}
		}},
		hardening.UnmarshalRow[workday.Schedule]("workday.Schedule"),
		{Name: "workday.ParseSpan", Run: func(c *hardening.Caller) {
			for _, s := range append(hardening.Strings, "-", "09:00-", "25:00-26:00", "18:00-09:00", "-1h-2h", "99999999999h-1h") {
				c.Call(fmt.Sprintf("ParseSpan(%q)", hardening.Clip(s)), func() { _, _ = workday.ParseSpan(s) })
			}
		}},
		{Name: "workday.Span.String", Run: func(c *hardening.Caller) {
			for _, d := range hardening.Durations {
				c.Call(fmt.Sprintf("Span{%v, %v}.String()", d, -d), func() { _ = workday.Span{Start: d, End: -d}.String() })
			}
		}},
		{Name: "workday.Span.MarshalText", Run: func(c *hardening.Caller) {
			for _, d := range hardening.Durations {
				c.Call(fmt.Sprintf("Span{%v, %v}.MarshalText()", d, -d), func() { _, _ = workday.Span{Start: d, End: -d}.MarshalText() })
			}
		}},
		{Name: "workday.Span.UnmarshalText", Run: func(c *hardening.Caller) {
			for _, s := range append(hardening.Strings, "-") {
				c.Call(fmt.Sprintf("UnmarshalText(%q)", hardening.Clip(s)), func() { var sp workday.Span; _ = sp.UnmarshalText([]byte(s)) })
			}
		}},
	})
}
