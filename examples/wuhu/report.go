package main

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/internal/rank"
	"github.com/qingdan/qingdan/locality/wuhu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// report is what the program prints, as text or (with -json) as JSON:
// the annual report, or with -month one month's review.
type report struct {
	City        string             `json:"city"`
	Year        int                `json:"year"`
	Policy      string             `json:"policy"` // the decision table's version
	Scale       scoring.Scale      `json:"scale"`
	Weights     assessment.Weights `json:"weights,omitempty"`
	Index       assessment.Weights `json:"index,omitempty"`   // the weights of the three rates in the index (data/indicators.json)
	Summary     *matters.Summary   `json:"summary,omitempty"` // of the received matters: the sub-districts' whistles
	Rates       *indicators.Rates  `json:"rates,omitempty"`   // over every part of the received matters; Rates.Street is the 街道满意率
	Hotline     *matters.Summary   `json:"hotline,omitempty"` // of the 91580 hotline's stream (Chaohu's two-way dispatch on Wuhu's data), not received
	Figures     *figures           `json:"figures,omitempty"`
	Types       []typeCount        `json:"types,omitempty"`
	Departments []department       `json:"departments,omitempty"`
	Streets     []row              `json:"streets,omitempty"` // the sub-districts, graded by the hotline on the matters it reported for them
	Month       *review            `json:"month,omitempty"`
	Matter      *matterView        `json:"matter,omitempty"`
	Example     string             `json:"example,omitempty"`  // a matter worth a look with -matter
	Examples    map[string]string  `json:"examples,omitempty"` // more, by what they show: escalated, sentBack, extended, denied
	Journal     *journalInfo       `json:"journal,omitempty"`  // the journal written (-journal)
	WhatIf      *whatIfView        `json:"whatIf,omitempty"`   // what another table would change (-whatif)

	names     map[string]string // unit names by ID, for the text
	satisfied []string          // the labels of the grades the 街道满意率 counts, for the text
	lists     indicators.Lists  // the red and black lists of a month's ranking, for the text
	stages    map[string]int    // the stages of each matter, for the text of -whatif
}

// matterView is one matter's history and evaluations (-matter).
type matterView struct {
	Matter      *matters.Matter      `json:"matter"`
	Route       matters.Route        `json:"route"`
	Evaluations []scoring.Evaluation `json:"evaluations"`
	// Hotline reports a matter of the 91580 hotline's stream: Chaohu's
	// two-way dispatch shown on Wuhu's data, not among the matters received.
	Hotline bool `json:"hotline,omitempty"`
}

// typeCount is how many received matters were of one type.
type typeCount struct {
	Type  string `json:"type"`
	Count int    `json:"count"`
}

// department is one row of the annual table: the sub-districts' composite
// of the department's evaluations (30%), its other assessment (70%,
// synthetic) and the exact blend of the two, ranked.
type department struct {
	row
	Other decimal.Decimal `json:"other"`
	Total decimal.Decimal `json:"total"`
}

// review is one month's review (月点评): the matters whistled and resolved
// in the month and each department's scores over the month's evaluations.
type review struct {
	Month       string `json:"month"` // such as 2020-06
	Whistled    int    `json:"whistled"`
	Resolved    int    `json:"resolved"`
	Evaluations int    `json:"evaluations"`
	Departments []row  `json:"departments"`
	// Ranking ranks the departments by their composites of the month
	// within the classes of data/indicators.json, with the red and black
	// lists and each one's move since the month before.
	Ranking []indicators.Standing `json:"ranking"`
}

// row is a department's scores over a period, ranked: its row of a
// month's review, and the first columns of its row of the annual table.
type row struct {
	Rank        int             `json:"rank"`
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Short       string          `json:"short"`
	Matters     int             `json:"matters"`
	Evaluations int             `json:"evaluations"`
	Grades      map[string]int  `json:"grades,omitempty"`
	Composite   decimal.Decimal `json:"composite"`
	// Rates are the department's 响应率, 解决率, 满意率 (and 街道满意率)
	// over the matters reported in the period, and Index their index with
	// the weights of data/indicators.json (none when a rate counts
	// nothing); neither for a sub-district.
	Rates *indicators.Rates `json:"rates,omitempty"`
	Index *decimal.Decimal  `json:"index,omitempty"`
}

// annualReport builds the annual report.
func annualReport(w *world, a *graded) (report, error) {
	rates, err := ratesOf(w, a, w.rate, 0, true)
	if err != nil {
		return report{}, err
	}
	all, err := ratesOf(w, a, w.rate, 0, false)
	if err != nil {
		return report{}, err
	}
	r := report{City: w.city.City, Year: w.city.Year, Policy: a.policy, Scale: a.scale, Weights: wuhu.Weights(), Index: w.rate.Weights}
	r.Summary, r.Figures, r.Hotline = &a.summary, &a.figures, &a.hotline
	if _, r.satisfied, err = w.rate.satisfied(a.scale); err != nil {
		return report{}, err
	}
	if x, ok := all["all"]; ok {
		r.Rates = &x.rates
	}
	r.Example, r.Examples = example(a), examples(a)
	counts := map[string]int{}
	for i, m := range a.year.matters {
		if p := a.year.plans[i]; p.whistled && !p.hotline {
			counts[m.Type]++
		}
	}
	for t, n := range counts {
		r.Types = append(r.Types, typeCount{t, n})
	}
	slices.SortFunc(r.Types, func(x, y typeCount) int { return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Type, y.Type)) })
	scores := map[string]scoring.Score{}
	for _, s := range a.book.Scores(scoring.Year(w.city.Year)) {
		scores[s.Subject] = s
	}
	for _, an := range a.annual {
		s := scores[an.Subject]
		r.Departments = append(r.Departments, department{
			row: row{Rank: an.Rank, ID: an.Subject, Name: w.name(an.Subject), Short: w.short(an.Subject),
				Matters: s.Matters, Evaluations: s.Evaluations, Grades: s.Grades, Composite: an.Parts[assessment.SubdistrictPart]}.
				withRates(rates),
			Other: an.Parts["department"], Total: an.Total,
		})
	}
	streetRanks := ranks(a.streets)
	for i, s := range a.streets {
		r.Streets = append(r.Streets, row{Rank: streetRanks[i], ID: s.Subject, Name: w.name(s.Subject), Short: w.name(s.Subject),
			Matters: s.Matters, Evaluations: s.Evaluations, Grades: s.Grades, Composite: s.Composite})
	}
	return r, nil
}

