package main

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/examples/internal/texttable"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/staff"
	"github.com/shopspring/decimal"
)

// Indicators and categories of the joint annual assessment.
const (
	indicatorWork   = "实绩"   // the year's work: the composite of the tasks, for enforcement staff
	indicatorReview = "民主测评" // the democratic review
	categoryCadres  = "街道干部"
	categoryEnforce = "执法人员"
)

// annual is the personnel-participation power (人事参与权) at work, data/
// annual.json: the annual assessment of the dispatched enforcement staff
// held together with that of the sub-district's cadres (一并开展) — one
// round, one scale, a category each — and the sub-district's
// recommendation for a post of a dispatched agency that follows from it.
type annual struct {
	Year      int             `json:"year"`
	Appraisal staff.Appraisal `json:"appraisal"` // categories 街道干部 and 执法人员
	Cadres    []struct {
		ID     string          `json:"id"`
		Name   string          `json:"name"`
		Unit   string          `json:"unit"`
		Work   decimal.Decimal `json:"work"`
		Review decimal.Decimal `json:"review"`
	} `json:"cadres"`
	Reviews   map[string]decimal.Decimal `json:"reviews"` // an enforcement member's democratic review, by ID
	Promotion struct {
		Post       string                     `json:"post"`
		Quota      int                        `json:"quota"`
		Weights    assessment.Weights         `json:"weights"`    // competition: the recommendation score; year1: the joint annual total
		Candidates map[string]decimal.Decimal `json:"candidates"` // recommendation score (推荐评价), by ID
	} `json:"promotion"`
}

// enforcer reports whether m is enforcement staff (执法人员): the posts of
// 城管中队 and 市场监管所 that enforce, 执法岗 and 监管岗.
func enforcer(m member) bool { return m.Post == "执法岗" || m.Post == "监管岗" }

// yearScores simulates and grades every month of the year, as the program
// does the month it reviews, and returns the year's scores.
func yearScores(e scoring.Evaluator, roster []member, year int) ([]scoring.Score, error) {
	var tasks []task
	for mo := time.January; mo <= time.December; mo++ {
		days, err := workdays(workday.China(), year, mo)
		if err != nil {
			return nil, fmt.Errorf("annual: %d-%02d: %w", year, mo, err)
		}
		tasks = append(tasks, simulate(days, roster)...)
	}
	book, err := grade(e, tasks)
	if err != nil {
		return nil, err
	}
	return book.Scores(scoring.Year(year)), nil
}

// jointScores returns the scores of the joint round: each cadre's work and
// review as given; each enforcement member's year composite, rounded half
// up to 2 places, as the work, with the review given. An enforcement
// member without a review or without a task in the year is an error, and
// so is a review of someone who is not enforcement staff.
func (a *annual) jointScores(roster []member, year []scoring.Score) ([]staff.Score, error) {
	composite := map[string]decimal.Decimal{}
	for _, s := range year {
		composite[s.Subject] = s.Composite
	}
	var out []staff.Score
	for _, c := range a.Cadres {
		out = append(out, staff.Score{Person: c.ID, Category: categoryCadres,
			Scores: map[string]decimal.Decimal{indicatorWork: c.Work, indicatorReview: c.Review}})
	}
	var errs []error
	seen := map[string]bool{}
	for _, m := range roster {
		if !enforcer(m) {
			continue
		}
		seen[m.ID] = true
		work, ok := composite[m.ID]
		review, reviewed := a.Reviews[m.ID]
		if !ok || !reviewed {
			errs = append(errs, fmt.Errorf("annual %d: enforcement staff %s %s has no year composite or no review", a.Year, m.ID, m.Name))
			continue
		}
		out = append(out, staff.Score{Person: m.ID, Category: categoryEnforce,
			Scores: map[string]decimal.Decimal{indicatorWork: work.Round(2), indicatorReview: review}})
	}
	for _, id := range slices.Sorted(maps.Keys(a.Reviews)) {
		if !seen[id] {
			errs = append(errs, fmt.Errorf("annual %d: review of %s, who is not enforcement staff", a.Year, id))
		}
	}
	return out, errors.Join(errs...)
}

