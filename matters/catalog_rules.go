package matters

import (
	"fmt"
	"strconv"

	"github.com/qingdan/qingdan/accountability"
	"github.com/qingdan/qingdan/internal/errtext"
)

// Validate checks that the catalog's lists agree with each other and
// returns every finding, each with its rule, severity, a path that starts
// with the list (`directory.routes[占道经营].lead`,
// `admission.items[QZ-01].unit`, `keyTasks[KT-1].functions[执法].support[0]`,
// `register.responsibilities[ZZ-01].tasks[2]`,
// `history.directories[0]`), an English Message and a Chinese one
// ([accountability.Finding.Label]). The rules, in the order they run:
//
//	catalog.unit      (error) a route's lead or support unit, an admission item's unit, a key task's owner or a function's lead or support unit that is no unit of the register
//	catalog.duty      (error) a route that rests on a responsibility (Route.Duty) the register lacks; (warning) a route that names none
//	catalog.lead      (error) a route whose lead, a unit of the register, is neither the responsibility's unit nor a department its boundaries name; (warning) a route with no Scope that sends the whole type to one side of a boundary that keeps part for the other
//	catalog.item      (error) an admission item whose code names no power or responsibility of the register
//	catalog.excluded  (error) excluded work on any list: an admission item, a route's type, a power, a responsibility's duty or task, a key task or function
//	catalog.limit     (warning) a route that allows more working days to resolve than a power its responsibility relies on promises (else its statutory limit)
//	catalog.revision  (error) a revision approved or published with no approver or approval time, approved after it took effect, or published with no effective date; two revisions of one list with one Version, or published to take effect at one instant; the catalog's own revision of a list recording no adoption while History holds others (it is then in force at no instant)
//	catalog.supervision (error) a negative setting of Supervision, or a supervisor that is a unit of the register (the supervisor is a body above the units, off it, such as a district's 督查室)
//
// The excluded work is [DefaultExclusions] with the admission's own
// exclusions, an exclusion of the admission replacing the default of the
// same name; matching is [Exclusion.Matches], so service work such as
// "为招商引资项目提供落地服务" is not reported.
//
// Validate does not repeat the checks of each list alone: run
// [accountability.Register.Validate], [Directory.Validate],
// [Admission.Validate] and [KeyTasks.Validate] for those. It takes time
// linear in the size of the lists and panics on a nil catalog.
func (c *Catalog) Validate() accountability.Findings {
	if c == nil {
		panic("matters: Validate of a nil *Catalog")
	}
	v := newCatalogIndex(c)
	v.checkUnits()
	v.checkDuties()
	v.checkLeads()
	v.checkItems()
	v.checkExcluded()
	v.checkLimits()
	v.checkRevisions()
	v.checkSupervision()
	return v.out
}

// catalogIndex is a catalog's lists indexed for one validation.
type catalogIndex struct {
	c      *Catalog
	reg    *accountability.Register
	dir    *Directory
	adm    *Admission
	units  map[string]*accountability.Unit
	powers map[string]*accountability.Power
	resps  map[string]*accountability.Responsibility
	out    accountability.Findings
}

func newCatalogIndex(c *Catalog) *catalogIndex {
	v := &catalogIndex{c: c, reg: c.Register, dir: c.Directory, adm: c.Admission}
	if v.reg == nil {
		v.reg = &accountability.Register{}
	}
	if v.dir == nil {
		v.dir = &Directory{}
	}
	if v.adm == nil {
		v.adm = &Admission{}
	}
	v.units = make(map[string]*accountability.Unit, len(v.reg.Units))
	for i := range v.reg.Units {
		if _, dup := v.units[v.reg.Units[i].ID]; !dup {
			v.units[v.reg.Units[i].ID] = &v.reg.Units[i]
		}
	}
	v.powers = make(map[string]*accountability.Power, len(v.reg.Powers))
	for i := range v.reg.Powers {
		if _, dup := v.powers[v.reg.Powers[i].Code]; !dup {
			v.powers[v.reg.Powers[i].Code] = &v.reg.Powers[i]
		}
	}
	v.resps = make(map[string]*accountability.Responsibility, len(v.reg.Responsibilities))
	for i := range v.reg.Responsibilities {
		if _, dup := v.resps[v.reg.Responsibilities[i].Code]; !dup {
			v.resps[v.reg.Responsibilities[i].Code] = &v.reg.Responsibilities[i]
		}
	}
	return v
}

