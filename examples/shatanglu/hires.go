package main

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/examples/internal/texttable"
	"github.com/qingdan/qingdan/staff"
)

// hires is the performance appraisal of the sub-district's own hired staff
// (街道原有聘用人员), data/hires.json: a quantitative appraisal by post
// category (分类量化考核) whose indicators are each category's work tasks
// (工作任务), with the month's scores.
type hires struct {
	Policy    string          `json:"policy"`
	Appraisal staff.Appraisal `json:"appraisal"`
	Hires     []member        `json:"hires"` // Post is a category of Appraisal
	Months    []hireMonth     `json:"months"`
}

// hireMonth is one month's scores of the hired staff.
type hireMonth struct {
	Month  string        `json:"month"` // YYYY-MM
	Scores []staff.Score `json:"scores"`
}

// indicators returns the indicators of w, the heaviest first, then by name.
func indicators(w assessment.Weights) []string {
	return slices.SortedFunc(maps.Keys(w), func(a, b string) int {
		if c := w[b].Cmp(w[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
}

// check reports every hire whose unit is not one of the sub-district's own
// bodies (a dispatched agency's staff are not its hires) or whose post is no
// category of the appraisal, every ID used twice and every score of a
// person who is not a hire or is scored in another category.
func (h *hires) check(p *printer) error {
	var errs []error
	post := map[string]string{}
	for i, m := range h.Hires {
		if _, ok := post[m.ID]; ok || m.ID == "" {
			errs = append(errs, fmt.Errorf("hires[%d] %s: ID %q empty or used twice", i, m.Name, m.ID))
		}
		post[m.ID] = m.Post
		if u, ok := p.unit(m.Unit); !ok || u.Parent != subdistrict || slices.Contains(agencies(p.units), u.ID) {
			errs = append(errs, fmt.Errorf("hires[%s] %s: unit %q is not a body of the sub-district", m.ID, m.Name, m.Unit))
		}
		if !slices.ContainsFunc(h.Appraisal.Categories, func(c staff.PostCategory) bool { return c.Code == m.Post }) {
			errs = append(errs, fmt.Errorf("hires[%s] %s: post %q is no category of the appraisal", m.ID, m.Name, m.Post))
		}
	}
	for _, mo := range h.Months {
		for _, s := range mo.Scores {
			if c, ok := post[s.Person]; !ok || c != s.Category {
				errs = append(errs, fmt.Errorf("hires: month %s: %s is no hire of category %q", mo.Month, s.Person, s.Category))
			}
		}
	}
	return errors.Join(errs...)
}

// hires prints the month's appraisal of the hired staff, category by
// category, or says that the month has none.
func (p *printer) hires(h *hires, month string) error {
	if err := h.check(p); err != nil {
		return err
	}
	p.printf("七、街道聘用人员绩效考核：%s（%s；按岗位类别、工作任务分类量化考核）\n", month, h.Policy)
	wt := texttable.New("岗位类别", "工作任务及权重")
	for _, c := range h.Appraisal.Categories {
		var parts []string
		for _, k := range indicators(c.Weights) {
			parts = append(parts, k+" "+c.Weights[k].String())
		}
		wt.Add(c.Code, strings.Join(parts, "、"))
	}
	p.table(wt)
	i := slices.IndexFunc(h.Months, func(m hireMonth) bool { return m.Month == month })
	if i < 0 {
		p.printf("  本月无考核记录\n")
		return nil
	}
	res, err := h.Appraisal.Appraise(h.Months[i].Scores)
	if err != nil {
		return fmt.Errorf("hires: month %s: %w", month, err)
	}
	byID := map[string]member{}
	for _, m := range h.Hires {
		byID[m.ID] = m
	}
	p.printf("  %s\n", cutoffs("总分", h.Appraisal.Scale))
	t := texttable.New("岗位类别", ">类内排名", "姓名", "所在机构", "各项得分", ">总分", "等次")
	for _, x := range res {
		m := byID[x.Person]
		g, _ := h.Appraisal.Scale.Grade(x.Grade)
		var parts []string
		for _, c := range h.Appraisal.Categories {
			if c.Code == x.Category {
				for _, k := range indicators(c.Weights) {
					parts = append(parts, k+" "+x.Scores[k].String())
				}
			}
		}
		t.Add(x.Category, fmt.Sprint(x.Rank), m.Name, p.unitName(m.Unit), strings.Join(parts, "、"), x.Total.StringFixed(2), g.Label)
	}
	p.table(t)
	return nil
}
