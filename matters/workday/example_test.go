package workday_test

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/matters/workday"
)

func ExampleChina() {
	cal := workday.China()
	for _, date := range []string{"2026-02-14", "2026-02-16", "2026-03-02"} {
		t, _ := time.ParseInLocation("2006-01-02", date, workday.CST())
		ok, err := cal.IsWorkday(t)
		fmt.Println(date, t.Weekday(), ok, err)
	}
	first, last := cal.Years()
	fmt.Println("covers", first, "to", last)
	_, err := cal.IsWorkday(time.Date(2031, 1, 2, 9, 0, 0, 0, workday.CST()))
	fmt.Println(err)
	// Output:
	// 2026-02-14 Saturday true <nil>
	// 2026-02-16 Monday false <nil>
	// 2026-03-02 Monday true <nil>
	// covers 2019 to 2027
	// workday: date out of range: 2031-01-02 (CST): the calendar covers 2019–2027
}

func ExampleCalendar_Between() {
	cal, err := workday.New(workday.Config{Hours: []workday.Span{
		{Start: 8*time.Hour + 30*time.Minute, End: 12 * time.Hour},
		{Start: 14*time.Hour + 30*time.Minute, End: 17*time.Hour + 30*time.Minute},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("a working day:", cal.Day())
	cst := workday.CST()
	// Friday 16:00 before the Spring Festival of 2026 to the Tuesday after it:
	// 1h30m on Friday, the make-up Saturday, 30m on Tuesday.
	from := time.Date(2026, 2, 13, 16, 0, 0, 0, cst)
	to := time.Date(2026, 2, 24, 9, 0, 0, 0, cst)
	w, _ := cal.Between(from, to)
	fmt.Println("across the Spring Festival:", w)
	// Over lunch, nothing passes.
	w, _ = cal.Between(time.Date(2026, 3, 2, 12, 0, 0, 0, cst), time.Date(2026, 3, 2, 14, 30, 0, 0, cst))
	fmt.Println("over lunch:", w)
	// Output:
	// a working day: 6h30m0s
	// across the Spring Festival: 8h30m0s
	// over lunch: 0s
}

func ExampleCalendar_AddDays() {
	cal := workday.China()
	cst := workday.CST()
	// Due three working days after Wednesday 30 September 2026, 10:00: the
	// National Day break runs 1–7 October.
	due, _ := cal.AddDays(time.Date(2026, 9, 30, 10, 0, 0, 0, cst), 3)
	fmt.Println(due.Format("2006-01-02 Mon 15:04"))
	// Dispatched on a holiday: counting starts with the next working day,
	// Thursday 8 October, so one working day runs out as Friday begins.
	due, _ = cal.AddDays(time.Date(2026, 10, 3, 10, 0, 0, 0, cst), 1)
	fmt.Println(due.Format("2006-01-02 Mon 15:04"))
	// Output:
	// 2026-10-10 Sat 10:00
	// 2026-10-09 Fri 00:00
}

func ExampleNew() {
	// When the State Council publishes the next year's notice, a host loads
	// its dates. (These dates are for illustration only, not a notice.)
	data := []byte(`{
	  "year": 2028,
	  "notice": "国务院办公厅关于2028年部分节假日安排的通知（illustration）",
	  "holidays": ["2028-01-01/2028-01-03", "2028-01-25/2028-02-01"],
	  "workdays": ["2028-01-22", "2028-02-05"]
	}`)
	next, err := workday.ParseSchedules(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	cal, err := workday.New(workday.Config{Schedules: next})
	if err != nil {
		fmt.Println(err)
		return
	}
	first, last := cal.Years()
	fmt.Println(first, last)
	ok, _ := cal.IsWorkday(time.Date(2028, 1, 22, 9, 0, 0, 0, workday.CST()))
	fmt.Println("Saturday 22 January 2028 is a working day:", ok)
	// Output:
	// 2019 2028
	// Saturday 22 January 2028 is a working day: true
}

func ExampleParseSpan() {
	s, err := workday.ParseSpan("08:30-12:00")
	fmt.Println(s.Start, s.End, err)
	_, err = workday.New(workday.Config{Hours: []workday.Span{s, {Start: 11 * time.Hour, End: 13 * time.Hour}}})
	fmt.Println(err)
	// Output:
	// 8h30m0s 12h0m0s <nil>
	// workday: invalid working hours: hours[1] 11:00-13:00: starts before hours[0] 08:30-12:00 ends (spans must be in order and must not overlap)
}

// A Config for another jurisdiction: its own schedule and office hours,
// without the State Council's; its working time over a holiday and a
// make-up day. The zero Config is China's calendar, but one that leaves
// out the State Council's schedules and gives none of its own is refused.
func ExampleConfig() {
	hours := []workday.Span{}
	for _, text := range []string{"09:00-12:00", "13:00-17:00"} {
		s, err := workday.ParseSpan(text)
		if err != nil {
			fmt.Println(err)
			return
		}
		hours = append(hours, s)
	}
	cal, err := workday.New(workday.Config{
		Schedules: []workday.Schedule{{
			Year:     2030,
			Notice:   "a local notice (illustration)",
			Holidays: []string{"2030-10-01/2030-10-04"},
			Workdays: []string{"2030-09-29"},
		}},
		Hours:   hours,
		NoChina: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	first, last := cal.Years()
	fmt.Println("covers", first, "to", last, "with a working day of", cal.Day())
	// Friday 27 September 16:00 to Monday 7 October 10:00: 1h on Friday,
	// 7h on the make-up Sunday and 7h on Monday 30 September, 1 to 4
	// October off, then 1h on Monday.
	cst := workday.CST()
	w, _ := cal.Between(time.Date(2030, 9, 27, 16, 0, 0, 0, cst), time.Date(2030, 10, 7, 10, 0, 0, 0, cst))
	fmt.Println(w)
	_, err = workday.New(workday.Config{NoChina: true})
	fmt.Println(err)
	// Output:
	// covers 2030 to 2030 with a working day of 7h0m0s
	// 16h0m0s
	// workday: invalid schedule: no schedules: a calendar needs at least one year
}
