package matters_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/internal/hardening/samples"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// at returns 2024-mm-dd hh:mm in China Standard Time.
func at(mm, dd, hh, min int) time.Time {
	return time.Date(2024, time.Month(mm), dd, hh, min, 0, 0, workday.CST())
}

// timed builds a matter from events with explicit times.
func timed(t *testing.T, events ...matters.Event) *matters.Matter {
	t.Helper()
	for i := range events {
		events[i].Matter, events[i].Seq = "M-1", i+1
	}
	fillRefs(events)
	m, err := matters.Replay(events)
	if err != nil {
		t.Fatalf("timed: %v", err)
	}
	return m
}

func tev(when time.Time, kind matters.Kind, actor string, units ...string) matters.Event {
	e := ev(kind, actor, units...)
	e.At = when
	return e
}

// tapproved returns a request of kind by actor at when and the owner's
// approval at the same instant.
func tapproved(when time.Time, kind matters.Kind, actor string) []matters.Event {
	return []matters.Event{tev(when, kind, actor), tev(when, matters.Approve, owner)}
}

// dispatchedAt returns the events of a matter dispatched to lead and sup1 at when.
func dispatchedAt(when time.Time) []matters.Event {
	return []matters.Event{
		tev(when.Add(-2*time.Minute), matters.Report, owner),
		tev(when.Add(-time.Minute), matters.Whistle, owner),
		tev(when, matters.Dispatch, owner, lead, sup1),
	}
}

var route = matters.Route{Type: "违法建设", Lead: lead, Support: []string{sup1}, Respond: 4 * time.Hour, ResolveDays: 5}