// promote ranks the candidates for the post by the recommendation score
// and their joint annual total and selects the quota. The total counts as
// the joint round publishes it, rounded half up to 2 places, as
// jointScores takes the year's composite: each score then follows from
// the printed figures.
func (a *annual) promote(joint []staff.Appraised) ([]staff.Placement, error) {
	total := map[string]decimal.Decimal{}
	for _, x := range joint {
		total[x.Person] = x.Total.Round(2)
	}
	var cands []staff.Candidate
	var errs []error
	for _, id := range slices.Sorted(maps.Keys(a.Promotion.Candidates)) {
		rec := a.Promotion.Candidates[id]
		t, ok := total[id]
		if !ok {
			errs = append(errs, fmt.Errorf("annual %d: candidate %s has no annual assessment", a.Year, id))
			continue
		}
		cands = append(cands, staff.Candidate{ID: id, Post: a.Promotion.Post, Competition: rec, Years: []decimal.Decimal{t}})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return staff.Select(cands, a.Promotion.Weights, map[string]int{a.Promotion.Post: a.Promotion.Quota})
}

// totals says how the joint round blends each category's total: one
// formula when every category weighs alike ("总分 = 实绩×0.6 + 民主测评×0.4"),
// else one per category, the heaviest indicator first.
func (a *annual) totals() string {
	var each []string
	alike := true
	for i, c := range a.Appraisal.Categories {
		var parts []string
		for _, k := range indicators(c.Weights) {
			parts = append(parts, k+"×"+c.Weights[k].String())
		}
		each = append(each, strings.Join(parts, " + "))
		alike = alike && each[i] == each[0]
	}
	if alike && len(each) > 0 {
		return "总分 = " + each[0]
	}
	for i, c := range a.Appraisal.Categories {
		each[i] = c.Code + "总分 = " + each[i]
	}
	return strings.Join(each, "，")
}

// annual prints the joint annual assessment and the recommendations.
func (p *printer) annual(a *annual, e scoring.Evaluator) error {
	year, err := yearScores(e, p.staff, a.Year)
	if err != nil {
		return err
	}
	scores, err := a.jointScores(p.staff, year)
	if err != nil {
		return err
	}
	joint, err := a.Appraisal.Appraise(scores)
	if err != nil {
		return fmt.Errorf("annual %d: %w", a.Year, err)
	}
	names := map[string][2]string{}
	for _, c := range a.Cadres {
		names[c.ID] = [2]string{c.Name, p.unitName(c.Unit)}
	}
	for _, m := range p.staff {
		names[m.ID] = [2]string{m.Name, p.unitName(m.Unit)}
	}
	p.printf("  执法人员年度考核与街道干部年度考核一并开展：%d年度（同一轮次、同一等次标准；%s；%s；执法人员实绩为全年任务评价综合得分）\n",
		a.Year, a.totals(), cutoffs("总分", a.Appraisal.Scale))
	t := texttable.New("类别", ">类内排名", "姓名", "单位", ">实绩", ">民主测评", ">总分", "等次")
	for _, x := range joint {
		g, _ := a.Appraisal.Scale.Grade(x.Grade)
		n := names[x.Person]
		t.Add(x.Category, fmt.Sprint(x.Rank), n[0], n[1], texttable.Exact(x.Scores[indicatorWork], 2),
			texttable.Exact(x.Scores[indicatorReview], 2), x.Total.StringFixed(2), g.Label)
	}
	t.Write(p.w, "    ")
	places, err := a.promote(joint)
	if err != nil {
		return err
	}
	w := a.Promotion.Weights
	p.printf("  向区委提出选拔任用评价意见：%s，推荐 %d 人（推荐评价×%s + %d年度考核总分×%s）\n",
		a.Promotion.Post, a.Promotion.Quota, w[staff.CompetitionPart], a.Year, w[staff.YearPart(1)])
	t = texttable.New(">排名", "姓名", ">推荐评价", ">年度考核", ">得分", "意见")
	for _, pl := range places {
		verdict := ""
		if pl.Selected {
			verdict = "推荐提任"
		}
		t.Add(fmt.Sprint(pl.Rank), names[pl.Candidate.ID][0], texttable.Exact(pl.Candidate.Competition, 2),
			texttable.Exact(pl.Candidate.Years[0], 2), pl.Total.StringFixed(2), verdict)
	}
	t.Write(p.w, "    ")
	return nil
}
