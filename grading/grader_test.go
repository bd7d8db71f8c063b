package grading_test

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/internal/hardening"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// row is what a test asks of one grade: the event, the subject, the
// evaluator, the stage as kept in a book, whether it amends, the grade.
type row struct {
	Seq       int
	Subject   string
	Evaluator string
	Stage     int
	Amends    bool
	Grade     string
}

func rows(gs []grading.Grade) []row {
	var out []row
	for _, g := range gs {
		e, amends := g.Evaluation, g.Amendment != nil
		if amends {
			e = g.Amendment.Evaluation
		}
		out = append(out, row{g.Seq, e.Subject, e.Evaluator, e.Stage, amends, e.Result.Grade})
	}
	return out
}

func TestGrade(t *testing.T) {
	const S, H = "S1", "H"
	whistled := []matters.Event{ev(matters.Report, S), ev(matters.Whistle, S)}
	for _, tc := range []struct {
		name string
		m    *matters.Matter
		want []row
	}{
		{"a matter graded once, at the Close", build(append(whistled, ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"),
			ev(matters.Resolve, "D1"), answer(S, true), ev(matters.Close, S))...),
			[]row{{7, "D1", S, 0, false, "ok"}}},
		{"the lead's own Progress grades no one; the stages count, and the Close grades after them", build(append(whistled,
			ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"), ev(matters.Progress, "D1"), ev(matters.Progress, "D1"),
			ev(matters.Resolve, "D1"), ev(matters.Close, S))...),
			[]row{{8, "D1", S, 3, false, "ok"}}},
		{"a support unit's Progress grades no one either; the stage counts it", build(append(whistled,
			ev(matters.Dispatch, S, "D1", "D2"), ev(matters.Accept, "D1"), ev(matters.Accept, "D2"), ev(matters.Progress, "D2"),
			ev(matters.Progress, "D1"), ev(matters.Resolve, "D1"), ev(matters.Close, S))...),
			[]row{{9, "D1", S, 3, false, "ok"}, {9, "D2", S, 3, false, "ok"}}},
		{"the owner grades a stage: every unit on the matter, accepted or not, lead first", build(append(whistled,
			ev(matters.Dispatch, S, "D1", "D2"), ev(matters.Progress, S), ev(matters.Accept, "D1"), ev(matters.Progress, S),
			ev(matters.Resolve, "D1"), ev(matters.Close, S))...),
			[]row{{4, "D1", S, 1, false, "ok"}, {4, "D2", S, 1, false, "ok"}, {6, "D1", S, 2, false, "ok"}, {6, "D2", S, 2, false, "ok"},
				{8, "D1", S, 3, false, "ok"}, {8, "D2", S, 3, false, "ok"}}},
		{"the platform grades the owner's stage, dispatched or not; the owner's stage grades its units", build(
			matters.Event{Kind: matters.Report, Actor: H, Units: []string{S}}, ev(matters.Progress, H), ev(matters.Dispatch, S, "D1"),
			ev(matters.Progress, S), ev(matters.Progress, H), ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), ev(matters.Close, S)),
			[]row{{2, S, H, 1, false, "ok"}, {4, "D1", S, 2, false, "ok"}, {5, S, H, 3, false, "ok"},
				{8, "D1", S, 4, false, "ok"}, {8, S, H, 4, false, "ok"}}},
		{"the platform grades the owner's stage while the owner holds its lead's suspension, which stops no clock of the owner's", build(
			matters.Event{Kind: matters.Report, Actor: H, Units: []string{S}}, ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"),
			ev(matters.Suspend, "D1"), matters.Event{Kind: matters.Approve, Actor: S, Ref: 4, Note: "同意"}, ev(matters.Progress, H)),
			[]row{{6, S, H, 1, false, "ok"}}},
		{"three units at the Close, lead first, then the dispatch's order", build(append(whistled,
			ev(matters.Dispatch, S, "D1", "D3", "D2"), ev(matters.Accept, "D1"), ev(matters.Accept, "D3"), ev(matters.Accept, "D2"),
			ev(matters.Resolve, "D1"), ev(matters.Close, S))...),
			[]row{{8, "D1", S, 0, false, "ok"}, {8, "D3", S, 0, false, "ok"}, {8, "D2", S, 0, false, "ok"}}},
		{"an unsatisfied answer after the Close amends each grade; a correction amends again", build(append(whistled,
			ev(matters.Dispatch, S, "D1", "D2"), ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), answer(S, true), ev(matters.Close, S),
			func() matters.Event {
				e := answer(S, false)
				e.Ref = 6
				e.Note = "市民再次来电：不满意"
				return e
			}(),
			func() matters.Event { e := answer(S, false); e.Ref = 8; e.Note = "同一答复"; return e }(),
			func() matters.Event { e := answer(S, true); e.Ref = 9; e.Note = "市民来电更正"; return e }())...),
			[]row{{7, "D1", S, 0, false, "ok"}, {7, "D2", S, 0, false, "ok"},
				{8, "D1", S, 0, true, "bad"}, {8, "D2", S, 0, true, "bad"},
				{10, "D1", S, 0, true, "ok"}, {10, "D2", S, 0, true, "ok"}}},
		{"a first answer after the Close amends too", build(append(whistled,
			ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), ev(matters.Close, S), answer(S, false))...),
			[]row{{6, "D1", S, 0, false, "ok"}, {7, "D1", S, 0, true, "bad"}}},
		{"a reopened matter is graded once, at the Close, on its last answer", build(append(whistled,
			ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), answer(S, false), ev(matters.Reopen, S),
			ev(matters.Resolve, "D1"), answer(S, true), ev(matters.Close, S))...),
			[]row{{10, "D1", S, 0, false, "ok"}}},
		{"a platform's matter: the units by the owner, the owner by the platform", build(
			matters.Event{Kind: matters.Report, Actor: H, Units: []string{S}}, ev(matters.Whistle, S), ev(matters.Dispatch, S, "D1"),
			ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), ev(matters.Close, S), answer(H, false)),
			[]row{{6, "D1", S, 0, false, "ok"}, {6, S, H, 0, false, "ok"}, {7, "D1", S, 0, true, "bad"}, {7, S, H, 0, true, "bad"}}},
		{"resolved, not closed: nothing yet", build(append(whistled,
			ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), answer(S, false))...), nil},
		{"closed without a dispatch by the owner that reported it: nothing", build(ev(matters.Report, S), ev(matters.Close, S)), nil},
		{"a platform's matter closed without a dispatch: the owner by the platform", build(
			matters.Event{Kind: matters.Report, Actor: H, Units: []string{S}}, ev(matters.Close, S), answer(H, false)),
			[]row{{2, S, H, 0, false, "ok"}, {3, S, H, 0, true, "bad"}}},
		{"a platform's matter closed after its lead's return: the owner by the platform", build(
			matters.Event{Kind: matters.Report, Actor: H, Units: []string{S}}, ev(matters.Dispatch, S, "D1"), ev(matters.Return, "D1"),
			matters.Event{Kind: matters.Approve, Actor: S, Ref: 3, Note: "同意"}, ev(matters.Close, S)),
			[]row{{5, S, H, 0, false, "ok"}}},
		{"a unit whose return was approved is off the matter", build(append(whistled,
			ev(matters.Dispatch, S, "D1", "D2"), ev(matters.Return, "D2"), matters.Event{Kind: matters.Approve, Actor: S, Ref: 4, Note: "同意"},
			ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), ev(matters.Close, S))...),
			[]row{{8, "D1", S, 0, false, "ok"}}},
		{"a unit the evaluator has nothing to say about is left out, and not amended", build(append(whistled,
			ev(matters.Dispatch, S, "D1", "Z"), ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), ev(matters.Close, S), answer(S, false))...),
			[]row{{6, "D1", S, 0, false, "ok"}, {7, "D1", S, 0, true, "bad"}}},
		{"answers after the Close that change nothing amend nothing", build(append(whistled,
			ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), answer(S, false), ev(matters.Close, S),
			func() matters.Event { e := answer(S, false); e.Ref = 6; e.Note = "再次确认"; return e }())...),
			[]row{{7, "D1", S, 0, false, "bad"}}},
	} {
		t.Run(tc.name, func(t *testing.T) { wantRows(t, tc.m, tc.want) })
	}
}

