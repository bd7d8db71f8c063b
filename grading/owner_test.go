package grading_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// revised returns a catalog with two revisions of its governance matter
// list: early, in force from 1 January 2020, resolves 占道经营 within 3
// working days, responding within 4 hours; late, in force from 09:00 on
// 1 June 2020 (hour(1)), within 10 days and 8 hours. A nil route list
// leaves 占道经营 off that revision.
func revised(early, late []matters.Route) *matters.Catalog {
	published := func(t time.Time) accountability.Adoption {
		return accountability.Adoption{Effective: t, Status: accountability.Published}
	}
	return &matters.Catalog{
		Directory: &matters.Directory{Version: "late", Adoption: published(hour(1)), Routes: late},
		History: matters.History{Directories: []*matters.Directory{
			{Version: "early", Adoption: published(time.Date(2020, 1, 1, 0, 0, 0, 0, hour(0).Location())), Routes: early},
		}},
	}
}

var (
	earlyRoute = []matters.Route{{Type: "占道经营", Lead: "D1", Respond: 4 * time.Hour, ResolveDays: 3}}
	lateRoute  = []matters.Route{{Type: "占道经营", Lead: "D1", Respond: 8 * time.Hour, ResolveDays: 10}}
)

// clocks is what a test asks of the facts of one grade.
type clocks struct {
	Seq                            int
	Subject, Evaluator             string
	Amends                         bool
	Response, Resolution           time.Duration
	ResponseLimit, ResolutionLimit time.Duration
	Responded, Resolved, Final     bool
}

