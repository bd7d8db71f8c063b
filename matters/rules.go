package matters

import (
	"fmt"
	"slices"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/internal/names"
)

// This file checks an event against the matter's state and its actor's
// part in the matter: the transition table of the package documentation.

// checked is what check found out about an event it accepts.
type checked struct {
	err  error
	lead bool // the actor is the lead
}

// check decides whether the matter may take e, changing nothing.
func (m *Matter) check(e *Event) checked {
	fail := func(err error, format string, args ...any) checked {
		return checked{err: refusal(e, err, format, args...)}
	}
	n := len(m.Events)
	e.At = e.At.Round(0) // a wall-clock instant, as Replay and a journal see it: see Apply
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
		return fail(ErrInvalid, "at %s is outside the years 1 to 9999, or its zone's offset %s is not whole minutes under 24 hours", e.At.UTC().Format(timeLayout), e.At.Format("-07:00:00"))
	case n > 0 && e.At.Before(m.Events[n-1].At):
		return fail(ErrOrder, "at %s, before seq %d at %s", e.At.Format(timeLayout), n, m.Events[n-1].At.Format(timeLayout))
	case !kinds.Named(e.Kind):
		return fail(ErrInvalid, "unknown kind %d", int(e.Kind))
	}
	if !m.sound(e) {
		if field, why := m.unfit(e); field != "" {
			return fail(ErrInvalid, "%s is %s: JSON could not keep it", field, why)
		}
		if field, name := m.unclean(e); field != "" {
			return fail(ErrInvalid, "%s %s %s", field, errtext.Quote(name), names.Unclean)
		}
	}
	if e.Actor == "" {
		return fail(ErrActor, "the event names no actor")
	}
	r := rules{m: m, e: *e}
	r.owner = e.Actor == m.Owner
	r.platform = m.Platform != "" && e.Actor == m.Platform
	r.lead = m.Lead != "" && e.Actor == m.Lead
	r.unit = r.lead || slices.Contains(m.Support, e.Actor)
	r.check()
	return checked{err: r.err, lead: r.lead}
}

// sound reports whether every text of e fits JSON (jsonx.TextFits) and
// every name of e — its matter, actor, units and supervisor — is written
// one way (names.Clean), looking once at each: the path of every event
// the matter takes. A text the matter already holds as its ID, owner,
// platform, supervisor or lead (or, for a text that is no name, its type)
// was looked at when it came, so it is not looked at again: an event's
// matter and actor are mostly those, and checking each anew would take a
// third of a replay. Its support units are not searched: a dispatch may
// name tens of thousands, and searching them for each unit an urging
// names would make a replay quadratic (TestApplyLinearInUnits), where
// checking the name costs some 10 ns. When sound reports false, unfit and
// unclean say what is wrong.
func (m *Matter) sound(e *Event) bool {
	held := func(s string) bool {
		return s == "" || s == m.ID || s == m.Owner || s == m.Lead || s == m.Platform || s == m.Supervisor
	}
	name := func(s string) bool {
		return held(s) || len(s) <= jsonx.MaxString && names.ValidClean(s) // TextFits and Clean
	}
	text := func(s string) bool { return held(s) || s == m.Type || jsonx.TextFits(s) }
	return name(e.Matter) && name(e.Actor) && name(e.Supervisor) &&
		text(e.Type) && text(e.Routes) && text(e.Override) && text(e.Note) &&
		!slices.ContainsFunc(e.Units, func(u string) bool { return !name(u) })
}

// unfit names the first text of e that JSON could not keep (see
// jsonx.TextFits), and says why; "" if every text fits.
func (m *Matter) unfit(e *Event) (field, why string) {
	texts := [...]struct{ field, s string }{{"matter", e.Matter}, {"actor", e.Actor}, {"type", e.Type},
		{"routes", e.Routes}, {"override", e.Override}, {"note", e.Note}, {"supervisor", e.Supervisor}}
	for _, t := range texts {
		if why := textUnfit(t.s); why != "" {
			return t.field, why
		}
	}
	for i, u := range e.Units {
		if why := textUnfit(u); why != "" {
			return fmt.Sprintf("units[%d]", i), why
		}
	}
	return "", ""
}

// unclean names the first name of e — its matter, actor, units and
// supervisor — that is not written one way (names.Clean), and gives it; ""
// if all are. A book refuses such a name in every evaluation, so a matter
// that took one would be graded by or for a body no book can record.
func (m *Matter) unclean(e *Event) (field, name string) {
	for _, t := range [...]struct{ field, s string }{{"matter", e.Matter}, {"actor", e.Actor}, {"supervisor", e.Supervisor}} {
		if !names.Clean(t.s) {
			return t.field, t.s
		}
	}
	for i, u := range e.Units {
		if !names.Clean(u) {
			return fmt.Sprintf("units[%d]", i), u
		}
	}
	return "", ""
}

