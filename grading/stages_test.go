package grading_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// TestStageGradesTheSilent: a lead that neither accepts nor resolves,
// or an owner that sits on a platform's matter, escaped every grade while
// only its own Progress or a Close could call for one. A stage graded by
// whoever grades (分时段评价: the owner's Progress, the platform's) grades
// it on the matter as far as the stage: not responded, the clocks run to
// the stage, over their limits.
func TestStageGradesTheSilent(t *testing.T) {
	const S, H = "S1", "H"
	const week = 7 * 24 * time.Hour
	for _, tc := range []struct {
		name   string
		events []matters.Event // the last is the stage, a week after the first
		start  int             // the event the clocks run from
		want   scoring.Facts   // without the clocks
	}{
		{"the owner grades a lead that never accepted",
			[]matters.Event{ev(matters.Report, S), ev(matters.Whistle, S), ev(matters.Dispatch, S, "D1"), ev(matters.Progress, S)}, 2,
			scoring.Facts{Subject: "D1", Evaluator: S, ResponseLimit: 4 * time.Hour}},
		{"the platform grades an owner that never answered",
			[]matters.Event{{Kind: matters.Report, Actor: H, Units: []string{S}}, ev(matters.Progress, H)}, 0,
			scoring.Facts{Subject: S, Evaluator: H, ResponseLimit: 4 * time.Hour}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			last := len(tc.events) - 1
			tc.events[last].At = hour(0).Add(week)
			m := build(tc.events...)
			got, err := grader().Grade(cal, m, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 {
				t.Fatalf("%d grades, want 1: %+v", len(got), rows(got))
			}
			run, err := cal.Between(m.Events[tc.start].At, m.Events[last].At)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want
			want.Matter, want.Type, want.Stage, want.Quality = "M", "占道经营", 1, 5
			want.Response, want.Resolution, want.ResolutionLimit = run, run, 3*cal.Day()
			want.Attrs = map[string]string{"events": strconv.Itoa(len(tc.events))}
			if diff := cmp.Diff(want, got[0].Facts); diff != "" {
				t.Errorf("facts mismatch (-want +got):\n%s", diff)
			}
			if run <= 3*cal.Day() {
				t.Errorf("a week's working time %v is within the resolution limit", run)
			}
			if err := scoring.NewBook(nil).Record(got[0].Evaluation); err != nil {
				t.Errorf("a book refuses the stage's grade: %v", err)
			}
		})
	}
}

// TestLeadDoesNotTimeItsOwnStages: a book scores a matter as the mean of
// its stages and its final evaluation. A lead graded at each Progress of
// its own chose when, and how often, it was graded: here it accepts at
// once, reports five stages while its clock looks good, then resolves a
// week late — and its five "on time" stages outweighed the late
// resolution, 100·5/6 + 40/6 = 90 for a matter graded late. Only the
// grader's stages and the Close grade it: the matter scores 40.
func TestLeadDoesNotTimeItsOwnStages(t *testing.T) {
	const S = "S1"
	late := scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
		if f.Resolution > f.ResolutionLimit {
			return scoring.Result{Grade: "late", Points: decimal.NewFromInt(40), Policy: "test-late"}, nil
		}
		return scoring.Result{Grade: "on time", Points: decimal.NewFromInt(100), Policy: "test-late"}, nil
	})
	evs := []matters.Event{ev(matters.Report, S), ev(matters.Whistle, S), ev(matters.Dispatch, S, "D1"), ev(matters.Accept, "D1")}
	for range 5 {
		evs = append(evs, ev(matters.Progress, "D1"))
	}
	resolve := ev(matters.Resolve, "D1")
	resolve.At = hour(0).Add(14 * 24 * time.Hour)
	closed := ev(matters.Close, S)
	closed.At = resolve.At.Add(time.Hour)
	m := build(append(evs, resolve, closed)...)
	gs, err := grading.New(grading.Config{Catalog: catalog(), Evaluator: late}).Grade(cal, m, 0)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]row{{11, "D1", S, 6, false, "late"}}, rows(gs)); diff != "" {
		t.Errorf("grades mismatch (-want +got):\n%s", diff)
	}
	book := scoring.NewBook(nil)
	for _, g := range gs {
		if err := book.Record(g.Evaluation); err != nil {
			t.Fatal(err)
		}
	}
	want := []scoring.Score{{Subject: "D1", Matters: 1, Evaluations: 1, Composite: decimal.NewFromInt(40), Grades: map[string]int{"late": 1}, Rank: 1}}
	if diff := cmp.Diff(want, book.Scores(scoring.Year(2020))); diff != "" {
		t.Errorf("scores mismatch (-want +got):\n%s", diff)
	}
}

// TestStageAtTheDispatch pins a policy choice documented in
// docs/policy.md ("The owner's stages grade every unit, whenever the owner
// chooses"): the owner may grade a stage (Progress) at the very instant of
// its dispatch, and the stage grades every unit on the matter, lead first,
// as not responded in no time at all: on Wuhu's table, poor (差).
func TestStageAtTheDispatch(t *testing.T) {
	type graded struct {
		Seq                  int
		Subject, Evaluator   string
		Stage                int
		Final, Responded     bool
		Response, Resolution time.Duration
		Grade, Points        string
	}
	stage := matters.Event{At: at(0), Kind: matters.Progress, Actor: "S1", Note: "分时段评价"}
	notResponded := func(unit string) graded {
		return graded{4, unit, "S1", 1, false, false, 0, 0, "poor", "40"} // 差
	}
	for _, tc := range []struct {
		name   string
		events []matters.Event
		want   []graded
	}{
		{"the owner's own matter", opened(at(0), "S1", []string{"D1", "D2"}, stage), []graded{notResponded("D1"), notResponded("D2")}},
		// The owner's stage grades its units; the hotline grades the owner.
		{"a hotline's matter", opened(at(0), "H", []string{"D1", "D2"}, stage), []graded{notResponded("D1"), notResponded("D2")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := build(tc.events...)
			gs, err := grading.New(grading.Config{Catalog: supervised(), Evaluator: wuhu.Table()}).Grade(cal, m, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []graded
			for _, g := range gs {
				f, e := g.Facts, g.Evaluation
				got = append(got, graded{g.Seq, e.Subject, e.Evaluator, e.Stage, f.Final, f.Responded, f.Response, f.Resolution,
					e.Result.Grade, e.Result.Points.String()})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("grades mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
