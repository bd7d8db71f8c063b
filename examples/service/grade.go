package main

import (
	"fmt"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// grade returns the evaluations the latest event of m calls for, each
// graded on m by ev with the quality judgements given: a Progress by the
// lead grades the lead (a stage of a long matter); the Close of a
// dispatched matter grades the lead, the support units in the order of
// the dispatch, and the owner of a matter a platform reported.
//
// TODO(grader): replaced by package grading when it lands on main.
func grade(cal *workday.Calendar, cat *matters.Catalog, ev scoring.Evaluator, m *matters.Matter, quality map[string]int) ([]scoring.Evaluation, error) {
	e := m.Events[len(m.Events)-1]
	var units []string
	switch {
	case e.Kind == matters.Progress && e.Actor == m.Lead:
		units = []string{m.Lead}
	case e.Kind == matters.Close && m.Lead != "":
		units = append([]string{m.Lead}, m.Support...)
		if m.Platform != "" {
			units = append(units, m.Owner)
		}
	default:
		return nil, nil
	}
	route, err := cat.RouteOf(m)
	if err != nil {
		return nil, err
	}
	var out []scoring.Evaluation
	for _, u := range units {
		f, err := scoring.FactsFor(cal, m, u, route)
		if err != nil {
			return nil, fmt.Errorf("facts of %s: %w", u, err)
		}
		f.Quality = quality[u]
		r, err := ev.Evaluate(f)
		if err != nil {
			return nil, fmt.Errorf("grading %s: %w", u, err)
		}
		if !r.IsZero() {
			out = append(out, f.Evaluation(e.At, r))
		}
	}
	return out, nil
}
