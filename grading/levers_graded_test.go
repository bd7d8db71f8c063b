package grading_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
)

// These tests prove the levers docs/policy.md says a host has over who
// is graded, and on which answer (see levers_test.go).

// staged is S1's matter dispatched to D1 at 0h, applied through c: D1
// accepts at 1h, S1 grades stages at 2h and 3h, D1 resolves at 100h, late,
// and S1 closes at 101h.
func staged(t *testing.T, c *matters.Catalog) *matters.Matter {
	t.Helper()
	return applied(t, c, nil, opened(at(0), "S1", []string{"D1"},
		matters.Event{At: at(1), Kind: matters.Accept, Actor: "D1"},
		matters.Event{At: at(2), Kind: matters.Progress, Actor: "S1"},
		matters.Event{At: at(3), Kind: matters.Progress, Actor: "S1"},
		matters.Event{At: at(100), Kind: matters.Resolve, Actor: "D1"},
		matters.Event{At: at(101), Kind: matters.Close, Actor: "S1"})...)
}

// TestLeverDropStageGrades proves docs/policy.md, "The owner's stages
// grade every unit, whenever the owner chooses": a host drops the stage
// grades (Facts.Final false) it does not want by wrapping the grader
// (grading.Func), or has its evaluator return the zero Result for a
// stage; both leave the Close's grade alone. It cannot weigh the final
// grade above the stages: a book scores the matter as the plain mean of
// its grades, the final's as one of them.
func TestLeverDropStageGrades(t *testing.T) {
	c := catalog()
	m := staged(t, c)
	std := wuhuGrader(c, nil, nil)
	dropped := grading.Func(func(cal *workday.Calendar, m *matters.Matter, after int) ([]grading.Grade, error) {
		gs, err := std.Grade(cal, m, after)
		return slices.DeleteFunc(gs, func(g grading.Grade) bool { return !g.Facts.Final }), err
	})
	table := wuhu.Table()
	finalOnly := scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
		if !f.Final {
			return scoring.Result{}, nil
		}
		return table.Evaluate(f)
	})
	final := []row{{8, "D1", "S1", 3, false, "fair"}}
	for _, tc := range []struct {
		name      string
		g         grading.Grader
		want      []row
		composite string
	}{
		{"New's grader: two stages on track and the late Close, (85+85+70)/3", std,
			[]row{{5, "D1", "S1", 1, false, "good"}, {6, "D1", "S1", 2, false, "good"}, {8, "D1", "S1", 3, false, "fair"}}, "80"},
		{"wrapped, the stages dropped", dropped, final, "70"},
		{"an evaluator with nothing to say of a stage", wuhuGrader(c, finalOnly, nil), final, "70"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gs := gradeWith(t, tc.g, m)
			if diff := cmp.Diff(tc.want, rows(gs)); diff != "" {
				t.Errorf("grades mismatch (-want +got):\n%s", diff)
			}
			book := scoring.NewBook(nil)
			for _, g := range gs {
				if err := book.Record(g.Evaluation); err != nil {
					t.Fatal(err)
				}
			}
			if got := book.Scores(scoring.Year(2020))[0].Composite.String(); got != tc.composite {
				t.Errorf("D1's composite %s, want %s", got, tc.composite)
			}
		})
	}
}

// withGrades wraps g: to the grades of each event, after g's, it adds
// those more returns for the matter as far as that event.
func withGrades(g grading.Grader, more func(part *matters.Matter, e matters.Event) ([]grading.Grade, error)) grading.Grader {
	return grading.Func(func(cal *workday.Calendar, m *matters.Matter, after int) ([]grading.Grade, error) {
		gs, err := g.Grade(cal, m, after)
		if err != nil {
			return nil, err
		}
		for i := after; i < len(m.Events); i++ {
			part, err := matters.Replay(m.Events[:i+1])
			if err != nil {
				return nil, err
			}
			add, err := more(part, m.Events[i])
			if err != nil {
				return nil, err
			}
			gs = append(gs, add...)
		}
		slices.SortStableFunc(gs, func(a, b grading.Grade) int { return a.Seq - b.Seq })
		return gs, nil
	})
}

// approvedReturn returns the Return that x, an event of m, approves.
func approvedReturn(m *matters.Matter, x matters.Event) (matters.Event, bool) {
	if x.Kind != matters.Approve || m.Events[x.Ref-1].Kind != matters.Return {
		return matters.Event{}, false
	}
	return m.Events[x.Ref-1], true
}