// withRates returns the row with its department's rates and index.
func (r row) withRates(rates map[string]unitRates) row {
	if x, ok := rates[r.ID]; ok {
		r.Rates, r.Index = &x.rates, x.index
	}
	return r
}

// monthReport builds the review of one month of the year.
func monthReport(w *world, a *graded, month time.Month) (report, error) {
	rates, err := ratesOf(w, a, w.rate, month, true)
	if err != nil {
		return report{}, err
	}
	r := report{City: w.city.City, Year: w.city.Year, Policy: a.policy, Scale: a.scale, Index: w.rate.Weights}
	p := scoring.Month(w.city.Year, month)
	v := &review{Month: fmt.Sprintf("%d-%02d", w.city.Year, int(month))}
	for _, m := range a.year.received() {
		resolved := false
		for _, e := range m.Events {
			switch {
			case e.Kind == matters.Whistle && within(p, e.At):
				v.Whistled++
			case e.Kind == matters.Resolve && !resolved:
				resolved = true
				if within(p, e.At) {
					v.Resolved++
				}
			}
		}
	}
	var depts []scoring.Score // the book grades the sub-districts too, for the hotline
	for _, s := range a.book.Scores(p) {
		if slices.ContainsFunc(w.city.Departments, func(u unit) bool { return u.ID == s.Subject }) {
			depts = append(depts, s)
		}
	}
	deptRanks := ranks(depts)
	for i, s := range depts {
		v.Evaluations += s.Evaluations
		v.Departments = append(v.Departments, row{Rank: deptRanks[i], ID: s.Subject, Name: w.name(s.Subject), Short: w.short(s.Subject),
			Matters: s.Matters, Evaluations: s.Evaluations, Grades: s.Grades, Composite: s.Composite}.withRates(rates))
	}
	ranking, err := monthRanking(w, a, w.rate, month)
	if err != nil {
		return r, err
	}
	v.Ranking = ranking
	r.Month, r.lists, r.names = v, w.rate.Lists, map[string]string{}
	for _, d := range w.city.Departments {
		r.names[d.ID] = d.Short
	}
	return r, nil
}

// ranks ranks scores in the book's order among themselves: the book
// ranks every subject together, and a table of some of them ranks them
// from 1, equal composites sharing a rank.
func ranks(scores []scoring.Score) []int {
	at, out := make([]int, len(scores)), make([]int, len(scores))
	for i := range at {
		at[i] = i
	}
	rank.Shared(at, func(i int) decimal.Decimal { return scores[i].Composite }, func(i *int, r int) { out[*i] = r })
	return out
}

// matterReport builds the history of one matter; ok is false if the year
// has no matter with that ID.
func matterReport(w *world, a *graded, id string) (r report, ok bool) {
	r = report{City: w.city.City, Year: w.city.Year, Policy: a.policy, Scale: a.scale, names: map[string]string{}}
	for _, u := range w.units() {
		r.names[u.ID] = u.Name
	}
	for i, m := range a.year.matters {
		if m.ID == id {
			r.Matter = &matterView{Matter: m, Route: a.year.plans[i].route, Evaluations: a.evals[id], Hotline: a.year.plans[i].hotline}
			return r, true
		}
	}
	return r, false
}

// examples returns, for what the supervision shows, the first matter that
// shows it: supervised twice (escalated), handed back to the hotline by a
// sub-district (sentBack), given more days (extended), a request denied.
func examples(a *graded) map[string]string {
	out := map[string]string{}
	for i, m := range a.year.matters {
		p := a.year.plans[i]
		set := func(what string, ok bool) {
			if _, done := out[what]; ok && !done {
				out[what] = m.ID
			}
		}
		supervised := 0
		for _, e := range m.Events {
			if e.Kind == matters.Supervise {
				supervised++
			}
		}
		set("escalated", supervised > 1 && m.State == matters.Closed)
		set("sentBack", p.sentBack && m.State == matters.Closed)
		set("extended", p.extendDays > 0 && p.extended && m.State == matters.Closed)
		set("denied", p.suspend != "" && p.denied && m.State == matters.Closed)
	}
	return out
}

// example returns the first matter that shows most of the lifecycle:
// coordinated, graded in stages and resolved; else the first whistled one.
func example(a *graded) string {
	first := ""
	for i, m := range a.year.matters {
		p := a.year.plans[i]
		if first == "" && p.whistled {
			first = m.ID
		}
		if m.Coordinated && m.State == matters.Closed && p.stages > 0 && p.surveyed {
			return m.ID
		}
	}
	return first
}

// gradeHeads returns the scale's grade labels (codes where unlabelled).
func gradeHeads(s scoring.Scale) []string {
	var h []string
	for _, g := range s {
		h = append(h, cmp.Or(g.Label, g.Code))
	}
	return h
}

// gradeCells returns the counts of each grade of the scale.
func gradeCells(s scoring.Scale, counts map[string]int) []string {
	var c []string
	for _, g := range s {
		c = append(c, strconv.Itoa(counts[g.Code]))
	}
	return c
}
