package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/texttable"
	"github.com/qingdan/qingdan/locality/chaohu"
)

// report prints the sections of the program's output about one register.
// lead, when set, is the sub-district's leading team, which the layout's
// notes on dispatched agencies come from; pub, when set, the city's
// published figures, which the lists are set against.
type report struct {
	w    io.Writer
	reg  *accountability.Register
	lead *leadership
	pub  *published
}

func (r *report) printf(format string, args ...any) { fmt.Fprintf(r.w, format, args...) }

func (r *report) table(t *texttable.Table) { t.Write(r.w, "  ") }

// unitName returns the name of the unit with the given ID, or the ID itself
// when no unit has it (a boundary may name a body outside the register).
func (r *report) unitName(id string) string {
	for _, u := range r.reg.Units {
		if u.ID == id {
			return u.Name
		}
	}
	return id
}

func (r *report) flow(id string) *accountability.Flow {
	for i := range r.reg.Flows {
		if r.reg.Flows[i].ID == id {
			return &r.reg.Flows[i]
		}
	}
	return nil
}

func (r *report) title() {
	r.printf("%s 两单一图一点（%s 版）\n\n", r.reg.Org, r.reg.Version)
}

// subdistrict returns the ID of the register's sub-district: its first unit
// of kind Subdistrict.
func (r *report) subdistrict() string {
	for _, u := range r.reg.Units {
		if u.Kind == accountability.Subdistrict {
			return u.ID
		}
	}
	return ""
}

// agencyNote describes a dispatched agency in the layout: whether its head
// sits on the 党工委 (不分工、不占职数) and whether the sub-district manages
// it locally (属地化管理), as the leading team's data says.
func (r *report) agencyNote(id string) string {
	note := "派驻机构"
	if r.lead == nil {
		return note
	}
	if slices.ContainsFunc(r.lead.Members, func(m member) bool { return m.From == id }) {
		note += "，负责人兼任街道党工委委员，不分工、不占职数"
	}
	if slices.ContainsFunc(r.lead.Localized, func(x localized) bool { return x.Unit == id }) {
		note += "，属地化管理"
	}
	return note
}

// layout prints the sub-district's bodies and the findings of the city's
// template over them, and returns those findings.
func (r *report) layout() accountability.Findings {
	tpl := chaohu.Template()
	sd := r.subdistrict()
	r.printf("一、机构设置（模板：%s）\n", tpl.Name)
	t := texttable.New("编号", "名称", "类别", "说明")
	for _, u := range r.reg.Units {
		if u.Parent != sd || u.ID == sd {
			continue
		}
		note := ""
		switch {
		case u.SelfSet:
			note = "预留大部门空间，街道自设"
		case u.Kind == accountability.Agency:
			note = r.agencyNote(u.ID)
		}
		t.Add(u.ID, u.Name, u.Kind.Label(), note)
	}
	r.table(t)
	fs := tpl.Check(r.reg.Units, sd)
	if len(fs) == 0 {
		r.printf("  模板检查：符合\n\n")
	} else {
		r.printf("  模板检查：%d 个问题\n", len(fs))
		r.findings(fs)
		r.printf("\n")
	}
	return fs
}

func (r *report) duties() {
	r.printf("二、责任清单：%d 项主要职责\n", len(r.reg.Responsibilities))
	if r.pub != nil && r.pub.Duties > 0 && r.pub.Duties != len(r.reg.Responsibilities) {
		r.printf("  （与巢湖市规定的街道 %d 项主要职责不符）\n", r.pub.Duties)
	}
	t := texttable.New("编号", "主要职责", "责任主体", ">任务", "关联权力")
	for _, x := range r.reg.Responsibilities {
		t.Add(x.Code, x.Duty, r.unitName(x.Unit), strconv.Itoa(len(x.Tasks)), strings.Join(x.Powers, " "))
	}
	r.table(t)
	r.printf("  职责边界：\n")
	for _, x := range r.reg.Responsibilities {
		for _, b := range x.Boundaries {
			r.printf("    %s 与%s：街道负责%s；部门负责%s。依据：%s\n", x.Code, r.unitName(b.With), b.Ours, b.Theirs, b.Basis)
		}
	}
	r.printf("\n")
}

// categoryOrder is the order in which the power list prints categories.
var categoryOrder = []accountability.Category{
	accountability.Licensing, accountability.Penalty, accountability.Coercion,
	accountability.Levy, accountability.Payment, accountability.Inspection,
	accountability.Confirmation, accountability.Reward, accountability.Adjudication,
	accountability.OtherPower,
}

func days(n int) string {
	if n == 0 {
		return "—"
	}
	return strconv.Itoa(n)
}

func (r *report) powers() {
	ps := r.reg.Powers
	r.printf("三、权力清单：%d 项\n", len(ps))
	count := map[accountability.Category]int{}
	for _, p := range ps {
		count[p.Category]++
	}
	var parts []string
	for _, c := range categoryOrder {
		if count[c] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", c.Label(), count[c]))
		}
	}
	r.printf("  %s\n", strings.Join(parts, " · "))
	t := texttable.New("编码", "类别", "事项名称", "实施主体", ">法定", ">承诺", "流程", "赋权")
	for _, c := range categoryOrder {
		for _, p := range ps {
			if p.Category != c {
				continue
			}
			grant := ""
			if p.Grant != nil {
				grant = r.unitName(p.Grant.From)
				if p.Grant.Partial {
					grant += "（部分）"
				}
			}
			t.Add(p.Code, p.Category.Label(), p.Name, r.unitName(p.Subject), days(p.StatutoryDays), days(p.PromisedDays), p.Flow, grant)
		}
	}
	r.table(t)
	r.printf("  （时限单位：工作日）\n")
	if r.pub != nil && r.pub.Powers > 0 {
		r.printf("  （巢湖市街道权力事项 %d 项，本例收录其中 %d 项）\n", r.pub.Powers, len(ps))
	}
	r.printf("\n")
	if len(ps) > 0 {
		r.powerDetail(&ps[0])
	}
}

