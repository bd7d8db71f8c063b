package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/texttable"
	"github.com/qingdan/qingdan/locality/shatanglu"
	"github.com/qingdan/qingdan/matters"
	"github.com/qingdan/qingdan/scoring"
)

// subdistrict is the ID of 沙塘路街道 in the unit data.
const subdistrict = "STL"

// printer prints the program's sections.
type printer struct {
	w        io.Writer
	units    []accountability.Unit
	staff    []member
	assessor string // the unit that appraises the dispatched agencies (考评)
}

func (p *printer) printf(format string, args ...any) { fmt.Fprintf(p.w, format, args...) }

func (p *printer) table(t *texttable.Table) { t.Write(p.w, "  ") }

// unitName returns the name of the unit with the given ID, or the ID.
func (p *printer) unitName(id string) string {
	if u, ok := p.unit(id); ok {
		return u.Name
	}
	return id
}

// member returns the staff member with the given ID.
func (p *printer) member(id string) member {
	for _, m := range p.staff {
		if m.ID == id {
			return m
		}
	}
	return member{ID: id, Name: id}
}

func (p *printer) layout() {
	tpl := shatanglu.Template()
	p.printf("%s（马鞍山市花山区）\n\n", p.unitName(subdistrict))
	p.printf("一、机构设置（模板：%s）\n", tpl.Name)
	t := texttable.New("编号", "名称", "类别", "说明")
	offices, centers, selfSet, agencies := 0, 0, 0, 0
	for _, u := range p.units {
		if u.Parent != subdistrict {
			continue
		}
		note := ""
		switch {
		case u.SelfSet:
			note = "自设机构"
			selfSet++
		case u.Kind == accountability.Agency:
			note = "派驻机构，由街道统一领导、协调调度"
			agencies++
		case u.Kind == accountability.Office:
			offices++
		case u.Kind == accountability.Center:
			centers++
		}
		t.Add(u.ID, u.Name, u.Kind.Label(), note)
	}
	p.table(t)
	if fs := tpl.Check(p.units, subdistrict); len(fs) == 0 {
		p.printf("  模板检查：符合（%d 个办公室、%d 个中心、%d 个自设机构）；派驻机构 %d 个\n\n", offices, centers, selfSet, agencies)
	} else {
		p.printf("  模板检查：%d 个问题\n", len(fs))
		for _, f := range fs {
			p.printf("    %s %s：%s（%s）\n", f.Severity.Label(), f.Path, f.Message, f.Rule)
		}
		p.printf("\n")
	}
}

func (p *printer) names(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = p.unitName(id)
	}
	return strings.Join(out, "、")
}

func (p *printer) keyTasks(ts matters.KeyTasks) error {
	if err := ts.Validate(); err != nil {
		return fmt.Errorf("key tasks: %w", err)
	}
	p.printf("二、重点任务清单：%d 项（项目化推进，每项职能明确牵头与配合单位）\n", len(ts))
	for _, kt := range ts {
		p.printf("  %s %s（统筹：%s）\n", kt.ID, kt.Name, p.unitName(kt.Owner))
		t := texttable.New("职能", "牵头", "配合")
		for _, f := range kt.Functions {
			t.Add(f.Name, p.unitName(f.Lead), p.names(f.Support))
		}
		t.Write(p.w, "    ")
	}
	p.printf("  按单位列出：\n")
	t := texttable.New("单位", "牵头", "配合")
	for _, u := range ts.Units() {
		var lead, support []string
		for _, a := range ts.For(u) {
			s := a.Task + " " + a.Function
			if a.Role == matters.Leading {
				lead = append(lead, s)
			} else {
				support = append(support, s)
			}
		}
		t.Add(p.unitName(u), strings.Join(lead, "；"), strings.Join(support, "；"))
	}
	t.Write(p.w, "    ")
	p.printf("\n")
	return nil
}

var weekdays = [...]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// gradeCounts returns the number of evaluations of each grade over scores,
// in the order of the scale.
func gradeCounts(scale scoring.Scale, scores []scoring.Score) []string {
	out := make([]string, len(scale))
	for i, g := range scale {
		n := 0
		for _, s := range scores {
			n += s.Grades[g.Code]
		}
		out[i] = strconv.Itoa(n)
	}
	return out
}

