package grading_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// These tests hold moves a graded unit may make that the library already
// answers, end to end: through Catalog.Apply, Catalog.Due and the grader.

// graded returns the facts of the grades g calls for on m, by subject.
func graded(t *testing.T, c *matters.Catalog, m *matters.Matter) map[string]scoring.Facts {
	t.Helper()
	return gradedOn(t, cal, c, m)
}

// gradedOn is graded on the calendar on.
func gradedOn(t *testing.T, on *workday.Calendar, c *matters.Catalog, m *matters.Matter) map[string]scoring.Facts {
	t.Helper()
	gs, err := grading.New(grading.Config{Catalog: c, Evaluator: evaluator}).Grade(on, m, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]scoring.Facts{}
	for _, g := range gs {
		out[g.Facts.Subject] = g.Facts
	}
	return out
}

// applied applies events to a new matter through c.Apply, numbering them
// as build does, with the scans of c.Due at each of scans applied in turn
// (each after the events before it).
func applied(t *testing.T, c *matters.Catalog, scans []time.Time, evs ...matters.Event) *matters.Matter {
	t.Helper()
	return appliedOn(t, cal, c, scans, evs...)
}

// appliedOn is applied on the calendar on.
func appliedOn(t *testing.T, on *workday.Calendar, c *matters.Catalog, scans []time.Time, evs ...matters.Event) *matters.Matter {
	t.Helper()
	m := &matters.Matter{}
	apply := func(e matters.Event) {
		t.Helper()
		e.Matter, e.Seq = "M", len(m.Events)+1
		if err := c.Apply(on, m, e); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range evs {
		for len(scans) > 0 && scans[0].Before(e.At) {
			due, err := c.Due(on, scans[0], []*matters.Matter{m})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range due {
				apply(d)
			}
			scans = scans[1:]
		}
		apply(e)
	}
	return m
}

// TestReplyIsNoAnswerToTheWhistle: a lead may answer the citizen (答复)
// before it answers the whistle, but a Reply is no Accept: a lead that
// replies at once and never accepts is urged and supervised on its
// response clock, and graded at the owner's stage as one that never
// responded, on the clock run so far.
func TestReplyIsNoAnswerToTheWhistle(t *testing.T) {
	c := catalog()
	c.Supervision.Supervisor = "SUP"
	at := func(h int) time.Time { return hour(0).Add(time.Duration(h) * time.Hour) }
	m := applied(t, c, []time.Time{at(4), at(6)},
		matters.Event{At: at(0), Kind: matters.Report, Actor: "S1", Type: "占道经营"},
		matters.Event{At: at(0), Kind: matters.Whistle, Actor: "S1"},
		matters.Event{At: at(0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1"}},
		matters.Event{At: at(0), Kind: matters.Reply, Actor: "D1", Note: "已电话联系市民，正在处理"},
		matters.Event{At: at(24), Kind: matters.Progress, Actor: "S1"})
	if diff := cmp.Diff([]matters.Kind{matters.Urge, matters.Supervise}, pressedBy(m)); diff != "" {
		t.Errorf("what pressed the lead mismatch (-want +got):\n%s", diff)
	}
	f := graded(t, c, m)["D1"]
	if f.Responded || !f.Replied || f.Response != 24*time.Hour || f.Urged != 1 || f.Supervised != 1 {
		t.Errorf("facts %+v: want replied, not responded, 24h, urged and supervised once", f)
	}
}

// TestTheMatterTypeIsTheReports: a matter's type is its Report's; a later
// event that carries one — a Dispatch naming a type with a lenient route —
// changes neither the type nor the route the lead's clocks run on, which
// Catalog.Apply checks the dispatch against, Due presses by and the grader
// grades by.
func TestTheMatterTypeIsTheReports(t *testing.T) {
	c := catalog()
	c.Supervision.Supervisor = "SUP"
	c.Directory.Routes = append(c.Directory.Routes, matters.Route{Type: "其他", Lead: "D2", Respond: 400 * time.Hour, ResolveDays: 300})
	at := func(h int) time.Time { return hour(0).Add(time.Duration(h) * time.Hour) }
	lenient := matters.Event{At: at(0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D2"}, Type: "其他"}
	m := &matters.Matter{}
	for i, e := range []matters.Event{{At: at(0), Kind: matters.Report, Actor: "S1", Type: "占道经营"}, {At: at(0), Kind: matters.Whistle, Actor: "S1"}} {
		e.Matter, e.Seq = "M", i+1
		if err := c.Apply(cal, m, e); err != nil {
			t.Fatal(err)
		}
	}
	lenient.Matter, lenient.Seq = "M", 3
	if err := c.Apply(cal, m, lenient); err == nil {
		t.Fatal("a dispatch to the lenient type's lead, off the matter's route, was taken")
	}
	lenient.Units = []string{"D1"}
	m = applied(t, c, []time.Time{at(5)}, append(m.Events, lenient, matters.Event{At: at(6), Kind: matters.Progress, Actor: "S1"})...)
	if len(m.Events) != 6 || m.Type != "占道经营" || m.Events[3].Kind != matters.Urge || m.Events[4].Kind != matters.Supervise {
		t.Errorf("type %q, %d events: want 占道经营, the lead urged and supervised on its 4h response clock before the stage", m.Type, len(m.Events))
	}
	if f := graded(t, c, m)["D1"]; f.Type != "占道经营" || f.ResponseLimit != 4*time.Hour || f.ResolutionLimit != 3*cal.Day() {
		t.Errorf("facts %+v: want the type 占道经营 and its route's limits, 4h and 3 days", f)
	}
}

// TestQuickResolveLeavesSupportItsAnswer: a support unit answers the
// whistle within its own response limit, whatever its lead does. A lead
// that resolved five minutes after the dispatch (with nothing to show for
// it) took that answer away — no unit could accept a resolved matter — so
// the support units, rival departments in the annual ranking, were graded
// as never having answered at all (the first row of a table such as
// Wuhu's: poor), however long the owner waited before closing. A support
// unit still on a resolved matter may answer until the owner closes it,
// and is graded on its answer.
func TestQuickResolveLeavesSupportItsAnswer(t *testing.T) {
	c := catalog()
	c.Directory.Routes[0].Support = []string{"D2"}
	at := func(m int) time.Time { return hour(0).Add(time.Duration(m) * time.Minute) }
	m := applied(t, c, nil,
		matters.Event{At: at(0), Kind: matters.Report, Actor: "S1", Type: "占道经营"},
		matters.Event{At: at(0), Kind: matters.Whistle, Actor: "S1"},
		matters.Event{At: at(0), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1", "D2"}},
		matters.Event{At: at(1), Kind: matters.Accept, Actor: "D1"},
		matters.Event{At: at(5), Kind: matters.Resolve, Actor: "D1"},
		matters.Event{At: at(60), Kind: matters.Accept, Actor: "D2", Note: "应哨报到，配合处置"},
		matters.Event{At: at(120), Kind: matters.Close, Actor: "S1"})
	f := graded(t, c, m)["D2"]
	if !f.Responded || f.Response != time.Hour || f.ResponseLimit != 4*time.Hour {
		t.Errorf("facts %+v: want the support unit responded in 1h of its 4h", f)
	}
}
