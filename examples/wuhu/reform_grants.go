package main

// 坚持权责一致 (赋权): the five powers (五权), the grants of them to the
// sub-districts — in part where a power cannot yet be granted whole, the
// part the sub-districts found useful and within their means, such as the
// planning-participation power while the city master plan and regulatory
// plans are drafted — and the follow-up of departments that lag: the
// 党建工作领导小组 each month, the city's leaders each quarter.

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/matters/workday"
)

// grantsView is the section on the powers: the five, the grants as powers
// held by grant ([accountability.Grant]), the month-by-month ledger of
// their progress, and the findings.
type grantsView struct {
	Five     []fivePower             `json:"five"`
	Grantee  string                  `json:"grantee"`
	Powers   []accountability.Power  `json:"powers"` // the grants, each a power the sub-districts hold by grant from a department
	Due      map[string]string       `json:"due"`    // each grant's due month, by Code
	Ledger   []ledgerMonth           `json:"ledger"`
	Findings accountability.Findings `json:"findings,omitempty"`
}

// ledgerMonth is one month of the follow-up: the grants due by its end,
// those done by then (due or not), and those due and not done, with the
// departments at fault. Quarterly
// marks a quarter's last month, when the city's leaders take the lagging
// departments in hand (季度调度).
type ledgerMonth struct {
	Month     string   `json:"month"`
	Quarterly bool     `json:"quarterly,omitempty"`
	Due       int      `json:"due"`
	Done      int      `json:"done"`
	Lagging   []lagged `json:"lagging,omitempty"`
}

// lagged is a grant due and not done: its Code and the department's name.
type lagged struct {
	Grant      string `json:"grant"`
	Department string `json:"department"`
}

// grantee is the ID of the unit that holds the grants: the city's
// sub-districts as one.
const grantee = "jiedao"

// grants builds the section and runs its checks:
//
//	wuhu.reform.five         not five powers, or one named twice
//	wuhu.reform.grant        a grant of a power not among the five, or from
//	                         a body that is not one of the city's departments
//	wuhu.reform.grant.month  a due or done month that is no month (YYYY-MM) or
//	                         falls outside the follow-up
//	wuhu.reform.survey       a partial grant the survey did not find useful
//	                         and within the sub-districts' means
//	wuhu.reform.open         a grant not done when the follow-up ends
//	power.*                  the register's rules on the grants: a partial
//	                         grant whose Scope does not say which part, …
func grants(w *world, pd *powersData) grantsView {
	tr := pd.Tracking
	v := grantsView{Five: pd.Powers, Grantee: tr.Grantee, Due: map[string]string{}}
	var fs findings
	seen := map[string]bool{}
	for _, p := range pd.Powers {
		if seen[p.Name] {
			fs.add("wuhu.reform.five", "powers["+p.Name+"]", "power "+p.Name+" named twice", "“"+p.Name+"”重复")
		}
		seen[p.Name] = true
	}
	fs.count("wuhu.reform.five", "powers", "powers", "“五权”", len(pd.Powers), 5)
	months, err := monthsOf(tr.From, tr.To)
	if err != nil {
		fs.add("wuhu.reform.grant.month", "tracking", err.Error(), "跟踪起止月份有误："+err.Error())
	}
	reg := accountability.Register{Units: []accountability.Unit{{ID: grantee, Name: tr.Grantee, Kind: accountability.Subdistrict}}}
	depts := map[string]bool{}
	for _, d := range w.city.Departments {
		depts[d.ID] = true
		reg.Units = append(reg.Units, accountability.Unit{ID: d.ID, Name: d.Name, Kind: accountability.Department})
	}
	for _, g := range pd.Grants {
		path := "grants[" + g.ID + "]"
		if !seen[g.Power] {
			fs.add("wuhu.reform.grant", path, g.ID+" grants "+g.Power+", not one of the five powers", g.ID+"所赋“"+g.Power+"”不在“五权”之列")
		}
		if !depts[g.From] {
			fs.add("wuhu.reform.grant", path, g.ID+" is granted by "+g.From+", not a department of the city", g.ID+"的放权单位 "+g.From+" 不是市直部门")
		}
		for _, m := range []struct{ what, zh, month string }{{"due", "到期", g.Due}, {"done", "落实", g.Done}} {
			if m.month == "" && m.what == "done" {
				continue
			}
			if !slices.Contains(months, m.month) {
				fs.add("wuhu.reform.grant.month", path+"."+m.what,
					fmt.Sprintf("%s: %s month %q is not a month of the follow-up, %s to %s", g.ID, m.what, m.month, tr.From, tr.To),
					fmt.Sprintf("%s的%s月份 %q 不在跟踪期 %s 至 %s 之内", g.ID, m.zh, m.month, tr.From, tr.To))
			}
		}
		if g.Partial && !g.Surveyed {
			fs.add("wuhu.reform.survey", path,
				g.ID+" grants part of "+g.Power+" that the survey did not find useful and within the sub-districts' means",
				g.ID+"部分赋予“"+g.Power+"”，但该部分未经调研确认为街道管用且能承接")
		}
		if g.Done == "" {
			fs.add("wuhu.reform.open", path,
				fmt.Sprintf("%s (%s, by %s) is not done when the follow-up ends in %s", g.ID, g.Power, w.name(g.From), tr.To),
				fmt.Sprintf("%s（%s，%s）至跟踪期末 %s 仍未落实", g.ID, g.Power, w.name(g.From), tr.To))
			continue
		}
		since, _ := time.ParseInLocation("2006-01", g.Done, workday.CST())
		reg.Powers = append(reg.Powers, accountability.Power{
			Code: g.ID, Name: g.Power + "：" + g.Part, Category: accountability.OtherPower, Subject: grantee,
			Grant: &accountability.Grant{From: g.From, Since: since, Partial: g.Partial, Scope: g.Scope},
		})
		v.Due[g.ID] = g.Due
	}
	v.Powers = reg.Powers
	fs = append(fs, reg.Run(rulesNamed("power.required", "power.duplicate", "power.subject", "power.grant")...)...)
	for _, m := range months {
		lm := ledgerMonth{Month: m, Quarterly: strings.HasSuffix(m, "-03") || strings.HasSuffix(m, "-06") || strings.HasSuffix(m, "-09") || strings.HasSuffix(m, "-12")}
		for _, g := range pd.Grants {
			done := g.Done != "" && g.Done <= m
			if done {
				lm.Done++
			}
			if g.Due <= m {
				lm.Due++
				if !done {
					lm.Lagging = append(lm.Lagging, lagged{g.ID, w.short(g.From)})
				}
			}
		}
		v.Ledger = append(v.Ledger, lm)
	}
	v.Findings = accountability.Findings(fs)
	return v
}

// monthsOf returns the months from to to (YYYY-MM), in order.
func monthsOf(from, to string) ([]string, error) {
	f, err1 := time.Parse("2006-01", from)
	t, err2 := time.Parse("2006-01", to)
	switch {
	case err1 != nil || err2 != nil:
		return nil, fmt.Errorf("follow-up from %q to %q: want months such as 2019-07", from, to)
	case t.Before(f) || t.After(f.AddDate(5, 0, 0)):
		return nil, fmt.Errorf("follow-up from %s to %s: want at most 5 years, in order", from, to)
	}
	var out []string
	for m := f; !m.After(t); m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	return out, nil
}
