package grading_test

import (
	"fmt"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// A host grades each matter after every event it applies, and records
// what the grader finds: evaluations, and amendments when a citizen is
// not satisfied after the matter was closed.
func Example() {
	cal := workday.China()
	catalog := &matters.Catalog{Directory: &matters.Directory{Routes: []matters.Route{
		{Type: "占道经营", Lead: "城管局", Support: []string{"市场监管局"}, Respond: 4 * time.Hour, ResolveDays: 3},
	}}}
	g := grading.New(grading.Config{Catalog: catalog, Evaluator: wuhu.Table(),
		Judge: func(_ *matters.Matter, f *scoring.Facts) error {
			f.Quality = 4 // the sub-district's judgement
			return nil
		}})
	book := scoring.NewBook(nil)
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, workday.CST())
	no := false
	m := &matters.Matter{}
	for i, e := range []matters.Event{
		{Kind: matters.Report, Actor: "镜湖街道", Type: "占道经营"},
		{Kind: matters.Whistle, Actor: "镜湖街道"},
		{Kind: matters.Dispatch, Actor: "镜湖街道", Units: []string{"城管局", "市场监管局"}},
		{Kind: matters.Accept, Actor: "城管局"},
		{Kind: matters.Accept, Actor: "市场监管局"},
		{Kind: matters.Progress, Actor: "镜湖街道", Note: "第一阶段评价"}, // the owner grades a stage; the lead's own Progress would grade no one
		{Kind: matters.Resolve, Actor: "城管局"},
		{Kind: matters.Close, Actor: "镜湖街道"},
		{Kind: matters.Feedback, Actor: "镜湖街道", Satisfied: &no},
	} {
		e.Matter, e.Seq, e.At = "2020-0001", i+1, at.Add(time.Duration(i)*2*time.Hour)
		if err := catalog.Apply(cal, m, e); err != nil {
			fmt.Println(err)
			return
		}
		gs, err := g.Grade(cal, m, len(m.Events)-1) // what this event calls for
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, x := range gs {
			if x.Amendment != nil {
				a := x.Amendment
				fmt.Printf("event %d (%s): amend %s stage %d: %s (%s)\n", x.Seq, e.Kind.Label(), a.Subject, a.Stage, a.Result.Grade, a.Reason)
				err = book.Amend(*a)
			} else {
				v := x.Evaluation
				fmt.Printf("event %d (%s): %s graded by %s, stage %d: %s\n", x.Seq, e.Kind.Label(), v.Subject, v.Evaluator, v.Stage, v.Result.Grade)
				err = book.Record(v)
			}
			if err != nil {
				fmt.Println(err)
				return
			}
		}
	}
	for _, s := range book.Scores(scoring.Year(2020)) {
		fmt.Println(s.Subject, s.Composite)
	}
	// Output:
	// event 6 (分时段): 城管局 graded by 镜湖街道, stage 1: excellent
	// event 6 (分时段): 市场监管局 graded by 镜湖街道, stage 1: excellent
	// event 8 (结案): 城管局 graded by 镜湖街道, stage 2: excellent
	// event 8 (结案): 市场监管局 graded by 镜湖街道, stage 2: excellent
	// event 9 (回访): amend 城管局 stage 2: fair (结案后回访（事件 9）：市民不满意)
	// event 9 (回访): amend 市场监管局 stage 2: fair (结案后回访（事件 9）：市民不满意)
	// 城管局 85
	// 市场监管局 85
}

// A host wraps the standard grader: here, to leave the stages of a long
// matter ungraded.
func ExampleFunc() {
	cal := workday.China()
	catalog := &matters.Catalog{Directory: &matters.Directory{Routes: []matters.Route{
		{Type: "占道经营", Lead: "城管局", Respond: 4 * time.Hour, ResolveDays: 3},
	}}}
	std := grading.New(grading.Config{Catalog: catalog, Evaluator: wuhu.Table()})
	finalOnly := grading.Func(func(cal *workday.Calendar, m *matters.Matter, after int) ([]grading.Grade, error) {
		gs, err := std.Grade(cal, m, after)
		var out []grading.Grade
		for _, g := range gs {
			if g.Facts.Final {
				out = append(out, g)
			}
		}
		return out, err
	})
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, workday.CST())
	var events []matters.Event
	for i, e := range []matters.Event{
		{Kind: matters.Report, Actor: "镜湖街道", Type: "占道经营"},
		{Kind: matters.Whistle, Actor: "镜湖街道"},
		{Kind: matters.Dispatch, Actor: "镜湖街道", Units: []string{"城管局"}},
		{Kind: matters.Accept, Actor: "城管局"},
		{Kind: matters.Progress, Actor: "城管局"},
		{Kind: matters.Resolve, Actor: "城管局"},
		{Kind: matters.Close, Actor: "镜湖街道"},
	} {
		e.Matter, e.Seq, e.At = "2020-0002", i+1, at.Add(time.Duration(i)*time.Hour)
		events = append(events, e)
	}
	m, err := matters.Replay(events)
	if err != nil {
		fmt.Println(err)
		return
	}
	gs, err := finalOnly.Grade(cal, m, 0) // the whole history, as a host rebuilding its state
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range gs {
		fmt.Println(g.Seq, g.Evaluation.Subject, g.Evaluation.Stage, g.Evaluation.Result.Grade)
	}
	// Output:
	// 7 城管局 2 good
}

