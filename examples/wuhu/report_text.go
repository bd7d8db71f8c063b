package main

// The report written as text, for a person to read (the default; -json
// writes the report itself).

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qingdan/qingdan/assessment"
	"github.com/qingdan/qingdan/indicators"
	"github.com/qingdan/qingdan/internal/jsonx"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
	"github.com/qingdan/qingdan/scoring/reason"
	"github.com/shopspring/decimal"
)

// writeText writes the report for a person to read.
func writeText(out io.Writer, r report) error {
	var b strings.Builder
	switch {
	case r.Matter != nil:
		writeMatter(&b, r)
	case r.WhatIf != nil:
		writeWhatIf(&b, r)
	case r.Month != nil:
		writeMonth(&b, r)
	default:
		writeAnnual(&b, r)
	}
	if j := r.Journal; j != nil {
		fmt.Fprintf(&b, "\n审计留痕：journal %s 共 %d 条（事件 %d 条，评价 %d 次）\n", j.File, j.Entries, j.Events, j.Evaluations)
		fmt.Fprintf(&b, "末条哈希 %s（记入年末综合评分会议纪要）\n", j.Head)
		fmt.Fprintf(&b, "默克尔树根 %s（签名为检查点后公布）\n", j.Root)
	}
	_, err := io.WriteString(out, b.String())
	return err
}

