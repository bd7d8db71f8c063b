package main

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/grading"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// figures are the year's counts beyond the published summary.
type figures struct {
	Unwhistled       int `json:"unwhistled"`       // handled by a sub-district without a whistle (not received)
	Hotline          int `json:"hotline"`          // matters the 91580 hotline brought (双向派单, Chaohu's mechanism shown on Wuhu's data; not received)
	Assigned         int `json:"assigned"`         // of those, the hotline kept and dispatched to a department itself
	SentBack         int `json:"sentBack"`         // of those, a sub-district handed back as not on its admission lists, and the hotline dispatched
	Coordinated      int `json:"coordinated"`      // dispatched to several departments (统筹)
	Returned         int `json:"returned"`         // the lead asked to return it (退单) and was refused
	Suspended        int `json:"suspended"`        // matters suspended for a while (挂起), the owner approving
	Extended         int `json:"extended"`         // matters given more working days (延期), the owner approving
	Denied           int `json:"denied"`           // requests (suspend, extend, return) the owner denied
	SuspendDenied    int `json:"suspendDenied"`    // of those, suspensions
	ExtendDenied     int `json:"extendDenied"`     // of those, extensions
	Urged            int `json:"urged"`            // urged (催办) by the hourly scan
	Supervised       int `json:"supervised"`       // supervised (督办) by the hourly scan
	Escalated        int `json:"escalated"`        // of those, supervised again (升级督办)
	Replied          int `json:"replied"`          // answered point to point (答复)
	LateVisits       int `json:"lateVisits"`       // hotline matters whose return visit (回访) came late
	Staged           int `json:"staged"`           // graded in stages (分时段)
	StageEvaluations int `json:"stageEvaluations"` // the stage evaluations among them
	Reopened         int `json:"reopened"`         // sent back after a dissatisfied answer
	Evaluations      int `json:"evaluations"`      // of departments, recorded in the book
	StreetGrades     int `json:"streetGrades"`     // of sub-districts by the hotline, recorded in the book
	Overdue          int `json:"overdue"`          // resolved past the resolution limit
	Open             int `json:"open"`             // received and not resolved at the year's end
	OpenOverdue      int `json:"openOverdue"`      // of those, past a limit at the year's end
}

// graded is the graded year.
type graded struct {
	year    *year
	lists   *matters.Catalog // the governance matter list, by revision
	book    *scoring.Book
	summary matters.Summary // of the received matters: the sub-districts' whistles
	hotline matters.Summary // of the 91580 hotline's stream, not received
	figures figures
	annual  []assessment.Annual
	streets []scoring.Score // the sub-districts graded by the hotline, ranked
	scale   scoring.Scale
	policy  string
	evals   map[string][]scoring.Evaluation // by matter, as recorded
	grades  map[string][]grading.Grade      // by matter, in the grader's order: evaluations and amendments with the event each follows
}

// assess grades every received matter one matter, one evaluation with t:
// each dispatched department by its owner, and the sub-district that owns
// a matter the hotline reported by the hotline. It records the grades in a
// book and blends each department's composite into its annual assessment.
func assess(w *world, y *year, cal *workday.Calendar, t *scoring.Table) (*graded, error) {
	lists := w.catalog()
	a := &graded{year: y, lists: lists, book: scoring.NewBook(nil), scale: t.Scale, policy: t.Version,
		evals: map[string][]scoring.Evaluation{}, grades: map[string][]grading.Grade{}}
	a.summary, a.hotline = matters.Summarize(y.received()), matters.Summarize(y.hotline())
	plans := make(map[string]*plan, len(y.plans))
	for _, p := range y.plans {
		plans[p.id] = p
	}
	grade, err := t.Compile() // the same Results as t.Evaluate, about 1.3–1.7× as fast
	if err != nil {
		return nil, err
	}
	g := grading.New(grading.Config{Catalog: lists, Evaluator: grade, Judge: func(m *matters.Matter, facts *scoring.Facts) error {
		p, ok := plans[m.ID]
		if !ok {
			return fmt.Errorf("%w: no plan for matter %s", errData, m.ID)
		}
		judge(p, facts)
		return nil
	}})
	f := &a.figures
	for i, m := range y.matters {
		p := y.plans[i]
		if !p.whistled {
			f.Unwhistled++
			continue
		}
		if err := a.grade(m, cal, g); err != nil {
			return nil, err
		}
		if err := a.count(m, p, cal); err != nil {
			return nil, err
		}
		if m.State != matters.Resolved && m.State != matters.Closed {
			f.Open++
			route, err := a.lists.RouteOf(m)
			if err != nil {
				return nil, fmt.Errorf("wuhu: route of %s: %w", m.ID, err)
			}
			st, err := m.Status(cal, y.to, route)
			switch {
			case errors.Is(err, matters.ErrNotDispatched): // returned, awaiting a new dispatch
			case err != nil:
				return nil, fmt.Errorf("wuhu: status of %s: %w", m.ID, err)
			case st.Overdue():
				f.OpenOverdue++
			}
		}
	}
	others, err := otherAssessment(w)
	if err != nil {
		return nil, err
	}
	var depts []scoring.Score
	for _, s := range a.book.Scores(scoring.Year(w.city.Year)) {
		if _, ok := others[s.Subject]; ok {
			depts = append(depts, s)
		} else {
			a.streets = append(a.streets, s)
		}
	}
	a.annual, err = assessment.Assess(depts, wuhu.Weights(), others)
	if err != nil {
		return nil, err
	}
	return a, nil
}

