package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/examples/internal/texttable"
	"github.com/shopspring/decimal"
)

// leadership is the sub-district's leading team (党政班子) as
// data/leadership.json holds it, with the enforcement agencies it manages
// locally (属地化管理). The source's rules: the heads of "一办七部" (its eight
// internal offices) are all members of the team (由街道党政班子成员兼任); the
// head of 党群工作部 is the full-time deputy secretary or the organisation
// member (党工委专职副书记或组织委员); the police station's head sits on the
// 党工委 without a portfolio or a seat of its quota (不分工、不占职数); and the
// city's urban-management and market-regulation enforcement is managed by the
// sub-district, its people and funds moving with it (人随事转、费随事转).
type leadership struct {
	Subdistrict string      `json:"subdistrict"` // the register's unit ID of the sub-district
	Note        string      `json:"note,omitempty"`
	Seats       int         `json:"seats"`      // the team's quota of members (职数)
	PartyDept   string      `json:"partyDept"`  // the name of 党群工作部
	PartyHeads  []string    `json:"partyHeads"` // the posts one of which its head must hold
	Members     []member    `json:"members"`
	Localized   []localized `json:"localized,omitempty"`
}

// member is one member of the team: their posts, the units they head
// (兼任负责人) and oversee (分管). From names the dispatched agency whose head
// the member is; such a member has no portfolio and takes no seat.
type member struct {
	Name     string   `json:"name"`
	Posts    []string `json:"posts"`
	Heads    []string `json:"heads,omitempty"`
	Oversees []string `json:"oversees,omitempty"`
	From     string   `json:"from,omitempty"`
}

// localized is an enforcement agency under the sub-district's management:
// the department it came from, and the staff and yearly funds (万元) that
// moved with it.
type localized struct {
	Unit  string          `json:"unit"`
	From  string          `json:"from"`
	Staff int             `json:"staff"`
	Funds decimal.Decimal `json:"funds"`
}

// seated is how many members take a seat of the quota.
func (l *leadership) seated() int {
	n := 0
	for _, m := range l.Members {
		if m.From == "" {
			n++
		}
	}
	return n
}

// headOf returns the members who head the unit.
func (l *leadership) headOf(unit string) []*member {
	var out []*member
	for i := range l.Members {
		if slices.Contains(l.Members[i].Heads, unit) {
			out = append(out, &l.Members[i])
		}
	}
	return out
}