// writeAnnual writes the annual report.
func writeAnnual(b *strings.Builder, r report) {
	s, f := r.Summary, r.Figures
	fmt.Fprintf(b, "%s街道“吹哨报到” · %d 年一事一评年度报告\n", r.City, r.Year)
	b.WriteString("（合成数据：按芜湖市公开数字校准，固定种子，每次运行结果相同）\n\n")
	sum := table{align: "lrlrlr"}
	sum.add("受理", strconv.Itoa(s.Received)+" 件", "已办结", strconv.Itoa(s.Resolved)+" 件", "办结率", s.ResolutionRate.StringFixed(4))
	if x := r.Rates; x != nil {
		sum.add("街道评价", strconv.Itoa(x.Street.Den)+" 次", "满意", strconv.Itoa(x.Street.Num)+" 次", "街道满意率", ratio(x.Street))
	}
	sum.add("市民回访", strconv.Itoa(s.Surveyed)+" 件", "满意", strconv.Itoa(s.Satisfied)+" 件", "回访满意率", s.SatisfactionRate.StringFixed(4))
	b.WriteString(sum.String())
	fmt.Fprintf(b, "（受理：街道在数字化城管平台吹哨的事项；街道满意率：街道对部门办理的评价为“%s”的份额；催办 %d 件，督办 %d 件）\n",
		strings.Join(r.satisfied, "”“"), s.Urged, s.Supervised)
	fmt.Fprintf(b, "\n部门年度考核 = 街道评分（一事一评综合评分）× %s + 其他考核 × %s\n评价表 %s\n\n",
		percent(r.Weights[assessment.SubdistrictPart]), percent(r.Weights["department"]), r.Policy)
	t := table{align: "rlrr" + strings.Repeat("r", len(r.Scale)) + "rrrrrrr"}
	t.add(slices.Concat([]string{"排名", "部门", "事项", "评价"}, gradeHeads(r.Scale), []string{"街道评分"}, rateHeads, []string{"其他考核", "年度考核"})...)
	for _, d := range r.Departments {
		t.add(slices.Concat([]string{strconv.Itoa(d.Rank), d.Short, strconv.Itoa(d.Matters), strconv.Itoa(d.Evaluations)},
			gradeCells(r.Scale, d.Grades), []string{d.Composite.StringFixed(2)}, rateCells(d.row),
			[]string{d.Other.StringFixed(2), d.Total.StringFixed(3)})...)
	}
	b.WriteString(t.String())
	fmt.Fprintf(b, "（%s；年度考核 = 所列街道评分与其他考核按权重精确相加，不再舍入）\n", compositeRule("街道评分", "本年"))
	fmt.Fprintf(b, "（响应率、解决率、满意率：本年受理事项中各部门的份额，按回访答复计；指数 = %s）\n", indexFormula(r.Index))
	if len(r.Streets) > 0 {
		b.WriteString("\n巢湖 91580 热线双向派单机制（示例）：热线对街道的评价（热线转派街道、由街道承办的事项，不计入受理，一事一评）\n")
		st := table{align: "rlrr" + strings.Repeat("r", len(r.Scale)) + "r"}
		st.add(slices.Concat([]string{"排名", "街道", "事项", "评价"}, gradeHeads(r.Scale), []string{"综合评分"})...)
		for _, d := range r.Streets {
			st.add(slices.Concat([]string{strconv.Itoa(d.Rank), d.Short, strconv.Itoa(d.Matters), strconv.Itoa(d.Evaluations)},
				gradeCells(r.Scale, d.Grades), []string{d.Composite.StringFixed(2)})...)
		}
		b.WriteString(st.String())
	}
	b.WriteByte('\n')
	b.WriteString("以下计数含巢湖 91580 热线双向派单机制（示例）的事项：\n")
	fmt.Fprintf(b, "统筹（多部门）%d 件 · 回访不满意重办 %d 件 · 分时段评价 %d 件（阶段评价 %d 次）\n", f.Coordinated, f.Reopened, f.Staged, f.StageEvaluations)
	fmt.Fprintf(b, "挂起 %d 件 · 延期 %d 件（均经派单方批准）· 驳回申请 %d 次：挂起 %d、延期 %d、退单 %d\n",
		f.Suspended, f.Extended, f.Denied, f.SuspendDenied, f.ExtendDenied, f.Returned)
	fmt.Fprintf(b, "每小时督办扫描：催办 %d 件 · 督办 %d 件，其中升级督办 %d 件\n", f.Urged, f.Supervised, f.Escalated)
	fmt.Fprintf(b, "部门评价 %d 次 · 热线评价街道 %d 次 · 超期办结 %d 件 · 年末在办 %d 件，其中超期 %d 件\n",
		f.Evaluations, f.StreetGrades, f.Overdue, f.Open, f.OpenOverdue)
	fmt.Fprintf(b, "巢湖 91580 热线双向派单机制（示例，另计，不计入受理）%d 件：转派街道 %d 件，直派部门 %d 件，街道以准入清单退回、热线改派 %d 件 · 点对点答复 %d 件 · 回访超时 %d 件\n",
		f.Hotline, f.Hotline-f.Assigned-f.SentBack, f.Assigned, f.SentBack, f.Replied, f.LateVisits)
	fmt.Fprintf(b, "街道自行处置（未吹哨，不计入受理）%d 件\n", f.Unwhistled)
	var top []string
	for _, tc := range r.Types[:min(5, len(r.Types))] {
		top = append(top, fmt.Sprintf("%s %d", tc.Type, tc.Count))
	}
	fmt.Fprintf(b, "受理最多：%s\n", strings.Join(top, " · "))
	if r.Example != "" {
		fmt.Fprintf(b, "\n看一件事项的全过程：go run ./examples/wuhu -matter %s\n", r.Example)
	}
	for _, x := range []struct{ key, what string }{
		{"escalated", "升级督办"}, {"sentBack", "街道退回热线改派"}, {"extended", "批准延期"}, {"denied", "驳回挂起"},
	} {
		if id := r.Examples[x.key]; id != "" {
			fmt.Fprintf(b, "看%s：go run ./examples/wuhu -matter %s\n", x.what, id)
		}
	}
}