func TestDeadlines(t *testing.T) {
	china := workday.China()
	office := samples.OfficeHours()
	tests := []struct {
		name   string
		cal    *workday.Calendar
		events []matters.Event
		route  matters.Route
		want   matters.Deadlines
	}{
		{"a Monday morning", china, dispatchedAt(at(3, 4, 9, 0)), route,
			matters.Deadlines{Dispatched: at(3, 4, 9, 0), Respond: at(3, 4, 13, 0), Resolve: at(3, 11, 9, 0)}},
		{"a Friday night runs over the weekend", china, dispatchedAt(at(3, 8, 22, 0)), route,
			matters.Deadlines{Dispatched: at(3, 8, 22, 0), Respond: at(3, 11, 2, 0), Resolve: at(3, 15, 22, 0)}},
		{"清明 2024: 4–6 April off, Sunday 7 April a make-up working day", china, dispatchedAt(at(4, 3, 22, 0)), route,
			matters.Deadlines{Dispatched: at(4, 3, 22, 0), Respond: at(4, 7, 2, 0), Resolve: at(4, 11, 22, 0)}},
		{"office hours: 4h from Friday 16:00 is Monday 11:00", office, dispatchedAt(at(3, 8, 16, 0)), route,
			matters.Deadlines{Dispatched: at(3, 8, 16, 0), Respond: at(3, 11, 11, 0), Resolve: at(3, 15, 16, 0)}},
		{"suspended two hours before the response is due", china,
			slices.Concat(dispatchedAt(at(3, 4, 9, 0)), tapproved(at(3, 4, 10, 0), matters.Suspend, lead), []matters.Event{tev(at(3, 4, 12, 0), matters.Resume, owner)}), route,
			matters.Deadlines{Dispatched: at(3, 4, 9, 0), Respond: at(3, 4, 15, 0), Resolve: at(3, 11, 11, 0)}},
		{"suspended over a weekend costs no working time", china,
			slices.Concat(dispatchedAt(at(3, 8, 9, 0)), tapproved(at(3, 9, 10, 0), matters.Suspend, lead), []matters.Event{tev(at(3, 10, 12, 0), matters.Resume, owner)}), route,
			matters.Deadlines{Dispatched: at(3, 8, 9, 0), Respond: at(3, 8, 13, 0), Resolve: at(3, 15, 9, 0)}},
		{"suspended after the response was due", china,
			slices.Concat(dispatchedAt(at(3, 4, 9, 0)), tapproved(at(3, 4, 14, 0), matters.Suspend, lead), []matters.Event{tev(at(3, 5, 14, 0), matters.Resume, owner)}), route,
			matters.Deadlines{Dispatched: at(3, 4, 9, 0), Respond: at(3, 4, 13, 0), Resolve: at(3, 12, 9, 0)}},
		{"suspended now, before the response was due", china,
			slices.Concat(dispatchedAt(at(3, 4, 9, 0)), tapproved(at(3, 4, 10, 0), matters.Suspend, lead)), route,
			matters.Deadlines{Dispatched: at(3, 4, 9, 0), Stopped: true}},
		{"suspended now, after the response was due", china,
			slices.Concat(dispatchedAt(at(3, 4, 9, 0)), tapproved(at(3, 4, 14, 0), matters.Suspend, lead)), route,
			matters.Deadlines{Dispatched: at(3, 4, 9, 0), Respond: at(3, 4, 13, 0), Stopped: true}},
		{"twice suspended", china,
			slices.Concat(dispatchedAt(at(3, 4, 9, 0)),
				tapproved(at(3, 4, 10, 0), matters.Suspend, lead), []matters.Event{tev(at(3, 4, 11, 0), matters.Resume, lead)},
				tapproved(at(3, 4, 12, 0), matters.Suspend, owner), []matters.Event{tev(at(3, 4, 12, 30), matters.Resume, owner)}), route,
			matters.Deadlines{Dispatched: at(3, 4, 9, 0), Respond: at(3, 4, 14, 30), Resolve: at(3, 11, 10, 30)}},
		{"a suspension asked for and never approved stops nothing", china,
			append(dispatchedAt(at(3, 4, 9, 0)), tev(at(3, 4, 10, 0), matters.Suspend, lead)), route,
			matters.Deadlines{Dispatched: at(3, 4, 9, 0), Respond: at(3, 4, 13, 0), Resolve: at(3, 11, 9, 0)}},
		{"a suspension denied stops nothing", china,
			append(dispatchedAt(at(3, 4, 9, 0)), tev(at(3, 4, 10, 0), matters.Suspend, lead), tev(at(3, 4, 12, 0), matters.Deny, owner)), route,
			matters.Deadlines{Dispatched: at(3, 4, 9, 0), Respond: at(3, 4, 13, 0), Resolve: at(3, 11, 9, 0)}},
		{"a suspension stops the clock from its approval, not its request", china,
			append(dispatchedAt(at(3, 4, 9, 0)), tev(at(3, 4, 10, 0), matters.Suspend, lead), tev(at(3, 4, 11, 0), matters.Approve, owner), tev(at(3, 4, 12, 0), matters.Resume, lead)), route,
			matters.Deadlines{Dispatched: at(3, 4, 9, 0), Respond: at(3, 4, 14, 0), Resolve: at(3, 11, 10, 0)}},
		{"an extension approved moves the resolution deadline by its working days", china,
			append(dispatchedAt(at(3, 8, 9, 0)), withDays(tev(at(3, 8, 10, 0), matters.Extend, lead), 2), tev(at(3, 8, 11, 0), matters.Approve, owner)), route,
			matters.Deadlines{Dispatched: at(3, 8, 9, 0), Respond: at(3, 8, 13, 0), Resolve: at(3, 19, 9, 0)}},
		{"two extensions approved add up", china,
			append(dispatchedAt(at(3, 8, 9, 0)), withDays(tev(at(3, 8, 10, 0), matters.Extend, lead), 2), tev(at(3, 8, 11, 0), matters.Approve, owner),
				withDays(tev(at(3, 8, 12, 0), matters.Extend, owner), 1), tev(at(3, 8, 12, 0), matters.Approve, owner)), route,
			matters.Deadlines{Dispatched: at(3, 8, 9, 0), Respond: at(3, 8, 13, 0), Resolve: at(3, 20, 9, 0)}},
		{"an extension denied leaves the deadline", china,
			append(dispatchedAt(at(3, 8, 9, 0)), withDays(tev(at(3, 8, 10, 0), matters.Extend, lead), 2), tev(at(3, 8, 11, 0), matters.Deny, owner)), route,
			matters.Deadlines{Dispatched: at(3, 8, 9, 0), Respond: at(3, 8, 13, 0), Resolve: at(3, 15, 9, 0)}},
		{"an extension waiting leaves the deadline", china,
			append(dispatchedAt(at(3, 8, 9, 0)), withDays(tev(at(3, 8, 10, 0), matters.Extend, lead), 2)), route,
			matters.Deadlines{Dispatched: at(3, 8, 9, 0), Respond: at(3, 8, 13, 0), Resolve: at(3, 15, 9, 0)}},
		{"a hotline's own assignment, dispatched without a whistle, has the same clock", china,
			[]matters.Event{tev(at(3, 4, 8, 58), matters.Report, hotline), tev(at(3, 4, 9, 0), matters.Dispatch, hotline, lead, sup1)}, route,
			matters.Deadlines{Dispatched: at(3, 4, 9, 0), Respond: at(3, 4, 13, 0), Resolve: at(3, 11, 9, 0)}},
		{"a route with no limits", china, dispatchedAt(at(3, 4, 9, 0)), matters.Route{Lead: lead},
			matters.Deadlines{Dispatched: at(3, 4, 9, 0)}},
		{"the latest dispatch counts", china,
			slices.Concat(dispatchedAt(at(3, 4, 9, 0)), tapproved(at(3, 4, 10, 0), matters.Return, lead), []matters.Event{tev(at(3, 5, 9, 0), matters.Dispatch, owner, sup1)}), route,
			matters.Deadlines{Dispatched: at(3, 5, 9, 0), Respond: at(3, 5, 13, 0), Resolve: at(3, 12, 9, 0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := timed(t, tt.events...)
			got, err := m.Deadlines(tt.cal, tt.route)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Deadlines mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestStatus(t *testing.T) {
	china := workday.China()
	base := dispatchedAt(at(3, 4, 9, 0))
	accepted := append(slices.Clone(base), tev(at(3, 4, 12, 30), matters.Accept, lead))
	resolved := append(slices.Clone(accepted), tev(at(3, 7, 9, 0), matters.Resolve, lead))
	late := append(slices.Clone(accepted), tev(at(3, 12, 9, 0), matters.Resolve, lead))
	reopened := append(slices.Clone(resolved), tev(at(3, 7, 10, 0), matters.Reopen, owner))
	suspended := slices.Concat(accepted, tapproved(at(3, 5, 9, 0), matters.Suspend, lead))
	respond := func(used time.Duration, alert matters.Alert, done time.Time) matters.Clock {
		return matters.Clock{Limit: 4 * time.Hour, Due: at(3, 4, 13, 0), Used: used, Done: done, Alert: alert}
	}
	resolve := func(used time.Duration, alert matters.Alert, done time.Time) matters.Clock {
		return matters.Clock{Limit: 5 * 24 * time.Hour, Due: at(3, 11, 9, 0), Used: used, Done: done, Alert: alert}
	}
	tests := []struct {
		name   string
		events []matters.Event
		at     time.Time
		want   matters.Status
	}{
		{"just dispatched", base, at(3, 4, 10, 0), matters.Status{
			State: matters.Dispatched, Respond: respond(time.Hour, matters.OnTrack, time.Time{}),
			Resolve: resolve(time.Hour, matters.OnTrack, time.Time{}), Waiting: []string{lead, sup1}}},
		{"half the response time gone", base, at(3, 4, 11, 0), matters.Status{
			State: matters.Dispatched, Respond: respond(2*time.Hour, matters.Half, time.Time{}),
			Resolve: resolve(2*time.Hour, matters.OnTrack, time.Time{}), Waiting: []string{lead, sup1}}},
		{"three quarters of the response time gone", base, at(3, 4, 12, 0), matters.Status{
			State: matters.Dispatched, Respond: respond(3*time.Hour, matters.ThreeQuarters, time.Time{}),
			Resolve: resolve(3*time.Hour, matters.OnTrack, time.Time{}), Waiting: []string{lead, sup1}}},
		{"at the due time, not yet overdue", base, at(3, 4, 13, 0), matters.Status{
			State: matters.Dispatched, Respond: respond(4*time.Hour, matters.ThreeQuarters, time.Time{}),
			Resolve: resolve(4*time.Hour, matters.OnTrack, time.Time{}), Waiting: []string{lead, sup1}}},
		{"no answer past the due time", base, at(3, 4, 13, 1), matters.Status{
			State: matters.Dispatched, Respond: respond(4*time.Hour+time.Minute, matters.Overdue, time.Time{}),
			Resolve: resolve(4*time.Hour+time.Minute, matters.OnTrack, time.Time{}), Waiting: []string{lead, sup1}}},
		{"the lead answered in time", accepted, at(3, 4, 14, 0), matters.Status{
			State: matters.Accepted, Respond: respond(3*time.Hour+30*time.Minute, matters.ThreeQuarters, at(3, 4, 12, 30)),
			Resolve: resolve(5*time.Hour, matters.OnTrack, time.Time{}), Waiting: []string{sup1}}},
		{"a past instant ignores later events", resolved, at(3, 4, 11, 0), matters.Status{
			State: matters.Dispatched, Respond: respond(2*time.Hour, matters.Half, time.Time{}),
			Resolve: resolve(2*time.Hour, matters.OnTrack, time.Time{}), Waiting: []string{lead, sup1}}},
		{"resolved in time", resolved, at(3, 20, 0, 0), matters.Status{
			State: matters.Resolved, Respond: respond(3*time.Hour+30*time.Minute, matters.ThreeQuarters, at(3, 4, 12, 30)),
			Resolve: resolve(72*time.Hour, matters.Half, at(3, 7, 9, 0)), Waiting: []string{sup1}}},
		{"resolved late", late, at(3, 20, 0, 0), matters.Status{
			State: matters.Resolved, Respond: respond(3*time.Hour+30*time.Minute, matters.ThreeQuarters, at(3, 4, 12, 30)),
			Resolve: resolve(6*24*time.Hour, matters.Overdue, at(3, 12, 9, 0)), Waiting: []string{sup1}}},
		{"reopened: the resolution clock runs again", reopened, at(3, 8, 9, 0), matters.Status{
			State: matters.Accepted, Respond: respond(3*time.Hour+30*time.Minute, matters.ThreeQuarters, at(3, 4, 12, 30)),
			Resolve: resolve(4*24*time.Hour, matters.ThreeQuarters, time.Time{}), Waiting: []string{sup1}}},
		{"suspended: the clock stops", suspended, at(3, 8, 9, 0), matters.Status{
			State: matters.Accepted, Suspended: true, Respond: respond(3*time.Hour+30*time.Minute, matters.ThreeQuarters, at(3, 4, 12, 30)),
			Resolve: matters.Clock{Limit: 5 * 24 * time.Hour, Used: 24 * time.Hour, Alert: matters.OnTrack}, Waiting: []string{sup1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := timed(t, tt.events...)
			got, err := m.Status(china, tt.at, route)
			if err != nil {
				t.Fatal(err)
			}
			tt.want.At = tt.at
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Status mismatch (-want +got):\n%s", diff)
			}
			if got.Overdue() != (got.Respond.Alert == matters.Overdue || got.Resolve.Alert == matters.Overdue) {
				t.Errorf("Overdue() = %v for alerts %s, %s", got.Overdue(), got.Respond.Alert, got.Resolve.Alert)
			}
		})
	}
}

func TestElapsed(t *testing.T) {
	china := workday.China()
	events := slices.Concat(dispatchedAt(at(3, 8, 16, 0)),
		tapproved(at(3, 8, 18, 0), matters.Suspend, lead),
		[]matters.Event{tev(at(3, 11, 6, 0), matters.Resume, lead), tev(at(3, 11, 8, 0), matters.Accept, lead)},
		tapproved(at(3, 11, 9, 0), matters.Return, lead),
		[]matters.Event{tev(at(3, 11, 10, 0), matters.Dispatch, owner, sup2), tev(at(3, 11, 11, 0), matters.Accept, sup2)},
	)
	m := timed(t, events...)
	tests := []struct {
		to   time.Time
		want time.Duration
	}{
		{at(3, 8, 16, 0), 0},
		{at(3, 8, 17, 0), time.Hour},
		{at(3, 9, 12, 0), 2 * time.Hour}, // suspended, and a Saturday
		{at(3, 11, 8, 0), 4 * time.Hour}, // 2h on Friday, 2h on Monday after the resume
		{at(3, 11, 9, 30), 5*time.Hour + 30*time.Minute},
		{at(3, 11, 11, 0), time.Hour}, // from the re-dispatch
	}
	for _, tt := range tests {
		got, err := m.Elapsed(china, tt.to)
		if err != nil || got != tt.want {
			t.Errorf("Elapsed(%s) = %v, %v; want %v", tt.to.Format(time.DateTime), got, err, tt.want)
		}
	}
	// Office hours: 16:00–17:30 on Friday, then 08:30–09:00 on Monday after the resume.
	if got, err := m.Elapsed(samples.OfficeHours(), at(3, 11, 9, 0)); err != nil || got != 2*time.Hour {
		t.Errorf("Elapsed with office hours = %v, %v; want 2h", got, err)
	}
	// By event: the lead's Accept (seq 7) and the new lead's (seq 11).
	for seq, want := range map[int]time.Duration{3: 0, 7: 4 * time.Hour, 11: time.Hour} {
		if got, err := m.ElapsedTo(china, seq); err != nil || got != want {
			t.Errorf("ElapsedTo(%d) = %v, %v; want %v", seq, got, err, want)
		}
	}
	for _, seq := range []int{0, 1, 12} {
		if _, err := m.ElapsedTo(china, seq); err == nil {
			t.Errorf("ElapsedTo(%d) gave no error", seq)
		}
	}
	if _, err := m.Elapsed(china, at(3, 8, 15, 0)); !errors.Is(err, matters.ErrNotDispatched) {
		t.Errorf("Elapsed before the dispatch: %v, want ErrNotDispatched", err)
	}
}

// TestUnapprovedSuspension: a lead that asks to suspend its matter for 19
// working days, on its own word, has its clock run all the while: the
// time counts as elapsed and the matter is overdue; the same suspension
// approved is excluded.
func TestUnapprovedSuspension(t *testing.T) {
	china := workday.China()
	resume, err := china.AddDays(at(3, 4, 10, 0), 19)
	if err != nil {
		t.Fatal(err)
	}
	asked := slices.Concat(dispatchedAt(at(3, 4, 9, 0)), []matters.Event{tev(at(3, 4, 9, 30), matters.Accept, lead), tev(at(3, 4, 10, 0), matters.Suspend, lead)})
	unapproved := timed(t, append(slices.Clone(asked), tev(resume.Add(time.Hour), matters.Resolve, lead))...)
	approvedOnce := timed(t, append(slices.Clone(asked), tev(at(3, 4, 10, 0), matters.Approve, owner), tev(resume, matters.Resume, lead), tev(resume.Add(time.Hour), matters.Resolve, lead))...)
	for _, tt := range []struct {
		name    string
		m       *matters.Matter
		elapsed time.Duration
		overdue bool
	}{
		{"unapproved: 19 working days count", unapproved, 19*24*time.Hour + 2*time.Hour, true},
		{"approved: excluded", approvedOnce, 2 * time.Hour, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.m.ElapsedTo(china, len(tt.m.Events))
			if err != nil || got != tt.elapsed {
				t.Errorf("elapsed to the resolution = %v, %v; want %v", got, err, tt.elapsed)
			}
			st, err := tt.m.Status(china, resume.Add(2*time.Hour), route)
			if err != nil || st.Overdue() != tt.overdue {
				t.Errorf("Status overdue = %v, %v; want %v", st.Overdue(), err, tt.overdue)
			}
		})
	}
}

func TestClockErrors(t *testing.T) {
	china := workday.China()
	dispatched := timed(t, dispatchedAt(at(3, 4, 9, 0))...)
	returned := timed(t, slices.Concat(dispatchedAt(at(3, 4, 9, 0)), tapproved(at(3, 4, 10, 0), matters.Return, lead))...)
	whistled := build(t, hWhistled...)
	old := timed(t, dispatchedAt(time.Date(2010, 3, 4, 9, 0, 0, 0, workday.CST()))...)
	tests := []struct {
		name  string
		m     *matters.Matter
		route matters.Route
		want  error
	}{
		{"another type's route", dispatched, matters.Route{Type: "占道经营", Lead: lead, Respond: time.Hour}, matters.ErrNoRoute},
		{"negative respond", dispatched, matters.Route{Respond: -time.Hour}, matters.ErrInvalid},
		{"negative days", dispatched, matters.Route{ResolveDays: -1}, matters.ErrInvalid},
		{"never dispatched", whistled, route, matters.ErrNotDispatched},
		{"returned, awaiting dispatch", returned, route, matters.ErrNotDispatched},
		{"a year the calendar has no data for", old, route, workday.ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := tt.m.Deadlines(china, tt.route); !errors.Is(err, tt.want) {
				t.Errorf("Deadlines error = %v, want %v", err, tt.want)
			}
			if _, err := tt.m.Status(china, at(3, 4, 12, 0), tt.route); !errors.Is(err, tt.want) {
				t.Errorf("Status error = %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := dispatched.Status(china, at(3, 4, 8, 0), route); !errors.Is(err, matters.ErrNotDispatched) {
		t.Errorf("Status before the dispatch: %v, want ErrNotDispatched", err)
	}
	// The message says where the matter stands: returned and awaiting a
	// dispatch, or closed by its owner after the return.
	closed := timed(t, slices.Concat(
		[]matters.Event{tev(at(3, 4, 8, 58), matters.Report, owner), tev(at(3, 4, 9, 0), matters.Dispatch, owner, lead, sup1)},
		tapproved(at(3, 4, 10, 0), matters.Return, lead),
		[]matters.Event{tev(at(3, 4, 11, 0), matters.Close, owner)})...)
	for _, tc := range []struct {
		m    *matters.Matter
		want string
	}{
		{returned, "returned, awaiting dispatch"},
		{closed, "closed by its owner after its lead returned it, not dispatched again"},
	} {
		_, err := tc.m.Status(china, at(3, 4, 12, 0), route)
		if !errors.Is(err, matters.ErrNotDispatched) || !strings.Contains(err.Error(), ": "+tc.want+": ") {
			t.Errorf("Status of a matter in state %s: %v; want ErrNotDispatched saying %q", tc.m.State, err, tc.want)
		}
	}
}

// TestNilCalendarPanics: a nil calendar is a programmer's error, and every
// method that takes one says so the same way, naming the method.
func TestNilCalendarPanics(t *testing.T) {
	m := timed(t, dispatchedAt(at(3, 4, 9, 0))...)
	c := &matters.Catalog{}
	for name, call := range map[string]func(){
		"Matter.Elapsed":       func() { _, _ = m.Elapsed(nil, at(3, 4, 10, 0)) },
		"Matter.ElapsedTo":     func() { _, _ = m.ElapsedTo(nil, 3) },
		"Matter.Deadlines":     func() { _, _ = m.Deadlines(nil, route) },
		"Matter.Status":        func() { _, _ = m.Status(nil, at(3, 4, 10, 0), route) },
		"Matter.Running":       func() { _, _ = m.Running(nil, at(3, 4, 9, 0), at(3, 4, 10, 0)) },
		"Matter.RunningFor":    func() { _, _ = m.RunningFor(nil, "", at(3, 4, 9, 0), at(3, 4, 10, 0)) },
		"Catalog.Apply":        func() { _ = c.Apply(nil, m.Clone(), matters.Event{}) },
		"Catalog.Due":          func() { _, _ = c.Due(nil, at(3, 4, 10, 0), nil) },
		"Catalog.FeedbackLate": func() { _, _ = c.FeedbackLate(nil, m, at(3, 4, 10, 0)) },
	} {
		if got, want := hardening.PanicOf(call), "matters: "+name+": nil *workday.Calendar"; got != want {
			t.Errorf("%s: panic = %v, want %q", name, got, want)
		}
	}
}

// TestNilMatterPanics: a method called on a nil matter is a programmer's
// error, and says which method met it, not a bare nil dereference.
func TestNilMatterPanics(t *testing.T) {
	var m *matters.Matter
	cal := workday.China()
	at := at(3, 4, 10, 0)
	for name, call := range map[string]func(){
		"Apply":           func() { _ = m.Apply(matters.Event{}) },
		"Elapsed":         func() { _, _ = m.Elapsed(cal, at) },
		"ElapsedTo":       func() { _, _ = m.ElapsedTo(cal, 1) },
		"Deadlines":       func() { _, _ = m.Deadlines(cal, route) },
		"Status":          func() { _, _ = m.Status(cal, at, route) },
		"Running":         func() { _, _ = m.Running(cal, at, at) },
		"RunningFor":      func() { _, _ = m.RunningFor(cal, "", at, at) },
		"ExtendedDays":    func() { _ = m.ExtendedDays() },
		"ExtendedDaysFor": func() { _ = m.ExtendedDaysFor("") },
	} {
		if got, want := hardening.PanicOf(call), "matters: "+name+" of a nil *Matter"; got != want {
			t.Errorf("%s: panic = %v, want %q", name, got, want)
		}
	}
}