func (v *catalogIndex) report(rule string, sev accountability.Severity, path, en, zh string) {
	v.out = append(v.out, accountability.Finding{Rule: rule, Severity: sev, Path: path, Message: en, Chinese: zh})
}

// unitZh names a unit in Chinese: its name and ID, or the ID alone when the
// register has no such unit or the unit no name.
func (v *catalogIndex) unitZh(id string) string {
	if u, ok := v.units[id]; ok && u.Name != "" && u.Name != id {
		return u.Name + "（" + id + "）"
	}
	return strconv.Quote(id)
}

func keyed(list, k string, i int) string {
	if k == "" {
		return list + "[#" + strconv.Itoa(i) + "]"
	}
	return list + "[" + k + "]"
}

func routePath(r *Route, i int) string { return keyed("directory.routes", r.Type, i) }

// where describes a place in the lists for a finding: its path, and what
// holds it in English and in Chinese. Checks build it only when they
// report, so that a sound catalog costs no text.
type where func() (path, en, zh string)

// entry is the where of entry i of list, whose key is k: what and whatZh
// name it, and its key follows them.
func entry(list, k string, i int, what, whatZh string) where {
	return func() (string, string, string) {
		return keyed(list, k, i), what + " " + strconv.Quote(k), whatZh + " " + k
	}
}

func (v *catalogIndex) checkUnits() {
	check := func(id string, at where) {
		if id == "" {
			return // Directory.Validate and KeyTasks.Validate report a missing unit
		}
		if _, ok := v.units[id]; !ok {
			path, en, zh := at()
			v.report("catalog.unit", accountability.Error, path,
				fmt.Sprintf("%s names unit %q, which is no unit of the register", en, id),
				fmt.Sprintf("%s %q 不是登记的单位", zh, id))
		}
	}
	for i := range v.dir.Routes {
		r := &v.dir.Routes[i]
		check(r.Lead, func() (string, string, string) {
			return routePath(r, i) + ".lead", fmt.Sprintf("route %q: the lead", r.Type), fmt.Sprintf("基层治理事项“%s”的牵头单位", r.Type)
		})
		for j, s := range r.Support {
			check(s, func() (string, string, string) {
				return routePath(r, i) + ".support[" + strconv.Itoa(j) + "]", fmt.Sprintf("route %q: a support unit", r.Type), fmt.Sprintf("基层治理事项“%s”的配合单位", r.Type)
			})
		}
	}
	for i := range v.adm.Items {
		it := &v.adm.Items[i]
		check(it.Unit, func() (string, string, string) {
			return keyed("admission.items", it.Code, i) + ".unit", fmt.Sprintf("admission item %q%s", it.Code, errtext.Aside(it.Name, false)), fmt.Sprintf("准入事项 %s%s的承办单位", it.Code, errtext.Aside(it.Name, true))
		})
	}
	for i := range v.c.KeyTasks {
		t := &v.c.KeyTasks[i]
		check(t.Owner, func() (string, string, string) {
			return keyed("keyTasks", t.ID, i) + ".owner", fmt.Sprintf("key task %q%s: the owner", t.ID, errtext.Aside(t.Name, false)), fmt.Sprintf("重点任务 %s%s的牵头主体", t.ID, errtext.Aside(t.Name, true))
		})
		for j := range t.Functions {
			f := &t.Functions[j]
			fp := func() string { return keyed("keyTasks", t.ID, i) + "." + keyed("functions", f.Name, j) }
			check(f.Lead, func() (string, string, string) {
				return fp() + ".lead", fmt.Sprintf("key task %q, function %q: the lead", t.ID, f.Name), fmt.Sprintf("重点任务 %s 的“%s”职能的牵头单位", t.ID, f.Name)
			})
			for k, s := range f.Support {
				check(s, func() (string, string, string) {
					return fp() + ".support[" + strconv.Itoa(k) + "]", fmt.Sprintf("key task %q, function %q: a support unit", t.ID, f.Name), fmt.Sprintf("重点任务 %s 的“%s”职能的配合单位", t.ID, f.Name)
				})
			}
		}
	}
}

