package matters

import (
	"errors"
	"fmt"
	"time"

	"github.com/qingdan/qingdan/internal/errtext"
	"github.com/qingdan/qingdan/matters/workday"
)

// The notes of the events [Catalog.Due] returns, in the jurisdiction's
// language: what the clock called for.
const (
	noteUrgeRespond    = "临期催办：应哨时限已用 75%"
	noteUrgeResolve    = "临期催办：办结时限已用 75%"
	noteOverdueRespond = "超期督办：应哨超过时限"
	noteOverdueResolve = "超期督办：办结超过时限"
	noteEscalate       = "升级督办：超期后又逾 %d 个工作日"
	noteReopens        = "重办 %d 次已达上限，市民仍不满意，转入督办"
	noteOwnerRespond   = "临期催办：平台转办事项的响应时限已用 75%"
	noteOwnerResolve   = "临期催办：平台转办事项的办结时限已用 75%"
	noteOwnerOverdue   = "超期督办：平台转办事项的响应超过时限"
	noteOwnerLate      = "超期督办：平台转办事项的办结超过时限"
	noteSuspended      = "挂起超期督办：挂起已逾 %d 个工作日"
	noteExtended       = "延期超限督办：批准延期累计逾 %d 个工作日"
	noteClosedNo       = "平台转办事项已结案，市民不满意，转入督办"
)

// maxDueErrors is the most matters' errors that Due names one by one.
const maxDueErrors = 100

// indexAbove is the number of matters above which Due indexes the routes
// of each revision rather than look each matter's up in its list.
const indexAbove = 64

