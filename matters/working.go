package matters

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/matters/workday"
)

// This file finds the instant at which a span of working time has run.

// addWorking returns the earliest instant at which d of working time has
// run on cal since from: a bisection over Between, which is monotone in
// its second argument and constant-time per call.
func addWorking(cal *workday.Calendar, from time.Time, d time.Duration) (time.Time, error) {
	if d <= 0 {
		return from, nil
	}
	day := cal.Day()
	if day <= 0 {
		return time.Time{}, fmt.Errorf("matters: calendar has no working time in a day: %w", ErrInvalid)
	}
	n := int(d/day) + 1
	var hi time.Time
	for try := 0; ; try++ {
		var err error
		if hi, err = cal.AddDays(from, n); err != nil {
			// The data may end before n working days but not before d
			// has run: 4 hours from 09:00 on the last day it covers.
			if hi = dataEnd(cal); !hi.After(from) {
				return time.Time{}, err
			}
			if w, werr := cal.Between(from, hi); werr != nil || w < d {
				return time.Time{}, err
			}
			break
		}
		w, err := cal.Between(from, hi)
		if err != nil {
			return time.Time{}, err
		}
		if w >= d {
			break
		}
		if try == 8 {
			return time.Time{}, fmt.Errorf("matters: %s of working time after %s not reached within %d working days: %w", d, from.Format(timeLayout), n, ErrInvalid)
		}
		n *= 2
	}
	lo := from // invariant: Between(from, lo) < d <= Between(from, hi)
	for hi.Sub(lo) > 1 {
		mid := lo.Add(hi.Sub(lo) / 2)
		w, err := cal.Between(from, mid)
		if err != nil {
			return time.Time{}, err
		}
		if w >= d {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi, nil
}

// dataEnd returns the midnight that ends the last year cal covers, the
// last instant [workday.Calendar.Between] measures to.
func dataEnd(cal *workday.Calendar) time.Time {
	_, last := cal.Years()
	return time.Date(last+1, time.January, 1, 0, 0, 0, 0, workday.CST())
}
