package matters

import (
	"fmt"
	"slices"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/matters/workday"
)

// Supervision is a catalog's settings for supervising its matters (督办).
// The zero Supervision sets nothing: no supervisor beyond the ones matters
// record, no escalation after the first supervision, no time limit for
// the return visit, no limit on reopening and none on a suspension or an
// extension.
type Supervision struct {
	// Supervisor is the body above every owner of the jurisdiction, such
	// as a district's 督查室, off the register ([Catalog.Validate] reports
	// a unit it lists), that supervises a matter which records no
	// supervisor of its own: [Catalog.Due] has it supervise, and
	// [Catalog.Apply] lets no other unit be the first to supervise such a
	// matter. A Report may name the matter's own supervisor instead: this
	// one, or any body the register in force does not list (each of
	// Wuhu's names its district's, under the city's); that body alone
	// then supervises the matter, and this one is refused ([ErrActor]).
	Supervisor string `json:"supervisor,omitempty"`
	// EscalateDays is how many working days past a due time a matter
	// already supervised is supervised again (升级督办); 0: never.
	EscalateDays int `json:"escalateDays,omitempty"`
	// FeedbackDays is within how many working days of a resolution the
	// citizen is to be asked (回访); a later answer, or none by then, is
	// late ([Catalog.FeedbackLate]). 0: no limit.
	FeedbackDays int `json:"feedbackDays,omitempty"`
	// Reopens is how many times a matter may be reopened (重办); beyond it
	// [Catalog.Apply] refuses a Reopen, and a matter whose citizen is
	// still dissatisfied goes to supervision ([Catalog.Due]). 0: no limit.
	Reopens int `json:"reopens,omitempty"`
	// SuspendDays is how many working days the approved suspensions (挂起)
	// of one dispatch may last, each from its approval to its resume,
	// together, before [Catalog.Due] has the suspension that goes beyond
	// them supervised (挂起超期督办), once a suspension; 0: no limit, and a
	// suspension is never supervised however long it lasts. Whoever
	// approved it may resume it at any time; the limit is for the
	// suspension that no one resumes, such as the one an owner approved
	// for its own lead on a hotline's matter, which stops the lead's
	// clocks and so their supervision (the owner's own clock, which its
	// approval does not stop, [Catalog.Due] reads all the same) — and for
	// the same suspension resumed and approved again in short pieces,
	// which count together.
	SuspendDays int `json:"suspendDays,omitempty"`
	// ExtendDays is how many working days the approved extensions (延期)
	// of one dispatch may add to its resolution limit, together, before
	// [Catalog.Due] has the approval that goes beyond them supervised
	// (延期超限督办), once an approval; 0: no limit, and an extension is
	// never supervised however long. An extension moves the lead's clock,
	// and so every urging and supervision it calls for: the limit is for
	// the one its approver grants to switch them off, such as a year's
	// extension an owner approves its lead right after the dispatch (on a
	// hotline's matter, where the owner's own clock, which its approval
	// does not move, [Catalog.Due] reads all the same).
	ExtendDays int `json:"extendDays,omitempty"`
}

// refusal builds the EventError for an event e refused with err.
func refusal(e *Event, err error, format string, args ...any) error {
	return &EventError{Matter: e.Matter, Seq: e.Seq, Kind: e.Kind, Actor: e.Actor, Reason: fmt.Sprintf(format, args...), Err: err}
}