// check returns a finding for each breach of the source's rules by the team
// and the register's units of the sub-district.
func (l *leadership) check(reg *accountability.Register) accountability.Findings {
	var fs accountability.Findings
	add := func(rule, path, en, zh string) {
		fs = append(fs, accountability.Finding{Rule: rule, Severity: accountability.Error, Path: path, Message: en, Chinese: zh})
	}
	units := map[string]accountability.Unit{}
	for _, u := range reg.Units {
		units[u.ID] = u
	}
	child := func(id string, kind accountability.UnitKind) bool {
		u, ok := units[id]
		return ok && u.Kind == kind && u.Parent == l.Subdistrict
	}
	for _, u := range reg.Units {
		if !child(u.ID, accountability.Office) {
			continue
		}
		path := "units[" + u.ID + "]"
		hs := l.headOf(u.ID)
		switch {
		case len(hs) != 1:
			add("chaohu.head", path,
				fmt.Sprintf("office %s (%s) has %d heads from the team; it must have one", u.ID, u.Name, len(hs)),
				fmt.Sprintf("%s应由 1 名班子成员兼任负责人，现为 %d 名", u.Name, len(hs)))
		case hs[0].From != "":
			add("chaohu.head", path,
				fmt.Sprintf("office %s (%s) is headed by %s, head of dispatched agency %s, who has no portfolio", u.ID, u.Name, hs[0].Name, hs[0].From),
				fmt.Sprintf("%s由派驻机构负责人%s兼任负责人，而其不分工", u.Name, hs[0].Name))
		case u.Name == l.PartyDept && !slices.ContainsFunc(hs[0].Posts, func(p string) bool { return slices.Contains(l.PartyHeads, p) }):
			add("chaohu.partyhead", path,
				fmt.Sprintf("%s is headed by %s (%s), not by one of %s", u.Name, hs[0].Name, strings.Join(hs[0].Posts, ", "), strings.Join(l.PartyHeads, ", ")),
				fmt.Sprintf("%s部长应由%s兼任，现由%s（%s）兼任", u.Name, strings.Join(l.PartyHeads, "或"), hs[0].Name, strings.Join(hs[0].Posts, "、")))
		}
	}
	if n := l.seated(); n > l.Seats {
		add("chaohu.seats", "members",
			fmt.Sprintf("%d members take a seat; the quota is %d", n, l.Seats),
			fmt.Sprintf("班子成员占用职数 %d 名，超过职数 %d 名", n, l.Seats))
	}
	for i, m := range l.Members {
		path := "members[" + strconv.Itoa(i) + "]"
		for _, id := range append(slices.Clone(m.Heads), m.Oversees...) {
			if _, ok := units[id]; !ok {
				add("chaohu.unit", path, fmt.Sprintf("%s: unit %q is not in the register", m.Name, id),
					fmt.Sprintf("%s兼任或分管的单位“%s”不在登记的单位中", m.Name, id))
			}
		}
		if m.From == "" {
			continue
		}
		if !child(m.From, accountability.Agency) {
			add("chaohu.exofficio", path, fmt.Sprintf("%s: %q is no agency dispatched to the sub-district", m.Name, m.From),
				fmt.Sprintf("%s所在的“%s”不是派驻街道的机构", m.Name, m.From))
		}
		if len(m.Heads)+len(m.Oversees) > 0 {
			add("chaohu.exofficio", path, fmt.Sprintf("%s, head of dispatched agency %s, has a portfolio", m.Name, m.From),
				fmt.Sprintf("派驻机构负责人%s兼任党工委委员，应不分工，却兼任或分管了单位", m.Name))
		}
	}
	for _, u := range reg.Units {
		if child(u.ID, accountability.Agency) && strings.HasSuffix(u.Name, "派出所") &&
			!slices.ContainsFunc(l.Members, func(m member) bool { return m.From == u.ID }) {
			add("chaohu.police", "units["+u.ID+"]", fmt.Sprintf("the head of %s is not on the 党工委", u.Name),
				fmt.Sprintf("%s主要负责人未兼任街道党工委委员", u.Name))
		}
	}
	for _, x := range l.Localized {
		path := "localized[" + x.Unit + "]"
		if !child(x.Unit, accountability.Agency) {
			add("chaohu.localized", path, fmt.Sprintf("%q is no agency of the sub-district", x.Unit),
				fmt.Sprintf("属地化管理的“%s”不是派驻街道的机构", x.Unit))
		}
		if u, ok := units[x.From]; !ok || u.Kind != accountability.Department {
			add("chaohu.localized", path, fmt.Sprintf("%s: %q is no city department", x.Unit, x.From),
				fmt.Sprintf("“%s”的原主管部门“%s”不是市直部门", x.Unit, x.From))
		}
		if x.Staff <= 0 || !x.Funds.IsPositive() {
			add("chaohu.localized", path, fmt.Sprintf("%s: no staff or no funds moved with it", x.Unit),
				fmt.Sprintf("“%s”属地化管理未随转人员或经费（人随事转、费随事转）", x.Unit))
		}
		if !slices.ContainsFunc(l.Members, func(m member) bool { return m.From == "" && slices.Contains(m.Oversees, x.Unit) }) {
			add("chaohu.localized", path, fmt.Sprintf("%s: no member of the team oversees it", x.Unit),
				fmt.Sprintf("属地化管理的“%s”没有班子成员分管", x.Unit))
		}
	}
	return fs
}

// leadershipSection prints the team, who heads which office, the locally
// managed enforcement agencies and the findings of check.
func (r *report) leadershipSection(l *leadership) accountability.Findings {
	offices := 0
	for _, u := range r.reg.Units {
		if u.Parent == l.Subdistrict && u.Kind == accountability.Office {
			offices++
		}
	}
	r.printf("十、班子兼任与执法力量属地化管理（%s）\n", r.unitName(l.Subdistrict))
	r.printf("  党政班子：职数 %d 名，占用 %d 名；派驻机构负责人 %d 名兼任党工委委员，不分工、不占职数\n", l.Seats, l.seated(), len(l.Members)-l.seated())
	t := texttable.New("姓名", "职务", "兼任负责人", "分管", "占职数")
	names := func(ids []string) string {
		s := make([]string, len(ids))
		for i, id := range ids {
			s[i] = r.unitName(id)
		}
		return strings.Join(s, "、")
	}
	for _, m := range l.Members {
		seat := "是"
		if m.From != "" {
			seat = "否（" + r.unitName(m.From) + "）"
		}
		t.Add(m.Name, strings.Join(m.Posts, "、"), names(m.Heads), names(m.Oversees), seat)
	}
	r.table(t)
	r.printf("  “一办七部”%d 个内设机构负责人由班子成员兼任；%s部长须由%s兼任\n", offices, l.PartyDept, strings.Join(l.PartyHeads, "或"))
	r.printf("  执法力量属地化管理（重心下移、职能下沉、人随事转、费随事转）：\n")
	lt := texttable.New("机构", "原主管部门", ">随转人员", ">随转经费（万元/年）")
	for _, x := range l.Localized {
		lt.Add(r.unitName(x.Unit), r.unitName(x.From), strconv.Itoa(x.Staff), x.Funds.String())
	}
	lt.Write(r.w, "    ")
	r.printf("  （%s）\n", l.Note)
	fs := l.check(r.reg)
	r.verdict("兼任与属地化管理核对", "符合", fs)
	r.printf("\n")
	return fs
}
