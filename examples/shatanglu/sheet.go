package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/examples/internal/texttable"
	"github.com/qingdan/qingdan/scoring"
	"github.com/shopspring/decimal"
)

// event is a fact the simulation does not make, reported by hand: a
// commendation (表扬) or a grave incident (责任事故) of a unit in a month.
type event struct {
	Month string `json:"month"` // YYYY-MM
	Unit  string `json:"unit"`
	Fact  string `json:"fact"` // a count of the sheet
	Count int    `json:"count"`
	Note  string `json:"note"`
}

// loadSheet reads the monthly assessment sheet of the dispatched agencies
// from the program's data and validates it.
func loadSheet() (*assessment.Sheet, error) {
	return cli.Read(dataFS, "data/sheet.json", assessment.LoadSheet)
}

// unitFacts returns each agency's facts for the month, by unit ID: the
// base is the mean points of its staff's tasks, rounded half up to 2
// places; 超时办结 counts the tasks not resolved within their limit, 退回
// those returned, 不满意 the answers "dissatisfied"; 满意率 is satisfied
// answers over answers, rounded half up to 4 places, and absent when
// nobody was asked; the events of the month add their counts.
func unitFacts(e scoring.Evaluator, tasks []task, staff []member, events []event, month time.Time) (map[string]assessment.Facts, error) {
	unitOf := map[string]string{}
	for _, m := range staff {
		unitOf[m.ID] = m.Unit
	}
	type tally struct {
		points              decimal.Decimal
		tasks, asked, happy int
		counts              map[string]int
	}
	tallies := map[string]*tally{}
	for _, t := range tasks {
		u := unitOf[t.facts.Subject]
		x := tallies[u]
		if x == nil {
			x = &tally{counts: map[string]int{}}
			tallies[u] = x
		}
		r, err := e.Evaluate(t.facts)
		if err != nil {
			return nil, err
		}
		f := t.facts
		x.points = x.points.Add(r.Points)
		x.tasks++
		if !f.Resolved || f.Resolution > f.ResolutionLimit {
			x.counts["超时办结"]++
		}
		if f.Returned {
			x.counts["退回"]++
		}
		if f.Satisfied != nil {
			x.asked++
			if *f.Satisfied {
				x.happy++
			} else {
				x.counts["不满意"]++
			}
		}
	}
	out := map[string]assessment.Facts{}
	for u, x := range tallies {
		base := x.points.DivRound(decimal.NewFromInt(int64(x.tasks)), 2)
		f := assessment.Facts{Unit: u, Base: &base, Counts: x.counts}
		if x.asked > 0 {
			f.Rates = map[string]decimal.Decimal{"满意率": decimal.NewFromInt(int64(x.happy)).DivRound(decimal.NewFromInt(int64(x.asked)), 4)}
		}
		out[u] = f
	}
	for _, ev := range events {
		if ev.Month != month.Format("2006-01") {
			continue
		}
		f, ok := out[ev.Unit]
		if !ok {
			return nil, fmt.Errorf("event %s %s: unit %q had no tasks this month", ev.Month, ev.Fact, ev.Unit)
		}
		f.Counts[ev.Fact] += ev.Count
	}
	return out, nil
}

// sheet prints the agencies' monthly assessment by the sheet: one line a
// unit, best first, then the reasons of each.
func (p *printer) sheet(s *assessment.Sheet, facts map[string]assessment.Facts, first time.Time) error {
	var results []assessment.Result
	for _, u := range slices.Sorted(maps.Keys(facts)) {
		r, err := s.Apply(facts[u])
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	slices.SortStableFunc(results, func(a, b assessment.Result) int { return b.Points.Cmp(a.Points) })
	p.printf("四、派驻机构月度考核：%d年%d月（考评：%s；%s；基础分为本单位任务评价平均分，加分最多 %s 分，扣分最多 %s 分；%s）\n",
		first.Year(), first.Month(), p.unitName(p.assessor), s.Version, s.MaxBonus, s.MaxDeduction, cutoffs("得分", s.Scale))
	t := texttable.New("派驻机构", ">基础分", ">加分", ">扣分", ">得分", "等次", "说明")
	for _, r := range results {
		g, _ := s.Scale.Grade(r.Grade)
		var notes []string
		if r.BonusCapped {
			notes = append(notes, "加分封顶")
		}
		if r.DeductionCapped {
			notes = append(notes, "扣分封顶")
		}
		for _, why := range r.Reasons {
			if why.Veto != nil {
				notes = append(notes, "一票否决")
			}
		}
		t.Add(p.unitName(r.Unit), r.Base.StringFixed(2), signed(r.Bonus), signed(r.Deduction), r.Points.StringFixed(2), g.Label, strings.Join(notes, "，"))
	}
	p.table(t)
	for _, r := range results {
		p.printf("  %s：\n", p.unitName(r.Unit))
		for _, why := range r.Reasons {
			p.printf("    %s\n", why)
		}
	}
	return nil
}

// signed writes points with two places and a sign: +3.00, -4.50, 0.00.
func signed(d decimal.Decimal) string {
	if d.Sign() > 0 {
		return "+" + d.StringFixed(2)
	}
	return d.StringFixed(2)
}
