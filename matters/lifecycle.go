package matters

import (
	"fmt"
	"slices"

	"github.com/qingdan/qingdan/internal/jsonx"
)

// Matter is one matter, rebuilt from its events (event sourcing): its ID
// and Type, the Owner (the sub-district that whistles and grades it), its
// State, the Lead and Support units of the latest dispatch (a support unit
// that returned the matter has left Support), whether that dispatch went to
// more than one unit (Coordinated, 统筹), whether its clock is stopped
// (Suspended), the number of Progress events so far (Stage, 分时段), and
// its Events in order.
//
// The zero Matter has no events; [Matter.Apply] with a Report starts it.
// Change a Matter only through Apply, which keeps the fields and the
// history consistent. A Matter is not safe for concurrent use while events
// are applied; its read-only methods may run concurrently.
type Matter struct {
	ID          string   `json:"id"`
	Type        string   `json:"type,omitempty"`
	Owner       string   `json:"owner,omitempty"`
	State       State    `json:"state,omitempty"`
	Lead        string   `json:"lead,omitempty"`
	Support     []string `json:"support,omitempty"`
	Coordinated bool     `json:"coordinated,omitempty"`
	Suspended   bool     `json:"suspended,omitempty"`
	Stage       int      `json:"stage,omitempty"`
	Events      []Event  `json:"events,omitempty"`
}