// writeMatter writes one matter's history and its evaluations.
func writeMatter(b *strings.Builder, r report) {
	v, m := r.Matter, r.Matter.Matter
	name := func(id string) string { return cmp.Or(r.names[id], id) }
	fmt.Fprintf(b, "%s %s · %s · %s\n", m.ID, m.Type, name(m.Owner), m.State.Label())
	if v.Hotline {
		b.WriteString("巢湖 91580 热线双向派单机制（示例）：热线事项另计，不计入受理\n")
	}
	if m.Platform != "" {
		fmt.Fprintf(b, "%s转派街道（回访由热线进行）\n", name(m.Platform))
	}
	if m.Supervisor != "" {
		fmt.Fprintf(b, "督办单位：%s\n", name(m.Supervisor))
	}
	fmt.Fprintf(b, "基层治理事项清单：牵头 %s", name(v.Route.Lead))
	if len(v.Route.Support) > 0 {
		var s []string
		for _, u := range v.Route.Support {
			s = append(s, name(u))
		}
		fmt.Fprintf(b, "，配合 %s", strings.Join(s, "、"))
	}
	fmt.Fprintf(b, "；应哨时限 %s，办结时限 %d 个工作日\n\n", v.Route.Respond, v.Route.ResolveDays)
	t := table{align: "rllll"}
	for _, e := range m.Events {
		note := e.Note
		switch e.Kind {
		case matters.Dispatch:
			var s []string
			for _, u := range e.Units {
				s = append(s, name(u))
			}
			note += "：" + strings.Join(s, "、")
			if e.Override != "" {
				note += "（偏离清单：" + e.Override + "）"
			}
		case matters.Approve, matters.Deny:
			if e.Ref >= 1 && e.Ref <= len(m.Events) {
				note = fmt.Sprintf("第 %d 条%s申请：%s", e.Ref, m.Events[e.Ref-1].Kind.Label(), note)
			}
		case matters.Feedback:
			if e.Ref > 0 {
				note = fmt.Sprintf("更正第 %d 条回访：%s", e.Ref, note)
			}
		}
		t.add(strconv.Itoa(e.Seq), e.At.In(cst).Format("2006-01-02 15:04"), e.Kind.Label(), name(e.Actor), note)
	}
	b.WriteString(t.String())
	if len(v.Evaluations) == 0 {
		b.WriteString("\n尚未评价。\n")
		return
	}
	fmt.Fprintf(b, "\n一事一评（评价表 %s）\n", r.Policy)
	t = table{align: "llll"}
	for _, e := range v.Evaluations {
		stage := "办结评价"
		if e.Stage > 0 && e.Stage <= m.Stage {
			stage = fmt.Sprintf("第 %d 阶段", e.Stage)
		}
		g, _ := r.Scale.Grade(e.Result.Grade)
		t.add(stage, name(e.Subject), cmp.Or(g.Label, e.Result.Grade)+" "+e.Result.Points.String(), reasonsText(e.Result.Reasons))
	}
	b.WriteString(t.String())
}

// reasonsText writes reasons in Chinese, as qingdan whatif does, joined
// by "；".
func reasonsText(rs []reason.Reason) string {
	texts := make([]string, len(rs))
	for i, r := range rs {
		texts[i] = r.In(reason.Chinese)
	}
	return strings.Join(texts, "；")
}

// writeMonth writes a month's review.
func writeMonth(b *strings.Builder, r report) {
	v := r.Month
	fmt.Fprintf(b, "%s街道“吹哨报到” · %s 月点评（一事一评）\n", r.City, v.Month)
	fmt.Fprintf(b, "本月吹哨 %d 件 · 本月办结 %d 件 · 本月评价 %d 次；评价表 %s\n\n", v.Whistled, v.Resolved, v.Evaluations, r.Policy)
	if len(v.Departments) == 0 {
		b.WriteString("本月没有评价。\n")
		return
	}
	t := table{align: "rlrr" + strings.Repeat("r", len(r.Scale)) + "rrrrr"}
	t.add(slices.Concat([]string{"排名", "部门", "事项", "评价"}, gradeHeads(r.Scale), []string{"综合评分"}, rateHeads)...)
	for _, d := range v.Departments {
		t.add(slices.Concat([]string{strconv.Itoa(d.Rank), d.Short, strconv.Itoa(d.Matters), strconv.Itoa(d.Evaluations)},
			gradeCells(r.Scale, d.Grades), []string{d.Composite.StringFixed(2)}, rateCells(d))...)
	}
	b.WriteString(t.String())
	fmt.Fprintf(b, "（%s）\n", compositeRule("综合评分", "本月"))
	fmt.Fprintf(b, "（响应率、解决率、满意率：本月受理事项中各部门的份额，— 为本月无可计；指数 = %s）\n", indexFormula(r.Index))
	writeRanking(b, r)
}

