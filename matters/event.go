package matters

import (
	"slices"
	"time"

	"github.com/qingdan/qingdan/matters/workday"
)

// Event is one step of a matter's history. Seq numbers a matter's events
// 1, 2, 3, …; At is when it happened; Actor is the unit that acts. Type is
// the matter type (Report only). Units is, for a Report, the owning
// sub-district (else the Actor owns the matter) and, for a Dispatch, the
// units dispatched to, lead first, then support. Routes is, for a Dispatch,
// the Version of the governance matter list ([Directory]) whose route the
// dispatch followed, so that grading and regrading use that revision
// rather than today's ([Catalog.RouteOf]); [Directory.Dispatch] fills it
// in. Override is, for a Dispatch that does not follow the route, the
// owner's reason for departing from it, which [Catalog.Apply] requires.
// Note is free text: for an Approve or Deny the approver's reason, for a
// Reply the answer given to the citizen, for a Feedback that corrects an
// earlier answer why. Satisfied is the citizen's answer (Feedback only):
// satisfied or not. Solved (Feedback only, optional) is the citizen's
// separate answer whether the problem was solved (解决), apart from
// satisfaction; nil when it was not asked. Days is the number of working
// days an Extend asks for. Ref is the Seq of the event this one answers:
// the request an Approve or Deny decides, the earlier answer a Feedback
// corrects. Supervisor is, for a Report, the body above the owner that may
// supervise the matter (督办). Units is, for an Urge (催办) or a Supervise
// (督办), the units it presses — each on the matter (its lead or a support
// unit not since returned, or the owner of a platform's matter) and not
// its actor — and none (nil) presses every unit on the matter, as every
// urging and supervision did before Units had a meaning on them, so that
// journals written before read and grade as they did ([Event.Presses];
// package scoring's FactsFor counts an urging or supervision only against
// the units it presses).
//
// Fields that an event's Kind does not use are kept in the history but
// have no effect. [Matter.Apply] says which events are legal when. An
// Event has no JSON decoder of its own: a host that takes events from
// outside reads each with [LoadEvent], strictly and within bounds.
//
// The clocks a unit is graded by run between the times of events, and
// Apply checks only that each is not before the one before it: it cannot
// tell an event dated back from one recorded late. A host stamps At
// itself when it takes an event in, rather than take the time a unit
// gives: a unit that dates its own events would date its Accept or
// Resolve back to the previous event, or an event ahead, which holds off
// every other party's events and the matter's supervision until then
// ([Catalog.Due] names such a matter).
type Event struct {
	Matter     string    `json:"matter"`
	Seq        int       `json:"seq"`
	At         time.Time `json:"at"`
	Kind       Kind      `json:"kind,omitempty"`
	Actor      string    `json:"actor,omitempty"`
	Type       string    `json:"type,omitempty"`
	Units      []string  `json:"units,omitempty"`
	Routes     string    `json:"routes,omitempty"`
	Override   string    `json:"override,omitempty"`
	Note       string    `json:"note,omitempty"`
	Satisfied  *bool     `json:"satisfied,omitempty"`
	Solved     *bool     `json:"solved,omitempty"`
	Days       int       `json:"days,omitempty"`
	Ref        int       `json:"ref,omitempty"`
	Supervisor string    `json:"supervisor,omitempty"`
}

// clone returns a copy of e that shares no memory with it, in the one form
// a matter keeps: its time in China Standard Time ([workday.CST]) with no
// monotonic reading, and no empty Units (nil), so that a matter rebuilt
// from its events' JSON is deeply equal to the one they were applied to.
func (e Event) clone() Event {
	e.At = e.At.In(workday.CST())
	if len(e.Units) == 0 {
		e.Units = nil
	} else {
		e.Units = slices.Clone(e.Units)
	}
	if e.Satisfied != nil {
		s := *e.Satisfied
		e.Satisfied = &s
	}
	if e.Solved != nil {
		s := *e.Solved
		e.Solved = &s
	}
	return e
}

// Presses reports whether e, an Urge or a Supervise, presses unit: its
// Units are empty (it presses every unit on the matter) or name unit. It
// is false for any other kind. It says nothing of whether unit was on the
// matter when e came, nor whether its actor's urging counts against unit:
// package scoring's FactsFor counts against the owner of a platform's
// matter the platform's urgings alone, and against a dispatched unit
// those while it is on the matter.
func (e *Event) Presses(unit string) bool {
	if e == nil {
		panic("matters: Presses of a nil *Event")
	}
	return (e.Kind == Urge || e.Kind == Supervise) && (len(e.Units) == 0 || slices.Contains(e.Units, unit))
}