// Apply applies one event to the matter, or rejects it and leaves the
// matter exactly as it was. Apply keeps its own copy of the event (no
// memory is shared with e's Units or Satisfied).
//
// First the order: e.Matter must be set (else [ErrInvalid]) and be the
// matter's ID once it has one, e.Seq must be the next number (1 for the
// first event) (both else [ErrOrder]); e.At must be set, in the years 1 to
// 9999 (in UTC, in China Standard Time and in its own zone, so that the
// matter and a journal can write it; else [ErrInvalid]) and not before
// the previous event's time ([ErrOrder]). At is kept, and compared, as a
// wall-clock instant: a monotonic clock reading (from time.Now) is
// dropped, so that Apply orders events as [Replay] and a journal do. e.Kind must be known ([ErrInvalid]) and
// e.Actor set ([ErrActor]). Then, state by state — O is the Owner, L the
// Lead, U a dispatched unit (the Lead or a Support unit still on the
// matter) — and in this order: a state that does not allow the event is
// [ErrTransition], an actor who may not do it is [ErrActor], a payload the
// kind needs and lacks is [ErrInvalid]:
//
//   - Report, by anyone, only to the zero Matter (Seq 1): needs a Type; its
//     Units, if given, hold exactly one unit, the owning sub-district, else
//     the Actor owns the matter. A city hotline such as 91580 reporting for
//     a sub-district is the city-to-street direction of two-way dispatch
//     (双向派单). → Reported.
//   - Whistle, by O, from Reported. → Whistled.
//   - Dispatch, by O, from Whistled (also after the lead returned it): needs
//     Units, distinct and non-empty, lead first. Sets Lead and Support;
//     Coordinated if more than one unit. → Dispatched.
//   - Accept (应哨), by U, from Dispatched or Accepted, once per unit per
//     dispatch; allowed while suspended. The lead's Accept moves
//     Dispatched → Accepted; a support unit's leaves the state alone.
//   - Return (退单), by U, from Dispatched or Accepted. A returning lead
//     sends the matter back to Whistled and clears Lead, Support and
//     Coordinated, so the owner may dispatch it again (refused while
//     suspended: resume first); a returning support unit just leaves
//     Support.
//   - Suspend, by L or O, from Dispatched or Accepted, not while suspended:
//     the clock stops. Resume, by L or O, in the same states, only while
//     suspended: the clock runs again.
//   - Progress (分时段), by U, from Accepted, not while suspended: Stage + 1.
//   - Resolve (办结), by L, from Accepted, not while suspended. → Resolved.
//   - Reopen, by O, from Resolved. → Accepted, with the same units.
//   - Close (结案), by O, from Resolved, or from Reported where the owner
//     handled it without a whistle. → Closed.
//   - Feedback (回访), by O, from Resolved or Closed: needs Satisfied, the
//     citizen's answer; the latest answer counts. No change of state.
//
// A rejected event returns an [*EventError] that names the matter, Seq,
// Kind and Actor and unwraps to the sentinel.
func (m *Matter) Apply(e Event) error {
	fail := func(err error, format string, args ...any) error {
		return &EventError{Matter: e.Matter, Seq: e.Seq, Kind: e.Kind, Actor: e.Actor, Reason: fmt.Sprintf(format, args...), Err: err}
	}
	n := len(m.Events)
	e.At = e.At.Round(0) // no monotonic reading: see above
	switch {
	case e.Matter == "":
		return fail(ErrInvalid, "the event names no matter")
	case (n > 0 || m.ID != "") && e.Matter != m.ID:
		return fail(ErrOrder, "the event belongs to another matter than %q", m.ID)
	case e.Seq != n+1:
		return fail(ErrOrder, "seq %d where %d is next", e.Seq, n+1)
	case e.At.IsZero():
		return fail(ErrInvalid, "the event has no time (at)")
	case !jsonx.TimeFits(e.At):
		return fail(ErrInvalid, "at %s is outside the years 1 to 9999", e.At.UTC().Format(timeLayout))
	case n > 0 && e.At.Before(m.Events[n-1].At):
		return fail(ErrOrder, "at %s, before seq %d at %s", e.At.Format(timeLayout), n, m.Events[n-1].At.Format(timeLayout))
	case !kinds.Named(e.Kind):
		return fail(ErrInvalid, "unknown kind %d", int(e.Kind))
	case e.Actor == "":
		return fail(ErrActor, "the event names no actor")
	}

	// in says whether the matter is in one of the states.
	in := func(states ...State) bool { return slices.Contains(states, m.State) }
	owner := e.Actor == m.Owner
	lead := m.Lead != "" && e.Actor == m.Lead
	unit := lead || slices.Contains(m.Support, e.Actor)
	var err error
	transition := func(format string, args ...any) {
		if err == nil {
			err = fail(ErrTransition, format, args...)
		}
	}
	actor := func(ok bool, who string) {
		if err == nil && !ok {
			err = fail(ErrActor, "%s may %s; %s", who, e.Kind, m.who())
		}
	}
	payload := func(format string, args ...any) {
		if err == nil {
			err = fail(ErrInvalid, format, args...)
		}
	}
	wrongState := func(allowed string) {
		transition("%s is allowed %s, not in state %s", e.Kind, allowed, m.stateText())
	}

	switch e.Kind {
	case Report:
		if m.State != 0 {
			wrongState("only to a new matter")
		}
		switch {
		case e.Type == "":
			payload("a report needs the matter type")
		case len(e.Units) > 1:
			payload("a report names at most one owning unit, not %d", len(e.Units))
		case len(e.Units) == 1 && e.Units[0] == "":
			payload("the owning unit is empty")
		}
	case Whistle:
		if !in(Reported) {
			wrongState("from reported")
		}
		actor(owner, "only the owner")
	case Dispatch:
		if !in(Whistled) {
			wrongState("from whistled")
		}
		actor(owner, "only the owner")
		if len(e.Units) == 0 {
			payload("a dispatch needs units, lead first")
		}
		for i, u := range e.Units {
			if u == "" {
				payload("units[%d] is empty", i)
			} else if slices.Index(e.Units, u) < i {
				payload("unit %s is dispatched twice", u)
			}
		}
	case Accept:
		if !in(Dispatched, Accepted) {
			wrongState("from dispatched or accepted")
		} else if seq := m.acceptedBy(e.Actor); seq > 0 {
			transition("%s already accepted at seq %d", e.Actor, seq)
		}
		actor(unit, "only a dispatched unit")
	case Return:
		if !in(Dispatched, Accepted) {
			wrongState("from dispatched or accepted")
		} else if lead && m.Suspended {
			transition("the lead may not return a suspended matter; resume it first")
		}
		actor(unit, "only a dispatched unit")
	case Suspend, Resume:
		switch {
		case !in(Dispatched, Accepted):
			wrongState("from dispatched or accepted")
		case e.Kind == Suspend && m.Suspended:
			transition("already suspended")
		case e.Kind == Resume && !m.Suspended:
			transition("not suspended")
		}
		actor(lead || owner, "only the lead or the owner")
	case Progress, Resolve:
		if !in(Accepted) {
			wrongState("from accepted")
		} else if m.Suspended {
			transition("the matter is suspended; resume it first")
		}
		if e.Kind == Progress {
			actor(unit, "only a dispatched unit")
		} else {
			actor(lead, "only the lead")
		}
	case Reopen:
		if !in(Resolved) {
			wrongState("from resolved")
		}
		actor(owner, "only the owner")
	case Close:
		if !in(Resolved, Reported) {
			wrongState("from resolved, or from reported without a whistle")
		}
		actor(owner, "only the owner")
	case Feedback:
		if !in(Resolved, Closed) {
			wrongState("from resolved or closed")
		}
		actor(owner, "only the owner")
		if e.Satisfied == nil {
			payload("feedback needs the citizen's answer (satisfied)")
		}
	}
	if err != nil {
		return err
	}

	switch e.Kind {
	case Report:
		m.ID, m.Type, m.Owner, m.State = e.Matter, e.Type, e.Actor, Reported
		if len(e.Units) == 1 {
			m.Owner = e.Units[0]
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
		if lead && m.State == Dispatched {
			m.State = Accepted
		}
	case Return:
		if lead {
			m.State, m.Lead, m.Support, m.Coordinated = Whistled, "", nil, false
			break
		}
		support := make([]string, 0, len(m.Support))
		for _, s := range m.Support {
			if s != e.Actor {
				support = append(support, s)
			}
		}
		if len(support) == 0 {
			support = nil
		}
		m.Support = support
	case Suspend:
		m.Suspended = true
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
	}
	m.Events = append(m.Events, e.clone())
	return nil
}

const timeLayout = "2006-01-02T15:04:05Z07:00"

// who describes the matter's owner and units for an ErrActor message.
func (m *Matter) who() string {
	s := fmt.Sprintf("owner %q", m.Owner)
	if m.Lead != "" {
		s += fmt.Sprintf(", lead %q", m.Lead)
	}
	if len(m.Support) > 0 {
		s += fmt.Sprintf(", support %q", m.Support)
	}
	return s
}

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
			c.Events[i] = e.clone()
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
