package main

import (
	"strconv"

	"github.com/qingdan/qingdan/accountability"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/examples/internal/texttable"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/staff"
	"github.com/shopspring/decimal"
)

// The indicators of the monthly appraisal by post category.
const (
	indicatorEvaluation = "evaluation" // the month's composite of the task evaluations
	indicatorWorkload   = "workload"   // tasks done, against the busiest of the same post
)

// monthlyAppraisal returns how 沙塘路街道 rates the daily performance
// (日常表现) of the dispatched agencies' cadres for its regular feedback to
// the district's party committee (定期向区委反馈): within each post category,
// the month's composite counts 80% and the workload 20%; the total is
// graded on the staff scale 优秀 (90 and above), 称职 (75), 基本称职 (60) and
// 不称职. The weights and the monthly cadence are illustrative: the source
// says only that the feedback is regular.
func monthlyAppraisal(posts []string) *staff.Appraisal {
	a := &staff.Appraisal{Scale: scoring.Scale{
		{Code: "excellent", Label: "优秀", Points: decimal.NewFromInt(90)},
		{Code: "competent", Label: "称职", Points: decimal.NewFromInt(75)},
		{Code: "basic", Label: "基本称职", Points: decimal.NewFromInt(60)},
		{Code: "incompetent", Label: "不称职", Points: decimal.Zero},
	}}
	for _, p := range posts {
		a.Categories = append(a.Categories, staff.PostCategory{
			Code: p,
			Name: p,
			Weights: assessment.Weights{
				indicatorEvaluation: decimal.RequireFromString("0.8"),
				indicatorWorkload:   decimal.RequireFromString("0.2"),
			},
		})
	}
	return a
}

// staffScores turns a month's scores into each member's indicator scores:
// the composite as it is, and the workload as the member's tasks against
// the most any member of the same post did, out of 100, rounded half up to
// 2 places. Members with no evaluation in the month are left out.
func staffScores(members []member, month []scoring.Score) []staff.Score {
	bySubject := map[string]scoring.Score{}
	for _, s := range month {
		bySubject[s.Subject] = s
	}
	most := map[string]int{}
	for _, m := range members {
		if s, ok := bySubject[m.ID]; ok {
			most[m.Post] = max(most[m.Post], s.Matters)
		}
	}
	var out []staff.Score
	for _, m := range members {
		s, ok := bySubject[m.ID]
		if !ok || most[m.Post] == 0 {
			continue
		}
		workload := decimal.NewFromInt(int64(s.Matters)*100).DivRound(decimal.NewFromInt(int64(most[m.Post])), 2)
		out = append(out, staff.Score{
			Person:   m.ID,
			Category: m.Post,
			Scores: map[string]decimal.Decimal{
				indicatorEvaluation: s.Composite,
				indicatorWorkload:   workload,
			},
		})
	}
	return out
}

// appraisal prints the personnel-participation power at work: the
// month's feedback to the district on the dispatched cadres' daily
// performance, the joint annual assessment and the recommendations.
func (p *printer) appraisal(reg *accountability.Register, year *annual, e *PostEvaluator, month []scoring.Score) error {
	for _, pw := range reg.Powers {
		if pw.Grant != nil {
			p.printf("六、考核机制（%s：%s；%s）\n", p.unitName(pw.Subject), pw.Name, pw.Grant.Scope)
		}
	}
	a := monthlyAppraisal(postOrder(e))
	res, err := a.Appraise(staffScores(p.staff, month))
	if err != nil {
		return err
	}
	p.printf("  定期向区委反馈派驻机构干部日常表现（本月；按岗位类别排名：任务评价×80%% + 工作量×20%%；工作量为任务件数与同岗位最多者之比×100；%s）\n", cutoffs("总分", a.Scale))
	t := texttable.New("岗位类别", ">类内排名", "姓名", "派驻机构", ">任务评价", ">工作量", ">总分", "等次")
	for _, x := range res {
		m := p.member(x.Person)
		g, _ := a.Scale.Grade(x.Grade)
		t.Add(x.Category, strconv.Itoa(x.Rank), m.Name, p.unitName(m.Unit),
			x.Scores[indicatorEvaluation].StringFixed(2), x.Scores[indicatorWorkload].StringFixed(2),
			x.Total.StringFixed(2), g.Label)
	}
	t.Write(p.w, "    ")
	return p.annual(year, e)
}
