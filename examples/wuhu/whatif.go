package main

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/matters/workday"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/qingdan/qingdan/whatif"
)

// whatIfView is what another decision table would have done to the year
// (-whatif): every evaluation regraded from the year's journal, the
// recorded book left as it is. Changes are the evaluations whose grade
// changes, with the rule on each side; Subjects the departments and
// sub-districts whose composite or rank in the year changes.
type whatIfView struct {
	Policy      string                 `json:"policy"` // the what-if table's version
	Evaluations int                    `json:"evaluations"`
	Matters     int                    `json:"matters"` // the matters with a change
	Changes     []whatif.Change        `json:"changes"`
	Subjects    []whatif.SubjectChange `json:"subjects"`
}

// whatIfReport regrades the year under t, as a policy owner would from
// last year's journal: it writes the year's trail to a journal in memory
// and regrades it with whatif.RegradeJournal, the facts read off the
// journal's matters and completed, as the grading completed them, with
// the sub-district's quality judgements from the plans (judge), which the
// matters' events do not hold (the journal holds them too, in the facts
// recorded with each evaluation, which whatif.Recorded reads).
func whatIfReport(w *world, a *graded, t *scoring.Table) (report, error) {
	var log bytes.Buffer
	if _, err := writeTrail(&log, a); err != nil {
		return report{}, err
	}
	plans := make(map[string]*plan, len(a.year.plans))
	for _, p := range a.year.plans {
		plans[p.id] = p
	}
	base := whatif.FactsFor(workday.China(), a.lists.RouteOf)
	facts := func(m *matters.Matter, ev scoring.Evaluation) (scoring.Facts, error) {
		f, err := base(m, ev)
		if p := plans[ev.Matter]; err == nil && p != nil {
			judge(p, &f)
		}
		return f, err
	}
	out, err := whatif.RegradeJournal(&log, nil, facts, t, scoring.Year(w.city.Year))
	if err != nil {
		return report{}, fmt.Errorf("what-if under %s: %w", t.Version, err)
	}
	v := &whatIfView{Policy: t.Version, Evaluations: out.Book.Len(), Changes: out.Changes, Subjects: out.Subjects}
	for i, c := range v.Changes {
		if i == 0 || c.Matter != v.Changes[i-1].Matter {
			v.Matters++
		}
	}
	r := report{City: w.city.City, Year: w.city.Year, Policy: a.policy, Scale: a.scale, WhatIf: v,
		names: map[string]string{}, stages: map[string]int{}}
	for _, u := range w.units() {
		r.names[u.ID] = cmp.Or(u.Short, u.Name)
	}
	for _, m := range a.year.matters {
		r.stages[m.ID] = m.Stage
	}
	return r, nil
}

// writeWhatIf writes what the what-if table would change.
func writeWhatIf(b *strings.Builder, r report) {
	v := r.WhatIf
	name := func(id string) string { return cmp.Or(r.names[id], id) }
	fmt.Fprintf(b, "%s街道“吹哨报到” · %d 年评价表试算\n", r.City, r.Year)
	fmt.Fprintf(b, "记录的评价表 %s，试算的评价表 %s：从全年留痕重评 %d 次评价，记录不变\n", r.Policy, v.Policy, v.Evaluations)
	fmt.Fprintf(b, "等次变化 %d 次，涉及事项 %d 件；综合评分或排名变化的单位 %d 个\n", len(v.Changes), v.Matters, len(v.Subjects))
	if len(v.Subjects) > 0 {
		b.WriteString("\n综合评分或排名变化的单位（全年，部门与街道一并排名，按记录的排名）\n")
		t := table{align: "lrrrr"}
		t.add("单位", "记录评分", "排名", "试算评分", "排名")
		byRank := slices.Clone(v.Subjects)
		slices.SortStableFunc(byRank, func(x, y whatif.SubjectChange) int { return cmp.Compare(x.Old.Rank, y.Old.Rank) })
		for _, s := range byRank {
			t.add(name(s.Subject), s.Old.Composite.StringFixed(2), strconv.Itoa(s.Old.Rank), s.New.Composite.StringFixed(2), strconv.Itoa(s.New.Rank))
		}
		b.WriteString(t.String())
	}
	if len(v.Changes) == 0 {
		return
	}
	b.WriteString("\n等次变化的评价（记录 → 试算，括号内为命中的规则）\n")
	t := table{align: "lllll"}
	for _, c := range v.Changes {
		stage := "办结评价"
		if c.Stage > 0 && c.Stage <= r.stages[c.Matter] {
			stage = fmt.Sprintf("第 %d 阶段", c.Stage)
		}
		t.add(c.Matter, name(c.Subject), stage, grade(r.Scale, c.Old), "→ "+grade(r.Scale, c.New))
	}
	b.WriteString(t.String())
}

// grade writes a result as its grade's label and the rule that gave it,
// in Chinese as qingdan whatif writes it: 较好（规则 9「按时」）.
func grade(s scoring.Scale, res scoring.Result) string {
	g, _ := s.Grade(res.Grade)
	rule := ""
	if len(res.Reasons) > 0 {
		r := res.Reasons[0]
		rule = reason.Reason{Rule: r.Rule, Name: r.Name}.In(reason.Chinese)
	}
	return cmp.Or(g.Label, res.Grade) + "（" + rule + "）"
}
