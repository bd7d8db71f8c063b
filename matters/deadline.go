package matters

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/qingdan/qingdan/matters/workday"
)

// Deadlines are a matter's due times under its latest Dispatch:
//
//   - Respond: the first instant at which Route.Respond of working time
//     has run since the dispatch (the units must have accepted by then);
//   - Resolve: AddDays(dispatch, Route.ResolveDays + the Days of every
//     approved Extend since the dispatch) on the calendar (the lead must
//     have resolved it by then); an Extend that waits for its decision, or
//     was denied, moves nothing.
//
// At a due time the clock has used its limit exactly. A duty met after it
// but before working time runs again — in the lunch break, the evening or
// the weekend that follows it — has used no more, and is on time: the
// limits are working time, and [Clock]'s Alert, [Catalog.Due] and package
// scoring's facts all judge the working time used, not the instant.
//
// Suspended time does not count, where the suspension was approved: where
// the matter was suspended before a due time, that due time moves later by
// the working time it was suspended, from the Approve (the clock runs
// while a request waits) to the Resume. A due time is zero when the route sets no such limit, or when
// the matter is suspended now (Stopped) and its clock had not reached the
// limit when it stopped: it is known again once the matter resumes. In
// JSON a zero due time is left out.
type Deadlines struct {
	Dispatched time.Time `json:"dispatched"`
	Respond    time.Time `json:"respond"`
	Resolve    time.Time `json:"resolve"`
	Stopped    bool      `json:"stopped,omitempty"`
}

// Clock is one limit of a matter at an instant. Limit is the working time
// allowed (zero: the route sets no limit, and Due, Used and Alert are zero
// too: [Matter.Elapsed] measures the time all the same);
// Due is the due time as in [Deadlines]; Used is the working time run by
// the instant, or by Done if earlier, less suspended time ([Matter.Elapsed]);
// Done is when the clock's duty was met (the lead's Accept for the
// response, its Resolve for the resolution), zero if not yet; Alert is
// [Overdue] once more working time than Limit has run (Used > Limit):
// when the duty was met, or the instant is, after Due and working time ran
// on past it. An instant after Due in the non-working time that follows
// it (a lunch break, a night, a weekend) is not yet overdue: no working
// time ran past the limit, and package scoring's facts, which compare
// working time with the limit, call a duty met then on time. Else Alert
// grades Used against Limit (≥ 50% [Half], ≥ 75% [ThreeQuarters]).
//
// In JSON, Limit and Used are Go duration strings such as "4h0m0s", and a
// zero Due or Done is left out.
type Clock struct {
	Limit time.Duration `json:"limit,omitempty"`
	Due   time.Time     `json:"due"`
	Used  time.Duration `json:"used,omitempty"`
	Done  time.Time     `json:"done"`
	Alert Alert         `json:"alert,omitempty"`
}

// Status is where a matter stands against its limits at an instant At,
// from the events up to At: its State, whether it is Suspended, the
// response and resolution clocks, and the dispatched units (lead first)
// that have not yet accepted (Waiting).
type Status struct {
	At        time.Time `json:"at"`
	State     State     `json:"state,omitempty"`
	Suspended bool      `json:"suspended,omitempty"`
	Respond   Clock     `json:"respond"`
	Resolve   Clock     `json:"resolve"`
	Waiting   []string  `json:"waiting,omitempty"`
}

// Overdue reports whether either clock is overdue.
func (s Status) Overdue() bool { return s.Respond.Alert == Overdue || s.Resolve.Alert == Overdue }

// Elapsed returns the working time on cal from the latest Dispatch at or
// before to, until to, less the working time the matter was suspended in
// between by an approved suspension, from its Approve to its Resume (a
// suspension still open at to counts until to; a request to suspend that
// waits, or was denied, stops nothing). It is the
// measure of the one-matter-one-evaluation facts: a unit's response time is
// Elapsed to its Accept, the resolution time Elapsed to the Resolve (see
// [Matter.ElapsedTo] to name the event rather than the instant).
//
// It returns an error wrapping [ErrNotDispatched] if no Dispatch is at or
// before to, and the calendar's errors (such as [workday.ErrOutOfRange])
// wrapped. It panics if m or cal is nil.
func (m *Matter) Elapsed(cal *workday.Calendar, to time.Time) (time.Duration, error) {
	mustMatter(m, "Elapsed")
	mustCalendar(cal, "Matter.Elapsed")
	return m.elapsed(cal, m.upTo(to), to)
}

