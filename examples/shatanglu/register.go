package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/cli"
	"github.com/qingdan/qingdan/examples/internal/texttable"
)

// officeDuties are the duties the office through which a leader is in
// charge of the dispatched agencies holds over each of them: 细化公共管理办公室
// 的协调、监督及考评等职能.
var officeDuties = []string{"协调", "监督", "考评"}

// loadRegister reads the register of the sub-district's management of its
// dispatched agencies, data/register.json — the 公共管理办公室's duties
// (责任清单) and the personnel-participation power (人事参与权) the city and
// the district granted — and gives it the units.
func loadRegister(units []accountability.Unit) (*accountability.Register, error) {
	r, err := cli.Read(dataFS, "data/register.json", accountability.LoadRegister)
	if err != nil {
		return nil, err
	}
	r.Units = units
	return r, nil
}

// agencyRule is 沙塘路街道's reading of its leadership mechanism as a rule
// over the register: the office a leader is in charge of the agencies
// through holds each of officeDuties, with a boundary (职责边界) with every
// dispatched agency, and its 考评 relies on a power the sub-district holds
// by grant (the 人事参与权 of the city and the district).
func agencyRule(c *council) accountability.Rule {
	return accountability.Rule{
		Name: "shatanglu.agencies",
		Doc:  "the office in charge of the dispatched agencies coordinates, supervises and appraises each of them",
		Check: func(r *accountability.Register, report func(accountability.Finding)) {
			granted := map[string]bool{}
			for _, p := range r.Powers {
				if p.Grant != nil && p.Subject == subdistrict {
					granted[p.Code] = true
				}
			}
			for _, l := range c.Leaders {
				for _, duty := range officeDuties {
					i := slices.IndexFunc(r.Responsibilities, func(x accountability.Responsibility) bool {
						return x.Unit == l.Office && x.Duty == duty
					})
					if i < 0 {
						msg := fmt.Sprintf("%s has no duty %s", l.Office, duty)
						report(accountability.Finding{Path: "responsibilities", Message: msg, Chinese: fmt.Sprintf("%s 无%s职能", l.Office, duty)})
						continue
					}
					x := r.Responsibilities[i]
					path := "responsibilities[" + x.Code + "]"
					for _, a := range l.Agencies {
						if !slices.ContainsFunc(x.Boundaries, func(b accountability.Boundary) bool { return b.With == a }) {
							report(accountability.Finding{Path: path, Message: fmt.Sprintf("duty %s of %s does not reach agency %s", duty, l.Office, a),
								Chinese: fmt.Sprintf("%s的%s职能未覆盖派驻机构 %s", l.Office, duty, a)})
						}
					}
					if duty == "考评" && !slices.ContainsFunc(x.Powers, func(p string) bool { return granted[p] }) {
						report(accountability.Finding{Path: path, Message: fmt.Sprintf("duty %s of %s relies on no granted power", duty, l.Office),
							Chinese: fmt.Sprintf("%s的%s职能未依托市、区赋予的人事参与权", l.Office, duty)})
					}
				}
			}
		},
	}
}

// assessor returns the unit of the register that holds the duty 考评.
func assessor(r *accountability.Register) string {
	for _, x := range r.Responsibilities {
		if x.Duty == "考评" {
			return x.Unit
		}
	}
	return ""
}

// council prints the leadership and the rules of procedure: the leader in
// charge and the office's duties, checked against the register, and the
// meetings with how often each is held in the month of the working days.
func (p *printer) council(c *council, reg *accountability.Register, days []time.Time) {
	p.printf("五、领导机制与议事机制（%s，%s 修订）\n", c.Name, c.Revised)
	for _, l := range c.Leaders {
		p.printf("  分管领导：%s，通过%s分管%s\n", l.Post, p.unitName(l.Office), p.names(l.Agencies))
	}
	t := texttable.New("职能", "承担", "具体事项", "覆盖派驻机构")
	for _, x := range reg.Responsibilities {
		var with []string
		for _, b := range x.Boundaries {
			with = append(with, b.With)
		}
		t.Add(x.Duty, p.unitName(x.Unit), strings.Join(x.Tasks, "；"), p.names(with))
	}
	p.table(t)
	fs := reg.Validate(agencyRule(c))
	if len(fs) == 0 {
		p.printf("  清单检查：符合（内置规则及 shatanglu.agencies）\n")
	} else {
		p.printf("  清单检查：%d 个问题\n", len(fs))
		for _, f := range fs {
			p.printf("    %s %s：%s（%s）\n", f.Severity.Label(), f.Path, f.Label(), f.Rule)
		}
	}
	t = texttable.New("会议", "周期", ">本月次数", "议题", "参加（主要负责同志）")
	for _, m := range c.Meetings {
		n := "—"
		if k := held(m.Cycle, days); k >= 0 {
			n = strconv.Itoa(k)
		}
		t.Add(m.Name, cycles[m.Cycle], n, m.Agenda, p.names(m.Attendees))
	}
	p.table(t)
	p.printf("\n")
}
