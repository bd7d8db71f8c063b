package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/qingdan/qingdan/matters/workday"
)

// cst is China Standard Time, a fixed UTC+8 zone.
var cst = workday.CST()

// clock moves instants forward and back by working time on a calendar
// whose working day is the whole day (the default of workday.China): the
// generator lays a matter's events out in working time, the same measure
// that scoring.FactsFor reads them back with. It caches the calendar's
// answers per civil date.
type clock struct {
	cal  *workday.Calendar
	work map[int64]bool
}

// newClock returns a clock on cal, whose working day must be 24 hours.
func newClock(cal *workday.Calendar) (*clock, error) {
	if cal.Day() != 24*time.Hour {
		return nil, fmt.Errorf("wuhu: the generator needs whole working days, not %s", cal.Day())
	}
	return &clock{cal: cal, work: map[int64]bool{}}, nil
}

// midnight returns the start of t's civil date in China Standard Time.
func midnight(t time.Time) time.Time {
	y, m, d := t.In(cst).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, cst)
}

// isWorkday reports whether t's civil date is a working day.
func (c *clock) isWorkday(t time.Time) (bool, error) {
	day := midnight(t)
	key := day.Unix()
	if w, ok := c.work[key]; ok {
		return w, nil
	}
	w, err := c.cal.IsWorkday(day)
	if err != nil {
		return false, err
	}
	c.work[key] = w
	return w, nil
}

// errSpan reports a working-time step too long for the example's years.
var errSpan = errors.New("wuhu: working-time step runs past the calendar")

// add returns the instant d of working time after t (d ≥ 0).
func (c *clock) add(t time.Time, d time.Duration) (time.Time, error) {
	for range 3 * 366 {
		next := midnight(t).AddDate(0, 0, 1)
		w, err := c.isWorkday(t)
		if err != nil {
			return time.Time{}, err
		}
		if w {
			rest := next.Sub(t)
			if d < rest {
				return t.Add(d), nil
			}
			d -= rest
		}
		t = next
	}
	return time.Time{}, errSpan
}

// sub returns the instant d of working time before t (d ≥ 0).
func (c *clock) sub(t time.Time, d time.Duration) (time.Time, error) {
	for range 3 * 366 {
		start := midnight(t)
		if start.Equal(t) {
			start = start.AddDate(0, 0, -1)
		}
		w, err := c.isWorkday(start)
		if err != nil {
			return time.Time{}, err
		}
		if w {
			done := t.Sub(start)
			if d <= done {
				return t.Add(-d), nil
			}
			d -= done
		}
		t = start
	}
	return time.Time{}, errSpan
}

// daytime returns t if its clock reads from 08:00 to before 20:00 on a
// working day. A night's instant moves to the next working morning, the
// twelve hours from 20:00 squeezed into the three from 08:00, so that
// events keep their order.
func (c *clock) daytime(t time.Time) (time.Time, error) {
	t = t.In(cst)
	if h := t.Hour(); h >= 8 && h < 20 {
		if w, err := c.isWorkday(t); err != nil || w {
			return t, err
		}
	}
	night := midnight(t).Add(-4 * time.Hour) // 20:00 the evening before
	if t.Hour() >= 20 {
		night = night.AddDate(0, 0, 1)
	}
	late := (t.Sub(night) / 4).Truncate(time.Minute)
	if t.Hour() >= 8 && t.Hour() < 20 {
		late = 0 // a day off: first thing on the next working day
	}
	day := midnight(night.AddDate(0, 0, 1))
	for range 366 {
		w, err := c.isWorkday(day)
		if err != nil {
			return time.Time{}, err
		}
		if w {
			return day.Add(8*time.Hour + late), nil
		}
		day = day.AddDate(0, 0, 1)
	}
	return time.Time{}, errSpan
}