// ElapsedTo is [Matter.Elapsed] up to the event numbered seq (its Seq),
// counting only the events up to it: exact even where several events share
// an instant. A seq the matter does not have is an [ErrInvalid] error. It
// panics if m or cal is nil.
func (m *Matter) ElapsedTo(cal *workday.Calendar, seq int) (time.Duration, error) {
	mustMatter(m, "ElapsedTo")
	mustCalendar(cal, "Matter.ElapsedTo")
	if seq < 1 || seq > len(m.Events) {
		return 0, fmt.Errorf("matters: matter %q has no event %d: %w", m.ID, seq, ErrInvalid)
	}
	return m.elapsed(cal, m.Events[:seq], m.Events[seq-1].At)
}

// mustCalendar panics on a nil calendar, naming the method it was given
// to ("Matter.Deadlines"): which calendar was meant is a programmer's
// decision, not one to guess.
func mustCalendar(cal *workday.Calendar, method string) {
	if cal == nil {
		panic("matters: " + method + ": nil *workday.Calendar")
	}
}

func (m *Matter) elapsed(cal *workday.Calendar, events []Event, to time.Time) (time.Duration, error) {
	d := lastDispatch(events)
	if d < 0 {
		return 0, fmt.Errorf("matters: matter %q at %s: %w", m.ID, to.Format(timeLayout), ErrNotDispatched)
	}
	var used time.Duration
	for _, s := range running(events, d) {
		end := to
		if !s.end.IsZero() {
			end = s.end
		}
		w, err := m.between(cal, s.start, end)
		if err != nil {
			return 0, err
		}
		used += w
	}
	return used, nil
}

// Deadlines returns the matter's due times under its latest Dispatch on
// calendar cal and route r, from its whole history. Errors: [ErrNotDispatched]
// if it was never dispatched, or its lead returned it and it awaits a new
// dispatch; [ErrNoRoute] if r is for another matter type
// (a route with an empty Type fits any); [ErrInvalid] for negative limits;
// the calendar's errors wrapped. It panics if m or cal is nil.
func (m *Matter) Deadlines(cal *workday.Calendar, r Route) (Deadlines, error) {
	mustMatter(m, "Deadlines")
	mustCalendar(cal, "Matter.Deadlines")
	if err := m.checkRoute(r); err != nil {
		return Deadlines{}, err
	}
	d := lastDispatch(m.Events)
	if d < 0 || m.Lead == "" {
		return Deadlines{}, fmt.Errorf("matters: deadlines of matter %q in state %s: %w", m.ID, m.stateText(), ErrNotDispatched)
	}
	dl := Deadlines{Dispatched: m.Events[d].At, Stopped: m.Suspended}
	var err error
	if dl.Respond, _, err = m.due(cal, m.Events, d, r, false); err != nil {
		return Deadlines{}, err
	}
	if dl.Resolve, _, err = m.due(cal, m.Events, d, r, true); err != nil {
		return Deadlines{}, err
	}
	return dl, nil
}

// Status returns where the matter stands at the instant at on calendar cal
// and route r, judged from its events up to at (later events are ignored,
// so a past instant can be reviewed). Errors as for [Matter.Deadlines],
// judged at at. It panics if m or cal is nil.
func (m *Matter) Status(cal *workday.Calendar, at time.Time, r Route) (Status, error) {
	mustMatter(m, "Status")
	mustCalendar(cal, "Matter.Status")
	if err := m.checkRoute(r); err != nil {
		return Status{}, err
	}
	events := m.upTo(at)
	d := lastDispatch(events)
	if d < 0 {
		return Status{}, fmt.Errorf("matters: status of matter %q at %s: %w", m.ID, at.Format(timeLayout), ErrNotDispatched)
	}
	past := m
	if len(events) < len(m.Events) {
		var err error
		if past, err = Replay(events); err != nil {
			return Status{}, err
		}
	}
	if past.Lead == "" {
		why := "returned, awaiting dispatch"
		if past.State == Closed {
			why = "closed by its owner after its lead returned it, not dispatched again"
		}
		return Status{}, fmt.Errorf("matters: status of matter %q at %s: %s: %w", m.ID, at.Format(timeLayout), why, ErrNotDispatched)
	}
	st := Status{At: at.In(workday.CST()), State: past.State, Suspended: past.Suspended}
	accepted := make(map[string]bool)
	for _, e := range events[d+1:] {
		switch e.Kind {
		case Accept:
			accepted[e.Actor] = true
			if e.Actor == past.Lead {
				st.Respond.Done = e.At
			}
		case Resolve:
			st.Resolve.Done = e.At
		case Reopen:
			st.Resolve.Done = time.Time{}
		}
	}
	if past.State != Resolved && past.State != Closed {
		st.Resolve.Done = time.Time{}
	}
	for _, u := range append([]string{past.Lead}, past.Support...) {
		if u != "" && !accepted[u] {
			st.Waiting = append(st.Waiting, u)
		}
	}
	for i, c := range []*Clock{&st.Respond, &st.Resolve} {
		due, limit, err := m.due(cal, events, d, r, i == 1)
		if err != nil {
			return Status{}, err
		}
		if limit == 0 {
			*c = Clock{Done: c.Done}
			continue
		}
		c.Limit, c.Due = limit, due
		t := at
		if !c.Done.IsZero() {
			t = c.Done
		}
		if c.Used, err = m.Elapsed(cal, t); err != nil {
			return Status{}, err
		}
		c.Alert = grade(c.Used, limit)
	}
	return st, nil
}

