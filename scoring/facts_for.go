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
//   - Response is the working time from the latest Dispatch naming the
//     unit to its Accept of that dispatch (a Dispatch that names it again
//     awaits a new answer, whether or not it answered an earlier one: a
//     support unit made lead, or a lead dispatched again after its
//     return), and Resolution from the Dispatch to the matter's last
//     Resolve, both less the time of approved suspensions (from the
//     Approve to the Resume: a suspension asked for and not approved stops
//     nothing), as [matters.Matter.ElapsedTo] measures them (from the
//     latest Dispatch before the Accept or Resolve in the history: a
//     re-dispatch after the lead's return restarts the clock; one recorded
//     after the answer, if at the same instant, does not). When the step has not happened,
//     the figure is the working time so far: to the matter's last event,
//     or, for a unit whose return (退单) was approved before it accepted,
//     to that Return, its answer to the whistle, or, for a unit that the
//     approval of its lead's return took off the matter before it
//     accepted, to that approval, unless a later Dispatch names it again,
//     which awaits a new answer. A return denied, or still
//     waiting, stops nothing: the unit's response clock runs on until it
//     accepts, as a request does not stop the clock of the unit that asks.
//   - ResponseLimit is r.Respond; ResolutionLimit is r.ResolveDays plus the
//     days of approved extensions ([matters.Matter.ExtendedDays]), times
//     cal.Day(); a route with no resolution limit has none however
//     extended.
//   - Returned reports a Return (退单) the unit asked for, approved or not;
//     Urged and Supervised count the Urge and Supervise events that
//     pressed the unit — that name it in their Units, or name no one
//     (every unit on the matter, as before they could name any:
//     matters.Event.Presses) — while it was on the matter (from a
//     Dispatch naming it to one that does not, or to the approval of its
//     return or of its lead's, which takes every unit off the matter),
//     the owner's urgings and the platform's alike, so that an
//     urging or a supervision of the owner alone for its own delay does
//     not count against the units on time on theirs; Replied reports a Reply by
//     the unit; Stage is the matter's Progress count (分时段); Final reports
//     a matter resolved or closed whose history does not end with a
//     Progress: the facts of a stage are never Final, though the platform
//     grades its owner on a stage of a resolved matter, so that a stage is
//     kept under its own Stage ([Facts.Evaluation]).
//   - Evaluator is the matter's owner, Type its type.
//   - Satisfied is copied from the latest Feedback (回访) answer, as the
//     facts a citizen gave; Quality is left 0 for the sub-district to set.
//
// The owner of a matter that a platform (a hotline such as 12345) reported
// for it is graded too, by the platform: for unit == m.Owner where
// m.Platform is set, Evaluator is the platform, and the clocks run from
// the platform's Report — Response to the owner's first Whistle, Dispatch
// or Close, Resolution to the last Resolve that no Reopen undid (else to
// the Close: of a matter handled without a dispatch, or closed after its
// lead's return), less the suspensions the platform approved,
// and ResolutionLimit extended by the days the platform approved
// ([matters.Matter.RunningFor], [matters.Matter.ExtendedDaysFor]): the
// owner approves its lead's requests, and its own approvals do not stop
// or extend its own clock; Responded and Resolved say whether those
// happened; Returned reports that the owner asked to hand the matter back;
// Urged counts the platform's urgings and Supervised the supervisions that
// pressed the owner (that name it, or no one: the owner's urging of its
// units never counts against it, nor what names other units alone);
// Replied reports any Reply on the matter. Its route r is the one the
// owner is held to, which its own dispatch must not choose: package
// grading passes the route in force when the platform reported the matter.
//
// Errors wrap [ErrInvalid] for an empty unit, a route of another matter
// type (also matters.ErrNoRoute) or with negative or overflowing limits, a
// platform's matter without events graded for its owner;
// matters.ErrNotDispatched when no Dispatch names the unit (and it is not
// the owner of a platform's matter); and the calendar's errors, such as
// workday.ErrOutOfRange for a year it has no data for. A nil matter or
// calendar is a programmer's error: FactsFor panics.
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
	}
	owner := unit == m.Owner && m.Platform != ""
	days := int64(r.ResolveDays)
	if days > 0 {
		var ext int
		if owner {
			ext = m.ExtendedDaysFor(unit) // the platform's approvals, not the owner's own
		} else {
			ext = m.ExtendedDays()
		}
		if int64(ext) > math.MaxInt64-days {
			return Facts{}, fmt.Errorf("%w: matter %s: route %s: %d days and %d of extensions overflow", ErrInvalid, id, errtext.Quote(r.Type), days, ext)
		}
		days += int64(ext)
	}
	if cal.Day() > 0 && days > math.MaxInt64/int64(cal.Day()) {
		return Facts{}, fmt.Errorf("%w: matter %s: route %s: %d days overflow a duration", ErrInvalid, id, errtext.Quote(r.Type), days)
	}
	// Resolved or closed; the facts of a stage, as far as its Progress,
	// are not Final even so.
	done := m.State == matters.Resolved || m.State == matters.Closed
	stage := len(m.Events) > 0 && m.Events[len(m.Events)-1].Kind == matters.Progress
	f := Facts{
		Matter: m.ID, Subject: unit, Evaluator: m.Owner, Type: m.Type, Stage: m.Stage,
		Final:           done && !stage,
		ResponseLimit:   r.Respond,
		ResolutionLimit: time.Duration(days) * cal.Day(),
	}
	if owner {
		if len(m.Events) == 0 {
			return Facts{}, fmt.Errorf("%w: facts of matter %s: owner %s: no Report of the platform %s to run the clocks from", ErrInvalid,
				id, errtext.Quote(unit), errtext.Quote(m.Platform))
		}
		return ownerFacts(cal, m, f, done)
	}
	var dispatched, on bool
	var lead string // the lead of the latest Dispatch
	var asked int   // the Seq of the unit's latest Return while dispatched
	// The Seqs of the events the clocks run to: the answer is a place in
	// the history, not an instant that later events may share; off is the
	// approval of a return that took the unit off the matter before it
	// answered.
	var accept, resolve, returned, off int
	for i := range m.Events {
		e := &m.Events[i]
		switch e.Kind {
		case matters.Dispatch:
			on = slices.Contains(e.Units, unit)
			dispatched = dispatched || on
			if len(e.Units) > 0 {
				lead = e.Units[0]
			}
			if on {
				accept, returned, asked, off = 0, 0, 0, 0 // dispatched to it (again): the dispatch awaits its answer
			}
		case matters.Accept:
			if e.Actor == unit && dispatched && accept == 0 {
				accept = i + 1
			}
		case matters.Return:
			if e.Actor == unit && dispatched {
				f.Returned, asked = true, e.Seq
			}
		case matters.Approve:
			// Its return, or its lead's, which takes every unit off.
			if r := e.Ref - 1; r >= 0 && r < i && m.Events[r].Kind == matters.Return && (m.Events[r].Actor == unit || m.Events[r].Actor == lead) {
				if on && accept == 0 {
					off = i + 1
				}
				on = false
			}
			if e.Ref == asked && asked > 0 && returned == 0 {
				returned = asked // its answer to the whistle, now that it is approved
			}
		case matters.Urge:
			if on && e.Presses(unit) {
				f.Urged++
			}
		case matters.Supervise:
			if on && e.Presses(unit) {
				f.Supervised++
			}
		case matters.Reply:
			f.Replied = f.Replied || e.Actor == unit && dispatched
		case matters.Resolve:
			resolve = i + 1
		case matters.Feedback:
			f.feedback(e)
		}
	}
	if !dispatched {
		return Facts{}, fmt.Errorf("scoring: facts of matter %s: unit %s: %w", id, errtext.Quote(unit), matters.ErrNotDispatched)
	}
	f.Responded = accept > 0
	f.Resolved = resolve > 0 && done
	to := accept
	if !f.Responded {
		switch {
		case returned > 0:
			to = returned
		case off > 0:
			to = off
		default:
			to = len(m.Events)
		}
	}
	var err error
	if f.Response, err = m.ElapsedTo(cal, to); err != nil {
		return Facts{}, fmt.Errorf("scoring: response of unit %s: %w", errtext.Quote(unit), err)
	}
	to = resolve
	if !f.Resolved {
		to = len(m.Events)
	}
	if f.Resolution, err = m.ElapsedTo(cal, to); err != nil {
		return Facts{}, fmt.Errorf("scoring: resolution of unit %s: %w", errtext.Quote(unit), err)
	}
	return f, nil
}

