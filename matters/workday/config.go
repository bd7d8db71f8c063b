package workday

import (
	"fmt"
)

// Config says what calendar [New] builds. The zero Config is the State
// Council's calendar of [China]: the embedded schedules and the whole day
// as working hours. New copies what it needs, so the caller may change the
// Config afterwards.
type Config struct {
	// Schedules are further years, added to the embedded State Council
	// schedules of [ChinaSchedules] (or, with NoChina, the only ones), so
	// that a host adds the next year from its notice's data (see
	// [ParseSchedules]) without waiting for a release. A year already
	// covered is an error. Nil adds none.
	//
	// A notice may start its New Year break in the December before its
	// year (see [Schedule]); adding year Y+1 then changes those December
	// days of Y, as the notice does. Until Y+1 is added, they follow the
	// schedule of Y.
	Schedules []Schedule

	// Hours are the working hours of a working day: spans in order, not
	// overlapping, each within 00:00–24:00 and not empty (touching spans
	// are allowed). Nil or empty means the whole day.
	Hours []Span

	// NoChina leaves out the embedded State Council schedules: the
	// calendar covers only the years of Schedules. Use it for another
	// jurisdiction's calendar, or to replace a year, starting from
	// [ChinaSchedules] with that year changed.
	NoChina bool
}

// New builds the calendar that c describes. The years covered must be
// consecutive. Every problem is returned (the first hundred, and the
// number of the others), joined, each wrapping [ErrHours] or [ErrSchedule]
// and naming the span or schedule at fault.
func New(c Config) (*Calendar, error) {
	spans := c.Hours
	if len(spans) == 0 {
		spans = []Span{fullDay}
	}
	errs := checkHours(spans)

	var all []Schedule
	if !c.NoChina {
		all = append(all, chinaSchedules()...)
	}
	embedded := len(all)
	all = append(all, c.Schedules...)
	// Name each schedule as the caller knows it, not by its place in all.
	name := func(i int) string {
		if i < embedded {
			return fmt.Sprintf("ChinaSchedules()[%d]", i)
		}
		return fmt.Sprintf("Config.Schedules[%d]", i-embedded)
	}
	off, work, serrs := checkSchedules(all, name)
	errs = append(errs, serrs...)
	if len(all) == 0 {
		errs = append(errs, fmt.Errorf("%w: no schedules: a calendar needs at least one year", ErrSchedule))
	}
	errs = append(errs, checkConsecutive(all)...)
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	cal := &Calendar{}
	cal.build(all, off, work, spans)
	return cal, nil
}

// checkConsecutive reports the years missing between the first and last
// (of those within MinYear–MaxYear; the others are reported by expand).
func checkConsecutive(all []Schedule) []error {
	have := make(map[int]bool, len(all))
	first, last := MaxYear+1, MinYear-1
	for _, s := range all {
		if s.Year < MinYear || s.Year > MaxYear {
			continue
		}
		have[s.Year] = true
		first, last = min(first, s.Year), max(last, s.Year)
	}
	var errs []error
	for y := first; y <= last; y++ {
		if !have[y] {
			errs = append(errs, fmt.Errorf("%w: no schedule for %d: the years of a calendar must be consecutive (%d–%d given)", ErrSchedule, y, first, last))
		}
	}
	return errs
}
