package main

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// figures are the year's counts beyond the published summary.
type figures struct {
	Unwhistled       int `json:"unwhistled"`       // handled by a sub-district without a whistle (not received)
	Hotline          int `json:"hotline"`          // whistled matters the 91580 hotline reported (双向派单)
	Coordinated      int `json:"coordinated"`      // dispatched to several departments (统筹)
	Returned         int `json:"returned"`         // returned by the lead (退单) and dispatched again
	Suspended        int `json:"suspended"`        // suspended for a while (挂起)
	Staged           int `json:"staged"`           // graded in stages (分时段)
	StageEvaluations int `json:"stageEvaluations"` // the stage evaluations among them
	Reopened         int `json:"reopened"`         // sent back after a dissatisfied answer
	Evaluations      int `json:"evaluations"`      // recorded in the book
	Overdue          int `json:"overdue"`          // resolved past the resolution limit
	Open             int `json:"open"`             // whistled and not resolved at the year's end
	OpenOverdue      int `json:"openOverdue"`      // of those, past a limit at the year's end
}

// graded is the graded year.
type graded struct {
	year    *year
	lists   *matters.Catalog // the governance matter list, by revision
	book    *scoring.Book
	summary matters.Summary
	figures figures
	annual  []assessment.Annual
	scale   scoring.Scale
	policy  string
	evals   map[string][]scoring.Evaluation // by matter, as recorded
	after   map[string][]int                // by matter, as evals: the Seq of the event each evaluation follows
}

// assess grades every whistled matter one matter, one evaluation with ev,
// records the grades in a book and blends each department's composite
// into its annual assessment.
func assess(w *world, y *year, cal *workday.Calendar, t *scoring.Table) (*graded, error) {
	a := &graded{year: y, lists: &matters.Catalog{Directory: &w.dir.Directory}, book: scoring.NewBook(), summary: matters.Summarize(y.matters), scale: t.Scale, policy: t.Version,
		evals: map[string][]scoring.Evaluation{}, after: map[string][]int{}}
	f := &a.figures
	for i, m := range y.matters {
		p := y.plans[i]
		if !p.whistled {
			f.Unwhistled++
			continue
		}
		if err := a.grade(m, p, cal, t); err != nil {
			return nil, err
		}
		if p.hotline {
			f.Hotline++
		}
		if has(m, func(e matters.Event) bool { return e.Kind == matters.Dispatch && len(e.Units) > 1 }) {
			f.Coordinated++
		}
		if has(m, func(e matters.Event) bool { return e.Kind == matters.Return }) {
			f.Returned++
		}
		if has(m, func(e matters.Event) bool { return e.Kind == matters.Suspend }) {
			f.Suspended++
		}
		if has(m, func(e matters.Event) bool { return e.Kind == matters.Reopen }) {
			f.Reopened++
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
	a.annual, err = assessment.Assess(a.book.Scores(scoring.Year(w.city.Year)), wuhu.Weights(), others)
	if err != nil {
		return nil, err
	}
	return a, nil
}

// grade records a matter's evaluations: the lead's at each stage of a
// long matter (分时段), then every dispatched unit's once the matter is
// resolved. Quality is the sub-district's judgement from the plan;
// Satisfied the citizen's latest answer.
func (a *graded) grade(m *matters.Matter, p *plan, cal *workday.Calendar, t *scoring.Table) error {
	f := &a.figures
	// record grades facts at the time of the event with sequence number
	// seq, which the evaluation follows in the journal (-journal).
	record := func(facts scoring.Facts, at time.Time, seq int) error {
		res, err := t.Evaluate(facts)
		if err != nil {
			return fmt.Errorf("wuhu: grading %s for %s: %w", m.ID, facts.Subject, err)
		}
		f.Evaluations++
		e := facts.Evaluation(at, res) // a stage of a long matter, or its final evaluation after the stages
		a.evals[m.ID] = append(a.evals[m.ID], e)
		a.after[m.ID] = append(a.after[m.ID], seq)
		return a.book.Record(e)
	}
	stages := 0
	for i, e := range m.Events {
		if e.Kind != matters.Progress || e.Actor != m.Lead {
			continue
		}
		part, err := matters.Replay(m.Events[:i+1])
		if err != nil {
			return err
		}
		route, err := a.lists.RouteOf(part) // the revision the dispatch followed
		if err != nil {
			return fmt.Errorf("wuhu: route of %s: %w", m.ID, err)
		}
		facts, err := scoring.FactsFor(cal, part, m.Lead, route)
		if err != nil {
			return fmt.Errorf("wuhu: facts of %s stage %d: %w", m.ID, part.Stage, err)
		}
		if stages < len(p.stageQual) {
			facts.Quality = p.stageQual[stages]
		}
		stages++
		if err := record(facts, e.At, e.Seq); err != nil {
			return err
		}
		f.StageEvaluations++
	}
	if stages > 0 {
		f.Staged++
	}
	if m.State != matters.Resolved && m.State != matters.Closed {
		return nil
	}
	answer := latestAnswer(m)
	last := m.Events[len(m.Events)-1]
	route, err := a.lists.RouteOf(m) // the revision the dispatch followed
	if err != nil {
		return fmt.Errorf("wuhu: route of %s: %w", m.ID, err)
	}
	for i, u := range append([]string{m.Lead}, m.Support...) {
		facts, err := scoring.FactsFor(cal, m, u, route)
		if err != nil {
			return fmt.Errorf("wuhu: facts of %s for %s: %w", m.ID, u, err)
		}
		if j := slices.Index(p.units, u); j >= 0 {
			facts.Quality = p.quality[j]
		}
		facts.Satisfied = answer
		if i == 0 && facts.ResolutionLimit > 0 && facts.Resolution > facts.ResolutionLimit {
			f.Overdue++
		}
		if err := record(facts, last.At, last.Seq); err != nil {
			return err
		}
	}
	return nil
}

// has reports whether some event of m satisfies f.
func has(m *matters.Matter, f func(matters.Event) bool) bool { return slices.ContainsFunc(m.Events, f) }

// latestAnswer returns the citizen's latest answer, nil if never asked.
func latestAnswer(m *matters.Matter) *bool {
	var answer *bool
	for _, e := range m.Events {
		if e.Kind == matters.Feedback && e.Satisfied != nil {
			answer = e.Satisfied
		}
	}
	return answer
}

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
