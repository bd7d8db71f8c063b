package scoring

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// FactsFor reads the facts of unit's answer to matter m off the matter's
// history, with working time on cal and the limits of route r:
//
//   - Response is the working time from the Dispatch to the unit's first
//     Accept, and Resolution from the Dispatch to the matter's last
//     Resolve, both less suspended time, as [matters.Matter.Elapsed]
//     measures them (from the latest Dispatch at or before the Accept or
//     Resolve: a re-dispatch after the lead's return restarts the clock).
//     When the step has not happened, the figure is the working time so
//     far: to the matter's last event, or, for a unit that returned the
//     matter without accepting it, to its Return.
//   - ResponseLimit is r.Respond; ResolutionLimit is r.ResolveDays × cal.Day().
//   - Returned reports a Return (退单) by the unit; Stage is the matter's
//     Progress count (分时段); Final reports a matter resolved or closed.
//   - Evaluator is the matter's owner, Type its type.
//   - Satisfied is copied from the latest Feedback (回访) answer, as the
//     facts a citizen gave; Quality is left 0 for the sub-district to set.
//
// Errors wrap [ErrInvalid] for a nil matter, a nil calendar, an empty
// unit, a route of another matter type (also matters.ErrNoRoute) or with
// negative or overflowing limits; [ErrNotDispatched] when no Dispatch
// names the unit; and the calendar's errors, such as
// workday.ErrOutOfRange for a year it has no data for.
func FactsFor(m *matters.Matter, unit string, cal *workday.Calendar, r matters.Route) (Facts, error) {
	switch {
	case m == nil:
		return Facts{}, fmt.Errorf("%w: facts of a nil matter", ErrInvalid)
	case cal == nil:
		return Facts{}, fmt.Errorf("%w: facts of matter %q: nil calendar", ErrInvalid, m.ID)
	case unit == "":
		return Facts{}, fmt.Errorf("%w: facts of matter %q: no unit", ErrInvalid, m.ID)
	case r.Type != "" && r.Type != m.Type:
		return Facts{}, fmt.Errorf("%w: matter %q of type %q given the route of type %q: %w", ErrInvalid, m.ID, m.Type, r.Type, matters.ErrNoRoute)
	case r.Respond < 0 || r.ResolveDays < 0:
		return Facts{}, fmt.Errorf("%w: matter %q: route %q has a negative limit", ErrInvalid, m.ID, r.Type)
	case cal.Day() > 0 && int64(r.ResolveDays) > math.MaxInt64/int64(cal.Day()):
		return Facts{}, fmt.Errorf("%w: matter %q: route %q: %d days overflow a duration", ErrInvalid, m.ID, r.Type, r.ResolveDays)
	}
	f := Facts{
		Matter: m.ID, Subject: unit, Evaluator: m.Owner, Type: m.Type, Stage: m.Stage,
		Final:           m.State == matters.Resolved || m.State == matters.Closed,
		ResponseLimit:   r.Respond,
		ResolutionLimit: time.Duration(r.ResolveDays) * cal.Day(),
	}
	var dispatched bool
	var accept, resolve, returned, last time.Time
	for _, e := range m.Events {
		last = e.At
		switch e.Kind {
		case matters.Dispatch:
			dispatched = dispatched || slices.Contains(e.Units, unit)
		case matters.Accept:
			if e.Actor == unit && dispatched && accept.IsZero() {
				accept = e.At
			}
		case matters.Return:
			if e.Actor == unit && dispatched {
				f.Returned = true
				if returned.IsZero() {
					returned = e.At
				}
			}
		case matters.Resolve:
			resolve = e.At
		case matters.Feedback:
			if e.Satisfied != nil {
				f.Satisfied = ptr(*e.Satisfied)
			}
		}
	}
	if !dispatched {
		return Facts{}, fmt.Errorf("%w: matter %q, unit %q", ErrNotDispatched, m.ID, unit)
	}
	f.Responded = !accept.IsZero()
	f.Resolved = !resolve.IsZero() && f.Final
	to := accept
	if !f.Responded {
		to = last
		if !returned.IsZero() {
			to = returned
		}
	}
	var err error
	if f.Response, err = m.Elapsed(cal, to); err != nil {
		return Facts{}, fmt.Errorf("response of unit %q: %w", unit, err)
	}
	to = resolve
	if !f.Resolved {
		to = last
	}
	if f.Resolution, err = m.Elapsed(cal, to); err != nil {
		return Facts{}, fmt.Errorf("resolution of unit %q: %w", unit, err)
	}
	return f, nil
}