// textUnfit says why JSON could not keep s; "" if it can.
func textUnfit(s string) string {
	switch {
	case jsonx.TextFits(s):
		return ""
	case len(s) > jsonx.MaxString:
		return fmt.Sprintf("longer than %d bytes", jsonx.MaxString)
	}
	return "not valid UTF-8"
}

// rules holds one event under check: who its actor is to the matter, and
// the first error found.
type rules struct {
	m                           *Matter
	e                           Event
	owner, platform, lead, unit bool
	err                         error
}

// fail records the first error found, wrapping err.
func (r *rules) fail(err error, format string, args ...any) {
	if r.err == nil {
		r.err = refusal(&r.e, err, format, args...)
	}
}

func (r *rules) transition(format string, args ...any) { r.fail(ErrTransition, format, args...) }

func (r *rules) actor(ok bool, who string) {
	if r.err == nil && !ok {
		r.fail(ErrActor, "%s may %s; %s", who, r.e.Kind, r.m.who())
	}
}

func (r *rules) payload(format string, args ...any) { r.fail(ErrInvalid, format, args...) }

// in says whether the matter is in one of the states.
func (r *rules) in(states ...State) bool { return slices.Contains(states, r.m.State) }

func (r *rules) wrongState(allowed string) {
	if r.err == nil {
		r.transition("%s is allowed %s, not in state %s", r.e.Kind, allowed, r.m.stateText())
	}
}

// noPending refuses an event that may not come while a request waits.
func (r *rules) noPending(what string) {
	if p := r.m.Pending; p.Seq > 0 {
		r.transition("%s waits for a decision of the %s asked at seq %d by %s", what, p.Kind, p.Seq, errtext.Quote(p.Actor))
	}
}

