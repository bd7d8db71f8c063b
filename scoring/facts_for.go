package scoring

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// FactsFor reads the facts of unit's answer to matter m off the matter's
// history, with working time on calendar cal and the limits of route r —
// the route the matter's dispatch followed, which matters.Catalog.RouteOf
// finds in the revision of the governance matter list the Dispatch
// recorded, so that regrading after the list changes gives the same
// answer:
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
// Errors wrap [ErrInvalid] for an empty unit, a route of another matter
// type (also matters.ErrNoRoute) or with negative or overflowing limits;
// matters.ErrNotDispatched when no Dispatch names the unit; and the
// calendar's errors, such as workday.ErrOutOfRange for a year it has no
// data for. A nil matter or calendar is a programmer's error: FactsFor
// panics.
func FactsFor(cal *workday.Calendar, m *matters.Matter, unit string, r matters.Route) (Facts, error) {
	switch {
	case cal == nil:
		panic("scoring: FactsFor: nil *workday.Calendar")
	case m == nil:
		panic("scoring: FactsFor: nil *matters.Matter")
	}
	id := errtext.Quote(m.ID)
	switch {
	case unit == "":
		return Facts{}, fmt.Errorf("%w: facts of matter %s: no unit", ErrInvalid, id)
	case r.Type != "" && r.Type != m.Type:
		return Facts{}, fmt.Errorf("%w: matter %s of type %s given the route of type %s: %w", ErrInvalid, id,
			errtext.Quote(m.Type), errtext.Quote(r.Type), matters.ErrNoRoute)
	case r.Respond < 0 || r.ResolveDays < 0:
		return Facts{}, fmt.Errorf("%w: matter %s: route %s has a negative limit", ErrInvalid, id, errtext.Quote(r.Type))
	case cal.Day() > 0 && int64(r.ResolveDays) > math.MaxInt64/int64(cal.Day()):
		return Facts{}, fmt.Errorf("%w: matter %s: route %s: %d days overflow a duration", ErrInvalid, id, errtext.Quote(r.Type), r.ResolveDays)
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
				answer := *e.Satisfied
				f.Satisfied = &answer
			}
		}
	}
	if !dispatched {
		return Facts{}, fmt.Errorf("scoring: facts of matter %s: unit %s: %w", id, errtext.Quote(unit), matters.ErrNotDispatched)
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
		return Facts{}, fmt.Errorf("scoring: response of unit %s: %w", errtext.Quote(unit), err)
	}
	to = resolve
	if !f.Resolved {
		to = last
	}
	if f.Resolution, err = m.Elapsed(cal, to); err != nil {
		return Facts{}, fmt.Errorf("scoring: resolution of unit %s: %w", errtext.Quote(unit), err)
	}
	return f, nil
}
