package matters

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/qingdan/qingdan/internal/errtext"
)

// Matter is one matter, rebuilt from its events (event sourcing): its ID
// and Type; the Owner (the unit that whistles or dispatches it and grades
// the units it dispatches to); the Platform, the hotline (such as 91580)
// that reported the matter for its owner, which approves the owner's
// requests, asks the citizen (回访) and grades the owner; the Supervisor,
// the body above the owner that may supervise it (督办); its State; the
// Lead and Support units of the latest dispatch (a support unit whose
// return was approved has left Support); whether that dispatch went to more
// than one unit (Coordinated, 统筹); whether its clock is stopped by an
// approved suspension (Suspended); the number of Progress events so far
// (Stage, 分时段); the request awaiting a decision (Pending); and its
// Events in order.
//
// The zero Matter has no events; [Matter.Apply] with a Report starts it.
// Change a Matter only through Apply, which keeps the fields and the
// history consistent. A Matter is not safe for concurrent use while events
// are applied; its read-only methods may run concurrently.
type Matter struct {
	ID          string   `json:"id"`
	Type        string   `json:"type,omitempty"`
	Owner       string   `json:"owner,omitempty"`
	Platform    string   `json:"platform,omitempty"`
	Supervisor  string   `json:"supervisor,omitempty"`
	State       State    `json:"state,omitempty"`
	Lead        string   `json:"lead,omitempty"`
	Support     []string `json:"support,omitempty"`
	Coordinated bool     `json:"coordinated,omitempty"`
	Suspended   bool     `json:"suspended,omitempty"`
	Stage       int      `json:"stage,omitempty"`
	Pending     Pending  `json:"pending,omitzero"`
	Events      []Event  `json:"events,omitempty"`
}

// Pending is a request awaiting its decision (an Approve or a Deny): the
// Seq of the request event, its Kind (Suspend, Extend or Return), the
// Actor who asked and, for an Extend, the working Days asked for. The zero
// Pending means that no request waits.
type Pending struct {
	Seq   int    `json:"seq"`
	Kind  Kind   `json:"kind"`
	Actor string `json:"actor"`
	Days  int    `json:"days,omitempty"`
}

// MaxExtendDays is the most working days one Extend may ask for.
const MaxExtendDays = 365

