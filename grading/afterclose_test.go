package grading_test

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// TestAfterTheClose holds the grader to what the package documentation
// says of a platform's matter at and after its Close: the Close grades the
// lead, the support units in the order of the dispatch, then the owner by
// the platform; a supervision and a reply after the Close grade no one,
// but count in the facts of the amendments a later Feedback calls for
// (the supervision, which names no one, against every unit and the owner;
// the owner's reply for the owner alone); each amendment is by the
// Feedback's actor, for the reason its note gives, or one naming the
// citizen's answer when it has none.
func TestAfterTheClose(t *testing.T) {
	const S, H = "S1", "H"
	corrected := answer(H, true)
	corrected.Ref, corrected.Note = 10, "市民来电更正：满意"
	m := build(
		matters.Event{Kind: matters.Report, Actor: H, Units: []string{S}}, ev(matters.Dispatch, S, "D1", "D3", "D2"),
		ev(matters.Accept, "D1"), ev(matters.Accept, "D3"), ev(matters.Accept, "D2"), ev(matters.Resolve, "D1"),
		ev(matters.Close, S), ev(matters.Supervise, "X"), matters.Event{Kind: matters.Reply, Actor: S, Note: "已答复市民"},
		answer(H, false), corrected)
	gs, err := grader().Grade(cal, m, 0)
	if err != nil {
		t.Fatal(err)
	}
	// graded is what the test asks of one grade: its row, the figures of
	// its facts that the events after the Close move, and an amendment's
	// reason.
	type graded struct {
		Row        row
		Supervised int
		Replied    bool
		Reason     string
	}
	var got []graded
	for _, g := range gs {
		x := graded{Row: rows([]grading.Grade{g})[0], Supervised: g.Facts.Supervised, Replied: g.Facts.Replied}
		if g.Amendment != nil {
			x.Reason = g.Amendment.Reason
		}
		got = append(got, x)
	}
	const no = "结案后回访（事件 10）：市民不满意"
	want := []graded{
		{Row: row{7, "D1", S, 0, false, "ok"}}, {Row: row{7, "D3", S, 0, false, "ok"}}, {Row: row{7, "D2", S, 0, false, "ok"}},
		{Row: row{7, S, H, 0, false, "ok"}},
		{row{10, "D1", S, 0, true, "bad"}, 1, false, no}, {row{10, "D3", S, 0, true, "bad"}, 1, false, no},
		{row{10, "D2", S, 0, true, "bad"}, 1, false, no}, {row{10, S, H, 0, true, "bad"}, 1, true, no},
		{row{11, "D1", S, 0, true, "ok"}, 1, false, corrected.Note}, {row{11, "D3", S, 0, true, "ok"}, 1, false, corrected.Note},
		{row{11, "D2", S, 0, true, "ok"}, 1, false, corrected.Note}, {row{11, S, H, 0, true, "ok"}, 1, true, corrected.Note},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("grades mismatch (-want +got):\n%s", diff)
	}
	checkGrades(t, m, gs)
	checkEventByEvent(t, grader(), m)
}

// TestJudgeCalledAgainForTheClose holds Config.Judge's doc: grading only
// the events after the Close calls Judge and the evaluator for the Close's
// subjects again (who the Close graded is what a Feedback amends), and for
// the latest event's; grading the whole history calls them once an event
// and subject.
func TestJudgeCalledAgainForTheClose(t *testing.T) {
	const S, H = "S1", "H"
	m := build(
		matters.Event{Kind: matters.Report, Actor: H, Units: []string{S}}, ev(matters.Dispatch, S, "D1"),
		ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), ev(matters.Close, S), answer(H, false))
	for _, tc := range []struct {
		after int
		want  map[int]int // calls of Judge by the seq of the matter's last event
	}{
		{0, map[int]int{5: 2, 6: 2}},
		{len(m.Events) - 1, map[int]int{5: 2, 6: 2}},
		{len(m.Events), map[int]int{5: 2}},
	} {
		judged, evaluated := map[int]int{}, map[int]int{}
		g := grading.New(grading.Config{Catalog: catalog(),
			Evaluator: scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
				n, _ := strconv.Atoi(f.Attrs["events"]) // judge notes how far the matter goes
				evaluated[n]++
				return evaluator(f)
			}),
			Judge: func(part *matters.Matter, f *scoring.Facts) error {
				judged[part.Events[len(part.Events)-1].Seq]++
				return judge(part, f)
			}})
		if _, err := g.Grade(cal, m, tc.after); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, judged); diff != "" {
			t.Errorf("Grade after %d: Judge's calls by event mismatch (-want +got):\n%s", tc.after, diff)
		}
		if diff := cmp.Diff(tc.want, evaluated); diff != "" {
			t.Errorf("Grade after %d: the evaluator's calls by event mismatch (-want +got):\n%s", tc.after, diff)
		}
	}
}