// The owner of a matter a hotline reported for it is graded by the
// hotline when it closes the matter, however it gets there — here, after
// approving its lead's return (退单), without a new dispatch — and by the
// limits in force when the hotline reported it, not by those of the
// revision of the list its dispatch came under.
func Example_platformOwner() {
	cal := workday.China()
	route := func(days int) []matters.Route {
		return []matters.Route{{Type: "占道经营", Lead: "城管局", Respond: 4 * time.Hour, ResolveDays: days}}
	}
	from := func(day int) accountability.Adoption {
		return accountability.Adoption{Effective: time.Date(2020, 6, day, 0, 0, 0, 0, workday.CST()), Status: accountability.Published}
	}
	catalog := &matters.Catalog{
		Directory: &matters.Directory{Version: "2020-2", Adoption: from(2), Routes: route(10)},
		History:   matters.History{Directories: []*matters.Directory{{Version: "2020-1", Adoption: from(1), Routes: route(3)}}},
	}
	g := grading.New(grading.Config{Catalog: catalog, Evaluator: wuhu.Table()})
	at := time.Date(2020, 6, 1, 16, 0, 0, 0, workday.CST())
	m := &matters.Matter{}
	for i, e := range []matters.Event{
		{Kind: matters.Report, Actor: "12345", Type: "占道经营", Units: []string{"镜湖街道"}},
		{Kind: matters.Dispatch, Actor: "镜湖街道", Units: []string{"城管局"}, Routes: "2020-2"},
		{Kind: matters.Return, Actor: "城管局", Note: "非本部门职责"},
		{Kind: matters.Approve, Actor: "镜湖街道", Ref: 3, Note: "同意退单"},
		{Kind: matters.Close, Actor: "镜湖街道"},
	} {
		e.Matter, e.Seq, e.At = "12345-0001", i+1, at.Add(time.Duration(i)*24*time.Hour)
		if err := catalog.Apply(cal, m, e); err != nil {
			fmt.Println(err)
			return
		}
	}
	gs, err := g.Grade(cal, m, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range gs {
		f := x.Facts
		fmt.Printf("event %d: %s graded by %s, resolved in %v of %v: %s\n", x.Seq, f.Subject, f.Evaluator,
			f.Resolution, f.ResolutionLimit, x.Evaluation.Result.Grade)
	}
	// Output:
	// event 5: 镜湖街道 graded by 12345, resolved in 96h0m0s of 72h0m0s: poor
}

// A sub-district grades a long matter in stages (分时段评价) when it
// chooses, by recording a Progress of its own: here a week after the
// dispatch, with the lead yet to accept. The lead is graded on the clock
// run so far (five working days of workday.China's 24-hour working day),
// not let off until it answers.
func Example_ownerStage() {
	cal := workday.China()
	catalog := &matters.Catalog{Directory: &matters.Directory{Routes: []matters.Route{
		{Type: "违章搭建", Lead: "城管局", Respond: 4 * time.Hour, ResolveDays: 10},
	}}}
	g := grading.New(grading.Config{Catalog: catalog, Evaluator: wuhu.Table()})
	at := time.Date(2020, 6, 1, 9, 0, 0, 0, workday.CST()) // a Monday
	const id = "2020-0002"
	m, err := matters.Replay([]matters.Event{
		{Matter: id, Seq: 1, Kind: matters.Report, Actor: "镜湖街道", Type: "违章搭建", At: at},
		{Matter: id, Seq: 2, Kind: matters.Whistle, Actor: "镜湖街道", At: at},
		{Matter: id, Seq: 3, Kind: matters.Dispatch, Actor: "镜湖街道", Units: []string{"城管局"}, At: at},
		{Matter: id, Seq: 4, Kind: matters.Progress, Actor: "镜湖街道", Note: "第一阶段评价", At: at.AddDate(0, 0, 7)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	gs, err := g.Grade(cal, m, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	f := gs[0].Facts
	fmt.Printf("event %d: %s stage %d, responded %t after %v (limit %v): %s\n",
		gs[0].Seq, f.Subject, f.Stage, f.Responded, f.Response, f.ResponseLimit, gs[0].Evaluation.Result.Grade)
	// Output:
	// event 4: 城管局 stage 1, responded false after 120h0m0s (limit 4h0m0s): poor
}