// Due returns the urgings (催办) and supervisions (督办) that the matters'
// clocks call for at the instant at, as events ready to apply, in the
// order returned, with [Catalog.Apply] or [Matter.Apply]: each at at, with
// the next Seq of its matter, a Note that says why, by the matter's owner
// (Urge; the platform's, pressing the owner, below) or supervisor
// (Supervise: the matter's, else Supervision.Supervisor), with Units
// naming whom it presses where that is not every unit on the matter
// (below). A host may run it as often as it likes — every
// hour — and apply what it returns; run again at the same instant after
// that, it returns nothing more: each threshold calls for its event once
// per dispatch.
//
// For a matter dispatched (or accepted) and not resolved, on the route its
// dispatch followed ([Catalog.RouteOf]) and the calendar cal, the clocks
// are the response clock until the lead accepts and the resolution clock,
// judged as [Matter.Status] judges them (approved suspensions and
// extensions only). The furthest of them calls for:
//
//  1. an Urge, when 75% of its limit is used (Status's ThreeQuarters) and
//     the lead was not urged since its latest dispatch;
//  2. a Supervise, when it is overdue (Status's Overdue: more working
//     time run than its limit, so not in the lunch break, night or
//     weekend right after its due time, when no working time has run
//     past it) and the lead was not supervised since its latest dispatch;
//  3. a second Supervise (escalation, 升级督办), when it is Supervision.
//     EscalateDays working days past its due time and the lead was
//     supervised less than twice since its latest dispatch.
//
// (An urging or a supervision presses the lead unless it names other
// units alone: [Event.Presses].)
//
// The owner of a matter a platform reported for it is judged by its own
// clocks too, those package grading grades the owner by (package
// scoring's FactsFor), whether or not a unit is on the matter: from the
// Report, on the route of the governance matter list in force at the
// Report, the response clock until the owner whistles or dispatches, and
// the resolution clock (the route's days with those of the extensions the
// platform approved, in working days of cal.Day()), less the suspensions
// the platform approved. The owner's approvals of its lead's requests
// stop and move the lead's clocks, never its own: an owner that approves
// its lead a year's extension, or a suspension, right after its dispatch
// is urged and supervised all the same when its own clock calls for it.
// They call for the same events, counted since the matter came back to
// its owner — the approval of its lead's return, else the Report — so
// that what pressed the lead before its return does not count as pressing
// the owner (what named the owner before it pressed the owner on its own
// clock, and counts all the same); the Urge is the platform's, pressing the owner it grades,
// and only the platform's count (the owner's urging of its lead pressed
// the lead, as scoring's FactsFor counts it). An owner that sits on a
// hotline's matter, before or after its dispatch, is urged and supervised
// as a lead that sits on its dispatch is.
//
// While units are on a platform's matter, Due reads its lead's clocks and
// its owner's side by side, and each event says whom it presses (its
// Units, which scoring's FactsFor counts it against; see [Event]):
//
//   - what the lead's clock alone calls for names no one, as before the
//     owner's clock was read: the owner's Urge presses the units it
//     dispatched to (an owner's urging never counts against the owner),
//     and a Supervise every unit on the matter, the owner too;
//   - what the owner's clock alone calls for names the owner — the
//     platform's Urge and the supervisor's Supervise — so that the
//     departments on the matter, on time on their own clocks, are not
//     graded down for the sub-district's delay;
//   - where both call at one scan for an Urge, the actors differ (the
//     owner urging its lead, the platform the owner) and there are two
//     Urges, the owner's naming no one, the platform's naming the owner;
//     for a Supervise, the supervisor's for both, one event names no one,
//     pressing every unit on the matter, and its note names what each
//     clock called for.
//
// Each clock counts the urgings and supervisions that pressed the unit it
// runs for ([Event.Presses]): one that named the owner alone serves the
// owner's clock, not its lead's, and the lead is urged and supervised in
// its turn when its own clock calls. (The owner is pressed, too, by a
// supervision its lead's clock alone calls for, as it always was: an
// owner late on its own clock and then its lead on its own is supervised
// once for each.) What the owner's clock calls for while no unit is on
// the matter names no one: the owner is all that is on it.
//
// A suspended matter whose suspensions since its latest dispatch — the
// current one from its approval, and those resumed before it, each from
// its approval to its resume — have lasted more than
// Supervision.SuspendDays working days calls for a Supervise, unless its
// lead was supervised since the current suspension's approval, or the
// clocks call for one that presses the lead at the same scan (one that
// the owner's clock alone calls for then serves for it too, naming no
// one, its note naming both): a suspension resumed and approved again
// at once, in pieces shorter than the limit, is held to the one limit,
// and each suspension approved once the limit is used is supervised. The
// limit runs out as a deadline in days does: the whole working days left
// of it at the current approval's clock time that many working days on
// ([workday.Calendar.AddDays]), what is left of a day at the earliest
// instant it has run; a suspension resumed and approved again at once
// outside the working hours is held to the instant a lone one would be.
// That supervision counts as any other
// since the latest dispatch: a lead overdue after its resume is not
// supervised for it again, but escalated when EscalateDays call for it.
// (A supervision made while a suspension lasts cannot be told from one
// the clocks called for: a lead late before its suspension is escalated
// while suspended, and counting that one apart would supervise it again
// at every scan.) Likewise a dispatched matter whose approved extensions
// since its latest dispatch add more than Supervision.ExtendDays working
// days calls for a Supervise, unless its lead was supervised since the
// latest approval of one, or at the same scan (a suspension's due too,
// one event serves both, its note naming both): an extension moves the
// lead's clocks, and a year's granted at once switched them off.
//
// A resolved or closed matter calls for a Supervise when it was reopened
// Supervision.Reopens times (the catalog's limit, counted over its whole
// history as [Catalog.Apply] counts it), its citizen's latest
// answer is no, and no Supervise came after that answer. A platform's
// matter its owner closed calls for one, however often it was reopened,
// when its citizen's latest answer is no and no Supervise pressing the
// owner came after that answer: nothing reopens a closed matter, and an
// owner that closed its lead's Resolve at the same instant, or the matter
// at once without a dispatch, took the platform's one recourse, a Reopen,
// away (a matter with no platform its owner closed after its citizen's no
// is its owner's call, and a resolved one the platform may still reopen).
//
// What Due does not supervise, and how a host covers it:
//
//   - a clock an approved suspension stopped. A suspension lasts until a
//     Resume, which the lead may put off while it works (it may resume and
//     resolve in one minute), and Due calls for nothing on that clock
//     while it lasts but the one supervision Supervision.SuspendDays
//     calls for: the owner or the platform that approved it resumes it
//     when its reason is gone. (The clock of the owner of a platform's
//     matter, which only the platform's approvals stop, runs on, and Due
//     reads it.)
//
// Nil matters, and matters with no dispatch or that a lead returned and
// that await a new dispatch — but for a platform's, open or closed — are
// skipped. A
// matter with an event dated after at cannot be supervised at at — no
// event at at can be applied to it — and is named in the error
// ([ErrOrder]) rather than skipped in silence: an event dated ahead, by a
// unit that picks its own times, would otherwise hold off every urging
// and supervision of an overdue matter until that date (a host stamps
// each event's At itself: see [Event]). A matter whose route, revision
// or clock cannot be read — ErrNoRevision, ErrNoRoute, a calendar error —
// or whose supervision is due with no supervisor on record or in the
// catalog ([ErrActor]: a Supervise by no one), is left out (its urging
// still returned) and named in the error, which joins one error per such
// matter (the first 100, then a count). On a platform's matter that
// units are on, each side is left out alone: one whose lead's route,
// revision or clock cannot be read is named, and what its owner's clock
// calls for returned, naming the owner (the lead's suspension, judged with
// its clocks, is left out with them); one whose owner's clock alone
// cannot be read is named, and what its lead's clocks call for returned.
// It panics on a nil catalog or calendar.
//
// Due reads each matter from its latest event back to its latest
// dispatch, and a platform's matter again for its owner's clock, with a
// few calendar lookups: see the package's benchmarks.
func (c *Catalog) Due(cal *workday.Calendar, at time.Time, ms []*Matter) ([]Event, error) {
	if c == nil {
		panic("matters: Due of a nil *Catalog")
	}
	mustCalendar(cal, "Catalog.Due")
	return newDueScan(cal, c, at).run(ms)
}