func (r *rules) check() {
	m, e := r.m, r.e
	switch e.Kind {
	case Report:
		if m.State != 0 {
			r.wrongState("only to a new matter")
		}
		switch {
		case e.Type == "":
			r.payload("a report needs the matter type")
		case len(e.Units) > 1:
			r.payload("a report names at most one owning unit, not %d", len(e.Units))
		case len(e.Units) == 1 && e.Units[0] == "":
			r.payload("the owning unit is empty")
		case e.Supervisor != "" && (e.Supervisor == e.Actor || len(e.Units) == 1 && e.Supervisor == e.Units[0]):
			r.payload("the supervisor %q is the matter's owner or platform", e.Supervisor)
		}
	case Whistle:
		if !r.in(Reported) {
			r.wrongState("from reported")
		}
		r.actor(r.owner, "only the owner")
	case Dispatch:
		if !r.in(Reported, Whistled) {
			r.wrongState("from reported or whistled")
		}
		r.noPending("the dispatch")
		r.actor(r.owner, "only the owner")
		if len(e.Units) == 0 {
			r.payload("a dispatch needs units, lead first")
		}
		r.eachUnit("dispatched", func(i int, u string) {
			switch {
			case u == m.Owner || u == m.Platform && m.Platform != "":
				r.payload("units[%d] %s is the matter's owner or platform: a matter is dispatched to the units it grades, never to itself", i, errtext.Quote(u))
			case u == m.Supervisor && m.Supervisor != "":
				r.payload("units[%d] %s is the matter's supervisor: the body that supervises the units is never one of them", i, errtext.Quote(u))
			}
		})
	case Accept:
		// A support unit answers the whistle within its own limit,
		// whatever its lead does: a lead's quick Resolve does not take its
		// answer away (it would be graded as never answering); the
		// owner's Close ends it.
		if !r.in(Dispatched, Accepted) && !(r.in(Resolved) && !r.lead) {
			r.wrongState("from dispatched or accepted (by a support unit also from resolved)")
		} else if seq := m.acceptedBy(e.Actor); seq > 0 {
			r.transition("%s already accepted at seq %d", errtext.Quote(e.Actor), seq)
		}
		r.actor(r.unit, "only a dispatched unit")
	case Suspend, Extend, Return:
		r.checkRequest()
	case Approve, Deny:
		r.checkDecision()
	case Resume:
		switch {
		case !r.in(Dispatched, Accepted):
			r.wrongState("from dispatched or accepted")
		case !m.Suspended:
			r.transition("not suspended (a suspension takes effect only when approved)")
		}
		r.actor(r.lead || r.owner || r.platform, "only the lead, the owner or the platform")
	case Progress:
		// Whoever grades may grade a stage (分时段评价) whenever it likes:
		// the owner its units, whether or not the lead has accepted; the
		// platform the owner, whether or not it has dispatched; either
		// while the matter is suspended. The graded must not decide alone
		// when, or whether, a long matter is graded: an owner that approved
		// its lead's suspension, which stops no clock of the owner's, must
		// not hold off the platform's stage until someone resumes; nor
		// escape its grade by leaving a resolved matter unclosed: the
		// platform grades a stage of a resolved matter too.
		switch {
		case r.platform && !r.in(Reported, Whistled, Dispatched, Accepted, Resolved):
			r.wrongState("to the platform from reported, whistled, dispatched, accepted or resolved")
		case !r.platform && !r.in(Dispatched, Accepted):
			r.wrongState("from dispatched or accepted (by a dispatched unit from accepted)")
		case r.unit && !r.in(Accepted):
			r.wrongState("to a dispatched unit from accepted")
		case m.Suspended && r.unit:
			r.transition("the matter is suspended; resume it first")
		}
		r.actor(r.unit || r.owner || r.platform, "only a dispatched unit, the owner or the platform")
	case Resolve:
		if !r.in(Accepted) {
			r.wrongState("from accepted")
		} else if m.Suspended {
			r.transition("the matter is suspended; resume it first")
		}
		r.actor(r.lead, "only the lead")
	case Reopen:
		if !r.in(Resolved) {
			r.wrongState("from resolved")
		}
		r.actor(r.owner || r.platform, "only the owner or the platform")
	case Close:
		if !r.in(Resolved, Reported) {
			r.wrongState("from resolved, or from reported without a whistle")
		}
		r.noPending("closing")
		r.actor(r.owner, "only the owner")
	case Feedback:
		r.checkFeedback()
	case Urge:
		// The platform presses the owner it grades, before any dispatch
		// too: an owner that sits on a hotline's matter is urged.
		if !r.in(Dispatched, Accepted) && !(r.platform && r.in(Reported, Whistled)) {
			r.wrongState("from dispatched or accepted (by the platform also from reported or whistled)")
		}
		r.actor(r.owner || r.platform, "only the owner or the platform")
		r.pressed()
	case Supervise:
		if !r.in(Dispatched, Accepted, Resolved, Closed) && !(m.Platform != "" && r.in(Reported, Whistled)) {
			r.wrongState("once dispatched (a platform's matter also from reported or whistled)")
		}
		if m.Supervisor != "" {
			r.actor(e.Actor == m.Supervisor, "only the supervisor")
		} else {
			r.actor(!r.owner && !r.platform && !r.unit, "a unit above the owner, neither the owner, the platform nor a dispatched unit,")
		}
		r.pressed()
	case Reply:
		if !r.in(Dispatched, Accepted, Resolved, Closed) {
			r.wrongState("once dispatched")
		}
		r.actor(r.lead || r.owner, "only the lead or the owner")
		if e.Note == "" {
			r.payload("a reply needs the answer given to the citizen (note)")
		}
	}
}

// eachUnit checks that each of the event's Units is set and named once
// (else `unit "U" is <what> twice`, the name quoted as every name in a
// refusal is), and hands the others to check with
// their index, in time linear in their number.
func (r *rules) eachUnit(what string, check func(i int, u string)) {
	seen := make(map[string]bool, len(r.e.Units))
	for i, u := range r.e.Units {
		switch {
		case u == "":
			r.payload("units[%d] is empty", i)
		case seen[u]:
			r.payload("unit %s is %s twice", errtext.Quote(u), what)
		default:
			seen[u] = true
			check(i, u)
		}
	}
}

// pressed checks the Units of an Urge or a Supervise, the units it
// presses (none: every unit on the matter): each on the matter — its lead
// or a support unit, dispatched to it and not since returned, or the
// owner of a platform's matter, whom the platform grades — named once,
// and not the event's actor.
func (r *rules) pressed() {
	m, e := r.m, &r.e
	var support map[string]bool
	if len(e.Units) > 0 {
		support = make(map[string]bool, len(m.Support))
		for _, s := range m.Support {
			support[s] = true
		}
	}
	r.eachUnit("named", func(i int, u string) {
		switch {
		case u == e.Actor:
			r.payload("units[%d] %s is the %s's actor: an urging or a supervision presses others", i, errtext.Quote(u), e.Kind)
		case u != m.Lead && !support[u] && (m.Platform == "" || u != m.Owner):
			r.payload("units[%d] %s is not on the matter: an urging or a supervision presses units dispatched to it and not since returned, or the owner of a platform's matter; %s",
				i, errtext.Quote(u), m.who())
		}
	})
}