// Apply applies e to m as [Matter.Apply] does, after the checks that need
// the catalog's lists in force at e.At and the calendar cal, so that an
// event no grading could use is refused when it happens, not when the
// matter is graded:
//
//   - e.At on a date cal does not cover (an error wrapping
//     workday.ErrOutOfRange);
//   - a Report of a type that the governance matter list in force does not
//     route ([ErrNoRoute]; [ErrNoRevision] where no list is in force); or
//     one that makes a unit on the register in force a grader it may not
//     be ([ErrActor]): a matter owned by a unit the register lists as
//     anything but a sub-district (a department is graded, it does not
//     whistle), or reported for another by any unit the register lists (a
//     platform that grades the owner is a hotline off the register);
//   - a Dispatch recording a revision (Event.Routes) that the catalog does
//     not hold or that was not in force at e.At ([ErrNoRevision]), of a
//     type that revision does not route ([ErrNoRoute]), or to units off the
//     route — a lead other than the route's, or a support unit the route
//     does not name — unless e.Override gives the owner's reason
//     ([ErrOffRoute]); the reason stays in the history; or to
//     Supervision.Supervisor where the matter records no supervisor
//     ([ErrInvalid], as Matter.Apply refuses the matter's own);
//   - a Return by a sub-district — the owner handing a platform's matter
//     back, or a dispatched unit that the register in force lists as a
//     sub-district — of work its admission lists in force admit
//     ([ErrTransition]), or whose Note is not the admission decision's
//     Reason ([ErrInvalid]; [Catalog.SendBack] writes it);
//   - a Reopen beyond Supervision.Reopens ([ErrTransition]);
//   - the first Supervise of a matter by another unit than
//     Supervision.Supervisor, where the catalog names one ([ErrActor]);
//   - a supervisor — named by a Report, or the first to Supervise a
//     matter that records none — whom the register in force lists, but
//     for Supervision.Supervisor ([ErrActor]): a supervision counts
//     against the units on a matter, and no unit graded beside them may
//     count it.
//
// The checks run before m.Apply's and change nothing; a refusal is an
// [*EventError]. Apply panics on a nil catalog, calendar or matter.
func (c *Catalog) Apply(cal *workday.Calendar, m *Matter, e Event) error {
	switch {
	case c == nil:
		panic("matters: Apply of a nil *Catalog")
	case m == nil:
		panic("matters: Catalog.Apply: nil *Matter")
	}
	mustCalendar(cal, "Catalog.Apply")
	if err := c.check(cal, m, &e); err != nil {
		return err
	}
	return m.Apply(e)
}

// check runs the catalog's checks of Apply.
func (c *Catalog) check(cal *workday.Calendar, m *Matter, e *Event) error {
	if e.At.IsZero() {
		return nil // Matter.Apply refuses it: an event without a time is ErrInvalid
	}
	if _, err := cal.IsWorkday(e.At); err != nil {
		return refusal(e, err, "at %s, a date the calendar does not cover", e.At.Format(timeLayout))
	}
	switch e.Kind {
	case Report:
		d := c.directoryAt(e.At)
		if d == nil {
			return refusal(e, ErrNoRevision, "no governance matter list is in force at %s", e.At.Format(timeLayout))
		}
		if d.route(e.Type) == nil {
			return refusal(e, ErrNoRoute, "%s routes no matter type %s", errtext.Named("governance matter list", d.Version), errtext.Quote(e.Type))
		}
		if err := c.checkReporter(e); err != nil {
			return err
		}
		if e.Supervisor != "" {
			return c.checkSupervisor(e, e.Supervisor)
		}
	case Dispatch:
		return c.checkDispatch(m, e)
	case Return:
		return c.checkReturn(m, e)
	case Reopen:
		if n := c.Supervision.Reopens; n > 0 && count(m.Events, Reopen) >= n {
			return refusal(e, ErrTransition, "reopened %s, the catalog's limit: the matter goes to supervision", errtext.Count(n, "time"))
		}
	case Supervise:
		if s := c.Supervision.Supervisor; s != "" && m.Supervisor == "" && e.Actor != s {
			return refusal(e, ErrActor, "the catalog's supervisor is %s", errtext.Quote(s))
		}
		if m.Supervisor == "" {
			return c.checkSupervisor(e, e.Actor)
		}
	}
	return nil
}

// checkDispatch checks that a dispatch follows the route in force, or
// says why not.
func (c *Catalog) checkDispatch(m *Matter, e *Event) error {
	inForce := c.directoryAt(e.At)
	d := inForce
	if e.Routes != "" {
		var err error
		if d, err = c.DirectoryVersion(e.Routes); err != nil {
			return refusal(e, ErrNoRevision, "%v", err)
		}
		if !c.unversioned() && (inForce == nil || inForce.Version != e.Routes) {
			return refusal(e, ErrNoRevision, "governance matter list %s was not in force at %s", errtext.Quote(e.Routes), e.At.Format(timeLayout))
		}
	}
	if d == nil {
		return refusal(e, ErrNoRevision, "no governance matter list is in force at %s", e.At.Format(timeLayout))
	}
	r := d.route(m.Type)
	if r == nil {
		return refusal(e, ErrNoRoute, "%s routes no matter type %s", errtext.Named("governance matter list", d.Version), errtext.Quote(m.Type))
	}
	if s := c.Supervision.Supervisor; s != "" && m.Supervisor == "" {
		if i := slices.Index(e.Units, s); i >= 0 {
			return refusal(e, ErrInvalid, "units[%d] %s is the catalog's supervisor, the first supervisor of a matter that names none: the body that supervises the units is never one of them", i, errtext.Quote(s))
		}
	}
	if e.Override != "" || len(e.Units) == 0 {
		return nil // the owner's reason is on record; Matter.Apply refuses no units
	}
	if e.Units[0] != r.Lead {
		return refusal(e, ErrOffRoute, "the route of %s names lead %s, not %s; an override gives the owner's reason", errtext.Quote(m.Type), errtext.Quote(r.Lead), errtext.Quote(e.Units[0]))
	}
	for _, u := range e.Units[1:] {
		if !slices.Contains(r.Support, u) {
			return refusal(e, ErrOffRoute, "the route of %s names no support unit %s; an override gives the owner's reason", errtext.Quote(m.Type), errtext.Quote(u))
		}
	}
	return nil
}