// powerDetail prints one power item in full, as a published list shows it.
func (r *report) powerDetail(p *accountability.Power) {
	r.printf("  事项样表：%s %s（%s）\n", p.Code, p.Name, p.Category.Label())
	r.printf("    实施主体：%s\n", r.unitName(p.Subject))
	for _, b := range p.Basis {
		r.printf("    实施依据：%s%s\n", b.Law, b.Article)
	}
	for _, d := range p.Duties {
		r.printf("    责任事项［%s］：%s\n", d.Stage.Label(), d.Text)
	}
	for _, l := range p.Liabilities {
		r.printf("    追责情形：%s\n", l)
	}
	r.printf("    时限：法定 %s 个工作日，承诺 %s 个工作日\n\n", days(p.StatutoryDays), days(p.PromisedDays))
}

func (r *report) flows() {
	r.printf("四、权力运行流程图：%d 张\n", len(r.reg.Flows))
	t := texttable.New("流程", "名称", ">环节", ">关键路径天数", "适用事项")
	var paths []string
	for i := range r.reg.Flows {
		f := &r.reg.Flows[i]
		var users []string
		for _, p := range r.reg.Powers {
			if p.Flow == f.ID {
				users = append(users, p.Code)
			}
		}
		crit := "—"
		path, total, err := f.CriticalPath()
		if err == nil {
			crit = strconv.Itoa(total)
			names := make([]string, 0, len(path))
			for _, id := range path {
				if s := stepOf(f, id); s != nil && s.Kind == accountability.Task {
					names = append(names, s.Name)
				}
			}
			paths = append(paths, fmt.Sprintf("    %s：%s", f.ID, strings.Join(names, " → ")))
		} else {
			paths = append(paths, fmt.Sprintf("    %s：%v", f.ID, err))
		}
		t.Add(f.ID, f.Name, strconv.Itoa(len(f.Steps)), crit, strings.Join(users, " "))
	}
	r.table(t)
	r.printf("  关键路径（用时最长的一条）：\n%s\n\n", strings.Join(paths, "\n"))
}

func stepOf(f *accountability.Flow, id string) *accountability.Step {
	for i := range f.Steps {
		if f.Steps[i].ID == id {
			return &f.Steps[i]
		}
	}
	return nil
}

// stepName names a step of a flow for a reader: "F-CF 作出处罚决定".
func (r *report) stepName(flow, step string) string {
	if f := r.flow(flow); f != nil {
		if s := stepOf(f, step); s != nil {
			return s.Name
		}
	}
	return flow + "/" + step
}

func (r *report) risks() {
	rs := r.reg.Risks
	count := map[accountability.Level]int{}
	for _, x := range rs {
		count[x.Level]++
	}
	r.printf("五、廉政风险点：%d 个（%s %d，%s %d，%s %d）\n", len(rs),
		accountability.High.Label(), count[accountability.High],
		accountability.Medium.Label(), count[accountability.Medium],
		accountability.Low.Label(), count[accountability.Low])
	t := texttable.New("编号", "流程", "环节", "风险描述", "等级", ">可能性×影响", ">防控措施", "责任人")
	for _, x := range rs {
		t.Add(x.ID, x.Flow, r.stepName(x.Flow, x.Step), x.Text, x.Level.Label(),
			fmt.Sprintf("%d×%d", x.Likelihood, x.Impact), strconv.Itoa(len(x.Controls)), x.Owner)
	}
	r.table(t)
	r.printf("  不相容岗位分离：%d 处\n", len(r.reg.Separations))
	st := texttable.New("流程", "环节一（岗位）", "环节二（岗位）", "理由")
	for _, s := range r.reg.Separations {
		st.Add(s.Flow, r.stepPost(s.Flow, s.Steps[0]), r.stepPost(s.Flow, s.Steps[1]), s.Reason)
	}
	r.table(st)
	r.printf("\n")
}

func (r *report) stepPost(flow, step string) string {
	if f := r.flow(flow); f != nil {
		if s := stepOf(f, step); s != nil {
			return s.Name + "（" + s.Post + "）"
		}
	}
	return flow + "/" + step
}

// verdict prints a check's result on one line headed what: ok when it
// found nothing, else how many breaches and each finding.
func (r *report) verdict(what, ok string, fs accountability.Findings) {
	if len(fs) == 0 {
		r.printf("  %s：%s\n", what, ok)
		return
	}
	r.printf("  %s：%d 处不符\n", what, len(fs))
	r.findings(fs)
}

// findings prints findings one a line: severity, path, message and rule.
func (r *report) findings(fs accountability.Findings) {
	for _, f := range fs {
		r.printf("    %s %s：%s（%s）\n", f.Severity.Label(), f.Path, f.Label(), f.Rule)
	}
}