// wantRows grades all of m with grader() and fails t unless its grades'
// rows are want and checkGrades passes them.
func wantRows(t *testing.T, m *matters.Matter, want []row) {
	t.Helper()
	got, err := grader().Grade(cal, m, 0)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, rows(got)); diff != "" {
		t.Errorf("grades mismatch (-want +got):\n%s", diff)
	}
	checkGrades(t, m, got)
}

// checkGrades checks what every grade must be: its facts are FactsFor's
// on the matter as far as its event, completed by the judge; its
// evaluation is theirs, at the event's time, with the evaluator's result
// and the facts as its decision record;
// an amendment is by the event's actor; and a book takes them all.
func checkGrades(t testing.TB, m *matters.Matter, gs []grading.Grade) {
	t.Helper()
	// The catalog has one list, in force at every instant: the route of
	// every unit, the owner's included, is its route for the matter's type.
	route, err := catalog().Directory.Route(m.Type)
	if err != nil && len(gs) > 0 {
		t.Fatal(err)
	}
	book := scoring.NewBook(nil)
	for i, g := range gs {
		part, err := matters.Replay(m.Events[:g.Seq])
		if err != nil {
			t.Fatal(err)
		}
		e := g.Evaluation
		if g.Amendment != nil {
			e = g.Amendment.Evaluation
			if !g.Evaluation.At.IsZero() || g.Evaluation.Matter != "" {
				t.Errorf("grade %d: an amendment with an evaluation %+v", i, g.Evaluation)
			}
			if a := g.Amendment; a.Author != m.Events[g.Seq-1].Actor || a.Reason == "" {
				t.Errorf("grade %d: amendment by %q for %q; want by %q, with a reason", i, a.Author, a.Reason, m.Events[g.Seq-1].Actor)
			}
		}
		want, err := scoring.FactsFor(cal, part, e.Subject, route)
		if err != nil {
			t.Fatal(err)
		}
		want.Quality, want.Attrs = 5, map[string]string{"events": strconv.Itoa(g.Seq)}
		if diff := cmp.Diff(want, g.Facts); diff != "" {
			t.Errorf("grade %d: facts mismatch (-want +got):\n%s", i, diff)
		}
		res, err := evaluator.Evaluate(want)
		if err != nil {
			t.Fatal(err)
		}
		wantEval := want.Evaluation(m.Events[g.Seq-1].At, res)
		wantEval.Facts = &want // the decision record
		if diff := cmp.Diff(wantEval, e); diff != "" {
			t.Errorf("grade %d: evaluation mismatch (-want +got):\n%s", i, diff)
		}
		if g.Amendment != nil {
			err = book.Amend(*g.Amendment)
		} else {
			err = book.Record(g.Evaluation)
		}
		if err != nil {
			t.Errorf("grade %d: the book refuses it: %v", i, err)
		}
	}
}