func (v *catalogIndex) checkDuties() {
	const rule = "catalog.duty"
	for i := range v.dir.Routes {
		r := &v.dir.Routes[i]
		switch _, ok := v.resps[r.Duty]; {
		case r.Duty == "":
			v.report(rule, accountability.Warning, routePath(r, i)+".duty",
				fmt.Sprintf("route %q names no responsibility it rests on (Duty)", r.Type),
				fmt.Sprintf("基层治理事项“%s”未写明所依据的职责（责任清单编号）", r.Type))
		case !ok:
			v.report(rule, accountability.Error, routePath(r, i)+".duty",
				fmt.Sprintf("route %q rests on responsibility %q, which is not on the responsibility list", r.Type, r.Duty),
				fmt.Sprintf("基层治理事项“%s”所依据的职责 %s 不在责任清单中", r.Type, r.Duty))
		}
	}
}

func (v *catalogIndex) checkLeads() {
	const rule = "catalog.lead"
	for i := range v.dir.Routes {
		r := &v.dir.Routes[i]
		x, ok := v.resps[r.Duty]
		if _, known := v.units[r.Lead]; !ok || !known {
			continue // catalog.duty or catalog.unit reports it
		}
		p := routePath(r, i) + ".lead"
		if r.Lead != x.Unit && !namesBoundary(x, r.Lead) {
			v.report(rule, accountability.Error, p,
				fmt.Sprintf("route %q: lead %q is neither the unit of responsibility %s (%q) nor a department its boundaries name", r.Type, r.Lead, x.Code, x.Unit),
				fmt.Sprintf("基层治理事项“%s”的牵头单位%s既不是职责 %s%s的责任主体%s，也不是其职责边界所列的部门", r.Type, v.unitZh(r.Lead), x.Code, errtext.Aside(x.Duty, true), v.unitZh(x.Unit)))
			continue
		}
		if r.Scope != "" {
			continue
		}
		for _, b := range x.Boundaries {
			var keeps, keeper string
			switch {
			case r.Lead == b.With && b.Ours != "":
				keeps, keeper = b.Ours, x.Unit
			case r.Lead == x.Unit && b.Theirs != "":
				keeps, keeper = b.Theirs, b.With
			default:
				continue
			}
			v.report(rule, accountability.Warning, p,
				fmt.Sprintf("route %q sends every matter to %q, but the boundary of responsibility %s with %q gives %q to %q; state the route's Scope", r.Type, r.Lead, x.Code, b.With, keeps, keeper),
				fmt.Sprintf("基层治理事项“%s”将全部事项派给%s，但职责 %s 的职责边界规定“%s”由%s负责；应写明本条的适用范围", r.Type, v.unitZh(r.Lead), x.Code, keeps, v.unitZh(keeper)))
			break
		}
	}
}

func namesBoundary(x *accountability.Responsibility, unit string) bool {
	for _, b := range x.Boundaries {
		if b.With == unit {
			return true
		}
	}
	return false
}

func (v *catalogIndex) checkItems() {
	for i := range v.adm.Items {
		it := &v.adm.Items[i]
		if it.Code == "" {
			continue // Admission.Validate reports it
		}
		_, isPower := v.powers[it.Code]
		_, isResp := v.resps[it.Code]
		if !isPower && !isResp {
			v.report("catalog.item", accountability.Error, keyed("admission.items", it.Code, i),
				fmt.Sprintf("admission item %q%s names no power or responsibility of the register", it.Code, errtext.Aside(it.Name, false)),
				fmt.Sprintf("准入事项 %s%s的编码在权力清单和责任清单中都没有", it.Code, errtext.Aside(it.Name, true)))
		}
	}
}

// exclusions returns the excluded work of the catalog: the defaults, each
// replaced by the admission's exclusion of the same name, then the
// admission's others.
func (v *catalogIndex) exclusions() []Exclusion { return withDefaults(v.adm.Excluded) }