func (p *printer) reviews(e *PostEvaluator, book *scoring.Book, days []time.Time, tasks []task) error {
	if len(days) == 0 {
		return nil
	}
	first := days[0]
	scale := e.Scale
	month := scoring.Month(first.Year(), first.Month())
	monthScores := book.Scores(month)
	done := 0
	for _, s := range monthScores {
		done += s.Matters
	}
	p.printf("三、派驻人员任务评价与重点任务调度：%d年%d月（工作日 %d 天，任务 %d 件，%d 人）\n",
		first.Year(), first.Month(), len(days), done, len(monthScores))
	cuts := taskCutoffs()
	for i, c := range cuts {
		g, _ := scale.Grade(c.Code) // Validate has checked the scale has it
		cuts[i].Label = g.Label
	}
	p.printf("  评价办法：%s；量化得分 %s\n", e.Policy, cutoffList(cuts))
	wt := texttable.New("岗位类别", ">响应", ">办结", ">质量", ">满意")
	for _, post := range postOrder(e) {
		w := e.Posts[post]
		wt.Add(post, w.Response.String(), w.Resolution.String(), w.Quality.String(), w.Satisfaction.String())
	}
	p.table(wt)
	if len(tasks) > 0 {
		f := tasks[0].facts
		r, err := e.Evaluate(f)
		if err != nil {
			return err
		}
		g, _ := scale.Grade(r.Grade)
		m := p.member(f.Subject)
		p.printf("  评价示例：%s %s（%s，%s）%s → %s %s 分\n", f.Matter, m.Name, p.unitName(m.Unit), m.Post, f.Type, g.Label, r.Points)
		for _, why := range r.Reasons[1:] {
			p.printf("    %s\n", why)
		}
	}
	p.printf("\n")

	// 日碰头: one line a working day.
	p.printf("  日碰头（每个工作日，派驻人员当日任务）\n")
	heads := []string{"日期", "星期", ">任务"}
	for _, g := range scale {
		heads = append(heads, ">"+g.Label)
	}
	heads = append(heads, "当日得分最低")
	dt := texttable.New(heads...)
	for _, d := range days {
		scores := book.Scores(scoring.Day(d))
		n := 0
		for _, s := range scores {
			n += s.Matters
		}
		wd := weekdays[d.Weekday()]
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			wd += "（调休上班）"
		}
		row := []string{d.Format("01-02"), wd, strconv.Itoa(n)}
		row = append(row, gradeCounts(scale, scores)...)
		if low := lowest(scores); len(low) > 0 {
			names := make([]string, len(low))
			for i, s := range low {
				names[i] = p.member(s.Subject).Name
			}
			row = append(row, fmt.Sprintf("%s %s", strings.Join(names, "、"), low[0].Composite.StringFixed(2)))
		}
		dt.Add(row...)
	}
	dt.Write(p.w, "    ")
	p.printf("\n")

	// 周调度: each member's composite and rank, week by week.
	var weeks []scoring.Period
	for _, d := range days {
		if w := scoring.Week(d); len(weeks) == 0 || !weeks[len(weeks)-1].From.Equal(w.From) {
			weeks = append(weeks, w)
		}
	}
	p.printf("  周调度（各周综合得分，括号内为周排名）\n")
	heads = []string{"姓名", "派驻机构"}
	byWeek := make([]map[string]scoring.Score, len(weeks))
	for i, w := range weeks {
		heads = append(heads, ">"+w.From.Format("01-02")+"起")
		byWeek[i] = map[string]scoring.Score{}
		for _, s := range book.Scores(w) {
			byWeek[i][s.Subject] = s
		}
	}
	wk := texttable.New(heads...)
	for _, m := range p.staff {
		row := []string{m.Name, p.unitName(m.Unit)}
		for i := range weeks {
			if s, ok := byWeek[i][m.ID]; ok {
				row = append(row, fmt.Sprintf("%s(%d)", s.Composite.StringFixed(2), s.Rank))
			} else {
				row = append(row, "—")
			}
		}
		wk.Add(row...)
	}
	wk.Write(p.w, "    ")
	p.printf("\n")

	// 月点评: the month's ranking.
	p.printf("  月点评（%d年%d月综合排名）\n", first.Year(), first.Month())
	heads = []string{">排名", "姓名", "派驻机构", "岗位类别", ">任务", ">综合得分"}
	for _, g := range scale {
		heads = append(heads, ">"+g.Label)
	}
	mt := texttable.New(heads...)
	for _, s := range monthScores {
		m := p.member(s.Subject)
		row := []string{strconv.Itoa(s.Rank), m.Name, p.unitName(m.Unit), m.Post, strconv.Itoa(s.Matters), s.Composite.StringFixed(2)}
		for _, g := range scale {
			row = append(row, strconv.Itoa(s.Grades[g.Code]))
		}
		mt.Add(row...)
	}
	mt.Write(p.w, "    ")
	return nil
}

// lowest returns the scores, in Book.Scores order, that share the last
// rank: everyone with the lowest composite, rounded as it is printed.
func lowest(scores []scoring.Score) []scoring.Score {
	if len(scores) == 0 {
		return nil
	}
	last := scores[len(scores)-1].Rank
	i := len(scores) - 1
	for i > 0 && scores[i-1].Rank == last {
		i--
	}
	return scores[i:]
}

// postOrder returns the post categories the evaluator knows, in the order
// the sub-district lists them.
func postOrder(e *PostEvaluator) []string {
	order := []string{"执法岗", "监管岗", "法律服务岗", "警务岗"}
	var out []string
	for _, p := range order {
		if _, ok := e.Posts[p]; ok {
			out = append(out, p)
		}
	}
	return out
}

// unit returns the unit with the given ID.
func (p *printer) unit(id string) (accountability.Unit, bool) {
	for _, u := range p.units {
		if u.ID == id {
			return u, true
		}
	}
	return accountability.Unit{}, false
}