// newDueScan returns a scan at the instant at.
func newDueScan(cal *workday.Calendar, c *Catalog, at time.Time) *dueScan {
	return &dueScan{c: c, cal: cal, at: at, notes: []string{noteUrgeRespond, noteUrgeResolve, noteOverdueRespond,
		noteOverdueResolve, "", noteOwnerRespond, noteOwnerResolve, noteOwnerOverdue, noteOwnerLate}}
}

// run returns what Due returns of the matters ms.
func (s *dueScan) run(ms []*Matter) ([]Event, error) {
	if len(ms) > indexAbove {
		s.index = map[*Directory]map[string]*Route{}
	}
	var errs []error
	failed := 0
	for i, m := range ms {
		if m == nil {
			continue
		}
		s.i = i
		if err := s.matter(m); err != nil {
			if failed++; failed <= maxDueErrors {
				errs = append(errs, err)
			}
		}
	}
	if failed > maxDueErrors {
		errs = append(errs, fmt.Errorf("matters: due: and %s more", errtext.Count(failed-maxDueErrors, "matter")))
	}
	var out []Event
	if len(s.due) > 0 {
		out = make([]Event, len(s.due))
	}
	at := s.at.In(workday.CST()) // the zone of every time the package hands back
	owners := s.owners(ms)
	for j, d := range s.due {
		m := ms[d.matter]
		actor := m.Owner
		switch {
		case Kind(d.kind) == Supervise:
			actor = s.supervisor(m)
		case d.platform:
			actor = m.Platform
		}
		out[j] = Event{Matter: m.ID, Seq: int(d.seq), At: at, Kind: Kind(d.kind), Actor: actor, Note: s.notes[d.note]}
		if d.owner {
			out[j].Units, owners = owners[:1:1], owners[1:]
		}
	}
	return out, errors.Join(errs...)
}

// dueScan is one run of Due.
type dueScan struct {
	c      *Catalog
	cal    *workday.Calendar
	at     time.Time
	index  map[*Directory]map[string]*Route // nil: look routes up in their lists
	last   found                            // the route found last
	i      int                              // the index of the matter under scan
	notes  []string                         // the notes of the events due: the lead's clocks', the escalation's (4), the owner's (5–8), then as due
	joints map[[2]int]int                   // the notes joined, by the indexes of the notes they join
	due    []due
}

// due is an event due, kept small and free of pointers until Due builds
// the events: one scan of a million overdue matters finds some two
// million. An Urge is the owner's (the platform's, pressing the owner), a
// Supervise the supervisor's.
type due struct {
	matter   int
	seq      int32
	kind     uint8
	platform bool   // an Urge by the platform
	owner    bool   // it names the owner in Units, pressing the owner alone
	note     uint32 // index in dueScan.notes
}

