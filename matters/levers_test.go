package matters_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
)

// These tests prove the levers docs/policy.md says a host has over
// package matters: each does what the note says a host can do, through
// the public API, and checks the outcome the note promises.

// TestLeverSupervisionSettings proves the row of the catalog's
// matters.Supervision in docs/policy.md's "What a host can change": a
// host sets the supervisor, EscalateDays, FeedbackDays, Reopens,
// SuspendDays and ExtendDays, and each changes what the catalog does. A
// matter dispatched on Monday 4 March at 9:00 on a route of 4 hours and 5
// working days.
func TestLeverSupervisionSettings(t *testing.T) {
	cal := workday.China()
	dispatched := dispatchedAt(at(3, 4, 9, 0))
	accepted := append(slices.Clone(dispatched), tev(at(3, 4, 10, 0), matters.Accept, lead))
	resolved := append(slices.Clone(accepted), tev(at(3, 5, 9, 0), matters.Resolve, lead))
	notSatisfied := func(when time.Time) matters.Event {
		e := tev(when, matters.Feedback, owner)
		e.Satisfied = no()
		return e
	}
	reopened := append(slices.Clone(resolved), notSatisfied(at(3, 5, 10, 0)), tev(at(3, 5, 11, 0), matters.Reopen, owner),
		tev(at(3, 6, 9, 0), matters.Resolve, lead), notSatisfied(at(3, 6, 10, 0)))
	extended := append(slices.Clone(accepted), withDays(tev(at(3, 4, 11, 0), matters.Extend, lead), 20), tev(at(3, 4, 11, 0), matters.Approve, owner))
	suspended := append(slices.Clone(accepted), tapproved(at(3, 5, 9, 0), matters.Suspend, lead)...)
	// scan applies what c.Due returns at each of the instants in turn and
	// gives what it returned, and any error, as text.
	scan := func(t *testing.T, c *matters.Catalog, events []matters.Event, instants ...time.Time) []string {
		m := timed(t, slices.Clone(events)...)
		var out []string
		for _, now := range instants {
			due, err := c.Due(cal, now, []*matters.Matter{m})
			if errors.Is(err, matters.ErrActor) {
				out = append(out, "ErrActor")
			} else if err != nil {
				t.Fatal(err)
			}
			for _, e := range due {
				out = append(out, e.Kind.String()+" "+presses(e.Actor, e.Units...)+" "+e.Note)
				if err := c.Apply(cal, m, e); err != nil {
					t.Fatal(err)
				}
			}
		}
		return out
	}
	urge := "urge " + owner + " 临期催办：应哨时限已用 75%"
	for _, tc := range []struct {
		name      string
		set       func(s *matters.Supervision)
		outcome   func(t *testing.T, c *matters.Catalog) []string
		zero, got []string // the outcome with the setting at its zero value, and set
	}{
		{"Supervisor", func(s *matters.Supervision) { s.Supervisor = supervisor },
			func(t *testing.T, c *matters.Catalog) []string { return scan(t, c, dispatched, at(3, 4, 13, 1)) },
			[]string{"ErrActor", urge}, []string{urge, "supervise " + supervisor + " 超期督办：应哨超过时限"}},
		{"EscalateDays", func(s *matters.Supervision) { s.EscalateDays = 1 },
			func(t *testing.T, c *matters.Catalog) []string {
				return scan(t, c, dispatched, at(3, 4, 13, 1), at(3, 5, 13, 1))
			},
			[]string{urge, "supervise " + supervisor + " 超期督办：应哨超过时限"},
			[]string{urge, "supervise " + supervisor + " 超期督办：应哨超过时限", "supervise " + supervisor + " 升级督办：超期后又逾 1 个工作日"}},
		{"FeedbackDays", func(s *matters.Supervision) { s.FeedbackDays = 2 },
			func(t *testing.T, c *matters.Catalog) []string {
				late, err := c.FeedbackLate(cal, timed(t, slices.Clone(resolved)...), at(3, 8, 9, 0))
				if err != nil {
					t.Fatal(err)
				}
				if late {
					return []string{"feedback late"}
				}
				return nil
			},
			nil, []string{"feedback late"}},
		{"Reopens", func(s *matters.Supervision) { s.Reopens = 1 },
			func(t *testing.T, c *matters.Catalog) []string {
				m := timed(t, slices.Clone(reopened)...)
				e := tev(at(3, 6, 11, 0), matters.Reopen, owner)
				e.Matter, e.Seq = m.ID, len(m.Events)+1
				if err := c.Apply(cal, m, e); errors.Is(err, matters.ErrTransition) {
					return []string{"second reopen refused"}
				} else if err != nil {
					t.Fatal(err)
				}
				return nil
			},
			nil, []string{"second reopen refused"}},
		{"SuspendDays", func(s *matters.Supervision) { s.SuspendDays = 10 },
			func(t *testing.T, c *matters.Catalog) []string { return scan(t, c, suspended, at(3, 19, 10, 1)) },
			nil, []string{"supervise " + supervisor + " 挂起超期督办：挂起已逾 10 个工作日"}},
		{"ExtendDays", func(s *matters.Supervision) { s.ExtendDays = 10 },
			func(t *testing.T, c *matters.Catalog) []string { return scan(t, c, extended, at(3, 5, 9, 0)) },
			nil, []string{"supervise " + supervisor + " 延期超限督办：批准延期累计逾 10 个工作日"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := supervisedCatalog()
			c.Supervision = matters.Supervision{}
			if tc.name != "Supervisor" {
				c.Supervision.Supervisor = supervisor
			}
			if diff := cmp.Diff(tc.zero, tc.outcome(t, c)); diff != "" {
				t.Errorf("unset: mismatch (-want +got):\n%s", diff)
			}
			tc.set(&c.Supervision)
			if diff := cmp.Diff(tc.got, tc.outcome(t, c)); diff != "" {
				t.Errorf("set: mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLeverAdmitTheDefaults proves docs/policy.md, "Admission.Admit
// applies only the exclusions it holds": a host that sets Excluded:
// matters.DefaultExclusions() has Admission.Admit refuse 招商引资 and
// 协税护税 work its lists hold, for the reasons a catalog gives, and
// admit the rest.
func TestLeverAdmitTheDefaults(t *testing.T) {
	a, cases := excludedWork(matters.DefaultExclusions())
	for _, tt := range cases {
		d := a.Admit(matters.Request{Title: tt.title, From: hotline})
		if diff := cmp.Diff(tt.byDefault, decision{d.Admitted, d.Reason}); diff != "" {
			t.Errorf("%s: decision mismatch (-want +got):\n%s", tt.title, diff)
		}
	}
}

// TestLeverRefuseUnknownSupervisor proves docs/policy.md, "A Report may
// name any body off the register as the supervisor": a host refuses, in
// its own code, a Report naming a supervisor it does not know, which
// Catalog.Apply accepts.
func TestLeverRefuseUnknownSupervisor(t *testing.T) {
	c := supervisedCatalog()
	known := []string{supervisor, "镜湖区督查室"}
	refuse := func(e matters.Event) bool {
		return e.Kind == matters.Report && e.Supervisor != "" && !slices.Contains(known, e.Supervisor)
	}
	for _, tc := range []struct {
		supervisor string
		refuse     bool
	}{{"镜湖区督查室", false}, {"某某督查组", true}} {
		e := next(&matters.Matter{}, ev(matters.Report, hotline, owner))
		e.Supervisor = tc.supervisor
		if got := refuse(e); got != tc.refuse {
			t.Errorf("the host refuses a Report naming %s: %t, want %t", tc.supervisor, got, tc.refuse)
		}
		m := &matters.Matter{}
		if err := c.Apply(workday.China(), m, e); err != nil || m.Supervisor != tc.supervisor {
			t.Errorf("Catalog.Apply of a Report naming %s: %v, supervisor %q; want it accepted (the refusal is the host's)", tc.supervisor, err, m.Supervisor)
		}
	}
}

// TestLeverRefuseOverride proves docs/policy.md, "A dispatch off the
// route needs the owner's reason": a host that wants no such dispatch
// refuses an Override in its own code. Catalog.Apply refuses the dispatch
// off the route without one (matters.ErrOffRoute) and takes it with one;
// with the host's check, neither passes, and the dispatch on the route
// does.
func TestLeverRefuseOverride(t *testing.T) {
	c := supervisedCatalog()
	cal := workday.China()
	m := build(t, hWhistled...)
	refuse := func(e matters.Event) bool { return e.Kind == matters.Dispatch && e.Override != "" }
	off := next(m, ev(matters.Dispatch, owner, outside))
	if err := c.Apply(cal, m.Clone(), off); !errors.Is(err, matters.ErrOffRoute) {
		t.Errorf("Catalog.Apply off the route without a reason: %v, want ErrOffRoute", err)
	}
	off.Override = "区城管局人员全部在防汛一线"
	if !refuse(off) {
		t.Error("the host lets the dispatch off the route with a reason through")
	}
	if err := c.Apply(cal, m.Clone(), off); err != nil {
		t.Errorf("Catalog.Apply off the route with a reason: %v, want it accepted (the refusal is the host's)", err)
	}
	on := next(m, ev(matters.Dispatch, owner, lead, sup1))
	if refuse(on) {
		t.Error("the host refuses the dispatch on the route")
	}
	if err := c.Apply(cal, m, on); err != nil {
		t.Errorf("Catalog.Apply on the route: %v", err)
	}
}

// TestLeverExtendDaysBoundsHowMany proves docs/policy.md, "An extension
// approved after the due time counts in full": Supervision.ExtendDays
// bounds how many days, not when. A lead due on Thursday 7 March at 9:00
// (3 working days), supervised at 10:00, is given 5 more days, before
// its due time (Monday 11:00) or after it (Thursday 18:00): with
// ExtendDays 5 the next scan returns nothing either way; with 4, the
// approval beyond the limit is supervised either way.
func TestLeverExtendDaysBoundsHowMany(t *testing.T) {
	cal := workday.China()
	for _, days := range []int{4, 5} {
		for _, when := range []time.Time{at(3, 4, 11, 0), at(3, 7, 18, 0)} {
			c, m := dueOnThursday(t)
			c.Supervision.ExtendDays = days
			extend := func() { applyAt(t, c, m, extension(when, 5)...) }
			var got []string
			scan := func(now time.Time) {
				for _, e := range dueEvents(t, c, cal, now, m) {
					got = append(got, e.Note)
					if err := c.Apply(cal, m, e); err != nil {
						t.Fatal(err)
					}
				}
			}
			early := when.Before(at(3, 7, 9, 0))
			if early {
				extend()
			}
			scan(at(3, 7, 10, 0))
			if !early {
				extend()
			}
			scan(at(3, 8, 9, 0))
			var want []string // early, the clocks call for nothing by Friday: 75% of 8 days is on Tuesday 12 March
			if !early {
				want = []string{"临期催办：办结时限已用 75%", "超期督办：办结超过时限"}
			}
			if days == 4 {
				want = append(want, "延期超限督办：批准延期累计逾 4 个工作日")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("ExtendDays %d, extended %s: due mismatch (-want +got):\n%s", days, when.Format("01-02 15:04"), diff)
			}
		}
	}
}