// checkReturn checks that a sub-district returns only work its admission
// lists do not hold, with the admission decision as its reason.
func (c *Catalog) checkReturn(m *Matter, e *Event) error {
	if !c.subdistrictReturn(m, e.Actor, e.At) {
		return nil
	}
	d := c.admit(m, e.At)
	if d.Admitted {
		return refusal(e, ErrTransition, "%s is on the admission lists in force (%s): a sub-district returns only work they do not hold", errtext.Quote(m.Type), d.Reason)
	}
	if e.Note != d.Reason {
		return refusal(e, ErrInvalid, "the reason of a sub-district's return is the admission decision %q, not %q", d.Reason, e.Note)
	}
	return nil
}

// subdistrictReturn reports whether a Return by unit is a sub-district's:
// the owner handing a platform's matter back, or a dispatched unit that
// the register in force at t lists as a sub-district.
func (c *Catalog) subdistrictReturn(m *Matter, unit string, t time.Time) bool {
	if unit == m.Owner && m.Platform != "" {
		return true
	}
	k, ok := c.unitKind(unit, t)
	return ok && k == accountability.Subdistrict
}

// admit is the decision of the admission lists in force at t on the work
// of matter m, with the catalog's exclusions: [DefaultExclusions] under the
// admission's own, as [Catalog.Validate] reads them.
func (c *Catalog) admit(m *Matter, t time.Time) Decision {
	a := current(c.Admission, c.History.Admissions, func(a *Admission) accountability.Adoption { return a.Adoption }, t)
	if a == nil {
		a = &Admission{}
	}
	with := *a
	with.Excluded = withDefaults(a.Excluded)
	a = &with
	from := m.Platform
	if from == "" {
		from = m.Owner
	}
	return a.Admit(Request{Title: m.Type, From: from})
}

// SendBack returns the Return by which unit, a sub-district, hands matter m
// back — the owner of a matter a platform reported, to the platform; or a
// sub-district the matter was dispatched to, to its owner — at the instant
// at, with the decision of the admission lists in force at at as its
// reason (Note), as [Catalog.Apply] requires. The decision reads
// [DefaultExclusions] under the admission's own exclusions, as
// [Catalog.Validate] does: work they exclude may be handed back even when
// the lists hold it by mistake. The caller applies the Return; the
// request takes effect when approved. Work the lists admit is an error
// wrapping [ErrTransition] that gives the decision. It panics on a nil
// catalog or matter.
func (c *Catalog) SendBack(m *Matter, unit string, at time.Time) (Event, error) {
	switch {
	case c == nil:
		panic("matters: SendBack of a nil *Catalog")
	case m == nil:
		panic("matters: Catalog.SendBack: nil *Matter")
	}
	d := c.admit(m, at)
	if d.Admitted {
		return Event{}, fmt.Errorf("matters: matter %s: %s may not send back %s: %s: %w", errtext.Quote(m.ID), errtext.Quote(unit), errtext.Quote(m.Type), d.Reason, ErrTransition)
	}
	return Event{Matter: m.ID, Seq: len(m.Events) + 1, At: at.In(workday.CST()), Kind: Return, Actor: unit, Note: d.Reason}, nil
}