// withDefaults returns the exclusions of a catalog whose admission
// excludes own: [DefaultExclusions], each replaced by the exclusion of own
// of the same name, then the others of own.
func withDefaults(own []Exclusion) []Exclusion {
	named := make(map[string]bool, len(own))
	for _, x := range own {
		named[x.Name] = true
	}
	var out []Exclusion
	for _, x := range DefaultExclusions() {
		if !named[x.Name] {
			out = append(out, x)
		}
	}
	return append(out, own...)
}

func (v *catalogIndex) checkExcluded() {
	xs := v.exclusions()
	check := func(text string, at where) {
		for _, x := range xs {
			if !x.Matches(text) {
				continue
			}
			path, what, whatZh := at()
			why, whyZh := "", ""
			if x.Reason != "" {
				why, whyZh = ": "+x.Reason, "（"+x.Reason+"）"
			}
			v.report("catalog.excluded", accountability.Error, path,
				fmt.Sprintf("%s %q falls under the exclusion %s%s", what, text, x.Name, why),
				fmt.Sprintf("%s“%s”属于已取消的职能“%s”%s", whatZh, text, x.Name, whyZh))
			return
		}
	}
	for i := range v.adm.Items {
		it := &v.adm.Items[i]
		check(it.Name, entry("admission.items", it.Code, i, "admission item", "准入事项"))
	}
	for i := range v.dir.Routes {
		r := &v.dir.Routes[i]
		check(r.Type, func() (string, string, string) { return routePath(r, i), "route", "基层治理事项" })
	}
	for i := range v.reg.Powers {
		p := &v.reg.Powers[i]
		check(p.Name, entry("register.powers", p.Code, i, "power", "权力事项"))
	}
	for i := range v.reg.Responsibilities {
		x := &v.reg.Responsibilities[i]
		check(x.Duty, entry("register.responsibilities", x.Code, i, "responsibility", "职责"))
		for j, task := range x.Tasks {
			check(task, func() (string, string, string) {
				return keyed("register.responsibilities", x.Code, i) + ".tasks[" + strconv.Itoa(j) + "]", "a task of responsibility " + strconv.Quote(x.Code), "职责 " + x.Code + " 的工作事项"
			})
		}
	}
	for i := range v.c.KeyTasks {
		t := &v.c.KeyTasks[i]
		check(t.Name, entry("keyTasks", t.ID, i, "key task", "重点任务"))
		for j := range t.Functions {
			f := &t.Functions[j]
			check(f.Name, func() (string, string, string) {
				return keyed("keyTasks", t.ID, i) + "." + keyed("functions", f.Name, j), "a function of key task " + strconv.Quote(t.ID), "重点任务 " + t.ID + " 的职能"
			})
		}
	}
}

func (v *catalogIndex) checkLimits() {
	for i := range v.dir.Routes {
		r := &v.dir.Routes[i]
		x, ok := v.resps[r.Duty]
		if !ok || r.ResolveDays <= 0 {
			continue
		}
		var tight *accountability.Power
		for _, code := range x.Powers {
			if p, ok := v.powers[code]; ok && p.Limit() > 0 && (tight == nil || p.Limit() < tight.Limit()) {
				tight = p
			}
		}
		if tight == nil || r.ResolveDays <= tight.Limit() {
			continue
		}
		which, whichZh := "promises", "承诺时限"
		if tight.PromisedDays <= 0 {
			which, whichZh = "has as its statutory limit", "法定时限"
		}
		v.report("catalog.limit", accountability.Warning, routePath(r, i)+".resolveDays",
			fmt.Sprintf("route %q allows %d working days to resolve, more than the %d that power %s%s of responsibility %s %s", r.Type, r.ResolveDays, tight.Limit(), tight.Code, errtext.Aside(tight.Name, false), x.Code, which),
			fmt.Sprintf("基层治理事项“%s”的办结时限 %d 个工作日，长于职责 %s 所依托权力 %s%s的%s %d 个工作日", r.Type, r.ResolveDays, x.Code, tight.Code, errtext.Aside(tight.Name, true), whichZh, tight.Limit()))
	}
}
