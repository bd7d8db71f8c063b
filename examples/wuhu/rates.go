package main

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
)

// rating is data/indicators.json: how the hotline system's figures are
// made — the weights of the three rates in the index, the lowest grade
// from which a sub-district's grade counts as satisfied (街道满意率: 较好,
// so 好 and 较好, on the scale of the table that grades the year), the
// class of each department in the monthly ranking and who goes on its red
// and black lists.
type rating struct {
	Note        string             `json:"note"`
	Weights     assessment.Weights `json:"weights"`
	StreetGrade string             `json:"streetGrade"` // a grade's code
	Classes     indicators.Classes `json:"classes"`
	Lists       indicators.Lists   `json:"lists"`
}

// satisfied returns the points from which a sub-district's grade counts
// as satisfied on scale s, those of the grade StreetGrade, and the labels
// of the grades it counts, in the scale's order ("好", "较好"): the
// cut-off is read off the scale that graded the year, never typed again.
func (r *rating) satisfied(s scoring.Scale) (decimal.Decimal, []string, error) {
	g, ok := s.Grade(r.StreetGrade)
	if !ok {
		return decimal.Decimal{}, nil, fmt.Errorf("%w: data/indicators.json: the table's scale has no grade %q, the lowest a sub-district's grade counts as satisfied (streetGrade)", errData, r.StreetGrade)
	}
	var labels []string
	for _, x := range s {
		if x.Points.Cmp(g.Points) >= 0 {
			labels = append(labels, cmp.Or(x.Label, x.Code))
		}
	}
	return g.Points, labels, nil
}

// loadRating decodes data/indicators.json and checks it against the city:
// valid weights of the three rates, and a class for every department and
// nobody else.
func loadRating(c *city) (*rating, error) {
	var r rating
	if err := cli.Decode(data, "data/indicators.json", &r); err != nil {
		return nil, err
	}
	var errs []error
	if err := r.Weights.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("%w: data/indicators.json: %w", errData, err))
	}
	if parts := slices.Sorted(maps.Keys(r.Weights)); !slices.Equal(parts, []string{indicators.ResolutionPart, indicators.ResponsePart, indicators.SatisfactionPart}) {
		errs = append(errs, fmt.Errorf("%w: data/indicators.json: weights of %q; want the three rates", errData, parts))
	}
	for _, d := range c.Departments {
		if r.Classes[d.ID] == "" {
			errs = append(errs, fmt.Errorf("%w: data/indicators.json: department %s has no class", errData, d.ID))
		}
	}
	for id := range r.Classes {
		if !slices.ContainsFunc(c.Departments, func(u unit) bool { return u.ID == id }) {
			errs = append(errs, fmt.Errorf("%w: data/indicators.json: class of %s, no department", errData, id))
		}
	}
	return &r, errors.Join(errs...)
}

// unitRates are a department's three rates (and the 街道满意率) over the
// matters reported in a period, and their index; Index is nil when a rate
// has nothing to count.
type unitRates struct {
	rates indicators.Rates
	index *decimal.Decimal
}

// ratesOf returns each unit's rates over the parts of the received
// matters (the sub-districts' whistles, not the hotline's stream) reported
// in the year, or with month ≠ 0 in that month (the monthly figures count
// the matters reported in the month); with unit false, the rates of all
// the parts of the year together, as the group "all": its Street is the
// year's 街道满意率.
func ratesOf(w *world, a *graded, r *rating, month time.Month, unit bool) (map[string]unitRates, error) {
	// The grades as they count, amended: the book's Evaluations are those
	// first recorded.
	var grades []scoring.Evaluation
	for _, m := range a.year.received() {
		es, _ := a.book.Matter(m.ID)
		grades = append(grades, es...)
	}
	parts, err := indicators.Parts(workday.China(), a.year.received(), a.lists.RouteOf, grades)
	if err != nil {
		return nil, err
	}
	streetMin, _, err := r.satisfied(a.scale)
	if err != nil {
		return nil, err
	}
	group := indicators.ByUnit
	switch {
	case !unit:
		group = func(indicators.Part) string { return "all" }
	case month != 0:
		key := fmt.Sprintf("%d-%02d", w.city.Year, int(month))
		group = func(p indicators.Part) string {
			if indicators.ByMonth(p) != key {
				return ""
			}
			return p.Unit
		}
	}
	out := map[string]unitRates{}
	for _, rs := range indicators.Tally(parts, group, streetMin) {
		u := unitRates{rates: rs}
		switch x, err := rs.Index(r.Weights); {
		case err == nil:
			u.index = &x
		case !errors.Is(err, indicators.ErrNoData):
			return nil, err
		}
		out[rs.Group] = u
	}
	return out, nil
}

// monthRanking ranks the departments by their composites of the month
// within their classes, with the red and black lists of the data and the
// move since the month before (none for January).
func monthRanking(w *world, a *graded, r *rating, month time.Month) ([]indicators.Standing, error) {
	values := func(m time.Month) map[string]decimal.Decimal {
		out := map[string]decimal.Decimal{}
		for _, s := range a.book.Scores(scoring.Month(w.city.Year, m)) {
			if _, ok := r.Classes[s.Subject]; ok {
				out[s.Subject] = s.Composite
			}
		}
		return out
	}
	var prev []indicators.Standing
	if month > time.January {
		var err error
		if prev, err = indicators.Rank(values(month-1), r.Classes, r.Lists, nil); err != nil {
			return nil, err
		}
	}
	return indicators.Rank(values(month), r.Classes, r.Lists, prev)
}

// ratio writes a rate as its 4-place value, "—" when it counts nothing.
func ratio(x indicators.Ratio) string {
	if x.Den == 0 {
		return "—"
	}
	return x.Value.StringFixed(4)
}

// index writes an index, "—" when there is none.
func index(x *decimal.Decimal) string {
	if x == nil {
		return "—"
	}
	return x.StringFixed(4)
}