// Apply applies one event to the matter, or rejects it and leaves the
// matter exactly as it was. Apply keeps its own copy of the event (no
// memory is shared with e's Units, Satisfied or Solved), with its time in China
// Standard Time (workday.CST) — the one zone of every time the package
// hands back — and nil for empty Units.
//
// First the order: e.Matter must be set (else [ErrInvalid]) and be the
// matter's ID once it has one, e.Seq must be the next number (1 for the
// first event) (both else [ErrOrder]); e.At must be set, in the years 1 to
// 9999 (in UTC, in China Standard Time and in its own zone, so that the
// matter and a journal can write it; else [ErrInvalid]) and not before
// the previous event's time ([ErrOrder]). At is kept, and compared, as a
// wall-clock instant: a monotonic clock reading (from time.Now) is
// dropped, so that Apply orders events as [Replay] and a journal do.
// e.Kind must be known and every text of e — Matter, Actor, Type, Units,
// Routes, Override, Note, Supervisor — valid UTF-8 of at most 4 MiB, so
// that the matter's JSON keeps it as it is, and every name — Matter,
// Actor, each of Units, Supervisor — written one way: no white space at
// either end, no control or invisible character such as a zero-width
// space, which a book refuses in every evaluation (both [ErrInvalid]);
// e.Actor must be set ([ErrActor]). Then the transition table of the package
// documentation, in this order: a state that does not allow the event is
// [ErrTransition], an actor who may not do it is [ErrActor], a payload the
// kind needs and lacks is [ErrInvalid]. In detail — O is the Owner, P the
// Platform, S the Supervisor, L the Lead, U a dispatched unit (the Lead or
// a Support unit still on the matter):
//
//   - Report, by anyone, only to the zero Matter (Seq 1): needs a Type; its
//     Units, if given, hold exactly one unit, the owning sub-district, else
//     the Actor owns the matter. A unit that reports for another — a city
//     hotline such as 91580 reporting for a sub-district, the city-to-street
//     direction of two-way dispatch (双向派单) — becomes the matter's
//     Platform. Supervisor, if given, becomes the matter's. → Reported.
//   - Whistle, by O, from Reported. → Whistled.
//   - Dispatch, by O, from Whistled, or from Reported without a whistle (派单:
//     how a hotline assigns the matters it owns to a department), not while
//     a request waits: needs Units, distinct and non-empty, lead first, none
//     of them O, P or S. Sets Lead and Support; Coordinated if more than
//     one unit. → Dispatched.
//   - Accept (应哨), by U, from Dispatched or Accepted, once per unit per
//     dispatch; allowed while suspended. The lead's Accept moves
//     Dispatched → Accepted; a support unit's leaves the state alone, and
//     may come from Resolved too: a support unit answers the whistle
//     within its own limit whatever its lead does, and a lead that
//     resolves at once does not take that answer away (the support unit
//     would be graded as never answering); the owner's Close ends it.
//   - Suspend (挂起), Extend (延期) and Return (退单) are requests: they
//     change nothing but Pending until a decision, and while one waits the
//     clock runs and no other request may be made. Suspend and Extend, by
//     L, O or P, from Dispatched or Accepted (Suspend not while suspended;
//     Extend needs Days, 1 to [MaxExtendDays]). Return, by U from
//     Dispatched or Accepted (the lead's not while suspended), or by O of a
//     matter with a Platform from Reported or Whistled, to hand it back to
//     the platform.
//   - Approve (批准) and Deny (驳回) decide the waiting request: needs Ref,
//     the request's Seq, and Note, the reason; the Actor is the approver on
//     record. A unit's request is decided by O or P; O's by P, or by O
//     itself on a matter with no platform (its own decision, on record);
//     P's by P. Approve is refused where the request can no longer take
//     effect (a suspension of a resolved matter: deny it). Its effect: an
//     approved Suspend stops the clock (Suspended); an approved Extend
//     moves the resolution deadline by its Days ([Matter.Deadlines]); an
//     approved Return by the lead sends the matter back to Whistled (to
//     Reported if it was dispatched without a whistle) and clears Lead,
//     Support and Coordinated, so the owner may dispatch it again; one by a
//     support unit takes it off Support; one by O hands the matter to P,
//     which becomes its Owner, back in Reported. Deny changes nothing else.
//   - Resume (恢复), by L, O or P, from Dispatched or Accepted, only while
//     suspended: the clock runs again.
//   - Progress (分时段), by U from Accepted, not while suspended (a stage
//     done); by O from Dispatched or Accepted (the owner grades its units
//     on a stage, 分时段评价, when it chooses: whether or not the lead has
//     accepted or reported a stage); by P from Reported, Whistled,
//     Dispatched, Accepted or Resolved (the platform grades the owner on a
//     stage, whether or not it has dispatched, and whether or not it
//     closes a resolved matter); O and P suspended or not, so that no
//     suspension the graded approved holds off its grader's stage:
//     Stage + 1.
//   - Resolve (办结), by L, from Accepted, not while suspended. → Resolved.
//   - Reopen (重办), by O or P, from Resolved. → Accepted, with the same units.
//   - Close (结案), by O, from Resolved, or from Reported where the owner
//     handled it without a whistle, not while a request waits. → Closed.
//     Nothing reopens a closed matter: on a platform's matter the owner's
//     Close is final, and ends the owner's clock when it closes without a
//     resolution (scoring.FactsFor); the platform reviews it with its
//     return visit (Feedback), whose answer package grading's amendments
//     carry, or stops it beforehand with a Reopen of the resolved matter;
//     a closed one whose citizen says no [Catalog.Due] has supervised.
//   - Feedback (回访), by P, or by O on a matter with no platform, from
//     Resolved or Closed: needs Satisfied, the citizen's answer. Where an
//     answer was recorded since the latest Reopen, a new one corrects it and
//     must say so: Ref names that answer's Seq and Note says why. The
//     latest answer counts.
//   - Urge (催办), by O or P, from Dispatched or Accepted; by P also from
//     Reported or Whistled, pressing the owner it grades.
//   - Supervise (督办), by S, from Dispatched, Accepted, Resolved or Closed,
//     and on a matter with a platform also from Reported or Whistled (the
//     owner sits on it: [Catalog.Due]).
//     On a matter with no supervisor on record, any unit but O, P and the
//     dispatched units may, and becomes its Supervisor.
//   - An Urge's or a Supervise's Units, if given, are the units it
//     presses, distinct and non-empty, each U or, on a matter with a
//     platform, O, and none of them its actor (else [ErrInvalid], naming
//     the unit); none presses every unit on the matter.
//   - Reply (答复), by L or O, from Dispatched, Accepted, Resolved or
//     Closed: needs Note, the answer given to the citizen.
//
// A rejected event returns an [*EventError] that names the matter, Seq,
// Kind and Actor and unwraps to the sentinel. [Catalog.Apply] adds the
// checks that need the lists in force and the calendar. It panics if m
// is nil.
func (m *Matter) Apply(e Event) error {
	mustMatter(m, "Apply")
	c := m.check(&e)
	if c.err != nil {
		return c.err
	}
	m.effect(e, c)
	m.Events = append(m.Events, e.clone())
	return nil
}

