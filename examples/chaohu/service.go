package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/texttable"
)

// service is how residents and firms get things done at the sub-district
// (到街道办事), as data/service.json holds it: the way before the reform,
// approval by five hands one after another (社区干部, 包联社区干部, 街道经办人员,
// 街道负责同志, 市直相关职能部门), and the way after it, "前台+后台" — the front
// desk (前台) of the 党群服务中心 takes the application and hands back the
// result, the back office (后台) does the rest — with "一枚印章", "一窗集成",
// "一门全办" and "最多跑一趟". Items are the register's powers taken in at
// the one window.
type service struct {
	Title    string   `json:"title"`
	Note     string   `json:"note,omitempty"`
	Desk     string   `json:"desk"`     // the front desk's post, as the register's flows name it
	DeskUnit string   `json:"deskUnit"` // the unit of the front desk: a centre of the sub-district
	Items    []string `json:"items"`
	Before   mode     `json:"before"`
	After    mode     `json:"after"`
}

// mode is one way of getting a thing done: its flowchart, the steps the
// applicant must attend in person (each a trip, 跑一趟) and the steps that
// stamp a seal.
type mode struct {
	Flow     accountability.Flow `json:"flow"`
	InPerson []string            `json:"inPerson"`
	Sealed   []string            `json:"sealed"`
}

// serviceRules names the source's four promises, in print order, with what
// each checks.
var serviceRules = []struct{ name, label string }{
	{"chaohu.onetrip", "最多跑一趟"},
	{"chaohu.onewindow", "一窗集成"},
	{"chaohu.onedoor", "一门全办"},
	{"chaohu.oneseal", "一枚印章"},
}

// check returns a finding for each of the source's promises that the mode
// breaks, and for a mode that does not hold together (a step named that
// the flow lacks, a cycle):
//
//	chaohu.onetrip    the applicant attends more than one step in person
//	chaohu.onewindow  a step the applicant attends is not at the desk, or an item's
//	                  register flow takes applications elsewhere than at the desk
//	chaohu.onedoor    the desk is not a centre of the sub-district, or the applicant
//	                  must go to a city department (市直相关职能部门) in person
//	chaohu.oneseal    not exactly one step stamps a seal
func (s *service) check(m *mode, reg *accountability.Register, subdistrict string) accountability.Findings {
	var fs accountability.Findings
	path := "flows[" + m.Flow.ID + "]"
	add := func(rule, en, zh string) {
		fs = append(fs, accountability.Finding{Rule: rule, Severity: accountability.Error, Path: path, Message: en, Chinese: zh})
	}
	if _, err := m.Flow.Order(); err != nil {
		add("chaohu.service", err.Error(), fmt.Sprintf("流程“%s”不成立：%v", m.Flow.Name, err))
	}
	for _, id := range append(slices.Clone(m.InPerson), m.Sealed...) {
		if stepOf(&m.Flow, id) == nil {
			add("chaohu.service", fmt.Sprintf("flow %s has no step %q", m.Flow.ID, id), fmt.Sprintf("流程“%s”没有环节“%s”", m.Flow.Name, id))
		}
	}
	if n := len(m.InPerson); n > 1 {
		add("chaohu.onetrip", fmt.Sprintf("the applicant goes %d times", n), fmt.Sprintf("群众须跑 %d 趟，超过一趟", n))
	}
	for _, id := range m.InPerson {
		st := stepOf(&m.Flow, id)
		if st == nil || st.Post == s.Desk {
			continue
		}
		add("chaohu.onewindow", fmt.Sprintf("the applicant attends %q at %s, not at the desk", st.Name, st.Post),
			fmt.Sprintf("群众须到%s办理“%s”，不在%s", st.Post, st.Name, s.Desk))
		if strings.HasPrefix(st.Post, "市直") {
			add("chaohu.onedoor", fmt.Sprintf("the applicant goes to %s in person", st.Post), fmt.Sprintf("群众须到%s当面办理", st.Post))
		}
	}
	desk := slices.IndexFunc(reg.Units, func(u accountability.Unit) bool { return u.ID == s.DeskUnit })
	if desk < 0 || reg.Units[desk].Kind != accountability.Center || reg.Units[desk].Parent != subdistrict {
		add("chaohu.onedoor", fmt.Sprintf("the desk's unit %q is no centre of the sub-district", s.DeskUnit),
			fmt.Sprintf("前台所在的“%s”不是街道的中心", s.DeskUnit))
	}
	for _, code := range s.Items {
		p := slices.IndexFunc(reg.Powers, func(p accountability.Power) bool { return p.Code == code })
		if p < 0 {
			add("chaohu.onewindow", fmt.Sprintf("item %s is not in the power list", code), fmt.Sprintf("一窗受理的事项 %s 不在权力清单中", code))
			continue
		}
		f := flowByID(reg, reg.Powers[p].Flow)
		if f == nil {
			continue // the register's own validation reports it
		}
		for _, st := range f.Steps {
			if st.Stage == accountability.Acceptance && st.Post != s.Desk {
				add("chaohu.onewindow", fmt.Sprintf("item %s is taken in by %s in flow %s, not at the desk", code, st.Post, f.ID),
					fmt.Sprintf("事项 %s 在流程 %s 中由%s受理，不在%s", code, f.ID, st.Post, s.Desk))
			}
		}
	}
	if n := len(m.Sealed); n != 1 {
		add("chaohu.oneseal", fmt.Sprintf("%d steps stamp a seal", n), fmt.Sprintf("盖章 %d 次，不是一枚印章", n))
	}
	return fs
}