// TestGradeEventByEvent: grading a matter after each event, as a live host
// does, gives what grading its whole history does, in the same order; and
// grading the events after the first k gives the grades of those events.
func TestGradeEventByEvent(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	g := grader()
	var amended, staged, closed int
	for n := range 400 {
		m := randomMatter(r, 20+r.IntN(60))
		checkEventByEvent(t, g, m)
		all, err := g.Grade(cal, m, 0)
		if err != nil {
			t.Fatalf("matter %d: %v", n, err)
		}
		checkGrades(t, m, all)
		for _, x := range all {
			switch {
			case x.Amendment != nil:
				amended++
			case !x.Facts.Final:
				staged++
			default:
				closed++
			}
		}
	}
	// The walk must reach what it is meant to test.
	if amended < 20 || staged < 20 || closed < 50 {
		t.Errorf("the random matters gave %d amendments, %d stage and %d final evaluations; want more of each", amended, staged, closed)
	}
}

func checkEventByEvent(t testing.TB, g grading.Grader, m *matters.Matter) {
	t.Helper()
	whole, err := g.Grade(cal, m, 0)
	if err != nil {
		t.Fatal(err)
	}
	var one []grading.Grade
	for i := 1; i <= len(m.Events); i++ {
		part, err := matters.Replay(m.Events[:i])
		if err != nil {
			t.Fatal(err)
		}
		gs, err := g.Grade(cal, part, i-1)
		if err != nil {
			t.Fatal(err)
		}
		one = append(one, gs...)
	}
	if diff := cmp.Diff(whole, one); diff != "" {
		t.Errorf("matter %v: event by event mismatch (-whole +event by event):\n%s", m.Events, diff)
	}
	for k := 0; k <= len(m.Events); k += 1 + len(m.Events)/4 {
		tail, err := g.Grade(cal, m, k)
		if err != nil {
			t.Fatal(err)
		}
		var want []grading.Grade
		for _, x := range whole {
			if x.Seq > k {
				want = append(want, x)
			}
		}
		if diff := cmp.Diff(want, tail); diff != "" {
			t.Errorf("grades after the first %d events mismatch (-want +got):\n%s", k, diff)
		}
	}
}

