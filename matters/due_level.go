package matters

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
)

// This file holds how far a matter's clocks have run at the instant of a
// scan of [Catalog.Due]: the units' from the latest dispatch, and the
// owner's of a platform's matter from the Report.

// level returns how far the matter's furthest clock has run: 0 under 75%
// of its limit, 1 at 75%, 2 overdue, 3 overdue by EscalateDays more; and
// whether that clock is the resolution clock.
func (s *dueScan) level(m *Matter, h *since, r *Route) (int, bool, error) {
	from := m.Events[h.d].At
	used := func(t time.Time) (time.Duration, error) {
		if h.paused {
			return m.elapsed(s.cal, m.Events, t) // names the matter
		}
		return m.between(s.cal, from, t)
	}
	escalate := s.c.Supervision.EscalateDays
	if day := s.cal.Day(); escalate < 0 || day <= 0 || int64(escalate) > math.MaxInt64/4/int64(day) {
		escalate = 0 // no escalation, or none a duration can measure
	}
	best, resolve := 0, false
	var now time.Duration // used(s.at), once read
	read := false
	if !h.accepted && r.Respond > 0 {
		limit := r.Respond
		var err error
		if now, err = used(s.at); err != nil {
			return 0, false, err
		}
		read = true
		// Overdue is more working time run than the limit (Status).
		switch grade(now, limit) {
		case Overdue:
			best = 2
			extra := time.Duration(escalate) * s.cal.Day()
			switch {
			case escalate == 0:
			case !h.paused:
				// Running time is working time since the dispatch.
				if limit <= math.MaxInt64-extra && now > limit+extra {
					best = 3
				}
			default:
				// A suspension after the due time does not put off the
				// escalation, as on the resolution clock.
				due, _, err := m.due(s.cal, m.Events, h.d, *r, false) // names the matter
				if err != nil {
					return 0, false, err
				}
				if best, err = s.escalated(m, due, escalate); err != nil {
					return 0, false, err
				}
			}
		case ThreeQuarters:
			best = 1
		}
	}
	if r.ResolveDays > 0 && best < 3 {
		ext := extended(m.Events, h.d, "")
		if ext > 0 && ext > math.MaxInt32-r.ResolveDays {
			return 0, false, fmt.Errorf("matters: matter %q: %d working days and %d of extensions overflow: %w", m.ID, r.ResolveDays, ext, ErrInvalid)
		}
		days := r.ResolveDays + ext
		var due time.Time
		var err error
		if h.paused {
			due, _, err = m.due(s.cal, m.Events, h.d, *r, true) // names the matter
		} else if due, err = s.cal.AddDays(from, days); err != nil {
			err = dueError(m.ID, from, err)
		}
		if err != nil {
			return 0, false, err
		}
		if !read {
			if now, err = used(s.at); err != nil {
				return 0, false, err
			}
		}
		level := 0
		switch grade(now, time.Duration(days)*s.cal.Day()) {
		case Overdue: // past due, and working time ran on past it
			level = 2
			if escalate > 0 {
				if level, err = s.escalated(m, due, escalate); err != nil {
					return 0, false, err
				}
			}
		case ThreeQuarters:
			level = 1
		}
		if level >= best {
			best, resolve = level, true
		}
	}
	return best, resolve, nil
}

// escalated returns the level of an overdue clock due at due: 3 once
// working time has run past escalate working days after due, else 2 (and
// 2 for a zero due, a clock stopped short of its limit).
func (s *dueScan) escalated(m *Matter, due time.Time, escalate int) (int, error) {
	if due.IsZero() {
		return 2, nil
	}
	further, err := s.cal.AddDays(due, escalate)
	if err != nil {
		return 0, fmt.Errorf("matters: matter %q: escalation %s after the due time %s: %w", m.ID, errtext.Count(escalate, "working day"), due.Format(timeLayout), err)
	}
	// As far past that: working time ran on past it.
	past, err := m.between(s.cal, further, s.at)
	if err != nil {
		return 0, err
	}
	if past > 0 {
		return 3, nil
	}
	return 2, nil
}

// ownerLevel is level for the owner of a platform's matter that no unit
// is on: its clocks run from the Report, on route r, less the suspensions
// the platform approved, as package scoring's FactsFor measures them for
// the owner — the response clock until the owner whistles or dispatches,
// the resolution clock against the route's days and the extensions the
// platform approved, in working days of cal.Day().
func (s *dueScan) ownerLevel(m *Matter, r *Route) (int, bool, error) {
	from := m.Events[0].At
	now, err := m.RunningFor(s.cal, m.Owner, from, s.at)
	if err != nil {
		return 0, false, err
	}
	day := s.cal.Day()
	escalate := s.c.Supervision.EscalateDays
	if escalate < 0 || day <= 0 || int64(escalate) > math.MaxInt64/4/int64(day) {
		escalate = 0 // no escalation, or none a duration can measure
	}
	acted := slices.ContainsFunc(m.Events, func(e Event) bool { return (e.Kind == Whistle || e.Kind == Dispatch) && e.Actor == m.Owner })
	var limits [2]time.Duration // response, resolution
	if !acted {
		limits[0] = r.Respond
	}
	if days := int64(r.ResolveDays) + int64(m.ExtendedDaysFor(m.Owner)); r.ResolveDays > 0 && day > 0 && days <= math.MaxInt64/4/int64(day) {
		limits[1] = time.Duration(days) * day
	}
	best, resolve := 0, false
	for i, limit := range limits {
		if limit <= 0 {
			continue
		}
		level := 0
		switch grade(now, limit) {
		case Overdue:
			level = 2
			if escalate > 0 {
				var err error
				if level, err = s.ownerEscalated(m, from, now, limit, escalate); err != nil {
					return 0, false, err
				}
			}
		case ThreeQuarters:
			level = 1
		}
		if level > 0 && level >= best {
			best, resolve = level, i == 1
		}
	}
	return best, resolve, nil
}

// ownerEscalated is escalated for the owner's clock of a platform's matter,
// overdue with now of running time since from, its Report, against limit:
// EscalateDays past its due time, as for the lead, so that a suspension
// the platform approved after the due time does not put the escalation
// off.
func (s *dueScan) ownerEscalated(m *Matter, from time.Time, now, limit time.Duration, escalate int) (int, error) {
	wall, err := m.between(s.cal, from, s.at)
	if err != nil {
		return 0, err
	}
	if extra := time.Duration(escalate) * s.cal.Day(); wall == now { // nothing stopped the clock: the plain sum
		if limit <= math.MaxInt64-extra && now > limit+extra {
			return 3, nil
		}
		return 2, nil
	}
	due, err := m.runningDue(s.cal, m.Owner, from, limit)
	if err != nil {
		return 0, err
	}
	return s.escalated(m, due, escalate)
}