// TestOwnerCannotEscapeItsGrade: the owner of a matter a platform reported
// for it is graded by the platform at every Close, however it got there —
// closing it without a dispatch, or after approving its lead's return
// (退单) without a new one, even after a Resolve that a Reopen undid — and
// always by the route in force for the matter's type when the platform
// reported it, never by one its own dispatch's timing picks. Before, the
// first case graded the owner by the dispatch's route, the next two graded
// no owner, and the last measured its clock to the Resolve the Reopen
// undid.
func TestOwnerCannotEscapeItsGrade(t *testing.T) {
	const S, H = "S1", "H"
	report := matters.Event{Kind: matters.Report, Actor: H, Units: []string{S}}
	approve := func(ref int) matters.Event {
		return matters.Event{Kind: matters.Approve, Actor: S, Ref: ref, Note: "同意退单"}
	}
	reopen := matters.Event{Kind: matters.Reopen, Actor: H, Note: "市民不满意"}
	const h = time.Hour
	early := func(seq int, resp, res time.Duration) clocks {
		return clocks{seq, S, H, false, resp, res, 4 * h, 72 * h, true, true, true}
	}
	for _, tc := range []struct {
		name string
		m    *matters.Matter
		want []clocks
	}{
		{"dispatched under a later revision: the lead by the dispatch's route, the owner by the report's", build(report,
			ev(matters.Whistle, S), ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), ev(matters.Close, S)),
			[]clocks{{6, "D1", S, false, 1 * h, 2 * h, 8 * h, 240 * h, true, true, true}, early(6, 1*h, 4*h)}},
		{"closed without a dispatch, then a citizen not satisfied", build(report, ev(matters.Close, S), answer(H, false)),
			[]clocks{early(2, 1*h, 1*h), func() clocks { c := early(3, 1*h, 1*h); c.Amends = true; return c }()}},
		{"closed after approving its lead's return, without a new dispatch", build(report,
			ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"), ev(matters.Return, "D1"), approve(4), ev(matters.Close, S)),
			[]clocks{early(6, 1*h, 5*h)}},
		{"resolved, reopened, the lead's return approved, closed: the clock runs to the Close", build(report,
			ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), reopen, ev(matters.Return, "D1"), approve(6),
			ev(matters.Close, S)),
			[]clocks{early(8, 1*h, 7*h)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := grading.New(grading.Config{Catalog: revised(earlyRoute, lateRoute), Evaluator: evaluator})
			gs, err := g.Grade(cal, tc.m, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []clocks
			for _, x := range gs {
				f := x.Facts
				got = append(got, clocks{x.Seq, f.Subject, f.Evaluator, x.Amendment != nil, f.Response, f.Resolution,
					f.ResponseLimit, f.ResolutionLimit, f.Responded, f.Resolved, f.Final})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("grades mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOwnerRouteErrors: where no route for the matter's type was in force
// when the platform reported it, the owner's grade fails, naming the
// matter and the Report, rather than fall back on a route the owner's
// dispatch chose.
func TestOwnerRouteErrors(t *testing.T) {
	const S, H = "S1", "H"
	report := matters.Event{Kind: matters.Report, Actor: H, Units: []string{S}}
	closed := build(report, ev(matters.Close, S))
	dispatched := build(report, ev(matters.Whistle, S), ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"),
		ev(matters.Resolve, "D1"), ev(matters.Close, S))
	early := revised(earlyRoute, lateRoute)
	early.History.Directories[0].Adoption.Effective = hour(1) // no revision in force at the Report, at hour(0)
	for _, tc := range []struct {
		name string
		c    *matters.Catalog
		m    *matters.Matter
		want error
	}{
		{"no revision in force at the Report", early, closed, matters.ErrNoRevision},
		{"no revision in force at the Report, though one at the dispatch", early, dispatched, matters.ErrNoRevision},
		{"a type the revision in force at the Report does not route", revised([]matters.Route{}, lateRoute), dispatched, matters.ErrNoRoute},
		{"a type the unversioned list does not route, never dispatched", &matters.Catalog{Directory: &matters.Directory{}}, closed, matters.ErrNoRoute},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := grading.New(grading.Config{Catalog: tc.c, Evaluator: evaluator})
			gs, err := g.Grade(cal, tc.m, 0)
			if !errors.Is(err, tc.want) || gs != nil {
				t.Fatalf("Grade = %v, %v; want nothing and an error wrapping %v", gs, err, tc.want)
			}
			if msg := err.Error(); !strings.Contains(msg, `matter "M"`) || !strings.Contains(msg, "owner") {
				t.Errorf("error %q does not name the matter and its owner", msg)
			}
		})
	}
}

// TestOwnerThatNeverCloses: the owner of a platform's matter is graded at
// its Close, and the platform may grade it on a stage; but once the lead
// had resolved the matter, a late resolution, the platform could grade no
// stage, and an owner that never closed the matter was never graded. The
// platform's stage of the resolved matter grades the owner — resolved,
// and late — under the stage's own key, so that the owner's Close, if it
// comes, is still graded and kept beside it.
func TestOwnerThatNeverCloses(t *testing.T) {
	const S, H = "S1", "H"
	late := ev(matters.Resolve, "D1")
	late.At = hour(0).Add(14 * 24 * time.Hour) // two weeks on: over the 3 working days
	stage := ev(matters.Progress, H)
	stage.At, stage.Note = late.At.Add(7*24*time.Hour), "街道未结案，平台分时段评价"
	m := build(matters.Event{Kind: matters.Report, Actor: H, Units: []string{S}},
		ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"), late, stage)
	gs, err := grader().Grade(cal, m, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []clocks
	for _, x := range gs {
		f := x.Facts
		got = append(got, clocks{x.Seq, f.Subject, f.Evaluator, x.Amendment != nil, 0, 0, 0, 0, f.Responded, f.Resolved, f.Final})
	}
	if diff := cmp.Diff([]clocks{{Seq: 5, Subject: S, Evaluator: H, Responded: true, Resolved: true}}, got); diff != "" {
		t.Fatalf("grades mismatch (-want +got):\n%s", diff)
	}
	if f := gs[0].Facts; f.Resolution <= f.ResolutionLimit {
		t.Errorf("resolution %v within %v: the lead resolved two weeks on", f.Resolution, f.ResolutionLimit)
	}
	closed := m.Clone()
	closing := ev(matters.Close, S)
	closing.Matter, closing.Seq, closing.At = "M", len(m.Events)+1, stage.At.Add(time.Hour)
	if err := closed.Apply(closing); err != nil {
		t.Fatal(err)
	}
	all, err := grader().Grade(cal, closed, 0)
	if err != nil {
		t.Fatal(err)
	}
	book := scoring.NewBook(nil)
	for _, g := range all {
		if err := book.Record(g.Evaluation); err != nil {
			t.Errorf("the book refuses %s's grade at seq %d: %v", g.Facts.Subject, g.Seq, err)
		}
	}
}

// TestFormerOwnerNotGraded pins a policy choice documented in
// docs/policy.md ("A hotline's matter handed back: its former owner is
// not graded"): once the platform approves the owner's hand-back (退单),
// the platform owns the matter, and no later Close, nor an answer after
// it, grades the former owner; a stage the platform graded before stands.
// scoring.FactsFor refuses the former owner's facts with
// matters.ErrNotDispatched, as it refuses any unit no Dispatch names.
func TestFormerOwnerNotGraded(t *testing.T) {
	const S, H = "S1", "H"
	report := matters.Event{Kind: matters.Report, Actor: H, Units: []string{S}}
	handBack := func(ref int) []matters.Event {
		return []matters.Event{{Kind: matters.Return, Actor: S, Note: "不属街道准入事项"}, {Kind: matters.Approve, Actor: H, Ref: ref, Note: "同意，平台改派"}}
	}
	resolved := []matters.Event{ev(matters.Dispatch, H, "D1"), ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), ev(matters.Close, H)}
	for _, tc := range []struct {
		name string
		m    *matters.Matter
		want []row
	}{
		{"handed back at once; the platform dispatches and closes; the citizen says no",
			build(slices.Concat([]matters.Event{report}, handBack(2), resolved, []matters.Event{answer(H, false)})...),
			[]row{{7, "D1", H, 0, false, "ok"}, {8, "D1", H, 0, true, "bad"}}},
		{"a stage graded before the hand-back stands",
			build(slices.Concat([]matters.Event{report, ev(matters.Progress, H)}, handBack(3), resolved)...),
			[]row{{2, S, H, 1, false, "ok"}, {8, "D1", H, 2, false, "ok"}}},
		// Closed after its lead's return, without a hand-back, the owner
		// would be graded (TestOwnerCannotEscapeItsGrade).
		{"handed back after its lead's return; the platform closes: no one",
			build(slices.Concat([]matters.Event{report, ev(matters.Whistle, S), ev(matters.Dispatch, S, "D1"), ev(matters.Return, "D1"),
				{Kind: matters.Approve, Actor: S, Ref: 4, Note: "同意"}}, handBack(6), []matters.Event{ev(matters.Close, H)})...),
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.m.Owner != H || tc.m.Platform != "" {
				t.Fatalf("after the hand-back: owner %q, platform %q; want the platform's alone", tc.m.Owner, tc.m.Platform)
			}
			wantRows(t, tc.m, tc.want)
			if f, err := scoring.FactsFor(cal, tc.m, S, catalog().Directory.Routes[0]); !errors.Is(err, matters.ErrNotDispatched) {
				t.Errorf("FactsFor the former owner = %+v, %v; want an error wrapping ErrNotDispatched", f, err)
			}
		})
	}
}
