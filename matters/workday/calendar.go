package workday

import (
	"errors"
	"fmt"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
)

// ErrOutOfRange reports an instant on a date the calendar has no data for:
// a year without a schedule, a zero time, or a count of working days that
// runs past the first or last covered date. The message names the date.
var ErrOutOfRange = errors.New("workday: date out of range")

const secondsPerDay = 24 * 60 * 60

// cstOffset is China Standard Time's offset from UTC, in seconds.
const cstOffset = 8 * 60 * 60

var cst = time.FixedZone("CST", cstOffset)

// CST returns China Standard Time, the fixed zone UTC+8 in which the
// calendar reads civil dates. It needs no time-zone database.
func CST() *time.Location { return cst }

// Calendar is a working-day calendar: the holiday schedules of a run of
// consecutive years and the working hours of a working day.
//
// Build one with [New] or take the State Council's with [China]. A Calendar
// is immutable once built and safe for concurrent use by multiple
// goroutines. The zero Calendar covers no year: every date is
// [ErrOutOfRange] and Day is 0. A nil *Calendar is a programmer's error:
// its methods panic.
type Calendar struct {
	first, last int   // the years covered
	start       int64 // day number of 1 January of first
	// cum[i] is the number of working days before day start+i; it has one
	// entry per covered day plus one, so cum[len-1] is the total.
	cum []int32
	// ord[k] is the day index (from start) of the k-th working day.
	ord []int32
	// spans are the working hours; ends[j] is the working time of a
	// working day up to the end of spans[j].
	spans     []Span
	ends      []time.Duration
	day       time.Duration
	schedules []Schedule
}

// build fills the tables from validated input.
func (c *Calendar) build(all []Schedule, off, work [][]int64, spans []Span) {
	c.first, c.last = all[0].Year, all[0].Year
	for _, s := range all {
		c.first, c.last = min(c.first, s.Year), max(c.last, s.Year)
	}
	c.start = civilDay(c.first, time.January, 1)
	n := civilDay(c.last+1, time.January, 1) - c.start
	working := make([]bool, n)
	for i := range working {
		wd := weekday(c.start + int64(i))
		working[i] = wd != time.Saturday && wd != time.Sunday
	}
	set := func(days []int64, v bool) {
		for _, d := range days {
			if i := d - c.start; i >= 0 && i < n {
				working[i] = v
			}
		}
	}
	for i := range all {
		set(off[i], false)
		set(work[i], true)
	}
	c.cum = make([]int32, n+1)
	for i, w := range working {
		c.cum[i+1] = c.cum[i]
		if w {
			c.cum[i+1]++
			c.ord = append(c.ord, int32(i))
		}
	}
	c.spans = append([]Span{}, spans...)
	c.ends = make([]time.Duration, len(spans))
	var sum time.Duration
	for j, s := range spans {
		sum += s.End - s.Start
		c.ends[j] = sum
	}
	c.day = sum
	c.schedules = make([]Schedule, len(all))
	for i := range all {
		c.schedules[i] = all[i].clone()
	}
}

// Day returns the working time of one working day: the sum of the working
// hours (24h by default; 6h30m for 08:30–12:00 and 14:30–17:30). It is 0 for
// the zero Calendar.
func (c *Calendar) Day() time.Duration {
	mustCalendar(c, "Day")
	return c.day
}

// Years returns the first and last year the calendar covers; 0, 0 for the
// zero Calendar.
func (c *Calendar) Years() (first, last int) {
	mustCalendar(c, "Years")
	return c.first, c.last
}

// Hours returns a copy of the working hours; nil for the zero Calendar.
// For a calendar New built,
// New(Config{Schedules: c.Schedules(), Hours: c.Hours(), NoChina: true})
// builds a calendar equal to c (the zero Calendar has no schedule to
// build from).
func (c *Calendar) Hours() []Span {
	mustCalendar(c, "Hours")
	return append([]Span(nil), c.spans...)
}

// Schedules returns a copy of the schedules the calendar was built from,
// in the order given to New (the embedded ones first); nil for the zero
// Calendar.
func (c *Calendar) Schedules() []Schedule {
	mustCalendar(c, "Schedules")
	if len(c.schedules) == 0 {
		return nil
	}
	out := make([]Schedule, len(c.schedules))
	for i := range c.schedules {
		out[i] = c.schedules[i].clone()
	}
	return out
}

// locate returns the index (from c.start) of t's civil date in CST and the
// time of day. The index may lie outside the covered days.
func (c *Calendar) locate(t time.Time) (i int64, clock time.Duration) {
	secs := t.Unix() + cstOffset
	day := secs / secondsPerDay
	if secs%secondsPerDay < 0 {
		day--
	}
	clock = time.Duration(secs-day*secondsPerDay)*time.Second + time.Duration(t.Nanosecond())
	return day - c.start, clock
}

func (c *Calendar) days() int64 {
	if len(c.cum) == 0 {
		return 0
	}
	return int64(len(c.cum) - 1)
}

// outOfRange builds the error for an instant whose date has no data.
func (c *Calendar) outOfRange(t time.Time) error {
	if t.IsZero() {
		return fmt.Errorf("%w: zero time", ErrOutOfRange)
	}
	date := t.In(cst).Format(dateLayout)
	if c.days() == 0 {
		return fmt.Errorf("%w: %s: the calendar covers no year", ErrOutOfRange, date)
	}
	return fmt.Errorf("%w: %s (CST): the calendar covers %d–%d", ErrOutOfRange, date, c.first, c.last)
}

