package grading_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// These tests prove the levers docs/policy.md says a host has over whom
// Catalog.Due presses (see levers_test.go).

// pressed is how often a unit was urged and supervised, as its facts
// count.
type pressed struct{ Urged, Supervised int }

// pressure returns how often each of units was urged and supervised on m,
// as scoring.FactsFor counts it, on the route of m's dispatch.
func pressure(t *testing.T, c *matters.Catalog, m *matters.Matter, units ...string) map[string]pressed {
	t.Helper()
	r, err := c.RouteOf(m)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]pressed{}
	for _, u := range units {
		f, err := scoring.FactsFor(cal, m, u, r)
		if err != nil {
			t.Fatal(err)
		}
		out[u] = pressed{f.Urged, f.Supervised}
	}
	return out
}

// due is one event Catalog.Due returned, in brief.
type due struct {
	Kind         matters.Kind
	Actor, Note  string
	Units        []string
	Hours        float64
	AppliedUnits []string
}

// TestLeverPressSupportUnits proves docs/policy.md, "Support units are
// never pressed on their own clocks": a host presses them itself. It
// reads D2's clock with Matter.Elapsed from the dispatch, sees from
// Matter.Status's Waiting that D2 has not accepted, and applies through
// Catalog.Apply an Urge by the owner at 5h and a Supervise by the
// supervisor at 9h whose Units name D2; Catalog.Due, reading the lead's
// clocks, calls for nothing at either scan. D2 is urged and supervised
// once, D1 never.
func TestLeverPressSupportUnits(t *testing.T) {
	c := supervised()
	m := applied(t, c, nil, opened(at(0), "S1", []string{"D1", "D2"}, matters.Event{At: at(1), Kind: matters.Accept, Actor: "D1"})...)
	r, err := c.RouteOf(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		h     float64
		kind  matters.Kind
		actor string
	}{{5, matters.Urge, "S1"}, {9, matters.Supervise, "SUP"}} {
		if got, err := c.Due(cal, at(step.h), []*matters.Matter{m}); err != nil || len(got) > 0 {
			t.Errorf("Due at %gh = %+v, %v; want nothing", step.h, got, err)
		}
		s, err := m.Status(cal, at(step.h), r)
		if err != nil {
			t.Fatal(err)
		}
		ran, err := m.Elapsed(cal, at(step.h))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(s.Waiting, "D2") || ran <= r.Respond {
			t.Fatalf("at %gh: waiting %v, %v run of %v; want D2 waiting past its limit", step.h, s.Waiting, ran, r.Respond)
		}
		e := matters.Event{Matter: "M", Seq: len(m.Events) + 1, At: at(step.h), Kind: step.kind, Actor: step.actor, Units: []string{"D2"}, Note: "配合单位应哨超过时限"}
		if err := c.Apply(cal, m, e); err != nil {
			t.Fatalf("Catalog.Apply of the host's %s of D2: %v", step.kind, err)
		}
	}
	if diff := cmp.Diff(map[string]pressed{"D1": {}, "D2": {1, 1}}, pressure(t, c, m, "D1", "D2")); diff != "" {
		t.Errorf("pressed mismatch (-want +got):\n%s", diff)
	}
}