// effect changes the matter's fields for an accepted event.
func (m *Matter) effect(e Event, c checked) {
	switch e.Kind {
	case Report:
		m.ID, m.Type, m.Owner, m.State, m.Supervisor = e.Matter, e.Type, e.Actor, Reported, e.Supervisor
		if len(e.Units) == 1 && e.Units[0] != e.Actor {
			m.Owner, m.Platform = e.Units[0], e.Actor
		}
	case Whistle:
		m.State = Whistled
	case Dispatch:
		m.State = Dispatched
		m.Lead = e.Units[0]
		m.Support = slices.Clone(e.Units[1:])
		if len(m.Support) == 0 {
			m.Support = nil
		}
		m.Coordinated = len(e.Units) > 1
	case Accept:
		if c.lead && m.State == Dispatched {
			m.State = Accepted
		}
	case Suspend, Extend, Return:
		m.Pending = Pending{Seq: e.Seq, Kind: e.Kind, Actor: e.Actor}
		if e.Kind == Extend {
			m.Pending.Days = e.Days
		}
	case Approve:
		m.approve()
		m.Pending = Pending{}
	case Deny:
		m.Pending = Pending{}
	case Resume:
		m.Suspended = false
	case Progress:
		m.Stage++
	case Resolve:
		m.State = Resolved
	case Reopen:
		m.State = Accepted
	case Close:
		m.State = Closed
	case Supervise:
		if m.Supervisor == "" {
			m.Supervisor = e.Actor
		}
	}
}

const timeLayout = "2006-01-02T15:04:05Z07:00"

// who describes the matter's owner and units for an ErrActor message.
func (m *Matter) who() string {
	s := "owner " + errtext.Quote(m.Owner)
	if m.Platform != "" {
		s += ", platform " + errtext.Quote(m.Platform)
	}
	if m.Lead != "" {
		s += ", lead " + errtext.Quote(m.Lead)
	}
	if len(m.Support) > 0 {
		s += ", support ["
		for i, u := range m.Support[:min(len(m.Support), whoSupport)] {
			if i > 0 {
				s += " "
			}
			s += errtext.Quote(u)
		}
		if more := len(m.Support) - whoSupport; more > 0 {
			s += " and " + strconv.Itoa(more) + " more"
		}
		s += "]"
	}
	if m.Supervisor != "" {
		s += ", supervisor " + errtext.Quote(m.Supervisor)
	}
	return s
}

// whoSupport is the most support units who names; each name is cut as
// errtext.Quote cuts it, so that a message stays short whatever the
// matter holds.
const whoSupport = 8

func (m *Matter) stateText() string {
	if m.State == 0 {
		return "new"
	}
	s := m.State.String()
	if m.Suspended {
		s += " (suspended)"
	}
	return s
}

// lastDispatch returns the index of the latest Dispatch among events, or -1.
func lastDispatch(events []Event) int {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind == Dispatch {
			return i
		}
	}
	return -1
}

// acceptedBy returns the Seq of unit's Accept since the latest Dispatch, or 0.
func (m *Matter) acceptedBy(unit string) int {
	for i := len(m.Events) - 1; i >= 0; i-- {
		switch e := m.Events[i]; {
		case e.Kind == Dispatch:
			return 0
		case e.Kind == Accept && e.Actor == unit:
			return e.Seq
		}
	}
	return 0
}

// mustMatter panics on a nil matter, naming the method called on it: a
// matter's history is what its methods read, and there is none to guess.
func mustMatter(m *Matter, method string) {
	if m == nil {
		panic("matters: " + method + " of a nil *Matter")
	}
}

// Clone returns a deep copy of the matter; nil for nil.
func (m *Matter) Clone() *Matter {
	if m == nil {
		return nil
	}
	c := *m
	c.Support = slices.Clone(m.Support)
	if m.Events != nil {
		c.Events = make([]Event, len(m.Events))
		for i, e := range m.Events {
			c.Events[i] = e
			c.Events[i].Units = slices.Clone(e.Units)
			if e.Satisfied != nil {
				s := *e.Satisfied
				c.Events[i].Satisfied = &s
			}
			if e.Solved != nil {
				s := *e.Solved
				c.Events[i].Solved = &s
			}
		}
	}
	return &c
}

// Replay rebuilds a matter from its events, applying each in order with
// [Matter.Apply]; the matter keeps its own copies of the events. It is
// exact: replaying a matter's Events gives a matter equal to it. An empty
// history is an [ErrInvalid] error; a rejected event is returned as Apply
// returns it, wrapped with its index, and no matter.
func Replay(events []Event) (*Matter, error) {
	if len(events) == 0 {
		return nil, fmt.Errorf("matters: replay of no events: %w", ErrInvalid)
	}
	m := &Matter{Events: make([]Event, 0, len(events))}
	for i, e := range events {
		if err := m.Apply(e); err != nil {
			return nil, fmt.Errorf("matters: replay: event %d: %w", i, err)
		}
	}
	return m, nil
}