// IsWorkday reports whether t's civil date in China Standard Time is a
// working day. A date outside the covered years, or a zero t, is
// [ErrOutOfRange].
func (c *Calendar) IsWorkday(t time.Time) (bool, error) {
	mustCalendar(c, "IsWorkday")
	i, _ := c.locate(t)
	if i < 0 || i >= c.days() || t.IsZero() {
		return false, c.outOfRange(t)
	}
	return c.cum[i+1] != c.cum[i], nil
}

// worked returns the working time of a working day before clock.
func (c *Calendar) worked(clock time.Duration) time.Duration {
	// Find the first span that ends after clock.
	lo, hi := 0, len(c.spans)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.spans[m].End <= clock {
			lo = m + 1
		} else {
			hi = m
		}
	}
	var w time.Duration
	if lo > 0 {
		w = c.ends[lo-1]
	}
	if lo < len(c.spans) && clock > c.spans[lo].Start {
		w += clock - c.spans[lo].Start
	}
	return w
}

// elapsed returns the working time from the start of the calendar to t.
// The midnight that ends the last covered day is accepted.
func (c *Calendar) elapsed(t time.Time) (time.Duration, error) {
	i, clock := c.locate(t)
	n := c.days()
	if t.IsZero() || i < 0 || i > n || (i == n && clock != 0) || n == 0 {
		return 0, c.outOfRange(t)
	}
	w := time.Duration(c.cum[i]) * c.day
	if i < n && c.cum[i+1] != c.cum[i] {
		w += c.worked(clock)
	}
	return w, nil
}

// Between returns the working time between two instants: the part of
// [from, to) that falls within the working hours of working days. If to is
// before from the result is negative, −Between(to, from), so that
// Between(a, b) + Between(b, c) == Between(a, c) for any instants.
//
// Both instants must lie on covered dates; the midnight that ends the last
// covered year is accepted as well, so a span can reach the end of the
// data. Anything else, a zero time included, is [ErrOutOfRange]. The cost is
// the same whatever the span.
func (c *Calendar) Between(from, to time.Time) (time.Duration, error) {
	mustCalendar(c, "Between")
	a, err := c.elapsed(from)
	if err != nil {
		return 0, err
	}
	b, err := c.elapsed(to)
	if err != nil {
		return 0, err
	}
	return b - a, nil
}

// AddDays returns the instant n working days after from, at the same clock
// time in China Standard Time (the result is in [CST]).
//
// If from's date is a working day the result is the same clock time on the
// n-th working day after it, whether or not the clock time is within
// working hours; n = 0 returns from. If from's date is not a working day,
// counting starts at the beginning of the next working day's working hours
// (顺延: the start of its first span, midnight by default): from a Saturday,
// n = 0 gives Monday at the start of working hours and n = 1 gives Tuesday
// at that time, when exactly one working day (all of Monday's hours) has
// passed.
//
// A negative n counts backwards the same way: from a day that is not a
// working day, counting starts at the end of the previous working day's
// working hours.
//
// Either way Between(from, AddDays(from, n)) == n × Day() for every n. A
// from outside the covered years, or a count that runs past them, is
// [ErrOutOfRange]. The cost is the same whatever n.
func (c *Calendar) AddDays(from time.Time, n int) (time.Time, error) {
	mustCalendar(c, "AddDays")
	i, clock := c.locate(from)
	days := c.days()
	if from.IsZero() || i < 0 || i >= days {
		return time.Time{}, c.outOfRange(from)
	}
	total := int64(len(c.ord))
	// k is the ordinal of from's day if it is a working day, else of the
	// next working day (possibly total, if there is none).
	k := int64(c.cum[i])
	target := k
	switch {
	case c.cum[i+1] != c.cum[i]: // a working day: keep the clock
		if n == 0 {
			return from.In(cst), nil
		}
	case n >= 0: // start of the next working day's hours
		clock = c.spans[0].Start
	default: // end of the previous working day's hours
		clock = c.spans[len(c.spans)-1].End
		target = k - 1
	}
	if (n >= 0 && int64(n) > total-1-target) || (n < 0 && int64(n) < -target) {
		dir, edge := "after", fmt.Sprintf("the end of %d", c.last)
		if n < 0 {
			dir, edge = "before", fmt.Sprintf("the start of %d", c.first)
		}
		return time.Time{}, fmt.Errorf("%w: %s %s %s (CST) runs past %s, the edge of the data",
			ErrOutOfRange, errtext.Count(abs(n), "working day"), dir, from.In(cst).Format(dateLayout), edge)
	}
	target += int64(n)
	day := c.start + int64(c.ord[target])
	secs := day*secondsPerDay - cstOffset
	return time.Unix(secs, 0).Add(clock).In(cst), nil
}

func abs(n int) uint64 {
	if n < 0 {
		return uint64(-(n + 1)) + 1
	}
	return uint64(n)
}

// mustCalendar panics on a nil calendar, naming the method called on it:
// which calendar was meant is the caller's decision, not one to guess.
func mustCalendar(c *Calendar, method string) {
	if c == nil {
		panic("workday: " + method + " of a nil *Calendar")
	}
}