// serviceSection prints the two ways side by side and the findings of the
// reformed one; it returns those findings.
func (r *report) serviceSection(s *service, subdistrict string) accountability.Findings {
	var items []string
	for _, code := range s.Items {
		item := code // an item the register lacks has no name to print (reported below)
		if name := r.powerName(code); name != "" {
			item += " " + name
		}
		items = append(items, item)
	}
	r.printf("十一、“前台+后台”工作模式：%s\n", s.Title)
	r.printf("  %s一窗受理 %d 项：%s\n", s.Desk, len(items), strings.Join(items, "、"))
	t := texttable.New("方式", ">跑几趟", ">盖章", ">关键路径天数", "不符合")
	var after accountability.Findings
	for _, m := range []*mode{&s.Before, &s.After} {
		fs := s.check(m, r.reg, subdistrict)
		if m == &s.After {
			after = fs
		}
		days := "—"
		if _, n, err := m.Flow.CriticalPath(); err == nil {
			days = fmt.Sprint(n)
		}
		var broken []string
		for _, rule := range serviceRules {
			if slices.ContainsFunc(fs, func(f accountability.Finding) bool { return f.Rule == rule.name }) {
				broken = append(broken, rule.label)
			}
		}
		if len(broken) == 0 {
			broken = []string{"—"}
		}
		t.Add(m.Flow.Name, fmt.Sprint(len(m.InPerson)), fmt.Sprint(len(m.Sealed)), days, strings.Join(broken, "、"))
	}
	r.table(t)
	for _, m := range []*mode{&s.Before, &s.After} {
		var names []string
		for _, st := range m.Flow.Steps {
			if st.Kind != accountability.Task {
				continue
			}
			name := st.Name + "（" + st.Post + "）"
			if slices.Contains(m.InPerson, st.ID) {
				name += "［到场］"
			}
			names = append(names, name)
		}
		r.printf("  %s：%s\n", m.Flow.Name, strings.Join(names, " → "))
	}
	r.printf("  （%s）\n", s.Note)
	labels := make([]string, len(serviceRules))
	for i, rule := range serviceRules {
		labels[i] = rule.label
	}
	r.verdict("改革后核对", strings.Join(labels, "、")+"，均符合", after)
	return after
}

// powerName returns the name of the register's power with the code, or "".
func (r *report) powerName(code string) string {
	for _, p := range r.reg.Powers {
		if p.Code == code {
			return p.Name
		}
	}
	return ""
}
