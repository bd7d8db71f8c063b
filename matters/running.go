package matters

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/matters/workday"
)

// This file measures the time a matter's clock ran: from a dispatch, less
// the approved suspensions, with the days of approved extensions.

// span is a stretch of time in which a matter's clock runs; a zero end
// means it still runs.
type span struct{ start, end time.Time }

// decided returns the kind of the request that the Approve or Deny e
// decides among events (e's own history), or 0.
func decided(events []Event, e *Event) Kind {
	if e.Ref < 1 || e.Ref > len(events) {
		return 0
	}
	return events[e.Ref-1].Kind
}

// running returns the spans after the Dispatch at events[d] in which the
// clock ran: it stops at each approved suspension — at the Approve, not at
// the request, for the clock runs while a request waits — and starts again
// at each Resume.
func running(events []Event, d int) []span {
	spans := []span{{start: events[d].At}}
	for i := d + 1; i < len(events); i++ {
		e := &events[i]
		last := &spans[len(spans)-1]
		switch {
		case e.Kind == Approve && last.end.IsZero() && decided(events, e) == Suspend:
			last.end = e.At
		case e.Kind == Resume && !last.end.IsZero():
			spans = append(spans, span{start: e.At})
		}
	}
	return spans
}

// extended returns the working days that approved extensions added to the
// resolution limit of the Dispatch at events[d]; an approval by self, if
// self is not empty, adds nothing (see Matter.ExtendedDaysFor).
func extended(events []Event, d int, self string) int {
	days := 0
	for i := d + 1; i < len(events); i++ {
		if e := &events[i]; e.Kind == Approve && decided(events, e) == Extend && (self == "" || e.Actor != self) {
			days += events[e.Ref-1].Days
		}
	}
	return days
}

// ExtendedDays returns the working days that approved extensions (an
// Extend, then its Approve) added to the resolution limit of the matter's
// latest dispatch: the days by which [Matter.Deadlines] moves the
// resolution due time, and grading the resolution limit. An Extend that
// waits, or was denied, adds nothing; 0 for a matter never dispatched.
// It panics if m is nil.
func (m *Matter) ExtendedDays() int {
	mustMatter(m, "ExtendedDays")
	return m.ExtendedDaysFor("")
}

// ExtendedDaysFor is [Matter.ExtendedDays] for unit, a unit graded on the
// matter: an extension unit approved itself adds nothing, so that no unit
// moves its own deadline. The owner of a matter a platform reported,
// graded by the platform, approves its lead's requests; only the
// extensions the platform approved move the owner's deadline, and, as its
// clock runs from the Report, those of every dispatch: a re-dispatch
// after its lead's return restarts the lead's clock, not the owner's. An
// empty unit counts every approval, as ExtendedDays does. It panics if m
// is nil.
func (m *Matter) ExtendedDaysFor(unit string) int {
	mustMatter(m, "ExtendedDaysFor")
	if unit != "" && unit == m.Owner && m.Platform != "" {
		return extended(m.Events, 0, unit) // from the Report
	}
	d := lastDispatch(m.Events)
	if d < 0 {
		return 0
	}
	return extended(m.Events, d, unit)
}

// Running returns the working time on cal from from to to during which
// the matter's clock ran: [workday.Calendar.Between] less the working time
// of every approved suspension that overlaps the span (from its Approve to
// its Resume, or to to while it lasts). Unapproved, denied and waiting
// requests stop nothing. It is the measure for a span that does not start
// at a dispatch, such as the owner's time from a hotline's report;
// [Matter.Elapsed] is Running from the latest dispatch.
//
// A to before from is an [ErrInvalid] error; the calendar's errors (such as
// [workday.ErrOutOfRange]) are returned wrapped. It panics if m or cal is
// nil.
func (m *Matter) Running(cal *workday.Calendar, from, to time.Time) (time.Duration, error) {
	mustMatter(m, "Running")
	mustCalendar(cal, "Matter.Running")
	return m.RunningFor(cal, "", from, to)
}

// RunningFor is [Matter.Running] for unit, a unit graded on the matter: a
// suspension unit approved itself stops nothing (nor does its Resume
// start anything), so that no unit stops its own clock. The owner of a
// matter a platform reported, graded by the platform, approves its lead's
// requests; only the suspensions the platform approved stop the owner's
// clock. An empty unit counts every approval, as Running does. It panics
// if m or cal is nil.
func (m *Matter) RunningFor(cal *workday.Calendar, unit string, from, to time.Time) (time.Duration, error) {
	mustMatter(m, "RunningFor")
	mustCalendar(cal, "Matter.RunningFor")
	if to.Before(from) {
		return 0, fmt.Errorf("matters: matter %q: running time from %s to %s, which is before it: %w", m.ID, from.Format(timeLayout), to.Format(timeLayout), ErrInvalid)
	}
	total, err := m.between(cal, from, to)
	if err != nil {
		return 0, err
	}
	for _, p := range m.pauses(unit) {
		end := p.end
		if end.IsZero() {
			end = to
		}
		if total, err = m.less(cal, total, p.start, end, from, to); err != nil {
			return 0, err
		}
	}
	return total, nil
}

// pauses returns the approved suspensions that stop unit's clock, as
// RunningFor counts them, each from its Approve to its Resume (a zero end:
// it lasts), in order.
func (m *Matter) pauses(unit string) []span {
	var out []span
	for i := range m.Events {
		e := &m.Events[i]
		open := len(out) > 0 && out[len(out)-1].end.IsZero()
		switch {
		case e.Kind == Approve && !open && decided(m.Events, e) == Suspend && (unit == "" || e.Actor != unit):
			out = append(out, span{start: e.At})
		case e.Kind == Resume && open:
			out[len(out)-1].end = e.At
		}
	}
	return out
}

// runningDue returns the earliest instant at which limit of unit's clock
// has run since from, as RunningFor measures it; zero if a suspension
// that lasts stopped it short of the limit.
func (m *Matter) runningDue(cal *workday.Calendar, unit string, from time.Time, limit time.Duration) (time.Time, error) {
	left, cursor := limit, from
	for _, p := range m.pauses(unit) {
		if !p.start.After(cursor) {
			if p.end.IsZero() {
				return time.Time{}, nil
			}
			cursor = later(cursor, p.end)
			continue
		}
		w, err := m.between(cal, cursor, p.start)
		if err != nil {
			return time.Time{}, err
		}
		if w >= left {
			break
		}
		if left -= w; p.end.IsZero() {
			return time.Time{}, nil
		}
		cursor = p.end
	}
	return addWorking(cal, cursor, left)
}

// later returns the later of a and b.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// less subtracts from total the working time of the pause [start, end)
// that falls within [from, to).
func (m *Matter) less(cal *workday.Calendar, total time.Duration, start, end, from, to time.Time) (time.Duration, error) {
	if start.Before(from) {
		start = from
	}
	if end.After(to) {
		end = to
	}
	if !start.Before(end) {
		return total, nil
	}
	w, err := m.between(cal, start, end)
	if err != nil {
		return 0, err
	}
	return total - w, nil
}