// FeedbackLate reports whether the citizen was asked late (回访) about
// matter m: for some resolution (Resolve) of the matter, the first answer
// (Feedback) before the next Reopen came after Supervision.FeedbackDays
// working days from it on cal, or none had come when that time passed —
// before the next Reopen, or, for the latest resolution, before at. With
// no FeedbackDays it is always false. The calendar's errors (such
// as workday.ErrOutOfRange) are returned wrapped, naming the matter. It
// panics on a nil catalog, calendar or matter.
func (c *Catalog) FeedbackLate(cal *workday.Calendar, m *Matter, at time.Time) (bool, error) {
	switch {
	case c == nil:
		panic("matters: FeedbackLate of a nil *Catalog")
	case m == nil:
		panic("matters: Catalog.FeedbackLate: nil *Matter")
	}
	mustCalendar(cal, "Catalog.FeedbackLate")
	days := c.Supervision.FeedbackDays
	if days <= 0 {
		return false, nil
	}
	var due time.Time
	late := func(answered time.Time) bool { return !due.IsZero() && answered.After(due) }
	for i := range m.Events {
		e := &m.Events[i]
		switch e.Kind {
		case Resolve:
			var err error
			if due, err = cal.AddDays(e.At, days); err != nil {
				return false, fmt.Errorf("matters: matter %s: return visit due %s after seq %d: %w", errtext.Quote(m.ID), errtext.Count(days, "working day"), e.Seq, err)
			}
		case Feedback:
			if late(e.At) {
				return true, nil
			}
			due = time.Time{}
		case Reopen:
			if late(e.At) {
				return true, nil // the visit was due, and none came before the reopening
			}
			due = time.Time{}
		}
	}
	return late(at), nil
}

// count returns the number of events of kind k.
func count(events []Event, k Kind) int {
	n := 0
	for i := range events {
		if events[i].Kind == k {
			n++
		}
	}
	return n
}

// route returns the line of the directory for a matter type, nil if none:
// [Directory.Route] without the copy.
func (d *Directory) route(matterType string) *Route {
	for i := range d.Routes {
		if d.Routes[i].Type == matterType {
			return &d.Routes[i]
		}
	}
	return nil
}

// directoryAt returns the governance matter list in force at t: the
// catalog's own where it has no revisions, else the revision [Catalog.At]
// picks; nil if none.
func (c *Catalog) directoryAt(t time.Time) *Directory {
	if c.unversioned() {
		return c.Directory
	}
	return current(c.Directory, c.History.Directories, func(d *Directory) accountability.Adoption { return d.Adoption }, t)
}

// current returns the revision of a list in force at t: cur itself where it
// records no adoption and there is no history (a list without revisions),
// else the revision pick picks; nil if none.
func current[T any](cur *T, history []*T, adoption func(*T) accountability.Adoption, t time.Time) *T {
	if cur != nil && adoption(cur) == (accountability.Adoption{}) && !slices.ContainsFunc(history, notNil) {
		return cur
	}
	return pick(cur, history, adoption, t)
}

// checkSupervision reports negative settings and a supervisor the
// register lists (catalog.supervision): the catalog's supervisor is a body
// above the units, off the register, as [Catalog.Apply] wants any other
// supervisor of a matter (checkSupervisor); a unit the register lists, of
// whatever kind, is graded or part of a unit graded.
func (v *catalogIndex) checkSupervision() {
	const rule = "catalog.supervision"
	s := v.c.Supervision
	for _, x := range []struct {
		name, zh string
		n        int
	}{{"escalateDays", "升级督办天数", s.EscalateDays}, {"feedbackDays", "回访时限", s.FeedbackDays}, {"reopens", "重办次数上限", s.Reopens},
		{"suspendDays", "挂起时限", s.SuspendDays}, {"extendDays", "延期时限", s.ExtendDays}} {
		if x.n < 0 {
			v.report(rule, accountability.Error, "supervision."+x.name,
				fmt.Sprintf("supervision: %s is %d, which is negative", x.name, x.n),
				fmt.Sprintf("督办设置的%s为负数（%d）", x.zh, x.n))
		}
	}
	if u, ok := v.units[s.Supervisor]; ok && s.Supervisor != "" {
		v.report(rule, accountability.Error, "supervision.supervisor",
			fmt.Sprintf("supervision: the register lists the supervisor %q as %s (%s), which may not supervise a matter: the catalog's supervisor is a body above the units, off the register", s.Supervisor, u.Kind.Label(), u.Kind),
			fmt.Sprintf("督办单位%s是登记的%s，不能督办事项：督办单位应是各单位之上、不在登记中的机构", v.unitZh(s.Supervisor), u.Kind.Label()))
	}
}