// count adds a received matter to the figures.
func (a *graded) count(m *matters.Matter, p *plan, cal *workday.Calendar) error {
	f := &a.figures
	if p.hotline {
		f.Hotline++
		late, err := a.lists.FeedbackLate(cal, m, a.year.to)
		if err != nil {
			return fmt.Errorf("wuhu: return visit of %s: %w", m.ID, err)
		}
		if late {
			f.LateVisits++
		}
	}
	if p.assigned {
		f.Assigned++
	}
	if p.sentBack {
		f.SentBack++
	}
	supervisions := 0
	suspended, extended := false, false // a matter counts once, however often
	for _, e := range m.Events {
		switch e.Kind {
		case matters.Supervise:
			supervisions++
		case matters.Deny:
			f.Denied++
			switch m.Events[e.Ref-1].Kind {
			case matters.Suspend:
				f.SuspendDenied++
			case matters.Extend:
				f.ExtendDenied++
			}
		case matters.Approve:
			switch m.Events[e.Ref-1].Kind {
			case matters.Suspend:
				suspended = true
			case matters.Extend:
				extended = true
			}
		}
	}
	if suspended {
		f.Suspended++
	}
	if extended {
		f.Extended++
	}
	if has(m, func(e matters.Event) bool { return e.Kind == matters.Dispatch && len(e.Units) > 1 }) {
		f.Coordinated++
	}
	if has(m, func(e matters.Event) bool { return e.Kind == matters.Return && e.Actor != p.street }) {
		f.Returned++
	}
	if has(m, func(e matters.Event) bool { return e.Kind == matters.Urge }) {
		f.Urged++
	}
	if supervisions > 0 {
		f.Supervised++
	}
	if supervisions > 1 {
		f.Escalated++
	}
	if has(m, func(e matters.Event) bool { return e.Kind == matters.Reply }) {
		f.Replied++
	}
	if has(m, func(e matters.Event) bool { return e.Kind == matters.Reopen }) {
		f.Reopened++
	}
	return nil
}

// grade records the grades the grader finds for a matter (package
// grading): every dispatched unit's at each stage of a long matter the
// sub-district grades (分时段评价) and at the Close, the sub-district's by the hotline that
// reported the matter for it, and their amendments after a dissatisfied
// answer that comes after the Close (none in the year).
func (a *graded) grade(m *matters.Matter, cal *workday.Calendar, g grading.Grader) error {
	f := &a.figures
	gs, err := g.Grade(cal, m, 0)
	if err != nil {
		return fmt.Errorf("wuhu: %w", err)
	}
	a.grades[m.ID] = gs
	stages := 0
	for _, x := range gs {
		if x.Amendment != nil {
			if err := a.book.Amend(*x.Amendment); err != nil {
				return err
			}
			continue
		}
		switch {
		case !x.Facts.Final:
			stages++
			f.StageEvaluations++
			f.Evaluations++
		case m.Platform != "" && x.Facts.Evaluator == m.Platform: // the hotline grades the sub-district
			f.StreetGrades++
		default:
			f.Evaluations++
			if x.Facts.Subject == m.Lead && x.Facts.ResolutionLimit > 0 && x.Facts.Resolution > x.Facts.ResolutionLimit {
				f.Overdue++
			}
		}
		a.evals[m.ID] = append(a.evals[m.ID], x.Evaluation)
		if err := a.book.Record(x.Evaluation); err != nil {
			return err
		}
	}
	if stages > 0 {
		f.Staged++
	}
	return nil
}

// judge completes the facts of a grade with the sub-district's judgement
// of quality, from the plan: each stage's, and each unit's at the end (the
// hotline's grade of a sub-district has none: the citizen's answer speaks
// for it).
func judge(p *plan, facts *scoring.Facts) {
	switch {
	case !facts.Final: // only the lead reports stages in the year: the stage number counts them
		if i := facts.Stage - 1; i >= 0 && i < len(p.stageQual) {
			facts.Quality = p.stageQual[i]
		}
	default:
		if j := slices.Index(p.units, facts.Subject); j >= 0 {
			facts.Quality = p.quality[j]
		}
	}
}

// has reports whether some event of m satisfies f.
func has(m *matters.Matter, f func(matters.Event) bool) bool { return slices.ContainsFunc(m.Events, f) }

// otherAssessment returns each department's part of the annual assessment
// other than the sub-districts' (the "department" part, 70%). It is
// synthetic: drawn once per department, in the data's order, from a PCG
// with its own fixed seed, as a score with two places between the bounds
// of data/synthetic.json.
func otherAssessment(w *world) (map[string]map[string]decimal.Decimal, error) {
	b := w.syn.OtherAssessment
	span := b.Max.Sub(b.Min).Shift(2)
	if !span.IsInteger() || span.Sign() < 0 || !span.LessThan(decimal.NewFromInt(1_000_000)) {
		return nil, fmt.Errorf("%w: other assessment bounds %s–%s need two places at most", errData, b.Min, b.Max)
	}
	r := rand.New(rand.NewPCG(seedHi, seedLo+1))
	out := make(map[string]map[string]decimal.Decimal, len(w.city.Departments))
	for _, d := range w.city.Departments {
		x := b.Min.Add(decimal.New(r.Int64N(span.IntPart()+1), -2))
		out[d.ID] = map[string]decimal.Decimal{"department": x}
	}
	return out, nil
}