func TestGradeErrors(t *testing.T) {
	const S = "S1"
	closed := build(ev(matters.Report, S), ev(matters.Whistle, S), ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"),
		ev(matters.Resolve, "D1"), ev(matters.Close, S))
	refused := build(ev(matters.Report, S), ev(matters.Whistle, S), ev(matters.Dispatch, S, "D1", "R"), ev(matters.Accept, "D1"),
		ev(matters.Resolve, "D1"), ev(matters.Close, S))
	otherType := build(matters.Event{Kind: matters.Report, Actor: S, Type: "噪音扰民"}, ev(matters.Whistle, S), ev(matters.Dispatch, S, "D1"),
		ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), ev(matters.Close, S))
	broken := &matters.Matter{ID: "M", Events: append([]matters.Event{closed.Events[1]}, closed.Events...)}
	errJudge := errors.New("no quality given")
	for _, tc := range []struct {
		name  string
		g     grading.Grader
		m     *matters.Matter
		after int
		want  error
	}{
		{"after below 0", grader(), closed, -1, grading.ErrRange},
		{"after past the last event", grader(), closed, 7, grading.ErrRange},
		{"a history that does not replay", grader(), broken, 0, matters.ErrOrder},
		{"a type the catalog has no route for", grader(), otherType, 0, matters.ErrNoRoute},
		{"an evaluator's refusal", grader(), refused, 0, scoring.ErrRefused},
		{"the judge's refusal", grading.New(grading.Config{Catalog: catalog(), Evaluator: evaluator,
			Judge: func(*matters.Matter, *scoring.Facts) error { return errJudge }}), closed, 0, errJudge},
		{"a judge that moves the grade to another unit", judging(func(f *scoring.Facts) { f.Subject = "D2" }), closed, 0, scoring.ErrInvalid},
		{"a judge that shortens the response", judging(func(f *scoring.Facts) { f.Response = 0 }), closed, 0, scoring.ErrInvalid},
		{"a judge that answers for the citizen", judging(func(f *scoring.Facts) { yes := true; f.Satisfied = &yes }), closed, 0, scoring.ErrInvalid},
		{"a judge that calls a stage final", judging(func(f *scoring.Facts) { f.Final = !f.Final }), closed, 0, scoring.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gs, err := tc.g.Grade(cal, tc.m, tc.after)
			if !errors.Is(err, tc.want) || gs != nil {
				t.Errorf("Grade = %v, %v; want nothing and an error wrapping %v", gs, err, tc.want)
			}
			if err != nil && tc.m.ID != "" && !containsMatter(err.Error()) {
				t.Errorf("error %q does not name the matter", err)
			}
		})
	}
}

// judging is a grader whose Judge sets Quality 4 and an attribute, as it
// may, and then does what change does to the facts.
func judging(change func(f *scoring.Facts)) grading.Grader {
	return grading.New(grading.Config{Catalog: catalog(), Evaluator: evaluator,
		Judge: func(_ *matters.Matter, f *scoring.Facts) error {
			f.Quality, f.Attrs = 4, map[string]string{"checked": "yes"}
			change(f)
			return nil
		}})
}

func containsMatter(s string) bool {
	for i := 0; i+3 <= len(s); i++ {
		if s[i:i+3] == `"M"` {
			return true
		}
	}
	return false
}

func TestNewPanics(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    grading.Config
	}{
		{"no catalog", grading.Config{Evaluator: evaluator}},
		{"no evaluator", grading.Config{Catalog: catalog()}},
	} {
		if hardening.PanicOf(func() { grading.New(tc.c) }) == nil {
			t.Errorf("%s: New did not panic", tc.name)
		}
	}
}

// TestGradeFactsAreCopies: a grade's Facts and the decision record its
// Evaluation carries are two copies, as Grade's doc says: a host that
// edits one (its Attrs, its citizen's answer) leaves the record the
// journal keeps as it was graded.
func TestGradeFactsAreCopies(t *testing.T) {
	const S = "S1"
	closed := build(ev(matters.Report, S), ev(matters.Whistle, S), ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1"),
		ev(matters.Resolve, "D1"), answer(S, true), ev(matters.Close, S))
	g := grading.New(grading.Config{Catalog: catalog(), Evaluator: evaluator,
		Judge: func(_ *matters.Matter, f *scoring.Facts) error {
			f.Attrs = map[string]string{"quality": "checked"}
			return nil
		}})
	gs, err := g.Grade(cal, closed, 0)
	if err != nil || len(gs) != 1 {
		t.Fatalf("Grade = %v, %v; want one grade", gs, err)
	}
	want := *gs[0].Evaluation.Facts
	want.Attrs = map[string]string{"quality": "checked"}
	yes := true
	want.Satisfied = &yes
	gs[0].Facts.Attrs["quality"] = "edited"
	*gs[0].Facts.Satisfied = false
	if diff := cmp.Diff(want, *gs[0].Evaluation.Facts); diff != "" {
		t.Errorf("the record after editing the grade's Facts: mismatch (-want +got):\n%s", diff)
	}
}