// supervisor returns who supervises m: its supervisor, else the catalog's.
func (s *dueScan) supervisor(m *Matter) string {
	if m.Supervisor != "" {
		return m.Supervisor
	}
	return s.c.Supervision.Supervisor
}

// note returns the index of text among the scan's notes, adding it.
func (s *dueScan) note(text string) int {
	for i := len(s.notes) - 1; i >= 5; i-- {
		if s.notes[i] == text {
			return i
		}
	}
	s.notes = append(s.notes, text)
	return len(s.notes) - 1
}

// matter appends the events m is due.
func (s *dueScan) matter(m *Matter) error {
	n := len(m.Events)
	// A platform's matter with no unit on it is judged by its owner's
	// clocks; one its owner closed, by its citizen's answer, whether or
	// not a unit was on it.
	owner := m.Lead == "" && m.Platform != "" && (m.State == Reported || m.State == Whistled)
	closed := m.Platform != "" && m.State == Closed
	if n == 0 || m.Lead == "" && !owner && !closed {
		return nil
	}
	if last := &m.Events[n-1]; last.At.After(s.at) {
		return fmt.Errorf("matters: due: matter %s: event %d (%s by %s) is dated %s, after the scan's instant %s: no event can be applied at the scan's instant, and its clocks go unsupervised until then: %w",
			errtext.Quote(m.ID), last.Seq, last.Kind, errtext.Quote(last.Actor), last.At.Format(timeLayout), s.at.Format(timeLayout), ErrOrder)
	}
	h := read(m)
	if h.d < 0 && !owner && !closed {
		return nil
	}
	next := n + 1
	supervises := false // a Supervise that presses the lead is due at this scan
	ownerOnly := -1     // the index in s.due of the first Supervise due at this scan that names the owner alone
	add := func(kind Kind, note int, platform, owner bool) {
		if kind == Supervise && owner && ownerOnly < 0 {
			ownerOnly = len(s.due)
		}
		s.due = append(s.due, due{matter: s.i, seq: int32(next), kind: uint8(kind), platform: platform, owner: owner, note: uint32(note)})
		next++
		supervises = supervises || kind == Supervise && !owner
	}
	supervisor := s.supervisor(m)
	noSupervisor := func() error {
		return fmt.Errorf("matters: due: matter %s: supervision is due and neither the matter nor the catalog names a supervisor: %w", errtext.Quote(m.ID), ErrActor)
	}
	if m.State == Resolved || m.State == Closed {
		if note := s.answered(m, &h, closed); note >= 0 {
			if supervisor == "" {
				return noSupervisor()
			}
			add(Supervise, note, false, false)
		}
		return nil
	}
	if m.State != Dispatched && m.State != Accepted && !owner {
		return nil
	}
	// The clock of the lead, else of the owner of a platform's matter that
	// no unit is on; and on a platform's matter that units are on, the
	// owner's beside its lead's: the owner's approvals of its lead's
	// requests do not stop or extend the owner's own clock.
	var clocks [2]pressure
	k := 0                      // the clocks read
	var leadErr, ownerErr error // the lead's clocks, the owner's, could not be read
	if !owner {
		p, err := s.leadClock(m, &h)
		if err != nil && m.Platform == "" {
			return err
		}
		if leadErr = err; err == nil {
			clocks[k], k = p, k+1
		}
	}
	if m.Platform != "" {
		// Either side's error leaves the other's clock its events.
		p, err := s.ownerClock(m)
		if ownerErr = err; err == nil {
			p.names = !owner
			clocks[k], k = p, k+1
		}
	}
	if !s.press(clocks[:k], add, supervisor) {
		return errors.Join(leadErr, noSupervisor())
	}
	if leadErr != nil || owner && ownerErr != nil {
		return errors.Join(leadErr, ownerErr) // a suspension is judged with the clocks
	}
	if !supervises {
		note, err := s.requests(m, &h, owner)
		if err != nil {
			return err
		}
		if note >= 0 {
			if supervisor == "" {
				return noSupervisor()
			}
			if d := ownerOnly; d >= 0 {
				// The owner's supervision serves for the requests', and
				// presses every unit on the matter now.
				s.due[d].owner, s.due[d].note = false, uint32(s.joined([]int{int(s.due[d].note), note}))
			} else {
				add(Supervise, note, false, false)
			}
		}
	}
	return ownerErr
}