// TestLeverNameWhomDuePresses proves docs/policy.md, "What the lead's
// clock calls for presses everyone on the matter": a host applies what
// Catalog.Due returns and may first set the Units of an event that names
// no one. On H's matter for S1, D1 accepting at 1h and never resolving,
// D2 never answering, with an escalation after a working day, Due calls
// at 55h for S1's urging of its lead and H's of S1, at 73h for one
// supervision serving both clocks (its note joins theirs) and at 97h for
// one escalation serving both (its note is the escalation's alone).
// Applied as returned, each unit is urged once and supervised twice, D2
// too. The host names the lead in what names no one, and the owner too
// where the note joins both clocks; what the owner's clock still calls
// for at 97h comes back at a scan at the same instant, naming the owner.
// A host that names the lead alone gets both supervisions of the owner
// back so. Either way Due counts each clock's pressure by Event.Presses:
// D1 and S1 are each urged once and supervised twice, as their clocks
// call for, D2 never, and a further scan at each instant returns nothing.
func TestLeverNameWhomDuePresses(t *testing.T) {
	const urgeLead, urgeOwner = "临期催办：办结时限已用 75%", "临期催办：平台转办事项的办结时限已用 75%"
	const overdue, escalate = "超期督办：办结超过时限", "升级督办：超期后又逾 1 个工作日"
	const joined = overdue + "；超期督办：平台转办事项的办结超过时限"
	leadAlone := func(m *matters.Matter, e matters.Event) []string { return []string{m.Lead} }
	joinedToo := func(m *matters.Matter, e matters.Event) []string {
		if strings.Contains(e.Note, "；") {
			return []string{m.Lead, m.Owner}
		}
		return []string{m.Lead}
	}
	for _, tc := range []struct {
		name  string
		units func(m *matters.Matter, e matters.Event) []string // nil: as Due returns them
		want  []due
		press map[string]pressed
	}{
		{"as Due returns them", nil, []due{
			{matters.Urge, "S1", urgeLead, nil, 55, nil},
			{matters.Urge, "H", urgeOwner, []string{"S1"}, 55, []string{"S1"}},
			{matters.Supervise, "SUP", joined, nil, 73, nil},
			{matters.Supervise, "SUP", escalate, nil, 97, nil},
		}, map[string]pressed{"D1": {1, 2}, "D2": {1, 2}, "S1": {1, 2}}},
		{"the lead, and the owner where the note joins both clocks", joinedToo, []due{
			{matters.Urge, "S1", urgeLead, nil, 55, []string{"D1"}},
			{matters.Urge, "H", urgeOwner, []string{"S1"}, 55, []string{"S1"}},
			{matters.Supervise, "SUP", joined, nil, 73, []string{"D1", "S1"}},
			{matters.Supervise, "SUP", escalate, nil, 97, []string{"D1"}},
			{matters.Supervise, "SUP", escalate, []string{"S1"}, 97, []string{"S1"}},
		}, map[string]pressed{"D1": {1, 2}, "D2": {}, "S1": {1, 2}}},
		{"the lead alone", leadAlone, []due{
			{matters.Urge, "S1", urgeLead, nil, 55, []string{"D1"}},
			{matters.Urge, "H", urgeOwner, []string{"S1"}, 55, []string{"S1"}},
			{matters.Supervise, "SUP", joined, nil, 73, []string{"D1"}},
			{matters.Supervise, "SUP", "超期督办：平台转办事项的办结超过时限", []string{"S1"}, 73, []string{"S1"}},
			{matters.Supervise, "SUP", escalate, nil, 97, []string{"D1"}},
			{matters.Supervise, "SUP", escalate, []string{"S1"}, 97, []string{"S1"}},
		}, map[string]pressed{"D1": {1, 2}, "D2": {}, "S1": {1, 2}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := supervised()
			c.Supervision.EscalateDays = 1
			m := applied(t, c, nil, opened(at(0), "H", []string{"D1", "D2"}, matters.Event{At: at(1), Kind: matters.Accept, Actor: "D1"})...)
			var got []due
			for _, h := range []float64{5, 55, 73, 97, 200} {
				for round := 0; ; round++ {
					evs, err := c.Due(cal, at(h), []*matters.Matter{m})
					if err != nil {
						t.Fatal(err)
					}
					if len(evs) == 0 {
						break
					}
					if round == 2 { // what the owner's clock still calls for comes back once, then nothing
						t.Fatalf("Due at %gh, two scans there applied: %+v; want nothing", h, evs)
					}
					for _, e := range evs {
						d := due{e.Kind, e.Actor, e.Note, e.Units, h, nil}
						if len(e.Units) == 0 && tc.units != nil {
							e.Units = tc.units(m, e)
						}
						d.AppliedUnits = e.Units
						if err := c.Apply(cal, m, e); err != nil {
							t.Fatalf("Catalog.Apply of %+v: %v", e, err)
						}
						got = append(got, d)
					}
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("due events mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.press, pressure(t, c, m, "D1", "D2", "S1")); diff != "" {
				t.Errorf("pressed mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLeverSuspendDaysOnlyOff proves docs/policy.md, "Past SuspendDays,
// each further 挂起 is supervised": a host can only turn the supervision
// off, with SuspendDays 0; a Supervise it leaves unapplied comes back at
// every later scan. D1's suspension, approved at 10:00 on Monday 1 June,
// passes 10 working days at 10:00 on Monday 15 June: a scan then finds
// nothing, one a minute later the supervision.
func TestLeverSuspendDaysOnlyOff(t *testing.T) {
	const note = "挂起超期督办：挂起已逾 10 个工作日"
	scans := []time.Time{at(14*24 + 2), at(14*24 + 2).Add(time.Minute), at(15*24 + 2), at(21 * 24)}
	for _, tc := range []struct {
		days int
		want [][]string // the notes of each scan's events
	}{
		{0, [][]string{nil, nil, nil, nil}},
		{10, [][]string{nil, {note}, {note}, {note}}},
	} {
		c := supervised()
		c.Supervision.SuspendDays = tc.days
		m := applied(t, c, nil, opened(at(0), "S1", []string{"D1"},
			matters.Event{At: at(1), Kind: matters.Accept, Actor: "D1"},
			matters.Event{At: at(2), Kind: matters.Suspend, Actor: "D1"},
			matters.Event{At: at(2), Kind: matters.Approve, Actor: "S1", Ref: 5, Note: "等待产权查询"})...)
		var got [][]string
		for _, s := range scans {
			evs, err := c.Due(cal, s, []*matters.Matter{m})
			if err != nil {
				t.Fatal(err)
			}
			var notes []string
			for _, e := range evs {
				notes = append(notes, e.Note)
			}
			got = append(got, notes)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("SuspendDays %d: due at each scan, none applied, mismatch (-want +got):\n%s", tc.days, diff)
		}
	}
}