// evaluated is the grade of facts f at event e by evaluator x.
func evaluated(x scoring.Evaluator, e matters.Event, f scoring.Facts) (grading.Grade, error) {
	r, err := x.Evaluate(f)
	if err != nil {
		return grading.Grade{}, err
	}
	ev := f.Evaluation(e.At, r)
	ev.Facts = &f
	return grading.Grade{Seq: e.Seq, Facts: f, Evaluation: ev}, nil
}

// TestLeverGradeTheReturned proves docs/policy.md, "A unit whose 退单 was
// approved is not graded at the Close": a host adds the grade in a
// wrapped grader, with scoring.FactsFor, which measures such a unit to
// its Return. D2 asks to return at 1h and S1 approves; D1 resolves; the
// Close grades D1, and the wrapper D2: not responded, 1h, returned
// (Wuhu: 差). A book that checks each grade against the matter's history
// takes both.
func TestLeverGradeTheReturned(t *testing.T) {
	c := supervised()
	m := applied(t, c, nil, opened(at(0), "S1", []string{"D1", "D2"},
		matters.Event{At: at(1), Kind: matters.Return, Actor: "D2", Note: "非本单位职责"},
		matters.Event{At: at(1), Kind: matters.Approve, Actor: "S1", Ref: 4, Note: "同意"},
		matters.Event{At: at(2), Kind: matters.Accept, Actor: "D1"},
		matters.Event{At: at(3), Kind: matters.Resolve, Actor: "D1"},
		matters.Event{At: at(4), Kind: matters.Close, Actor: "S1"})...)
	table := wuhu.Table()
	std := wuhuGrader(c, table, nil)
	returned := withGrades(std, func(part *matters.Matter, e matters.Event) ([]grading.Grade, error) {
		if e.Kind != matters.Close || part.Lead == "" {
			return nil, nil
		}
		r, err := c.RouteOf(part)
		if err != nil {
			return nil, err
		}
		var gs []grading.Grade
		for _, x := range part.Events {
			back, ok := approvedReturn(part, x)
			if !ok {
				continue
			}
			u := back.Actor
			if u == part.Lead || slices.Contains(part.Support, u) {
				continue // dispatched to again since
			}
			f, err := scoring.FactsFor(cal, part, u, r)
			if err != nil {
				return nil, err
			}
			g, err := evaluated(table, e, f)
			if err != nil {
				return nil, err
			}
			gs = append(gs, g)
		}
		return gs, nil
	})
	if diff := cmp.Diff([]row{{8, "D1", "S1", 0, false, "good"}}, rows(gradeWith(t, std, m))); diff != "" {
		t.Errorf("New's grades mismatch (-want +got):\n%s", diff)
	}
	gs := gradeWith(t, returned, m)
	if diff := cmp.Diff([]row{{8, "D1", "S1", 0, false, "good"}, {8, "D2", "S1", 0, false, "poor"}}, rows(gs)); diff != "" {
		t.Errorf("the wrapper's grades mismatch (-want +got):\n%s", diff)
	}
	if f := gs[1].Facts; f.Responded || f.Response != time.Hour || !f.Returned || !f.Final {
		t.Errorf("D2: facts %+v: want not responded, 1h to its Return, returned, final", f)
	}
	book := scoring.NewBook(&scoring.BookOptions{Scale: wuhu.Scale(), Matter: func(string) (*matters.Matter, bool) { return m, true }})
	for _, g := range gs {
		if err := book.Record(g.Evaluation); err != nil {
			t.Errorf("the book refuses %s's grade: %v", g.Facts.Subject, err)
		}
	}
}