// ownerFacts completes f, the facts of the owner of a matter a platform
// reported for it, graded by the platform, of a matter resolved or closed
// if done; see FactsFor.
func ownerFacts(cal *workday.Calendar, m *matters.Matter, f Facts, done bool) (Facts, error) {
	f.Evaluator = m.Platform
	report := m.Events[0].At
	var acted, resolve, closed, last time.Time
	for i := range m.Events {
		e := &m.Events[i]
		last = e.At
		switch e.Kind {
		case matters.Whistle, matters.Dispatch, matters.Close:
			if e.Actor == m.Owner && acted.IsZero() {
				acted = e.At
			}
			if e.Kind == matters.Close {
				closed = e.At
			}
		case matters.Return:
			f.Returned = f.Returned || e.Actor == m.Owner
		case matters.Urge:
			if e.Actor == m.Platform && e.Presses(m.Owner) {
				f.Urged++
			}
		case matters.Supervise:
			if e.Presses(m.Owner) {
				f.Supervised++
			}
		case matters.Reply:
			f.Replied = true
		case matters.Resolve:
			resolve = e.At
		case matters.Reopen:
			resolve = time.Time{} // undone: the matter is open again
		case matters.Feedback:
			f.feedback(e)
		}
	}
	if resolve.IsZero() {
		resolve = closed // closed without a dispatch, or after the lead's return
	}
	f.Responded, f.Resolved = !acted.IsZero(), !resolve.IsZero() && done
	var err error
	to := acted
	if !f.Responded {
		to = last
	}
	if f.Response, err = m.RunningFor(cal, m.Owner, report, to); err != nil {
		return Facts{}, fmt.Errorf("scoring: response of owner %s: %w", errtext.Quote(m.Owner), err)
	}
	to = resolve
	if !f.Resolved {
		to = last
	}
	if f.Resolution, err = m.RunningFor(cal, m.Owner, report, to); err != nil {
		return Facts{}, fmt.Errorf("scoring: resolution of owner %s: %w", errtext.Quote(m.Owner), err)
	}
	return f, nil
}

// feedback records the citizen's answer of a Feedback event, a copy of
// it, that a later answer replaces; an event without one changes nothing.
func (f *Facts) feedback(e *matters.Event) {
	if e.Satisfied != nil {
		answer := *e.Satisfied
		f.Satisfied = &answer
	}
}