// compositeRule says how a department's composite (named head in the
// table) over a period (when: 本年, 本月) is found, as scoring.Score's
// doc says, so that a reader who averages the grade counts evaluation by
// evaluation is not left with another figure: a matter graded in stages
// counts once, as the mean of its evaluations.
func compositeRule(head, when string) string {
	return fmt.Sprintf("%s = %s各事项得分的平均，四舍五入保留 2 位；事项得分为该事项%s各次评价（含分时段的阶段评价）的平均，而非各等次按评价次数平均", head, when, when)
}

// rateHeads are the heads of the rate columns; rateCells their cells.
var rateHeads = []string{"响应率", "解决率", "满意率", "指数"}

func rateCells(d row) []string {
	if d.Rates == nil {
		return []string{"—", "—", "—", "—"}
	}
	return []string{ratio(d.Rates.Response), ratio(d.Rates.Resolution), ratio(d.Rates.Satisfaction), index(d.Index)}
}

// indexFormula writes the index's weights, which are data/indicators.json's
// and not the source's: "响应率 × 30% + 解决率 × 35% + 满意率 × 35%，权重为示例".
func indexFormula(w assessment.Weights) string {
	return fmt.Sprintf("响应率 × %s + 解决率 × %s + 满意率 × %s，权重为示例", percent(w[indicators.ResponsePart]),
		percent(w[indicators.ResolutionPart]), percent(w[indicators.SatisfactionPart]))
}

// writeRanking writes a month's class ranking with its red and black
// lists and each department's move since the month before.
func writeRanking(b *strings.Builder, r report) {
	v := r.Month
	fmt.Fprintf(b, "\n分类排名（示例的类别与红黑榜：按综合评分，%s；与上月比）\n", listsNote(r.lists))
	t := table{align: "llrrll"}
	t.add("类别", "部门", "名次", "综合评分", "变化", "榜单")
	var red, black []string
	for _, s := range v.Ranking {
		list := ""
		switch {
		case s.Red:
			list = "红榜"
			red = append(red, r.names[s.Subject])
		case s.Black:
			list = "黑榜"
			black = append(black, r.names[s.Subject])
		}
		t.add(s.Class, r.names[s.Subject], fmt.Sprintf("%d/%d", s.Rank, s.Of), s.Value.StringFixed(2), s.Movement(), list)
	}
	b.WriteString(t.String())
	fmt.Fprintf(b, "\n红榜：%s · 黑榜：%s\n", cmp.Or(strings.Join(red, "、"), "无"), cmp.Or(strings.Join(black, "、"), "无"))
}

// listsNote says who goes on the red and black lists of each class, as
// the lists of data/indicators.json say: "各类第一上红榜、末位上黑榜" for
// the first and the last of each.
func listsNote(l indicators.Lists) string {
	var lists []string
	for _, x := range []struct {
		n                      int
		bound                  *decimal.Decimal
		one, some, than, which string
	}{
		{l.Top, l.RedAtLeast, "第一", "前 %d 名", "不低于", "红榜"},
		{l.Bottom, l.BlackBelow, "末位", "后 %d 名", "低于", "黑榜"},
	} {
		var who []string
		switch {
		case x.n == 1:
			who = append(who, x.one)
		case x.n > 1:
			who = append(who, fmt.Sprintf(x.some, x.n))
		}
		if x.bound != nil {
			who = append(who, "综合评分"+x.than+" "+jsonx.FormatDecimal(*x.bound)+" 分")
		}
		if len(who) > 0 {
			lists = append(lists, strings.Join(who, "或")+"上"+x.which)
		}
	}
	if len(lists) == 0 {
		return "不设红黑榜"
	}
	return "各类" + strings.Join(lists, "、")
}

// percent writes a weight such as 0.3 as "30%".
func percent(w decimal.Decimal) string { return w.Shift(2).String() + "%" }

// within reports whether t falls in p: From ≤ t < To.
func within(p scoring.Period, t time.Time) bool { return !t.Before(p.From) && t.Before(p.To) }