// TestLeverGradeTheFormerOwner proves docs/policy.md, "A hotline's matter
// handed back: its former owner is not graded": only a grader that builds
// the facts itself grades the former owner, for scoring.FactsFor refuses
// it (matters.ErrNotDispatched). S1 hands H's matter back at 1h and H
// approves at 2h; H dispatches to D1, which resolves, and H closes. The
// host's wrapper grades S1 at the Close on facts of its own: 1h from the
// Report to the hand-back, returned (Wuhu: 较好); a book that checks the
// matter's history takes it.
func TestLeverGradeTheFormerOwner(t *testing.T) {
	c := catalog()
	m := build(matters.Event{Kind: matters.Report, Actor: "H", Units: []string{"S1"}},
		matters.Event{Kind: matters.Return, Actor: "S1", Note: "不属街道准入事项"},
		matters.Event{Kind: matters.Approve, Actor: "H", Ref: 2, Note: "同意，平台改派"},
		ev(matters.Dispatch, "H", "D1"), ev(matters.Accept, "D1"), ev(matters.Resolve, "D1"), ev(matters.Close, "H"))
	r := c.Directory.Routes[0]
	if _, err := scoring.FactsFor(cal, m, "S1", r); !errors.Is(err, matters.ErrNotDispatched) {
		t.Fatalf("FactsFor the former owner: %v, want ErrNotDispatched", err)
	}
	table := wuhu.Table()
	former := withGrades(wuhuGrader(c, table, nil), func(part *matters.Matter, e matters.Event) ([]grading.Grade, error) {
		if e.Kind != matters.Close {
			return nil, nil
		}
		var gs []grading.Grade
		for _, x := range part.Events {
			back, ok := approvedReturn(part, x)
			if !ok || x.Actor != part.Owner || back.Actor != part.Events[0].Units[0] {
				continue // not the platform's approval of the owner's hand-back
			}
			held, err := part.RunningFor(cal, back.Actor, part.Events[0].At, back.At)
			if err != nil {
				return nil, err
			}
			f := scoring.Facts{Matter: part.ID, Subject: back.Actor, Evaluator: x.Actor, Type: part.Type, Final: true,
				Response: held, ResponseLimit: r.Respond, Resolution: held, ResolutionLimit: time.Duration(r.ResolveDays) * cal.Day(),
				Responded: true, Returned: true}
			g, err := evaluated(table, e, f)
			if err != nil {
				return nil, err
			}
			gs = append(gs, g)
		}
		return gs, nil
	})
	gs := gradeWith(t, former, m)
	if diff := cmp.Diff([]row{{7, "D1", "H", 0, false, "good"}, {7, "S1", "H", 0, false, "good"}}, rows(gs)); diff != "" {
		t.Errorf("grades mismatch (-want +got):\n%s", diff)
	}
	if f := gs[1].Facts; f.Response != time.Hour || f.Resolution != time.Hour || !f.Returned {
		t.Errorf("S1: facts %+v: want 1h from the Report to the hand-back, returned", f)
	}
	book := scoring.NewBook(&scoring.BookOptions{Scale: wuhu.Scale(), Matter: func(string) (*matters.Matter, bool) { return m, true }})
	for _, g := range gs {
		if err := book.Record(g.Evaluation); err != nil {
			t.Errorf("the book refuses %s's grade: %v", g.Facts.Subject, err)
		}
	}
}