// grade returns the alert for used of limit: overdue once more working
// time than the limit has run, which is after the due time (it used the
// limit exactly) and not before working time runs again after it.
func grade(used, limit time.Duration) Alert {
	q, r := limit/4, limit%4
	switch {
	case used > limit:
		return Overdue
	case used >= 3*q+(3*r+3)/4: // used ≥ ¾ limit, exactly
		return ThreeQuarters
	case used >= limit/2+limit%2: // used ≥ ½ limit
		return Half
	}
	return OnTrack
}

// checkRoute reports a route that does not fit the matter or has a
// negative limit.
func (m *Matter) checkRoute(r Route) error {
	switch {
	case r.Type != "" && r.Type != m.Type:
		return fmt.Errorf("matters: matter %q of type %q given the route of type %q: %w", m.ID, m.Type, r.Type, ErrNoRoute)
	case r.Respond < 0 || r.ResolveDays < 0:
		return fmt.Errorf("matters: matter %q: route %q has a negative limit: %w", m.ID, r.Type, ErrInvalid)
	}
	return nil
}

// upTo returns the prefix of the matter's events at or before t.
func (m *Matter) upTo(t time.Time) []Event {
	n, _ := slices.BinarySearchFunc(m.Events, t, func(e Event, t time.Time) int {
		if e.At.After(t) {
			return 1
		}
		return -1
	})
	return m.Events[:n]
}

// due returns the due time of one clock under the Dispatch at events[d]
// (zero if the clock is stopped short of it) and its limit in working
// time (zero if the route sets none).
func (m *Matter) due(cal *workday.Calendar, events []Event, d int, r Route, resolve bool) (time.Time, time.Duration, error) {
	from := events[d].At
	var plain time.Time
	var limit time.Duration
	var err error
	wrap := func(err error) error { return dueError(m.ID, from, err) }
	switch {
	case resolve && r.ResolveDays > 0:
		days := extended(events, d, "")
		if days > 0 && days > math.MaxInt32-r.ResolveDays {
			return time.Time{}, 0, wrap(fmt.Errorf("%d working days and %d of extensions overflow: %w", r.ResolveDays, days, ErrInvalid))
		}
		if plain, err = cal.AddDays(from, r.ResolveDays+days); err != nil {
			return time.Time{}, 0, wrap(err)
		}
		if limit, err = cal.Between(from, plain); err != nil {
			return time.Time{}, 0, wrap(err)
		}
	case !resolve && r.Respond > 0:
		limit = r.Respond
		if plain, err = addWorking(cal, from, limit); err != nil {
			return time.Time{}, 0, wrap(err)
		}
	default:
		return time.Time{}, 0, nil
	}
	spans := running(events, d)
	if len(spans) == 1 && (spans[0].end.IsZero() || !spans[0].end.Before(plain)) {
		return plain, limit, nil // not suspended before the plain due time
	}
	left := limit
	for _, s := range spans {
		if !s.end.IsZero() {
			w, err := cal.Between(s.start, s.end)
			if err != nil {
				return time.Time{}, 0, wrap(err)
			}
			if w < left {
				left -= w
				continue
			}
		}
		t, err := addWorking(cal, s.start, left)
		if err != nil {
			return time.Time{}, 0, wrap(err)
		}
		if t.Before(plain) {
			t = plain
		}
		return t, limit, nil
	}
	return time.Time{}, limit, nil // stopped before the limit was reached
}

// dueError is err, from the calendar, in finding a due time of matter id
// after its dispatch at from.
func dueError(id string, from time.Time, err error) error {
	return fmt.Errorf("matters: matter %q: due time after the dispatch at %s: %w", id, from.Format(timeLayout), err)
}

// between is cal.Between(from, to), its error naming matter m and the
// span it measured.
func (m *Matter) between(cal *workday.Calendar, from, to time.Time) (time.Duration, error) {
	d, err := cal.Between(from, to)
	if err != nil {
		return 0, fmt.Errorf("matters: matter %q: working time from %s to %s: %w", m.ID, from.Format(timeLayout), to.Format(timeLayout), err)
	}
	return d, nil
}