// TestLeverJudgeMarksTheDecision proves docs/policy.md, "A 退单 asked
// counts, approved or denied": a Judge sees the decision and may mark it
// in Attrs for a Go evaluator; a table sees Returned only. D1 asks to
// return at 30 min; S1 denies it, or approves it and dispatches to D1
// again; D1 accepts and resolves on time, and the Judge gives quality 5.
// Wuhu's table grades D1 较好 either way; the host's evaluator, counting
// only a return denied, grades the approved one 好.
func TestLeverJudgeMarksTheDecision(t *testing.T) {
	c := catalog()
	judge := func(m *matters.Matter, f *scoring.Facts) error {
		f.Quality = 5
		for _, e := range m.Events {
			if (e.Kind == matters.Approve || e.Kind == matters.Deny) && m.Events[e.Ref-1].Kind == matters.Return && m.Events[e.Ref-1].Actor == f.Subject {
				f.Attrs = map[string]string{"return": e.Kind.String()}
			}
		}
		return nil
	}
	table := wuhu.Table()
	wrongful := scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
		if f.Attrs["return"] == matters.Approve.String() {
			f.Returned = false
		}
		return table.Evaluate(f)
	})
	for _, tc := range []struct {
		name     string
		decision []matters.Event
		want     map[string]string // the grade by evaluator
	}{
		{"denied", []matters.Event{{At: mins(40), Kind: matters.Deny, Actor: "S1", Ref: 4, Note: "清单明确由该单位牵头"}},
			map[string]string{"table": "good", "host": "good"}},
		{"approved, dispatched again", []matters.Event{{At: mins(40), Kind: matters.Approve, Actor: "S1", Ref: 4, Note: "同意"},
			{At: mins(40), Kind: matters.Dispatch, Actor: "S1", Units: []string{"D1"}}},
			map[string]string{"table": "good", "host": "excellent"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := opened(mins(0), "S1", []string{"D1"}, matters.Event{At: mins(30), Kind: matters.Return, Actor: "D1", Note: "非本单位职责"})
			evs = append(append(evs, tc.decision...),
				matters.Event{At: at(1), Kind: matters.Accept, Actor: "D1"},
				matters.Event{At: at(2), Kind: matters.Resolve, Actor: "D1"},
				matters.Event{At: at(3), Kind: matters.Close, Actor: "S1"})
			m := applied(t, c, nil, evs...)
			got := map[string]string{}
			for name, e := range map[string]scoring.Evaluator{"table": table, "host": wrongful} {
				gs := gradeWith(t, wuhuGrader(c, e, judge), m)
				if len(gs) != 1 || !gs[0].Facts.Returned || gs[0].Facts.Attrs["return"] != tc.decision[0].Kind.String() {
					t.Fatalf("%s: grades %+v; want D1's alone, returned, its return marked %s", name, gs, tc.decision[0].Kind)
				}
				got[name] = gs[0].Evaluation.Result.Grade
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("D1's grade mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// refuseCloseUnresolved is a host's own check before it applies a Close:
// it refuses the Close of a platform's matter that no Resolve resolved.
func refuseCloseUnresolved(m *matters.Matter, e matters.Event) bool {
	return e.Kind == matters.Close && m.Platform != "" &&
		!slices.ContainsFunc(m.Events, func(x matters.Event) bool { return x.Kind == matters.Resolve })
}

// TestLeverImmediateClose proves docs/policy.md, "An immediate Close
// counts as 办结": H reports for S1 and S1 closes an hour later, and the
// citizen says it was not solved. matters.Summarize counts it resolved; a
// host counts its own 办结率 from the histories (no Resolve: not
// resolved); indicators.Parts gives the matter no part, so that
// indicators' rates do not count it at all. A Judge marks the missing
// Resolve in Attrs, and the host's evaluator grades S1 一般 where Wuhu's
// table, seeing it responded and resolved in an hour, gives 较好. A host
// may refuse such a Close in its own code; Catalog.Apply accepts it.
func TestLeverImmediateClose(t *testing.T) {
	c := supervised()
	no := false
	m := applied(t, c, nil,
		matters.Event{At: at(0), Kind: matters.Report, Actor: "H", Units: []string{"S1"}, Type: "占道经营"})
	closing := matters.Event{Matter: "M", Seq: 2, At: at(1), Kind: matters.Close, Actor: "S1"}
	if !refuseCloseUnresolved(m, closing) {
		t.Error("the host lets the Close without a Resolve through")
	}
	m = applied(t, c, nil, append(slices.Clone(m.Events), closing,
		matters.Event{At: at(2), Kind: matters.Feedback, Actor: "H", Satisfied: &no, Solved: &no})...)
	ms := []*matters.Matter{m}
	resolved := 0
	for _, m := range ms {
		if slices.ContainsFunc(m.Events, func(x matters.Event) bool { return x.Kind == matters.Resolve }) {
			resolved++
		}
	}
	if s := matters.Summarize(ms); s.Received != 1 || s.Resolved != 1 || resolved != 0 {
		t.Errorf("Summarize: %d received, %d resolved; the host's count: %d resolved; want 1, 1 and 0", s.Received, s.Resolved, resolved)
	}
	parts, err := indicators.Parts(cal, ms, c.RouteOf, nil)
	if err != nil || len(parts) != 0 {
		t.Errorf("indicators.Parts = %+v, %v; want none", parts, err)
	}
	judge := func(m *matters.Matter, f *scoring.Facts) error {
		if !slices.ContainsFunc(m.Events, func(x matters.Event) bool { return x.Kind == matters.Resolve }) {
			f.Attrs = map[string]string{"resolve": "none"}
		}
		return nil
	}
	table := wuhu.Table()
	unresolved := scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
		if f.Attrs["resolve"] == "none" {
			return scoring.Result{Grade: "fair", Points: decimal.NewFromInt(70), Policy: "host-2020.1", Reasons: reason.Texts("closed without a resolution")}, nil
		}
		return table.Evaluate(f)
	})
	m.Events = m.Events[:2] // before the citizen's answer
	for _, tc := range []struct {
		e    scoring.Evaluator
		want []row
	}{{table, []row{{2, "S1", "H", 0, false, "good"}}}, {unresolved, []row{{2, "S1", "H", 0, false, "fair"}}}} {
		gs := gradeWith(t, wuhuGrader(c, tc.e, judge), m)
		if diff := cmp.Diff(tc.want, rows(gs)); diff != "" {
			t.Errorf("grades mismatch (-want +got):\n%s", diff)
		}
		if f := gs[0].Facts; !f.Responded || !f.Resolved || f.Resolution != time.Hour || f.Attrs["resolve"] != "none" {
			t.Errorf("S1: facts %+v: want responded and resolved in 1h, marked unresolved", f)
		}
	}
}

// refuseCloseOnAnOldAnswer is a host's own check before it applies a
// Close: it refuses the Close of a matter whose citizen's latest answer
// came before its latest Reopen.
func refuseCloseOnAnOldAnswer(m *matters.Matter, e matters.Event) bool {
	if e.Kind != matters.Close {
		return false
	}
	for i := len(m.Events) - 1; i >= 0; i-- {
		switch m.Events[i].Kind {
		case matters.Feedback:
			return false
		case matters.Reopen:
			return slices.ContainsFunc(m.Events[:i], func(x matters.Event) bool { return x.Kind == matters.Feedback })
		}
	}
	return false
}

// TestLeverOldAnswer proves docs/policy.md, "The latest answer counts,
// even one from before a Reopen": H records a yes at 3h and reopens at
// 4h; D1 resolves again at 50h. The host may refuse the Close until a new
// answer is in, which Catalog.Apply would accept. A Judge cannot change
// the answer (scoring.ErrInvalid), but can mark in Attrs that it predates
// the Reopen: closed on the old yes, Wuhu's table grades D1 and S1 好,
// and the host's evaluator, setting such an answer aside, 较好.
func TestLeverOldAnswer(t *testing.T) {
	c := supervised()
	yes := true
	m := applied(t, c, nil, opened(at(0), "H", []string{"D1"},
		matters.Event{At: at(1), Kind: matters.Accept, Actor: "D1"},
		matters.Event{At: at(2), Kind: matters.Resolve, Actor: "D1"},
		matters.Event{At: at(3), Kind: matters.Feedback, Actor: "H", Satisfied: &yes},
		matters.Event{At: at(4), Kind: matters.Reopen, Actor: "H"},
		matters.Event{At: at(50), Kind: matters.Resolve, Actor: "D1"})...)
	closing := matters.Event{Matter: "M", Seq: len(m.Events) + 1, At: at(51), Kind: matters.Close, Actor: "S1"}
	if !refuseCloseOnAnOldAnswer(m, closing) {
		t.Error("the host lets the Close on the answer before the Reopen through")
	}
	asked := m.Clone()
	if err := c.Apply(cal, asked, matters.Event{Matter: "M", Seq: len(m.Events) + 1, At: at(51), Kind: matters.Feedback, Actor: "H", Satisfied: &yes}); err != nil {
		t.Fatal(err)
	}
	if refuseCloseOnAnOldAnswer(asked, matters.Event{Kind: matters.Close}) {
		t.Error("the host refuses the Close after a new answer")
	}
	if err := c.Apply(cal, m, closing); err != nil {
		t.Fatalf("Catalog.Apply of the Close: %v", err)
	}
	forget := func(m *matters.Matter, f *scoring.Facts) error { f.Satisfied = nil; return nil }
	if _, err := wuhuGrader(c, nil, forget).Grade(cal, m, 0); !errors.Is(err, scoring.ErrInvalid) {
		t.Errorf("a Judge that drops the answer: %v, want ErrInvalid", err)
	}
	judge := func(m *matters.Matter, f *scoring.Facts) error {
		if refuseCloseOnAnOldAnswer(m, m.Events[len(m.Events)-1]) {
			f.Attrs = map[string]string{"answer": "before the reopen"}
		}
		return nil
	}
	table := wuhu.Table()
	fresh := scoring.EvaluatorFunc(func(f scoring.Facts) (scoring.Result, error) {
		if f.Attrs["answer"] == "before the reopen" {
			f.Satisfied = nil
		}
		return table.Evaluate(f)
	})
	for _, tc := range []struct {
		e    scoring.Evaluator
		want []row
	}{
		{table, []row{{9, "D1", "S1", 0, false, "excellent"}, {9, "S1", "H", 0, false, "excellent"}}},
		{fresh, []row{{9, "D1", "S1", 0, false, "good"}, {9, "S1", "H", 0, false, "good"}}},
	} {
		gs := gradeWith(t, wuhuGrader(c, tc.e, judge), m)
		if diff := cmp.Diff(tc.want, rows(gs)); diff != "" {
			t.Errorf("grades mismatch (-want +got):\n%s", diff)
		}
		for _, g := range gs {
			if f := g.Facts; f.Satisfied == nil || !*f.Satisfied || f.Attrs["answer"] != "before the reopen" {
				t.Errorf("%s: facts %+v: want the yes, marked as before the Reopen", f.Subject, f)
			}
		}
	}
}
